"""Cases: register a clue, find cases, read one with its timeline."""

from __future__ import annotations

import datetime as dt

from litestar import Request, Response, get, post
from litestar.params import JSONBody, Parameter
from zhifa.api.access import CASE_READERS, R, record_id, roles
from zhifa.api.params import query, township
from zhifa.core.schemas.auth import Principal
from zhifa.core.schemas.cases import CaseDetail, CaseFilter, CasePage, CaseRead, ClueCreate
from zhifa.core.services import case_search, cases

Req = Request[Principal, str, object]
TAGS = ["案件"]


@post("/townships/{code:str}/cases", opt=roles(R.officer, R.auxiliary, R.approver, R.township_head), tags=TAGS,
      summary="线索登记")
async def register_clue(request: Req, data: JSONBody[ClueCreate], code: str = township()) -> Response[CaseRead]:
    case = await cases.register_clue(code, data, actor=request.user.username)
    return Response(case, status_code=201, headers={"ETag": f'"{case.version}"'})


@get("/townships/{code:str}/cases", opt=roles(CASE_READERS), tags=TAGS, summary="案件列表（筛选、游标分页）")
async def list_cases(
    code: str = township(),
    status: list[str] | None = Parameter(default=None, description="案件状态，可多选"),
    field: str | None = query("执法领域代码，如 urban"),
    power: str | None = query("执法事项代码"),
    officer: str | None = Parameter(default=None, description="承办人用户名"),
    overdue: bool | None = Parameter(default=None, description="是否超过办案期限（第六十条）"),
    found_from: dt.date | None = query("发现日期自（含）"),
    found_to: dt.date | None = query("发现日期至（含）"),
    filed_from: dt.date | None = query("立案日期自（含）"),
    filed_to: dt.date | None = query("立案日期至（含）"),
    cursor: str | None = query("上一页的 next_cursor"),
    limit: int = Parameter(default=50, ge=1, le=case_search.MAX_LIMIT, description="每页条数"),
) -> CasePage:
    filters = CaseFilter(status=status or [], field=field, power=power, officer=officer, overdue=overdue,
                         found_from=found_from, found_to=found_to, filed_from=filed_from, filed_to=filed_to)
    return await case_search.search_cases(code, filters, cursor=cursor, limit=limit)


@get("/townships/{code:str}/cases/{case_id:int}", opt=roles(CASE_READERS), tags=TAGS, summary="案件详情与时间线")
async def case_detail(
    request: Req, code: str = township(), case_id: int = record_id("案件"),
    on: dt.date | None = Parameter(default=None, description="按哪一日计算剩余天数并试行下一步操作的规则（默认今日；不写入任何内容）"),
) -> Response[CaseDetail]:
    detail = await case_search.case_detail(code, case_id, actor=request.user.username, on=on)
    return Response(detail, headers={"ETag": f'"{detail.case.version}"'})


ROUTES = [register_clue, list_cases, case_detail]
