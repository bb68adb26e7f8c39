"""Numbered items of one document -> a tree of parts and nodes, then measures and sections."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.parsing.deadlines import parse_deadlines
from desktop.parsing.documents import in_signature, is_date_line
from desktop.parsing.model import ParsedContext, ParsedMeasure, ParsedSection
from desktop.parsing.numbering import Marker, match_marker
from desktop.parsing.responsibility import Responsibility, find_responsibility, standing_units
from desktop.parsing.schedule import own_deadlines

__all__ = ["StructureResult", "build_structure"]

# Lower rank = higher level. Used only when a style appears that outranks the current root.
_RANK = {
    "chapter": 0,
    "jie": 1,
    "cn": 2,
    "article": 3,
    "paren_cn": 4,
    "arabic": 5,
    "paren_arabic": 6,
    "arabic_rparen": 6,
    "circled": 7,
    "roman": 1,
}
_CONTEXT_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]、)?(?:指导思想|总体要求|总体思路|总体目标|基本原则|工作原则|主要原则|"
    r"工作目标|主要目标|发展目标|目标任务|预期目标|保障措施|组织实施|组织保障|组织领导|工作要求|"
    r"实施步骤|进度安排|工作步骤|步骤安排|时间安排|工作机制|保障机制|附则|总则|有关要求|其他事项|"
    r"强化保障|工作保障|实施保障)"
)
# Strong words mark a context section wherever they stand in a short heading
# ('五、进一步强化组织保障，统筹推动各项工作').
_CONTEXT_WORDS = re.compile(
    r"保障措施|组织保障|工作保障|强化保障|组织实施|组织领导|工作要求|总体要求|指导思想|基本原则|实施步骤"
)
# Clauses about the document itself, numbered like its measures in flat lists ('第一条 为…，制定
# 本措施。', '六、本措施自印发之日起施行，有效期至…', '本办法由市发展改革委负责解释'): context.
_PURPOSE_CLAUSE = re.compile(
    r"^(?:为了?|根据|依据|按照|为深入|为进一步|为加快|为全面)[^。]{2,200}?"
    r"(?:制定|提出|出台)(?:本(?:措施|办法|方案|意见|细则|规定|计划|要点|清单|政策|条例|实施|"
    r"若干|工作|行动)|如下|以下)"
)
_CLOSING_CLAUSE = re.compile(
    r"^(?:本|此|以上|上述)[^，。；]{0,14}?(?:自[^，。；]{0,16}(?:施行|实施|执行|生效)|"
    r"有效期|由[^，。；]{2,30}(?:负责)?解释|解释权)"
    r"|^自[^，。；]{0,16}之日起(?:施行|实施|执行|生效)"
)
_TRAILER = re.compile(
    r"^(?:抄送|抄报|分送|发送|公开属性|公开方式|信息公开选项|印发机关|联系人|联系电话)[：:]|^（此件.{0,20}）$|^[（(]此件"
)
_ATTACHMENT_MARK = re.compile(r"^附\s*件\s*(?P<n>\d{1,2})?\s*[：:]?\s*$")
_ATTACHMENT_LIST = re.compile(r"^附\s*件\s*(?P<n>\d{1,2})?\s*[：:]\s*(?P<title>.+)$")
_ATTACHMENT_HEADING = re.compile(
    r"^附\s*件\s*(?P<n>\d{1,2})\s*(?P<colon>[：:])?\s*(?P<title>[^\d\s.．、：:].{1,60})$"
)
_ATTACHMENT_ENTRY = re.compile(r"^\d{1,2}\s*[.．、]\s*.{2,80}$")
# Characters after which a line continues the same sentence on the next line.
_CONTINUES = "，,、；;：:“‘《（(〔[【的和与及等"
# ... and characters that continue the previous line's sentence at the start of a line.
_CONTINUED = "《（(“‘〔[【，,、。；;：:）)”’》"
_PRINTED = re.compile(r"^.{6,20}日\s*印发$")
_TITLE_LIKE = re.compile(
    r"^[^。，；：！？,;:]{4,60}(?:方案|要点|措施|清单|台账|计划|办法|细则|规则|意见|规划|分工|举措|"
    r"任务|[0-9一二三四五六七八九十]+条)》?$"
)


@dataclass
class Node:
    marker: Marker
    parent: Node | None
    lines: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    resp: Responsibility | None = None
    seq: int = 0  # order of the item in the document, across parts
    heading_line: bool = False  # the marker line is a heading of its own ('一、总体要求')

    @property
    def text(self) -> str:
        if self.heading_line and len(self.lines) > 1 and self.lines[1][:1] not in _CONTINUED:
            return self.lines[0] + "\n" + join_lines(self.lines[1:])
        return join_lines(self.lines)

    def path(self) -> list[str]:
        labels: list[str] = []
        node: Node | None = self
        while node is not None:
            labels.append(node.marker.label)
            node = node.parent
        return labels[::-1]


@dataclass
class Part:
    label: str | None = None
    title: str | None = None
    roots: list[Node] = field(default_factory=list)
    stack: list[Node] = field(default_factory=list)
    last_value: dict[str, int] = field(default_factory=dict)


@dataclass
class StructureResult:
    measures: list[ParsedMeasure] = field(default_factory=list)
    sections: list[ParsedSection] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    context_items: list[ParsedContext] = field(default_factory=list)


def join_lines(lines: list[str]) -> str:
    """Lines of one item as text: a break only after sentence-ending punctuation.

    Hard line breaks from PDF and broken paragraphs fall mid-sentence; joining them without a
    separator is right for Chinese.
    """
    out = ""
    for line in lines:
        if not out:
            out = line
        elif out[-1] in "。！？!?；;：:" and not line.startswith(("。", "，", "）", "；")):
            out += "\n" + line
        else:
            out += line
    return out


TITLE_MAX = 30
_QUOTE_OPEN = "“‘《（(〔[【「"
_QUOTE_CLOSE = "”’》）)〕]】」"


def _first_top_level(text: str, stops: str) -> int:
    """Index of the first character of `stops` outside quotes and brackets, else -1."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in _QUOTE_OPEN:
            depth += 1
        elif ch in _QUOTE_CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in stops:
            return i
    return -1


_ROLE_WORDS = re.compile(r"牵头|负责|配合|参与|落实|单位[：:]|部门[：:]")


def _without_trailing_bracket(phrase: str) -> str:
    """'推进工程审批改革（省住建厅负责）' -> '推进工程审批改革'; '（试行）' stays."""
    if not phrase or phrase[-1] not in "）)〕]】］":
        return phrase
    depth = 0
    for i in range(len(phrase) - 1, -1, -1):
        ch = phrase[i]
        if ch in "）)〕]】］":
            depth += 1
        elif ch in "（(〔[【［":
            depth -= 1
            if depth == 0:
                if i > 0 and _ROLE_WORDS.search(phrase[i:]):
                    return phrase[:i].rstrip()
                return phrase
    return phrase


def item_title(text: str) -> str:
    """A measure's title: its leading phrase up to the first 。 when that phrase is short.

    Short means at most `TITLE_MAX` characters. Otherwise the phrase's first clause (up to
    ，；： outside quotes and brackets) when that is short, else its first `TITLE_MAX`
    characters and '…'.
    """
    first = text.strip().split("\n", 1)[0].strip()
    end = _first_top_level(first, "。！？")
    phrase = _without_trailing_bracket((first[:end] if end >= 0 else first).strip())
    phrase = phrase.rstrip("；;，,：:")
    if len(phrase) <= TITLE_MAX:
        return phrase
    clause_end = _first_top_level(phrase, "，,；;：:")
    if 4 <= clause_end <= TITLE_MAX:
        return phrase[:clause_end]
    return phrase[:TITLE_MAX] + ("…" if len(phrase) > TITLE_MAX else "")


class _Builder:
    """Walks the lines of one document and builds parts of numbered nodes."""

    def __init__(self) -> None:
        self.parts: list[Part] = [Part()]
        self.current: Node | None = None
        self.context: list[str] = []
        self.preamble: list[str] = []  # text lines before the first numbered item
        self.attachments: list[str] = []
        self.pending: tuple[str | None, str | None] | None = None
        self.in_attachment_list = False
        self.signed = False  # a signature date was seen: what follows is attachments
        self.seq = 0  # numbered items pushed so far
        self.typical_line = 40  # median length of the document's lines (set by feed)
        # Text lines outside any numbered item, with the number of items before them.
        self.loose: list[tuple[int, str]] = []
        self.gaps = 0

    @property
    def part(self) -> Part:
        return self.parts[-1]

    def _new_part(self) -> None:
        label, title = self.pending or (None, None)
        if self.part.roots:
            self.parts.append(Part(label=label, title=title))
        else:
            self.part.label = self.part.label or label
            self.part.title = self.part.title or title
        self.pending = None

    def accept(self, m: Marker) -> bool:
        part = self.part
        stack = part.stack
        styles = [n.marker.style for n in stack]
        if self.pending is not None and m.value == 1:
            self._new_part()
            part = self.part
            stack = part.stack
            styles = [n.marker.style for n in stack]
        if (
            m.value == 1
            and stack
            and stack[-1].marker.style == m.style
            and self.current is stack[-1]
            and _only_a_heading(stack[-1])
        ):
            # '1.提升政务服务效能' then '1.推行…': a list whose levels all read '1.' (Word and
            # WPS default multi-level lists); the heading line has no text of its own.
            self._push(m)
            return True
        if (
            part.roots
            and m.style == part.roots[0].marker.style
            and m.value == 1
            and stack
            and stack[0].marker.style == m.style
        ):
            # The root numbering starts again: a new part (a second plan, an attachment).
            self.pending = self.pending or (None, None)
            self._new_part()
            part = self.part
            stack = part.stack
            styles = []
        if m.style in styles:
            # The deepest level of this style that the number continues (a style can stand at
            # two levels, see above).
            for i in range(len(stack) - 1, -1, -1):
                if stack[i].marker.style != m.style:
                    continue
                previous = stack[i].marker.value
                if m.value == previous + 1 or (m.value == previous + 2 and i == len(stack) - 1):
                    if m.value == previous + 2:
                        self.gaps += 1
                    del stack[i:]
                    self._push(m)
                    return True
            return False
        if stack and _RANK.get(m.style, 9) < _RANK.get(stack[0].marker.style, 9):
            # A style above the current root ('一、' after stray '（一）'): start a new root level.
            if m.value == 1 or m.value == part.last_value.get(m.style, 0) + 1:
                stack.clear()
                self._push(m)
                return True
            return False
        if not stack or m.value == 1 or m.value == part.last_value.get(m.style, 0) + 1:
            self._push(m)
            return True
        return False

    def _push(self, m: Marker) -> None:
        part = self.part
        parent = part.stack[-1] if part.stack else None
        self.seq += 1
        node = Node(m, parent, seq=self.seq)
        # A marker line much shorter than the document's lines and not ending mid-sentence is
        # a heading line ('一、总体要求' above its paragraph), not a line the PDF wrapped.
        node.heading_line = (
            0 < len(m.rest) < 0.6 * self.typical_line and m.rest[-1] not in _CONTINUES
        )
        if m.rest:
            node.lines.append(m.rest)
        if parent is None:
            part.roots.append(node)
        else:
            parent.children.append(node)
        part.stack.append(node)
        part.last_value[m.style] = m.value
        self.current = node
        self.pending = None
        self.in_attachment_list = False

    def feed(self, lines: list[str]) -> None:
        lengths = sorted(len(line) for line in lines if len(line) >= 10)
        self.typical_line = lengths[len(lengths) // 2] if lengths else 40
        for i, line in enumerate(lines):
            if (
                self.in_attachment_list
                and _ATTACHMENT_ENTRY.match(line)
                and not re.search(r"[。；]", line)
            ):
                self.attachments.append(re.sub(r"^\d{1,2}\s*[.．、]\s*", "", line))
                continue
            self.in_attachment_list = False
            am = _ATTACHMENT_MARK.match(line)
            if am:
                label = f"附件{am.group('n')}" if am.group("n") else "附件"
                self.pending = (label, None)
                self.current = None
                continue
            heading = self._attachment_heading(lines, i)
            if heading is not None:
                self.pending = heading
                self.current = None
                self.context.append(line)
                continue
            lm = _ATTACHMENT_LIST.match(line)
            if lm and not match_marker(line):
                title = lm.group("title").strip()
                if re.match(r"^\d{1,2}\s*[.．、]", title):
                    title = re.sub(r"^\d{1,2}\s*[.．、]\s*", "", title)
                self.attachments.append(title)
                self.in_attachment_list = True
                self.current = None
                self.context.append(line)
                continue
            if (
                _TRAILER.search(line)
                or _PRINTED.match(line)
                or is_date_line(line)
                or in_signature(lines, i)
            ):
                self.signed = self.signed or is_date_line(line)
                self.current = None
                self.context.append(line)
                continue
            marker = match_marker(line)
            if marker is not None and self.accept(marker):
                continue
            if _TITLE_LIKE.match(line) and self._starts_part_after(lines, i):
                self.current = None
                self.pending = (self.pending[0] if self.pending else None, line)
                self.context.append(line)
                continue
            if self.current is not None:
                self.current.lines.append(line)
            else:
                self.context.append(line)
                self.loose.append((self.seq, line))
                if not any(p.roots for p in self.parts):
                    self.preamble.append(line)

    def _attachment_heading(self, lines: list[str], i: int) -> tuple[str, str] | None:
        """(label, title) when lines[i] is an attachment's own heading: '附件1：甲方案'.

        The same line form also lists attachments in the notice ('附件1：甲方案' / '附件2：乙方案'
        above the signature). It heads an attachment when its title was already listed, when
        the notice has been signed, or when the attachment's numbering starts right after it.
        """
        m = _ATTACHMENT_HEADING.match(lines[i])
        if not m:
            return None
        title = m.group("title").strip()
        listed = title in self.attachments
        if not m.group("colon") and not (listed or _TITLE_LIKE.match(title)):
            return None  # '附件1所列事项…' is a sentence
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        in_list = bool(_ATTACHMENT_LIST.match(nxt) or _ATTACHMENT_ENTRY.match(nxt))
        if listed or (not in_list and (self.signed or self._numbering_follows(lines, i))):
            return f"附件{m.group('n')}", title
        return None

    @staticmethod
    def _numbering_follows(lines: list[str], i: int) -> bool:
        """Numbering starts at 1 in the next lines, before any signature or attachment line."""
        for k in range(i + 1, min(i + 6, len(lines))):
            line = lines[k]
            if is_date_line(line) or in_signature(lines, k) or line.startswith(("附件", "附 件")):
                return False
            m = match_marker(line)
            if m is not None:
                return m.value == 1
        return False

    @staticmethod
    def _starts_part_after(lines: list[str], i: int) -> bool:
        """A title line is a new part when numbering restarts at 1 within the next lines."""
        for line in lines[i + 1 : i + 6]:
            m = match_marker(line)
            if m is not None:
                return m.value == 1
        return False


_INTRODUCES_LIST = re.compile(r"(?:包括|如下|以下|主要有|重点是|具体为|具体是)[：:]$")
_SUB_POINT_MAX = 80


def _fold_sub_points(node: Node) -> None:
    """'（一）…。主要包括：1.…；2.…。（X牵头）': the numbered points are the measure's content.

    When a heading introduces a list ('主要包括：'), its points are short, and only a bracket on
    a line of its own after the last point names units, that bracket is the heading's: the
    points fold back into one measure instead of giving the last point all the units.
    """
    kids = node.children
    if len(kids) < 2 or not _INTRODUCES_LIST.search(node.text) or any(k.children for k in kids):
        return
    last = kids[-1]
    if not (last.lines and last.lines[-1][:1] in "（(〔[【［" and len(last.lines) >= 2):
        return
    if any(k.resp is not None and k.resp.found for k in kids[:-1]):
        return
    points = [*(k.text for k in kids[:-1]), join_lines(last.lines[:-1])]
    if any(len(p) > _SUB_POINT_MAX for p in points):
        return
    node.lines += [
        f"{k.marker.label}.{p}" if k.marker.style == "arabic" else f"{k.marker.label}{p}"
        for k, p in zip(kids, points, strict=True)
    ]
    node.lines.append(last.lines[-1])
    node.children = []
    node.resp = find_responsibility(node.text)


def _only_a_heading(node: Node) -> bool:
    """A numbered line that is only a short heading: no sentence, no second line."""
    return (
        len(node.lines) == 1
        and len(node.lines[0]) <= 30
        and not re.search(r"[。；;！？：:，,]", node.lines[0])
    )


def _subtree_marked(node: Node) -> bool:
    if node.resp is not None and node.resp.found:
        return True
    return any(_subtree_marked(c) for c in node.children)


def _walk(nodes: list[Node]) -> list[Node]:
    out: list[Node] = []
    for node in nodes:
        out.append(node)
        out.extend(_walk(node.children))
    return out


def _heading_is_context(node: Node) -> bool:
    # The marker line alone counts too: '四、强化工作保障' followed by its paragraph on the next
    # line joins into one long text whose opening phrase is no longer the heading.
    first = node.lines[0] if node.lines else ""
    clause_end = _first_top_level(first, "，,；;：:。")
    clause = first[:clause_end] if clause_end > 0 else ""
    for title in (item_title(node.text) or node.text[:12], first, clause):
        if _CONTEXT_HEADING.match(title) or (0 < len(title) <= 20 and _CONTEXT_WORDS.search(title)):
            return True
    return False


def _is_clause_about_the_document(text: str) -> bool:
    """A purpose clause (为…，制定本措施) or a closing clause (本措施自…起施行，有效期…)."""
    return bool(_PURPOSE_CLAUSE.match(text) or _CLOSING_CLAUSE.match(text))


def _is_context_heading(node: Node) -> bool:
    n: Node | None = node
    while n is not None:
        if _heading_is_context(n):
            return True
        n = n.parent
    return False


def _inherited(node: Node) -> Responsibility | None:
    n: Node | None = node
    while n is not None:
        if n.resp is not None and n.resp.found:
            return n.resp
        n = n.parent
    return None


def _ancestor_with(node: Node, test: Callable[[Responsibility], bool]) -> Node | None:
    n = node.parent
    while n is not None:
        if n.resp is not None and n.resp.found and test(n.resp):
            return n
        n = n.parent
    return None


def build_structure(lines: list[str], year: int | None) -> StructureResult:
    """Measures, sections and context of one document's body lines."""
    builder = _Builder()
    builder.feed(lines)
    result = StructureResult(context=builder.context, attachments=builder.attachments)
    if builder.gaps:
        result.warnings.append(f"有 {builder.gaps} 处编号不连续（跳号），请核对是否漏识别条目。")
    parts = [p for p in builder.parts if p.roots]
    for part in parts:
        for node in _walk(part.roots):
            node.resp = find_responsibility(node.text)
        for node in _walk(part.roots):
            _fold_sub_points(node)
    doc_marked = any(_subtree_marked(r) for p in parts for r in p.roots)
    measure_parts: list[tuple[Part, list[Node]]] = []
    for part in parts:
        part_marked = any(_subtree_marked(r) for r in part.roots)
        leaves: list[Node] = []
        for node in _walk(part.roots):
            if node.children:
                continue
            own = node.resp is not None and node.resp.found
            root = node
            while root.parent is not None:
                root = root.parent
            if doc_marked:
                # A top-level section without any units is still a task section unless its
                # heading says it is context (总体要求, 保障措施, 总则, 附则 …).
                is_measure = part_marked and (
                    _subtree_marked(root) or not _heading_is_context(root)
                )
                if is_measure and not own and _is_context_heading(node):
                    is_measure = False
            else:
                is_measure = not _is_context_heading(node)
            if is_measure and not own and _is_clause_about_the_document(node.text):
                is_measure = False
            if is_measure:
                leaves.append(node)
        flat = all(n.parent is None for n in _walk(part.roots))
        if not doc_marked and leaves and flat and len(part.roots) <= 6:
            # A notice's own short list ('一、提高思想认识。…') without any units is a set of
            # requirements, not a task list.
            leaves = []
        measure_parts.append((part, leaves))
    with_measures = [p for p, leaves in measure_parts if leaves]
    prefix_parts = len(with_measures) > 1
    standing: list[str] = []
    for line in builder.preamble:
        # '以下措施均需各市政府落实，不再一一列出' may stand in the introduction.
        units, _ = standing_units(line)
        if units:
            standing = units
    items: list[tuple[float, ParsedContext]] = []
    measure_seqs: list[int] = []
    for k, (part, leaves) in enumerate(measure_parts):
        prefix: list[str] = []
        if prefix_parts and leaves:
            prefix = [part.label or part.title or f"第{k + 1}部分"]
        leaf_ids = {id(n) for n in leaves}
        for node in _walk(part.roots):
            if id(node) in leaf_ids:
                result.measures.append(_measure(node, prefix, year, standing))
                continue
            if node.resp is not None and node.resp.standing:
                # '以下各项任务，X均需落实，不再一一列出' under a heading, before its measures.
                standing[:] = node.resp.standing
            if node.children or node.parent is None:
                text = node.text
                result.sections.append(
                    ParsedSection(
                        path=prefix + node.path(),
                        number=node.marker.label,
                        title=item_title(text),
                        text=text,
                    )
                )
                if not node.children:
                    result.context.append(text)
                    items.append((node.seq, _context_item(node, prefix, len(result.measures))))
            else:
                result.context.append(node.text)
                items.append((node.seq, _context_item(node, prefix, len(result.measures))))
        measure_seqs.extend(n.seq for n in _walk(part.roots) if id(n) in leaf_ids)
    for k, (seq, text) in enumerate(_paragraphs(builder.loose, builder.typical_line), start=1):
        position = sum(1 for s in measure_seqs if s <= seq)
        item = ParsedContext([f"段{k}"], f"段{k}", item_title(text), text, position)
        # After the numbered item it follows (seq), before the next one.
        items.append((seq + 0.5, item))
    items.sort(key=lambda t: t[0])
    result.context_items = [item for _, item in items]
    return result


def _context_item(node: Node, prefix: list[str], position: int) -> ParsedContext:
    text = node.text
    return ParsedContext(prefix + node.path(), node.marker.label, item_title(text), text, position)


def _paragraphs(loose: list[tuple[int, str]], typical_line: int) -> list[tuple[int, str]]:
    """Sentences-bearing paragraphs among the lines outside numbered items (not titles,
    addressees or signatures), each with the number of items before it."""
    out: list[tuple[int, str]] = []
    run: list[str] = []
    run_seq = -1

    def flush() -> None:
        if run:
            for para in join_lines(run).split("\n"):
                para = para.strip()
                if len(para) >= 8 and re.search(r"[。；！？]", para) and not para.endswith("："):
                    out.append((run_seq, para))
        run.clear()

    for seq, line in loose:
        if seq != run_seq:
            flush()
            run_seq = seq
        run.append(line)
        if len(line) < 0.6 * typical_line and line[-1] not in _CONTINUES:
            flush()  # a short line ends its paragraph: a title, an addressee, a last line
    flush()
    return out


def _measure(node: Node, prefix: list[str], year: int | None, standing: list[str]) -> ParsedMeasure:
    text = node.text
    resp = node.resp if node.resp is not None and node.resp.found else _inherited(node)
    lead = list(resp.lead) if resp else []
    responsible = list(resp.responsible) if resp else []
    if resp is not None and not lead:
        # '（一）…（X牵头）' over '1.…（Y配合）': the heading's lead leads its points too.
        above = _ancestor_with(node, lambda r: bool(r.lead))
        if above is not None and above.resp is not None:
            lead = list(above.resp.lead)
            responsible = [u for u in responsible if u not in lead]
    if node.resp is not None and node.resp.standing:
        standing[:] = [u for u in node.resp.standing]
    for unit in standing:
        if unit not in responsible and unit not in lead:
            responsible.append(unit)
    info = own_deadlines(text, year, node.resp.deadline_text if node.resp is not None else None)
    if not info.deadlines and not info.long_term:
        # A deadline in the heading's bracket ('（X牵头，2023年底前完成）') covers its points.
        above = _ancestor_with(node, lambda r: bool(r.deadline_text))
        if above is not None and above.resp is not None:
            inherited = parse_deadlines(above.resp.deadline_text, year)
            if inherited.deadlines or inherited.long_term:
                info.deadlines = inherited.deadlines
                info.deadline = inherited.deadline
                info.long_term = inherited.long_term
                info.deadline_text = info.deadline_text or inherited.deadline_text
    return ParsedMeasure(
        path=prefix + node.path(),
        number=node.marker.label,
        title=item_title(text),
        text=text,
        lead_units=lead,
        responsible_units=responsible,
        deadline_text=info.deadline_text,
        deadline=info.deadline,
        long_term=info.long_term,
        deadlines=info.deadlines,
        recurring=info.recurring,
        start=info.start,
    )
