"""The report from a real data directory: filters, data version, frozen plans, several plans."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain import Quarter, Status
from desktop.services import reporting
from desktop.services.workspace import Workspace

from .conftest import pdf_text, squeeze
from .realistic import REPORT_DAY, populate

Q = Quarter(2023, 2)


@pytest.fixture
def plans(ws: Workspace, tmp_path: Path) -> list[int]:
    return populate(ws, tmp_path / "files")


def test_filtered_report_says_so_and_counts_only_what_it_lists(
    ws: Workspace, plans: list[int], tmp_path: Path
) -> None:
    only = reporting.ReportFilter(
        statuses=frozenset({Status.IN_PROGRESS}), units=frozenset({"省发展改革委"})
    )
    data = reporting.build_report_data(ws, Q, plans[:1], REPORT_DAY, only=only)
    listed = data.plans[0].measures
    assert listed and all(m.status == "in_progress" for m in listed)
    assert data.filter_description == "由省发展改革委牵头或负责、状态为推进中"
    out = tmp_path / "r.pdf"
    reporting.write_pdf_report(ws, Q, out, plans[:1], only=only, today=REPORT_DAY)
    text = squeeze(pdf_text(out))
    assert "本报告仅含由省发展改革委牵头或负责、状态为推进中的重点任务，其余任务未列入。" in text
    assert f"上述任务共{len(listed)}项，已完成0项，推进中{len(listed)}项" in text
    assert f"列入本报告的任务{len(listed)}项" in text
    assert "表1重点任务落实情况统计（仅含本报告所列任务）" in text

    everything = tmp_path / "all.pdf"
    reporting.write_pdf_report(ws, Q, everything, plans[:1], today=REPORT_DAY)
    text = squeeze(pdf_text(everything))
    assert "本报告仅含" not in text and "共59项重点任务" in text

    sections = reporting.ReportFilter(sections=frozenset({"二"}))
    data = reporting.build_report_data(ws, Q, plans[:1], REPORT_DAY, only=sections)
    title = data.plans[0].measures[0].sections[0]
    assert title.startswith("二、") and data.filter_description == f"“{title}”部分中"
