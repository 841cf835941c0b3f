"""One field template per plugin, rendered with the core's context for a worked case of that field,
and a field's template replacing a core one (``overrides``)."""

from __future__ import annotations

import datetime as dt

import pytest
from zhifa.core.db.tables import Department
from zhifa.core.documents import declarations, service
from zhifa.core.schemas.cases import ClueCreate
from zhifa.core.services import cases
from zhifa.core.services.demo import load_demo

from .helpers import run
from .procedure_helpers import CST, HENGCUN, ZHONGSHAN, act, d, party_id
from .test_documents import REMEDIES, Rendered, department_name, render

ZS = ["zs-officer1", "zs-officer2"]
PAYMENT = {"payment_bank": "中国工商银行桐庐支行", "payment_account": "1202-0000-0001", "payment_electronic": "“浙里办”APP",
           "phone": "0571-64100000", "address": "桐庐县钟山乡钟山大街2号"}


@pytest.fixture
def county(database_url):
    run(load_demo())
    run(service.configure_documents(HENGCUN, {"phone": "0571-64000000", "address": "桐庐县横村镇横村大街1号"}))
    run(service.configure_documents(ZHONGSHAN, PAYMENT))
    for department in run(Department.select(Department.code)):  # 委托: the entrusting departments' account
        run(service.configure_department_documents(
            "330122", department["code"], {k: v for k, v in PAYMENT.items() if k.startswith("payment_")}))


def clue(township: str, field: str, power: str, summary: str, place: str, found: str = "2026-03-02",
         party: str | None = None) -> int:
    data = ClueCreate(field=field, power=power, source="patrol", summary=summary, place=place,
                      found_at=dt.datetime.combine(d(found), dt.time(9, 30), tzinfo=CST),
                      party_id=party_id(party, township) if party else None)
    return run(cases.register_clue(township, data, actor="hc-aux" if township == HENGCUN else "zs-aux")).id


def filed(case: int, township: str, staff: str, party: str, on: str = "2026-03-03") -> None:
    act(case, "file_case", on, f"{staff}-captain", township, officers=[f"{staff}-officer1", f"{staff}-officer2"],
        party_id=party_id(party, township), act_date="2026-03-01")


def test_urban_demolition_order_in_the_townships_own_name(county):
    case = clue(HENGCUN, "urban", "URBAN-CF-001", "当事人未取得建设工程规划许可证，在横村镇振兴路建设三层厂房一幢", "横村镇振兴路")
    filed(case, HENGCUN, "hc", "杭州富春建设工程有限公司")
    rendered = render(case, "urban.demolition_order", "2026-03-20", deadline="2026年4月20日")
    rendered.shows("横村镇人民政府", "限期拆除决定书", "横综执拆决字〔2026〕第1号", "当事人：杭州富春建设工程有限公司",
                   "法定代表人（负责人）：赵六", "桐庐县城南街道迎春南路100号", "横综执立〔2026〕1号",
                   "经查，当事人未取得建设工程规划许可证，在横村镇振兴路建设三层厂房一幢。", "《中华人民共和国城乡规划法》",
                   "于2026年4月20日前自行拆除", *REMEDIES, "横村镇人民政府（印章）", "2026年3月20日")
    assert rendered.document.blanks == [] and rendered.document.template == "urban.demolition_order"


def test_market_correction_order_replaces_the_core_one_for_its_powers(county):
    case = clue(HENGCUN, "market", "MARKET-CF-001", "当事人未经设立登记在振兴路从事食品经营", "横村镇振兴路", party="张三")
    act(case, "order_correction", "2026-03-02", "hc-officer1", deadline="2026-03-09", content="立即办理营业执照或者停止经营")
    assert declarations.resolve("order_correction", "market", "MARKET-CF-001").code == "market.correction_order"
    assert declarations.resolve("order_correction", "market", "MARKET-CF-014").code == "order_correction"
    # before filing no officers are assigned: the two who found the matter are named for the document
    rendered = render(case, "order_correction", "2026-03-02", officers=["hc-officer1", "hc-officer2"])
    assert rendered.document.template == "market.correction_order"
    rendered.shows("横村镇人民政府", "责令改正通知书", "张三：", "桐庐县横村镇横村大街8号", "横综执责改字〔2026〕第1号", "于2026年3月9日前改正上述违法行为",
                   "立即办理营业执照或者停止经营", "案件（线索）编号：", "执法队员甲（执法证号：浙A1000001）、执法队员乙（执法证号：浙A1000002）",
                   "六十日内向桐庐县人民政府申请行政复议", "桐庐县人民法院", "2026年3月2日")
    codes = {t.code: t.origin for t in run(service.list_templates(HENGCUN, case))}
    assert codes["market.correction_order"] == "market" and "order_correction" not in codes
    assert declarations.override_problems() == []


def test_ecology_rectification_order_in_the_entrusting_departments_name(county):
    case = clue(HENGCUN, "ecology", "ECO-CF-003", "当事人经营的餐饮店未安装油烟净化设施，油烟直排", "横村镇振兴路66号")
    filed(case, HENGCUN, "hc", "桐庐县横村镇好味道餐饮店")
    rendered = render(case, "ecology.rectification_order", "2026-03-04", deadline="2026年3月18日",
                      rectification={"content": "安装油烟净化设施并保持正常使用，油烟达标排放"},
                      case={"evidence": "现场检查笔录、现场照片"})
    rendered.shows(department_name("ecology-urban"), "责令改正违法行为决定书", "横综执责改字〔2026〕第1号",
                   "当事人：桐庐县横村镇好味道餐饮店", "法定代表人（负责人）：王五", "以上事实有现场检查笔录、现场照片等证据为证。",
                   "《中华人民共和国大气污染防治法》第八十一条第一款", "请于2026年3月18日前改正", *REMEDIES,
                   "承办人：执法队员甲、执法队员乙", "联系电话：0571-64000000")
    assert rendered.document.blanks == []


def test_agri_fishing_inspection_record_for_an_entrusted_township(county):
    case = clue(ZHONGSHAN, "agri", "AGRI-CF-008", "当事人在禁渔期内于分水江使用电鱼工具捕捞", "分水江钟山段")
    filed(case, ZHONGSHAN, "zs", "桐庐县横村镇好味道餐饮店")
    rendered = render(
        case, "agri.fishing_inspection_record", "2026-04-15", actor="zs-officer1", township=ZHONGSHAN, deadline="2026年4月20日",
        inspection={"start": "2026年4月15日20时10分", "end": "2026年4月15日21时00分", "place": "分水江钟山段",
                    "coordinates": "东经119.5°，北纬29.8°", "closure_basis": "农业农村部关于长江流域禁渔期制度的通告",
                    "recusal": "否", "gear": "电鱼器一套", "catch": "鲫鱼约5公斤", "media": "拍摄照片8张、视频2段",
                    "party_opinion": "无异议"},
        vessel={"name": "无船名", "length": "6", "power": "15", "licence": "无"}, recorder="执法队员乙", witness="村民赵某")
    rendered.shows(department_name("agri-agri_bureau"), "现场检查（勘验）笔录", "钟综执勘验字〔2026〕第1号", "钟综执立〔2026〕1号",
                   "分水江钟山段", "电鱼器一套", "鲫鱼约5公斤", "执法队员甲（执法证号：浙A2000001）", "村民赵某",
                   "于2026年4月20日前到", "桐庐县人民政府", "桐庐县人民法院", "2026年4月15日")
    assert rendered.document.blanks == []


def test_culture_suspension_decision_with_the_tier_and_the_prior_notice(county):
    case = clue(ZHONGSHAN, "culture", "CULTURE-CF-001", "钟山乡一网吧在凌晨2时仍在营业", "钟山乡钟山大街")
    filed(case, ZHONGSHAN, "zs", "杭州富春建设工程有限公司")
    act(case, "conclude_investigation", "2026-03-10", "zs-officer1", ZHONGSHAN, facts={}, amount="5000",
        penalties=["warning", "suspend_business"])
    notice = Rendered(run(service.render_document(ZHONGSHAN, case, "prior_notice", actor="zs-officer1", on=d("2026-03-11"))),
                      ZHONGSHAN)
    act(case, "serve_notice", "2026-03-11", "zs-officer1", ZHONGSHAN)
    act(case, "waive_rights", "2026-03-11", "zs-officer1", ZHONGSHAN)
    act(case, "legal_review", "2026-03-12", "zs-legal", ZHONGSHAN, passed=True, opinion="同意")
    act(case, "decide", "2026-03-13", "zs-head", ZHONGSHAN, amount="5000", penalties=["warning", "suspend_business"])
    rendered = render(
        case, "culture.suspension_decision", "2026-03-13", actor="zs-officer1", township=ZHONGSHAN, deadline="2026年3月28日",
        licence={"name": "网络文化经营许可证", "number": "浙网文〔2024〕0001号"},
        suspension={"start": "2026年3月20日", "end": "2026年4月3日", "days": "15", "requirements": "健全营业时间管理制度"},
        publication={"note": "公开期限为三年。"})
    department = department_name("culture-wenlv")
    notice.shows(department, "钟综执罚告字〔2026〕第1号", "警告；罚款人民币伍仟元整（5,000.00元）；责令停产停业", "有权要求举行听证")
    rendered.shows(department, "责令停业整顿决定书", "钟综执停决字〔2026〕第1号", "当事人：杭州富春建设工程有限公司",
                   "于2026年3月11日向当事人送达了《行政处罚事先告知书》（钟综执罚告字〔2026〕第1号）",
                   "适用阶次：", "自2026年3月20日起至2026年4月3日止停业整顿，共15日", "二、警告",
                   "缴至中国工商银行桐庐支行或者通过“浙里办”APP缴纳", "六十日内向桐庐县人民政府申请行政复议", "桐庐县人民法院",
                   "2026年3月13日")
    assert rendered.document.blanks == []
