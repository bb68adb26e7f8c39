"""Paragraph styles after GB/T 9704-2012: 2号 title, 3号 body on a 22-line grid, smaller table type."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, black
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from .fonts import ReportFonts
from .layout import TYPE_H, TYPE_W

SIZE_2 = 22.0  # 二号
SIZE_3 = 16.0  # 三号
SIZE_4 = 14.0  # 四号
SIZE_S4 = 12.0  # 小四
SIZE_5 = 10.5  # 五号
SIZE_S5 = 9.0  # 小五
BODY_LEADING = TYPE_H / 22  # §5.2.2: 22 lines of 3号 type in the type area
# §5.2.2: 28 characters a line. 28 characters of 16 pt are 158 mm, 2 mm more than the type
# area, so body text is set on a grid of 156/28 mm (a tracking of -0.2 pt), as Word does.
PITCH = TYPE_W / 28
BODY_TRACKING = PITCH - SIZE_3
RED = Color(0.75, 0, 0)


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    body: ParagraphStyle
    body_flush: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    annex_label: ParagraphStyle
    annex_note: ParagraphStyle
    annex_note_more: ParagraphStyle
    caption: ParagraphStyle
    signature: ParagraphStyle
    sign_right: ParagraphStyle
    note: ParagraphStyle
    th: ParagraphStyle
    td: ParagraphStyle
    td_center: ParagraphStyle
    td_overdue: ParagraphStyle
    section1: ParagraphStyle
    section2: ParagraphStyle
    stat_th: ParagraphStyle
    stat_td: ParagraphStyle
    stat_num: ParagraphStyle


def make_styles(fonts: ReportFonts, table_size: float = SIZE_5) -> Styles:
    def ps(name: str, face: str, size: float, leading: float, **kw: object) -> ParagraphStyle:
        # Laid out by cjk.CJKParagraph (禁则, justification); wordWrap tells other readers.
        kw.setdefault("textColor", black)
        return ParagraphStyle(
            name, fontName=face, fontSize=size, leading=leading, wordWrap="CJK", **kw
        )  # fmt: skip

    def grid(name: str, face: str, indent: float = 2, **kw: object) -> ParagraphStyle:
        """3号 text on the 28-characters-a-line grid, first line `indent` characters in."""
        kw.setdefault("alignment", TA_JUSTIFY)
        return ps(name, face, SIZE_3, BODY_LEADING, firstLineIndent=indent * PITCH,
                  tracking=BODY_TRACKING, **kw)  # fmt: skip

    body = fonts.body.name
    hei = fonts.heading.name
    table_leading = round(table_size * 1.38, 1)
    return Styles(
        title=ps("title", fonts.title.name, SIZE_2, 32, alignment=TA_CENTER, spaceAfter=BODY_LEADING),
        subtitle=ps("subtitle", body, SIZE_S4, 18, alignment=TA_CENTER, spaceAfter=6),
        body=grid("body", body, allowWidows=0),
        body_flush=grid("body_flush", body, indent=0, alignment=TA_LEFT),
        # Headings stay with what follows them: never alone at the foot of a page.
        h1=grid("h1", hei, alignment=TA_LEFT, keepWithNext=1),
        h2=grid("h2", fonts.kai.name, alignment=TA_LEFT, keepWithNext=1),
        annex_label=grid("annex_label", hei, indent=0, alignment=TA_LEFT, keepWithNext=1),
        # §8.1 附件说明: two characters in, later lines aligned with the first annex name.
        annex_note=grid("annex_note", body, indent=-3, leftIndent=5 * PITCH, alignment=TA_LEFT),
        annex_note_more=grid("annex_note_more", body, indent=0, leftIndent=5 * PITCH,
                             alignment=TA_LEFT),
        caption=ps("caption", hei, SIZE_S4, 18, alignment=TA_CENTER, spaceBefore=4, spaceAfter=6,
                   keepWithNext=1),
        signature=ps("signature", body, SIZE_4, 24, alignment=TA_LEFT),
        sign_right=ps("sign_right", body, SIZE_4, 24, alignment=TA_RIGHT, rightIndent=2 * SIZE_4),
        note=ps("note", body, SIZE_S5, 12, alignment=TA_LEFT),
        th=ps("th", hei, table_size, table_leading, alignment=TA_CENTER),
        td=ps("td", body, table_size, table_leading, alignment=TA_LEFT),
        td_center=ps("td_center", body, table_size, table_leading, alignment=TA_CENTER),
        td_overdue=ps("td_overdue", hei, table_size, table_leading, alignment=TA_CENTER,
                      textColor=RED),
        section1=ps("section1", hei, table_size, table_leading, alignment=TA_LEFT),
        section2=ps("section2", fonts.kai.name, table_size, table_leading, alignment=TA_LEFT,
                    leftIndent=table_size),
        stat_th=ps("stat_th", hei, SIZE_S4, 16, alignment=TA_CENTER),
        stat_td=ps("stat_td", body, SIZE_S4, 16, alignment=TA_LEFT),
        stat_num=ps("stat_num", body, SIZE_S4, 16, alignment=TA_CENTER),
    )  # fmt: skip
