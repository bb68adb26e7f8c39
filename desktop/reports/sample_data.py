"""Realistic report data from the bundled Gansu 放管服 sample, for previews, tests and benchmarks."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from desktop.domain import Status, is_overdue

from .data import QuarterReportData, ReportEvidence, ReportMeasure, ReportPlan
from .fonts import resources_dir

SAMPLE_FILE = "gansu_2022_137_fangguanfu_measures.txt"
PLAN_TITLE = "第十次全国深化“放管服”改革电视电话会议重点任务贯彻落实措施"
DOC_NUMBER = "甘政办发〔2022〕137号"

_MEASURE = re.compile(r"^(\d+)\.\s*(.*)$")
_SUB = re.compile(r"^（([一二三四五六七八九十]+)）(.*)$")
_TOP = re.compile(r"^##\s*([一二三四五六七八九十]+)、(.*)$")
_LEAD = re.compile(r"（([^（）]*?)牵头")
_DEADLINE = re.compile(r"(\d{4})年(\d{1,2})月底前")

PROGRESS = (
    "已印发《{unit}贯彻落实工作方案》，明确责任股室和完成时限，建立月调度、季通报机制。本季度召开专题推进会2次，"
    "梳理堵点问题11个，已解决8个，其余3个已列入下季度重点。",
    "会同县发展改革局、县财政局对照省级清单逐项比对，完成县级配套措施起草并征求意见，"
    "收到反馈意见23条，采纳19条。",
    "已制定县级实施细则，5月经县政府常务会议审定印发；配套系统6月完成部署并试运行，累计办理业务"
    "1,268件，群众满意率98.6%。",
    "按季度开展专项检查，检查市场主体46户，发现问题12个，已督促整改10个。",
    "",
)
DONE_PROGRESS = (
    "已完成。{unit}牵头制定的配套制度已印发实施，相关系统上线运行，任务目标全部实现，"
    "佐证材料已归档。"
)
PROBLEMS = (
    "部分乡镇工作人员对新政策掌握不够，基层业务系统与省级平台数据尚未完全打通。",
    "专项资金到位较晚，影响项目进度。",
    "",
    "",
)
NEXT_STEPS = (
    "下季度完成剩余问题整改，组织一次业务培训，9月底前完成系统对接。",
    "持续跟踪调度，确保按期完成。",
    "巩固成果，做好常态化监管。",
)
STATUSES = (
    Status.DONE,
    Status.IN_PROGRESS,
    Status.IN_PROGRESS,
    Status.NOT_STARTED,
    Status.DONE,
    Status.IN_PROGRESS,
    Status.SUSPENDED,
    Status.IN_PROGRESS,
)


def _first_sentence(text: str) -> str:
    cut = text.find("。")
    return text[: cut + 1].rstrip("。") if cut > 0 else text[:30]


def _parse_sample() -> list[tuple[tuple[str, ...], tuple[str, ...], str, str]]:
    """(sections, section numbers, number, text) for each numbered measure of the sample."""
    lines = (resources_dir() / "samples" / SAMPLE_FILE).read_text(encoding="utf-8").splitlines()
    top: tuple[str, str] | None = None
    sub: tuple[str, str] | None = None
    out: list[tuple[tuple[str, ...], tuple[str, ...], str, list[str]]] = []
    in_measure = False
    for raw in lines:
        line = raw.strip()
        if not line:
            continue  # the sample breaks paragraphs mid-sentence with blank lines
        if m := _TOP.match(line):
            top, sub, in_measure = (m.group(1) + "、", m.group(2).strip()), None, False
        elif m := _SUB.match(line):
            sub, in_measure = (f"（{m.group(1)}）", _first_sentence(m.group(2).strip())), False
        elif top is not None and (m := _MEASURE.match(line)):
            heads = [h for h in (top, sub) if h is not None]
            out.append(
                (tuple(h[1] for h in heads), tuple(h[0] for h in heads), m.group(1), [m.group(2)])
            )
            in_measure = True
        elif line.startswith(("---", "抄送", "#")):
            in_measure = False  # the 版记 at the end of the document
        elif in_measure:
            out[-1][3].append(line)
    return [(sec, nums, num, "".join(parts).strip()) for sec, nums, num, parts in out]


def _units(text: str) -> tuple[str, ...]:
    m = _LEAD.search(text)
    if not m:
        return ("县政府办公室",)
    return tuple(u.strip() for u in m.group(1).split("、") if u.strip())


def _deadline(text: str) -> date | None:
    m = _DEADLINE.search(text)
    if not m:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def _evidence(number: str, i: int) -> tuple[ReportEvidence, ...]:
    if i % 3:
        return ()
    names = (
        (f"关于印发第{number}项任务落实方案的通知.pdf", "县政府办公室印发的落实方案（盖章扫描件）"),
        (f"第{number}项推进会会议纪要.docx", "季度专题推进会纪要"),
    )
    return tuple(
        ReportEvidence(
            file_name=name,
            description=desc,
            size=48_000 + 37_311 * (i + k),
            added_at=datetime(2023, 6, 10 + k, 9, 30),
            sha256=hashlib.sha256(f"{number}-{k}".encode()).hexdigest(),
        )
        for k, (name, desc) in enumerate(names[: 1 + i % 2])
    )


def sample_measures(as_of: date = date(2023, 6, 30)) -> list[ReportMeasure]:
    out: list[ReportMeasure] = []
    for i, (sections, nums, number, text) in enumerate(_parse_sample()):
        status = STATUSES[i % len(STATUSES)]
        deadline = _deadline(text)
        long_term = deadline is None
        units = _units(text)
        done = status is Status.DONE
        out.append(
            ReportMeasure(
                sections=sections,
                section_path=nums,
                number=number,
                title=_first_sentence(text),
                text=text,
                lead_units=units,
                responsible_units=("各乡镇人民政府",),
                deadline_text=f"{deadline.year}年{deadline.month}月底前" if deadline else None,
                deadline=deadline,
                long_term=long_term,
                status=status.value,
                status_label=status.label,
                overdue=is_overdue(deadline, status, as_of),
                progress=(DONE_PROGRESS if done else PROGRESS[i % len(PROGRESS)]).format(
                    unit=units[0]
                ),
                problems="" if done else PROBLEMS[i % len(PROBLEMS)],
                next_steps=NEXT_STEPS[2 if done else i % 2],
                evidence=_evidence(number, i),
                measure_id=1000 + i,
            )
        )
    return out


def sample_quarter_data(measures: int | None = None) -> QuarterReportData:
    """The sample plan as a county would report it for 2023Q2; `measures` repeats the sample
    (renumbered) to reach that many rows."""
    base = sample_measures()
    if measures is not None:
        rows = []
        for i in range(measures):
            m = base[i % len(base)]
            rows.append(replace(m, number=str(i + 1), measure_id=10_000 + i))
        base = rows
    plan = ReportPlan(
        title=PLAN_TITLE, doc_number=DOC_NUMBER, issuer="甘肃省人民政府办公厅", version=1,
        measures=tuple(base),
    )  # fmt: skip
    return QuarterReportData(
        quarter="2023Q2",
        quarter_label="2023年第二季度",
        title=f"榆中县关于《{PLAN_TITLE}》2023年第二季度落实情况的报告",
        unit_name="榆中县人民政府办公室",
        officer="王丽",
        reviewer="张建国",
        phone="0931-5222618",
        plans=(plan,),
        generated_at=datetime(2023, 7, 5, 10, 30),
        # what the footer of a frozen (定稿) quarter reads; the digest is made up
        data_version="定稿 2023Q2 #12 · 5f0c2a9e71d4",
        report_date=date(2023, 7, 5),
        addressee="县政府",
    )
