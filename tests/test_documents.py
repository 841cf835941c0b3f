"""执法文书 rendered from worked cases, read back from the Word and PDF files that were stored.

Every core template is rendered at its step of a general-procedure case (生态环境, held by 横村镇
under 委托), plus a no-penalty case and an on-the-spot decision; one field template per plugin is
rendered too. Each document is checked in the .docx (python-docx) and in the PDF (pypdf).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from docx import Document as Word
from pypdf import PdfReader
from zhifa.core.calendar import surcharge
from zhifa.core.db.tables import Department
from zhifa.core.documents import service
from zhifa.core.documents.money import rmb_upper, yuan
from zhifa.core.schemas.cases import ClueCreate
from zhifa.core.services import cases
from zhifa.core.services.demo import load_demo
from zhifa.core.services.errors import Invalid, NotFound
from zhifa.core.services.evidence import register_evidence
from zhifa.core.services.townships import get_township_row

from .helpers import run
from .procedure_helpers import CST, HENGCUN, OFFICERS, act, d, file_of, party_id

FUMES = "ECO-CF-003"  # 餐饮油烟, 横村镇 by entrustment (桐环委〔2024〕3号)
REMEDIES = ("六十日内向桐庐县人民政府申请行政复议", "六个月内依法向桐庐县人民法院提起行政诉讼")
SETTINGS = {"address": "桐庐县横村镇横村大街1号", "phone": "0571-64000000", "payment_bank": "中国农业银行桐庐县支行",
            "payment_account": "19-123401040000001", "payment_electronic": "“浙里办”APP非税缴款"}


@pytest.fixture
def county(database_url):
    run(load_demo())
    run(service.configure_documents(HENGCUN, SETTINGS))
    bank = {k: SETTINGS[k] for k in ("payment_bank", "payment_account", "payment_electronic")}
    run(service.configure_department_documents("330122", "ecology-urban", bank))  # 委托: the department's account


#: Words of the catalogue's internal notes ("示例 [C]，正式使用前应替换…", "须核对原文后替换", "发布日期待核").
DRAFTING_NOTES = ("示例", "正式使用前", "须核对", "待核", "须替换", "应替换", "条文摘要", "未核实", "启用前")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def word_text(content: bytes) -> str:
    document = Word(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(dict.fromkeys(cell.text for cell in row.cells))
    return "\n".join(parts)


def pdf_text(content: bytes) -> str:
    return squash("".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages))


class Rendered:
    def __init__(self, document, township: str = HENGCUN):
        self.document = document
        self.word = word_text(run(service.document_content(township, document.id)))
        self.pdf = pdf_text(run(service.document_content(township, document.id, "pdf")))

    def shows(self, *expected: str) -> None:
        """Each value is in the Word file and in the PDF."""
        for value in expected:
            assert value in self.word, f"{value!r} missing from {self.document.title} (Word)"
            assert squash(value) in self.pdf, f"{value!r} missing from {self.document.title} (PDF)"


def render(case_id: int, code: str, on: str, actor: str = "hc-officer1", township: str = HENGCUN, **data) -> Rendered:
    document = run(service.render_document(township, case_id, code, actor=actor, data=data or None, on=d(on)))
    return Rendered(document, township)


def fumes_clue(found: str = "2026-03-02") -> int:
    clue = ClueCreate(field="ecology", power=FUMES, source="complaint", summary="振兴路一餐饮店油烟直排，群众投诉",
                      found_at=dt.datetime.combine(d(found), dt.time(9, 30), tzinfo=CST), place="横村镇振兴路66号",
                      reporter={"name": "李四", "phone": "13900001111"})
    return run(cases.register_clue(HENGCUN, clue, actor="hc-aux")).id


def investigated(case: int, party: str = "张三", amount: str = "20000") -> None:
    act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id(party), act_date="2026-03-01")
    act(case, "conclude_investigation", "2026-03-10", "hc-officer1", facts={}, amount=amount)


def photographed(case: int, title: str = "现场照片") -> None:
    """The evidence a decision cites (第五十九条第一款第二项): a photo taken by an assigned officer."""
    run(register_evidence(HENGCUN, case, kind="audiovisual", title=title, content=b"photo",
                          captured_at=dt.datetime(2026, 3, 3, 10, 5, tzinfo=CST), collector="hc-officer1"))


def decided(case: int, *, evidence: bool = True) -> None:
    investigated(case)
    if evidence:
        photographed(case)
    act(case, "legal_review", "2026-03-10", "hc-legal", passed=True, opinion="事实清楚，证据确凿，程序合法，适用依据正确")
    act(case, "serve_notice", "2026-03-11", "hc-officer1")
    act(case, "waive_rights", "2026-03-11", "hc-officer1")
    act(case, "decide", "2026-03-12", "hc-head", amount="20000")


def department_name(code: str) -> str:
    return run(Department.select(Department.name).where(Department.code == code).first())["name"]


def test_every_core_template_renders_from_a_worked_case_into_word_and_pdf(county):
    case = fumes_clue()
    ecology = department_name("ecology-urban")  # the county department that entrusted the power
    docs: dict[str, Rendered] = {}

    docs["case_source"] = render(case, "case_source", "2026-03-02", source={"opinion": "建议立案调查"})
    docs["case_source"].shows("案件来源登记表", "投诉举报", "李四", "13900001111", "2026年3月2日9时30分",
                              "振兴路一餐饮店油烟直排，群众投诉", "登记人：协管员", "建议立案调查")

    act(case, "order_correction", "2026-03-02", "hc-officer1", deadline="2026-03-09", content="立即停止超标排放油烟，安装并正常使用油烟净化设施")
    act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id("张三"), act_date="2026-03-01")
    number = "横综执立〔2026〕1号"
    docs["order_correction"] = render(case, "order_correction", "2026-03-03")
    docs["order_correction"].shows("责令改正通知书", "横综执责改字〔2026〕第1号", "张三：", "2026年3月9日前",
                                   "安装并正常使用油烟净化设施", "《中华人民共和国大气污染防治法》第八十一条第一款", *REMEDIES,
                                   "执法队员甲（执法证号：浙A1000001）", "桐庐县横村镇横村大街1号")
    docs["filing_approval"] = render(case, "filing_approval", "2026-03-03")
    docs["filing_approval"].shows("立案审批表", number, "张三", "委托", "桐环委〔2024〕3号", "审批人：执法队长",
                                  "2026年3月3日")
    docs["inspection_record"] = render(
        case, "inspection_record", "2026-03-03",
        inspection={"start": "2026年3月3日10时00分", "end": "2026年3月3日10时40分", "place": "横村镇振兴路66号",
                    "present": "张三", "phone": "13905711234", "recorder": "执法队员乙", "witness": "王五（社区网格员）",
                    "recusal": "不申请", "findings": "该店厨房灶头3个，未安装油烟净化设施，油烟经排风扇直排室外",
                    "media": "拍摄照片6张", "party_opinion": "情况属实"})
    docs["inspection_record"].shows("现场检查（勘验）笔录", number, "2026年3月3日10时00分", "未安装油烟净化设施",
                                    "执法队员乙（执法证号：浙A1000002）", "王五（社区网格员）", "情况属实")
    docs["inquiry_record"] = render(
        case, "inquiry_record", "2026-03-03",
        inquiry={"session": "1", "start": "2026年3月3日14时00分", "end": "2026年3月3日14时30分", "place": "横村镇综合行政执法队",
                 "person": "张三", "gender": "男", "identifier": "330122198503120414", "phone": "13905711234",
                 "position": "店主", "address": "桐庐县横村镇横村大街8号", "recorder": "执法队员乙", "recusal": "听清楚了，不申请回避",
                 "qa": [{"q": "该店是否安装油烟净化设施？", "a": "没有安装。"}, {"q": "经营多久了？", "a": "两年。"}]})
    docs["inquiry_record"].shows("询问笔录", "问：该店是否安装油烟净化设施？", "答：没有安装。", "问：经营多久了？",
                                 "桐庐县", "听清楚了，不申请回避")

    run(register_evidence(HENGCUN, case, kind="audiovisual", title="现场照片", content=b"\xff\xd8photo",
                          captured_at=dt.datetime(2026, 3, 3, 10, 5, tzinfo=CST), collector="hc-officer1",
                          media_type="image/jpeg"))
    run(register_evidence(HENGCUN, case, kind="party_statement", title="询问笔录", content=b"record",
                          captured_at=dt.datetime(2026, 3, 3, 14, 30, tzinfo=CST), collector="hc-officer2",
                          media_type="application/pdf"))

    act(case, "preserve_evidence", "2026-03-04", "hc-head", items="油烟排风扇一台")
    docs["preservation_notice"] = render(case, "preservation_notice", "2026-03-04", preservation={"place": "横村镇综合行政执法队物证室"})
    docs["preservation_notice"].shows("先行登记保存证据通知书", "横综执先保字〔2026〕第1号", "油烟排风扇一台",
                                      "2026年3月13日前", "第五十六条", "横村镇综合行政执法队物证室")
    act(case, "decide_preserved_evidence", "2026-03-06", "hc-head", decision="解除先行登记保存，退还当事人")
    docs["preservation_decision"] = render(case, "preservation_decision", "2026-03-06")
    docs["preservation_decision"].shows("先行登记保存证据处理决定书", "横综执先处字〔2026〕第1号", "横综执先保字〔2026〕第1号",
                                        "解除先行登记保存，退还当事人", *REMEDIES)

    act(case, "conclude_investigation", "2026-03-10", "hc-officer1", facts={}, amount="20000")
    act(case, "legal_review", "2026-03-10", "hc-legal", passed=True, opinion="事实清楚，证据确凿，程序合法，适用依据正确")
    docs["legal_review"] = render(case, "legal_review", "2026-03-10", actor="hc-legal")
    docs["legal_review"].shows("法制审核意见书", number, "法制审核员", "事实清楚，证据确凿，程序合法，适用依据正确", "通过",
                               "罚款人民币贰万元整（20,000.00元）", "一般")
    act(case, "collective_discussion", "2026-03-10", "hc-head", attendees=["hc-head", "hc-captain", "hc-legal"],
        conclusion="同意罚款人民币贰万元")
    docs["collective_discussion"] = render(
        case, "collective_discussion", "2026-03-10", actor="hc-captain",
        discussion={"place": "横村镇人民政府三楼会议室", "host": "分管副镇长", "recorder": "执法队员乙", "opinions": "一致同意承办人意见"})
    docs["collective_discussion"].shows("集体讨论记录", "分管副镇长、执法队长、法制审核员", "同意罚款人民币贰万元",
                                        "横村镇人民政府三楼会议室", "一致同意承办人意见")

    docs["prior_notice"] = render(case, "prior_notice", "2026-03-11")
    act(case, "serve_notice", "2026-03-11", "hc-officer1")
    docs["prior_notice"].shows("行政处罚事先告知书", "横综执罚告字〔2026〕第1号", "罚款人民币贰万元整（20,000.00元）",
                               "2026年3月18日前", "有权要求举行听证", "“一般”裁量阶次", "18,500.00元至36,500.00元",
                               "1.现场照片（视听资料）；2.询问笔录（当事人的陈述）", "0571-64000000")
    act(case, "record_defence", "2026-03-12", "hc-officer1", summary="已于3月8日安装油烟净化设施，请求从轻处罚")
    docs["statement_record"] = render(case, "statement_record", "2026-03-12",
                                      statement={"place": "横村镇综合行政执法队", "recorder": "执法队员乙"})
    docs["statement_record"].shows("陈述申辩笔录", "已于3月8日安装油烟净化设施，请求从轻处罚", "横综执罚告字〔2026〕第1号",
                                   "2026年3月11日")
    act(case, "request_hearing", "2026-03-13", "hc-officer1")
    act(case, "schedule_hearing", "2026-03-16", "hc-head", hearing_on="2026-03-25", host="hc-captain")
    docs["hearing_notice"] = render(case, "hearing_notice", "2026-03-16",
                                    hearing={"time": "上午9时", "place": "横村镇综合行政执法队听证室"})
    docs["hearing_notice"].shows("听证通知书", "横综执听通字〔2026〕第1号", "2026年3月13日", "2026年3月25日上午9时",
                                 "横村镇综合行政执法队听证室", "听证主持人：执法队长")
    act(case, "hold_hearing", "2026-03-25", "hc-head", record="当事人到场陈述，承认违法事实")

    act(case, "decide", "2026-03-26", "hc-head", amount="20000")
    docs["decision"] = render(case, "decision", "2026-03-26")
    docs["decision"].shows("行政处罚决定书", "横综执罚决字〔2026〕第1号", "罚款人民币贰万元整（20,000.00元）",
                           "2026年3月26日", "依法举行了听证", "已于3月8日安装油烟净化设施", "（横综执罚告字〔2026〕第1号）",
                           *REMEDIES)

    act(case, "serve_decision", "2026-03-27", "hc-officer1", recipient="张三")
    docs["service_receipt"] = render(case, "service_receipt", "2026-03-27", service={"place": "桐庐县横村镇横村大街8号"})
    docs["service_receipt"].shows("送达回证", "行政处罚决定书（横综执罚决字〔2026〕第1号）", "直接送达", "2026年3月27日",
                                  "桐庐县横村镇横村大街8号")

    act(case, "serve_demand", "2026-05-06", "hc-officer1")
    owed = Decimal("20000") + surcharge(Decimal("20000"), d("2026-04-13"), d("2026-05-06"))
    assert owed == Decimal("33800.00")  # 23 days after the 2026-04-13 deadline, 3% a day
    docs["demand"] = render(case, "demand", "2026-05-06")
    docs["demand"].shows("催告书", "横综执催告字〔2026〕第1号", "横综执罚决字〔2026〕第1号", "2026年4月13日前",
                         f"人民币{rmb_upper(owed)}（{yuan(owed)}元）", "叁万叁仟捌佰元整（33,800.00元）",
                         "壹万叁仟捌佰元整（13,800.00元）", "中国农业银行桐庐县支行", "第三十五条")
    docs["criminal_transfer"] = render(case, "criminal_transfer", "2026-05-06",
                                       transfer={"receiver": "桐庐县公安局", "reason": "情节严重",
                                                 "procuratorate": "桐庐县人民检察院", "contact": "执法队员甲"})
    docs["criminal_transfer"].shows("涉嫌犯罪案件移送书", "横综执移送字〔2026〕第1号", "桐庐县公安局：", "抄送：桐庐县人民检察院")

    act(case, "record_payment", "2026-05-08", "hc-officer1", amount="35000", receipt="非税缴款回执")
    docs["closing_approval"] = render(case, "closing_approval", "2026-05-11", actor="hc-captain")
    docs["closing_approval"].shows("结案审批表", "横综执罚决字〔2026〕第1号", "罚款人民币贰万元整（20,000.00元）",
                                   "2026年5月8日缴纳人民币35,000.00元")
    act(case, "close", "2026-05-11", "hc-captain")
    act(case, "archive", "2026-05-12", "hc-captain")
    docs["file_cover"] = render(case, "file_cover", "2026-05-12", archive={"retention": "长期"})
    docs["file_cover"].shows("行政处罚案卷", "2026年5月12日", "长期", "执法队员甲、执法队员乙", "2026年5月11日")
    docs["file_index"] = render(case, "file_index", "2026-05-12")
    docs["file_index"].shows("卷内目录", "行政处罚决定书", "横综执罚决字〔2026〕第1号", "现场照片", "视听资料")

    core = {t.code for t in run(service.list_templates(HENGCUN, case)) if t.origin == "core"}
    demolition = {"demolition_notice", "demolition_demand", "forced_demolition_decision", "substitute_performance_decision"}
    assert core - {"no_penalty_decision", "on_spot_decision"} - demolition == set(docs)  # demolition: test_demolition_case
    for rendered in docs.values():
        # in the entrusting department's name, with the case's party, every placeholder filled
        printed_title = {"file_cover": "行政处罚案卷"}.get(rendered.document.template, rendered.document.title)
        rendered.shows(ecology, printed_title)
        assert "{{" not in rendered.word and "{%" not in rendered.word
        assert rendered.document.blanks == [], (rendered.document.template, rendered.document.blanks)
        # no catalogue drafting note reaches a legal document (the example split's source, a power's note)
        for note in DRAFTING_NOTES:
            assert note not in rendered.word and squash(note) not in rendered.pdf, (rendered.document.template, note)
        if rendered.document.template not in ("file_index", "case_source"):  # the clue named no party yet
            rendered.shows("张三")
        assert rendered.document.pages >= 1


def test_a_decision_citing_no_evidence_is_not_made_until_evidence_is_on_record(county):
    case = fumes_clue()
    decided(case, evidence=False)  # nothing registered: no photo, no record
    with pytest.raises(Invalid) as refused:
        render(case, "decision", "2026-03-12")
    assert refused.value.code == "document.no_evidence" and "第五十九条第一款第二项" in str(refused.value)
    photographed(case)
    render(case, "decision", "2026-03-12").shows("以上事实有下列证据证明：1.现场照片（视听资料）。")


def test_the_decision_carries_every_item_of_article_59(county):
    case = fumes_clue()
    decided(case)
    decision = render(case, "decision", "2026-03-12")
    ecology = department_name("ecology-urban")
    decision.shows(
        # (一) the party's name and address
        "当事人：张三", "公民身份号码：", "住所（住址）：桐庐县横村镇横村大街8号",
        # (二) facts and evidence
        "经查，振兴路一餐饮店油烟直排，群众投诉。", "以上事实有下列证据证明：1.现场照片（视听资料）",
        "违反了《中华人民共和国大气污染防治法》第八十一条第一款的规定",
        # (三) kind and basis of the penalty, with the discretion tier applied
        "依据《中华人民共和国大气污染防治法》第一百一十八条第一款的规定", "餐饮油烟超标排放罚款裁量基准",
        "本案适用“一般”裁量阶次（18,500.00元至36,500.00元）", "罚款人民币贰万元整（20,000.00元）",
        "于2026年3月11日向当事人送达了《行政处罚事先告知书》", "当事人书面表示放弃陈述、申辩和听证的权利",
        # (四) method and time limit of performance
        "自收到本决定书之日起十五日内", "缴至中国农业银行桐庐县支行（账号：19-123401040000001）", "百分之三加处罚款",
        # (五) remedies: the county people's government, the county's basic court
        *REMEDIES, "本决定不停止执行",
        # (六) the organ's name and the date, with seal
        f"{ecology}（印章）", "2026年3月12日",
    )
    assert decision.document.number == "横综执罚决字〔2026〕第1号"
    assert decision.word.index("2026年3月12日") > decision.word.index(f"{ecology}（印章）")
    assert "受委托组织：横村镇人民政府（委托书：桐环委〔2024〕3号）" in decision.word


def test_the_subject_is_the_entrusting_department_under_entrustment_and_the_township_under_conferral(county):
    entrusted = fumes_clue()
    decided(entrusted)
    conferred = run(cases.register_clue(HENGCUN, ClueCreate(
        field="urban", power="URBAN-CF-013", source="patrol", summary="在横村大街随意倾倒生活垃圾",
        found_at=dt.datetime(2026, 3, 2, 9, 30, tzinfo=CST), place="横村大街"), actor="hc-aux")).id
    act(conferred, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id("张三"), act_date="2026-03-01")
    photographed(conferred)
    act(conferred, "conclude_investigation", "2026-03-10", "hc-officer1", facts={}, amount="300")
    act(conferred, "serve_notice", "2026-03-11", "hc-officer1")
    act(conferred, "waive_rights", "2026-03-11", "hc-officer1")
    # no hearing threshold is configured for urban in 浙江: the hearing was offered, so legal review is due
    act(conferred, "legal_review", "2026-03-11", "hc-legal", passed=True, opinion="事实清楚，证据确凿")
    act(conferred, "decide", "2026-03-12", "hc-head", amount="300")

    by_department = render(entrusted, "decision", "2026-03-12")
    by_township = render(conferred, "decision", "2026-03-12")
    department = department_name("ecology-urban")
    assert department.startswith("桐庐县") and department != "横村镇人民政府"
    by_department.shows(f"{department}（印章）", "受委托组织：横村镇人民政府")
    by_township.shows("横村镇人民政府（印章）", "罚款人民币叁佰元整（300.00元）")
    assert department not in by_township.word and "受委托组织" not in by_township.word
    assert by_township.word.splitlines()[0] == "横村镇人民政府" and by_department.word.splitlines()[0] == department
    # either way the county people's government reconsiders and the county's basic court hears the case
    for rendered in (by_department, by_township):
        rendered.shows(*REMEDIES)
    # both documents count in the township's one 罚决 sequence
    assert (by_department.document.number, by_township.document.number) == ("横综执罚决字〔2026〕第1号", "横综执罚决字〔2026〕第2号")
    events = run(cases.case_events(HENGCUN, conferred))
    rendered_event = events[-1]
    assert rendered_event.kind == "document_rendered" and rendered_event.payload["subject"] == "横村镇人民政府"
    assert rendered_event.payload["sha256"] == by_township.document.content_sha256


def test_a_no_penalty_decision_gives_the_ground_and_the_remedies(county):
    case = fumes_clue()
    act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id("张三"), act_date="2026-03-01")
    act(case, "conclude_investigation", "2026-03-10", "hc-officer1", facts={}, outcome="no_penalty",
        reasons="当事人当日即安装油烟净化设施，未造成危害后果")
    with pytest.raises(Invalid) as refused:
        run(service.render_document(HENGCUN, case, "decision", actor="hc-officer1", on=d("2026-03-12")))
    assert refused.value.code == "document.not_ready"
    act(case, "legal_review", "2026-03-11", "hc-legal", passed=True, opinion="同意不予处罚")
    act(case, "decide", "2026-03-12", "hc-head", kind="no_penalty_minor", reasons="当事人当日即安装油烟净化设施，未造成危害后果。")
    rendered = render(case, "no_penalty_decision", "2026-03-12")
    rendered.shows("不予行政处罚决定书", "横综执不罚决字〔2026〕第1号", "当事人：张三", "违法行为轻微并及时改正，没有造成危害后果",
                   "《中华人民共和国行政处罚法》第三十三条第一款", "决定对当事人不予行政处罚", "进行了教育",
                   "当事人当日即安装油烟净化设施", *REMEDIES, "2026年3月12日")
    assert "罚款人民币" not in rendered.word and rendered.document.blanks == []


def test_the_on_the_spot_decision_prints_the_fine_in_figures_and_capitals_and_the_officers(county):
    case = run(cases.register_clue(HENGCUN, ClueCreate(field="urban", power="URBAN-CF-013", source="patrol",
                                                       summary="随意倾倒生活垃圾", place="横村大街",
                                                       found_at=dt.datetime(2026, 3, 2, 9, 30, tzinfo=CST)), actor="hc-aux")).id
    act(case, "decide_on_spot", "2026-03-02", "hc-officer1", field="urban", power="URBAN-CF-013", officers=OFFICERS,
        party_id=party_id("张三"), summary="随意倾倒生活垃圾", place="横村大街", act_date="2026-03-02", amount="100",
        collect_on_spot=True)
    assert file_of(case).procedure == "simple"
    rendered = render(case, "on_spot_decision", "2026-03-02")
    rendered.shows("当场行政处罚决定书", "（简易程序）", "横综执当罚字〔2026〕第1号", "横村镇人民政府（印章）",
                   "当事人于2026年3月2日在横村大街随意倾倒生活垃圾。", "罚款人民币壹佰元整（100.00元）",
                   "第五十一条", "罚款已由执法人员当场收缴", "执法队员甲（执法证号：浙A1000001）、执法队员乙（执法证号：浙A1000002）",
                   *REMEDIES, "作出处罚的时间：2026年3月2日")


def test_document_numbers_follow_the_townships_format_per_type_and_year(county, today):
    today("2027-01-05")  # a document is dated on a day that has come: the 2027 one needs 2027
    with pytest.raises(Invalid) as refused:
        run(service.configure_documents(HENGCUN, {**SETTINGS, "number_format": "{short}{code}字〔{year}〕号"}))
    assert refused.value.code == "document.number_format"
    run(service.configure_documents(HENGCUN, {**SETTINGS, "number_format": "{short}{code}〔{year}〕{n:03d}号"}))
    first, second = fumes_clue(), fumes_clue()
    decided(first)
    decided(second)
    numbers = [run(service.render_document(HENGCUN, c, code, actor="hc-officer1", on=d(on))).number
               for c, code, on in ((first, "decision", "2026-03-12"), (second, "decision", "2026-03-13"),
                                   (first, "prior_notice", "2026-03-11"), (second, "decision", "2027-01-04"),
                                   (first, "legal_review", "2026-03-12"))]
    assert numbers == ["横综执罚决〔2026〕001号", "横综执罚决〔2026〕002号", "横综执罚告〔2026〕001号",
                       "横综执罚决〔2027〕001号", None]
    # the other procedure settings are untouched by the document settings
    assert run(service.configure_documents(HENGCUN, SETTINGS))["payment_bank"] == "中国农业银行桐庐县支行"


def test_a_correction_keeps_the_number_and_replaces_the_original_in_the_case_file(county):
    case = fumes_clue()
    decided(case)
    original = render(case, "decision", "2026-03-12").document
    corrected = run(service.render_document(HENGCUN, case, "decision", actor="hc-officer1", on=d("2026-03-12"),
                                            replaces=original.id, data={"case": {"facts": "经营者在振兴路66号经营餐饮，油烟未经净化直排"}}))
    assert corrected.number == original.number and corrected.replaces == original.id
    assert "油烟未经净化直排。" in word_text(run(service.document_content(HENGCUN, corrected.id)))
    township = run(get_township_row(HENGCUN))
    rows = run(service.document_rows(township["id"], case))
    assert [r["id"] for r in service.in_file_order(rows)] == [corrected.id]
    for code in ("prior_notice", "decision"):  # another kind of document; an original already corrected
        with pytest.raises(Invalid) as refused:
            run(service.render_document(HENGCUN, case, code, actor="hc-officer1", replaces=original.id))
        assert refused.value.code == "document.replaces"


def test_stored_documents_are_checked_against_their_hash(county):
    import hashlib

    from zhifa.core.db.tables import Document
    from zhifa.core.services.evidence import store_dir

    case = fumes_clue()
    document = render(case, "case_source", "2026-03-02").document
    content = run(service.document_content(HENGCUN, document.id))
    assert hashlib.sha256(content).hexdigest() == document.content_sha256 and len(content) == document.size_bytes
    key = run(Document.select(Document.pdf_storage_key).where(Document.id == document.id).first())["pdf_storage_key"]
    (store_dir() / key).write_bytes(b"%PDF-1.4 altered")
    with pytest.raises(Invalid) as refused:
        run(service.document_content(HENGCUN, document.id, "pdf"))
    assert refused.value.code == "document.tampered"
    assert run(service.document_content(HENGCUN, document.id)) == content  # the Word file is intact
    with pytest.raises(NotFound):
        run(service.document_content("330122101", document.id))  # another township's document is not found


def test_templates_refuse_cases_they_do_not_fit(county):
    case = fumes_clue()
    for code, error in (("nope", "document.template_unknown"), ("urban.demolition_order", "document.other_field"),
                        ("ecology.daily_penalty_decision", "document.power_mismatch"), ("prior_notice", "document.not_ready")):
        with pytest.raises((Invalid, NotFound)) as refused:
            run(service.render_document(HENGCUN, case, code, actor="hc-officer1", on=d("2026-03-03")))
        assert refused.value.code == error, code


def test_placeholders_without_a_value_are_left_blank_and_named(county):
    case = fumes_clue()
    run(service.configure_documents(HENGCUN, {}))
    document = render(case, "inspection_record", "2026-03-02").document
    assert {"inspection.start", "inspection.place", "inspection.findings"} <= set(document.blanks)
    assert "subject.address" not in document.blanks  # the record does not print the office address
    notice = render(case, "case_source", "2026-03-02").document
    assert notice.blanks == []


def test_plugin_contributions_are_merged_and_the_callers_values_win(county):
    from zhifa.core.hookspecs import hookimpl
    from zhifa.core.registry import get_host

    class Contribution:
        @hookimpl
        def zhifa_document_context(self, context, template):
            if template == "case_source":
                return {"source": {"opinion": f"插件意见：{context.data['document_context']['party']['name'] or '当事人待查'}",
                                   "approval": "插件审批"}}
            return None

    get_host().pm.register(Contribution(), name="documents-test")
    case = fumes_clue()
    rendered = render(case, "case_source", "2026-03-02", source={"approval": "同意立案"})
    rendered.shows("插件意见：当事人待查", "同意立案")
    assert "插件审批" not in rendered.word


def test_the_township_settings_override_the_names_printed(county):
    # e.g. where administrative cases are concentrated in one court (行政案件集中管辖)
    run(service.configure_documents(HENGCUN, {**SETTINGS, "subject_name": "桐庐县横村镇人民政府",
                                              "court": "杭州铁路运输法院"}))
    case = run(cases.register_clue(HENGCUN, ClueCreate(
        field="urban", power="URBAN-CF-013", source="patrol", summary="在横村大街随意倾倒生活垃圾",
        found_at=dt.datetime(2026, 3, 2, 9, 30, tzinfo=CST), place="横村大街"), actor="hc-aux")).id
    act(case, "order_correction", "2026-03-02", "hc-officer1", deadline="2026-03-03", content="立即清理")
    rendered = render(case, "order_correction", "2026-03-02", officers=["hc-officer1", "hc-captain"])
    rendered.shows("桐庐县横村镇人民政府（印章）", "六十日内向桐庐县人民政府申请行政复议", "依法向杭州铁路运输法院提起行政诉讼",
                   "执法队员甲（执法证号：浙A1000001）、执法队长（执法证号：浙A1000004）")
    for stranger in ("nobody", "fs-officer1"):  # unknown, or another township's officer
        with pytest.raises(NotFound):
            render(case, "order_correction", "2026-03-02", officers=[stranger])
    with pytest.raises(Invalid) as refused:
        run(service.configure_documents(HENGCUN, {"colour": "red"}))
    assert refused.value.code == "document.settings"
