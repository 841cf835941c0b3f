"""Instants are UTC; legal dates are local dates in the configured time zone (Asia/Shanghai)."""

from __future__ import annotations

import datetime as dt
import functools
from zoneinfo import ZoneInfo

from zhifa.core.config import load_settings


def zone() -> ZoneInfo:
    return _zone(load_settings().timezone)


@functools.cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def local_date(moment: dt.datetime) -> dt.date:
    if moment.tzinfo is None:
        raise ValueError("时间必须带时区")
    return moment.astimezone(zone()).date()


def today() -> dt.date:
    return local_date(now_utc())
