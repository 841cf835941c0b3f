"""Money that is not money never enters a case; a payment is never more than is owed, nor recorded twice.

The finding (issue 12, item 2): ``record_payment`` accepted -7000, 0, NaN, sNaN, Infinity, 1E+400
and a 32-digit number (200), after which ``close`` answered 500 for ever; ``decide_on_spot`` took
-500; ``decide`` and the calculator answered NaN with 500; 20 concurrent identical payments
without ``If-Match`` recorded 4 payments of a 7,000 fine; nothing refused an overpayment.
"""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any

import pytest
from zhifa.core.services.cases import get_case
from zhifa.core.services.demo import load_demo
from zhifa.core.services.errors import Conflict
from zhifa.core.services.procedure import case_file, perform

from .api_recipes import FUMES, LITTER, on_spot, served
from .api_support import HENGCUN, Api
from .helpers import cli, run
from .procedure_helpers import OFFICERS, act, clue, d, party_id

CASES = f"/townships/{HENGCUN}/cases"

#: Amounts that are not a payment or a fine, as a client may send them (JSON strings and numbers).
NOT_MONEY = [-7000, 0, "0", "-0.00", "NaN", "sNaN", "Infinity", "-Infinity", "1E+400", "1" * 32, "0.001", 1e12,
             "1000000000000", 0.5e-2]
CODES = {"money.not_positive", "money.negative", "money.not_a_number", "money.too_large", "money.too_precise"}


def _with_parties(api: Api, data: dict[str, Any]) -> dict[str, Any]:
    return {k: api.party_id(v.split(":", 1)[1]) if isinstance(v, str) and v.startswith("@party:") else v
            for k, v in data.items()}


def _served_case(api: Api) -> int:
    """The shop's 餐饮油烟 case: a fine of 20,000 decided and served on 2026-03-13, due 2026-03-30."""
    case = api.clue("ecology", FUMES, "2026-03-02")
    for step in served():
        api.act(case, step.action, step.on, step.actor, **_with_parties(api, step.data))
    return case


def _bad_money(response, field: str) -> dict:
    """A 400 problem for money, naming ``field`` in Chinese; returns the problem."""
    assert response.status_code == 400, response.text
    problem = response.json()
    assert problem["code"] in CODES, problem
    [error] = problem["errors"]
    assert error["field"] == field and f"「{field}」" in error["message"] and "收到" in error["message"], problem
    return problem


# -- 400 naming the field, never 500 ---------------------------------------------------------------------
def test_a_payment_that_is_not_money_is_answered_400_naming_amount_and_the_case_still_closes(module_api: Api):
    api = module_api
    case = _served_case(api)
    for amount in NOT_MONEY:
        _bad_money(api.attempt(case, "record_payment", "2026-03-20", "hc-officer1", amount=amount), "amount")
    for raw in ('{"amount": 1E+400}', '{"amount": ' + "9" * 32 + "}", '{"amount": -7000.00}'):  # raw JSON numbers
        response = api.post(f"{CASES}/{case}/actions/record_payment", "hc-officer1", params={"on": "2026-03-20"},
                            content=raw, headers={"Content-Type": "application/json",
                                                  "If-Match": api.version(case, "hc-officer1")})
        assert response.status_code == 400, response.text
    detail = api.get(f"{CASES}/{case}", "hc-officer1").json()
    assert detail["file"]["execution"]["payments"] == [] and detail["case"]["status"] == "served"
    api.act(case, "record_payment", "2026-03-20", "hc-officer1", amount="20000.00")
    assert api.act(case, "close", "2026-03-23", "hc-captain")["case"]["status"] == "closed"


def test_a_fine_on_the_spot_of_zero_or_less_is_refused_400_and_a_warning_alone_has_no_amount(module_api: Api):
    api = module_api
    data = _with_parties(api, on_spot(collect=False).data)
    for amount in (-500, 0, "0.00", "NaN", "200.001"):
        case = api.clue("urban", LITTER, "2026-03-02")
        _bad_money(api.attempt(case, "decide_on_spot", "2026-03-02", "hc-officer1", **{**data, "amount": amount}),
                   "amount")
        assert api.get(f"{CASES}/{case}", "hc-officer1").json()["case"]["status"] == "clue"
    case = api.clue("market", "MARKET-CF-008", "2026-03-02")  # 食安法 第一百二十六条 provides a warning
    warning = {k: v for k, v in data.items() if k != "amount"} | {"field": "market", "power": "MARKET-CF-008"}
    assert api.act(case, "decide_on_spot", "2026-03-02", "hc-officer1", **warning, warning=True)["case"]["status"] == "on_spot"


def test_a_decision_or_proposal_of_nan_is_answered_400_not_500(module_api: Api):
    api = module_api
    case = api.clue("ecology", FUMES, "2026-03-02")
    steps = served()
    for step in steps[:1]:  # filed
        api.act(case, step.action, step.on, step.actor, **_with_parties(api, step.data))
    for amount in ("NaN", "sNaN", "-20000", "1E+400"):
        _bad_money(api.attempt(case, "conclude_investigation", "2026-03-10", "hc-officer1", facts={}, amount=amount),
                   "amount")
    bad_base = api.attempt(case, "conclude_investigation", "2026-03-10", "hc-officer1",
                           facts={"bases": {"goods_value": "NaN"}}, amount="20000")
    _bad_money(bad_base, "facts.bases.goods_value")
    for step in steps[1:4]:  # concluded, noticed, rights waived
        api.act(case, step.action, step.on, step.actor, **_with_parties(api, step.data))
    for amount in ("NaN", "Infinity", 0, "0.001"):
        _bad_money(api.attempt(case, "decide", "2026-03-12", "hc-head", amount=amount), "amount")
    assert api.act(case, "decide", "2026-03-12", "hc-head", amount="20000.00")["case"]["status"] == "decided"


def test_instalments_that_are_not_money_are_answered_400_naming_the_instalment(module_api: Api):
    api = module_api
    case = _served_case(api)
    plan = [{"due": "2026-04-30", "amount": "10000.00"}, {"due": "2026-05-29", "amount": "0.001"}]
    response = api.attempt(case, "approve_deferral", "2026-03-20", "hc-head", instalments=plan, reason="经营困难")
    _bad_money(response, "instalments[1].amount")
    plan[1]["amount"] = "10000.00"
    assert api.act(case, "approve_deferral", "2026-03-20", "hc-head", instalments=plan, reason="经营困难")["case"]["status"] == (
        "executing")


def test_the_penalty_calculator_answers_400_for_a_base_or_a_count_that_is_not_a_number(module_api: Api):
    api = module_api
    facts = {"power": "URBAN-CF-001", "act_date": "2026-03-01", "decision_date": "2026-03-20",
             "party_kind": "organisation", "bases": {"construction_cost": "1000000"}}
    assert api.post(f"/townships/{HENGCUN}/recommendations", "hc-officer1", json=facts).status_code == 200
    for value in ("NaN", "sNaN", "Infinity", "-1", "1E+400", "0.001"):
        response = api.post(f"/townships/{HENGCUN}/recommendations", "hc-officer1",
                            json={**facts, "bases": {"construction_cost": value}})
        _bad_money(response, "bases.construction_cost")
    for units in ("NaN", "Infinity", "-3", "1E+400"):
        response = api.post(f"/townships/{HENGCUN}/recommendations", "hc-officer1", json={**facts, "units": units})
        _bad_money(response, "units")


# -- never more than is owed ------------------------------------------------------------------------------
def test_a_payment_beyond_what_is_owed_is_refused_with_the_amounts(module_api: Api):
    api = module_api
    case = _served_case(api)
    over = api.attempt(case, "record_payment", "2026-03-20", "hc-officer1", amount="20000.01")
    assert over.status_code == 422 and over.json()["code"] == "payment.exceeds_owed", over.text
    assert "20000.01" in over.json()["detail"] and "20000" in over.json()["detail"]
    api.act(case, "record_payment", "2026-03-20", "hc-officer1", amount="15000")
    rest = api.attempt(case, "record_payment", "2026-03-21", "hc-officer1", amount="5000.01")
    assert rest.status_code == 422 and "5000.01" in rest.json()["detail"] and "已缴 15000" in rest.json()["detail"]
    api.act(case, "record_payment", "2026-03-21", "hc-officer1", amount="5000.00")
    again = api.attempt(case, "record_payment", "2026-03-21", "hc-officer1", amount="0.01")
    assert again.status_code == 422 and again.json()["code"] == "payment.exceeds_owed" and "已缴清" in again.text
    assert api.act(case, "close", "2026-03-23", "hc-captain")["case"]["status"] == "closed"


def test_a_late_payment_may_include_the_surcharge_and_not_a_fen_more(module_api: Api):
    api = module_api
    case = _served_case(api)  # due 2026-03-30: paid on 03-31, one day late, 3% of 20,000 = 600
    over = api.attempt(case, "record_payment", "2026-03-31", "hc-officer1", amount="20600.01")
    assert over.status_code == 422 and over.json()["code"] == "payment.exceeds_owed"
    assert "加处罚款 600.00 元" in over.json()["detail"] and "20600.00" in over.json()["detail"], over.text
    api.act(case, "record_payment", "2026-03-31", "hc-officer1", amount="20600.00")
    assert api.act(case, "close", "2026-04-01", "hc-captain")["case"]["status"] == "closed"


# -- If-Match ----------------------------------------------------------------------------------------------
def test_an_action_without_if_match_is_answered_428_and_nothing_is_saved(module_api: Api):
    api = module_api
    case = _served_case(api)
    before = api.get(f"{CASES}/{case}", "hc-officer1").json()
    response = api.post(f"{CASES}/{case}/actions/record_payment", "hc-officer1", params={"on": "2026-03-20"},
                        json={"amount": "20000"})
    assert response.status_code == 428, response.text
    problem = response.json()
    assert problem["code"] == "case.if_match_required" and "If-Match" in problem["detail"] and "版本" in problem["detail"]
    assert response.headers["content-type"].startswith("application/problem+json")
    stale = api.post(f"{CASES}/{case}/actions/record_payment", "hc-officer1", params={"on": "2026-03-20"},
                     json={"amount": "20000"}, headers={"If-Match": f'"{before["case"]["version"] - 1}"'})
    assert stale.status_code == 409 and stale.json()["code"] == "case.version_conflict"
    assert api.get(f"{CASES}/{case}", "hc-officer1").json() == before
    header = next(p for p in api.get("/schema/openapi.json").json()["paths"][
        "/townships/{code}/cases/{case_id}/actions/record_payment"]["post"]["parameters"] if p["name"] == "If-Match")
    assert header["in"] == "header" and header["required"] is True and "428" in header["description"]


@pytest.fixture
def owed_7000(database_url) -> int:
    """An organisation's case (the shop) decided at 7,000 and served on 2026-03-13, at the service."""
    run(load_demo())
    case = clue("ecology", FUMES, "2026-03-02")
    act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id("桐庐县横村镇好味道餐饮店"),
        act_date="2026-03-01")
    lighter = "当事人主动消除违法行为危害后果，依法从轻处罚"  # 7,000 is below the tier's 18,500: reasons in writing
    act(case, "conclude_investigation", "2026-03-10", "hc-officer1", facts={}, amount="7000", reasons=lighter)
    act(case, "serve_notice", "2026-03-11", "hc-officer1")
    act(case, "waive_rights", "2026-03-11", "hc-officer1")
    act(case, "decide", "2026-03-12", "hc-head", amount="7000", reasons=lighter)
    act(case, "serve_decision", "2026-03-13", "hc-officer1", recipient="王五")
    return case


def _concurrently(case: int, times: int, amount: str, version: int | None) -> list[Any]:
    async def pay():
        return await perform(HENGCUN, case, "record_payment", {"amount": amount, "receipt": "银行缴款回执"},
                             actor="hc-officer1", on=d("2026-03-20"), expected_version=version)

    async def all_at_once():
        return await asyncio.gather(*(pay() for _ in range(times)), return_exceptions=True)

    return run(all_at_once())


def test_twenty_identical_payments_at_once_with_the_version_read_record_exactly_one(owed_7000):
    version = run(get_case(HENGCUN, owed_7000)).version
    results = _concurrently(owed_7000, 20, "7000", version)
    done = [r for r in results if not isinstance(r, BaseException)]
    conflicts = [r for r in results if isinstance(r, Conflict)]
    assert len(done) == 1 and len(conflicts) == 19, [type(r).__name__ + str(r) for r in results]
    assert {c.code for c in conflicts} == {"case.version_conflict"}
    assert [p.amount for p in run(case_file(HENGCUN, owed_7000)).execution.payments] == [Decimal("7000")]


def test_twenty_identical_payments_at_once_over_http_need_if_match_and_record_exactly_one(module_api: Api):
    """The finding: 20 at once without ``If-Match`` recorded 4. A part payment, so only the version can stop it."""
    api = module_api
    case = _served_case(api)

    def pay(headers: dict[str, str]):
        return api.post(f"{CASES}/{case}/actions/record_payment", "hc-officer1", params={"on": "2026-03-20"},
                        json={"amount": "1000.00", "receipt": "银行缴款回执"}, headers=headers)

    with ThreadPoolExecutor(max_workers=20) as pool:
        bare = list(pool.map(lambda _: pay({}), range(20)))
    assert [r.status_code for r in bare] == [428] * 20, [r.text for r in bare if r.status_code != 428]
    version = api.version(case, "hc-officer1")
    with ThreadPoolExecutor(max_workers=20) as pool:
        read = list(pool.map(lambda _: pay({"If-Match": version}), range(20)))
    assert sorted(r.status_code for r in read) == [200] + [409] * 19, [r.text for r in read if r.status_code >= 500]
    payments = api.get(f"{CASES}/{case}", "hc-officer1").json()["file"]["execution"]["payments"]
    assert [p["amount"] for p in payments] == ["1000.00"]


# -- the CLI -------------------------------------------------------------------------------------------------
def test_the_cli_answers_money_that_is_not_money_with_the_field_and_code_not_a_traceback(owed_7000):
    for amount in ('"NaN"', '"sNaN"', "-7000", '"1E+400"', '"0.001"', "NaN", "Infinity"):
        result = cli("case", "act", str(owed_7000), "record_payment", "--township", HENGCUN, "--actor", "hc-officer1",
                     "--on", "2026-03-20", "--data", '{"amount": %s}' % amount, ok=False)
        assert result.exit_code == 1, result.output
        assert "「amount」" in result.output and "（money." in result.output, result.output
        assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    over = cli("case", "act", str(owed_7000), "record_payment", "--township", HENGCUN, "--actor", "hc-officer1",
               "--on", "2026-03-20", "--data", json.dumps({"amount": "7000.01"}), ok=False)
    assert over.exit_code == 1 and "payment.exceeds_owed" in over.output, over.output
    assert run(case_file(HENGCUN, owed_7000)).execution.payments == []
