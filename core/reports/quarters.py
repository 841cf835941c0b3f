"""Quarters by local date: ``2026Q3`` is 2026-07-01 to 2026-09-30."""

from __future__ import annotations

import datetime as dt
import re

from zhifa.core.schemas.reports import Quarter

_PATTERN = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]\s*([1-4])\s*$")


class InvalidQuarter(ValueError):
    pass


def quarter(year: int, number: int) -> Quarter:
    if not 1 <= number <= 4:
        raise InvalidQuarter(f"季度 {number} 无效（应为 1 至 4）")
    start = dt.date(year, 3 * number - 2, 1)
    end = dt.date(year + 1, 1, 1) if number == 4 else dt.date(year, 3 * number + 1, 1)
    return Quarter(label=f"{year}Q{number}", year=year, number=number, start=start, end=end - dt.timedelta(days=1))


def parse_quarter(text: str) -> Quarter:
    """``2026Q3`` (also ``2026q3``, ``2026-Q3``)."""
    match = _PATTERN.match(text or "")
    if match is None:
        raise InvalidQuarter(f"季度 {text!r} 格式无效，应如 2026Q3")
    return quarter(int(match.group(1)), int(match.group(2)))


def quarter_of(day: dt.date) -> Quarter:
    return quarter(day.year, (day.month - 1) // 3 + 1)
