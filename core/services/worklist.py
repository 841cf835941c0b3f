"""What a township's team has to do next: its open cases, nearest deadline first (the web app's 我的工作).

The deadlines are the case detail's own (``zhifa.core.rules.case_deadlines``), computed from the
same case file and township settings, so the list and the case page never disagree on a date.
"""

from __future__ import annotations

import datetime as dt

import msgspec
from zhifa.core import clock
from zhifa.core.db.tables import Case
from zhifa.core.procedure import casefile
from zhifa.core.procedure.states import FINAL, Status
from zhifa.core.rules.case_deadlines import case_deadlines
from zhifa.core.schemas.cases import CaseRead, DeadlineRead
from zhifa.core.services.cases import read_case
from zhifa.core.services.scope import owned_by
from zhifa.core.services.township_settings import procedure_settings
from zhifa.core.services.townships import get_township_row

#: States in which nothing is left to do but read.
DONE = frozenset(FINAL | {Status.closed, Status.filed_with_authority})
LIMIT = 500


class WorkItem(msgspec.Struct, kw_only=True):
    case: CaseRead
    officers: list[str]
    deadlines: list[DeadlineRead]  # running periods, nearest first
    nearest: DeadlineRead | None
    file: dict  # the case file as the case detail gives it


async def open_work(township_code: str, *, on: dt.date | None = None, officer: str | None = None,
                    limit: int = LIMIT) -> list[WorkItem]:
    """The township's open cases (newest ``limit``), sorted by their nearest running deadline; those
    without one last. ``officer``: only the cases that officer is assigned to (承办)."""
    on = on or clock.today()
    township = await get_township_row(township_code)
    periods = dict(procedure_settings(township["settings"]).periods)
    done = [s.value for s in DONE]
    rows = await Case.select().where(owned_by(Case, township["id"]) & Case.status.not_in(done)).order_by(
        Case.id, ascending=False).limit(limit).output(load_json=True)
    items = []
    for row in rows:
        file = casefile.load(row["facts"])
        if officer is not None and officer not in file.officers:
            continue
        running = sorted(case_deadlines(row["status"], file, found_on=clock.local_date(row["found_at"]),
                                        filed_on=row["filed_on"], periods=periods, on=on), key=lambda d: d.due)
        items.append(WorkItem(case=read_case(row, township_code), officers=list(file.officers), deadlines=running,
                              nearest=running[0] if running else None, file=casefile.dump(file)))
    items.sort(key=lambda item: (item.nearest is None, item.nearest.due if item.nearest else dt.date.max, -item.case.id))
    return items
