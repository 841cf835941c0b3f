"""Legal time: working-day calendar, statutory periods, the decision clock, payment and enforcement.

Pure functions over ``datetime.date`` and ``decimal.Decimal``; see each module for the law it
follows (行政处罚法第60、64、67、72、73、85条; 行政强制法第25、53、54、69条; 民法典第201-203条).
"""

from zhifa.core.calendar.decision_clock import (
    Excluded,
    Extension,
    check_extensions,
    days_left,
    decision_deadline,
    excluded_days,
    is_overdue,
    merged_intervals,
)
from zhifa.core.calendar.execution import (
    SURCHARGE_RATE,
    Instalment,
    check_instalments,
    court_application_deadline,
    court_application_opens,
    earliest_court_application,
    payment_due,
    surcharge,
    surcharge_days,
)
from zhifa.core.calendar.periods import (
    CONFIGURABLE,
    PERIODS,
    Due,
    Period,
    Unit,
    UnknownPeriod,
    add_months,
    check_overrides,
    deadline,
    due,
    hearing_notice_in_time,
    in_time,
    period,
)
from zhifa.core.calendar.sources import Side, Source, YearData
from zhifa.core.calendar.workdays import (
    CalendarNotCovered,
    add_working_days,
    first_working_day_on_or_after,
    is_working_day,
    working_days_after,
)

__all__ = [
    "CONFIGURABLE", "PERIODS", "SURCHARGE_RATE", "CalendarNotCovered", "Due", "Excluded", "Extension",
    "Side", "Source", "YearData", "due",
    "Instalment", "Period", "Unit", "UnknownPeriod", "add_months", "add_working_days",
    "check_extensions", "check_instalments", "check_overrides", "court_application_deadline",
    "court_application_opens",
    "days_left", "deadline", "decision_deadline", "earliest_court_application", "excluded_days",
    "first_working_day_on_or_after", "hearing_notice_in_time", "in_time", "is_overdue",
    "is_working_day", "merged_intervals", "payment_due", "period", "surcharge", "surcharge_days",
    "working_days_after",
]
