"""Facts about people that gates read (gathered by services; no I/O in rules)."""

from __future__ import annotations

import datetime as dt

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
    certificates: list[CertificateFact] = []

    def certified(self, field: str, on: dt.date) -> CertificateFact | None:
        if "officer" not in self.roles or "auxiliary" in self.roles:
            return None
        return next((c for c in self.certificates if c.valid_for(field, on)), None)


class ProcedureSettings(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """A township's configurable procedure (the law leaves these to provinces and departments)."""

    periods: dict[str, int] = {}  # overrides of zhifa.core.calendar PERIODS lengths
    legal_review_all_general: bool = False  # many places review every general-procedure case
    legal_review_powers: list[str] = []  # the township's list of 重大执法决定
    hand_back_citizen: str | None = None  # 较大数额 kept by the county (yuan); None: no hand-back
    hand_back_organisation: str | None = None
