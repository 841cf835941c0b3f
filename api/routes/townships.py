"""Townships, and the powers the county authorised to them."""

from __future__ import annotations

import datetime as dt

import msgspec
from litestar import Request, get, post
from litestar.params import JSONBody
from zhifa.api.access import CASE_READERS, COUNTY_READERS, PEOPLE_READERS, R, roles
from zhifa.api.params import on_day, township
from zhifa.core import clock
from zhifa.core.documents import service as documents
from zhifa.core.documents.settings import DocumentSettings, DocumentSettingsChange
from zhifa.core.schemas.auth import Principal
from zhifa.core.schemas.townships import AuthorisationCreate, AuthorisationRead, EffectivePower, TownshipRead
from zhifa.core.services import authorisations, townships

Req = Request[Principal, str, object]
TAGS = ["乡镇与授权"]


class AuthorisationDisable(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """上收: stop new use of a field or of one power from ``valid_from``; records stay."""

    field: str
    document_no: str
    valid_from: dt.date
    power: str | None = None


@get("/townships", opt={"any_role": True}, tags=TAGS, summary="我可查看的乡镇")
async def list_townships(request: Req) -> list[TownshipRead]:
    user = request.user
    if user.township is not None:
        return [await townships.get_township(user.township)]
    if user.roles & COUNTY_READERS:
        return await townships.list_townships(user.county_code)
    return []


@get("/townships/{code:str}", opt={"any_role": True}, tags=TAGS, summary="乡镇信息")
async def get_township(code: str = township()) -> TownshipRead:
    return await townships.get_township(code)


@get("/townships/{code:str}/authorisations", opt=roles(PEOPLE_READERS, CASE_READERS), tags=TAGS,
     summary="授权记录（赋权、委托、上收）")
async def list_authorisations(code: str = township()) -> list[AuthorisationRead]:
    return await authorisations.list_authorisations(code)


@post("/townships/{code:str}/authorisations", opt=roles(R.platform_admin), tags=TAGS, summary="授予执法事项（赋权或委托）")
async def enable(data: JSONBody[AuthorisationCreate], code: str = township()) -> AuthorisationRead:
    return await authorisations.enable(code, data)


@post("/townships/{code:str}/authorisations/disable", opt=roles(R.platform_admin), tags=TAGS,
      summary="上收执法事项", status_code=200)
async def disable(data: JSONBody[AuthorisationDisable], code: str = township()) -> list[AuthorisationRead]:
    return await authorisations.disable(code, data.field, data.valid_from, data.document_no, data.power)


@get("/townships/{code:str}/powers", opt=roles(CASE_READERS, frozenset({R.auxiliary})), tags=["执法事项"],
     summary="本乡镇在某日可行使的执法事项")
async def effective_powers(code: str = township(), on: dt.date | None = on_day("哪一日可行使（缺省今天）")) -> list[EffectivePower]:
    return await authorisations.effective_powers(code, on or clock.today())


@get("/townships/{code:str}/settings/documents", opt=roles(PEOPLE_READERS, CASE_READERS), tags=TAGS,
     summary="文书设置（文号格式、执法主体、地址、复议机关、法院、罚款缴纳方式）")
async def document_settings(code: str = township()) -> DocumentSettings:
    return await documents.township_documents(code)


@post("/townships/{code:str}/settings/documents", opt=roles(R.township_admin), tags=TAGS, status_code=200,
      summary="修改文书设置（只改送来的字段；送空字符串恢复缺省）",
      description="罚款决定书须写明缴纳罚款的银行和账号，或者电子缴款方式（行政处罚法第六十七条：罚缴分离）；"
                  "委托实施的案件用委托部门的设置（由县里配置）。number_format 可用 {short}、{code}、{year}、{n}、{township}。")
async def change_document_settings(data: JSONBody[DocumentSettingsChange], code: str = township()) -> DocumentSettings:
    return await documents.change_township_documents(code, data)


ROUTES = [list_townships, get_township, list_authorisations, enable, disable, effective_powers, document_settings,
          change_document_settings]
