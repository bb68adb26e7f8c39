"""Structure of policy text: numbering styles, parts and attachments, context and standing notes."""

from __future__ import annotations

from desktop.parsing import parse_text
from desktop.parsing.numbering import match_marker

HEAD = (
    "某某省人民政府办公厅关于印发某某方案的通知\n某政办发〔2023〕1号\n各市人民政府：\n"
    "现印发给你们。\n某某省人民政府办公厅\n2023年3月1日\n某某方案\n"
)


def paths(text: str) -> list[list[str]]:
    return [m.path for d in parse_text(text).documents for m in d.measures]


def test_headings_starting_with_yao_fang_shi_are_headings() -> None:
    # 要素保障 / 方法步骤 begin with characters that also follow 一 in '一要', '一方面'.
    text = HEAD + (
        "一、优化政务服务\n（一）任务一。内容。（省财政厅负责）\n"
        "二、要素保障\n（一）保障用地。内容。（省自然资源厅负责）\n"
        "三、方法步骤\n（一）动员部署。内容。（省政务办负责）\n"
        "四、是非判断\n（一）任务四。内容。（省司法厅负责）\n"
    )
    assert paths(text) == [["一", "（一）"], ["二", "（一）"], ["三", "（一）"], ["四", "（一）"]]


def test_a_wrapped_numeral_enumeration_is_not_a_heading() -> None:
    text = HEAD + (
        "一、应急管理\n（一）完善预案。建立健全\n二、三级应急响应机制。（省应急厅负责）\n"
        "（二）加强演练。内容。（省应急厅负责）\n"
    )
    doc = parse_text(text).documents[0]
    assert [m.path for m in doc.measures] == [["一", "（一）"], ["一", "（二）"]]
    assert "二、三级应急响应机制" in doc.measures[0].text


def test_word_typed_numbering_characters() -> None:
    text = HEAD + (
        "一、重点任务\n⒈推进改革\n⑴任务一。内容。（省财政厅负责）\n⑵任务二。内容。（省税务局负责）\n"
        "⒉深化服务\n⑴任务三。内容。（省商务厅负责）\n"
    )
    assert paths(text) == [
        ["一", "1", "（1）"],
        ["一", "1", "（2）"],
        ["一", "2", "（1）"],
    ]


def test_dingbat_circled_roman_and_half_width_numbering() -> None:
    text = HEAD + (
        "Ⅰ、重点任务\n(一)推进改革\n1)任务一。内容。(省财政厅负责)\n2)任务二。内容。(省税务局负责)\n"
        "Ⅱ、其他任务\n❶任务三。内容。（省商务厅负责）\n❷任务四。内容。（省商务厅负责）\n"
    )
    assert paths(text) == [
        ["Ⅰ", "（一）", "1"],
        ["Ⅰ", "（一）", "2"],
        ["Ⅱ", "❶"],
        ["Ⅱ", "❷"],
    ]


def test_marker_values() -> None:
    assert match_marker("Ⅳ.任务") is not None and match_marker("Ⅳ.任务").value == 4  # type: ignore[union-attr]
    assert match_marker("III、任务").value == 3  # type: ignore[union-attr]
    assert match_marker("➂任务").value == 3  # type: ignore[union-attr]
    assert match_marker("Internet服务") is None
    assert match_marker("一是加强领导") is None


NOTICE_WITH_LIST = (
    "某某省人民政府办公厅关于印发两个方案的通知\n某政办发〔2023〕2号\n各市：\n现印发给你们。\n"
    "{listing}某某省人民政府办公厅\n2023年5月1日\n{a1}\n一、任务\n（一）任务一。内容。（省财政厅负责）\n"
    "（二）任务二。内容。（省税务局负责）\n{a2}\n1.任务三。内容。（省商务厅负责）\n"
)


def test_attachment_heading_with_title_after_colon_starts_a_part() -> None:
    text = NOTICE_WITH_LIST.format(
        listing="附件：1.甲省数字政府建设方案\n2.乙省工作要点\n",
        a1="附件1：甲省数字政府建设方案",
        a2="附件2：乙省工作要点",
    )
    doc = parse_text(text).documents[0]
    assert [m.path for m in doc.measures] == [
        ["附件1", "一", "（一）"],
        ["附件1", "一", "（二）"],
        ["附件2", "1"],
    ]
    assert doc.attachments == ["甲省数字政府建设方案", "乙省工作要点"]


def test_attachment_lines_listed_above_the_signature_are_a_list() -> None:
    # '附件1：…' / '附件2：…' in the notice name the attachments; the headings come later.
    text = NOTICE_WITH_LIST.format(
        listing="附件1：甲省数字政府建设方案\n附件2：乙省工作要点\n",
        a1="附件1\n甲省数字政府建设方案",
        a2="附件2\n乙省工作要点",
    )
    doc = parse_text(text).documents[0]
    assert doc.attachments == ["甲省数字政府建设方案", "乙省工作要点"]
    assert [m.path[0] for m in doc.measures] == ["附件1", "附件1", "附件2"]


def test_attachment_heading_without_colon() -> None:
    text = NOTICE_WITH_LIST.format(
        listing="附件：1.甲方案\n2.乙方案\n", a1="附件1 甲方案", a2="附件2 乙方案"
    )
    assert [m.path[0] for m in parse_text(text).documents[0].measures] == [
        "附件1",
        "附件1",
        "附件2",
    ]


def test_purpose_and_closing_clauses_in_flat_lists_are_context() -> None:
    text = HEAD + (
        "第一条 为进一步激发民营经济发展活力，制定本措施。\n"
        "第二条 落实减税降费政策。全面落实。（责任单位：市税务局）\n"
        "第三条 根据国家部署，制定本地区清理拖欠账款方案。（责任单位：市工信局）\n"
        "第四条 本措施自印发之日起施行，有效期至2025年12月31日。\n"
        "第五条 本措施由市发展改革委负责解释。\n"
    )
    doc = parse_text(text).documents[0]
    assert [m.number for m in doc.measures] == ["第二条", "第三条"]
    assert any(c.startswith("本措施自印发之日起施行") for c in doc.context)
    flat = HEAD + (
        "一、加大财税支持。落实减免政策。（责任单位：省财政厅）\n"
        "二、降低融资成本。引导银行放贷。（责任单位：省金融局）\n"
        "三、本措施自印发之日起施行，有效期至2023年12月31日。\n"
    )
    assert [m.number for m in parse_text(flat).documents[0].measures] == ["一", "二"]


def test_table_of_contents_is_not_glued_to_the_first_title() -> None:
    text = (
        "某省政策文件汇编\n目录\n"
        "1. 甲市人民政府关于印发甲方案的通知…………1\n"
        "2. 乙市人民政府关于印发乙方案的通知（2023年2月6日）…………9\n"
        "1. 甲市人民政府关于印发甲方案的\n通知（2023年1月5日）\n甲政发〔2023〕1号\n"
        "一、任务\n（一）任务一。内容。（市财政局负责）\n甲市人民政府\n2023年1月5日\n"
        "2. 乙市人民政府关于印发乙方案的通知（2023年2月6日）\n乙政发〔2023〕2号\n"
        "一、任务\n（一）任务二。内容。（市税务局负责）\n乙市人民政府\n2023年2月6日\n"
    )
    docs = parse_text(text).documents
    assert [d.title for d in docs] == [
        "甲市人民政府关于印发甲方案的通知",
        "乙市人民政府关于印发乙方案的通知",
    ]
    assert [len(d.measures) for d in docs] == [1, 1]


def test_standing_note_as_its_own_paragraph_under_a_heading() -> None:
    text = HEAD + (
        "一、重点任务\n以下各项任务，各市人民政府均需落实，不再一一列出。\n"
        "（一）推进改革。内容。（省财政厅牵头，省税务局配合）\n（二）深化服务。内容。（省商务厅负责）\n"
        "二、其他任务\n（一）优化环境。内容。（省司法厅负责）\n"
    )
    doc = parse_text(text).documents[0]
    assert [m.responsible_units for m in doc.measures] == [
        ["省税务局", "各市人民政府"],
        ["省商务厅", "各市人民政府"],
        ["省司法厅", "各市人民政府"],
    ]
    assert doc.measures[0].lead_units == ["省财政厅"]


def test_numbered_points_before_the_bracket_fold_into_one_measure() -> None:
    text = HEAD + (
        "一、重点任务\n（一）推进政务服务标准化。主要包括：\n1.编制目录；\n2.规范清单。\n"
        "（省政务办牵头，省直有关部门配合）\n（二）推进投资便利化。内容。（省发展改革委牵头）\n"
    )
    first, second = parse_text(text).documents[0].measures
    assert first.path == ["一", "（一）"]
    assert "1.编制目录；" in first.text and "2.规范清单。" in first.text
    assert (first.lead_units, first.responsible_units) == (["省政务办"], ["省直有关部门"])
    assert second.lead_units == ["省发展改革委"]


def test_points_with_their_own_brackets_stay_measures() -> None:
    text = HEAD + (
        "一、重点任务\n（一）推进政务服务标准化。主要包括：\n1.编制目录。（省政务办负责）\n"
        "2.规范清单。\n（省司法厅负责）\n"
    )
    doc = parse_text(text).documents[0]
    assert [m.path for m in doc.measures] == [["一", "（一）", "1"], ["一", "（一）", "2"]]


def test_title_leaves_out_a_trailing_responsibility_bracket() -> None:
    text = (
        HEAD
        + "一、任务\n（一）推进工程审批改革（省住建厅负责）。\n（二）推行告知承诺制（试行）。内容。（省司法厅负责）\n"
    )
    assert [m.title for m in parse_text(text).documents[0].measures] == [
        "推进工程审批改革",
        "推行告知承诺制（试行）",
    ]


def test_points_inherit_the_headings_lead_and_bracket_deadline() -> None:
    text = HEAD + (
        "一、重点任务\n（一）推进政务服务标准化（市政务办牵头，2023年底前完成）\n"
        "1.编制目录。内容。（市司法局配合）\n2.规范清单。6月底前完成。\n"
    )
    first, second = parse_text(text).documents[0].measures
    assert (first.lead_units, first.responsible_units) == (["市政务办"], ["市司法局"])
    assert [d.isoformat() for d in first.deadlines] == ["2023-12-31"]
    assert [d.isoformat() for d in second.deadlines] == ["2023-06-30"]  # its own wins


def test_a_heading_line_is_kept_apart_from_its_paragraph() -> None:
    text = HEAD + (
        "一、总体要求\n坚持以人民为中心的发展思想，全面提升政务服务水平，推动营商环境持续优化。\n"
        "二、重点任务\n（一）推进改革\n全面推行网上办理，实现高频事项“掌上办”全覆盖。（省政务办负责）\n"
    )
    doc = parse_text(text).documents[0]
    (m,) = doc.measures
    assert m.title == "推进改革"
    assert m.text.startswith("推进改革\n全面推行")
    assert doc.sections[0].title == "总体要求"


def test_a_wrapped_pdf_line_is_not_taken_for_a_heading() -> None:
    # Lines of about 20 characters: the first line of （一） is wrapped, not a heading.
    text = HEAD + (
        "一、重点任务\n（一）深化“提前申报”“两步\n申报”改革，推动进口货物“船\n边直提”常态化运作。（青岛\n"
        "海关牵头，市商务局配合）\n"
    )
    (m,) = parse_text(text).documents[0].measures
    assert m.text.startswith("深化“提前申报”“两步申报”改革")
    assert m.lead_units == ["青岛海关"]


def test_context_items_keep_their_place() -> None:
    text = HEAD + (
        "为推进改革，制定本方案。\n一、总体要求\n坚持稳中求进，全面提升服务水平。\n"
        "二、重点任务\n（一）推进改革。内容。（省财政厅负责）\n（二）深化服务。内容。（省商务厅负责）\n"
        "三、保障措施\n（一）加强组织领导。各地要加强领导。\n（二）强化督查考核。各地要加强督查。\n"
    )
    doc = parse_text(text).documents[0]
    items = [(c.path, c.title, c.position) for c in doc.context_items]
    assert items[-4:] == [
        (["段1"], "为推进改革，制定本方案", 0),
        (["一"], "总体要求", 0),
        (["三", "（一）"], "加强组织领导", 2),
        (["三", "（二）"], "强化督查考核", 2),
    ]


def test_a_list_whose_two_levels_both_read_1_dot() -> None:
    # Word/WPS default multi-level lists number headings and measures alike: '1.' and '1.'.
    text = HEAD + (
        "1.提升政务服务效能\n1.推行移动端升级。年底前完成。（市大数据局牵头）\n"
        "2.深化一件事一次办。内容。（市政府办公厅牵头）\n2.优化市场环境\n"
        "1.规范涉企收费。内容。（市市场监管局负责）\n"
    )
    assert paths(text) == [["1", "1"], ["1", "2"], ["2", "1"]]


def test_restarting_numbering_after_a_sentence_is_still_a_new_part() -> None:
    text = HEAD + (
        "1.推进改革。内容。（省财政厅负责）\n2.深化服务。内容。（省商务厅负责）\n"
        "某某工作要点\n1.优化环境。内容。（省司法厅负责）\n"
    )
    found = paths(text)
    assert [p[1:] for p in found] == [["1"], ["2"], ["1"]]
    assert found[2][0] == "某某工作要点" and found[0][0] != found[2][0]
