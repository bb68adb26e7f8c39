"""File readers: a file on disk -> text (or rows); bad input raises ReadError with a Chinese message."""

from __future__ import annotations

from pathlib import Path

from desktop.readers.base import DEFAULT_MAX_BYTES, ReadError, ReadResult
from desktop.readers.pdf import read_pdf
from desktop.readers.txt import read_txt
from desktop.readers.word import read_docx

__all__ = ["DEFAULT_MAX_BYTES", "ReadError", "ReadResult", "read_file"]

_OLD_FORMATS = {".doc": "Word 97-2003 文档（.doc）", ".wps": "WPS 文字文档（.wps）"}
_TEXT_SUFFIXES = {".txt", ".text", ".md", ""}


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read a .txt, .docx or .pdf file into text; ReadError (Chinese message) for anything else."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in _OLD_FORMATS:
        raise ReadError(
            f"暂不支持{_OLD_FORMATS[suffix]}。请在 Word 或 WPS 中打开“{path.name}”，"
            "选择“文件 → 另存为”，保存类型选“Word 文档（*.docx）”，再导入新文件。"
        )
    if suffix in (".xlsx", ".xlsm", ".xls", ".et", ".csv"):
        raise ReadError(
            f"“{path.name}”是表格文件，不能按公文读取。任务分解表请用“文件 → 导入文件”导入；"
            ".xls / .et 文件请先在 Excel 或 WPS 中另存为 .xlsx。"
        )
    if suffix == ".docx":
        return read_docx(path, max_bytes=max_bytes)
    if suffix == ".pdf":
        return read_pdf(path, max_bytes=max_bytes)
    if suffix in _TEXT_SUFFIXES:
        return read_txt(path, max_bytes=max_bytes)
    raise ReadError(
        f"不支持“{suffix}”格式的文件（{path.name}）。可导入的格式：.txt、.docx、.pdf，"
        "以及任务分解表 .xlsx。其他格式请先在 Word 或 WPS 中另存为 .docx。"
    )
