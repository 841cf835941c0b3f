"""乡呼县应 referrals: a township's call to a county department, and the department's answer."""

from __future__ import annotations

import datetime as dt

import msgspec
from zhifa.core.schemas.text import Code, Line, Text


class ReferralCreate(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    department: Code  # county department code, e.g. market-county_amr
    summary: Text
    field: Code | None = None  # defaults to the department's field
    power: Code | None = None
    place: Line = ""
    case_id: int | None = None


class ReferralRating(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    score: int  # 1-5
    comment: Text = ""


class ReferralRead(msgspec.Struct, kw_only=True):
    id: int
    number: str  # e.g. 横综执呼〔2026〕1号
    township: str
    township_name: str
    department: str
    department_name: str
    field: str
    power: str | None
    summary: str
    place: str
    case_id: int | None
    status: str  # sent | accepted | answered | closed | refused | returned
    sent_at: dt.datetime
    sent_by: str
    accept_due_on: dt.date | None
    answer_due_on: dt.date | None
    due_note: str
    accepted_at: dt.datetime | None
    accepted_by: str | None
    answer: str
    answered_at: dt.datetime | None
    answered_by: str | None
    closed_at: dt.datetime | None
    refused_at: dt.datetime | None
    returned_at: dt.datetime | None
    reason: str  # why refused or returned
    rating: int | None
    rating_comment: str
    rated_at: dt.datetime | None
    accept_working_days: int | None  # working days from sending to acceptance (sending day not counted)
    accept_hours: float | None
    answer_working_days: int | None
    answer_hours: float | None
    accepted_late: bool | None
    answered_late: bool | None


class OverdueReferral(msgspec.Struct, kw_only=True):
    id: int
    number: str
    township: str
    department: str
    status: str
    problem: str  # accept_overdue | answer_overdue
    due_on: dt.date
    working_days_overdue: int | None
