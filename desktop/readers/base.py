"""What every reader returns (ReadResult) and raises (ReadError), plus shared limits."""

from __future__ import annotations

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
