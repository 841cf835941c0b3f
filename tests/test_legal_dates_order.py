"""Legal dates in their order (zhifa.core.rules.dates), over the API and the CLI, on both engines.

Dates relative to today are computed from ``clock.today()`` (Asia/Shanghai), so the tests do not
rot; the fixed 2026-03 cases are the worked recipes of ``api_recipes``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from zhifa.core import clock
from zhifa.core.schemas.inspections import PlanCreate, ResultCreate
from zhifa.core.services import inspections
from zhifa.core.services.demo import load_demo

from .api_recipes import FOUND, LITTER, OFFICERS, ZHANG, on_spot, served
from .api_support import CST, HENGCUN, Api
from .helpers import cli, cli_json, run

CASES = f"/townships/{HENGCUN}/cases"

pytestmark = pytest.mark.shared_host


def day(offset: int = 0) -> dt.date:
    return clock.today() + dt.timedelta(days=offset)


def found_at(on: dt.date, hour: int = 0) -> str:
    return dt.datetime.combine(on, dt.time(hour, 5), tzinfo=CST).isoformat()


def register(api: Api, found: dt.date | str, **extra: Any):
    body = {"field": "urban", "source": "patrol", "summary": "巡查发现占道经营", "found_at": found_at(found)
            if isinstance(found, dt.date) else found, **extra}
    return api.post(CASES, "hc-officer1", json=body)


def attempt(api: Api, case: int, action: str, on: str | dt.date, user: str, **data: Any):
    return api.attempt(case, action, str(on), user, **data)


def refusal(response) -> dict:
    """The one refusal of a 422 answer: its code and message."""
    assert response.status_code == 422, response.text
    [item] = response.json()["refusals"]
    assert response.json()["code"] == item["code"]
    return item


def walk(api: Api, steps) -> int:
    """Run recipe steps on a fresh 2026-03-02 clue (the ecology recipes' power), returning the case id."""
    case = api.clue("ecology", "ECO-CF-003", FOUND)
    for step in steps:
        data = {k: api.party_id(v.split(":", 1)[1]) if isinstance(v, str) and v.startswith("@party:") else v
                for k, v in step.data.items()}
        api.act(case, step.action, step.on, step.actor, **data)
    return case


def timeline(api: Api, case: int) -> list[str]:
    return [e["kind"] for e in api.get(f"{CASES}/{case}", "hc-captain").json()["timeline"]]


# -- the clue ----------------------------------------------------------------------------------------------
def test_a_clue_found_after_today_is_refused_with_422_and_today_itself_is_allowed(api: Api):
    for future in (day(17), dt.date(2099, 1, 1)):
        item = refusal(register(api, future))
        assert item["code"] == "date.in_future"
        assert "「found_at」" in item["message"] and str(future) in item["message"] and str(day()) in item["message"]
    summaries = [c["summary"] for c in api.get(CASES, "hc-officer1", params={"limit": 100}).json()["items"]]
    assert "巡查发现占道经营" not in summaries  # nothing registered
    today = register(api, day())
    assert today.status_code == 201, today.text


def test_a_clue_whose_violation_date_is_after_today_is_refused(api: Api):
    item = refusal(register(api, day(), act_date=str(day(1))))
    assert item["code"] == "date.in_future" and "「act_date」" in item["message"]


def test_a_clue_or_an_action_dated_1900_is_refused_as_too_early(api: Api):
    item = refusal(register(api, dt.date(1900, 1, 1)))
    assert item["code"] == "date.too_early" and "1996-10-01" in item["message"] and "「found_at」" in item["message"]
    case = api.clue("urban", None, FOUND)
    item = refusal(attempt(api, case, "decline_filing", "1900-01-01", "hc-captain", reason="不属于本机关管辖"))
    assert item["code"] == "date.too_early" and "「on」" in item["message"]


# -- the order of the steps --------------------------------------------------------------------------------
def test_filing_dated_before_the_clue_was_found_is_refused_and_the_same_day_is_allowed(api: Api):
    case = api.clue("urban", "URBAN-CF-004", FOUND)
    item = refusal(attempt(api, case, "file_case", "2026-03-01", "hc-captain", officers=OFFICERS))
    assert item["code"] == "date.before_previous_step"
    assert "「on」" in item["message"] and "2026-03-01" in item["message"] and FOUND in item["message"]
    assert timeline(api, case) == ["clue_registered"]
    assert attempt(api, case, "file_case", FOUND, "hc-captain", officers=OFFICERS).status_code == 200


def test_a_payment_dated_before_the_decision_was_served_is_refused_and_the_service_day_is_allowed(api: Api):
    case = walk(api, served())  # 决定书 served 2026-03-13
    early = refusal(attempt(api, case, "record_payment", "2026-03-12", "hc-officer1", amount="20000.00"))
    assert early["code"] == "date.before_previous_step"
    assert "「送达决定书」" in early["message"] and "2026-03-13" in early["message"]
    ancient = refusal(attempt(api, case, "record_payment", "1900-01-01", "hc-officer1", amount="20000.00"))
    assert ancient["code"] == "date.too_early"
    assert "record_payment" not in timeline(api, case)
    paid = attempt(api, case, "record_payment", "2026-03-13", "hc-officer1", amount="20000.00")
    assert paid.status_code == 200, paid.text


def test_an_action_dated_before_the_previous_action_is_refused_naming_it(api: Api):
    case = api.clue("urban", "URBAN-CF-004", FOUND)
    api.act(case, "file_case", "2026-03-05", "hc-captain", officers=OFFICERS)
    item = refusal(attempt(api, case, "suspend", "2026-03-04", "hc-head", reason="等待鉴定结论"))
    assert item["code"] == "date.before_previous_step" and "「立案」" in item["message"] and "2026-03-05" in item["message"]


def test_an_action_dated_after_today_is_refused_with_422_and_today_is_allowed(api: Api):
    case = api.clue("urban", None, str(day()))
    for future in (day(1), dt.date(2099, 1, 1)):
        item = refusal(attempt(api, case, "decline_filing", future, "hc-captain", reason="不属于本机关管辖"))
        assert item["code"] == "date.in_future" and "「on」" in item["message"] and str(future) in item["message"]
    done = attempt(api, case, "decline_filing", day(), "hc-captain", reason="不属于本机关管辖")
    assert done.status_code == 200, done.text  # today, and the same day the clue was found
    undated = api.clue("urban", None, str(day()))  # without ``on``: today, which is allowed
    response = api.attempt(undated, "decline_filing", None, "hc-captain", reason="不属于本机关管辖")
    assert response.status_code == 200, response.text
    events = api.get(f"{CASES}/{undated}", "hc-captain").json()["timeline"]
    assert [e["payload"]["on"] for e in events if e["kind"] == "decline_filing"] == [str(day())]


# -- dates inside an action's body -------------------------------------------------------------------------
def test_a_violation_date_after_the_filing_day_or_ending_before_it_began_is_refused(api: Api):
    case = api.clue("urban", "URBAN-CF-004", FOUND)
    later = refusal(attempt(api, case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS,
                            act_date="2026-03-04"))
    assert later["code"] == "date.after_action" and "「act_date」" in later["message"]
    backwards = refusal(attempt(api, case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS,
                                act_date="2026-03-01", act_ended="2026-02-20"))
    assert backwards["code"] == "date.before_previous_step" and "「act_ended」" in backwards["message"]
    assert attempt(api, case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS,
                   act_date="2026-03-01", act_ended="2026-03-01").status_code == 200


def test_a_planned_date_may_be_in_the_future_but_not_before_the_action_nor_ten_years_on(api: Api):
    case = api.clue("market", "MARKET-CF-001", str(day()))
    correction = {"content": "立即改正"}
    item = refusal(attempt(api, case, "order_correction", day(), "hc-officer1", deadline=str(day(-1)),
                           **correction))
    assert item["code"] == "date.before_action" and "「deadline」" in item["message"]
    far = day() + dt.timedelta(days=3660)
    item = refusal(attempt(api, case, "order_correction", day(), "hc-officer1", deadline=str(far), **correction))
    assert item["code"] == "date.too_far" and "「deadline」" in item["message"]
    ordered = attempt(api, case, "order_correction", day(), "hc-officer1", deadline=str(day(7)), **correction)
    assert ordered.status_code == 200, ordered.text


def test_an_on_the_spot_violation_dated_after_today_is_refused(api: Api):
    case = api.clue("urban", LITTER, str(day()))
    step = on_spot(collect=False)
    data = {**step.data, "party_id": api.party_id(ZHANG), "act_date": str(day(1))}
    item = refusal(attempt(api, case, "decide_on_spot", day(), "hc-officer1", **data))
    assert item["code"] == "date.in_future" and "「act_date」" in item["message"]


# -- the command line --------------------------------------------------------------------------------------
def test_the_command_line_refuses_an_action_dated_after_today_with_the_code(database_url):
    run(load_demo())
    case = cli_json("case", "clue", "--township", HENGCUN, "--field", "urban", "--summary", "巡查发现占道经营",
                    "--found", str(day()), "--actor", "hc-officer1")["id"]
    for future in (day(1), dt.date(2099, 1, 1)):
        result = cli("case", "act", str(case), "decline_filing", "--township", HENGCUN, "--actor", "hc-captain",
                     "--on", str(future), "--data", '{"reason": "不属于本机关管辖"}', ok=False)
        assert result.exit_code == 1 and "date.in_future" in result.output and str(future) in result.output
    shown = cli_json("case", "show", str(case), "--township", HENGCUN)
    assert shown["case"]["status"] == "clue"  # nothing recorded
    cli("case", "act", str(case), "decline_filing", "--township", HENGCUN, "--actor", "hc-captain",
        "--on", str(day()), "--data", '{"reason": "不属于本机关管辖"}')


def test_the_command_line_refuses_a_clue_found_after_today(database_url):
    run(load_demo())
    result = cli("case", "clue", "--township", HENGCUN, "--field", "urban", "--summary", "巡查发现占道经营",
                 "--found", str(day(17)), ok=False)
    assert result.exit_code == 1 and "date.in_future" in result.output and "found_at" in result.output


# -- random inspections ------------------------------------------------------------------------------------
def test_a_random_inspection_result_dated_before_its_draw_is_refused_and_the_draw_day_is_allowed(database_url):
    run(load_demo())
    window = PlanCreate(field="market", title="本月抽查", ratios={"A": "100", "B": "100", "C": "100", "D": "100"},
                        starts_on=day(-30), ends_on=day(30))
    plan = run(inspections.create_plan(HENGCUN, window, actor="hc-admin"))
    draw = cli_json("inspection", "draw", str(plan.id), "--township", HENGCUN, "--seed", "7", "--actor", "hc-captain")
    [first, second, *_] = [str(a["target_id"]) for a in draw["assignments"]]
    before = cli("inspection", "result", str(draw["id"]), first, "--township", HENGCUN, "--outcome", "no_problem",
                 "--at", f"{day(-1)} 09:30", ok=False)
    assert before.exit_code == 1 and "date.before_previous_step" in before.output and "抽取" in before.output
    future = cli("inspection", "result", str(draw["id"]), first, "--township", HENGCUN, "--outcome", "no_problem",
                 "--at", f"{day(1)} 09:30", ok=False)
    assert future.exit_code == 1 and "date.in_future" in future.output
    assert run(inspections.list_results(HENGCUN, draw["id"])) == []
    recorded = run(inspections.record_result(HENGCUN, draw["id"], ResultCreate(
        target_id=int(second), inspected_at=dt.datetime.combine(day(), dt.time(0, 5), tzinfo=CST),
        outcome="no_problem")))
    assert recorded.inspected_on == day()
