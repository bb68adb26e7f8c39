"""Rebuilds the audit corpus's binary files (i, u: PDFs; j, t: Word) from the auditor's generators.

The auditor of issue 3 wrote these documents and their gold before the parser ever saw them; the
generators are kept here, with paths made relative to the repository, so the files can be rebuilt.
Run from the repository root: python -m tests.data.parser_corpus.build_audit_files
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT = HERE.parents[2] / "resources" / "fonts" / "uming-gb2312.ttf"


def _font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("UMing", str(FONT)))


def build_i_pdf(out: Path) -> None:
    """Text wrapped at 28 characters a line (breaks mid-sentence and mid-bracket), '— N —'."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _font()
    lines: list[str] = []
    for par in (HERE / "sources" / "i_sichuan_pdf.source.txt").read_text("utf-8").splitlines():
        while par.strip():
            lines.append(par[:28])
            par = par[28:]
    c = canvas.Canvas(str(out), pagesize=A4)
    w, h = A4
    page, y, n = 1, h - 60, 0
    for line in lines:
        if n == 17:
            c.setFont("UMing", 11)
            c.drawCentredString(w / 2, 30, f"— {page} —")
            c.showPage()
            page, y, n = page + 1, h - 60, 0
        c.setFont("UMing", 15)
        c.drawString(60, y, line)
        y -= 40
        n += 1
    c.setFont("UMing", 11)
    c.drawCentredString(w / 2, 30, f"— {page} —")
    c.showPage()
    c.save()


def build_u_pdf(out: Path) -> None:
    """Gazette layout: a running head on every page, '· N ·' page numbers, 32 characters a line."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _font()
    lines: list[str] = []
    for par in (HERE / "sources" / "u_qingdao_gongbao.source.txt").read_text("utf-8").splitlines():
        while par:
            lines.append(par[:32])
            par = par[32:]
    c = canvas.Canvas(str(out), pagesize=A4)
    w, h = A4
    for pno, start in enumerate(range(0, len(lines), 14), start=23):
        c.setFont("UMing", 9)
        c.drawString(60, h - 35, "青岛市人民政府公报　2023年第4期")
        y = h - 70
        c.setFont("UMing", 13)
        for line in lines[start : start + 14]:
            c.drawString(60, y, line)
            y -= 34
        c.setFont("UMing", 9)
        c.drawCentredString(w / 2, 28, f"· {pno} ·")
        c.showPage()
    c.save()


def build_j_docx(out: Path) -> None:
    """Word auto-numbering (chineseCounting %1、 / （%2） / decimal %3.) and a task table with
    merged category rows."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    doc = Document()
    abstract = f"""<w:abstractNum {nsdecls("w")} w:abstractNumId="77">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>"""
    numbering = doc.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(parse_xml(abstract))
    else:
        numbering.append(parse_xml(abstract))
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="77"/></w:num>')
    )

    def numbered(text: str, level: int) -> None:
        p = doc.add_paragraph(text)
        p._p.get_or_add_pPr().append(
            parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="77"/></w:numPr>'
            )
        )

    for t in (
        "济南市人民政府办公厅关于印发济南市2023年优化营商环境重点任务清单的通知",
        "济政办字〔2023〕9号",
        "各区县人民政府，市政府各部门（单位）：",
        "现将《济南市2023年优化营商环境重点任务清单》印发给你们，请认真贯彻执行。",
        "济南市人民政府办公厅",
        "2023年2月27日",
        "（此件公开发布）",
        "济南市2023年优化营商环境重点任务清单",
    ):
        doc.add_paragraph(t)
    numbered("工作目标", 0)
    doc.add_paragraph("到2023年底，营商环境便利度进入全国第一方阵，市场主体满意度达到95%以上。")
    numbered("重点任务", 0)
    numbered("提升政务服务水平", 1)
    numbered(
        "推进“无证明城市”建设。全面清理无法律法规依据的证明事项，2023年6月底前实现证明事项告知承诺制全覆盖。（市司法局牵头，市直有关部门按职责分工负责）",
        2,
    )
    numbered(
        "深化“一业一证”改革。将改革行业扩大到50个以上，实现“一证准营”。（市行政审批服务局牵头，市市场监管局、市商务局配合，年底前）",
        2,
    )
    numbered("优化市场准入环境", 1)
    numbered(
        "推进“证照分离”改革全覆盖。对涉企经营许可事项实行清单管理，分类推进审批制度改革。（市行政审批服务局、市市场监管局牵头，各区县政府负责，长期坚持）",
        2,
    )
    numbered(
        "规范中介服务。清理规范行政审批中介服务事项，2023年8月31日前公布中介服务事项清单。（市发展改革委负责）",
        2,
    )
    numbered("保障措施", 0)
    doc.add_paragraph(
        "各部门要强化责任担当，细化工作措施，确保各项任务按期完成。市优化营商环境工作专班每季度对任务落实情况进行调度。"
    )
    doc.add_paragraph("附件")
    doc.add_paragraph("重点任务分工表")
    rows: list[list[str | None]] = [
        ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
        ["一、政务服务", None, None, None, None],
        [
            "1",
            "建设“泉城办”移动端，实现200项高频事项掌上办理",
            "市大数据局",
            "市行政审批服务局",
            "2023年11月底前",
        ],
        ["2", "开展政务服务“好差评”情况通报", "市行政审批服务局", "各区县政府", "每季度"],
        ["二、要素保障", None, None, None, None],
        [
            "3",
            "推进工业用地“标准地”出让",
            "市自然资源和规划局",
            "市发展改革委、市工业和信息化局",
            "第三季度",
        ],
        ["4", "完善企业诉求“接诉即办”机制", "市12345热线办", "市直有关部门", "持续推进"],
    ]
    table = doc.add_table(rows=len(rows), cols=5)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        if row[1] is None:
            table.cell(r, 0).merge(table.cell(r, 4)).text = row[0] or ""
            continue
        for c, val in enumerate(row):
            table.cell(r, c).text = val or ""
    doc.add_paragraph("济南市人民政府办公厅秘书处2023年2月27日印发")
    doc.save(str(out))


def build_t_docx(out: Path) -> None:
    """A notice typed by hand (no numbering) and a task table with a vertically merged 类别
    column; 责任单位 cells hold 'X牵头，Y配合'."""
    from docx import Document

    doc = Document()
    for t in (
        "成都市人民政府办公厅关于印发《成都市2023年营商环境重点任务清单》的通知",
        "成办函〔2023〕25号",
        "各区（市）县政府，市级各部门：",
        "现将《成都市2023年营商环境重点任务清单》印发给你们，请各责任单位对照任务清单抓好落实，每季度末向市营商环境建设领导小组办公室报送进展情况。",
        "成都市人民政府办公厅",
        "2023年3月6日",
        "成都市2023年营商环境重点任务清单",
    ):
        doc.add_paragraph(t)
    rows = [
        ["序号", "类别", "重点任务", "责任单位", "完成时间"],
        [
            "1",
            "政务服务",
            "推行政务服务“一网通办”，实现市级事项100%网上可办",
            "市政务服务管理和网络理政办牵头，市级有关部门配合",
            "2023年6月底前",
        ],
        ["2", "", "推进“一件事一次办”集成服务扩面增效", "市政务服务管理和网络理政办", "2023年12月"],
        ["3", "市场监管", "推进信用分级分类监管", "市发改委、市市场监管局牵头", "长期坚持"],
        ["4", "", "开展跨部门“双随机、一公开”联合抽查", "市市场监管局", "每季度"],
        [
            "5",
            "要素保障",
            "推进工业用地“标准地”出让，新增供应工业用地不少于5000亩",
            "市规划和自然资源局牵头，各区（市）县政府负责",
            "2023年11月30日前",
        ],
    ]
    t = doc.add_table(rows=len(rows), cols=5)
    t.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v:
                t.cell(r, c).text = v
    t.cell(1, 1).merge(t.cell(2, 1))
    t.cell(3, 1).merge(t.cell(4, 1))
    doc.save(str(out))


if __name__ == "__main__":
    build_i_pdf(HERE / "i_sichuan_pdf.pdf")
    build_u_pdf(HERE / "u_qingdao_gongbao.pdf")
    build_j_docx(HERE / "j_jinan_docx.docx")
    build_t_docx(HERE / "t_chengdu_table.docx")
