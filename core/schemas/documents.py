"""执法文书 as the service returns them (the CLI and the API share these)."""

from __future__ import annotations

import datetime as dt

import msgspec


class TemplateRead(msgspec.Struct, kw_only=True):
    code: str
    name: str
    origin: str  # core | <field code>
    stage: str
    number_code: str
    overrides: str = ""


class DocumentRead(msgspec.Struct, kw_only=True):
    id: int
    case_id: int
    template: str
    title: str
    stage: str
    number: str | None
    issued_on: dt.date
    content_sha256: str
    size_bytes: int
    pdf_sha256: str
    pdf_size_bytes: int
    pages: int
    blanks: list[str]  # placeholders left blank, to be filled in by hand in Word
    replaces: int | None
    created_by: str
    created_at: dt.datetime


class ExportRead(msgspec.Struct, kw_only=True):
    path: str
    sha256: str
    size_bytes: int
    documents: int
    evidence: int
    events: int
    chain_intact: bool
