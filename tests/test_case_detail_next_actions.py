"""Case detail is the UI's single source of truth: next actions with a dry run of their gates,
every running deadline with its basis, 暂定 flag and days left, and actions answering with the detail."""

from __future__ import annotations

import datetime as dt

from zhifa.core import clock
from zhifa.core.calendar import sources

from .api_recipes import noticed
from .api_support import HENGCUN, Api
from .test_legal_dates_order import walk

CASES = f"/townships/{HENGCUN}/cases"


def _actions(detail: dict) -> dict[str, dict]:
    return {a["action"]: a for a in detail["next_actions"]}


def test_while_the_reply_period_runs_decide_and_an_unoffered_hearing_are_listed_refused(api: Api):
    case = walk(api, noticed())  # the shop: notice served 2026-03-11, no hearing right, reply period running
    detail = api.get(f"{CASES}/{case}", "hc-head", params={"on": "2026-03-12"}).json()
    actions = _actions(detail)
    decide = actions["decide"]
    assert decide["label"]
    assert decide["allowed"] is False
    assert "decision.reply_period_running" in [r["code"] for r in decide["refusals"]]
    assert all(r["message"] for r in decide["refusals"])
    hearing = actions["request_hearing"]
    assert hearing["allowed"] is False
    assert "hearing.not_available" in [r["code"] for r in hearing["refusals"]]
    assert decide["input_schema"]["$ref"].endswith("Decide")
    assert "amount" in decide["input_schema"]["$defs"]["Decide"]["properties"]


def test_listing_the_next_actions_writes_nothing(api: Api):
    case = walk(api, noticed())
    before = api.get(f"{CASES}/{case}", "hc-head", params={"on": "2026-03-12"})
    assert _actions(before.json())["decide"]["allowed"] is False  # the gates were asked
    for _ in range(2):
        again = api.get(f"{CASES}/{case}", "hc-head")
    assert again.headers["etag"] == before.headers["etag"]
    assert again.json()["timeline"] == before.json()["timeline"]
    assert again.json()["case"] == before.json()["case"]
    verified = api.get(f"/townships/{HENGCUN}/audit/verify", "hc-admin")
    if verified.status_code == 200:
        assert verified.json() == api.get(f"/townships/{HENGCUN}/audit/verify", "hc-admin").json()


def test_an_action_listed_allowed_succeeds_and_answers_with_the_detail_a_get_returns(api: Api):
    case = walk(api, noticed())
    waive = _actions(api.get(f"{CASES}/{case}", "hc-officer1").json())["waive_rights"]
    assert waive["allowed"] is True and waive["refusals"] == []
    answer = api.attempt(case, "waive_rights", "2026-03-11", "hc-officer1")
    assert answer.status_code == 200, answer.text
    following = api.get(f"{CASES}/{case}", "hc-officer1")
    assert answer.json() == following.json()
    assert answer.headers["etag"] == following.headers["etag"] == f'"{answer.json()["case"]["version"]}"'
    assert answer.json()["timeline"][-1]["kind"] == "waive_rights"


def test_deadlines_carry_basis_provisional_flag_and_days_left_filing_and_decision_included(api: Api):
    with sources.official_hidden(2027):
        clue = api.clue("urban", "URBAN-CF-004", "2026-12-03")
        filing = {d["code"]: d for d in api.get(f"{CASES}/{clue}", "hc-captain").json()["deadlines"]}["filing_decision"]
        assert isinstance(filing["provisional"], bool) and filing["basis"] and filing["name"]
        assert filing["days_left"] == (dt.date.fromisoformat(filing["due"]) - clock.today()).days
        filed = api.clue("urban", "URBAN-CF-004", "2026-12-01")
        api.act(filed, "file_case", "2026-12-02", "hc-captain", officers=["hc-officer1", "hc-officer2"])
        deadlines = {d["code"]: d for d in api.get(f"{CASES}/{filed}", "hc-captain").json()["deadlines"]}
    decision = deadlines["decision"]
    assert decision["provisional"] is False and decision["basis"]
    assert decision["days_left"] == (dt.date.fromisoformat(decision["due"]) - clock.today()).days > 80
