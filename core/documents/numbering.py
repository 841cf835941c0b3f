"""文号: a township's configurable document number format, counted per township × 文书代字 × year.

The count itself is the core's gap-free sequence (``zhifa.core.services.numbering.next_number``
with ``kind="doc:<代字>"``); this module only formats it and checks a configured format.
"""

from __future__ import annotations

from zhifa.core.services.errors import Invalid

#: e.g. 横综执罚决字〔2026〕第12号 (year in 六角括号 as GB/T 9704 requires).
DEFAULT_FORMAT = "{short}{code}字〔{year}〕第{n}号"
PLACEHOLDERS = ("short", "code", "year", "n", "township")


def sequence_kind(number_code: str) -> str:
    return f"doc:{number_code}"


def format_number(fmt: str, *, short: str, code: str, year: int, n: int, township: str = "") -> str:
    """Apply a format such as ``{short}{code}字〔{year}〕第{n}号``; ``{n:03d}`` pads the count."""
    try:
        return fmt.format(short=short, code=code, year=year, n=n, township=township)
    except (KeyError, IndexError, ValueError, AttributeError) as exc:
        names = "、".join("{" + p + "}" for p in PLACEHOLDERS)
        raise Invalid("document.number_format", f"文号格式「{fmt}」无效（{exc}）；可用的占位符：{names}") from exc


def check_format(fmt: str) -> None:
    """A format must be usable and must show the 代字, the year and the count, so numbers never collide."""
    base = dict(short="横综执", code="罚决", year=2026, n=7, township="横村镇")
    sample = format_number(fmt, **base)
    for name, other, label in (("n", 8, "序号 {n}"), ("year", 2027, "年份 {year}"), ("code", "责改", "文书代字 {code}")):
        if format_number(fmt, **{**base, name: other}) == sample:
            raise Invalid("document.number_format", f"文号格式「{fmt}」中缺少{label}")
