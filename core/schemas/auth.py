from __future__ import annotations

import datetime as dt

import msgspec


class LoginRequest(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    username: str = msgspec.field()
    password: str


class TokenRead(msgspec.Struct, kw_only=True):
    token: str  # shown once; send as ``Authorization: Bearer <token>``
    token_type: str
    expires_at: dt.datetime
    username: str
    roles: list[str]
    township: str | None


class Principal(msgspec.Struct, kw_only=True, frozen=True):
    """Who is calling: resolved from the token on every request."""

    user_id: int
    username: str
    display_name: str
    roles: frozenset[str]
    county_code: str
    township_id: int | None
    township: str | None  # township code
    department_id: int | None
    token_sha256: str
