"""Every filter shape of the case list reads only the rows it answers with (issue 16, item 4).

200,000 cases in five townships, with rare statuses, fields and powers: for each filter shape the
engine's own plan of the list's statement (``case_search.list_statement``) must search by an index,
not walk the township. On PostgreSQL, EXPLAIN ANALYZE counts the rows the scan read and threw away;
before the indexes of migration 0013, a rare combination (decided + culture) walked the primary
key backwards through every row ("Rows Removed by Filter: 1,000,005" at a million cases).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from zhifa.core.db.database import current_engine
from zhifa.core.db.tables import Case, Township
from zhifa.core.db.transaction import write_transaction
from zhifa.core.schemas.cases import CaseFilter
from zhifa.core.services.case_search import list_statement

from .helpers import cli, run

TOWNSHIPS = ["330122100", "330122101", "330122102", "330122103", "330122104"]
PER_TOWNSHIP = 40_000

SHAPES = {  # the page is walked in its order, never sorted: a date range orders by its date (list_order)
    "none": CaseFilter(),
    "status common": CaseFilter(status=["closed"]),
    "status rare": CaseFilter(status=["decided"]),
    "field rare": CaseFilter(field="culture"),
    "status and field, rare": CaseFilter(status=["decided"], field="culture"),
    "status and field, none match": CaseFilter(status=["decided"], field="urban"),
    "power rare": CaseFilter(power="URBAN-CF-009"),
    "filed in a week": CaseFilter(filed_from=dt.date(2025, 6, 2), filed_to=dt.date(2025, 6, 8)),
    "found in a week": CaseFilter(found_from=dt.date(2025, 6, 2), found_to=dt.date(2025, 6, 8)),
    "overdue": CaseFilter(overdue=True),
}


async def _county() -> int:
    postgres = current_engine().engine_type == "postgres"
    ts, js, day = ("CAST({} AS TIMESTAMPTZ)", "CAST({} AS JSON)", "CAST({} AS DATE)") if postgres else ("{}",) * 3
    add_days = ("CAST({} AS DATE) + (i % 730)", "CAST({} AS TIMESTAMPTZ) + (i % 730) * INTERVAL '1 day'") if postgres \
        else ("date({}, '+' || (i % 730) || ' days')", "datetime({}, '+' || (i % 730) || ' days')")
    ids = [r["id"] for r in await Township.select(Township.id).order_by(Township.id)]
    async with write_transaction():
        for township in ids:
            await Case.raw(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {}) "
                "INSERT INTO enforcement_case (township, \"procedure\", status, field, power, source, summary, place, "
                "found_at, reporter, filed_on, decision_due, facts, version, created_at, updated_at) "
                "SELECT CAST({} AS INTEGER), 'general', "
                "CASE WHEN i % 1000 = 7 THEN 'decided' ELSE 'closed' END, "
                "CASE WHEN i % 50 = 7 THEN 'culture' ELSE 'urban' END, "
                "CASE WHEN i % 997 = 3 THEN 'URBAN-CF-009' ELSE 'URBAN-CF-001' END, 'patrol', 'history', '', "
                f"{add_days[1]}, {js}, {add_days[0]}, CASE WHEN i % 5000 = 1 THEN {day} END, {js}, 1, {ts}, {ts} FROM n",
                PER_TOWNSHIP, township, dt.datetime(2024, 12, 31, 16, tzinfo=dt.timezone.utc), "{}",
                dt.date(2025, 1, 1), dt.date(2025, 4, 1), "{}", dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc),
                dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc))
    if postgres:  # autovacuum keeps PostgreSQL's statistics; zhifa never runs ANALYZE on SQLite
        await Case.raw("ANALYZE")
    return ids[2]


def _plan_rows(sql: str, args: list, postgres: bool):
    if postgres:
        [row] = run(Case.raw("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, *args))
        plan = row["QUERY PLAN"]
        return json.loads(plan) if isinstance(plan, str) else plan
    return [r["detail"] for r in run(Case.raw("EXPLAIN QUERY PLAN " + sql, *args))]


def _nodes(node: dict):
    yield node
    for child in node.get("Plans", []):
        yield from _nodes(child)


def test_every_filter_shape_searches_by_an_index_and_reads_only_what_it_answers(database_url):
    for code in TOWNSHIPS:
        cli("township", "create", code, f"测试镇{code[-1]}")
    township_id = run(_county())
    postgres = current_engine().engine_type == "postgres"
    township = {"id": township_id, "code": TOWNSHIPS[2]}  # what the guard hands the service
    problems = {}
    for name, filters in SHAPES.items():
        sql, args = run(list_statement(township, filters, limit=50, on=dt.date(2026, 6, 1)))
        plan = _plan_rows(sql, args, postgres)
        if postgres:
            nodes = [n for n in _nodes(plan[0]["Plan"]) if n.get("Relation Name") == "enforcement_case"]
            removed = sum(n.get("Rows Removed by Filter", 0) for n in nodes)
            scans = {(n["Node Type"], n.get("Index Name")) for n in nodes}
            sorts = [n["Node Type"] for n in _nodes(plan[0]["Plan"]) if "Sort" in n["Node Type"]]
            if removed > 1_000 or (sorts and name != "overdue") or any(t == "Seq Scan" or i == "enforcement_case_pkey" for t, i in scans):
                problems[name] = (removed, scans, sorts)
        else:
            main = [d for d in plan if "enforcement_case" in d and "json_each" not in d]
            if not all("USING INDEX ix_case_township" in d or "USING COVERING INDEX ix_case_township" in d
                       or "USING INTEGER PRIMARY KEY (rowid=?)" in d for d in main):  # by id: a look-up
                problems[name] = main
            # Sorting what it read means the page is not walked in its order. The overdue page sorts the
            # late cases only (bounded by the work that is late, not by the county's size).
            if name != "overdue" and any("TEMP B-TREE" in d for d in plan):
                problems[name] = plan
    assert problems == {}
