"""The law that applies where the township is: regional packs, versions in time, no right lost for want of data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from zhifa.core.penalty import PenaltyFacts
from zhifa.core.penalty import recommend as penalty_engine
from zhifa.core.registry import get_host
from zhifa.core.rules import Refused
from zhifa.core.services import recommend
from zhifa.core.services.demo import load_demo

from .helpers import cli, cli_json, run
from .procedure_helpers import HENGCUN, OFFICERS, act, clue, file_of, party_id, refused

ZHEJIANG, ANHUI, CHUNAN = "330122100", "340603001", "330127100"  # 桐庐县横村镇, 淮北市相山区, 淳安县
OTHER_REGIONS = {"URBAN-CF-005", "URBAN-CF-006", "URBAN-CF-007", "URBAN-CF-008",  # 安徽省
                 "URBAN-CF-010",  # 巴彦淖尔市
                 "URBAN-CF-011", "URBAN-CF-012"}  # 深圳市


def _enable(township: str, field: str = "urban") -> None:
    cli("township", "enable", township, "--field", field, "--basis", "conferred",
        "--document", "省政府赋权决定（测试）", "--from", "2019-01-01")


@pytest.fixture
def townships(database_url):
    for code, name in ((ZHEJIANG, "横村镇"), (ANHUI, "相山区某镇"), (CHUNAN, "千岛湖镇")):
        cli("township", "create", code, name)
        _enable(code)


def _powers(township: str) -> dict[str, dict]:
    return {p["code"]: p for p in cli_json("powers", "--township", township, "--on", "2026-10-01")}


def test_a_zhejiang_township_gets_zhejiang_law_and_no_other_regions_and_an_anhui_one_gets_anhui_law(townships):
    zhejiang, anhui = _powers(ZHEJIANG), _powers(ANHUI)
    assert not OTHER_REGIONS & zhejiang.keys()
    assert {f"ZJURBAN-CF-00{n}" for n in range(1, 9)} <= zhejiang.keys()
    assert all(p["region"] in ("", "33") for p in zhejiang.values())
    assert zhejiang["ZJURBAN-CF-005"]["region_name"] == "浙江省" and zhejiang["URBAN-CF-013"]["region_name"] == "全国"
    assert {"URBAN-CF-005", "URBAN-CF-006", "URBAN-CF-007", "URBAN-CF-008"} <= anhui.keys()
    assert not {c for c in anhui if c.startswith("ZJURBAN-")} and "URBAN-CF-011" not in anhui
    # the national law both get is the same
    assert {c for c, p in zhejiang.items() if p["region"] == ""} == {c for c, p in anhui.items() if p["region"] == ""}


def test_another_regions_power_cannot_be_granted_or_filed_under(townships):
    result = cli("township", "enable", ZHEJIANG, "--field", "urban", "--power", "URBAN-CF-007", "--basis", "entrusted",
                 "--document", "委托书（测试）", "--from", "2024-01-01", ok=False)
    assert result.exit_code != 0 and "适用于本乡镇的目录中没有执法事项 URBAN-CF-007" in result.output
    with pytest.raises(Refused) as info:  # the calculator: as if the power were not authorised
        run(recommend.preview(ZHEJIANG, PenaltyFacts(power="URBAN-CF-007", act_date=dt.date(2026, 3, 1),
                                                     decision_date=dt.date(2026, 4, 1), party_kind="citizen")))
    assert info.value.codes == ["power.not_authorised"]


def test_the_zhejiang_regulation_fines_organisations_and_individuals_differently_after_failure_to_correct(townships):
    facts = dict(power="ZJURBAN-CF-001", act_date=dt.date(2026, 3, 1), decision_date=dt.date(2026, 4, 1),
                 situation="not_corrected")
    org = run(recommend.preview(ZHEJIANG, PenaltyFacts(party_kind="organisation", **facts)))
    person = run(recommend.preview(ZHEJIANG, PenaltyFacts(party_kind="citizen", **facts)))
    assert (org.statutory_range.min, org.statutory_range.max) == (D("500.00"), D("3000.00"))
    assert (person.statutory_range.min, person.statutory_range.max) == (D("200.00"), D("1000.00"))
    assert any("第十二条第三款" in r for r in org.reasons)


def test_a_citys_standard_binds_that_city_only_and_an_example_split_is_never_applied(townships):
    # 嘉兴's published standard for URBAN-CF-009's successor is not 淳安's; 淳安 decides in the statutory range
    rec = run(recommend.preview(CHUNAN, PenaltyFacts(power="URBAN-CF-013", act_date=dt.date(2026, 3, 1),
                                                     decision_date=dt.date(2026, 4, 1), party_kind="citizen")))
    assert rec.standard is None and rec.tier is None and rec.recommended_amount is None
    assert rec.examples_ignored == ["URBAN-CF-013-JZ1"]
    assert (rec.statutory_range.min, rec.statutory_range.max) == (D("100.00"), D("500.00"))
    assert not any(note in r for r in rec.reasons for note in ("示例", "正式使用前", "应替换"))
    anhui = run(recommend.preview(ANHUI, PenaltyFacts(power="URBAN-CF-006", act_date=dt.date(2026, 3, 1),
                                                      decision_date=dt.date(2026, 4, 1), party_kind="citizen",
                                                      situation="not_corrected")))
    assert anhui.standard == "URBAN-CF-006-JZ1"  # 相山区's own standard, in 相山区


@pytest.fixture
def county(database_url):
    run(load_demo())


def _proposed(power: str, party: str, found: str = "2026-03-02", **proposal) -> int:
    case = clue("urban" if power.startswith("URBAN") else "market", power, found)
    act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id(party), act_date="2026-03-01")
    act(case, "conclude_investigation", "2026-03-10", "hc-officer1", **proposal)
    act(case, "serve_notice", "2026-03-11", "hc-officer1")
    return case


def test_a_million_yuan_fine_where_no_threshold_is_configured_offers_a_hearing_and_requires_legal_review(county):
    # 浙江 has no urban hearing threshold in the catalogue: the right is not denied for want of one
    case = _proposed("URBAN-CF-016", "杭州富春建设工程有限公司", facts={}, amount="1000000")
    notice = file_of(case).notice
    assert notice.hearing_offered and notice.hearing_threshold_missing
    assert "未配置" in notice.hearing_reason and "1,000,000.00 元" in notice.hearing_reason
    act(case, "waive_rights", "2026-03-11", "hc-officer1")
    assert "decision.legal_review_missing" in refused(case, "decide", "2026-03-12", "hc-head", amount="1000000")
    act(case, "legal_review", "2026-03-12", "hc-legal", passed=True, opinion="事实清楚，证据确凿")
    act(case, "decide", "2026-03-13", "hc-head", amount="1000000", reasons="建筑垃圾倾倒数量巨大，情节严重，处法定最高额")


def test_confiscated_value_counts_toward_the_threshold_with_the_fine(county):
    # 市场监管: 公民 10,000 yuan (MARKET-TZ-001). 2,000 alone is below; with 9,000 confiscated it is above.
    below = _proposed("MARKET-CF-011", "张三", facts={}, amount="2000", penalties=["confiscate_gains"])
    above = _proposed("MARKET-CF-011", "张三", facts={}, amount="2000", penalties=["confiscate_gains"],
                      confiscated_value="9000")
    gains = _proposed("MARKET-CF-011", "张三", facts={"bases": {"illegal_gains": "8000"}}, amount="2000",
                      penalties=["confiscate_gains"])
    assert not file_of(below).notice.hearing_offered
    assert file_of(above).notice.hearing_offered and not file_of(above).notice.hearing_threshold_missing
    assert "罚款与没收价值合计 11,000.00 元" in file_of(above).notice.hearing_reason
    assert file_of(gains).notice.hearing_offered  # the illegal gains established are what is confiscated


def test_an_order_to_demolish_offers_a_hearing_whatever_the_amount(county):
    case = _proposed("URBAN-CF-003", "张三", facts={}, penalties=["demolish"])
    assert file_of(case).notice.hearing_offered


def test_an_act_under_the_fishery_law_after_its_revision_is_judged_under_the_revised_text():
    registry = get_host().registry.in_region("330122200")
    facts = dict(power="AGRI-CF-008", decision_date=dt.date(2026, 7, 1), party_kind="citizen")
    # 渔业法 revised 2025-12-27, in force 2026-05-01: 第七十八条第一款 (AGRI-CF-023) replaces 2013 第三十八条第一款
    after = penalty_engine(registry, PenaltyFacts(act_date=dt.date(2026, 6, 1), **facts))
    assert after.power == "AGRI-CF-023"
    before = penalty_engine(registry, PenaltyFacts(act_date=dt.date(2026, 4, 1), **facts))  # 第37条: the old is lighter
    assert before.power == "AGRI-CF-008" and "不再处罚" not in before.version_reason
    in_force = penalty_engine(registry, PenaltyFacts(
        power="AGRI-CF-008", act_date=dt.date(2026, 4, 1), decision_date=dt.date(2026, 4, 20), party_kind="citizen"))
    assert in_force.outcome == "penalty" and in_force.power == "AGRI-CF-008"


def test_a_decision_under_a_law_the_ecological_code_replaces_warns_the_officer_and_prints_nothing():
    registry = get_host().registry.in_region(HENGCUN)
    facts = dict(power="URBAN-CF-013", act_date=dt.date(2026, 3, 1), party_kind="citizen")
    assert penalty_engine(registry, PenaltyFacts(decision_date=dt.date(2026, 8, 14), **facts)).law_notices == []
    later = penalty_engine(registry, PenaltyFacts(decision_date=dt.date(2026, 8, 15), **facts))
    assert len(later.law_notices) == 1 and "生态环境法典" in later.law_notices[0]
    assert not any("生态环境法典" in r for r in later.reasons)  # the reasons are what documents print


LIGHTER = """
field = "urban"
region = "330122"
name = "桐庐县"

[[standards]]
code = "URBAN-CF-013-JZ9"
power = "URBAN-CF-013"
name = "个人随意倾倒生活垃圾的罚款裁量（2026年6月修订）"
source = "桐庐县综合行政执法局裁量基准（测试配置）"
valid_from = 2026-06-01
party = "citizen"

[[standards.tiers]]
code = "ordinary"
name = "一般"
facts = "无从轻、从重情节。"
min = {low}
max = {high}
"""


def _standard_for_an_earlier_act() -> str:
    rec = run(recommend.preview(HENGCUN, PenaltyFacts(power="URBAN-CF-013", act_date=dt.date(2026, 3, 1),
                                                      decision_date=dt.date(2026, 7, 1), party_kind="citizen")))
    return rec.standard, rec.reasons


def test_a_lighter_later_standard_loaded_through_configuration_is_applied_to_an_earlier_act(county, tmp_path):
    before, _ = _standard_for_an_earlier_act()
    assert before == "URBAN-CF-013-JZ1"
    path = tmp_path / "lighter.toml"
    path.write_text(LIGHTER.format(low=100, high=150), encoding="utf-8")
    assert "已加载目录配置" in cli("catalogue", "apply", str(path)).output
    standard, reasons = _standard_for_an_earlier_act()
    assert standard == "URBAN-CF-013-JZ9" and any("从旧兼从轻" in r and "较轻" in r for r in reasons)
    # a heavier later version leaves the act-time standard in place
    path.write_text(LIGHTER.format(low=450, high=500), encoding="utf-8")
    cli("catalogue", "apply", str(path))
    standard, reasons = _standard_for_an_earlier_act()
    assert standard == "URBAN-CF-013-JZ1" and any("适用行为时的" in r for r in reasons)
    assert [r["name"] for r in cli_json("catalogue", "list")].count("lighter") == 1  # applied again: replaced


def test_an_overlay_that_does_not_validate_is_refused_and_nothing_is_kept(county, tmp_path):
    path = tmp_path / "wrong.toml"
    path.write_text(LIGHTER.format(low=100, high=900), encoding="utf-8")  # above the statutory 500
    result = cli("catalogue", "apply", str(path), ok=False)
    assert result.exit_code != 0 and "超出法定幅度" in result.output
    assert "wrong" not in {r["name"] for r in cli_json("catalogue", "list")}


def test_a_second_database_filled_by_the_same_process_gets_the_demo_standards_too(tmp_path, monkeypatch,
                                                                                  sqlite_template):
    """One server process may fill several databases (the API's tests do, one after another)."""
    import shutil

    from zhifa.core.db import database
    from zhifa.core.services import catalogue_overlays

    counts = []
    for name in ("first", "second"):
        path = tmp_path / f"{name}.sqlite3"
        shutil.copy(sqlite_template, path)
        monkeypatch.setenv("ZHIFA_DATABASE_URL", f"sqlite:///{path}")
        database.configure(f"sqlite:///{path}")
        run(load_demo())  # the plugin host (with the first database's overlay installed) is kept
        counts.append(sum(len(o.standards) for o in run(catalogue_overlays.list_overlays())))
    assert counts[0] > 0 and counts[1] == counts[0]
