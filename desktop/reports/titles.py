"""Breaks a document title into balanced lines at sensible points, as GB/T 9704 §7.3.3 asks."""

from __future__ import annotations

import math

_GOOD_AFTER = "》”）、，；："
_GOOD_BEFORE = "《“（"
_NO_START = "，。、；：！？”’》）…"
_NO_END = "《“‘（"
# Two-character words titles of this kind are full of; never split one across lines.
_WORDS = frozenset(
    [
        "季度",
        "落实",
        "情况",
        "报告",
        "重点",
        "任务",
        "措施",
        "工作",
        "改革",
        "方案",
        "实施",
        "意见",
        "通知",
        "营商",
        "环境",
        "关于",
        "贯彻",
        "推进",
        "进展",
        "完成",
        "督办",
        "清单",
        "附件",
        "政府",
        "县委",
        "办公",
        "公室",
        "人民",
        "民政",
        "部门",
        "单位",
        "办单",
        "府办",  # 人民政府办公室 is one unit
    ]
)
# A unit's name ends here (办公室, 人民政府, 市场监管局 …): a natural place for a title to turn.
_UNIT_END = "室府局委厅"
_MAX_DP_CHARS = 160  # longer "titles" are pasted text: let the paragraph wrap them as it will


def _em(ch: str) -> float:
    return 0.55 if ch < "\x80" else 1.0


def _penalty(text: str, b: int) -> float:
    """Cost of starting a new line at text[b]."""
    before, after = text[b - 1], text[b]
    if after in _NO_START or before in _NO_END:
        return 400.0
    if before.isascii() and after.isascii() and before.isalnum() and after.isalnum():
        return 400.0  # inside 2023 or a Latin word
    if text[b - 1 : b + 1] in _WORDS:
        return 200.0
    if before in _GOOD_AFTER or after in _GOOD_BEFORE or text[max(0, b - 2) : b] == "关于":
        return 0.0
    if after in "的和及与" or before.isdigit() or after in "年月日号":
        return 60.0
    if before in "的和及与于":  # a particle ends a phrase: a fair place even inside a book title
        return 8.0
    if before in _UNIT_END:
        return 4.0
    depth = text.count("《", 0, b) - text.count("》", 0, b)
    return 40.0 if depth > 0 else 20.0


def title_lines(text: str, max_em: float) -> list[str]:
    """Lines of about equal width, none wider than `max_em`, broken where the reader expects."""
    text = " ".join(text.split())
    n = len(text)
    widths = [_em(ch) for ch in text]
    total = sum(widths)
    if total <= max_em or n > _MAX_DP_CHARS or n < 2:
        return [text]
    prefix = [0.0]
    for w in widths:
        prefix.append(prefix[-1] + w)
    best: list[str] = [text]
    best_cost = math.inf
    for k in range(math.ceil(total / max_em), math.ceil(total / max_em) + 2):
        target = total / k
        # cost[j][i]: best cost of the first i characters in j lines
        inf = math.inf
        cost = [[inf] * (n + 1) for _ in range(k + 1)]
        back = [[0] * (n + 1) for _ in range(k + 1)]
        cost[0][0] = 0.0
        for j in range(1, k + 1):
            for i in range(1, n + 1):
                pen = 0.0 if i == n else _penalty(text, i)
                for s in range(i - 1, -1, -1):
                    width = prefix[i] - prefix[s]
                    if width > max_em:
                        break
                    if cost[j - 1][s] == inf:
                        continue
                    c = cost[j - 1][s] + (width - target) ** 2 + pen
                    if c < cost[j][i]:
                        cost[j][i] = c
                        back[j][i] = s
        if cost[k][n] + 30 * (k - 1) < best_cost:
            best_cost = cost[k][n] + 30 * (k - 1)
            lines: list[str] = []
            i = n
            for j in range(k, 0, -1):
                s = back[j][i]
                lines.append(text[s:i])
                i = s
            best = lines[::-1]
    return best
