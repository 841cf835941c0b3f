"""行政处罚决定书 per 行政处罚法第五十九条, read back from the stored Word file, for an entrusted (委托)
and a conferred (赋权) case: the order to correct with its time limit (第二十八条), the evidence list,
the designated bank and account (第六十七条, 罚缴分离), the remedies' body (行政复议法 2023 第二十四条)
and court, and under 委托 the entrusting department's name and its own number series (第二十条)."""

from __future__ import annotations

import datetime as dt

import pytest
from zhifa.core.documents import service
from zhifa.core.schemas.cases import ClueCreate
from zhifa.core.services import cases
from zhifa.core.services.demo import load_demo
from zhifa.core.services.errors import Invalid
from zhifa.core.services.evidence import register_evidence

from .helpers import run
from .procedure_helpers import CST, HENGCUN, OFFICERS, act, file_of, party_id
from .test_documents import SETTINGS, decided, department_name, fumes_clue, render

ECOLOGY = {"number_prefix": "杭环桐", "address": "桐庐县城南街道迎春南路1号", "phone": "0571-64200000",
           "payment_bank": "中国工商银行桐庐支行", "payment_account": "1202-0260-0900-0000-111",
           "reconsideration_body": "杭州市人民政府", "court": "桐庐县人民法院"}


@pytest.fixture
def county(database_url):
    run(load_demo())
    run(service.configure_documents(HENGCUN, SETTINGS))


def photo(case: int) -> None:
    run(register_evidence(HENGCUN, case, kind="audiovisual", title="油烟直排现场照片", content=b"photo",
                          captured_at=dt.datetime(2026, 3, 2, 10, 5, tzinfo=CST), collector="hc-officer1"))


STRAW = "ECO-CF-001"  # 露天焚烧秸秆, entrusted to 横村镇 by 杭州市生态环境局桐庐分局 (a city department's 派出机构)


def straw_decided() -> int:
    case = run(cases.register_clue(HENGCUN, ClueCreate(
        field="ecology", power=STRAW, source="patrol", summary="在横村镇东山村田间露天焚烧秸秆，产生烟尘污染",
        found_at=dt.datetime(2026, 3, 2, 9, 30, tzinfo=CST), place="横村镇东山村"), actor="hc-aux")).id
    act(case, "order_correction", "2026-03-02", "hc-officer1", deadline="2026-03-02", content="立即停止焚烧并清理焚烧现场")
    run(register_evidence(HENGCUN, case, kind="audiovisual", title="焚烧秸秆现场照片", content=b"straw",
                          captured_at=dt.datetime(2026, 3, 2, 9, 35, tzinfo=CST), collector="hc-officer1"))
    act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id("张三"), act_date="2026-03-02")
    act(case, "conclude_investigation", "2026-03-10", "hc-officer1", facts={}, amount="1000")
    act(case, "legal_review", "2026-03-10", "hc-legal", passed=True, opinion="事实清楚，证据确凿")
    act(case, "serve_notice", "2026-03-11", "hc-officer1")
    act(case, "waive_rights", "2026-03-11", "hc-officer1")
    act(case, "decide", "2026-03-12", "hc-head", amount="1000")
    return case


def test_the_entrusted_decision_carries_every_article_59_item_in_the_departments_name_and_series(county):
    # 行政复议法（2023）第二十四条第四款: a 设区的市 department's 派出机构 → the city people's government
    run(service.configure_department_documents("330122", "ecology-eco", ECOLOGY))
    case = straw_decided()
    decision = render(case, "decision", "2026-03-12")
    department = department_name("ecology-eco")
    assert department == "杭州市生态环境局桐庐分局"
    for item in (
        "当事人：张三", "住所（住址）：桐庐县横村镇横村大街8号",  # (一)
        "经查，在横村镇东山村田间露天焚烧秸秆，产生烟尘污染。", "以上事实有下列证据证明：1.焚烧秸秆现场照片（视听资料）",  # (二)
        "违反了《中华人民共和国大气污染防治法》第七十七条的规定",
        "依据《中华人民共和国大气污染防治法》第一百一十九条第一款的规定", "罚款人民币壹仟元整（1,000.00元）",  # (三)
        "责令当事人立即停止焚烧并清理焚烧现场，并于2026年3月2日前改正违法行为",  # 第二十八条
        "自收到本决定书之日起十五日内", "缴至中国工商银行桐庐支行（账号：1202-0260-0900-0000-111）",  # (四)
        "六十日内向杭州市人民政府申请行政复议", "六个月内依法向桐庐县人民法院提起行政诉讼",  # (五)
        f"{department}（印章）", "2026年3月12日", "受委托组织：横村镇人民政府",  # (六)
    ):
        assert item in decision.word, item
    assert "农业银行" not in decision.word and "桐庐县人民政府申请" not in decision.word
    assert decision.document.number == "杭环桐罚决字〔2026〕第1号"


def test_a_county_departments_entrusted_decision_names_the_county_government(county):
    # 第二十四条第一款第一项: a county department → the county people's government (the default)
    run(service.configure_department_documents("330122", "ecology-urban", {
        k: v for k, v in ECOLOGY.items() if k not in ("reconsideration_body", "number_prefix")}))
    case = fumes_clue()
    photo(case)
    decided(case)
    decision = render(case, "decision", "2026-03-12")
    assert "六十日内向桐庐县人民政府申请行政复议" in decision.word
    assert f"{department_name('ecology-urban')}（印章）" in decision.word
    assert decision.document.number == "横综执罚决字〔2026〕第1号"  # no 代字 of its own: the township's series


def test_the_conferred_decision_is_in_the_townships_name_series_and_county_remedies(county):
    run(service.configure_department_documents("330122", "ecology-eco", ECOLOGY))
    render(straw_decided(), "decision", "2026-03-12")  # the department's series does not take the township's numbers
    case = run(cases.register_clue(HENGCUN, ClueCreate(
        field="urban", power="URBAN-CF-013", source="patrol", summary="在横村大街随意倾倒生活垃圾",
        found_at=dt.datetime(2026, 3, 2, 9, 30, tzinfo=CST), place="横村大街"), actor="hc-aux")).id
    act(case, "order_correction", "2026-03-02", "hc-officer1", deadline="2026-03-03", content="立即清理倾倒的垃圾")
    run(register_evidence(HENGCUN, case, kind="audiovisual", title="倾倒垃圾现场照片", content=b"p2",
                          captured_at=dt.datetime(2026, 3, 2, 9, 40, tzinfo=CST), collector="hc-officer1"))
    act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id("张三"), act_date="2026-03-01")
    act(case, "conclude_investigation", "2026-03-10", "hc-officer1", facts={}, amount="300")
    act(case, "serve_notice", "2026-03-11", "hc-officer1")
    act(case, "waive_rights", "2026-03-11", "hc-officer1")
    act(case, "legal_review", "2026-03-11", "hc-legal", passed=True, opinion="事实清楚，证据确凿")
    act(case, "decide", "2026-03-12", "hc-head", amount="300")
    decision = render(case, "decision", "2026-03-12")
    for item in (
        "当事人：张三", "以上事实有下列证据证明：1.倾倒垃圾现场照片（视听资料）", "罚款人民币叁佰元整（300.00元）",
        "责令当事人立即清理倾倒的垃圾，并于2026年3月3日前改正违法行为",
        "缴至中国农业银行桐庐县支行（账号：19-123401040000001）",
        "六十日内向桐庐县人民政府申请行政复议", "六个月内依法向桐庐县人民法院提起行政诉讼",
        "横村镇人民政府（印章）", "2026年3月12日",
    ):
        assert item in decision.word, item
    assert "受委托组织" not in decision.word and "杭州市人民政府" not in decision.word
    assert decision.document.number == "横综执罚决字〔2026〕第1号"


def test_a_payable_decision_is_not_rendered_without_a_designated_bank_and_account(county):
    case = fumes_clue()  # the entrusting department has no bank configured: the township's is not its account
    photo(case)
    decided(case)
    with pytest.raises(Invalid) as refused:
        render(case, "decision", "2026-03-12")
    assert refused.value.code == "document.no_payment_bank" and "罚款代收银行和账号" in str(refused.value)
    run(service.configure_department_documents("330122", "ecology-urban", ECOLOGY))
    assert "中国工商银行桐庐支行" in render(case, "decision", "2026-03-12").word


def test_the_stored_reasons_count_the_limitation_from_the_found_date(county):
    case = fumes_clue(found="2026-03-02")
    decided(case)
    reasons = "；".join(str(r) for r in file_of(case).decision.recommendation["reasons"])
    assert "未提供发现日期" not in reasons and "发现之日为 2026-03-02" in reasons
