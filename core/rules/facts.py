"""Facts about people that gates read (gathered by services; no I/O in rules)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import msgspec


class CertificateFact(msgspec.Struct, kw_only=True):
    number: str
    fields: list[str]
    valid_from: dt.date
    valid_to: dt.date
    revoked_on: dt.date | None = None

    def valid_for(self, field: str, on: dt.date) -> bool:
        revoked = self.revoked_on is not None and self.revoked_on <= on
        return field in self.fields and self.valid_from <= on <= self.valid_to and not revoked


class Person(msgspec.Struct, kw_only=True):
    id: int
    username: str
    display_name: str
    roles: list[str]
    township: int | None
    legal_qualification: bool = False
    reviewing_since: dt.date | None = None  # 首次从事法制审核之日
    certificates: list[CertificateFact] = []

    def certified(self, field: str, on: dt.date) -> CertificateFact | None:
        if "officer" not in self.roles or "auxiliary" in self.roles:
            return None
        return next((c for c in self.certificates if c.valid_for(field, on)), None)


class PublicationSettings(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """公示 (local policy). Due periods are ``periods`` publication_penalty / publication_other."""

    publish_no_penalty: bool = True  # 不予处罚决定（轻微、首违）published as 其他执法决定
    display_months_penalty: Annotated[int, msgspec.Meta(ge=1)] = 36  # 公示期满撤下（月）
    display_months_other: Annotated[int, msgspec.Meta(ge=1)] = 36


class ReferralSettings(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """乡呼县应 response deadlines in working days from sending: local policy, not statute."""

    accept_days: Annotated[int, msgspec.Meta(ge=1)] = 1  # 县直部门受理（签收）
    answer_days: Annotated[int, msgspec.Meta(ge=1)] = 5  # 县直部门答复


class ProcedureSettings(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """A township's configurable procedure (the law leaves these to provinces and departments)."""

    periods: dict[str, int] = {}  # overrides of zhifa.core.calendar PERIODS lengths
    legal_review_all_general: bool = False  # many places review every general-procedure case
    legal_review_powers: list[str] = []  # the township's list of 重大执法决定
    hand_back_citizen: str | None = None  # 较大数额 kept by the county (yuan); None: no hand-back
    hand_back_organisation: str | None = None
    documents: dict[str, str] = {}  # 文书设置, checked by zhifa.core.documents.settings.DocumentSettings
    publication: PublicationSettings = msgspec.field(default_factory=PublicationSettings)
    referral: ReferralSettings = msgspec.field(default_factory=ReferralSettings)
