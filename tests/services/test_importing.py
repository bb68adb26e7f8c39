"""Import use case: every heading is stored, even one without measures under it."""

from __future__ import annotations

from sqlalchemy import select

from desktop.models import Section
from desktop.parsing import ParsedSection
from desktop.services.workspace import Workspace
from tests.factories import import_document, make_document


def test_headings_without_measures_are_stored_with_their_parents(ws: Workspace) -> None:
    doc = make_document(4)
    doc.sections.append(ParsedSection(["三"], "三", "保障措施"))
    doc.sections.append(ParsedSection(["三", "（一）"], "（一）", "加强组织领导"))
    plan_id = import_document(ws, doc)
    with ws.db.session() as s:
        sections = {
            tuple(sec.path): sec
            for sec in s.scalars(select(Section).where(Section.plan_id == plan_id))
        }
        assert set(sections) == {("一",), ("二",), ("三",), ("三", "（一）")}
        child = sections[("三", "（一）")]
        assert child.parent_id == sections[("三",)].id
