"""涉嫌犯罪移送 after the transfer: the police's receipt and filing decision, the copy to the
procuratorate, reconsideration, and resuming administrative handling. Pure: no I/O.

《行政执法机关移送涉嫌犯罪案件的规定》(国务院令第310号，2020年修订):
* 第8条: the public security organ reviews a transferred case within 3 days of receiving it and
  notifies in writing whether it files (立案) or not (不予立案, with reasons);
* 第9条: within 3 days of receiving a 不予立案 notice the administrative organ may ask that organ to
  reconsider (提请复议), which decides within 3 days of receiving the request;
* 第11条 and 第13条 (不予立案的，依法作出处理): after a final non-filing the township resumes administrative
  handling — ``resume_after_non_filing`` returns the case to investigation.
The copy of the transfer to the procuratorate at the same level (抄送同级人民检察院) follows
中办发〔2011〕8号《关于加强行政执法与刑事司法衔接工作的意见》.

"3日" is counted in calendar days, as ``criminal_transfer_decision`` is: the regulation has no
working-day clause (行政处罚法第85条 interprets only that law's own periods), and the shorter count
never shows a late step as in time. Time spent with the police is not deducted from the 90-day
decision clock: no rule found allows it; ``extend_decision_deadline`` is the lawful route.
"""

from __future__ import annotations

import datetime as dt

import msgspec

DAYS = 3  # 第8条、第9条


def police_review_due(received_on: dt.date) -> dt.date:
    """Last day for the police to decide whether to file (第8条), receipt day not counted."""
    return received_on + dt.timedelta(days=DAYS)


def reconsideration_request_due(notified_on: dt.date) -> dt.date:
    """Last day for the township to request reconsideration of a non-filing (第9条第1款)."""
    return notified_on + dt.timedelta(days=DAYS)


def reconsideration_decision_due(requested_on: dt.date) -> dt.date:
    """Last day for the police to decide on the reconsideration (第9条第2款)."""
    return requested_on + dt.timedelta(days=DAYS)


class PoliceDecision(msgspec.Struct, kw_only=True):
    filed: bool  # 立案 / 不予立案
    notified_on: dt.date  # the day the township received the written notice
    due: dt.date | None  # the police's own deadline for this decision
    in_time: bool | None
    notice_no: str = ""
    reason: str = ""
    on_reconsideration: bool = False


class JudicialTransfer(msgspec.Struct, kw_only=True):
    organ_receipt_no: str = ""  # 回执
    received_on: dt.date | None = None
    review_due: dt.date | None = None
    procuratorate: str = ""
    copy_document_no: str = ""
    copied_on: dt.date | None = None
    decisions: list[PoliceDecision] = []
    reconsideration_requested_on: dt.date | None = None
    reconsideration_reason: str = ""
    reconsideration_due: dt.date | None = None
    resumed_on: dt.date | None = None

    @property
    def last_decision(self) -> PoliceDecision | None:
        return self.decisions[-1] if self.decisions else None

    @property
    def reconsideration_pending(self) -> bool:
        requested = self.reconsideration_requested_on
        return requested is not None and not any(d.on_reconsideration for d in self.decisions)
