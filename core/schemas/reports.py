"""Oversight statistics, the quarterly case report (案件报告) and supervisors' findings (执法监督).

Which date puts a case in a quarter is stated on each figure (docs/reports.md); money is Decimal
yuan; averages are days to one decimal place, ``None`` when there is nothing to average.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import msgspec


class Quarter(msgspec.Struct, frozen=True, kw_only=True):
    label: str  # 2026Q3
    year: int
    number: int  # 1-4
    start: dt.date
    end: dt.date

    @property
    def title(self) -> str:
        return f"{self.year}年第{'一二三四'[self.number - 1]}季度"

    def contains(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.end


class Finding(msgspec.Struct, kw_only=True):
    """One problem a supervisor should look at, found by re-running a rule on the stored case."""

    code: str  # stable, e.g. officers.fewer_than_two (zhifa.core.services.findings.FINDINGS)
    title: str  # Chinese name of the kind of problem
    township: str
    township_name: str
    case_id: int
    case_number: str | None
    field: str
    power: str | None
    on: dt.date  # the date the rule was checked for (filing or decision date)
    step: str  # file_case | decide | decide_on_spot — the step the rule guards; register_evidence for a missing file
    rule: str  # the rule's own refusal code(s), e.g. officer.no_valid_certificate
    message: str  # the rule's Chinese message(s)
    in_event_log: bool  # False: the step has no event — imported history or written directly to the tables


class Figures(msgspec.Struct, kw_only=True):
    """Counts and sums over one group of cases (a township, or one entrusting department's powers)."""

    clues: int = 0  # found in the quarter (found_at, local date)
    filed: int = 0  # filed in the quarter (filed_on; simple procedure: the on-the-spot decision date)
    decided: int = 0  # decisions made in the quarter (decision date), any kind
    penalties: int = 0  # of which 给予行政处罚
    fines_decided: Decimal = Decimal("0.00")  # penalty decisions in the quarter
    fines_collected: Decimal = Decimal("0.00")  # payments recorded with a date in the quarter
    closed: int = 0  # closed in the quarter (closed_on: 结案 or 当场处罚备案)
    pending: int = 0  # filed on or before the quarter's last day and not ended by then
    closure_rate: Decimal | None = None  # of cases filed in the quarter, share closed by its last day (percent)
    avg_days_to_decision: Decimal | None = None  # general procedure, decisions in the quarter, filed_on → decision
    avg_days_to_close: Decimal | None = None  # cases closed in the quarter, filed_on → closed_on


class Breakdown(msgspec.Struct, kw_only=True):
    by_field: dict[str, int] = {}  # cases filed in the quarter
    by_source: dict[str, int] = {}
    by_procedure: dict[str, int] = {}
    by_outcome: dict[str, int] = {}  # outcomes reached in the quarter (decision kind or how the case ended)
    by_month: dict[str, int] = {}  # cases filed in the quarter by month (YYYY-MM), every month of the quarter


class OverdueItem(msgspec.Struct, kw_only=True):
    case_id: int
    case_number: str | None
    problem: str  # decision_clock | publication | payment
    due: dt.date
    days_overdue: int  # calendar days after ``due`` on the as-of date
    amount: Decimal | None = None  # unpaid fine (payment)


class Overdue(msgspec.Struct, kw_only=True):
    """As on the report's as-of date (the quarter's last day, or today while the quarter runs)."""

    as_of: dt.date
    decision_clock: int = 0  # 90-day clock (第60条) run out, undecided
    decided_late: int = 0  # decisions in the quarter made after the clock had run out
    publication: int = 0  # decisions not published by their due date
    payment: int = 0  # fines not paid in full by their due date
    unpaid: Decimal = Decimal("0.00")  # what those still owe (fine only, without surcharge)
    items: list[OverdueItem] = []


class ReferralFigures(msgspec.Struct, kw_only=True):
    """乡呼县应 referrals sent in the quarter (sent_at, local date)."""

    sent: int = 0
    accepted: int = 0
    answered: int = 0
    answered_late: int = 0  # answered after the answer deadline
    refused: int = 0
    returned: int = 0
    pending: int = 0  # neither answered nor ended (sent or accepted)
    avg_accept_working_days: Decimal | None = None
    avg_answer_working_days: Decimal | None = None
    avg_answer_hours: Decimal | None = None


class CaseLine(msgspec.Struct, kw_only=True):
    id: int
    number: str | None
    field: str
    power: str | None
    power_name: str
    procedure: str
    status: str
    filed_on: dt.date | None
    decided_on: dt.date | None
    decision_kind: str | None
    amount: Decimal | None
    collected: Decimal  # paid in the quarter
    closed_on: dt.date | None


class AuthoritySection(msgspec.Struct, kw_only=True):
    """The cases resting on one entrusting department's powers — or on the township's own (conferred)."""

    basis: str  # entrusted | conferred | unauthorised
    department: str | None  # department code (entrusted)
    name: str  # department name, or the township's, or 未获授权
    figures: Figures
    cases: list[CaseLine] = []


class QuarterlyReport(msgspec.Struct, kw_only=True):
    township: str
    township_name: str
    county_code: str
    quarter: Quarter
    as_of: dt.date
    figures: Figures
    breakdown: Breakdown
    overdue: Overdue
    referrals: ReferralFigures
    sections: list[AuthoritySection]
    findings: list[Finding]


class TownshipStatistics(msgspec.Struct, kw_only=True):
    """One township's figures for a quarter, as the county's statistics list them."""

    township: str
    township_name: str
    figures: Figures
    breakdown: Breakdown
    findings: int  # findings on steps dated in the quarter
