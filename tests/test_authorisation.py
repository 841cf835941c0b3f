"""Township authorisation: per township, per field and power, by basis and dates — no code change."""

from __future__ import annotations

import datetime as dt

import pytest
from zhifa.core.rules import Refused
from zhifa.core.schemas.cases import ClueCreate
from zhifa.core.services import cases

from .helpers import cli, cli_json, run

CST = dt.timezone(dt.timedelta(hours=8))
A, B = "330122100", "330122101"


@pytest.fixture
def county(database_url):
    cli("township", "create", A, "横村镇")
    cli("township", "create", B, "分水镇")


def enable(township: str, field: str, *extra: str, basis: str = "conferred", start: str = "2019-01-01"):
    return cli("township", "enable", township, "--field", field, "--basis", basis,
               "--document", "浙政函〔2018〕1号", "--from", start, *extra)


def powers(township: str, on: str) -> list[dict]:
    return cli_json("powers", "--township", township, "--on", on)


def clue(township: str, field: str, power: str | None = None, day: dt.date = dt.date(2026, 10, 9), summary: str = "巡查发现"):
    found = dt.datetime(day.year, day.month, day.day, 9, 30, tzinfo=CST)
    return cases.register_clue(township, ClueCreate(field=field, power=power, source="patrol", summary=summary, found_at=found))


def test_a_township_authorised_only_for_urban_gets_no_market_power(county):
    enable(A, "urban")
    listed = powers(A, "2026-10-01")
    assert listed and {p["field"] for p in listed} == {"urban"}
    assert not any(p["code"].startswith("MARKET-") for p in listed)
    assert powers(B, "2026-10-01") == []


def test_powers_outside_their_validity_dates_are_excluded_on_those_dates(county):
    enable(A, "urban")
    before = {p["code"] for p in powers(A, "2020-06-01")}
    after = {p["code"] for p in powers(A, "2021-01-01")}
    # 固体废物污染环境防治法: the 2016 text until 2020-08-31, the 2020 text from 2020-09-01
    assert "URBAN-CF-014" in before and "URBAN-CF-013" not in before
    assert "URBAN-CF-013" in after and "URBAN-CF-014" not in after


def test_a_grant_applies_only_within_its_own_dates(county):
    enable(A, "market", "--to", "2025-12-31", start="2024-01-01")
    assert powers(A, "2023-12-31") == []
    assert powers(A, "2024-01-01") and powers(A, "2025-12-31")
    assert powers(A, "2026-01-01") == []


def test_each_power_carries_the_basis_and_document_it_was_granted_under(county):
    cli("township", "enable", A, "--field", "urban", "--basis", "conferred", "--document", "浙政函〔2023〕118号", "--from", "2024-01-01")
    [power] = [p for p in powers(A, "2026-01-01") if p["code"] == "URBAN-CF-001"]
    assert (power["basis"], power["document_no"]) == ("conferred", "浙政函〔2023〕118号")



def test_entrustment_without_a_department_is_refused(county):
    result = cli("township", "enable", A, "--field", "market", "--basis", "entrusted", "--document", "桐市监委〔2024〕1号",
                 "--from", "2024-01-01", ok=False)
    assert result.exit_code == 1
    assert "委托方式必须指明委托部门" in result.stderr


def test_enabling_an_unknown_field_or_power_is_refused_with_a_clear_message(county):
    result = cli("township", "enable", A, "--field", "forestry", "--basis", "conferred", "--document", "x", "--from", "2024-01-01", ok=False)
    assert "未安装领域 forestry 的插件" in result.stderr
    result = cli("township", "enable", A, "--field", "urban", "--power", "MARKET-CF-001", "--basis", "conferred",
                 "--document", "x", "--from", "2024-01-01", ok=False)
    assert "没有执法事项 MARKET-CF-001" in result.stderr


def test_a_single_power_can_be_granted_without_its_field(county):
    enable(A, "market", "--power", "MARKET-CF-001")
    assert [p["code"] for p in powers(A, "2026-01-01")] == ["MARKET-CF-001"]


def test_disabling_a_field_stops_new_cases_but_existing_cases_stay_readable(county):
    enable(A, "urban")
    existing = run(clue(A, "urban", "URBAN-CF-001", day=dt.date(2026, 3, 1)))
    cli("township", "disable", A, "--field", "urban", "--on", "2026-06-01", "--document", "桐政办〔2026〕7号")

    assert powers(A, "2026-06-01") == []
    assert powers(A, "2026-05-31")  # history is kept: the grant still answers for earlier dates
    with pytest.raises(Refused) as info:
        run(clue(A, "urban", "URBAN-CF-001", day=dt.date(2026, 6, 1)))
    assert "field.not_enabled" in info.value.codes

    assert run(cases.get_case(A, existing.id)) == existing
    assert [c.id for c in run(cases.list_cases(A, field="urban"))] == [existing.id]
    shown = cli_json("township", "show", A)
    assert shown["authorisations"][0]["revoked_on"] == "2026-06-01"
    assert shown["authorisations"][0]["revoked_document_no"] == "桐政办〔2026〕7号"


def test_withdrawing_one_power_keeps_the_rest_of_the_field(county):
    enable(A, "urban")
    cli("township", "disable", A, "--field", "urban", "--power", "URBAN-CF-001", "--on", "2026-01-01", "--document", "桐政办〔2025〕30号")
    codes = {p["code"] for p in powers(A, "2026-02-01")}
    assert "URBAN-CF-001" not in codes and "URBAN-CF-004" in codes
    assert "URBAN-CF-001" in {p["code"] for p in powers(A, "2025-12-31")}
    with pytest.raises(Refused) as info:
        run(clue(A, "urban", "URBAN-CF-001", day=dt.date(2026, 2, 1)))
    assert info.value.codes == ["power.not_authorised"]
    # a clue under another power of the field is still accepted
    assert run(clue(A, "urban", "URBAN-CF-004", day=dt.date(2026, 2, 1))).status == "clue"


def test_a_withdrawn_power_can_be_granted_again(county):
    enable(A, "urban")
    cli("township", "disable", A, "--field", "urban", "--power", "URBAN-CF-001", "--on", "2026-01-01", "--document", "上收")
    enable(A, "urban", "--power", "URBAN-CF-001", start="2026-07-01")
    assert "URBAN-CF-001" not in {p["code"] for p in powers(A, "2026-03-01")}
    assert "URBAN-CF-001" in {p["code"] for p in powers(A, "2026-07-01")}


def test_disabling_what_was_never_granted_is_reported(county):
    result = cli("township", "disable", A, "--field", "urban", "--on", "2026-01-01", "--document", "x", ok=False)
    assert result.exit_code == 1 and "没有可停用的" in result.stderr


def test_township_list_and_show_answer_in_json(county):
    listed = cli_json("township", "list")
    assert [t["code"] for t in listed] == [A, B]
    assert listed[0]["county_name"] == "桐庐县"
    assert cli_json("township", "show", B)["township"]["name"] == "分水镇"


def test_an_unknown_township_is_reported(county):
    result = cli("powers", "--township", "330122999", ok=False)
    assert "未找到行政区划代码为 330122999 的乡镇" in result.stderr
