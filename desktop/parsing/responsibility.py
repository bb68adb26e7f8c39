"""Who is responsible: brackets such as （X牵头，Y按职责分工负责）, field lines and standing notes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.parsing.deadlines import parse_deadlines
from desktop.parsing.labels import (
    DEADLINE_LABELS,
    IGNORED_LABELS,
    LEAD_LABELS,
    RESPONSIBLE_LABELS,
)
from desktop.parsing.units import split_units

__all__ = ["Responsibility", "cell_units", "find_responsibility", "standing_units"]

_OPEN = "（(〔[【［"
_CLOSE = "）)〕]】］"

_LEAD_LABELS = LEAD_LABELS
_RESP_LABELS = RESPONSIBLE_LABELS
_DEADLINE_LABELS = DEADLINE_LABELS
_LABEL_RE = re.compile(
    "(?P<label>"
    + "|".join(_LEAD_LABELS + _RESP_LABELS + IGNORED_LABELS + _DEADLINE_LABELS)
    + r")\s*[：:]\s*"
)
_ROLE_END = re.compile(
    r"(?:按照?(?:各自)?职责(?:分工)?|分别|共同|具体|协同|联合)*"
    r"(?P<role>牵头负责|牵头|负责组织落实|配合组织落实|负责组织实施|配合组织实施|组织落实|组织实施|"
    r"负责落实|配合落实|负责|配合|参与|协办|落实)$"
)
_LEAD_ROLES = {"牵头负责", "分别牵头", "共同牵头", "牵头"}
# '以下措施均需X、Y落实，不再一一列出' and '以下各项任务，X均需落实，不再一一列出'.
_STANDING = re.compile(
    r"以下(?:各项|所有|全部)?(?:措施|任务|工作|事项|条目|内容)?[，,]?"
    r"(?P<pre>[^，。；]{2,120}?)?(?:(?:均|都|皆)(?:需要|需|须|由|要)?|需要|需|须|由)"
    r"(?P<units>[^，。；]{0,120}?)(?:负责)?(?:组织)?(?:落实|实施|负责)[，,]?\s*"
    r"(?:不再|不)(?:一一|逐一|逐项|重复|单独)?列出"
)
_UNIT_END = re.compile(
    r"(?:厅|局|委|办|院|会|中心|公司|政府|部|室|处|行|队|所|站|团|社|馆|部门|单位|机构|银行|海关|法院|检察院|分局|支行|管委会|办事处)$"
)


# Longest bracket content and field line read as a responsibility statement.
_BRACKET_MAX = 600
_FIELD_LINE_MAX = 600


@dataclass
class Responsibility:
    """Units found in a measure; `found` is False when the text names none."""

    lead: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    found: bool = False
    standing: list[str] = field(default_factory=list)
    deadline_text: str = ""

    def add(self, lead: list[str], responsible: list[str]) -> None:
        for unit in lead:
            if unit not in self.lead:
                self.lead.append(unit)
        for unit in responsible:
            if unit not in self.responsible and unit not in self.lead:
                self.responsible.append(unit)


def _brackets(text: str) -> list[tuple[int, int]]:
    """(start, end) of every outermost bracket pair, nesting any bracket kind."""
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    return spans


def standing_units(text: str) -> tuple[list[str], str]:
    """Units of a standing note ('以下措施均需X、Y落实，不再一一列出') and the text without it."""
    if "列出" not in text:
        return [], text
    m = _STANDING.search(text)
    if not m:
        return [], text
    units = split_units(m.group("units") or m.group("pre") or "")
    return units, text[: m.start()] + text[m.end() :]


def _clauses(content: str) -> list[str]:
    return [c.strip() for c in re.split(r"[；;。]", content) if c.strip()]


def _parse_content(content: str, resp: Responsibility, *, bare_units: bool) -> bool:
    """Read units from a bracket or field text; False when it does not name responsibility."""
    standing, content = standing_units(content)
    lead: list[str] = []
    responsible: list[str] = []
    deadline_bits: list[str] = []
    matched = False
    for clause in _clauses(content):
        labels = list(_LABEL_RE.finditer(clause))
        if labels and labels[0].start() == 0:
            for k, lab in enumerate(labels):
                end = labels[k + 1].start() if k + 1 < len(labels) else len(clause)
                value = clause[lab.end() : end].strip("，,；; ")
                name = lab.group("label")
                if name in IGNORED_LABELS:
                    continue
                if name in _DEADLINE_LABELS:
                    deadline_bits.append(value)
                elif name in _LEAD_LABELS:
                    lead += split_units(value)
                    matched = True
                else:
                    responsible += split_units(value)
                    matched = True
            continue
        pending: list[str] = []
        for piece in re.split(r"[，,]", clause):
            piece = piece.strip()
            if not piece:
                continue
            role = _ROLE_END.search(piece)
            if role and len(piece) > len(role.group(0)):
                units = split_units(piece[: role.start()])
                target = lead if role.group("role") in _LEAD_ROLES else responsible
                target += pending + units
                pending = []
                matched = True
            elif parse_deadlines(piece, None).deadline_text:
                deadline_bits.append(piece)
            else:
                pending.append(piece)
        if pending:
            if matched:
                (responsible if responsible or not lead else lead).extend(
                    u for p in pending for u in split_units(p) if _UNIT_END.search(u)
                )
            elif bare_units:
                units = [u for p in pending for u in split_units(p)]
                if units and all(_UNIT_END.search(u) and len(u) <= 30 for u in units):
                    responsible += units
                    matched = True
    if standing:
        resp.standing = standing
    if not matched:
        return bool(standing)
    resp.found = True
    resp.add(lead, responsible)
    if deadline_bits:
        resp.deadline_text = "；".join(deadline_bits)
    return True


def find_responsibility(text: str) -> Responsibility:
    """Every responsibility statement in a measure's text (brackets and field lines)."""
    resp = Responsibility()
    spans = _brackets(text)
    # Where the measure's own text ends: a bracket after it is the measure's trailing bracket.
    # Computed once, so a huge line with many brackets stays linear.
    tail = len(text.rstrip(" 。；;\n"))
    for start, end in spans:
        content = text[start + 1 : end - 1]
        if len(content) > _BRACKET_MAX or not content.strip():
            continue
        _parse_content(content, resp, bare_units=end >= tail)
    # Field-style lines: '牵头单位：X。责任单位：Y。完成时限：Z'. Brackets were read above.
    pieces: list[str] = []
    pos = 0
    for start, end in spans:
        pieces += [text[pos:start], " " * (end - start)]
        pos = end
    outside = "".join(pieces) + text[pos:]
    if not resp.standing:
        # A standing note as a sentence or paragraph of its own, outside any bracket.
        resp.standing = standing_units(outside)[0]
    for m in _LABEL_RE.finditer(outside):
        if m.start() and outside[m.start() - 1] not in "\n。；;，, ":
            continue
        # A field line is short; the cap keeps a huge line with many labels linear.
        stop = min(len(text), m.start() + _FIELD_LINE_MAX)
        line_end = outside.find("\n", m.end(), stop)
        # Positions come from `outside` (brackets blanked); the text from `text`, so a unit such
        # as '各市（州）人民政府' keeps its bracket.
        segment = text[m.start() : line_end if line_end >= 0 else stop]
        # Several labels on one line are split by `_parse_content`.
        _parse_content(segment.split("。")[0], resp, bare_units=False)
        if m.group("label") in _DEADLINE_LABELS:
            resp.deadline_text = segment[m.end() - m.start() :].strip("。；; ")
    if not resp.found:
        _running_text_roles(outside, resp)
    return resp


# Longest sentence read as a running-text responsibility statement.
_SENTENCE_MAX = 200


def _running_text_roles(text: str, resp: Responsibility) -> None:
    """'由X牵头，Y配合，年底前完成。' or a last sentence 'X牵头，Y配合。' without brackets.

    A sentence counts only when every clause is unit names followed by a role word (or a
    deadline), so '由企业自主选择' or '各地要加强领导' is not read as units.
    """
    sentences = [x.strip() for x in re.split(r"[。；;\n]", text) if x.strip()]
    for k, sentence in enumerate(sentences):
        by = sentence.startswith("由")
        if not (by or k == len(sentences) - 1) or len(sentence) > _SENTENCE_MAX:
            continue
        body = sentence[1:] if by else sentence
        roles = 0
        for piece in re.split(r"[，,]", body):
            piece = piece.strip()
            role = _ROLE_END.search(piece)
            if role and len(piece) > len(role.group(0)):
                units = split_units(piece[: role.start()])
                if not units or not all(_UNIT_END.search(u) and len(u) <= 30 for u in units):
                    break
                roles += 1
            elif not (piece and parse_deadlines(piece, None).deadline_text):
                break
        else:
            if roles:
                _parse_content(body, resp, bare_units=False)


def cell_units(text: str, *, lead_column: bool) -> tuple[list[str], list[str]]:
    """(lead, responsible) units of a task-table cell under a 牵头单位 or 责任单位 header.

    A cell may name roles itself ('X牵头，Y配合' under 责任单位); those win. Otherwise the column
    says the role: every unit of a 牵头单位 cell leads, every unit of a 责任单位 cell is
    responsible.
    """
    resp = Responsibility()
    if _parse_content(text, resp, bare_units=False) and resp.found:
        if lead_column and not resp.lead:
            return resp.responsible, []
        return resp.lead, resp.responsible
    units = split_units(text)
    return (units, []) if lead_column else ([], units)
