"""One case as the reports read it: its stored row and case file, and the dates of its steps.

Pure: the loader (zhifa.core.services.report_data) reads the tables; everything here is
arithmetic on what was stored. A step's date is the legal date the event records (``payload.on``),
else the local date the event occurred. Records written without events (imported history) still
count wherever the case file itself carries the date (filed_on, decision, payments, closed_on).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from zhifa.core.procedure.casefile import CaseFile

#: Actions that end a case without (or after) a decision, and the status they leave it in.
ENDINGS = {
    "decline_filing": "not_filed", "transfer": "transferred", "terminate": "terminated",
    "hand_back": "handed_back", "transfer_to_judicial": "criminal_transfer", "revoke": "revoked",
}
ENDING_OF_STATUS = {status: action for action, status in ENDINGS.items()}
CLOSED_STATUSES = frozenset({"closed", "archived", "filed_with_authority"})
#: The steps whose events the reports and findings read.
STEPS = frozenset({*ENDINGS, "file_case", "conclude_investigation", "decide", "decide_on_spot", "close",
                   "file_with_authority"})

ZERO = Decimal("0.00")


@dataclass
class CaseRecord:
    id: int
    number: str | None
    status: str
    procedure: str
    field: str
    power: str | None
    source: str
    found_on: dt.date
    filed_on: dt.date | None
    file: CaseFile
    steps: dict[str, list[dt.date]] = field(default_factory=dict)  # action -> dates of its events
    basis: str = "unauthorised"  # entrusted | conferred | unauthorised (the grant on the filing or finding date)
    department: int | None = None  # the entrusting department's id

    @property
    def decided_on(self) -> dt.date | None:
        return self.file.decision.on if self.file.decision else None

    @property
    def fine(self) -> Decimal | None:
        decision = self.file.decision
        if decision is None or decision.kind != "penalty" or not decision.amount:
            return None
        return Decimal(decision.amount)

    def outcomes(self) -> list[tuple[str, dt.date]]:
        """Each outcome reached and its date: the decision (by kind) and every ending step recorded."""
        found = [(self.file.decision.kind, self.file.decision.on)] if self.file.decision else []
        found += [(ENDINGS[action], day) for action, days in self.steps.items() if action in ENDINGS for day in days]
        return found

    def ended(self) -> tuple[bool, dt.date | None]:
        """Whether the case has ended (closed, or ended without being closed) and when, if known."""
        if self.status in CLOSED_STATUSES:
            return True, self.file.closed_on
        action = ENDING_OF_STATUS.get(self.status)
        if action is not None:
            days = self.steps.get(action)
            return True, max(days) if days else None
        return False, None

    def open_on(self, day: dt.date) -> bool:
        """Filed by ``day`` and not ended by then. An end of unknown date counts as before ``day``."""
        if self.filed_on is None or self.filed_on > day:
            return False
        ended, on = self.ended()
        return not ended or (on is not None and on > day)

    def paid_between(self, start: dt.date, end: dt.date) -> Decimal:
        execution = self.file.execution
        if execution is None:
            return ZERO
        return sum((Decimal(p.amount) for p in execution.payments if start <= p.on <= end), start=ZERO)

    def paid_by(self, day: dt.date) -> Decimal:
        return self.paid_between(dt.date.min, day)

    def has_step(self, *actions: str) -> bool:
        return any(self.steps.get(a) for a in actions)
