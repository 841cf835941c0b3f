"""The county's view for supervisors: every township's cases in one list (filters, keyset pages).

The same statement as the township list (zhifa.core.services.case_search.list_statement), asked of
each township of the caller's county and merged by case id.
"""

from __future__ import annotations

import datetime as dt

from litestar import Request, get
from litestar.params import Parameter
from zhifa.api.access import R, roles, visible_township
from zhifa.api.params import query
from zhifa.core.schemas.auth import Principal
from zhifa.core.schemas.cases import CaseFilter, CasePage
from zhifa.core.services import case_search

Req = Request[Principal, str, object]
TAGS = ["县级监督"]


@get("/county/cases", opt=roles(R.supervisor, R.platform_admin), tags=TAGS, summary="全县案件列表（筛选、游标分页）",
     description="本县各乡镇的案件，按案件编号从新到旧；next_cursor 取下一页。township 可只列某些乡镇。")
async def county_cases(
    request: Req,
    township: list[str] | None = Parameter(default=None, description="乡镇行政区划代码，可多选"),
    status: list[str] | None = Parameter(default=None, description="案件状态，可多选"),
    field: str | None = query("执法领域代码，如 urban"),
    power: str | None = query("执法事项代码"),
    overdue: bool | None = Parameter(default=None, description="是否超过办案期限（第六十条）"),
    found_from: dt.date | None = query("发现日期自（含）"),
    found_to: dt.date | None = query("发现日期至（含）"),
    filed_from: dt.date | None = query("立案日期自（含）"),
    filed_to: dt.date | None = query("立案日期至（含）"),
    cursor: str | None = query("上一页的 next_cursor"),
    limit: int = Parameter(default=50, ge=1, le=case_search.MAX_LIMIT, description="每页条数"),
) -> CasePage:
    for code in township or []:  # another county's township answered like a missing one
        await visible_township(request.user, code)
    filters = CaseFilter(status=status or [], field=field, power=power, overdue=overdue,
                         found_from=found_from, found_to=found_to, filed_from=filed_from, filed_to=filed_to)
    return await case_search.search_county(request.user.county_code, filters, townships=township or None,
                                           cursor=cursor, limit=limit)


ROUTES = [county_cases]
