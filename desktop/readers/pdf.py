"""Text PDFs via pypdf: page text without running headers, footers and page numbers."""

from __future__ import annotations

import logging
import re
import warnings
from collections import Counter
from pathlib import Path

from desktop.readers.base import DEFAULT_MAX_BYTES, ReadError, ReadResult, check_size

LOG = logging.getLogger("luoshi.readers.pdf")


class _ToOurLog(logging.Handler):
    """pypdf's warnings about damaged files ("invalid pdf header", "EOF marker not found") are
    English notes for developers: keep them in our log file, never on the officer's console
    (the officer gets the Chinese ReadError)."""

    def emit(self, record: logging.LogRecord) -> None:
        LOG.info("pypdf: %s", record.getMessage())


def _quiet_pypdf() -> None:
    pypdf_log = logging.getLogger("pypdf")
    if not any(isinstance(h, _ToOurLog) for h in pypdf_log.handlers):
        pypdf_log.addHandler(_ToOurLog())
        pypdf_log.propagate = False  # nor Python's last-resort handler, which prints to stderr
    from pypdf.errors import PdfReadWarning

    warnings.filterwarnings("ignore", category=PdfReadWarning)


_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－─]+\s*\d{1,4}\s*[-—–－─]+|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|[-—–－─]?\s*\d{1,4}\s*[-—–－─]?|Page\s*\d+(?:\s*of\s*\d+)?)\s*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_SCANNED_CHARS_PER_PAGE = 20


def _strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and lines repeated at the top or bottom of many pages (running heads).

    Only the first and last two lines of a page are candidates, so a sentence that happens to
    repeat in the body stays.
    """
    edge_counts: Counter[str] = Counter()
    for lines in pages:
        edges = {_DIGITS.sub("#", ln.strip()) for ln in lines[:2] + lines[-2:] if ln.strip()}
        edge_counts.update(edges)
    threshold = max(2, int(len(pages) * 0.6 + 0.5))
    running = {key for key, n in edge_counts.items() if n >= threshold and len(key) <= 40}
    cleaned: list[list[str]] = []
    for lines in pages:
        out: list[str] = []
        last = len(lines) - 1
        for i, line in enumerate(lines):
            edge = i < 2 or i > last - 2
            if edge and (_PAGE_NUMBER.match(line) or _DIGITS.sub("#", line.strip()) in running):
                continue
            out.append(line)
        cleaned.append(out)
    return cleaned


def read_pdf(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read the text layer of a PDF; encrypted and scanned (image-only) PDFs raise ReadError."""
    check_size(path, max_bytes)
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    _quiet_pypdf()
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                opened = bool(reader.decrypt(""))
            except Exception:  # a missing crypto backend or a broken encryption dict
                opened = False
            if not opened:
                raise ReadError(
                    f"PDF 文件“{path.name}”设有打开密码（已加密），无法读取。"
                    "请先用 PDF 软件输入密码后“另存为”不加密的副本，或向发文单位索取未加密的文件。"
                )
        page_texts: list[str] = []
        for page in reader.pages:
            page_texts.append(page.extract_text() or "")
    except ReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        raise ReadError(
            f"PDF 文件“{path.name}”已损坏或格式不受支持（{type(exc).__name__}）。"
            "请用 PDF 阅读器打开确认；能打开的话，可“另存为”或“打印为 PDF”后再导入。"
        ) from None
    except Exception as exc:  # pypdf raises assorted errors on malformed files
        raise ReadError(
            f"读取 PDF 文件“{path.name}”时出错（{type(exc).__name__}），文件可能已损坏。"
            "请用 PDF 阅读器打开确认，或另存为 Word 文档后导入。"
        ) from None
    if not page_texts:
        raise ReadError(f"PDF 文件“{path.name}”没有任何页面。请确认选择了正确的文件。")
    visible = sum(len("".join(t.split())) for t in page_texts)
    if visible < _SCANNED_CHARS_PER_PAGE * len(page_texts) / 4 or visible < 10:
        raise ReadError(
            f"PDF 文件“{path.name}”没有文字层，可能是扫描件或图片。本软件只能读取文字版 PDF："
            "请使用 OCR（文字识别）软件转换为 Word 或文字版 PDF 后再导入，或向发文单位索取电子版。"
        )
    warnings: list[str] = []
    empty = [str(i + 1) for i, t in enumerate(page_texts) if not t.strip()]
    if empty:
        warnings.append(
            f"PDF 第 {'、'.join(empty[:10])} 页没有文字（可能是图片），其内容未被读取。"
        )
    pages = _strip_running_lines([t.splitlines() for t in page_texts])
    text = "\n".join("\n".join(lines) for lines in pages)
    return ReadResult(text=text, encoding=None, kind="pdf", warnings=warnings)
