"""County supervisors: the dashboard of the county's townships for a quarter, and each township's
quarterly report (Word), from the same services as ``GET /county/statistics`` and the report routes."""

from __future__ import annotations

from litestar import Request, Response, get
from litestar.params import FromPath, FromQuery
from zhifa.core import clock
from zhifa.core.domain.roles import Role
from zhifa.core.registry import get_host
from zhifa.core.services import dashboard
from zhifa.core.services.reports import quarter_from, quarterly_report
from zhifa.core.services.errors import NotFound
from zhifa.core.services.townships import get_township_row
from zhifa.web import charts
from zhifa.web.access import web_roles
from zhifa.web.render import page
from zhifa.web.session import principal_of

SUPERVISORS = (Role.supervisor, Role.platform_admin)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _quarters(today, n: int = 8) -> list[str]:
    year, q = today.year, (today.month - 1) // 3 + 1
    out = []
    for _ in range(n):
        out.append(f"{year}Q{q}")
        year, q = (year, q - 1) if q > 1 else (year - 1, 4)
    return out


@get("/web/county", opt=web_roles(*SUPERVISORS))
async def county(request: Request, quarter: FromQuery[str | None] = None) -> Response:
    principal = await principal_of(request)
    board = await dashboard.county_dashboard(principal.county_code, quarter)
    names = {code: c.field.name for code, c in get_host().registry.catalogues.items()}
    ts = board.townships
    chart = {
        "filed": charts.bars("各乡镇立案数", [(t.name, t.figures.filed) for t in ts], " 件"),
        "fields": charts.bars("各领域立案数（全县）", [(names.get(f, f), n) for f, n in board.by_field.items()], " 件"),
        "months": charts.bars("各月立案数（全县）", [(f"{m[:4]}年{int(m[5:])}月", n) for m, n in board.by_month.items()], " 件"),
        "closure": charts.bars("结案率（本季度立案、季末前结案）",
                               [(t.name, t.figures.closure_rate or 0) for t in ts], "%"),
        "fines": charts.paired("罚款：决定与收缴（元）", [(t.name, (t.figures.fines_decided, t.figures.fines_collected))
                                                       for t in ts], series=("决定罚款", "已收缴")),
        "overdue": charts.paired("逾期事项", [(t.name, (t.overdue.decision_clock + t.overdue.publication,
                                                        t.overdue.payment)) for t in ts],
                                 series=("超期未决定、未按期公示", "罚款逾期未缴")),
        "referrals": charts.bars("乡呼县应：平均答复用时（工作日）",
                                 [(t.name, t.referrals.avg_answer_working_days or 0) for t in ts], " 个工作日"),
    }
    return page(request, "county.html", title="执法监督", nav="county", board=board, chart=chart,
                quarters=_quarters(clock.today()), field_names=names)


@get("/web/county/{code:str}/report.docx", opt=web_roles(*SUPERVISORS))
async def report_docx(request: Request, code: FromPath[str], quarter: FromQuery[str]) -> Response:
    """A township of the supervisor's own county: its 季度案件报告; another county's is answered as missing."""
    from zhifa.core.reports.quarterly_docx import render

    principal = await principal_of(request)
    township = await get_township_row(code)
    if township["county_code"] != principal.county_code:  # worded as get_township_row words a missing one
        raise NotFound("township.not_found", f"未找到行政区划代码为 {code} 的乡镇")
    q = quarter_from(quarter)
    report = await quarterly_report(code, q)
    return Response(render(report, generated_on=clock.today()), media_type=DOCX, headers={
        "Content-Disposition": f'attachment; filename="report-{code}-{q.label}.docx"'})


ROUTES = [county, report_docx]
