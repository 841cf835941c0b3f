"""What documents print: amounts in figures and 大写, dates, counts, 文号 formats; and the template set."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from docx import Document as Word
from pypdf import PdfReader
from zhifa.core.documents import declarations
from zhifa.core.documents.template_specs import SPECS
from zhifa.core.documents.formatting import cn_count, cn_date, cn_datetime
from zhifa.core.documents.money import rmb_upper, yuan
from zhifa.core.documents.numbering import DEFAULT_FORMAT, check_format, format_number
from zhifa.core.documents.pdf import docx_to_pdf
from zhifa.core.documents.render import render_docx
from zhifa.core.services.errors import Invalid


@pytest.mark.parametrize("amount, upper", [
    ("0", "零元整"),
    ("0.50", "伍角"),
    ("0.05", "伍分"),
    ("5000", "伍仟元整"),
    ("10", "壹拾元整"),
    ("15", "壹拾伍元整"),
    ("110", "壹佰壹拾元整"),
    ("20000", "贰万元整"),
    ("12345.67", "壹万贰仟叁佰肆拾伍元陆角柒分"),
    # the examples of 《支付结算办法》附件一
    ("1409.50", "壹仟肆佰零玖元伍角"),
    ("6007.14", "陆仟零柒元壹角肆分"),
    ("1680.32", "壹仟陆佰捌拾元零叁角贰分"),
    ("107000.53", "壹拾万柒仟元零伍角叁分"),
    ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
    ("325.04", "叁佰贰拾伍元零肆分"),
    ("100010000", "壹亿零壹万元整"),
    ("100200300.40", "壹亿零贰拾万零叁佰元零肆角"),
    ("1000000001", "壹拾亿零壹元整"),
])
def test_amounts_in_chinese_capitals(amount, upper):
    assert rmb_upper(Decimal(amount)) == upper


def test_amounts_in_figures_and_what_cannot_be_written():
    assert (yuan(Decimal("20000")), yuan(Decimal("1234567.8")), yuan(Decimal("0.05")), yuan(None)) == (
        "20,000.00", "1,234,567.80", "0.05", "")
    for bad in (Decimal("-1"), Decimal("0.001"), Decimal("NaN"), Decimal(10) ** 16):
        with pytest.raises(ValueError):
            rmb_upper(bad)


def test_dates_times_and_counts():
    assert cn_date(dt.date(2026, 3, 9)) == "2026年3月9日" and cn_date(None) == ""
    moment = dt.datetime(2026, 3, 2, 1, 30, tzinfo=dt.timezone.utc)  # 9:30 in Beijing
    assert cn_datetime(moment) == "2026年3月2日9时30分" and cn_date(moment) == "2026年3月2日"
    assert [cn_count(n) for n in (0, 5, 10, 15, 60, 90, 105, 120)] == ["零", "五", "十", "十五", "六十", "九十", "一百零五", "一百二十"]


def test_document_number_formats():
    assert format_number(DEFAULT_FORMAT, short="横综执", code="罚决", year=2026, n=12) == "横综执罚决字〔2026〕第12号"
    assert format_number("{township}{code}〔{year}〕{n:04d}号", short="", code="责改", year=2026, n=3,
                         township="分水镇") == "分水镇责改〔2026〕0003号"
    for bad, message in (("{short}{code}〔{year}〕", "序号"), ("{short}{code}第{n}号", "年份"),
                         ("{short}〔{year}〕{n}号", "文书代字"), ("{short}{kind}{n}", "占位符")):
        with pytest.raises(Invalid) as refused:
            check_format(bad)
        assert refused.value.code == "document.number_format" and message in refused.value.message


def test_every_declared_core_template_exists_and_the_standard_set_is_complete():
    core = declarations.core_templates()
    assert [s.code for s in SPECS] == list(core)
    for template in core.values():
        assert template.path.is_file(), template.path
    names = {t.declaration.name for t in core.values()}
    assert {"案件来源登记表", "立案审批表", "现场检查（勘验）笔录", "询问笔录", "责令改正通知书", "先行登记保存证据通知书",
            "先行登记保存证据处理决定书", "行政处罚事先告知书", "听证通知书", "陈述申辩笔录", "法制审核意见书", "集体讨论记录",
            "行政处罚决定书", "不予行政处罚决定书", "送达回证", "涉嫌犯罪案件移送书", "催告书", "结案审批表", "卷宗封面", "卷内目录",
            "当场行政处罚决定书", "限期拆除公告", "催告书（限期拆除）", "强制拆除决定书", "代履行决定书"} == names
    numbered = {t.code for t in core.values() if t.numbered}
    assert {"decision", "prior_notice", "on_spot_decision", "demand"} <= numbered
    assert not numbered & {"inquiry_record", "inspection_record", "service_receipt", "file_index"}


def test_values_are_escaped_and_newlines_become_line_breaks():
    template = declarations.core_templates()["case_source"].path
    rendered = render_docx(template, {"subject": {"name": "A&B<公司>"}, "case": {"summary": "第一行\n第二行"}})
    text = "\n".join(p.text for p in Word(io.BytesIO(rendered.content)).paragraphs)
    cells = [c.text for t in Word(io.BytesIO(rendered.content)).tables for r in t.rows for c in r.cells]
    assert "A&B<公司>" in text and "第一行\n第二行" in cells
    assert "party.name" in rendered.blanks and "case.summary" not in rendered.blanks


def test_the_pdf_carries_the_chinese_text_of_the_word_file():
    template = declarations.core_templates()["decision"].path
    rendered = render_docx(template, {"subject": {"name": "横村镇人民政府"}, "party": {"name": "张三"},
                                      "decision": {"penalties_text": "罚款人民币贰万元整（20,000.00元）"}})
    pdf, pages = docx_to_pdf(rendered.content, title="行政处罚决定书")
    assert pdf == docx_to_pdf(rendered.content, title="行政处罚决定书")[0]  # the same document gives the same bytes
    reader = PdfReader(io.BytesIO(pdf))
    text = "".join("".join(page.extract_text().split()) for page in reader.pages)
    assert len(reader.pages) == pages >= 1
    for expected in ("横村镇人民政府", "行政处罚决定书", "当事人：张三", "罚款人民币贰万元整（20,000.00元）", "申请行政复议"):
        assert expected in text, expected
    assert reader.metadata.title == "行政处罚决定书"
