"""Plain-text files: detect UTF-8 (with or without BOM), UTF-16 or GB18030/GBK and decode."""

from __future__ import annotations

from pathlib import Path

from desktop.readers.base import DEFAULT_MAX_BYTES, ReadError, ReadResult, check_size

TRUNCATED_CHAR = "\ufffd"
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = {chr(c) for c in range(32) if c not in (9, 10, 12, 13)} | {"\x7f", "\ufffd"}


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding name) for the bytes of a text file; ReadError when it is not text.

    Order matters: a BOM is trusted first; strict UTF-8 next (GB18030 would also accept many
    UTF-8 byte strings, wrongly); then GB18030, a superset of GBK and GB2312 that Windows
    office PCs in China save by default; charset-normalizer is the last resort (Big5 etc.).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(data[3:].decode("utf-8", errors="strict"), "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _checked(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:4096]:
        raise ReadError(
            "文件看起来不是文本文件（含有二进制数据）。如果它是 Word、PDF 或压缩包，"
            "请把扩展名改回原来的格式后再导入，或另存为 .txt 文本文件。"
        )
    for encoding in ("utf-8", "gb18030"):
        try:
            return _checked(_decode_cut_end(data, encoding), encoding)
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1024 * 1024]).best()
    if best is not None and best.encoding:
        try:
            return _checked(data.decode(best.encoding), best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    raise ReadError(
        "无法识别文件的文字编码。请用记事本或 WPS 打开该文件，"
        "选择“另存为”，编码选 UTF-8，再重新导入。"
    )


# A multibyte character is at most 4 bytes in UTF-8 and GB18030.
_MAX_CHAR_BYTES = 4


def _decode_cut_end(data: bytes, encoding: str) -> str:
    """Strict decoding, except that a character cut off at the very end becomes '\ufffd'.

    A file copied from a full disk, an e-mail attachment cut short or a text cut at a byte
    count ends in half a character; the rest of the file is still good text.
    """
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.start < len(data) - _MAX_CHAR_BYTES + 1 or exc.start == 0:
            raise
        head = data[: exc.start].decode(encoding)  # raises again if the damage is not at the end
        return head + TRUNCATED_CHAR


def _checked(text: str, encoding: str) -> tuple[str, str]:
    """Reject decodings that are mostly control characters: binary data, not text."""
    sample = text[:20000]
    if sample:
        bad = sum(1 for ch in sample if ch in _CONTROL)
        if bad > max(3, len(sample) // 100):
            raise ReadError(
                "文件看起来不是文本文件（含有大量不可显示的字符）。请确认选择了正确的文件；"
                "Word 或 PDF 文件请保留原扩展名（.docx / .pdf）。"
            )
    return text, encoding


def read_txt(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read a .txt file; see `decode_bytes` for encoding detection."""
    check_size(path, max_bytes)
    data = path.read_bytes()
    text, encoding = decode_bytes(data)
    warnings: list[str] = []
    if (
        encoding in ("utf-8", "gb18030")
        and text.endswith(TRUNCATED_CHAR)
        and not data.endswith(TRUNCATED_CHAR.encode(encoding))
    ):
        warnings.append(
            "文件最后一个字不完整（文件可能没有复制或保存完整），已用“\ufffd”代替。"
            "请核对文件末尾的内容，必要时向发文单位索取完整文件。"
        )
    if encoding not in ("utf-8", "utf-8-sig", "gb18030", "utf-16"):
        warnings.append(f"文件编码按 {encoding} 识别，如出现乱码请另存为 UTF-8 后重新导入。")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReadError(f"文件“{path.name}”中没有文字内容。请确认选择了正确的文件。")
    return ReadResult(text=text, encoding=encoding, kind="txt", warnings=warnings)
