"""Rebuilds d_jiangsu_docx.docx: Word auto-numbered headings (一、/（一）/1.) and a task table."""

from __future__ import annotations

from pathlib import Path

from tests.readers.docx_factory import (
    POLICY_LEVELS,
    add_numbering,
    add_table,
    new_document,
    numbered,
)


def build(path: Path) -> None:
    doc = new_document()
    for text in (
        "江苏省人民政府办公厅关于印发江苏省推进政务服务“一网通办”工作方案的通知",
        "苏政办发〔2023〕21号",
        "各设区市人民政府，省各委办厅局，省各直属单位：",
        "《江苏省推进政务服务“一网通办”工作方案》已经省人民政府同意，现印发给你们，请认真贯彻落实。",
        "江苏省人民政府办公厅",
        "2023年4月20日",
        "江苏省推进政务服务“一网通办”工作方案",
    ):
        doc.add_paragraph(text)
    num = add_numbering(doc, POLICY_LEVELS)
    numbered(doc, "总体要求", num, 0)
    doc.add_paragraph("到2023年底，全省政务服务事项全程网办率达到90%以上。")
    numbered(doc, "重点任务", num, 0)
    numbered(doc, "提升平台支撑能力", num, 1)
    numbered(
        doc,
        "完善统一身份认证体系。推进自然人、法人统一身份认证。（省政务办牵头，省公安厅配合，2023年6月底前完成）",
        num,
        2,
    )
    numbered(
        doc,
        "推广电子证照应用。推动高频电子证照全面应用。（省政务办、省大数据管理中心牵头，省各有关部门按职责分工负责）",
        num,
        2,
    )
    numbered(doc, "优化办事流程", num, 1)
    numbered(
        doc,
        "推行告知承诺制。梳理公布告知承诺事项清单。（省司法厅牵头，省各有关部门按职责分工负责，年底前）",
        num,
        2,
    )
    numbered(doc, "保障措施", num, 0)
    doc.add_paragraph("各地各部门要加强组织领导，确保各项任务落到实处。")
    doc.add_paragraph("附件")
    doc.add_paragraph("重点任务分工表")
    add_table(
        doc,
        [
            ["序号", "重点任务", "牵头单位", "责任单位", "完成时限"],
            ["1", "建设省级一网通办总门户", "省政务办", "省大数据管理中心", "2023年9月底前"],
            [
                "2",
                "实现100项高频事项全程网办",
                "省政务办、省司法厅",
                "各设区市人民政府",
                "长期坚持",
            ],
            ["3", "开展政务服务满意度评价", "省政务办", "各设区市人民政府", "每季度"],
        ],
    )
    doc.save(str(path))


if __name__ == "__main__":
    build(Path(__file__).with_name("d_jiangsu_docx.docx"))
