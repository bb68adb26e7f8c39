"""Field labels of responsibility statements ('牵头单位：', '完成时限：'), shared by the stages."""

from __future__ import annotations

__all__ = ["ALL_LABELS", "DEADLINE_LABELS", "IGNORED_LABELS", "LEAD_LABELS", "RESPONSIBLE_LABELS"]

# Field labels naming units ('牵头单位：X；协同单位：Y'); lead labels first, longest first within
# a family so '牵头领导单位' wins over '牵头'.
LEAD_LABELS = (
    "牵头领导单位",
    "牵头单位",
    "牵头部门",
    "牵头处室",
    "主责单位",
    "主责部门",
    "主办单位",
    "主办部门",
)
RESPONSIBLE_LABELS = (
    "具体负责单位",
    "责任单位",
    "责任部门",
    "责任处室",
    "配合单位",
    "配合部门",
    "配合处室",
    "协办单位",
    "协办部门",
    "协同单位",
    "协同部门",
    "协作单位",
    "协助单位",
    "参与单位",
    "参与部门",
    "参加单位",
    "落实单位",
    "责任主体",
    "实施主体",
    "承办单位",
    "实施单位",
    "督导单位",
    "督办单位",
    "指导单位",
    "支持单位",
    "保障单位",
)
# Labels whose value names people or numbers, never units: read as labels so their value does
# not leak into a unit name.
IGNORED_LABELS = ("责任领导", "牵头领导", "分管领导", "督办领导", "责任人", "联系人", "联系电话")
# Labels of a deadline field; '时间安排：每季度' and '进度安排：2023年10月底前' too.
DEADLINE_LABELS = (
    "完成时间节点",
    "完成时限",
    "完成时间",
    "完成期限",
    "完成日期",
    "时间节点",
    "时限要求",
    "时间要求",
    "时间安排",
    "进度安排",
    "推进时限",
    "办结时限",
    "时限",
)
ALL_LABELS = LEAD_LABELS + RESPONSIBLE_LABELS + IGNORED_LABELS + DEADLINE_LABELS
