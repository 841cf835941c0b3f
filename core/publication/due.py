"""When a decision must be published, withdrawn and taken down. Pure functions over dates.

* Which decisions: general-procedure 行政处罚决定 (``penalty``, period ``publication_penalty``,
  7 working days by default) and 不予行政处罚决定 for minor or first violations
  (``no_penalty_minor``, an "other enforcement decision", period ``publication_other``, 20 working
  days) — 国办发〔2018〕118号. Not published: 不予处罚 because the facts were not established
  (``no_penalty_unproven``: publishing would name someone not found at fault), criminal transfers
  (not a decision on the merits), and 简易程序 当场处罚 (decided on the spot; publication rules
  such as 《市场监督管理行政处罚信息公示规定》 cover general-procedure decisions).
* Lengths come from the township's ``periods`` overrides (one source with every other period);
  whether no-penalty decisions are published and how long records stay up come from its
  ``publication`` settings (``zhifa.core.rules.facts.PublicationSettings``).
* Withdrawal after revocation or change: 3 working days (行政处罚法第48条第2款, 第85条), statutory.
* A due date that rests on the provisional holiday rule (a year the State Council has not yet
  published) is counted on the authority's side — never later than the official one could be —
  and marked 暂定 (``Due.provisional`` and ``Due.note``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import msgspec
from zhifa.core.calendar import add_months, due, period

PENALTY, OTHER = "penalty", "other"
PERIOD_OF_KIND = {PENALTY: "publication_penalty", OTHER: "publication_other"}
KIND_NAMES = {PENALTY: "行政处罚决定", OTHER: "其他执法决定"}
DECISION_NAMES = {"penalty": "行政处罚决定", "no_penalty_minor": "不予行政处罚决定"}


PROVISIONAL_NOTE = "暂定：依暂定节假日规则计算（按可能调休上班计，不晚于正式日期），国务院通知公布后重新计算"


class Due(msgspec.Struct, frozen=True, kw_only=True):
    on: dt.date | None
    note: str = ""  # 暂定 when the date rests on the provisional holiday rule
    provisional: bool = False


def publication_kind(decision_kind: str, publish_no_penalty: bool = True) -> str | None:
    """``penalty`` / ``other`` for a decision that is published; None when it is not."""
    if decision_kind == "penalty":
        return PENALTY
    if decision_kind == "no_penalty_minor" and publish_no_penalty:
        return OTHER
    return None


def due_days(kind: str, overrides: Mapping[str, int] | None = None) -> int:
    return period(PERIOD_OF_KIND[kind], overrides).length


def _safe(code: str, start: dt.date, overrides: Mapping[str, int] | None) -> Due:
    found = due(code, start, overrides)
    return Due(on=found.on, provisional=found.provisional, note=PROVISIONAL_NOTE if found.provisional else "")


def publication_due(kind: str, decided_on: dt.date, overrides: Mapping[str, int] | None = None) -> Due:
    """Last working day to publish a decision made ``decided_on`` (that day not counted)."""
    return _safe(PERIOD_OF_KIND[kind], decided_on, overrides)


def withdrawal_due(revoked_on: dt.date) -> Due:
    """Last working day to withdraw a published decision revoked or changed ``revoked_on``."""
    return _safe("publication_withdrawal", revoked_on, None)


def display_until(published_on: dt.date, months: int) -> dt.date:
    """Last day a record stays on the public page (民法典第202条 month counting)."""
    return add_months(published_on, months)
