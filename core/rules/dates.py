"""Legal dates in their order (法律日期的先后): not in the future, not before the step they follow.

One rule for every date a township records, applied by the core services (``register_clue``,
``procedure.perform``, the random-inspection result), so the API and the CLI obey it alike.
Pure: the service hands in today's local date (``zhifa.core.clock.today()``, Asia/Shanghai) and
the dates already on record; nothing here reads a clock or the database.

What is checked
---------------
* **Dates of things that happened** — a clue's ``found_at`` (its local date), ``act_date`` (the
  violation), every action's legal date ``on``, and the dates inside an action's body that record a
  past fact (``PAST_FACTS``: ``act_date``/``act_ended`` when filing or deciding on the spot,
  ``facts.act_date``/``facts.act_ended``/``facts.discovered_on`` at the end of the investigation,
  ``received_on`` of the police's receipt, and of a postal or electronic service) — are
  - not after today (``date.in_future``): nothing is registered in advance;
  - not before 1996-10-01, the day the 行政处罚法 took effect (``date.too_early``): an earlier date
    is a typing error, not a case this software can handle;
  - a past fact in an action's body is not after the action's own date, nor a clue's ``act_date``
    after its ``found_at`` (``date.after_action``): what is recorded had happened by then.
* **Order** (``date.before_previous_step``): an action's ``on`` is not before the case's previous
  recorded step — the clue's finding, then each recorded action (a filing not before the clue was
  found, a payment not before the decision was served, and so on); the same day is allowed. The
  police's ``received_on`` is not before the transfer (涉嫌犯罪移送) it acknowledges, a service's
  ``received_on`` (the postal receipt) not before the decision was posted; ``act_ended``
  is not before ``act_date``; a random-inspection result is not before its draw (双随机: the
  targets and inspectors are drawn first, then inspected).
* **Dates that plan the future** (``PLANS``: the correction ``deadline``, ``hearing_on``,
  ``deferred_to`` and each instalment's ``due``) may lie after today, but not before the action's
  date (``date.before_action``) and not more than ten years after today (``date.too_far``, a
  typing error such as 2206 for 2026; no period in the procedure comes near it).

How it is answered
------------------
Every breach is a ``Refusal`` (raised as ``Refused``), never ``Invalid``: the request is
well-formed, the dates are simply not in a lawful order, like any other procedure rule. The API
therefore answers **422** (不符合法定程序) with the codes in ``refusals``; the CLI prints each
message with its code and exits 1. The codes are stable; each message names the field as the
request names it (「found_at」「on」「act_date」「instalments[0].due」…) and both dates compared.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

import msgspec
from zhifa.core.rules.refusal import Refusal

#: 行政处罚法 (1996年3月17日通过) 施行之日: the earliest legal date this software accepts.
FLOOR = dt.date(1996, 10, 1)
#: How far ahead a planned date may lie.
HORIZON_YEARS = 10

IN_FUTURE = "date.in_future"
TOO_EARLY = "date.too_early"
BEFORE_PREVIOUS_STEP = "date.before_previous_step"
AFTER_ACTION = "date.after_action"
BEFORE_ACTION = "date.before_action"
TOO_FAR = "date.too_far"

#: Dates in an action's body that record something that already happened, by action.
PAST_FACTS: dict[str, tuple[str, ...]] = {
    "file_case": ("act_date", "act_ended"),
    "decide_on_spot": ("act_date",),
    "conclude_investigation": ("facts.act_date", "facts.act_ended", "facts.discovered_on"),
    "record_police_receipt": ("received_on",),
}
#: Dates in an action's body that plan the future, by action (``instalments[].due``: every instalment).
PLANS: dict[str, tuple[str, ...]] = {
    "order_correction": ("deadline",),
    "schedule_hearing": ("hearing_on",),
    "approve_deferral": ("deferred_to", "instalments[].due"),
    "decide": ("correct_by",),
    "announce_demolition": ("demolish_by",),
    "serve_demolition_demand": ("perform_by",),
    "decide_forced_demolition": ("carry_out_on",),
    "decide_substitute_performance": ("carry_out_on",),
}


class Step(msgspec.Struct, frozen=True, kw_only=True):
    """A step already on record for a case: the clue's finding, or an action and its legal date."""

    kind: str  # "register_clue" or an ACTIONS name
    title: str  # 中文名称, as messages print it
    on: dt.date


def _field(name: str) -> str:
    return f"「{name}」"


def horizon(today: dt.date) -> dt.date:
    """The last day a planned date may fall on: ten years after today (29 February: the 28th)."""
    try:
        return today.replace(year=today.year + HORIZON_YEARS)
    except ValueError:
        return today.replace(year=today.year + HORIZON_YEARS, day=28)


def happened(name: str, day: dt.date, today: dt.date) -> list[Refusal]:
    """A date of something that happened: not after today, not before 1996-10-01."""
    if day > today:
        return [Refusal(IN_FUTURE, f"{_field(name)}日期 {day} 晚于今天（{today}），不能预先登记尚未发生的事项")]
    if day < FLOOR:
        return [Refusal(TOO_EARLY, f"{_field(name)}日期 {day} 早于行政处罚法施行之日（{FLOOR}），请核对日期")]
    return []


def not_before(name: str, day: dt.date, earlier_name: str, earlier: dt.date) -> list[Refusal]:
    """``day`` follows ``earlier`` (the same day is allowed)."""
    if day >= earlier:
        return []
    return [Refusal(BEFORE_PREVIOUS_STEP, f"{_field(name)}日期 {day} 早于{earlier_name}（{earlier}），日期须按办理先后顺序")]


def clue_dates(found_on: dt.date, act_date: dt.date | None, today: dt.date) -> list[Refusal]:
    """线索登记: the day it was found (``found_at`` in local time) and the violation's date."""
    refusals = happened("found_at", found_on, today)
    if act_date is not None:
        problems = happened("act_date", act_date, today)
        if not problems and act_date > found_on:
            problems = [Refusal(AFTER_ACTION, f"{_field('act_date')}日期 {act_date} 晚于线索发现之日「found_at」"
                                              f"（{found_on}），违法行为应在发现之前发生")]
        refusals += problems
    return refusals


def inspection_dates(inspected_on: dt.date, drawn_on: dt.date, today: dt.date) -> list[Refusal]:
    """抽查结果: inspected (``inspected_at`` in local time) by today, and not before the draw."""
    return happened("inspected_at", inspected_on, today) or not_before(
        "inspected_at", inspected_on, "本次随机抽取之日", drawn_on)


def action_dates(action: str, on: dt.date, data: Any, today: dt.date, steps: Iterable[Step]) -> list[Refusal]:
    """An action's legal date ``on`` and the dates in its body (``data``: the decoded input struct).

    ``steps`` are the case's steps on record (at least the clue's finding). The previous step is
    the latest of their dates: when every step obeyed this rule that is the last one recorded, and
    on a record made before the rule it is still the date nothing may precede.
    """
    steps = list(steps)
    refusals = happened("on", on, today)
    if not refusals and steps:
        previous = max(steps, key=lambda s: s.on)
        refusals += not_before("on", on, f"上一步「{previous.title}」的日期", previous.on)
    for name in PAST_FACTS.get(action, ()):
        day = _date(_value(data, name))
        if day is None:
            continue
        problems = happened(name, day, today)
        if not problems and day > on:
            problems = [Refusal(AFTER_ACTION, f"{_field(name)}日期 {day} 晚于本次操作日期「on」（{on}），"
                                              "记录的应是已经发生的事项")]
        refusals += problems
    refusals += _act_in_order(action, data)
    if action == "record_police_receipt":
        transfers = [s for s in steps if s.kind == "transfer_to_judicial"]
        received = _date(getattr(data, "received_on", None))
        if transfers and received is not None:
            refusals += not_before("received_on", received, "涉嫌犯罪移送之日", transfers[-1].on)
    if action == "serve_decision":  # 邮寄回执、电子到达的日期: happened, and not before the act of service
        received = _date(getattr(data, "received_on", None))
        if received is not None:
            refusals += happened("received_on", received, today) or not_before(
                "received_on", received, "本次送达（交邮、发送）之日「on」", on)
    for name, day in _plans(action, data):
        if day < on:
            refusals.append(Refusal(BEFORE_ACTION, f"{_field(name)}日期 {day} 早于本次操作日期「on」（{on}）"))
        elif day > horizon(today):
            refusals.append(Refusal(TOO_FAR, f"{_field(name)}日期 {day} 晚于今天起十年（{horizon(today)}），请核对日期"))
    return refusals


def _act_in_order(action: str, data: Any) -> list[Refusal]:
    names = ("facts.act_date", "facts.act_ended") if action == "conclude_investigation" else ("act_date", "act_ended")
    started, ended = (_date(_value(data, n)) for n in names)
    if started is None or ended is None:
        return []
    return not_before(names[1], ended, f"{_field(names[0])}（违法行为发生之日）", started)


def _plans(action: str, data: Any) -> list[tuple[str, dt.date]]:
    found = []
    for name in PLANS.get(action, ()):
        if name == "instalments[].due":
            for n, item in enumerate(getattr(data, "instalments", None) or []):
                day = _date(item.get("due") if isinstance(item, dict) else getattr(item, "due", None))
                if day is not None:
                    found.append((f"instalments[{n}].due", day))
        else:
            day = _date(_value(data, name))
            if day is not None:
                found.append((name, day))
    return found


def _value(data: Any, name: str) -> Any:
    """``act_date`` from the input struct, ``facts.act_date`` from its ``facts`` dict."""
    if "." in name:
        outer, inner = name.split(".", 1)
        holder = getattr(data, outer, None)
        return holder.get(inner) if isinstance(holder, dict) else None
    return getattr(data, name, None)


def _date(value: Any) -> dt.date | None:
    """A date, or None when absent or not a date (that is the input's own check, not this rule's)."""
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None
