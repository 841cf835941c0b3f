"""What a behaviour hook is told about the action in progress."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec


class ActionContext(msgspec.Struct, kw_only=True):
    action: str  # register_clue | file_case | … (the lifecycle issue adds the full set)
    township: str  # township code
    on: dt.date  # the local date the action takes legal effect
    field: str | None = None
    power: str | None = None
    actor: int | None = None  # user id
    case: Any = None  # the case as it stands (a read struct), when there is one
    data: dict[str, Any] = {}  # action-specific details
