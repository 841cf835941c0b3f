"""Dates, times and small counts as Chinese documents print them."""

from __future__ import annotations

import datetime as dt

from zhifa.core import clock

_NUMERALS = "〇一二三四五六七八九"


def cn_date(value: dt.date | dt.datetime | None) -> str:
    """2026年3月23日 (Arabic numerals without zero padding, as GB/T 9704 prints dates); None → ''."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = clock.local_date(value) if value.tzinfo else value.date()
    return f"{value.year}年{value.month}月{value.day}日"


def cn_datetime(value: dt.datetime | None) -> str:
    """2026年3月2日9时30分, in local (Beijing) time."""
    if value is None:
        return ""
    local = value.astimezone(clock.zone()) if value.tzinfo else value
    return f"{cn_date(local.date())}{local.hour}时{local.minute:02d}分"


def cn_count(n: int) -> str:
    """Small counts in Chinese numerals: 5 → 五, 15 → 十五, 60 → 六十, 90 → 九十, 120 → 一百二十."""
    if n < 0 or n >= 1000:
        return str(n)
    if n == 0:
        return "零"
    if n < 10:
        return _NUMERALS[n]
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    text = f"{_NUMERALS[hundreds]}百" if hundreds else ""
    if tens:
        text += ("" if tens == 1 and not hundreds else _NUMERALS[tens]) + "十"
    elif hundreds and units:
        text += "零"
    if units:
        text += _NUMERALS[units]
    return text
