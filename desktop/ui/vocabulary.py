"""Translatable names of the domain's words (statuses, lights, quarters, columns) for the Qt layer.

The domain keeps its Chinese labels for reports and the command line; the window shows these.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.domain import Light, Quarter, Status
from desktop.services.ledger import PlanSummary

CONTEXT = "Vocabulary"

_STATUS = {
    Status.NOT_STARTED: QT_TRANSLATE_NOOP("Vocabulary", "未启动"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("Vocabulary", "推进中"),
    Status.DONE: QT_TRANSLATE_NOOP("Vocabulary", "已完成"),
    Status.SUSPENDED: QT_TRANSLATE_NOOP("Vocabulary", "暂缓"),
}
_LIGHT = {
    Light.RED: QT_TRANSLATE_NOOP("Vocabulary", "红灯"),
    Light.YELLOW: QT_TRANSLATE_NOOP("Vocabulary", "黄灯"),
    Light.GREEN: QT_TRANSLATE_NOOP("Vocabulary", "绿灯"),
}
COLUMNS = (
    QT_TRANSLATE_NOOP("Vocabulary", "灯"),
    QT_TRANSLATE_NOOP("Vocabulary", "序号"),
    QT_TRANSLATE_NOOP("Vocabulary", "措施"),
    QT_TRANSLATE_NOOP("Vocabulary", "牵头单位"),
    QT_TRANSLATE_NOOP("Vocabulary", "责任单位"),
    QT_TRANSLATE_NOOP("Vocabulary", "完成时限"),
    QT_TRANSLATE_NOOP("Vocabulary", "状态"),
    QT_TRANSLATE_NOOP("Vocabulary", "最近进展"),
    QT_TRANSLATE_NOOP("Vocabulary", "佐证"),
)
SETTING_LABELS = {
    "unit_name": QT_TRANSLATE_NOOP("Vocabulary", "填报单位"),
    "officer": QT_TRANSLATE_NOOP("Vocabulary", "填报人"),
    "phone": QT_TRANSLATE_NOOP("Vocabulary", "联系电话"),
    "reviewer": QT_TRANSLATE_NOOP("Vocabulary", "审核人"),
    "report_title_template": QT_TRANSLATE_NOOP("Vocabulary", "报告标题模板"),
    "report_addressee": QT_TRANSLATE_NOOP("Vocabulary", "主送机关"),
    "evidence_max_mb": QT_TRANSLATE_NOOP("Vocabulary", "单个佐证材料上限（MB）"),
}
# The names of a task list's columns (readers.xlsx.FIELD_LABELS) and of a fill-in workbook's
# answers (services.fillin.FIELD_NAMES), listed so that Qt Linguist offers them; tr() finds
# them by their Chinese text.
_FIELD_NAMES = (
    QT_TRANSLATE_NOOP("Vocabulary", "序号"),
    QT_TRANSLATE_NOOP("Vocabulary", "类别"),
    QT_TRANSLATE_NOOP("Vocabulary", "重点任务"),
    QT_TRANSLATE_NOOP("Vocabulary", "具体措施"),
    QT_TRANSLATE_NOOP("Vocabulary", "牵头单位"),
    QT_TRANSLATE_NOOP("Vocabulary", "责任单位"),
    QT_TRANSLATE_NOOP("Vocabulary", "完成时限"),
    QT_TRANSLATE_NOOP("Vocabulary", "进展情况"),
    QT_TRANSLATE_NOOP("Vocabulary", "备注"),
    QT_TRANSLATE_NOOP("Vocabulary", "牵头领导"),
    QT_TRANSLATE_NOOP("Vocabulary", "任务来源"),
    QT_TRANSLATE_NOOP("Vocabulary", "状态"),
    QT_TRANSLATE_NOOP("Vocabulary", "存在问题"),
    QT_TRANSLATE_NOOP("Vocabulary", "下步打算"),
)
OVERDUE = QT_TRANSLATE_NOOP("Vocabulary", "逾期")
LONG_TERM = QT_TRANSLATE_NOOP("Vocabulary", "长期")
LONG_TERM_FULL = QT_TRANSLATE_NOOP("Vocabulary", "长期坚持")
RESPONSIBLE = QT_TRANSLATE_NOOP("Vocabulary", "责任单位：")
_QUARTER_NAMES = (
    QT_TRANSLATE_NOOP("Vocabulary", "第一季度"),
    QT_TRANSLATE_NOOP("Vocabulary", "第二季度"),
    QT_TRANSLATE_NOOP("Vocabulary", "第三季度"),
    QT_TRANSLATE_NOOP("Vocabulary", "第四季度"),
)
# {year} and {quarter} (a name from the list above), in the order the language writes them.
_QUARTER_FORMAT = QT_TRANSLATE_NOOP("Vocabulary", "{year}年{quarter}")
_PLAN_DONE = QT_TRANSLATE_NOOP("Vocabulary", "{done}/{total} 项已完成（{ratio}）")
_PLAN_VERSION = QT_TRANSLATE_NOOP("Vocabulary", "第{version}版")
_LIST_SEPARATOR = QT_TRANSLATE_NOOP("Vocabulary", "、")


def tr(text: object) -> str:
    # QT_TRANSLATE_NOOP is typed as returning object; it returns the source string unchanged.
    return QCoreApplication.translate(CONTEXT, str(text))


def status_label(status: Status) -> str:
    return tr(_STATUS[status])


def light_label(light: Light) -> str:
    return tr(_LIGHT[light])


def column_label(column: int) -> str:
    return tr(COLUMNS[column])


def quarter_label(quarter: Quarter) -> str:
    """'2023年第二季度' in Chinese, 'Q2 2023' in English."""
    return tr(_QUARTER_FORMAT).format(year=quarter.year, quarter=tr(_QUARTER_NAMES[quarter.q - 1]))


def join_units(units: tuple[str, ...] | list[str]) -> str:
    """'省财政厅、省人社厅' — with the separator of the interface language."""
    return tr(_LIST_SEPARATOR).join(units)


def version_label(version: int) -> str:
    return tr(_PLAN_VERSION).format(version=version)


def plan_caption(plan: PlanSummary) -> str:
    """'3/22 项已完成（14%）', with the version when the plan has been updated."""
    ratio = plan.done_count / plan.measure_count if plan.measure_count else 0.0
    caption = tr(_PLAN_DONE).format(
        done=plan.done_count, total=plan.measure_count, ratio=f"{ratio:.0%}"
    )
    if plan.version > 1:
        caption += " · " + version_label(plan.version)
    return caption
