"""A document's issuer and date from its signature, header or title, joint documents included."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.parsing import parse_text, to_json

BODY = "关于印发某某措施的通知\n各市州人民政府，省政府各部门：\n现印发给你们，请认真贯彻落实。\n一、优化服务\n（一）推行告知承诺制。（省司法厅牵头）\n"


@pytest.mark.parametrize(
    "signature",
    [
        "中共甘肃省委办公厅 甘肃省人民政府办公厅",  # one line, a space between the names
        "中共甘肃省委办公厅　　　甘肃省人民政府办公厅",  # full-width spaces, as Word lays it out
        "中共甘肃省委办公厅\n甘肃省人民政府办公厅",  # two issuer lines above one date
        "中共甘肃省委办公厅\n\n甘肃省人民政府办公厅",
    ],
)
def test_a_joint_signature_names_both_issuers(signature: str) -> None:
    result = parse_text(BODY + signature + "\n2023年5月10日\n")
    (doc,) = result.documents
    assert doc.issuer == "中共甘肃省委办公厅、甘肃省人民政府办公厅"
    assert doc.date == date(2023, 5, 10)
    # The signature is not part of the last measure, and the contract keeps issuer a string.
    (m,) = doc.measures
    assert m.text == "推行告知承诺制。（省司法厅牵头）"
    assert m.lead_units == ["省司法厅"]
    assert to_json(result)["documents"][0]["issuer"] == "中共甘肃省委办公厅、甘肃省人民政府办公厅"


def test_three_issuers_above_one_date() -> None:
    signature = "中共某市委组织部\n某市人力资源和社会保障局\n某市财政局\n2023年5月10日\n"
    (doc,) = parse_text(BODY + signature).documents
    assert doc.issuer == "中共某市委组织部、某市人力资源和社会保障局、某市财政局"


@pytest.mark.parametrize(
    "signature",
    [
        "甘肃省人民政府办公厅",
        "甘 肃 省 人 民 政 府 办 公 厅",  # a name spaced out is one name
        "甘肃省 人民政府办公厅",
    ],
)
def test_a_single_issuer_stays_one(signature: str) -> None:
    (doc,) = parse_text(BODY + signature + "\n2023年5月10日\n").documents
    assert doc.issuer == "甘肃省人民政府办公厅"


def test_a_wrapped_sentence_ending_in_an_organisation_is_not_a_second_issuer() -> None:
    # A PDF wraps '…由省大数据管理中心' so that '管理中心' stands alone above the signature.
    text = (
        "关于印发某某措施的通知\n一、优化服务\n（一）推行告知承诺制。（省司法厅牵头）\n"
        "（二）数据共享。日常工作由省大数据\n管理中心\n甘肃省人民政府办公厅\n2023年5月10日\n"
    )
    (doc,) = parse_text(text).documents
    assert doc.issuer == "甘肃省人民政府办公厅"


def test_a_joint_header_or_title_names_both_issuers_without_a_signature() -> None:
    header = "中共某县委办公室 某县人民政府办公室文件\n某办发〔2023〕5号\n" + BODY
    (doc,) = parse_text(header).documents
    assert doc.issuer == "中共某县委办公室、某县人民政府办公室"
    titled = "中共某县委办公室 某县人民政府办公室关于印发某某措施的通知\n" + BODY.split("\n", 1)[1]
    (doc,) = parse_text(titled).documents
    assert doc.issuer == "中共某县委办公室、某县人民政府办公室"
    assert doc.title == "中共某县委办公室、某县人民政府办公室关于印发某某措施的通知"
