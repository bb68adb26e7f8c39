"""The command line closes a quarter, lists snapshots, and undoes a freeze with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain import Quarter
from desktop.services import ledger, progress
from desktop.services.workspace import Workspace
from tests.factories import import_document, make_document


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_freeze_list_unfreeze(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = tmp_path / "d"
    ws = Workspace.open(data)
    plan_id = import_document(ws, make_document(4))
    first = ledger.list_measures(ws.db, plan_id, Quarter(2023, 2))[0].id
    ws.close()

    code, out, _ = run(capsys, "--data-dir", str(data), "snapshots")
    assert code == 0 and "还没有定稿记录" in out
    code, out, _ = run(capsys, "--data-dir", str(data), "freeze", "--quarter", "2023Q2")
    assert code == 0 and "已定稿：2023年第二季度《某县优化营商环境重点任务》，4 项措施" in out
    code, _, err = run(
        capsys, "--data-dir", str(data), "freeze", "--quarter", "2023Q2", "--plan", str(plan_id)
    )
    assert code == 1 and "已经定稿" in err

    ws = Workspace.open(data)
    with pytest.raises(Exception, match="已定稿"):
        progress.save_progress(
            ws, first, Quarter(2023, 2), progress_text="x", problems="", next_steps=""
        )
    ws.close()

    code, _, err = run(
        capsys, "--data-dir", str(data), "unfreeze", "--quarter", "2023Q2", "--plan", "1",
        "--reason", " ",
    )  # fmt: skip
    assert code == 1 and "原因" in err
    code, out, _ = run(
        capsys, "--data-dir", str(data), "unfreeze", "--quarter", "2023Q2", "--plan", "1",
        "--reason", "补充材料",
    )  # fmt: skip
    assert code == 0 and "已撤销定稿" in out and "已保留" in out
    code, out, _ = run(capsys, "--data-dir", str(data), "snapshots", "--quarter", "2023Q2")
    fields = out.strip().split("\t")
    assert code == 0 and fields[0] == "#1" and fields[1] == "2023Q2" and fields[2] == "1"
    assert fields[4] == ws.author and len(fields[5]) == 12
    assert fields[6] == "已撤销（补充材料）"


def test_report_of_a_frozen_quarter_shows_the_snapshot_version(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from pypdf import PdfReader

    data = tmp_path / "d"
    ws = Workspace.open(data)
    import_document(ws, make_document(4))
    ws.close()
    run(capsys, "--data-dir", str(data), "freeze", "--quarter", "2023Q2", "--plan", "1")
    out = tmp_path / "r.pdf"
    code, _, err = run(
        capsys, "--data-dir", str(data), "report", "--quarter", "2023Q2", "--out", str(out)
    )
    assert code == 0, err
    assert "定稿 2023Q2 #1" in PdfReader(str(out)).pages[0].extract_text()

    ws = Workspace.open(data)
    import_document(ws, make_document(3, title="另一个计划"), "other.txt")
    ws.close()
    run(capsys, "--data-dir", str(data), "freeze", "--quarter", "2023Q2", "--plan", "2")
    code, _, err = run(
        capsys, "--data-dir", str(data), "report", "--quarter", "2023Q2", "--out", str(out)
    )
    assert code == 0, err
    footer = PdfReader(str(out)).pages[0].extract_text()
    version = footer.split("数据版本：")[1].split("文件版本")[0].strip()
    assert version.startswith("定稿 2023Q2 #1+#2 · ")
    code, listed, _ = run(capsys, "--data-dir", str(data), "snapshots")
    assert code == 0 and f"2023Q2\t全部计划合并打印时页脚为：{version}" in listed
