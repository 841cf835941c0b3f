"""Every legal period a case meets: its length, unit, legal basis and how its last day is found.

Counting (民法典第201-203条, 民事诉讼法第85条, applied by 行政诉讼法第101条 and 行政复议法第88条):
the start day is not counted; a period in months ends on the same day of the month N months
later, or on that month's last day when it has no such day; a period whose last day is a rest
day or statutory holiday ends on the next working day (``roll_forward``). Working-day periods
follow 行政处罚法第85条 and 行政强制法第69条. Roll-forward is applied only to periods the
*party* must meet (payment, reconsideration, litigation); the authority's own periods are not
extended, so the software never tells an official that a late act was in time.

Lengths marked configurable (``CONFIGURABLE``) are set by departmental or local rules and may
be overridden per province or township; the others are statutory and overriding them is refused.
"""

from __future__ import annotations

import calendar as _gregorian
import datetime as dt
from collections.abc import Mapping
from enum import Enum

import msgspec
from zhifa.core.calendar.sources import Side, any_provisional
from zhifa.core.calendar.workdays import (
    add_working_days,
    first_working_day_on_or_after,
    require_date,
)


class Unit(str, Enum):
    working_days = "working_days"  # 工作日
    calendar_days = "calendar_days"  # 自然日
    months = "months"  # 月


class Period(msgspec.Struct, frozen=True):
    code: str
    name: str
    length: int
    unit: Unit
    basis: str
    roll_forward: bool = False
    #: Whom the period protects, which decides how a provisional year's uncertain days count:
    #: a party's period never ends earlier, a limit on the authority never later (``Side``).
    protects: Side = Side.authority


class UnknownPeriod(KeyError):
    """No period with this code."""


_WD, _CD, _MO = Unit.working_days, Unit.calendar_days, Unit.months
_PARTY = Side.party
_A85 = "；行政处罚法第85条：七日以内期限指工作日"

PERIODS: dict[str, Period] = {
    p.code: p
    for p in (
        Period("filing_decision", "线索核查及立案决定期限", 15, _WD,
               "市场监督管理行政处罚程序规定第18条（自发现线索之日起十五个工作日内核查并决定是否立案）；各部门规章不同，可配置"),
        Period("filing_extension", "立案核查延长期限", 15, _WD,
               "市场监督管理行政处罚程序规定第18条（经负责人批准可延长十五个工作日）；可配置"),
        Period("evidence_preservation", "先行登记保存处理决定期限", 7, _WD,
               "行政处罚法第56条（七日内及时作出处理决定）" + _A85),
        Period("defence_reply", "陈述申辩期限", 5, _WD,
               "行政处罚法第44-45条；期限由部门或地方规定（市场监管为五个工作日），可配置", protects=_PARTY),
        Period("hearing_request", "听证申请期限", 5, _WD,
               "行政处罚法第64条第1项（告知后五日内提出）" + _A85, protects=_PARTY),
        Period("hearing_notice", "听证通知提前期", 7, _WD,
               "行政处罚法第64条第2项（举行听证的七日前通知）" + _A85
               + "；此为提前期：deadline 给出最早可举行听证之日，请用 hearing_notice_in_time 判断", protects=_PARTY),
        Period("decision", "作出处罚决定期限", 90, _CD,
               "行政处罚法第60条（自立案之日起九十日内作出；法律、法规、规章另有规定的从其规定），可配置"),
        Period("decision_extension", "处罚决定延长期限", 30, _CD,
               "市场监督管理行政处罚程序规定（经负责人批准可延长三十日）；各部门规章不同，可配置"),
        Period("service", "处罚决定书送达期限", 7, _WD,
               "行政处罚法第61条（当事人不在场的，七日内依照民事诉讼法送达）" + _A85),
        Period("public_notice_service", "公告送达期间", 30, _CD,
               "民事诉讼法第95条（自发出公告之日起，经过三十日，即视为送达）；依行政处罚法第61条适用", protects=_PARTY),
        Period("payment", "罚款缴纳期限", 15, _CD,
               "行政处罚法第67条（收到决定书之日起十五日内缴纳）；末日为休假日的顺延（民法典第203条）", True, protects=_PARTY),
        Period("seizure", "查封扣押期限", 30, _CD, "行政强制法第25条第1款（不得超过三十日）"),
        Period("seizure_extension", "查封扣押延长期限", 30, _CD,
               "行政强制法第25条第1款（经负责人批准可延长，延长期限不得超过三十日）"),
        Period("reconsideration", "行政复议申请期限", 60, _CD,
               "行政复议法第20条（知道之日起六十日内）；期间计算依第88条适用民事诉讼法第85条，末日为休假日的顺延", True, protects=_PARTY),
        Period("litigation", "行政诉讼起诉期限", 6, _MO,
               "行政诉讼法第46条（知道之日起六个月内）；期间计算依第101条适用民事诉讼法第85条，末日为休假日的顺延", True, protects=_PARTY),
        Period("publication_penalty", "行政处罚决定公示期限", 7, _WD,
               "国办发〔2018〕118号（行政处罚决定七个工作日内公开）；地方目录有二十个工作日的，可配置"),
        Period("publication_other", "其他执法决定公示期限", 20, _WD,
               "国办发〔2018〕118号（其他执法决定二十个工作日内公开），可配置"),
        Period("publication_withdrawal", "公开决定撤回期限", 3, _WD,
               "行政处罚法第48条第2款（三日内撤回并说明理由）" + _A85),
        Period("demand_before_court", "催告后申请法院强制执行等待期", 10, _WD,
               "行政强制法第54条（催告书送达十日后仍未履行的方可申请）；第69条：十日以内期限指工作日", protects=_PARTY),
        Period("court_application", "申请法院强制执行期限", 3, _MO,
               "行政强制法第53条（复议、诉讼期限届满之日起三个月内申请）；行诉法解释第156条"),
        Period("simple_filing", "当场处罚决定备案期限", 3, _WD,
               "行政处罚法第52条第3款（当场处罚决定报所属行政机关备案）；期限由部门规定，常见三个工作日，可配置"),
        Period("criminal_transfer_decision", "涉嫌犯罪案件移送审批期限", 3, _CD,
               "行政执法机关移送涉嫌犯罪案件的规定第5条（正职负责人三日内作出是否移送的决定）。"
               "按自然日计：行政处罚法第85条只解释\u201c本法\u201d中的期限，该规定自身无工作日条款；"
               "且此为机关自身义务，按较短的自然日计算在两种解读下均不致逾期"),
        Period("fine_handover", "当场收缴罚款交机关期限", 2, _WD,
               "行政处罚法第71条（自收缴之日起二日内交至行政机关）" + _A85),
    )
}

CONFIGURABLE = frozenset({
    "filing_decision", "filing_extension", "defence_reply", "decision", "decision_extension",
    "publication_penalty", "publication_other", "simple_filing",
})


def _valid_length(code: str, length: object) -> str | None:
    if code not in PERIODS:
        return f"未知期限代码：{code}"
    if code not in CONFIGURABLE:
        return f"{PERIODS[code].name}（{code}）是法定期限，不得通过配置修改"
    if isinstance(length, bool) or not isinstance(length, int) or length < 1:
        return f"{PERIODS[code].name}（{code}）的期限必须是不小于1的整数，收到 {length!r}"
    return None


def check_overrides(overrides: Mapping[str, int]) -> list[str]:
    """Problems (Chinese) with a configuration's period overrides; [] when all are acceptable."""
    return [msg for code, length in overrides.items() if (msg := _valid_length(code, length))]


def period(code: str, overrides: Mapping[str, int] | None = None) -> Period:
    """The period ``code``, with its length taken from ``overrides`` when configured there."""
    try:
        base = PERIODS[code]
    except KeyError:
        raise UnknownPeriod(f"未知期限代码：{code}") from None
    if not overrides or code not in overrides:
        return base
    if (problem := _valid_length(code, overrides[code])) is not None:
        raise ValueError(problem)
    return msgspec.structs.replace(base, length=overrides[code])


def add_months(start: dt.date, months: int) -> dt.date:
    """Same day of the month ``months`` later; the month's last day if it has no such day (民法典第202条)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(start.day, _gregorian.monthrange(year, month)[1]))


class Due(msgspec.Struct, frozen=True, kw_only=True):
    """A period's last day, and whether it rests on provisional holiday data (暂定)."""

    code: str
    name: str
    on: dt.date
    provisional: bool
    protects: Side
    basis: str


def due(code: str, start: dt.date, overrides: Mapping[str, int] | None = None, *,
        side: Side | None = None) -> Due:
    """The last day on which the act is still in time; the start day is not counted.

    ``side`` defaults to whom the period protects; a caller deriving an authority's limit from a
    party's period (the court-application window after the litigation period) passes its own.
    """
    require_date(start, "起算日")
    p = period(code, overrides)
    side = side or p.protects
    if p.unit is Unit.working_days:
        last = add_working_days(start, p.length, side)
        provisional = any_provisional(start + dt.timedelta(days=1), last)
    else:
        last = start + dt.timedelta(days=p.length) if p.unit is Unit.calendar_days else add_months(start, p.length)
        provisional = False
        if p.roll_forward:
            rolled = first_working_day_on_or_after(last, side)
            provisional, last = any_provisional(last, rolled), rolled
    return Due(code=code, name=p.name, on=last, provisional=provisional, protects=side, basis=p.basis)


def deadline(code: str, start: dt.date, overrides: Mapping[str, int] | None = None, *,
             side: Side | None = None) -> dt.date:
    """The last day on which the act is still in time (see :func:`due`)."""
    return due(code, start, overrides, side=side).on


def in_time(code: str, start: dt.date, on: dt.date, overrides: Mapping[str, int] | None = None) -> bool:
    """True when an act done ``on`` meets the period started ``start`` (on <= deadline).

    ``hearing_notice`` is a lead time, not a deadline, so it is refused here: use
    :func:`hearing_notice_in_time`.
    """
    if code == "hearing_notice":
        raise ValueError("听证通知期限是提前期，不适用 in_time，请用 hearing_notice_in_time(通知日, 听证日)")
    require_date(on, "行为日")
    return on <= deadline(code, start, overrides)


def hearing_notice_in_time(notified_on: dt.date, hearing_on: dt.date) -> bool:
    """True when the notice came at least 7 working days before the hearing (行政处罚法第64条第2项).

    The hearing may be held on the 7th working day after the notice day, or later.
    """
    require_date(hearing_on, "听证日")
    return hearing_on >= deadline("hearing_notice", notified_on)
