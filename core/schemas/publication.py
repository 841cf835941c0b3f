"""公示: the publication queue as officers read it, and the masked record the public reads."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

import msgspec
from zhifa.core.schemas.text import Text


class PublicParty(msgspec.Struct, kw_only=True):
    kind: str  # citizen | individual_business | organisation
    name: str  # masked for natural persons (张*)
    identifier: str  # masked resident ID (3****************7) or the credit code
    legal_representative: str | None = None


class PublicRecord(msgspec.Struct, kw_only=True):
    """What the public page and the API show: personal data masked (zhifa.core.publication.mask)."""

    publication_id: int
    township: str  # township name
    authority: str  # 作出决定的机关（委托的，为委托部门）
    case_number: str | None  # 立案编号
    decision_kind: str  # penalty | no_penalty_minor
    title: str  # 行政处罚决定 / 不予行政处罚决定
    decided_on: dt.date
    party: PublicParty
    field: str
    power: str | None
    power_name: str
    legal_basis: str  # 违法条款、罚则条款
    facts: str  # 主要违法事实 (case summary, scrubbed)
    place: str  # coarse place
    penalties: list[str]  # Chinese names
    amount: Decimal | None
    reasons: str
    published_on: dt.date
    display_until: dt.date
    decision_number: str | None = None  # 决定书文号: the latest numbered decision-stage document (None: not rendered)


class WithdrawalNotice(msgspec.Struct, kw_only=True):
    """撤回说明: what replaces a withdrawn record (行政处罚法第48条第2款). No personal data."""

    publication_id: int
    case_number: str | None
    title: str
    decided_on: dt.date
    withdrawn_on: dt.date
    reason: str


class PublicPage(msgspec.Struct, kw_only=True):
    township_code: str
    township_name: str
    on: dt.date
    records: list[PublicRecord]
    withdrawals: list[WithdrawalNotice]


class PublishConfirm(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """What the publisher read in the draft and confirms for the public page (公示内容确认).

    ``draft_digest`` is required: the ``digest`` of the draft the publisher read
    (``PublicationDraft``, for the same publication day); without it nothing is published
    (``publication.confirmation_required``), and a draft that has changed since is not published
    from it (``publication.draft_changed``). ``facts`` and ``reasons`` replace the draft's texts
    when given — the publisher removes what the program cannot know (a witness's or a minor's
    name); the automatic masking and the leak check still run over them as the second line.
    """

    draft_digest: Annotated[str, msgspec.Meta(
        max_length=64, description="必填：所核对草稿的核对码（GET …/draft 答复中的 digest，同一公示日）")] | None = None
    facts: Annotated[str, msgspec.Meta(max_length=4000, description="公示的违法事实（确认或修改后的）")] | None = None
    reasons: Annotated[str, msgspec.Meta(max_length=4000, description="公示的处罚理由（确认或修改后的）")] | None = None


class PublicationDraft(msgspec.Struct, kw_only=True):
    """The record as it would be published on the day asked, for the publisher to read and confirm."""

    publication_id: int
    digest: str  # sha256 of ``record``: sent back as ``PublishConfirm.draft_digest`` to publish it
    record: PublicRecord


class WithdrawalCreate(msgspec.Struct, kw_only=True):
    """A published decision changed, confirmed unlawful or void outside the ``revoke`` action."""

    reason: Text


class PublicationRead(msgspec.Struct, kw_only=True):
    id: int
    township: str
    case_id: int
    case_number: str | None
    kind: str  # penalty | other
    decision_kind: str
    decided_on: dt.date
    due_days: int
    due_on: dt.date | None
    due_note: str  # why due_on is unknown (working-day calendar not covering the year)
    status: str  # queued | published | withdrawal_due | withdrawn | cancelled | taken_down
    published_on: dt.date | None
    published_late: bool | None
    display_until: dt.date | None
    withdraw_reason: str
    withdraw_requested_on: dt.date | None
    withdraw_due_on: dt.date | None
    withdrawn_on: dt.date | None
    withdrawn_late: bool | None
    cancelled_on: dt.date | None
    taken_down_on: dt.date | None
    record: PublicRecord | None


class OverduePublication(msgspec.Struct, kw_only=True):
    """For supervisors: publications and withdrawals past their due date (or with no due date yet)."""

    id: int
    township: str
    township_name: str
    case_id: int
    case_number: str | None
    problem: str  # publication_overdue | withdrawal_overdue
    due_on: dt.date | None
    working_days_overdue: int | None
    note: str = ""
