from __future__ import annotations

import datetime as dt

import msgspec
from zhifa.core.schemas.text import Code, Line, Name, Phone, Title


class UserCreate(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    username: str
    display_name: str
    roles: list[str]
    township: str | None = None  # township code, for township roles
    county_code: str | None = None  # for county roles when no township is given
    department: str | None = None  # county department code (county_department role)
    legal_qualification: bool = False
    reviewing_since: dt.date | None = None  # 首次从事法制审核之日 (行政处罚法第58条第2款)
    password: str | None = None


class CertificateRead(msgspec.Struct, kw_only=True):
    number: str
    fields: list[str]
    issuer: str
    valid_from: dt.date
    valid_to: dt.date
    revoked_on: dt.date | None = None


class UserRead(msgspec.Struct, kw_only=True):
    id: int
    username: str
    display_name: str
    roles: list[str]
    county_code: str
    township: str | None
    legal_qualification: bool
    active: bool
    reviewing_since: dt.date | None = None
    certificates: list[CertificateRead] = []


class CertificateCreate(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    number: str
    fields: list[str]
    issuer: str
    valid_from: dt.date
    valid_to: dt.date


class PartyCreate(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    kind: Code  # citizen | organisation
    name: Title
    identifier: Code  # 居民身份证号码 / 统一社会信用代码
    legal_representative: Name | None = None
    address: Line = ""
    phone: Phone = ""


class PartyRead(msgspec.Struct, kw_only=True):
    id: int
    kind: str
    name: str
    identifier: str
    legal_representative: str | None
    address: str
    phone: str
    birth_date: dt.date | None
