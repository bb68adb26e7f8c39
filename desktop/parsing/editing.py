"""Corrections an officer makes in the import preview, as pure functions on a ParsedDocument."""

from __future__ import annotations

from dataclasses import replace

from desktop.parsing.model import ParsedContext, ParsedDocument, ParsedMeasure, ParsedSection
from desktop.parsing.schedule import own_deadlines
from desktop.parsing.structure import item_title


def leading_title(text: str) -> str:
    """A measure's title, by the parser's rule (see `item_title`)."""
    return item_title(text)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def merge_with_next(doc: ParsedDocument, index: int) -> ParsedDocument:
    """Measure `index` absorbs the one after it (a measure the parser split in two)."""
    if not 0 <= index < len(doc.measures) - 1:
        raise IndexError(index)
    first, second = doc.measures[index], doc.measures[index + 1]
    deadlines = sorted(set(first.deadlines) | set(second.deadlines))
    merged = replace(
        first,
        text=f"{first.text}{second.text}",
        lead_units=_unique(first.lead_units + second.lead_units),
        responsible_units=_unique(first.responsible_units + second.responsible_units),
        deadlines=deadlines,
        deadline=deadlines[0] if deadlines else None,
        deadline_text=first.deadline_text or second.deadline_text,
        long_term=first.long_term or second.long_term,
        recurring=first.recurring or second.recurring,
        start=min((d for d in (first.start, second.start) if d), default=None),
    )
    measures = [*doc.measures[:index], merged, *doc.measures[index + 2 :]]
    return replace(doc, measures=measures, context_items=_shift(doc, index + 2, -1))


def split_measure(
    doc: ParsedDocument, index: int, at: int, default_year: int | None = None
) -> ParsedDocument:
    """Split measure `index` at character `at` of its text into two measures with the same units."""
    m = doc.measures[index]
    head, tail = m.text[:at].strip(), m.text[at:].strip()
    if not head or not tail:
        raise ValueError("拆分位置应在正文中间，两部分都不能为空。")
    year = default_year or (doc.date.year if doc.date else None)
    parts = []
    for n, text in ((m.number, head), (f"{m.number}-2", tail)):
        info = own_deadlines(text, year)
        deadlines = info.deadlines or (m.deadlines if text is head else [])
        parts.append(
            replace(
                m,
                path=[*m.path[:-1], n],
                number=n,
                title=leading_title(text),
                text=text,
                deadlines=list(deadlines),
                deadline=min(deadlines) if deadlines else None,
                deadline_text=info.deadline_text or (m.deadline_text if text is head else None),
                long_term=info.long_term or (m.long_term and text is head),
                recurring=info.recurring or (m.recurring if text is head else None),
                start=info.start or (m.start if text is head else None),
                lead_units=list(m.lead_units),
                responsible_units=list(m.responsible_units),
            )
        )
    return replace(
        doc,
        measures=[*doc.measures[:index], *parts, *doc.measures[index + 1 :]],
        context_items=_shift(doc, index + 1, 1),
    )


def promote_to_section(doc: ParsedDocument, index: int) -> ParsedDocument:
    """A 'measure' that is really a heading: it becomes a section over the measures after it at
    the same level, up to the next measure outside its parent."""
    m = doc.measures[index]
    parent = m.path[:-1]
    section = ParsedSection(path=list(m.path), number=m.number, title=m.title, text=m.text)
    measures = list(doc.measures[:index])
    adopting = True
    for other in doc.measures[index + 1 :]:
        if adopting and other.path[: len(parent)] == parent and len(other.path) == len(m.path):
            measures.append(replace(other, path=[*m.path, *other.path[len(parent) :]]))
        else:
            adopting = False
            measures.append(other)
    sections = _insert_section(doc.sections, section)
    return replace(
        doc, measures=measures, sections=sections, context_items=_shift(doc, index + 1, -1)
    )


def demote_to_measure(doc: ParsedDocument, section_index: int) -> ParsedDocument:
    """A heading that is really an actionable item: it becomes a measure, and what stood under it
    moves up one level."""
    s = doc.sections[section_index]
    prefix = s.path

    def lift(path: list[str]) -> list[str]:
        if path[: len(prefix)] == prefix and len(path) > len(prefix):
            return [*prefix[:-1], *path[len(prefix) :]]
        return path

    measure = ParsedMeasure(
        path=list(prefix), number=s.number, title=s.title, text=s.text or s.title
    )
    measures: list[ParsedMeasure] = []
    placed_at = -1
    for m in doc.measures:
        if placed_at < 0 and m.path[: len(prefix)] == prefix:
            placed_at = len(measures)
            measures.append(measure)
        measures.append(replace(m, path=lift(m.path)))
    if placed_at < 0:
        placed_at = len(measures)
        measures.append(measure)
    sections = [
        replace(other, path=lift(other.path))
        for i, other in enumerate(doc.sections)
        if i != section_index
    ]
    items = [replace(c, path=lift(c.path)) for c in _shift(doc, placed_at, 1)]
    return replace(doc, measures=measures, sections=sections, context_items=items)


def include_section_as_measure(doc: ParsedDocument, section_index: int) -> ParsedDocument:
    """Keep a context heading (e.g. 工作目标 with a concrete task) and also track it as a measure."""
    s = doc.sections[section_index]
    measure = ParsedMeasure(
        path=[*s.path, "正文"], number=s.number, title=s.title, text=s.text or s.title
    )
    position = next(
        (i for i, m in enumerate(doc.measures) if m.path[: len(s.path)] == s.path),
        len(doc.measures),
    )
    return replace(
        doc,
        measures=[*doc.measures[:position], measure, *doc.measures[position:]],
        context_items=_shift(doc, position, 1),
    )


def include_context(
    doc: ParsedDocument, context_index: int, default_year: int | None = None
) -> ParsedDocument:
    """A context paragraph the parser left out (e.g. （一）加强组织领导 under 保障措施) becomes a
    measure in its place; a heading that was only that paragraph stops being a heading."""
    c = doc.context_items[context_index]
    year = default_year or (doc.date.year if doc.date else None)
    info = own_deadlines(c.text, year)
    measure = ParsedMeasure(
        path=list(c.path),
        number=c.number,
        title=c.title,
        text=c.text,
        deadline_text=info.deadline_text,
        deadline=info.deadline,
        long_term=info.long_term,
        deadlines=list(info.deadlines),
        recurring=info.recurring,
        start=info.start,
    )
    at = min(max(c.position, 0), len(doc.measures))
    items = [
        replace(other, position=other.position + 1) if i > context_index else other
        for i, other in enumerate(doc.context_items)
        if i != context_index
    ]
    return replace(
        doc,
        measures=[*doc.measures[:at], measure, *doc.measures[at:]],
        sections=[s for s in doc.sections if s.path != c.path],
        context_items=items,
    )


def _shift(doc: ParsedDocument, at: int, delta: int) -> list[ParsedContext]:
    """Context items after measure position `at` move by `delta` when measures come or go."""
    return [
        replace(c, position=max(0, c.position + delta)) if c.position >= at else c
        for c in doc.context_items
    ]


def exclude(
    doc: ParsedDocument,
    measure_indexes: set[int],
    section_indexes: frozenset[int] | set[int] = frozenset(),
) -> ParsedDocument:
    """Drop measures, and whole sections with everything under them."""
    prefixes = [doc.sections[i].path for i in section_indexes]

    def under(path: list[str]) -> bool:
        return any(path[: len(p)] == p for p in prefixes)

    return replace(
        doc,
        measures=[
            m for i, m in enumerate(doc.measures) if i not in measure_indexes and not under(m.path)
        ],
        sections=[s for s in doc.sections if not under(s.path)],
    )


def _insert_section(sections: list[ParsedSection], new: ParsedSection) -> list[ParsedSection]:
    """Place `new` at the end of its parent's subtree, so sections stay in document order."""
    parent = new.path[:-1]
    out = list(sections)
    position = len(out)
    if parent:
        inside = [i for i, s in enumerate(out) if s.path[: len(parent)] == parent]
        if inside:
            position = inside[-1] + 1
    out.insert(position, new)
    return out
