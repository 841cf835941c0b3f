"""全过程记录核验 over HTTP: the same verification as ``zhifa audit verify`` (zhifa.core.services.audit).

County-level readers (supervisors, the platform administrator) verify the townships of their own
county; another county's township is answered like a missing one.
"""

from __future__ import annotations

from litestar import Request, get
from litestar.params import Parameter
from zhifa.api.access import R, roles, visible_township
from zhifa.core.schemas.auth import Principal
from zhifa.core.services import audit

Req = Request[Principal, str, object]
TAGS = ["全过程记录核验"]


@get("/audit/verify", opt=roles(R.supervisor, R.platform_admin), tags=TAGS, summary="核验事件哈希链与案件记录（本县各乡镇，或一个乡镇）",
     description="逐条核验事件哈希链和密钥签名、案件记录与事件是否一致。intact 为 false 时 first_break、cases 说明问题所在。")
async def verify(request: Req, township: str | None = Parameter(default=None, max_length=32, description="只核验该乡镇（行政区划代码）")
                 ) -> list[audit.ChainReport]:
    if township is not None:
        await visible_township(request.user, township)
    return await audit.verify(township, county_code=request.user.county_code)


ROUTES = [verify]
