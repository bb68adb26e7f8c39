"""The command-line front end: parse, import, list, report, and errors on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main
from tests.conftest import SAMPLE_43, SAMPLE_137


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_json_prints_contract_without_touching_a_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LUOSHI_DATA_DIR", str(tmp_path / "never"))
    code, out, _ = run(capsys, "parse", str(SAMPLE_43), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["encoding"] == "utf-8"
    doc = data["documents"][0]
    assert doc["doc_number"] == "甘政办发〔2021〕43号"
    first = doc["measures"][0]
    assert set(first) >= {
        "path",
        "number",
        "title",
        "text",
        "lead_units",
        "responsible_units",
        "deadline_text",
        "deadline",
        "long_term",
    }
    assert first["title"] == "简化就业手续"
    assert first["lead_units"] == ["省人社厅", "省教育厅"]
    assert not (tmp_path / "never").exists()


def test_import_list_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = str(tmp_path / "d")
    code, out, _ = run(capsys, "--data-dir", data, "import", str(SAMPLE_137))
    assert code == 0 and "已导入 1 个计划" in out
    code, out, _ = run(capsys, "--data-dir", data, "import", str(SAMPLE_43))
    assert code == 0
    code, out, _ = run(capsys, "--data-dir", data, "list")
    lines = [line.split("\t") for line in out.strip().splitlines()]
    assert [line[0] for line in lines] == ["1", "2"]
    assert "第十次全国深化" in lines[0][2]
    assert int(lines[1][1].split()[0]) >= 20
    pdf = tmp_path / "r.pdf"
    code, out, err = run(
        capsys,
        "--data-dir",
        data,
        "report",
        "--quarter",
        "2023Q2",
        "--plan",
        "2",
        "--out",
        str(pdf),
    )
    assert code == 0, err
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "简化就业手续" in text


def test_errors_go_to_stderr_with_nonzero_exit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = str(tmp_path / "d")
    code, out, err = run(capsys, "--data-dir", data, "import", str(tmp_path / "missing.txt"))
    assert code != 0 and out == "" and "错误" in err
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", data, "import", str(empty))
    assert code != 0 and "错误" in err
    code, _, err = run(
        capsys,
        "--data-dir",
        data,
        "report",
        "--quarter",
        "2023-2",
        "--out",
        str(tmp_path / "x.pdf"),
    )
    assert code != 0 and "季度格式不正确" in err
    code, out, _ = run(capsys, "--data-dir", data, "list")
    assert "还没有导入任何计划" in out


def test_reimporting_the_same_file_is_refused_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = str(tmp_path / "d")
    assert run(capsys, "--data-dir", data, "import", str(SAMPLE_43))[0] == 0
    code, _, err = run(capsys, "--data-dir", data, "import", str(SAMPLE_43))
    assert code != 0 and "已经导入过" in err
    _, out, _ = run(capsys, "--data-dir", data, "list")
    assert len(out.strip().splitlines()) == 1


def test_update_shows_the_diff_and_writes_only_with_yes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from tests.services.test_updating import make_v2

    data = str(tmp_path / "d")
    assert run(capsys, "--data-dir", data, "import", str(SAMPLE_43))[0] == 0
    v2 = make_v2(tmp_path)
    code, out, _ = run(capsys, "--data-dir", data, "update", "--plan", "1", str(v2))
    assert code == 0 and "[新增]" in out and "[删除]" in out and "未写入" in out
    _, listing, _ = run(capsys, "--data-dir", data, "list")
    assert "22 项" in listing
    code, out, _ = run(capsys, "--data-dir", data, "update", "--plan", "1", str(v2), "--yes")
    assert code == 0 and "已更新为第 2 版" in out and "归档 1 项" in out


def test_export_ledger_writes_one_row_per_measure(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    data = str(tmp_path / "d")
    assert run(capsys, "--data-dir", data, "import", str(SAMPLE_43))[0] == 0
    out = tmp_path / "台账.xlsx"
    code, text, err = run(
        capsys, "--data-dir", data, "export", "--quarter", "2023Q2", "--out", str(out)
    )
    assert code == 0, err
    assert "22 项措施" in text
    sheet = load_workbook(out).worksheets[0]
    values = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert any("简化就业手续" in v for v in values)
    assert values[0].endswith("落实台账（2023年第二季度）")
    assert sheet.page_setup.orientation == "landscape"


def test_import_workbook_prints_mapping_and_takes_column_overrides(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from tests.ui.test_excel_import import workbook

    data = str(tmp_path / "d")
    path = workbook(tmp_path / "清单.xlsx")
    code, out, err = run(
        capsys, "--data-dir", data, "import", str(path), "--column", "lead_units=C"
    )
    assert code == 0, err
    assert "工作表“任务清单”：表头第 2 行" in out
    assert "牵头单位 ← C 列 承担单位" in out
    assert "已导入 1 个计划，共 2 项措施" in out
    code, _, err = run(capsys, "--data-dir", data, "import", str(path), "--column", "lead=C")
    assert code != 0 and "未知的字段名" in err


def test_report_options_docx_and_supervision_notice(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from docx import Document

    data = str(tmp_path / "d")
    assert run(capsys, "--data-dir", data, "import", str(SAMPLE_43))[0] == 0
    pdf = tmp_path / "r.pdf"
    code, _, err = run(
        capsys,
        "--data-dir",
        data,
        "report",
        "--quarter",
        "2023Q2",
        "--out",
        str(pdf),
        "--unit",
        "省民政厅",
        "--title-only",
        "--portrait",
    )
    assert code == 0, err
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "创新养老服务" in text and "简化就业手续" not in text
    docx = tmp_path / "r.docx"
    code, _, err = run(
        capsys, "--data-dir", data, "report", "--quarter", "2023Q2", "--out", str(docx)
    )
    assert code == 0, err
    body = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "2023年第二季度" in body
    code, _, err = run(
        capsys,
        "--data-dir",
        data,
        "report",
        "--quarter",
        "2023Q2",
        "--out",
        str(pdf),
        "--unit",
        "不存在的局",
    )
    assert code != 0 and "没有任何措施" in err
    notice = tmp_path / "督办单.pdf"
    code, _, err = run(
        capsys, "--data-dir", data, "notice", "--quarter", "2023Q2", "--out", str(notice)
    )
    assert code == 0, err
    notice_text = "".join(page.extract_text() for page in PdfReader(notice).pages)
    assert "督办" in notice_text and "省人社厅" in notice_text
