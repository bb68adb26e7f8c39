"""Builds realistic plans through the real import service without depending on the parser."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.parsing import ParsedDocument, ParsedMeasure, ParsedSection, ParseResult
from desktop.services import importing
from desktop.services.workspace import Workspace

UNITS = ["省市场监管局", "省发展改革委", "省人社厅", "省财政厅", "省自然资源厅", "省住建厅"]


def make_document(n: int = 12, title: str = "某县优化营商环境重点任务") -> ParsedDocument:
    sections = [
        ParsedSection(["一"], "一", "深化改革开放"),
        ParsedSection(["二"], "二", "优化政务服务"),
    ]
    measures = []
    for i in range(1, n + 1):
        top = "一" if i <= n // 2 else "二"
        deadline = date(2023, 3 * (i % 4) + 3, 28) if i % 3 else None
        measures.append(
            ParsedMeasure(
                path=[top, str(i)],
                number=str(i),
                title=f"第{i}项重点任务",
                text=f"第{i}项重点任务。推进相关改革，完善配套措施，确保取得实效。",
                lead_units=[UNITS[i % len(UNITS)]],
                responsible_units=[UNITS[(i + 1) % len(UNITS)], "各县区政府"],
                deadline_text=f"{deadline.year}年{deadline.month}月底前"
                if deadline
                else "长期坚持",
                deadline=deadline,
                long_term=deadline is None,
                deadlines=[deadline] if deadline else [],
            )
        )
    return ParsedDocument(
        title=title,
        doc_number="某政办发〔2023〕1号",
        issuer="某县人民政府办公室",
        date=date(2023, 1, 10),
        measures=measures,
        sections=sections,
    )


def import_document(ws: Workspace, doc: ParsedDocument, source_name: str = "plan.txt") -> int:
    """Store `doc` as a plan through the import service; returns its id."""
    preview = importing.ImportPreview(
        source=Path(source_name),
        sha256=f"{hash((doc.title, source_name)) & (2**64 - 1):064x}",
        result=ParseResult([doc]),
    )
    outcome = importing.import_preview(ws, preview)
    return outcome.plan_ids[0]
