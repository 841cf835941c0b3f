from __future__ import annotations

import datetime as dt

import msgspec


class TownshipCreate(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    code: str  # 9 or 12-digit division code
    name: str
    short_name: str = ""  # 文号简称; defaults to the name's first character + 综执


class TownshipRead(msgspec.Struct, kw_only=True):
    id: int
    code: str
    name: str
    county_code: str
    county_name: str
    short_name: str


class DepartmentCreate(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    county_code: str
    code: str
    name: str
    field: str
    kind: str  # a department kind declared by the field's catalogue


class DepartmentRead(msgspec.Struct, kw_only=True):
    id: int
    county_code: str
    code: str
    name: str
    field: str
    kind: str


class AuthorisationCreate(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    field: str
    basis: str  # entrusted | conferred
    document_no: str
    valid_from: dt.date
    power: str | None = None
    valid_to: dt.date | None = None
    department: str | None = None  # entrusting department code (委托)


class AuthorisationRead(msgspec.Struct, kw_only=True):
    id: int
    kind: str
    field: str
    power: str | None
    basis: str | None
    document_no: str
    valid_from: dt.date
    valid_to: dt.date | None
    revoked_on: dt.date | None
    revoked_document_no: str | None
    department: str | None


class EffectivePower(msgspec.Struct, kw_only=True):
    """A power the township may exercise on a date, and under which grant."""

    code: str
    name: str
    field: str
    kind: str
    basis: str
    document_no: str
    department: str | None
    owner_department: str  # the catalogue's owning department kind
    valid_from: dt.date
    valid_to: dt.date | None
    region: str = ""  # where the power's law applies: "" national, else a division-code prefix (33 浙江省)
    region_name: str = "全国"
