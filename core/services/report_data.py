"""Read what the reports and the findings need for one township, in a few queries.

Everything comes from stored records — the case rows, their case files and the event log — and
never from the procedure's gates, so cases that entered the tables some other way (imported
history, direct writes) are read like any other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from zhifa.core import clock
from zhifa.core.db.tables import Case, Department, Event, Publication, Referral, Township
from zhifa.core.domain.authorisation import Grant, effective_grant
from zhifa.core.procedure import casefile
from zhifa.core.registry import get_host
from zhifa.core.reports.timeline import STEPS, CaseRecord
from zhifa.core.rules.facts import ProcedureSettings
from zhifa.core.services.authorisations import grants_of
from zhifa.core.services.errors import NotFound
from zhifa.core.services.scope import owned_by
from zhifa.core.services.township_settings import procedure_settings
from zhifa.core.services.townships import get_township_row

#: Told how far a long run has got: (what is being processed, done, total).
Progress = Callable[[str, int, int], None]


@dataclass
class TownshipCases:
    township: dict  # id, code, name, county_code, short_name, settings
    settings: ProcedureSettings
    records: list[CaseRecord]
    grants: list[Grant]
    departments: dict[int, dict] = field(default_factory=dict)  # id -> code, name


def _moment(value) -> dt.datetime:
    if isinstance(value, str):  # SQLite may hand back text
        value = dt.datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _step_date(event: dict) -> dt.date:
    on = (event["payload"] or {}).get("on") if isinstance(event["payload"], dict) else None
    if isinstance(on, str):
        try:
            return dt.date.fromisoformat(on)
        except ValueError:
            pass
    return clock.local_date(_moment(event["occurred_at"]))


def grant_on(grants: list[Grant], field_code: str, power: str | None, on: dt.date) -> Grant | None:
    """The grant a case rested on that day (as ``authorisations.grant_for``), or for a clue without a
    power, the latest grant in force for its field."""
    if power is not None:
        if not get_host().registry.power_in_force(power, on):
            return None
        return effective_grant(grants, field_code, power, on)
    in_force = [g for g in grants if g.kind == "grant" and g.field == field_code and g.in_force(on)]
    return max(in_force, key=lambda g: (g.valid_from, g.id)) if in_force else None


async def townships_of(county_code: str) -> list[str]:
    rows = await Township.select(Township.code).where(Township.county_code == county_code).order_by(Township.code)
    if not rows:
        raise NotFound("county.not_found", f"未找到行政区划代码为 {county_code} 的县的乡镇")
    return [r["code"] for r in rows]


async def load_township(code: str, progress: Progress | None = None) -> TownshipCases:
    township = await get_township_row(code)
    tid = township["id"]
    rows = await Case.select(
        Case.id, Case.number, Case.status, Case.procedure, Case.field, Case.power, Case.source, Case.found_at,
        Case.filed_on, Case.facts,
    ).where(owned_by(Case, tid)).order_by(Case.id).output(load_json=True)
    events = await Event.select(Event.case, Event.kind, Event.payload, Event.occurred_at).where(
        owned_by(Event, tid) & Event.kind.is_in(sorted(STEPS)) & Event.case.is_not_null()
    ).order_by(Event.seq).output(load_json=True)
    steps: dict[int, dict[str, list[dt.date]]] = {}
    for event in events:
        steps.setdefault(event["case"], {}).setdefault(event["kind"], []).append(_step_date(event))
    grants = await grants_of(tid)
    departments = {r["id"]: r for r in await Department.select(Department.id, Department.code, Department.name).where(
        Department.county_code == township["county_code"])}
    records = []
    for done, row in enumerate(rows, start=1):
        found_on = clock.local_date(_moment(row["found_at"]))
        file = casefile.load(row["facts"])
        # decide_on_spot marks the case file simple; the row's column keeps its default, so read both
        procedure = "simple" if "simple" in (row["procedure"], file.procedure) else row["procedure"]
        record = CaseRecord(
            id=row["id"], number=row["number"], status=row["status"], procedure=procedure, field=row["field"],
            power=row["power"], source=row["source"], found_on=found_on, filed_on=row["filed_on"], file=file,
            steps=steps.get(row["id"], {}),
        )
        grant = grant_on(grants, record.field, record.power, record.filed_on or found_on)
        if grant is not None:
            record.basis = grant.basis.value if grant.basis else "conferred"
            record.department = grant.department if record.basis == "entrusted" else None
        records.append(record)
        if progress is not None:
            progress(f"{township['name']} 读取案件", done, len(rows))
    return TownshipCases(township=township, settings=procedure_settings(township["settings"]), records=records,
                         grants=grants, departments=departments)


async def publications_of(township_id: int) -> list[dict]:
    return await Publication.select(
        Publication.case, Publication.due_on, Publication.published_on, Publication.cancelled_on, Publication.status,
    ).where(owned_by(Publication, township_id))


async def referrals_of(township_id: int) -> list[dict]:
    rows = await Referral.select(
        Referral.status, Referral.sent_at, Referral.accepted_at, Referral.answered_at, Referral.answer_due_on,
    ).where(owned_by(Referral, township_id))
    for row in rows:
        for key in ("sent_at", "accepted_at", "answered_at"):
            if row[key] is not None:
                row[key] = _moment(row[key])
    return rows
