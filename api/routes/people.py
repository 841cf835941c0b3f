"""Users of a township and their enforcement certificates; parties (当事人)."""

from __future__ import annotations

import msgspec
from litestar import get, post
from litestar.params import JSONBody
from zhifa.api.access import CASE_WORKERS, PEOPLE_ADMINS, PEOPLE_READERS, R, record_id, roles
from zhifa.api.params import path_text, township
from zhifa.core.schemas.people import CertificateCreate, CertificateRead, PartyCreate, PartyRead, UserCreate, UserRead
from zhifa.core.services import parties, people


class TownshipUserCreate(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """A user of this township (the township comes from the path)."""

    username: str
    display_name: str
    roles: list[str]
    password: str
    legal_qualification: bool = False


@get("/townships/{code:str}/users", opt=roles(PEOPLE_READERS), tags=["人员"], summary="本乡镇人员")
async def list_users(code: str = township()) -> list[UserRead]:
    return await people.list_users(code)


@post("/townships/{code:str}/users", opt=roles(PEOPLE_ADMINS), tags=["人员"], summary="新增人员")
async def create_user(data: JSONBody[TownshipUserCreate], code: str = township()) -> UserRead:
    return await people.create_user(UserCreate(
        username=data.username, display_name=data.display_name, roles=data.roles, township=code,
        legal_qualification=data.legal_qualification, password=data.password))


@get("/townships/{code:str}/users/{username:str}", opt=roles(PEOPLE_READERS), tags=["人员"], summary="人员详情")
async def get_user(code: str = township(), username: str = path_text("用户名")) -> UserRead:
    return await people.get_township_user(code, username)


@post("/townships/{code:str}/users/{username:str}/certificates", opt=roles(R.platform_admin), tags=["人员"],
      summary="登记行政执法证（县级平台管理员）",
      description="行政执法证由县级以上人民政府统一发放，只能由县级平台管理员登记；乡镇管理员不能给本乡镇人员（包括自己）登记执法证。")
async def add_certificate(data: JSONBody[CertificateCreate], code: str = township(),
                          username: str = path_text("用户名")) -> CertificateRead:
    await people.get_township_user(code, username)
    return await people.add_certificate(username, data)


@get("/townships/{code:str}/parties", opt=roles(CASE_WORKERS, frozenset({R.supervisor})), tags=["当事人"],
     summary="当事人")
async def list_parties(code: str = township()) -> list[PartyRead]:
    return await parties.list_parties(code)


@post("/townships/{code:str}/parties", opt=roles(R.officer, R.approver), tags=["当事人"], summary="登记当事人")
async def create_party(data: JSONBody[PartyCreate], code: str = township()) -> PartyRead:
    return await parties.create_party(code, data)


@get("/townships/{code:str}/parties/{party_id:int}", opt=roles(CASE_WORKERS, frozenset({R.supervisor})),
     tags=["当事人"], summary="当事人详情")
async def get_party(code: str = township(), party_id: int = record_id("当事人")) -> PartyRead:
    return await parties.get_party(code, party_id)


ROUTES = [list_users, create_user, get_user, add_certificate, list_parties, create_party, get_party]
