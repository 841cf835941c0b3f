from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
from zhifa.core.schemas.ids import RecordId
from zhifa.core.schemas.text import Code, Line, Text


class ClueCreate(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """线索登记: what an officer or auxiliary records when a matter is found."""

    field: Code
    source: Code  # patrol | complaint | hotline | grid | random_inspection | sampling | transfer | assignment
    summary: Text
    found_at: dt.datetime  # aware; stored in UTC
    power: Code | None = None
    place: Line = ""
    act_date: dt.date | None = None
    party_id: RecordId | None = None
    reporter: dict[str, Any] = {}


class CaseRead(msgspec.Struct, kw_only=True):
    id: int
    township: str
    number: str | None
    procedure: str
    status: str
    field: str
    power: str | None
    source: str
    summary: str
    place: str
    found_at: dt.datetime
    act_date: dt.date | None
    party_id: int | None
    filed_on: dt.date | None
    version: int


class EventRead(msgspec.Struct, kw_only=True):
    seq: int
    kind: str
    case_id: int | None
    actor_id: int | None
    occurred_at: dt.datetime
    place: str
    payload: dict[str, Any]
    prev_hash: str
    hash: str


class EvidenceRead(msgspec.Struct, kw_only=True):
    id: int
    case_id: int
    kind: str
    title: str
    content_sha256: str
    size_bytes: int
    media_type: str
    captured_at: dt.datetime
    captured_place: str
    collector_id: int


class CaseFilter(msgspec.Struct, kw_only=True):
    """List filters; every one optional. Dates are local (Asia/Shanghai) and inclusive."""

    status: list[str] = []
    field: str | None = None
    power: str | None = None
    officer: str | None = None  # username of an assigned officer (承办人)
    overdue: bool | None = None  # past the 90-day decision clock (第60条) on ``on``
    found_from: dt.date | None = None
    found_to: dt.date | None = None
    filed_from: dt.date | None = None
    filed_to: dt.date | None = None


class CasePage(msgspec.Struct, kw_only=True):
    items: list[CaseRead]
    next_cursor: str | None  # pass back as ``cursor`` for the next page; None on the last page
    limit: int


class DeadlineRead(msgspec.Struct, kw_only=True, frozen=True):
    """One legal period running on the case: its last day and the law it comes from."""

    code: str  # the period's code (zhifa.core.calendar.PERIODS), e.g. filing_decision, defence_reply
    name: str  # 中文名称，如「线索核查及立案决定期限」
    due: dt.date  # 最后一日（当日仍在期限内）
    provisional: bool  # 暂定：依暂定节假日规则计算，国务院通知公布后重新计算
    protects: str  # party（保护当事人的期限）| authority（对机关的时限）
    basis: str  # 法律依据
    days_left: int = 0  # 距最后一日的日历天数（自查询之日起算；已超期为负数）


class RefusalRead(msgspec.Struct, kw_only=True, frozen=True):
    """One rule that refuses the action now: its stable code and its Chinese message."""

    code: str  # 规则代码，如 decision.reply_period_running
    message: str  # 中文说明


class NextAction(msgspec.Struct, kw_only=True):
    """An action the case's status allows, with the answer of a dry run of its gates (nothing written)."""

    action: str  # 操作代码，即 POST …/actions/{action}
    label: str  # 中文名称
    allowed: bool  # 今日执行是否会被规则拒绝（角色与表单内容另行检查）
    refusals: list[RefusalRead]  # 不允许时，拒绝的各条规则
    input_schema: dict[str, Any]  # 该操作请求体的 JSON Schema


class CaseDetail(msgspec.Struct, kw_only=True):
    case: CaseRead
    officers: list[str]
    file: dict[str, Any]  # the case file (facts gathered by the procedure)
    timeline: list[EventRead]
    next_actions: list[NextAction]  # actions the case's status allows, each with a dry run of its gates
    deadlines: list[DeadlineRead] = []  # the legal periods now running, provisional ones marked
