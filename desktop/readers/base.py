"""What every reader returns (ReadResult) and raises (ReadError), plus shared limits."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


class ReadError(Exception):
    """A file that cannot be read; `message` says in Chinese what is wrong and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class ReadResult:
    """The text of a file, how it was decoded and the tables it holds (rows of cell texts)."""

    text: str
    encoding: str | None
    kind: str
    warnings: list[str] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)


def check_size(path: Path, max_bytes: int) -> int:
    """The file size, or ReadError when the file is missing, empty or too big."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReadError(f"找不到文件“{path}”。请确认文件没有被移动、改名或删除。") from None
    except OSError as exc:
        raise ReadError(
            f"无法打开文件“{path.name}”：{exc.strerror or exc}。请检查文件权限。"
        ) from None
    if not path.is_file():
        raise ReadError(f"“{path.name}”不是文件（可能是文件夹）。请选择一个文件。")
    if size == 0:
        raise ReadError(f"文件“{path.name}”是空的（0 字节）。请确认选择了正确的文件。")
    if size > max_bytes:
        raise ReadError(
            f"文件“{path.name}”太大（{size / 1024 / 1024:.1f} MB，上限 {max_bytes / 1024 / 1024:.0f} MB）。"
            "政策文件通常不会这么大，请确认文件是否正确，或只保留需要导入的部分。"
        )
    return size


# Office Open XML files (.docx, .xlsx) are zip packages; these checks run before any library
# inflates them, so a crafted file cannot exhaust an office PC's memory.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary formats, and encrypted OOXML
ENCRYPTION_MARK = "EncryptionInfo".encode("utf-16-le")
MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024
MAX_ZIP_ENTRIES = 5000
_MAX_RATIO = 300
_RATIO_CHECK_FROM = 20 * 1024 * 1024


def is_encrypted_office_file(path: Path) -> bool:
    """A password-protected .docx/.xlsx is an OLE container with an EncryptionInfo stream."""
    with path.open("rb") as fh:
        blob = fh.read(4 * 1024 * 1024)
    return blob.startswith(OLE_MAGIC) and ENCRYPTION_MARK in blob


def is_zip_bomb(infos: list[zipfile.ZipInfo], max_total: int | None = None) -> bool:
    """Too many entries, too much in total, or one entry inflating far beyond its size."""
    limit = MAX_UNCOMPRESSED_BYTES if max_total is None else max_total
    if len(infos) > MAX_ZIP_ENTRIES:
        return True
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_CHECK_FROM and ratio > _MAX_RATIO:
            return True
    return total > limit


def bomb_message(path: Path) -> str:
    return (
        f"“{path.name}”解压后异常巨大，可能已损坏或是恶意构造的文件，已停止读取。"
        "请向发送单位确认文件，或用 Word / Excel / WPS 打开后另存为新文件再导入。"
    )
