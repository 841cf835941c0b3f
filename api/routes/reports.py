"""执法监督与报表 over HTTP: statistics, supervisors' findings and the quarterly 案件报告 (JSON and Word).

The same services as ``zhifa report statistics|findings|quarterly`` (zhifa.core.services.reports,
findings). Township routes are scoped by the guard (another county's township answers 404 like a
missing one); ``/county/statistics`` and ``/county/findings`` cover every township of the caller's county.
"""

from __future__ import annotations

import datetime as dt

from litestar import Request, Response, get
from litestar.params import Parameter
from zhifa.api.access import R, roles
from zhifa.api.params import township
from zhifa.core import clock
from zhifa.core.reports.quarters import parse_quarter
from zhifa.core.schemas.auth import Principal
from zhifa.core.services import findings as findings_service
from zhifa.core.schemas.reports import Finding, QuarterlyReport, TownshipStatistics
from zhifa.core.services import reports

Req = Request[Principal, str, object]
TAGS = ["执法监督与报表"]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
QUARTER = r"^(19|20)\d{2}-?[Qq][1-4]$"
COUNTY = frozenset({R.supervisor, R.platform_admin})
REPORT_READERS = frozenset({R.supervisor, R.platform_admin, R.township_head, R.approver, R.township_admin})


def _quarter_param(required: bool = True):
    extra = {} if required else {"default": None}
    return Parameter(pattern=QUARTER, description="季度，如 2026Q3", **extra)


def _county(request: Req) -> str:
    return request.user.county_code


@get("/townships/{code:str}/statistics", opt=roles(REPORT_READERS), tags=TAGS, summary="乡镇季度统计")
async def township_statistics(code: str = township(), quarter: str = _quarter_param()) -> list[TownshipStatistics]:
    return await reports.statistics(parse_quarter(quarter), township_code=code)


@get("/county/statistics", opt=roles(COUNTY), tags=TAGS, summary="全县分乡镇季度统计（县级监督）")
async def county_statistics(request: Req, quarter: str = _quarter_param()) -> list[TownshipStatistics]:
    return await reports.statistics(parse_quarter(quarter), county_code=_county(request))


@get("/townships/{code:str}/findings", opt=roles(REPORT_READERS), tags=TAGS, summary="乡镇执法监督发现的问题")
async def township_findings(code: str = township(), quarter: str | None = _quarter_param(required=False)) -> list[Finding]:
    return await findings_service.findings(township_code=code, quarter=parse_quarter(quarter) if quarter else None)


@get("/county/findings", opt=roles(COUNTY), tags=TAGS, summary="全县执法监督发现的问题（县级监督）")
async def county_findings(request: Req, quarter: str | None = _quarter_param(required=False)) -> list[Finding]:
    return await findings_service.findings(county_code=_county(request), quarter=parse_quarter(quarter) if quarter else None)


async def _report(code: str, quarter: str, department: str | None, as_of: dt.date | None):
    from zhifa.api.limits import calendar_day

    day = calendar_day(as_of, field="as_of") if as_of is not None else None
    return await reports.quarterly_report(code, parse_quarter(quarter), as_of=day, department=department)


@get("/townships/{code:str}/reports/quarterly", opt=roles(REPORT_READERS), tags=TAGS, summary="季度案件报告（数据）")
async def quarterly_json(code: str = township(), quarter: str = _quarter_param(),
                         department: str | None = Parameter(default=None, max_length=64, description="只报该委托部门（部门代码）"),
                         as_of: dt.date | None = Parameter(default=None, description="逾期情况统计至该日")) -> QuarterlyReport:
    return await _report(code, quarter, department, as_of)


@get("/townships/{code:str}/reports/quarterly/docx", opt=roles(REPORT_READERS), tags=TAGS, media_type=DOCX,
     summary="季度案件报告（Word 文件下载）")
async def quarterly_docx(code: str = township(), quarter: str = _quarter_param(),
                         department: str | None = Parameter(default=None, max_length=64, description="只报该委托部门（部门代码）"),
                         as_of: dt.date | None = Parameter(default=None, description="逾期情况统计至该日")) -> Response[bytes]:
    from zhifa.core.reports.quarterly_docx import render

    report = await _report(code, quarter, department, as_of)
    label = parse_quarter(quarter).label
    return Response(render(report, generated_on=clock.today()), media_type=DOCX, headers={
        "Content-Disposition": f'attachment; filename="report-{code}-{label}.docx"'})


ROUTES = [township_statistics, county_statistics, township_findings, county_findings, quarterly_json, quarterly_docx]
