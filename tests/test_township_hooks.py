"""Behaviour hooks run over the plugins of the fields a township enabled — and only those."""

from __future__ import annotations

import datetime as dt

import pytest
from zhifa.core.registry import get_host
from zhifa.core.rules import Refused
from zhifa.core.schemas.cases import ClueCreate
from zhifa.core.services import cases

from .helpers import cli, cli_json, run

CST = dt.timezone(dt.timedelta(hours=8))
FOUND = dt.datetime(2026, 10, 9, 9, 30, tzinfo=CST)


@pytest.fixture
def transport_county(database_url, install_test_plugins):
    install_test_plugins("transport")
    cli("township", "create", "330122100", "横村镇")
    cli("township", "create", "330122101", "分水镇")
    for township, field in (("330122100", "transport"), ("330122100", "urban"), ("330122101", "urban")):
        cli("township", "enable", township, "--field", field, "--basis", "conferred", "--document", "浙政函〔2023〕118号",
            "--from", "2024-01-01")
    import zhifa_transport

    zhifa_transport.calls.clear()
    return zhifa_transport


def test_a_plugin_takes_part_only_where_its_field_is_enabled(transport_county):
    run(cases.register_clue("330122101", ClueCreate(field="urban", source="patrol", summary="占道经营", found_at=FOUND)))
    assert transport_county.calls == []
    run(cases.register_clue("330122100", ClueCreate(field="urban", source="patrol", summary="占道经营", found_at=FOUND)))
    assert transport_county.calls == ["330122100"]


def test_a_plugin_rule_refuses_an_action_with_its_own_code(transport_county):
    with pytest.raises(Refused) as info:
        run(cases.register_clue("330122100", ClueCreate(
            field="transport", power="TRANSPORT-CF-001", source="patrol", summary="高速公路应急车道堆放物品", found_at=FOUND)))
    assert info.value.codes == ["transport.expressway"]
    assert "不属于乡镇管辖" in str(info.value)
    accepted = run(cases.register_clue("330122100", ClueCreate(
        field="transport", power="TRANSPORT-CF-001", source="patrol", summary="县道上堆放建筑材料", found_at=FOUND)))
    assert accepted.power == "TRANSPORT-CF-001"


def test_a_sixth_field_can_be_enabled_and_used_with_no_change_to_zhifa(transport_county):
    listed = {p["code"] for p in cli_json("powers", "--township", "330122100", "--on", "2026-10-09")}
    assert "TRANSPORT-CF-001" in listed


def test_scoped_hook_callers_exclude_plugins_of_fields_not_enabled(transport_county):
    host = get_host()
    only_urban = host.hooks_for_fields({"urban"})
    assert "transport" in only_urban.excluded and "urban" not in only_urban.excluded
    assert "zhifa.core.defaults" not in only_urban.excluded  # field-less plugins always take part
    implementers = {impl.plugin_name for impl in only_urban.zhifa_check_action.get_hookimpls()}
    assert implementers == {"zhifa.core.defaults"}
    both = host.hooks_for_fields({"urban", "transport"})
    assert {impl.plugin_name for impl in both.zhifa_check_action.get_hookimpls()} == {"zhifa.core.defaults", "transport"}


@pytest.fixture
def demo_with_transport_in_hengcun(database_url, install_test_plugins):
    from zhifa.core.services.demo import load_demo

    install_test_plugins("transport")
    run(load_demo())
    cli("township", "enable", "330122100", "--field", "transport", "--basis", "conferred",
        "--document", "浙政函〔2023〕118号", "--from", "2024-01-01")


def _urban_case(township: str, prefix: str, summary: str) -> int:
    from .procedure_helpers import clue

    return clue("urban", "URBAN-CF-001", "2026-03-02", township=township, summary=summary)


def test_a_plugin_gate_refuses_only_in_the_township_that_enabled_it(demo_with_transport_in_hengcun):
    from .procedure_helpers import act, refused

    summary = "高速公路匝道旁违法建设"
    hengcun = _urban_case("330122100", "hc", summary)
    assert refused(hengcun, "file_case", "2026-03-03", "hc-captain", "330122100",
                   officers=["hc-officer1", "hc-officer2"]) == ["transport.expressway"]
    fenshui = _urban_case("330122101", "fs", summary)
    filed = act(fenshui, "file_case", "2026-03-03", "fs-captain", "330122101", officers=["fs-officer1", "fs-officer2"])
    assert filed.status == "investigating"


def test_a_plugin_adjusts_recommendations_only_in_the_township_that_enabled_it(demo_with_transport_in_hengcun):
    from .procedure_helpers import act, file_of

    facts = {"bases": {"construction_cost": "1000000"}}
    proposals = {}
    for township, p in (("330122100", "hc"), ("330122101", "fs")):
        case = _urban_case(township, p, "未取得建设工程规划许可证建房")
        act(case, "file_case", "2026-03-03", f"{p}-captain", township, officers=[f"{p}-officer1", f"{p}-officer2"],
            act_date="2026-03-01")
        act(case, "conclude_investigation", "2026-03-10", f"{p}-officer1", township, facts=facts)
        proposals[township] = file_of(case, township).proposal.recommendation
    adjusted, untouched = proposals["330122100"], proposals["330122101"]
    assert adjusted["tier_range"] == untouched["tier_range"] == {"min": "60000.00", "max": "80000.00"}
    assert adjusted["recommended_amount"] == "60000.00"
    assert "按示例省级规则，建议取裁量阶次下限" in adjusted["reasons"]
    assert untouched["recommended_amount"] == "70000.00"
    assert "按示例省级规则，建议取裁量阶次下限" not in untouched["reasons"]
