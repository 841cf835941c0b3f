"""The case list's overdue filter holds at a county's scale: more overdue cases than an engine binds variables."""

from __future__ import annotations

import datetime as dt

from zhifa.core.db.database import current_engine
from zhifa.core.db.tables import Case, Township
from zhifa.core.db.transaction import write_transaction
from zhifa.core.schemas.cases import CaseFilter
from zhifa.core.services.case_search import search_cases

from .helpers import cli, run

TOWNSHIP = "330122100"
MANY = 33_000  # SQLite and PostgreSQL bind at most 32,766 / 32,767 variables in one statement


async def _filed_long_ago(n: int) -> None:
    """``n`` cases filed on 2025-01-03 and never decided, in one statement (a county's imported history)."""
    township = (await Township.select(Township.id).where(Township.code == TOWNSHIP).first())["id"]
    found = dt.datetime(2025, 1, 2, 1, 0, tzinfo=dt.timezone.utc)
    postgres = current_engine().engine_type == "postgres"
    ts, js, day = ("CAST({} AS TIMESTAMPTZ)", "CAST({} AS JSON)", "CAST({} AS DATE)") if postgres else ("{}",) * 3
    async with write_transaction():
        await Case.raw(  # the same rows a per-case insert would write; one statement, so the test stays fast
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {}) "
            "INSERT INTO enforcement_case (township, \"procedure\", status, field, source, summary, place, found_at, "
            "reporter, filed_on, facts, version, created_at, updated_at) "
            "SELECT CAST({} AS INTEGER), 'general', 'investigating', 'urban', 'patrol', 'history', '', "
            f"{ts}, {js}, {day}, {js}, 1, {ts}, {ts} FROM n",
            n, township, found, "{}", dt.date(2025, 1, 3), "{}", found, found)


def test_the_overdue_filter_answers_for_more_overdue_cases_than_an_engine_binds(database_url):
    cli("township", "create", TOWNSHIP, "横村镇")
    run(_filed_long_ago(MANY))
    page = run(search_cases(TOWNSHIP, CaseFilter(overdue=True), limit=10, on=dt.date(2026, 6, 1)))
    assert len(page.items) == 10 and page.next_cursor is not None
    on_time = run(search_cases(TOWNSHIP, CaseFilter(overdue=False), limit=10, on=dt.date(2026, 6, 1)))
    assert on_time.items == []
    assert run(search_cases(TOWNSHIP, CaseFilter(overdue=True), limit=10, on=dt.date(2025, 2, 1))).items == []
