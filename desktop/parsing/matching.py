"""Pair the measures of two versions of a plan: unchanged, changed (with a diff), moved, added, removed."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from rapidfuzz import fuzz, process

from desktop.parsing.deadlines import parse_deadlines
from desktop.parsing.model import ParsedDocument

__all__ = [
    "ATTRIBUTE_LABELS",
    "MATCH_THRESHOLD",
    "SAME_PLACE_BONUS",
    "AttributeChange",
    "DiffSegment",
    "MatchKind",
    "MatchResult",
    "MeasureKey",
    "MeasureMatch",
    "compare",
    "keys_for_document",
    "match_measures",
    "normalize_text",
    "similarity",
    "word_diff",
]

# Similarity is rapidfuzz's fuzz.ratio (0-100, an edit-distance ratio on characters, which suits
# Chinese: no word boundaries) of the normalized texts. Two measures are the same measure
# reworded when the ratio reaches MATCH_THRESHOLD: a sentence added to a 40-character measure
# (ratio ~75) or a few words swapped (~85) still match; two different measures of one policy
# area that share stock phrases ('进一步加强…工作机制') score 30-55 and do not.
MATCH_THRESHOLD = 60.0
# A measure in the same place (same number path) gets this much on top: a rewording that keeps
# the numbering is more likely the same measure than one that moved.
SAME_PLACE_BONUS = 10.0
# Fuzzy pairing looks at the best few candidates per old measure (plus the one in its place).
_CANDIDATES = 8


class MatchKind(StrEnum):
    UNCHANGED = "unchanged"  # same wording; the number may have shifted (see `renumbered`)
    CHANGED = "changed"  # reworded (similar enough, see MATCH_THRESHOLD)
    MOVED = "moved"  # same wording, but in another section or out of the old order
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class MeasureKey:
    """What matching needs of a measure; `key` is the caller's id (database id or index).

    `sections` (titles of the headings above, outermost first) is optional: given, a measure
    counts as moved when it changes section even if section numbers were shifted. The units,
    the deadline text, the start date and the schedule are compared too: a new lead unit,
    deadline, start or schedule is a change to report.
    """

    key: int
    path: tuple[str, ...]
    number: str
    title: str
    text: str
    sections: tuple[str, ...] = ()
    lead_units: tuple[str, ...] = ()
    responsible_units: tuple[str, ...] = ()
    deadline: str = ""  # the deadline as written ('2023年12月底前'), '' when none
    start: date | None = None  # '2023年1月1日起'
    recurring: str = ""  # '每季度', '每月' …, '' when not a recurring task


DiffSegment = tuple[str, str]  # (op, text); op is 'equal', 'insert' or 'delete'

ATTRIBUTE_LABELS = {
    "text": "措施内容",
    "lead_units": "牵头单位",
    "responsible_units": "责任单位",
    "deadline": "完成时限",
    "start": "开始时间",
    "recurring": "完成频次",
}


@dataclass(frozen=True)
class AttributeChange:
    """One field that differs between the old and the new measure, as displayable text."""

    field: str  # a key of ATTRIBUTE_LABELS
    old: str
    new: str

    @property
    def label(self) -> str:
        return ATTRIBUTE_LABELS[self.field]


@dataclass(frozen=True)
class MeasureMatch:
    kind: MatchKind
    old: MeasureKey | None
    new: MeasureKey | None
    similarity: float = 100.0  # fuzz.ratio of the normalized texts, 0-100
    diff: tuple[DiffSegment, ...] = ()  # wording differences, only for CHANGED
    renumbered: bool = False  # the number path differs (for any matched kind)
    changes: tuple[AttributeChange, ...] = ()  # what differs (text, units, deadline): CHANGED
    moved: bool = False  # left its section or the old order (MOVED, or CHANGED and moved)


@dataclass
class MatchResult:
    """Every old and new measure exactly once: matched pairs in new order, then the removed."""

    matches: list[MeasureMatch] = field(default_factory=list)

    def of_kind(self, kind: MatchKind) -> list[MeasureMatch]:
        return [m for m in self.matches if m.kind is kind]

    @property
    def unchanged(self) -> list[MeasureMatch]:
        return self.of_kind(MatchKind.UNCHANGED)

    @property
    def changed(self) -> list[MeasureMatch]:
        return self.of_kind(MatchKind.CHANGED)

    @property
    def moved(self) -> list[MeasureMatch]:
        return self.of_kind(MatchKind.MOVED)

    @property
    def added(self) -> list[MeasureMatch]:
        return self.of_kind(MatchKind.ADDED)

    @property
    def removed(self) -> list[MeasureMatch]:
        return self.of_kind(MatchKind.REMOVED)

    @property
    def old_to_new(self) -> dict[int, int]:
        """Old key -> new key for every measure that carries over (progress, evidence)."""
        return {m.old.key: m.new.key for m in self.matches if m.old and m.new}


def keys_for_document(doc: ParsedDocument, first_key: int = 0) -> list[MeasureKey]:
    """Keys for a freshly parsed document: key = first_key + index, section titles from its sections."""
    titles = {tuple(sec.path): sec.title for sec in doc.sections}
    keys: list[MeasureKey] = []
    for k, m in enumerate(doc.measures):
        path = tuple(m.path)
        sections = tuple(titles[path[:n]] for n in range(1, len(path)) if path[:n] in titles)
        keys.append(
            MeasureKey(
                first_key + k,
                path,
                m.number,
                m.title,
                m.text,
                sections,
                tuple(m.lead_units),
                tuple(m.responsible_units),
                m.deadline_text or "",
                m.start,
                m.recurring or "",
            )
        )
    return keys


_LEADING_NUMBER = re.compile(
    r"^\s*(?:[（(]?[一二三四五六七八九十百0-9]+[）)]?[、.．)）]?|第[一二三四五六七八九十百0-9]+条)\s*"
)
_NOISE = re.compile(r"[\s\u3000\xa0]+")
_PUNCT_MAP = str.maketrans({"，": ",", "。": ".", "；": ";", "：": ":", "（": "(", "）": ")"})


def normalize_text(text: str) -> str:
    """Text for comparison: width-folded, no spaces, no leading number, unified punctuation."""
    text = unicodedata.normalize("NFKC", text)
    text = _LEADING_NUMBER.sub("", text, count=1)
    text = _NOISE.sub("", text).translate(_PUNCT_MAP)
    return text.rstrip(".;")


def _body(m: MeasureKey) -> str:
    return normalize_text(m.text or m.title)


def _units(units: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(unicodedata.normalize("NFKC", _NOISE.sub("", u)) for u in units)


def _deadline(text: str) -> str:
    return unicodedata.normalize("NFKC", _NOISE.sub("", text or ""))


def compare(old: MeasureKey, new: MeasureKey) -> tuple[AttributeChange, ...]:
    """Every field that differs, in display order: wording, lead units, responsible units,
    deadline, start, schedule. Spacing and full/half width do not count as a difference.

    One change is reported once: when the 完成时限 line already shows a new start or schedule
    (the cell '每季度' became '每月', or '2023年1月1日起至6月底前' became '2023年3月1日起至…'),
    it stands alone, as written, without a second 开始时间 or 完成频次 line repeating it."""
    changes: list[AttributeChange] = []
    if _body(old) != _body(new):
        changes.append(AttributeChange("text", old.text or old.title, new.text or new.title))
    for name in ("lead_units", "responsible_units"):
        a, b = getattr(old, name), getattr(new, name)
        if _units(a) != _units(b):
            changes.append(AttributeChange(name, "、".join(a) or "—", "、".join(b) or "—"))
    deadline_changed = _deadline(old.deadline) != _deadline(new.deadline)
    if deadline_changed:
        changes.append(AttributeChange("deadline", old.deadline or "—", new.deadline or "—"))
    start_changed = old.start != new.start
    recurring_changed = _deadline(old.recurring) != _deadline(new.recurring)
    if deadline_changed and (start_changed or recurring_changed):
        known = old.start or new.start
        year = known.year if known else None
        said_old, said_new = _said_by_deadline(old, year), _said_by_deadline(new, year)
        start_changed = start_changed and not (
            said_old[0] == old.start and said_new[0] == new.start
        )
        recurring_changed = recurring_changed and not (
            said_old[1] == _deadline(old.recurring) and said_new[1] == _deadline(new.recurring)
        )
    if start_changed:
        changes.append(AttributeChange("start", _start(old.start), _start(new.start)))
    if recurring_changed:
        changes.append(AttributeChange("recurring", old.recurring or "—", new.recurring or "—"))
    return tuple(changes)


def _said_by_deadline(m: MeasureKey, year: int | None) -> tuple[date | None, str]:
    """The start and schedule that the deadline as written names itself; `year` places a start
    written without one ('3月1日起')."""
    info = parse_deadlines(m.deadline, year) if m.deadline else None
    if info is None:
        return None, ""
    return info.start, _deadline(info.recurring or "")


def _start(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日起" if day else "—"


def similarity(old: MeasureKey, new: MeasureKey) -> float:
    """fuzz.ratio (0-100) of the normalized wordings, as the automatic match scores it."""
    return float(fuzz.ratio(_body(old), _body(new)))


def match_measures(old: Sequence[MeasureKey], new: Sequence[MeasureKey]) -> MatchResult:
    """Pair old and new measures by wording first, numbers second.

    1. Identical wording pairs first (so a measure inserted in the middle, which renumbers every
       later one, changes nothing else); among duplicates, the one in the same place wins.
    2. The rest pair greedily by similarity (plus SAME_PLACE_BONUS for the same number path),
       best pairs first, when the score reaches MATCH_THRESHOLD.
    3. A pair with identical wording is MOVED when it left its section or its order relative to
       the other pairs (it is not on the longest run kept in order), else UNCHANGED.
    """
    old_norm = [_body(m) for m in old]
    new_norm = [_body(m) for m in new]
    pair_of_new: dict[int, int] = {}  # new index -> old index
    score_of_new: dict[int, float] = {}

    by_text: dict[str, list[int]] = {}
    for j, t in enumerate(new_norm):
        by_text.setdefault(t, []).append(j)
    for i, t in enumerate(old_norm):
        candidates = by_text.get(t)
        if not candidates:
            continue
        same_place = [j for j in candidates if new[j].path == old[i].path]
        j = same_place[0] if same_place else candidates[0]
        candidates.remove(j)
        pair_of_new[j] = i
        score_of_new[j] = 100.0

    matched_old = set(pair_of_new.values())
    rest_old = [i for i in range(len(old)) if i not in matched_old]
    rest_new = [j for j in range(len(new)) if j not in pair_of_new]
    if rest_old and rest_new:
        choices = [new_norm[j] for j in rest_new]
        pos_by_path: dict[tuple[str, ...], list[int]] = {}
        for pos, j in enumerate(rest_new):
            pos_by_path.setdefault(new[j].path, []).append(pos)
        scored: list[tuple[float, float, int, int]] = []
        for i in rest_old:
            hits = process.extract(
                old_norm[i],
                choices,
                scorer=fuzz.ratio,
                limit=_CANDIDATES,
                score_cutoff=MATCH_THRESHOLD - SAME_PLACE_BONUS,
            )
            # The same-place candidate may fall outside the top few; score it anyway.
            for pos in pos_by_path.get(old[i].path, [])[:1]:
                if all(h[2] != pos for h in hits):
                    ratio = fuzz.ratio(old_norm[i], choices[pos])
                    if ratio >= MATCH_THRESHOLD - SAME_PLACE_BONUS:
                        hits.append((choices[pos], ratio, pos))
            for _text, ratio, pos in hits:
                j = rest_new[pos]
                score = ratio + (SAME_PLACE_BONUS if new[j].path == old[i].path else 0.0)
                if score >= MATCH_THRESHOLD:
                    # Ties go to the nearer position, so two equally similar rewordings keep order.
                    scored.append((score, ratio, i, j))
        scored.sort(key=lambda s: (-s[0], abs(s[2] - s[3])))
        used_old: set[int] = set()
        for _score, ratio, i, j in scored:
            if i in used_old or j in pair_of_new:
                continue
            used_old.add(i)
            pair_of_new[j] = i
            score_of_new[j] = ratio

    in_order = _longest_in_order(sorted(pair_of_new.items()))
    result = MatchResult()
    for j, m in enumerate(new):
        if j not in pair_of_new:
            result.matches.append(MeasureMatch(MatchKind.ADDED, None, m, 0.0))
            continue
        i = pair_of_new[j]
        o = old[i]
        renumbered = o.path != m.path
        moved = _left_section(o, m) or j not in in_order
        changes = compare(o, m)
        if changes:
            # Reworded, or the same words with a new unit or deadline: both need the
            # officer's eye before the stored measure takes them.
            diff: tuple[DiffSegment, ...] = ()
            if old_norm[i] != new_norm[j]:
                diff = tuple(word_diff(o.text or o.title, m.text or m.title))
            result.matches.append(
                MeasureMatch(
                    MatchKind.CHANGED, o, m, score_of_new[j], diff, renumbered, changes, moved
                )
            )
            continue
        kind = MatchKind.MOVED if moved else MatchKind.UNCHANGED
        result.matches.append(MeasureMatch(kind, o, m, 100.0, (), renumbered, (), moved))
    matched_old = set(pair_of_new.values())
    for i, o in enumerate(old):
        if i not in matched_old:
            result.matches.append(MeasureMatch(MatchKind.REMOVED, o, None, 0.0))
    return result


def _left_section(o: MeasureKey, m: MeasureKey) -> bool:
    if o.sections or m.sections:
        return tuple(map(normalize_text, o.sections)) != tuple(map(normalize_text, m.sections))
    return o.path[:-1] != m.path[:-1]


def _longest_in_order(pairs: list[tuple[int, int]]) -> set[int]:
    """New indices of the longest run of pairs whose old order is kept (patience LIS)."""
    import bisect

    tails: list[int] = []  # old index at the end of the best run of each length
    tail_pos: list[int] = []  # position in `pairs` of that end
    back: list[int] = [-1] * len(pairs)
    for pos, (_j, i) in enumerate(pairs):
        k = bisect.bisect_left(tails, i)
        if k == len(tails):
            tails.append(i)
            tail_pos.append(pos)
        else:
            tails[k] = i
            tail_pos[k] = pos
        back[pos] = tail_pos[k - 1] if k > 0 else -1
    keep: set[int] = set()
    pos = tail_pos[-1] if tail_pos else -1
    while pos >= 0:
        keep.add(pairs[pos][0])
        pos = back[pos]
    return keep


# ---------------------------------------------------------------------------------------------
# Word-level diff

_TOKEN = re.compile(r"[A-Za-z0-9０-９Ａ-Ｚａ-ｚ.%％]+|\s+|.", re.S)


def _tokens(text: str) -> list[str]:
    """Chinese has no spaces: each Han character is a token, Latin words and numbers stay whole."""
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> list[DiffSegment]:
    """(op, text) segments turning `old` into `new`, merged and cleaned up for highlighting.

    Joining the 'equal' and 'delete' texts gives `old`; 'equal' and 'insert' give `new`.
    Single-character islands of equality between changes are folded into the change, so
    '压缩至3个工作日' -> '压缩至1个工作日以内' reads as whole phrases rather than confetti.
    """
    a, b = _tokens(old), _tokens(new)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    raw: list[DiffSegment] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            raw.append(("equal", "".join(a[i1:i2])))
        else:
            if i2 > i1:
                raw.append(("delete", "".join(a[i1:i2])))
            if j2 > j1:
                raw.append(("insert", "".join(b[j1:j2])))
    return _cleanup(raw)


def _cleanup(segments: list[DiffSegment]) -> list[DiffSegment]:
    changed = True
    while changed:
        changed = False
        out: list[DiffSegment] = []
        for k, (op, text) in enumerate(segments):
            island = (
                op == "equal"
                and len(text) <= 1
                and 0 < k < len(segments) - 1
                and segments[k - 1][0] != "equal"
                and segments[k + 1][0] != "equal"
            )
            if island:
                out.append(("delete", text))
                out.append(("insert", text))
                changed = True
            else:
                out.append((op, text))
        segments = _merge(out)
    return segments


def _merge(segments: list[DiffSegment]) -> list[DiffSegment]:
    """Deletes before inserts within each run of changes, adjacent same ops joined."""
    out: list[DiffSegment] = []
    run_del: list[str] = []
    run_ins: list[str] = []

    def flush() -> None:
        if run_del:
            out.append(("delete", "".join(run_del)))
        if run_ins:
            out.append(("insert", "".join(run_ins)))
        run_del.clear()
        run_ins.clear()

    for op, text in segments:
        if not text:
            continue
        if op == "delete":
            run_del.append(text)
        elif op == "insert":
            run_ins.append(text)
        else:
            flush()
            if out and out[-1][0] == "equal":
                out[-1] = ("equal", out[-1][1] + text)
            else:
                out.append(("equal", text))
    flush()
    return out
