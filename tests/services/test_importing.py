"""Import use case: every heading is stored, even one without measures under it; start dates
and schedules are kept apart from deadlines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from desktop.models import Measure, Section
from desktop.parsing import ParsedSection
from desktop.services import importing
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


def test_start_date_and_schedule_of_a_text_are_stored_apart_from_the_deadline(
    ws: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "方案.txt"
    path.write_text(
        "关于推动“放管服”改革向纵深发展的实施方案\n"
        "甘政办发〔2023〕3号\n"
        "一、深化简政放权\n"
        "（一）持续精简行政许可事项。2023年1月1日起全面实行行政许可事项清单管理，"
        "6月底前完成清单编制。（牵头单位：省政府办公厅）\n"
        "（二）深化投资审批制度改革。（牵头单位：省发展改革委；完成时限：每季度）\n"
        "（三）推进工程建设项目审批改革，年底前完成。（牵头单位：省住建厅）\n",
        encoding="utf-8",
    )
    plan_id = importing.import_file(ws, path).plan_ids[0]
    with ws.db.session() as s:
        stored = {
            m.number: (m.start_date, m.deadline, m.recurring)
            for m in s.scalars(select(Measure).where(Measure.plan_id == plan_id))
        }
    assert stored == {
        "（一）": (date(2023, 1, 1), date(2023, 6, 30), None),
        "（二）": (None, None, "每季度"),
        "（三）": (None, date(2023, 12, 31), None),
    }
