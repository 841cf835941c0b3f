"""Circumstances: reading the officer's claims, ages, the limitation period, and no-penalty grounds.

* Ages (行政处罚法 第三十条) are counted in 周岁 on the act date; following the courts' rule for
  周岁 (最高人民法院《关于审理未成年人刑事案件具体应用法律若干问题的解释》法释〔2006〕1号 第二条, applied
  by analogy), a person reaches an age on the day *after* the birthday: an act on the 14th
  birthday is an act of a person under 14.
* Limitation (第三十六条): 2 years, or 5 where the power involves citizens' life, health or
  financial safety (``five_year_limitation``) and there were harmful consequences; counted from
  the act, or from the end of a continuing act, to discovery. Periods follow 民法典 第二百零一条、
  第二百零二条: the first day is not counted, the period ends on the corresponding day (the
  month's last day when there is none); discovery on that day is in time, the day after is not.
"""

from __future__ import annotations

import calendar
import datetime as dt

from zhifa.core.catalogue.model import NoPenaltyKind, Power
from zhifa.core.penalty.model import (
    CIRCUMSTANCE_BASIS,
    CIRCUMSTANCE_NAMES,
    CITIZEN_ONLY,
    HEAVIER,
    LIGHTER,
    Circumstance,
    PenaltyFacts,
    effect_of,
)
from zhifa.core.rules.refusal import Refusal, Refused

C = Circumstance
LISTED_KINDS = (NoPenaltyKind.first_violation, NoPenaltyKind.minor)


def add_years(start: dt.date, years: int) -> dt.date:
    """The corresponding day ``years`` later; 29 February falls back to the month's last day."""
    year = start.year + years
    return dt.date(year, start.month, min(start.day, calendar.monthrange(year, start.month)[1]))


def age_on(birth: dt.date, on: dt.date) -> int:
    """Completed 周岁 on ``on``, reached the day after each birthday."""
    years = on.year - birth.year
    if add_years(birth, years) >= on:
        years -= 1
    return years


def limitation_start(facts: PenaltyFacts) -> dt.date:
    return facts.act_ended or facts.act_date


def limitation_years(power: Power, facts: PenaltyFacts) -> int:
    return 5 if power.five_year_limitation and facts.harmful_consequences else 2


def limitation_expired(power: Power, facts: PenaltyFacts) -> bool:
    """Whether the act was discovered after the limitation period (第三十六条)."""
    discovered = facts.discovered_on or facts.decision_date
    return discovered > add_years(limitation_start(facts), limitation_years(power, facts))


def limitation_text(power: Power, facts: PenaltyFacts) -> str:
    years = limitation_years(power, facts)
    start = limitation_start(facts)
    last = add_years(start, years)
    discovered = facts.discovered_on or facts.decision_date
    how = "发现之日" if facts.discovered_on else "未提供发现日期，以作出决定之日计"
    begin = "违法行为终了之日" if facts.act_ended else "违法行为发生之日"
    return (
        f"追责时效{'五' if years == 5 else '二'}年，自{begin}（{start}）起算，至 {last} 届满；"
        f"{how}为 {discovered}（{CIRCUMSTANCE_BASIS[C.limitation]}）"
    )


def read_circumstances(facts: PenaltyFacts) -> list[Circumstance]:
    """The claimed circumstances, checked, plus the age circumstance computed from the birth date."""
    found: list[Circumstance] = []
    for code in facts.circumstances:
        try:
            c = Circumstance(code)
        except ValueError:
            raise Refused(Refusal("penalty.circumstance_unknown", f"未知的情节代码 {code}")) from None
        if c is C.limitation:
            raise Refused(
                Refusal("penalty.circumstance_computed", "追责时效由系统根据违法行为日期和发现日期计算，不能直接勾选")
            )
        if c in CITIZEN_ONLY and facts.party_kind != "citizen":
            raise Refused(
                Refusal("penalty.circumstance_not_for_party", f"“{CIRCUMSTANCE_NAMES[c]}”只适用于公民（自然人）")
            )
        if c not in found:
            found.append(c)
    if facts.party_kind == "citizen" and facts.party_birth_date is not None:
        age = age_on(facts.party_birth_date, facts.act_date)
        computed = C.under_14 if age < 14 else C.aged_14_to_18 if age < 18 else None
        for claimed in (C.under_14, C.aged_14_to_18):
            if claimed in found and claimed is not computed:
                raise Refused(
                    Refusal(
                        "penalty.age_contradicts_birth_date",
                        f"当事人出生于 {facts.party_birth_date}，违法行为发生时（{facts.act_date}）"
                        f"已满 {age} 周岁，与“{CIRCUMSTANCE_NAMES[claimed]}”不符",
                    )
                )
        if computed is not None and computed not in found:
            found.append(computed)
    return found


def listed_item(registry, codes: set[str], on: dt.date):
    """The field's 首违不罚 / 轻微不罚 list entry for one of these power versions, in force on ``on``."""
    for catalogue in registry.catalogues.values():
        for item in catalogue.no_penalty:
            active = item.valid_from <= on and (item.valid_to is None or on <= item.valid_to)
            if item.power in codes and active and item.kind in LISTED_KINDS:
                return item
    return None


def no_penalty_ground(
    registry, power: Power, chain_codes: set[str], facts: PenaltyFacts, found: list[Circumstance]
) -> tuple[str, str] | None:
    """The first ground that ends the case without a penalty: (circumstance code, Chinese text)."""
    if limitation_expired(power, facts):
        return C.limitation.value, f"违法行为在法定期限内未被发现，不再给予行政处罚。{limitation_text(power, facts)}"
    for c in (C.under_14, C.mental_illness, C.no_fault, C.minor_corrected):
        if c in found:
            return c.value, f"{CIRCUMSTANCE_NAMES[c]}，不予行政处罚（{CIRCUMSTANCE_BASIS[c]}）"
    if C.first_violation in found:
        item = listed_item(registry, chain_codes, facts.decision_date)
        if item is not None:
            return C.first_violation.value, (
                f"{CIRCUMSTANCE_NAMES[C.first_violation]}，属于本领域不予处罚清单事项 {item.code}"
                f"（{item.conditions}清单依据：{item.source}），可以不予行政处罚"
                f"（{CIRCUMSTANCE_BASIS[C.first_violation]}）"
            )
    return None


def direction(found: list[Circumstance]) -> str:
    """"lighter", "heavier", "mixed" (both; weighed together, 指导意见 第十七条) or "none"."""
    light = any(c in LIGHTER for c in found)
    heavy = any(c in HEAVIER for c in found)
    return "mixed" if light and heavy else "lighter" if light else "heavier" if heavy else "none"


def factor_lines(registry, chain_codes: set[str], facts: PenaltyFacts, found: list[Circumstance]) -> list[str]:
    """One line per circumstance: what it is, its basis, and what it did here."""
    lines = []
    for c in found:
        effect = effect_of(c)
        if c is C.first_violation and listed_item(registry, chain_codes, facts.decision_date) is None:
            effect = "该事项不在本领域决定时施行的首违不罚清单中，不适用不予处罚"
        lines.append(f"{CIRCUMSTANCE_NAMES[c]}（{CIRCUMSTANCE_BASIS[c]}）：{effect}")
    return lines
