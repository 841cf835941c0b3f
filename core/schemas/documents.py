"""执法文书 as the service returns them (the CLI and the API share these)."""

from __future__ import annotations

import datetime as dt

from typing import Any

import msgspec

from zhifa.core.schemas.ids import RecordId
from zhifa.core.schemas.text import Code, Username


class TemplateRead(msgspec.Struct, kw_only=True):
    code: str
    name: str
    origin: str  # core | <field code>
    stage: str
    number_code: str
    overrides: str = ""
    ready: bool = True  # whether the case file holds what the template needs now
    not_ready: str = ""  # why not, in the service's words (document.not_ready)


class DocumentCreate(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """A document to make for a case (the API's body; the CLI's ``zhifa case document`` arguments)."""

    template: Code
    on: dt.date | None = None  # the document's date, today if not sent
    data: dict[str, Any] = {}  # values the case file does not hold, e.g. {"inspection": {"place": "…"}}
    officers: list[Username] | None = None  # officers named on a document made before any are assigned
    replaces: RecordId | None = None  # corrects that document under its number


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
