"""The case list: one statement over the township's cases, every filter a bound parameter."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
from zhifa.core.db import dialect
from zhifa.core.db.queries.cases import CASE_COLUMNS
from zhifa.core.db.tables import Case
from zhifa.core.schemas.cases import CaseFilter


def case_list(township_id: int, filters: CaseFilter, *, found_from: dt.datetime | None,
              found_before: dt.datetime | None, officer: str | None, overdue: tuple[dt.date, list[int]] | None,
              order: str | None, after: tuple[Any, int] | None, limit: int) -> tuple[str, list]:
    """The list's SQL statement and its parameters, newest first, one row more than the page (to know if there is
    more). ``filters`` gives the status, field, power and filing range; the found range is given as instants;
    ``officer`` a username of this township; ``overdue`` the day asked and the late cases whose clock is open
    (with ``filters.overdue``); ``after`` the cursor's ordering value and id, ``order`` the date ordering or None.
    """
    # Raw SQL with bound parameters: the list is the busiest read, and building a Piccolo query
    # costs more than running it. Every value below is a parameter, never pasted into the SQL.
    clauses, args = ["township = {}"], [township_id]

    def where(sql: str, *values) -> None:
        clauses.append(sql)
        args.extend(values)

    if filters.status:
        where(f"status IN ({', '.join('{}' for _ in filters.status)})", *filters.status)
    if filters.field:
        where("field = {}", filters.field)
    if filters.power:
        where("power = {}", filters.power)
    if found_from is not None:
        where("found_at >= {}", found_from)
    if found_before is not None:
        where("found_at < {}", found_before)
    if filters.filed_from:
        where("filed_on >= {}", filters.filed_from)
    if filters.filed_to:
        where("filed_on <= {}", filters.filed_to)
    if officer:
        where('id IN (SELECT co."case" FROM case_officer co JOIN app_user u ON u.id = co."user" '
              "WHERE co.township = {} AND u.username = {})", township_id, officer)
    if filters.overdue is not None and overdue is not None:
        day, open_late = overdue
        # the fixed clocks by the indexed column; the few open ones (中止 …) as one JSON parameter
        late = msgspec.json.encode(open_late).decode()
        if filters.overdue:  # one indexable condition unless some open clock is late too
            if late == "[]":
                where("decision_due < {}", day)
            else:
                where(f"(decision_due < {{}} OR id IN ({dialect.ints_of_json_param()}))", day, late)
        else:
            where("(decision_due IS NULL OR decision_due >= {})", day)
            if late != "[]":
                where(f"id NOT IN ({dialect.ints_of_json_param()})", late)
    if after is not None:
        value, case_id = after
        if order is None:
            where("id < {}", case_id)
        else:  # a row value: both engines walk (township, <date>, id) from there
            where(f"({order}, id) < ({{}}, {{}})", value, case_id)
    by = "id DESC" if order is None else f"{order} DESC, id DESC"
    sql = f"SELECT {CASE_COLUMNS} FROM enforcement_case WHERE {' AND '.join(clauses)} ORDER BY {by} LIMIT {{}}"
    return sql, [*args, limit + 1]


async def listed_cases(statement: tuple[str, list]) -> list[dict]:
    """The rows of a ``case_list`` statement."""
    sql, args = statement
    return await Case.raw(sql, *args)
