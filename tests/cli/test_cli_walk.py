"""The walking skeleton's five steps through the command line alone, as a script would run them."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main
from tests.conftest import SAMPLE_43


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_status_progress_attach_report_and_again(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = str(tmp_path / "data")

    def cli(*args: str) -> str:
        code, out, err = run(capsys, "--data-dir", data, *args)
        assert code == 0, (args, err)
        return out

    # 2. Import; the measures are listed with the ids the next commands take.
    assert "已导入 1 个计划，共 22 项措施" in cli("import", str(SAMPLE_43))
    rows = [line.split("\t") for line in cli("measures", "--plan", "1").splitlines()]
    assert rows[0][:3] == ["编号", "序号", "状态"]
    first = next(r for r in rows[1:] if r[-1] == "简化就业手续")
    measure = first[0]
    assert (
        first[1] == "（一）" and first[2].startswith("未启动") and first[6] == "省人社厅、省教育厅"
    )

    # 3. 推进中, this quarter's three texts, an evidence file (whose original is then deleted).
    assert "未启动 → 推进中" in cli("status", measure, "推进中")
    cli(
        "progress", measure, "--quarter", "2023Q2",
        "--progress", "已取消签章环节，完成社会培训评价组织遴选。",
        "--problems", "部分县区系统尚未对接。",
        "--next", "待定下步安排。",
    )  # fmt: skip
    # Giving one text later keeps the other two.
    cli("progress", measure, "--quarter", "2023Q2", "--next", "8月底前完成全部对接。")
    proof = tmp_path / "培训评价组织名单.pdf"
    proof.write_bytes(b"%PDF-1.4 list of organisations")
    out = cli("attach", measure, str(proof), "--description", "名单", "--quarter", "2023Q2")
    assert "已添加佐证材料“培训评价组织名单.pdf”" in out
    proof.unlink()
    stored = [p for p in (Path(data) / "evidence").rglob("*") if p.is_file()]
    assert [p.read_bytes() for p in stored] == [b"%PDF-1.4 list of organisations"]

    # 4. The report: progress in the text, the Chinese font embedded.
    pdf = tmp_path / "report.pdf"
    cli("report", "--quarter", "2023Q2", "--plan", "1", "--out", str(pdf))
    reader = PdfReader(pdf)
    text = "".join(page.extract_text() for page in reader.pages)
    compact = "".join(text.split())
    for words in ("已取消签章环节", "部分县区系统尚未对接", "8月底前完成全部对接", "推进中"):
        assert words in compact, words
    assert "待定下步安排" not in compact
    fonts = [
        font.get_object()
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    ]
    cjk = [f for f in fonts if "Hei" in str(f["/BaseFont"]) or "Ming" in str(f["/BaseFont"])]
    assert cjk and all("/FontFile2" in f["/FontDescriptor"] for f in cjk)

    # 5. Run again later: everything is still there.
    assert "22 项" in cli("list")
    again = [line.split("\t") for line in cli("measures", "--quarter", "2023Q2").splitlines()]
    row = next(r for r in again if r[0] == measure)
    assert row[2] == "推进中" or row[2].startswith("推进中")
    assert row[3] == "已填" and row[4] == "1"
    assert "下步打算：8月底前完成全部对接" in cli("audit", "--filter", "下步打算", "--limit", "1")


def test_step_three_commands_refuse_bad_input_in_chinese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = str(tmp_path / "data")
    assert run(capsys, "--data-dir", data, "import", str(SAMPLE_43))[0] == 0
    code, _, err = run(capsys, "--data-dir", data, "status", "1", "差不多")
    assert code != 0 and "未知的状态：差不多（可用：未启动、推进中、已完成、暂缓）" in err
    code, _, err = run(capsys, "--data-dir", data, "progress", "999", "--quarter", "2023Q2")
    assert code == 1 and "找不到编号为 999 的措施" in err
    code, _, err = run(capsys, "--data-dir", data, "attach", "1", str(tmp_path / "没有.pdf"))
    assert code == 1 and "找不到文件" in err
    code, _, err = run(capsys, "--data-dir", data, "progress", "1", "--quarter", "2023-2")
    assert code != 0 and "季度格式不正确" in err
    _, out, _ = run(capsys, "--data-dir", data, "measures", "--quarter", "2023Q2")
    assert "推进中" not in out and "已填" not in out
