"""Concurrent writes in one township never deadlock, on SQLite and PostgreSQL.

Every write that appends to a township's event chain takes the township's lock first
(core/db/transaction.py): clue registrations, evidence uploads, filings, decisions and payments
running at the same time in one township each succeed or get a clean 409/422, and the chain
is one unbroken line afterwards. Before the lock came first, 28 of 30 concurrent clue
registrations and 9 of 10 concurrent uploads on PostgreSQL were answered 500 (deadlock detected).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from piccolo.engine.postgres import PostgresEngine
from zhifa.core.db.database import current_engine
from zhifa.core.rules.refusal import Refused
from zhifa.core.schemas.cases import ClueCreate, EvidenceRead
from zhifa.core.services import audit, cases, evidence
from zhifa.core.services.demo import load_demo
from zhifa.core.services.errors import Conflict
from zhifa.core.services.procedure import perform

from .api_support import HENGCUN, Api
from .helpers import run
from .procedure_helpers import CST, OFFICERS, act, clue, d, party_id

CLUES, UPLOADS = 30, 10
CASES = f"/townships/{HENGCUN}/cases"
FUMES, LITTER = "ECO-CF-003", "URBAN-CF-013"
SHOP, ZHANG = "桐庐县横村镇好味道餐饮店", "张三"


@pytest.fixture
def no_late_locks(caplog):
    """Fails the test if any write appended an event without having taken the township's lock first."""
    caplog.set_level(logging.WARNING, logger="zhifa.core.services.events")
    caplog.set_level(logging.WARNING, logger="zhifa.core.db.transaction")
    yield
    late = [r.getMessage() for r in caplog.records if "乡镇锁" in r.getMessage()]
    assert not late, late


def _in_threads(count: int, call) -> list:
    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(call, range(count)))


def _chain(api: Api) -> audit.ChainReport:
    """The township's chain, verified inside the running app (its connections, its loop)."""
    [report] = api.client.blocking_portal.call(audit.verify, HENGCUN)
    return report


def _upload(api: Api, case: int, content: bytes, title: str = "执法记录仪视频"):
    return api.post(f"{CASES}/{case}/evidence", "hc-officer1", content=content, headers={"Content-Type": "video/mp4"},
                    params={"kind": "audiovisual", "title": title, "captured_at": "2026-11-02T10:00:00+08:00"})


# -- through the API, from many threads at once ------------------------------------------------------

def test_thirty_concurrent_clue_registrations_in_one_township_all_succeed(api: Api, no_late_locks):
    before = _chain(api).events

    def register(i: int):
        return api.post(CASES, "hc-officer1", json={
            "field": "urban", "power": "URBAN-CF-004", "source": "patrol", "summary": f"巡查发现第 {i} 处违法行为",
            "found_at": "2026-11-02T09:30:00+08:00"})

    answers = _in_threads(CLUES, register)
    assert Counter(a.status_code for a in answers) == {201: CLUES}, [a.text for a in answers if a.status_code != 201]
    assert len({a.json()["id"] for a in answers}) == CLUES
    chain = _chain(api)
    assert chain.intact and chain.events == before + CLUES


def test_ten_concurrent_evidence_uploads_to_one_case_all_succeed(api: Api, no_late_locks):
    case = api.clue("urban", None, "2026-11-02")
    before = _chain(api).events
    answers = _in_threads(UPLOADS, lambda i: _upload(api, case, f"第 {i} 段视频".encode() * 5000, f"视频 {i}"))
    assert Counter(a.status_code for a in answers) == {201: UPLOADS}, [a.text for a in answers if a.status_code != 201]
    listed = api.get(f"{CASES}/{case}/evidence", "hc-officer1").json()
    assert sorted(e["id"] for e in listed) == sorted(a.json()["id"] for a in answers)
    chain = _chain(api)
    assert chain.intact and chain.events == before + UPLOADS


def test_ten_concurrent_uploads_of_the_same_bytes_give_one_record(api: Api, no_late_locks):
    """The first upload creates the record (201); the others are answered that same record (200)."""
    case = api.clue("urban", None, "2026-11-02")
    content = b"the same video" * 10000
    before = _chain(api).events
    answers = _in_threads(UPLOADS, lambda i: _upload(api, case, content))
    assert Counter(a.status_code for a in answers) == {201: 1, 200: UPLOADS - 1}, [a.text for a in answers]
    assert len({a.json()["id"] for a in answers}) == 1
    assert answers[0].json()["content_sha256"] == hashlib.sha256(content).hexdigest()
    assert len(api.get(f"{CASES}/{case}/evidence", "hc-officer1").json()) == 1
    chain = _chain(api)
    assert chain.intact and chain.events == before + 1


# -- through the services, many coroutines at once ---------------------------------------------------

@pytest.fixture
def county(database_url):
    run(load_demo())


async def _gather(calls: list) -> list:
    """Run the calls at once, as a server would: PostgreSQL through a pool of 10 connections."""
    db = current_engine()
    pooled = isinstance(db, PostgresEngine)
    if pooled:
        await db.start_connection_pool(min_size=2, max_size=10)
    try:
        return await asyncio.gather(*(call() for call in calls), return_exceptions=True)
    finally:
        if pooled:
            await db.close_connection_pool()


def _outcome(result: Any) -> str:
    if isinstance(result, Conflict):
        return "409"
    if isinstance(result, Refused):
        return "422"
    if isinstance(result, BaseException):
        return f"{type(result).__name__}: {result}"
    return "ok"


def _on_spot_data(party: str = ZHANG) -> dict:
    return dict(field="urban", power=LITTER, officers=OFFICERS, party_id=party_id(party), summary="随意倾倒生活垃圾",
                place="横村大街", act_date="2026-03-02", amount="200.00")


def _awaiting_decision() -> int:
    case = clue("ecology", FUMES, "2026-03-02")
    act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id(SHOP), act_date="2026-03-01")
    act(case, "conclude_investigation", "2026-03-10", "hc-officer1", facts={}, amount="20000.00")
    act(case, "serve_notice", "2026-03-11", "hc-officer1")
    act(case, "waive_rights", "2026-03-11", "hc-officer1")
    return case


def _action(case: int, action: str, on: str, actor: str, **data: Any):
    return lambda: perform(HENGCUN, case, action, data, actor=actor, on=d(on))


def test_concurrent_decisions_payments_and_filings_on_different_cases_all_succeed(county, no_late_locks):
    to_decide = [_awaiting_decision() for _ in range(8)]
    on_spot = [clue("urban", LITTER, "2026-03-02") for _ in range(8)]
    to_pay = [clue("urban", LITTER, "2026-03-02") for _ in range(8)]
    for case in to_pay:
        act(case, "decide_on_spot", "2026-03-02", "hc-officer1", **_on_spot_data())
    to_file = [clue("urban", "URBAN-CF-004", "2026-03-02") for _ in range(6)]
    calls = ([_action(c, "decide", "2026-03-12", "hc-head", amount="20000.00") for c in to_decide]
             + [_action(c, "decide_on_spot", "2026-03-02", "hc-officer1", **_on_spot_data()) for c in on_spot]
             + [_action(c, "record_payment", "2026-03-05", "hc-officer1", amount="200.00", receipt="银行缴款回执")
                for c in to_pay]
             + [_action(c, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id(ZHANG),
                        act_date="2026-03-01") for c in to_file])
    assert len(calls) >= 20
    results = run(_gather(calls))
    assert Counter(map(_outcome, results)) == {"ok": len(calls)}
    numbers = sorted(r.number for r in results[-len(to_file):])
    assert len(set(numbers)) == len(to_file)
    [chain] = run(audit.verify(HENGCUN))
    assert chain.intact


def test_concurrent_actions_on_one_case_give_one_success_and_clean_refusals(county, no_late_locks):
    pairs = [clue("urban", LITTER, "2026-03-02") for _ in range(10)]
    [before] = run(audit.verify(HENGCUN))
    calls = [_action(c, "decide_on_spot", "2026-03-02", "hc-officer1", **_on_spot_data()) for c in pairs for _ in "ab"]
    results = run(_gather(calls))
    for first, second in zip(results[::2], results[1::2]):
        assert sorted([_outcome(first), _outcome(second)]) in (["409", "ok"], ["422", "ok"]), (first, second)
    [after] = run(audit.verify(HENGCUN))
    assert after.intact and after.events == before.events + len(pairs)


def test_clues_uploads_and_actions_at_once_in_one_township_all_succeed(county, no_late_locks):
    """The write kinds take their row locks in different orders; the township's lock comes first in each."""
    evidence_case = clue("urban", None, "2026-03-02")
    to_decide = [clue("urban", LITTER, "2026-03-02") for _ in range(10)]
    found_at = dt.datetime(2026, 3, 2, 9, 30, tzinfo=CST)
    calls = (
        [lambda i=i: cases.register_clue(HENGCUN, ClueCreate(
            field="urban", power="URBAN-CF-004", source="patrol", summary=f"线索 {i}", found_at=found_at),
            actor="hc-officer1") for i in range(10)]
        + [lambda i=i: evidence.register_evidence(
            HENGCUN, evidence_case, kind="physical", title=f"照片 {i}", content=f"照片 {i}".encode() * 100,
            captured_at=found_at, collector="hc-officer1") for i in range(10)]
        + [_action(c, "decide_on_spot", "2026-03-02", "hc-officer1", **_on_spot_data()) for c in to_decide]
    )
    results = run(_gather(calls))
    assert Counter(map(_outcome, results)) == {"ok": len(calls)}
    assert all(isinstance(r, EvidenceRead) for r in results[10:20])
    [chain] = run(audit.verify(HENGCUN))
    assert chain.intact
