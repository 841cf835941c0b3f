"""The decision clock: a penalty decision is due within 90 days of filing (行政处罚法第60条).

The clock is lengthened by recorded, approved extensions (e.g. 市场监督管理行政处罚程序规定:
+30 days with the 负责人's approval, further extension by 集体讨论) and stopped during excluded
periods — hearing (听证), testing/inspection/quarantine/identification (检测、检验、检疫、鉴定),
suspension (中止), public notice (公告) — which do not count against it.

Conventions:
- The 90 days are calendar days; the filing day is not counted (民法典第201条). The authority's own
  clock never rolls forward over holidays.
- An excluded interval covers both its start and end day. Overlapping or touching intervals are
  merged, so no day stops the clock twice.
- The clock is a stop-clock: the deadline is the day on which the (90 + extension) th *counted* day
  falls, skipping excluded days. An excluded day only matters if it falls after filing and before
  the clock has run out: a hearing begun after the deadline does not revive an expired clock. When
  all excluded days fall inside the clock this equals filed_on + 90 + extensions + excluded_days.
- A closed interval counts in full even if it ends after ``on`` (it is a recorded fact or plan);
  an open interval (``end`` None) runs up to and including ``on``, so ``on`` is then required.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

import msgspec
from zhifa.core.calendar.periods import period
from zhifa.core.calendar.workdays import require_date

_ONE_DAY = dt.timedelta(days=1)


class Extension(msgspec.Struct, frozen=True):
    """An approved extension of the decision clock (延长办案期限)."""

    days: int
    approved_on: dt.date
    approver: str = ""
    reason: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.days, bool) or self.days < 1:
            raise ValueError(f"延长天数必须是正整数，收到 {self.days!r}")


class Excluded(msgspec.Struct, frozen=True):
    """A period not counted against a clock; reason: hearing | testing | suspension | public_notice | …"""

    start: dt.date
    end: dt.date | None
    reason: str

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"不计入期间的结束日 {self.end} 早于开始日 {self.start}")


def merged_intervals(excluded: Iterable[Excluded], until: dt.date | None) -> list[tuple[dt.date, dt.date]]:
    """Closed [start, end] intervals, sorted and merged; open ones end at ``until`` (required then)."""
    spans: list[tuple[dt.date, dt.date]] = []
    for item in excluded:
        end = item.end
        if end is None:
            if until is None:
                raise ValueError(f"不计入期间（{item.reason}，{item.start}起）尚未结束，须提供计算日期 on")
            end = until
        if end >= item.start:
            spans.append((item.start, end))
    merged: list[tuple[dt.date, dt.date]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + _ONE_DAY:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def excluded_days(excluded: Sequence[Excluded], until: dt.date) -> int:
    """Calendar days covered by the intervals, each day once; open intervals run to ``until``."""
    require_date(until, "计算日期")
    return sum((end - start).days + 1 for start, end in merged_intervals(excluded, until))


def decision_deadline(
    filed_on: dt.date,
    extensions: Sequence[Extension] = (),
    excluded: Sequence[Excluded] = (),
    on: dt.date | None = None,
    *,
    overrides: Mapping[str, int] | None = None,
) -> dt.date:
    """Last day on which the decision is in time, as known on ``on``.

    ``on`` is needed only when an excluded interval is still open. ``overrides`` may set the
    configured length of ``decision`` (default 90 days).
    """
    require_date(filed_on, "立案日")
    if on is not None:
        require_date(on, "计算日期")
    remaining = period("decision", overrides).length + sum(e.days for e in extensions)
    cursor = filed_on  # last day already accounted for
    for start, end in merged_intervals(excluded, on):
        if end <= cursor:
            continue
        start = max(start, cursor + _ONE_DAY)
        counted_before = (start - cursor).days - 1
        if counted_before >= remaining:
            break  # the clock runs out before this interval begins
        remaining -= counted_before
        cursor = end
    return cursor + dt.timedelta(days=remaining)


def is_overdue(
    filed_on: dt.date,
    extensions: Sequence[Extension],
    excluded: Sequence[Excluded],
    on: dt.date,
    *,
    overrides: Mapping[str, int] | None = None,
) -> bool:
    """True once ``on`` is past the decision deadline."""
    return on > decision_deadline(filed_on, extensions, excluded, on, overrides=overrides)


def days_left(
    filed_on: dt.date,
    extensions: Sequence[Extension],
    excluded: Sequence[Excluded],
    on: dt.date,
    *,
    overrides: Mapping[str, int] | None = None,
) -> int:
    """Calendar days from ``on`` to the deadline: 0 on the deadline day, negative once overdue."""
    return (decision_deadline(filed_on, extensions, excluded, on, overrides=overrides) - on).days


def check_extensions(
    filed_on: dt.date, extensions: Sequence[Extension], excluded: Sequence[Excluded] = ()
) -> list[str]:
    """Problems (Chinese): each extension must be approved on or before the deadline it extends."""
    problems: list[str] = []
    ordered = sorted(extensions, key=lambda e: e.approved_on)
    for i, ext in enumerate(ordered):
        before = decision_deadline(filed_on, ordered[:i], excluded, ext.approved_on)
        if ext.approved_on > before:
            problems.append(f"第{i + 1}次延长于{ext.approved_on}批准，晚于原办案期限届满日{before}，期限已届满不得延长")
        if ext.approved_on < filed_on:
            problems.append(f"第{i + 1}次延长的批准日{ext.approved_on}早于立案日{filed_on}")
    return problems
