"""公示: the public disclosure page of each township (no sign-in), and the officers' queue.

``GET /public/{township}`` is the township's public page (HTML) and ``GET /public/{township}/publications``
the same content as JSON: only masked records (zhifa.core.publication.mask) in their display
period, and the notices of withdrawn ones. The page also lists the published results of random
inspections (双随机抽查结果公示; as JSON at ``/public/{township}/inspections``).
"""

from __future__ import annotations

import datetime as dt

from litestar import MediaType, Request, get, post
from litestar.params import JSONBody
from zhifa.api.access import CASE_READERS, R, record_id, roles
from zhifa.api.limits import calendar_day
from zhifa.api.params import on_day, township
from zhifa.core import clock
from zhifa.core.publication.page import render
from zhifa.core.schemas.auth import Principal
from zhifa.core.schemas.publication import (
    OverduePublication,
    PublicationDraft,
    PublicationRead,
    PublicPage,
    PublishConfirm,
    WithdrawalCreate,
)
from zhifa.core.services import publication

Req = Request[Principal, str, object]
TAGS = ["公示"]


def _day(on: dt.date | None) -> dt.date:
    """The day of the page, draft, publication or list: ``on`` within the calendar (400 naming it), or today."""
    return clock.today() if on is None else calendar_day(on)


PUBLISHERS = frozenset({R.officer, R.approver, R.township_head, R.township_admin})
WITHDRAWERS = frozenset({R.approver, R.township_head, R.township_admin})


@get("/public/{township:str}/publications", opt={"public": True}, tags=TAGS, summary="乡镇公示（JSON，无需登录）")
async def public_publications(township: str = township(), on: dt.date | None = on_day("公示日（缺省今天）")) -> PublicPage:
    return await publication.public_page(township, _day(on))


@get("/public/{township:str}", opt={"public": True}, tags=TAGS, summary="乡镇公示页面（HTML，无需登录）",
     media_type=MediaType.HTML)
async def public_html(township: str = township(), on: dt.date | None = on_day("公示日（缺省今天）")) -> str:
    from zhifa.core.services.inspections import public_inspections  # 双随机抽查结果公示, published results only

    day = _day(on)
    return render(await publication.public_page(township, day), await public_inspections(township, day))


@get("/townships/{code:str}/publications", opt=roles(CASE_READERS, frozenset({R.township_admin})), tags=TAGS,
     summary="本乡镇的公示（待公示、公示中、待撤回、已撤回）")
async def list_publications(code: str = township(), case_id: int | None = record_id("案件", required=False)) -> list[PublicationRead]:
    return await publication.list_publications(code, case_id=case_id)


@get("/townships/{code:str}/publications/{publication_id:int}/draft", opt=roles(PUBLISHERS), tags=TAGS,
     summary="公示内容草稿（去标识化后，供公示人核对），及其核对码",
     description="按公示日 on（缺省今天）生成的公示内容与其核对码 digest（内容的 SHA-256）。公示时须在请求体中以 "
                 "draft_digest 送回同一公示日草稿的核对码。")
async def draft(request: Req, code: str = township(), publication_id: int = record_id("公示"),
                on: dt.date | None = on_day("公示日（缺省今天）")) -> PublicationDraft:
    return await publication.draft(code, publication_id, actor=request.user.username, on=_day(on))


@post("/townships/{code:str}/publications/{publication_id:int}/publish", opt=roles(PUBLISHERS), tags=TAGS,
      summary="公示（公示人核对草稿后确认；去标识化检查作为第二道防线）", status_code=200,
      description="请求体必须带 draft_digest：公示人所核对的、同一公示日 on 的草稿核对码（GET …/draft）。"
                  "不带则答 400 publication.confirmation_required；草稿此后有变化（案件信息更新，或公示日不同）答 409 "
                  "publication.draft_changed，均不公示。可另带公示人修改后的 facts、reasons（如删去证人、未成年人的姓名），"
                  "修改的文字同样再经去标识化处理和泄露检查。")
async def publish(request: Req, code: str = township(), publication_id: int = record_id("公示"),
                  on: dt.date | None = on_day("公示日（缺省今天）"),
                  data: JSONBody[PublishConfirm | None] = None) -> PublicationRead:
    return await publication.publish(code, publication_id, actor=request.user.username, on=_day(on),
                                     confirmed=data)


@post("/townships/{code:str}/publications/{publication_id:int}/withdraw", opt=roles(WITHDRAWERS), tags=TAGS,
      summary="撤回公示并说明理由（行政处罚法第48条第2款）", status_code=200)
async def withdraw(request: Req, data: JSONBody[WithdrawalCreate], code: str = township(),
                   publication_id: int = record_id("公示"), on: dt.date | None = on_day("撤回之日（缺省今天）")) -> PublicationRead:
    return await publication.withdraw(code, publication_id, actor=request.user.username, reason=data.reason,
                                      on=_day(on))


@get("/publications/overdue", opt=roles(frozenset({R.supervisor, R.platform_admin})), tags=TAGS,
     summary="本县逾期未公示、逾期未撤回的决定（执法监督）")
async def overdue(request: Req, on: dt.date | None = on_day("按哪一日计算逾期（缺省今天）")) -> list[OverduePublication]:
    return await publication.overdue_publications(_day(on), county_code=request.user.county_code)


ROUTES = [public_publications, public_html, list_publications, draft, publish, withdraw, overdue]
