"""Finds, registers and falls back between the CJK TrueType fonts every report is set in."""

from __future__ import annotations

import os
import re
import sys
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

# Set to a list of folders (os.pathsep separated) to search instead of the system font folders;
# tests point it at a temporary folder, and an office can point it at a shared font folder.
FONT_DIRS_ENV = "LUOSHI_FONT_DIRS"

BUNDLED_SONG = "uming-gb2312.ttf"  # AR PL UMing CN, GB 2312 subset
BUNDLED_HEI = "wqy-microhei.ttc"  # WenQuanYi Micro Hei, covers GBK and more


def resources_dir() -> Path:
    """The `resources/` folder, from a source checkout or inside a PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


@dataclass(frozen=True)
class _Candidate:
    file_name: str  # matched case-insensitively
    subfont: int = 0
    label: str = ""


# Windows (and fonts copied from Windows onto Linux) in order of preference per role.
_TITLE = (
    _Candidate("FZXBSJW.TTF", label="方正小标宋简体"),
    _Candidate("FZXBSK.TTF", label="方正小标宋_GBK"),
    _Candidate("方正小标宋简体.ttf", label="方正小标宋简体"),
    _Candidate("方正小标宋_GBK.ttf", label="方正小标宋_GBK"),
)
_FANGSONG = (
    _Candidate("simfang.ttf", label="仿宋"),
    _Candidate("仿宋_GB2312.ttf", label="仿宋_GB2312"),
    _Candidate("FS_GB2312.ttf", label="仿宋_GB2312"),
    _Candidate("FZFSK.TTF", label="方正仿宋_GBK"),
    _Candidate("FZFSJW.TTF", label="方正仿宋简体"),
    _Candidate("STFANGSO.TTF", label="华文仿宋"),
)
_SONG = (
    _Candidate("simsun.ttc", 0, "宋体"),
    _Candidate("simsun.ttf", label="宋体"),
    _Candidate("FZSSK.TTF", label="方正书宋_GBK"),
    _Candidate("STSONG.TTF", label="华文宋体"),
)
_HEI = (
    _Candidate("simhei.ttf", label="黑体"),
    _Candidate("FZHTK.TTF", label="方正黑体_GBK"),
    _Candidate("FZHTJW.TTF", label="方正黑体简体"),
    _Candidate("msyh.ttc", 0, "微软雅黑"),
    _Candidate("STHEITI.TTF", label="华文黑体"),
)
_KAI = (
    _Candidate("simkai.ttf", label="楷体"),
    _Candidate("楷体_GB2312.ttf", label="楷体_GB2312"),
    _Candidate("FZKTK.TTF", label="方正楷体_GBK"),
    _Candidate("FZKTJW.TTF", label="方正楷体简体"),
    _Candidate("STKAITI.TTF", label="华文楷体"),
)


def system_font_dirs() -> list[Path]:
    """Folders searched for installed fonts, most specific first."""
    override = os.environ.get(FONT_DIRS_ENV)
    if override is not None:
        return [Path(p) for p in override.split(os.pathsep) if p]
    dirs: list[Path] = []
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    elif sys.platform == "win32":
        dirs.append(Path("C:/Windows/Fonts"))
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    home = Path.home()
    dirs += [
        home / ".local" / "share" / "fonts",
        home / ".fonts",
        Path("/usr/local/share/fonts"),
        Path("/usr/share/fonts"),
        Path("/Library/Fonts"),
    ]
    return dirs


def _walk_fonts(dirs: Iterable[Path]) -> Iterator[Path]:
    for root in dirs:
        if not root.is_dir():
            continue
        for dirpath, _dirnames, filenames in os.walk(root):
            for name in filenames:
                if name.lower().endswith((".ttf", ".ttc")):
                    yield Path(dirpath) / name


@lru_cache(maxsize=4)
def _installed(dirs: tuple[Path, ...]) -> dict[str, Path]:
    """Lower-case file name -> first path found; the first folder wins."""
    found: dict[str, Path] = {}
    for path in _walk_fonts(dirs):
        found.setdefault(path.name.lower(), path)
    return found


@dataclass(frozen=True)
class FontFace:
    """One registered TrueType face: the reportlab name, where it came from, what it can draw."""

    name: str
    label: str
    path: Path
    charset: frozenset[str]  # single characters, so set(text) - charset is one C-level operation


class _WidthCachedTTFont(TTFont):
    """TTFont with per-character widths cached.

    reportlab's CJK line breaker asks for the width of every character one at a time, and
    without the optional rl_accel C extension each call walks the font tables in Python.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._char_widths: dict[str, float] = {}

    def stringWidth(self, text: str | bytes, size: float, encoding: str = "utf8") -> float:
        if isinstance(text, bytes):
            text = text.decode(encoding)
        cache = self._char_widths
        total = 0.0
        for ch in text:
            w = cache.get(ch)
            if w is None:
                w = cache[ch] = TTFont.stringWidth(self, ch, 1000.0)
            total += w
        return total * size / 1000.0


_lock = threading.Lock()
_faces: dict[tuple[str, int], FontFace] = {}


def _register(path: Path, subfont: int, label: str) -> FontFace | None:
    """Register a TrueType face once; None when reportlab cannot use it (CFF outlines, no embedding)."""
    key = (str(path), subfont)
    with _lock:
        face = _faces.get(key)
        if face is not None:
            return face
        name = f"LS{len(_faces)}-{re.sub(r'[^A-Za-z0-9]', '', path.stem)[:20]}-{subfont}"
        try:
            font = _WidthCachedTTFont(name, str(path), subfontIndex=subfont)
        except Exception:  # a broken, CFF-based or embedding-restricted file: try the next one
            return None
        pdfmetrics.registerFont(font)
        charset = frozenset(chr(c) for c in font.face.charToGlyph)
        face = FontFace(name, label or path.stem, path, charset)
        _faces[key] = face
        return face


def _pick(candidates: Iterable[_Candidate], installed: dict[str, Path]) -> FontFace | None:
    for cand in candidates:
        path = installed.get(cand.file_name.lower())
        if path is None:
            continue
        face = _register(path, cand.subfont, cand.label)
        if face is not None:
            return face
    return None


def _bind_family(regular: FontFace, bold: FontFace) -> None:
    """Bold of every face is a Hei face with Chinese glyphs, never a Latin-only Helvetica-Bold."""
    pdfmetrics.registerFontFamily(
        regular.name, normal=regular.name, bold=bold.name, italic=regular.name, boldItalic=bold.name
    )


@dataclass(frozen=True)
class ReportFonts:
    """The faces a report uses, by role (GB/T 9704: 小标宋 title, 黑体/楷体 headings, 仿宋 body)."""

    title: FontFace
    heading: FontFace  # 黑体: first-level headings, table headers, bold
    kai: FontFace  # 楷体: second-level headings
    body: FontFace  # 仿宋 when installed, otherwise a Song face
    song: FontFace  # 宋体: page numbers
    fallback: FontFace  # drawn for characters the chosen face lacks

    def faces(self) -> tuple[FontFace, ...]:
        return (self.title, self.heading, self.kai, self.body, self.song, self.fallback)

    def describe(self) -> str:
        return (
            f"标题 {self.title.label}，正文 {self.body.label}，"
            f"标题层次 {self.heading.label}/{self.kai.label}，补字 {self.fallback.label}"
        )


@lru_cache(maxsize=4)
def _load(dirs: tuple[Path, ...], use_system: bool) -> ReportFonts:
    bundled = fonts_dir()
    song = _register(bundled / BUNDLED_SONG, 0, "AR PL UMing CN")
    hei = _register(bundled / BUNDLED_HEI, 0, "文泉驿微米黑")
    if song is None or hei is None:
        raise RuntimeError(f"报表字体缺失或已损坏：{bundled}")
    installed = _installed(dirs) if use_system else {}
    sys_song = _pick(_SONG, installed)
    sys_hei = _pick(_HEI, installed)
    heading = sys_hei or hei
    body = _pick(_FANGSONG, installed) or sys_song or song
    title = _pick(_TITLE, installed) or heading
    kai = _pick(_KAI, installed) or body
    song_face = sys_song or song
    for face in {title, heading, kai, body, song_face, hei}:
        _bind_family(face, heading)
    return ReportFonts(title, heading, kai, body, song_face, hei)


def report_fonts(use_system: bool = True) -> ReportFonts:
    """The fonts for this machine: installed Windows faces when present, the bundled ones otherwise."""
    dirs = tuple(system_font_dirs()) if use_system else ()
    return _load(dirs, use_system)


# C0 controls other than tab and newline are not allowed in the paragraph markup parser.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str | None) -> str:
    """User text made safe to lay out: no control characters, Unix newlines, tabs as spaces."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return _CONTROL.sub("", text)


def markup(text: str | None, face: FontFace, fallback: FontFace | None = None) -> str:
    """Escape user text for a reportlab Paragraph in `face`, drawing missing glyphs from `fallback`.

    Newlines become line breaks. The reports set their text with cjk.CJKParagraph (runs_for)
    instead; this markup serves the plain-reportlab baseline of bench/report_bench.py. Characters
    neither face has are passed through and print as the font's empty glyph.
    """
    text = clean_text(text)
    if not text:
        return ""
    missing = set(text) - face.charset
    missing.discard("\n")
    if not missing or fallback is None or fallback is face:
        return escape(text).replace("\n", "<br/>")
    parts: list[str] = []
    run: list[str] = []
    run_fallback = False
    for ch in text:
        use_fallback = ch in missing and ch in fallback.charset
        if use_fallback != run_fallback and run:
            parts.append(_emit("".join(run), run_fallback, fallback))
            run = []
        run_fallback = use_fallback
        run.append(ch)
    if run:
        parts.append(_emit("".join(run), run_fallback, fallback))
    return "".join(parts)


def _emit(chunk: str, in_fallback: bool, fallback: FontFace) -> str:
    body = escape(chunk).replace("\n", "<br/>")
    return f'<font face="{fallback.name}">{body}</font>' if in_fallback else body
