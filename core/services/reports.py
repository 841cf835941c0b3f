"""Oversight statistics and the quarterly case report (案件报告) of a township.

The report groups cases by the authority they rest on: each entrusting department (委托, the
township reports to it every quarter), the township's own conferred powers (赋权), and cases
resting on no grant (which also appear among the findings). Which date counts for which figure:
zhifa.core.reports.figures and docs/reports.md.
"""

from __future__ import annotations

import datetime as dt

from zhifa.core import clock
from zhifa.core.registry import get_host
from zhifa.core.reports import figures as fig
from zhifa.core.reports.quarters import InvalidQuarter, parse_quarter
from zhifa.core.reports.timeline import CaseRecord
from zhifa.core.schemas.reports import AuthoritySection, CaseLine, Quarter, QuarterlyReport, TownshipStatistics
from zhifa.core.services.errors import Invalid, NotFound
from zhifa.core.services.findings import township_findings
from zhifa.core.services.report_data import (
    Progress,
    TownshipCases,
    load_township,
    publications_of,
    referrals_of,
    townships_of,
)

BASIS_ORDER = {"entrusted": 0, "conferred": 1, "unauthorised": 2}


def quarter_from(text: str) -> Quarter:
    try:
        return parse_quarter(text)
    except InvalidQuarter as exc:
        raise Invalid("report.quarter", str(exc)) from exc


def _relevant(record: CaseRecord, q: Quarter) -> bool:
    """Whether the case belongs in the quarter's case list: something happened in it, or it was open at its end."""
    return (q.contains(record.filed_on) or q.contains(record.decided_on) or q.contains(record.file.closed_on)
            or record.paid_between(q.start, q.end) > 0 or record.open_on(q.end)
            or any(q.contains(on) for _, on in record.outcomes()))


def _line(record: CaseRecord, q: Quarter) -> CaseLine:
    power = get_host().registry.powers.get(record.power) if record.power else None
    decision = record.file.decision
    return CaseLine(
        id=record.id, number=record.number, field=record.field, power=record.power, power_name=power.name if power else "",
        procedure=record.procedure, status=record.status, filed_on=record.filed_on, decided_on=record.decided_on,
        decision_kind=decision.kind if decision else None, amount=record.fine, collected=record.paid_between(q.start, q.end),
        closed_on=record.file.closed_on,
    )


def _in_force_during(grant, q: Quarter) -> bool:
    ends = [d for d in (grant.valid_to, grant.revoked_on - dt.timedelta(days=1) if grant.revoked_on else None) if d]
    return grant.valid_from <= q.end and (not ends or min(ends) >= q.start)


def sections(data: TownshipCases, q: Quarter, department: str | None = None) -> list[AuthoritySection]:
    groups: dict[tuple[str, int | None], list[CaseRecord]] = {}
    for grant in data.grants:  # every department entrusting powers during the quarter is reported on, cases or not
        if grant.kind == "grant" and grant.department is not None and grant.basis is not None \
                and grant.basis.value == "entrusted" and _in_force_during(grant, q):
            groups.setdefault(("entrusted", grant.department), [])
    for record in data.records:
        groups.setdefault((record.basis, record.department), []).append(record)
    result = []
    for (basis, dept_id), records in groups.items():
        dept = data.departments.get(dept_id) if dept_id is not None else None
        if department is not None and (dept is None or dept["code"] != department):
            continue
        name = dept["name"] if dept else {"conferred": data.township["name"], "unauthorised": "未获授权"}.get(basis, basis)
        result.append(AuthoritySection(
            basis=basis, department=dept["code"] if dept else None, name=name, figures=fig.figures(records, q),
            cases=[_line(r, q) for r in records if _relevant(r, q)],
        ))
    return sorted(result, key=lambda s: (BASIS_ORDER.get(s.basis, 9), s.department or ""))


async def quarterly_report(township_code: str, quarter: Quarter | str, *, as_of: dt.date | None = None,
                           department: str | None = None, progress: Progress | None = None) -> QuarterlyReport:
    """The township's report for a quarter; ``department`` keeps only that entrusting department's section.

    Overdue figures are as on ``as_of``: by default the quarter's last day, or today while it runs.
    """
    q = quarter_from(quarter) if isinstance(quarter, str) else quarter
    as_of = as_of or min(q.end, clock.today())
    data = await load_township(township_code, progress)
    if department is not None and department not in {d["code"] for d in data.departments.values()}:
        raise NotFound("department.not_found", f"本县未找到代码为 {department} 的部门")
    tid = data.township["id"]
    return QuarterlyReport(
        township=data.township["code"], township_name=data.township["name"], county_code=data.township["county_code"],
        quarter=q, as_of=as_of, figures=fig.figures(data.records, q), breakdown=fig.breakdown(data.records, q),
        overdue=fig.overdue(data.records, await publications_of(tid), q, as_of),
        referrals=fig.referral_figures(await referrals_of(tid), q),
        sections=sections(data, q, department),
        findings=await township_findings(data, quarter=q, progress=progress),
    )


async def statistics(quarter: Quarter | str, *, township_code: str | None = None, county_code: str | None = None,
                     progress: Progress | None = None) -> list[TownshipStatistics]:
    """Figures by township (one, or every township of a county) for a quarter."""
    q = quarter_from(quarter) if isinstance(quarter, str) else quarter
    result = []
    for code in [township_code] if township_code else await townships_of(county_code or ""):
        data = await load_township(code, progress)
        result.append(TownshipStatistics(
            township=code, township_name=data.township["name"], figures=fig.figures(data.records, q),
            breakdown=fig.breakdown(data.records, q),
            findings=len(await township_findings(data, quarter=q, progress=progress)),
        ))
    return result
