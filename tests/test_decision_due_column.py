"""The 90-day clock's last day on the case row (issue 16, item 3): kept by every action, indexed, listed by SQL.

Before, the overdue list read every open case's file and computed its clock in Python on each request.
"""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from zhifa.core.db.database import current_engine
from zhifa.core.db.tables import Case, Township
from zhifa.core.db.transaction import write_transaction
from zhifa.core.schemas.cases import CaseFilter
from zhifa.core.services.case_search import search_cases
from zhifa.core.services.demo import load_demo
from zhifa.core.services.overdue import overdue_cases

from .helpers import run
from .procedure_helpers import HENGCUN, OFFICERS, act, clue, party_id

D = dt.date


def _due(case: int):
    value = run(Case.select(Case.decision_due).where(Case.id == case).first())["decision_due"]
    return D.fromisoformat(value) if isinstance(value, str) else value


@pytest.fixture
def filed(database_url) -> int:
    run(load_demo())
    case = clue("urban", "URBAN-CF-004", "2026-01-02")
    act(case, "file_case", "2026-01-05", "hc-captain", officers=OFFICERS, party_id=party_id("张三"))
    return case


def test_the_row_carries_the_clocks_last_day_while_it_runs_and_none_while_it_is_stopped(filed):
    assert _due(filed) == D(2026, 4, 5)  # filed 2026-01-05: 90 days
    act(filed, "suspend", "2026-02-02", "hc-head", reason="等待鉴定结论")
    assert _due(filed) is None  # 中止: the last day moves with every day of the suspension
    act(filed, "resume", "2026-02-11", "hc-head")
    assert _due(filed) == D(2026, 4, 15)  # 10 suspended days added


def test_the_overdue_list_holds_fixed_clocks_and_open_ones_alike(filed):
    suspended = clue("urban", "URBAN-CF-004", "2026-01-02")
    act(suspended, "file_case", "2026-01-05", "hc-captain", officers=OFFICERS, party_id=party_id("张三"))
    act(suspended, "suspend", "2026-03-01", "hc-head", reason="当事人下落不明")  # 54 days counted, then stopped
    recent = clue("urban", "URBAN-CF-004", "2026-03-02")
    act(recent, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id("张三"))
    listed = run(overdue_cases(HENGCUN, D(2026, 4, 6)))
    assert [(c.id, c.due) for c in listed] == [(filed, D(2026, 4, 5))]  # the suspended clock does not run
    page = run(search_cases(HENGCUN, CaseFilter(overdue=True), on=D(2026, 4, 6)))
    assert [c.id for c in page.items] == [filed]
    on_time = run(search_cases(HENGCUN, CaseFilter(overdue=False, status=["investigating", "suspended"]),
                               on=D(2026, 4, 6)))
    assert sorted(c.id for c in on_time.items) == sorted([suspended, recent])


def test_a_hundred_thousand_overdue_cases_page_by_the_indexed_column(database_url):
    run(load_demo())
    township = run(Township.select(Township.id).where(Township.code == HENGCUN).first())["id"]
    found = dt.datetime(2025, 1, 2, 1, 0, tzinfo=dt.timezone.utc)
    postgres = current_engine().engine_type == "postgres"
    ts, js, day = ("CAST({} AS TIMESTAMPTZ)", "CAST({} AS JSON)", "CAST({} AS DATE)") if postgres else ("{}",) * 3

    async def history() -> None:
        async with write_transaction():
            await Case.raw(  # what an import writes for cases filed 2025-01-03 and never decided
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {}) "
                "INSERT INTO enforcement_case (township, \"procedure\", status, field, source, summary, place, found_at, "
                "reporter, filed_on, decision_due, facts, version, created_at, updated_at) "
                "SELECT CAST({} AS INTEGER), 'general', 'investigating', 'urban', 'patrol', 'history', '', "
                f"{ts}, {js}, {day}, {day}, {js}, 1, {ts}, {ts} FROM n",
                100_000, township, found, "{}", D(2025, 1, 3), D(2025, 4, 3), "{}", found, found)

    run(history())
    page = run(search_cases(HENGCUN, CaseFilter(overdue=True), limit=50, on=D(2026, 6, 1)))
    assert len(page.items) == 50 and page.next_cursor is not None
    later = run(search_cases(HENGCUN, CaseFilter(overdue=True), limit=50, on=D(2026, 6, 1), cursor=page.next_cursor))
    assert later.items[0].id < page.items[-1].id
    assert len(run(overdue_cases(HENGCUN, D(2026, 6, 1)))) == 100_000
    assert run(overdue_cases(HENGCUN, D(2025, 4, 3))) == []


def test_the_migration_fills_the_column_for_the_cases_there_are(filed):
    run(Case.update({Case.decision_due: None}).where(Case.id == filed))
    migration = importlib.import_module("zhifa.core.db.piccolo_migrations.zhifa_core_0012_decision_due")
    run(migration.fill())
    assert _due(filed) == D(2026, 4, 5)
