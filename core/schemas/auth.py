from __future__ import annotations

import datetime as dt
from typing import Annotated

import msgspec


class LoginRequest(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    username: Annotated[str, msgspec.Meta(min_length=1, max_length=64, description="用户名")]
    password: Annotated[str, msgspec.Meta(max_length=1024, description="密码")]


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
