"""督办单: grouping by unit, and the rendered notice."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from desktop.reports.data import QuarterReportData
from desktop.reports.pdf_report import render_supervision_notice
from desktop.reports.supervision import build_supervision_notice

from .conftest import pdf_text, squeeze, stream_text


def _notice(sample: QuarterReportData, today: date = date(2023, 7, 5)):  # type: ignore[no-untyped-def]
    return build_supervision_notice(
        sample.plans, today, title="榆中县重点任务落实督办单", issuer="榆中县人民政府督查室",
        quarter_label=sample.quarter_label, generated_at=sample.generated_at,
        data_version=sample.data_version, soon_days=90, reply_by=date(2023, 7, 20),
        serial_prefix="2023-Q2-",
    )  # fmt: skip


def test_grouping_red_before_yellow(sample: QuarterReportData) -> None:
    notice = _notice(sample)
    assert notice.notices
    units = [n.unit for n in notice.notices]
    assert units == sorted(units)
    for n in notice.notices:
        levels = [it.level for it in n.items]
        assert levels == sorted(levels, key=lambda lv: lv != "red")
        for it in n.items:
            assert it.measure.status not in ("done", "suspended")
            assert it.days >= 0
    assert notice.notices[0].serial == "2023-Q2-001"


def test_notice_pdf_one_unit_per_page(tmp_path: Path, sample: QuarterReportData) -> None:
    notice = _notice(sample)
    out = tmp_path / "n.pdf"
    pages = render_supervision_notice(notice, out)
    assert pages == len(notice.notices) == len(PdfReader(str(out)).pages)
    text = squeeze(pdf_text(out))
    assert "榆中县重点任务落实督办单" in text
    assert "督办单位榆中县人民政府督查室" in text
    for n in notice.notices:
        assert f"责任单位{n.unit}" in text
    cells = squeeze(stream_text(out))
    assert "红色·逾期5天" in cells
    assert "— 1 —".replace(" ", "") in text


def test_notice_with_no_items(tmp_path: Path, sample: QuarterReportData) -> None:
    empty = replace(_notice(sample), notices=())
    assert render_supervision_notice(empty, tmp_path / "n.pdf") == 1


def test_archived_measures_are_not_supervised(sample: QuarterReportData) -> None:
    """A measure a later version removed is listed in its quarter's report, never chased."""
    red = {it.measure.measure_id for n in _notice(sample).notices for it in n.items}
    assert red
    plans = tuple(
        replace(p, measures=tuple(replace(m, archived=m.measure_id in red) for m in p.measures))
        for p in sample.plans
    )
    assert not _notice(replace(sample, plans=plans)).notices
