"""A township's stored settings (``Township.settings``) decoded into ``ProcedureSettings``."""

from __future__ import annotations

from typing import Any

import msgspec
from zhifa.core.rules.facts import ProcedureSettings
from zhifa.core.services.errors import Invalid


def procedure_settings(raw: Any) -> ProcedureSettings:
    """Decode the JSON column (a dict, or text on engines that return it unparsed)."""
    try:
        if isinstance(raw, (str, bytes)):
            return msgspec.json.decode(raw or "{}", type=ProcedureSettings)
        return msgspec.convert(raw or {}, ProcedureSettings, strict=False)
    except msgspec.ValidationError as exc:
        raise Invalid("township.settings", f"乡镇设置有误：{exc}") from exc
