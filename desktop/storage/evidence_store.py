"""Content-addressed evidence files: stored once under their SHA-256, written atomically."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

CHUNK = 1024 * 1024
DEFAULT_MAX_BYTES = 200 * 1024 * 1024


class EvidenceError(Exception):
    """A file that cannot be stored; `message` is for the user, in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int


_UMASK: int | None = None


def _umask() -> int:
    global _UMASK
    if _UMASK is None:
        # os.umask can only be read by setting it; done once, at the first file written.
        _UMASK = os.umask(0o022)
        os.umask(_UMASK)
    return _UMASK


def as_new_file(path: Path) -> None:
    """Give a file made by mkstemp (always 0600) the permissions of any new file (umask)."""
    os.chmod(path, 0o666 & ~_umask())


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class EvidenceStore:
    """Files live at root/ab/abcdef…; the same content attached twice is kept once."""

    def __init__(self, root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.root = root
        self.max_bytes = max_bytes

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def add(self, source: Path, max_bytes: int | None = None) -> StoredFile:
        """Copy `source` into the store (hashing while copying) and return its hash and size."""
        limit = self.max_bytes if max_bytes is None else max_bytes
        if not source.is_file():
            raise EvidenceError(f"找不到文件：{source}。请确认文件存在后重新添加。")
        size = source.stat().st_size
        if size > limit:
            raise EvidenceError(
                f"文件“{source.name}”大小为 {size / 1024 / 1024:.1f} MB，超过单个佐证材料的上限 "
                f"{limit / 1024 / 1024:.0f} MB。请压缩或拆分后再添加，或在设置中调整上限。"
            )
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            as_new_file(tmp)
            sha = digest.hexdigest()
            target = self.path_for(sha)
            # The same content is kept once; a stored copy damaged since is replaced by this one.
            if target.is_file() and target.stat().st_size == size and sha256_of(target) == sha:
                tmp.unlink()
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, target)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise EvidenceError(
                f"无法读取或保存文件“{source.name}”：{exc.strerror or exc}。"
            ) from exc
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return StoredFile(sha, size)

    def export(self, sha256: str, target: Path) -> Path:
        shutil.copyfile(self.path_for(sha256), target)
        return target

    def check(self, sha256: str) -> str:
        """'ok', 'missing' or 'changed'."""
        path = self.path_for(sha256)
        if not path.is_file():
            return "missing"
        return "ok" if sha256_of(path) == sha256 else "changed"
