"""What the officer can choose about a quarterly report's layout before rendering it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReportOptions:
    full_text: bool = True  # full measure text in the table, or the measure title only
    landscape_table: bool = True  # measure table on landscape pages (GB/T 9704 turned tables)
    include_evidence_annex: bool = True
    include_chart: bool = True
    include_overdue_list: bool = True  # list overdue measures by name in the body text
    use_system_fonts: bool = True  # prefer installed Windows fonts (仿宋, 宋体, 黑体, 方正小标宋)
    # A cell taller than this share of the frame is split into continuation rows (“续”).
    max_row_fraction: float = 0.8
