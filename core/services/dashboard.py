"""The county supervisors' dashboard: each township's quarter, and the county's totals.

The figures are the quarterly report's own (``zhifa.core.services.reports.quarterly_report``, one
per township of the county), so the dashboard, the statistics route and the Word report never
disagree. Nothing here is computed that the report does not compute.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

import msgspec
from zhifa.core import clock
from zhifa.core.schemas.reports import Figures, Finding, Overdue, Quarter, ReferralFigures
from zhifa.core.services.report_data import townships_of
from zhifa.core.services.reports import quarter_from, quarterly_report

ZERO = Decimal("0.00")


class TownshipPanel(msgspec.Struct, kw_only=True):
    code: str
    name: str
    figures: Figures
    overdue: Overdue
    referrals: ReferralFigures
    findings: int


class CountyDashboard(msgspec.Struct, kw_only=True):
    county_code: str
    quarter: Quarter
    as_of: dt.date
    townships: list[TownshipPanel]
    by_field: dict[str, int]  # cases filed in the quarter, the county's townships together
    by_month: dict[str, int]
    fines_decided: Decimal
    fines_collected: Decimal
    findings: list[Finding]  # newest first


def current_quarter(on: dt.date) -> str:
    return f"{on.year}Q{(on.month - 1) // 3 + 1}"


async def county_dashboard(county_code: str, quarter: str | None = None) -> CountyDashboard:
    """Every township of the county for ``quarter`` (``2026Q1``; default: the quarter of today)."""
    today = clock.today()
    q = quarter_from(quarter or current_quarter(today))
    panels, fields, months, findings = [], Counter(), Counter(), []
    for code in await townships_of(county_code):
        report = await quarterly_report(code, q)
        panels.append(TownshipPanel(code=code, name=report.township_name, figures=report.figures,
                                    overdue=msgspec.structs.replace(report.overdue, items=[]),
                                    referrals=report.referrals, findings=len(report.findings)))
        fields.update(report.breakdown.by_field)
        months.update(report.breakdown.by_month)
        findings += report.findings
    findings.sort(key=lambda f: (f.on, f.township, f.case_id), reverse=True)
    return CountyDashboard(
        county_code=county_code, quarter=q, as_of=min(q.end, today), townships=panels,
        by_field=dict(fields.most_common()), by_month=dict(sorted(months.items())),
        fines_decided=sum((p.figures.fines_decided for p in panels), start=ZERO),
        fines_collected=sum((p.figures.fines_collected for p in panels), start=ZERO),
        findings=findings,
    )
