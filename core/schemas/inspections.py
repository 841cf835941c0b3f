"""Shapes of 双随机、一公开 (random inspections): what callers send (…Create) and get (…Read).

What a caller sends is bounded (``zhifa.core.schemas.text``; ids as ``RecordId``) and refuses
unknown fields, for the API and the CLI alike.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import msgspec
from zhifa.core.schemas.ids import RecordId
from zhifa.core.schemas.text import Code, Line, Name, Text, Title, Username

#: A percentage of a ratio table: "3", "12.5" (a string, like money) or a whole number.
Percent = Annotated[str, msgspec.Meta(max_length=16)] | int
#: A seed of the draw: 0 to 2^63-1.
Seed = Annotated[int, msgspec.Meta(ge=0, le=2**63 - 1, description="随机种子（0 至 2^63-1）")]
#: At most this many entries in one import (a township's directory of one field is some hundreds).
MAX_IMPORT_ROWS = 5000


class TargetCreate(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """One entry of the inspection-target directory (检查对象名录库)."""

    field: Code
    name: Title
    identifier: Code  # 统一社会信用代码
    risk_class: Code  # A | B | C | D (also 低 / 一般 / 较高 / 高)
    kind: Code = "organisation"  # organisation | individual (个体工商户)
    operator: Name | None = None  # 经营者 (individual) / 法定代表人
    address: Line = ""


class TargetImport(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """Entries to add or update (matched by field and credit code), as the CSV import does."""

    targets: Annotated[list[TargetCreate], msgspec.Meta(min_length=1, max_length=MAX_IMPORT_ROWS)]


class TargetRead(msgspec.Struct, kw_only=True):
    id: int
    field: str
    kind: str
    name: str
    identifier: str
    operator: str | None
    address: str
    risk_class: str
    active: bool


class TargetDirectoryRead(msgspec.Struct, kw_only=True):
    version: int
    targets: list[TargetRead]


class ImportSummary(msgspec.Struct, kw_only=True):
    added: int
    updated: int
    unchanged: int
    version: int  # the target directory's version after the import


class InspectorRead(msgspec.Struct, kw_only=True):
    username: str
    display_name: str
    active: bool


class InspectorDirectoryRead(msgspec.Struct, kw_only=True):
    version: int
    inspectors: list[InspectorRead]


class InspectorsAdd(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    inspectors: Annotated[list[Username], msgspec.Meta(min_length=1, max_length=200)]  # usernames of officers


class RecusalCreate(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    inspector: Username
    target_id: RecordId
    reason: Line


class RecusalRead(msgspec.Struct, kw_only=True):
    id: int
    inspector: str
    target_id: int
    target_name: str
    reason: str


class PlanCreate(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """抽查计划（任务）."""

    field: Code
    title: Title
    ratios: Annotated[dict[Code, Percent], msgspec.Meta(max_length=8)]  # risk class -> percent, every class A–D
    starts_on: dt.date
    ends_on: dt.date
    per_target: int = 2
    rotation: bool = False  # 轮换: who inspected a target in the plan's last draw is not drawn for it again


class PlanRead(msgspec.Struct, kw_only=True):
    id: int
    field: str
    title: str
    ratios: dict[str, str]
    starts_on: dt.date
    ends_on: dt.date
    per_target: int
    rotation: bool


class AssignmentRead(msgspec.Struct, kw_only=True):
    target_id: int
    target_name: str
    risk_class: str
    inspectors: list[str]  # usernames
    inspector_names: list[str]


class ClassCountRead(msgspec.Struct, kw_only=True):
    risk_class: str
    ratio: str
    total: int
    drawn: int


class IneligibleRead(msgspec.Struct, kw_only=True):
    inspector: str
    name: str
    reason: str


class DrawRead(msgspec.Struct, kw_only=True):
    id: int
    plan_id: int
    seq: int
    seed: str
    algorithm: str
    target_directory_version: int
    target_directory_hash: str
    inspector_directory_version: int
    inspector_directory_hash: str
    result_hash: str
    drawn_at: dt.datetime
    drawn_by: str | None
    classes: list[ClassCountRead]
    assignments: list[AssignmentRead]
    ineligible: list[IneligibleRead]


class DrawCreate(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    seed: Seed | None = None  # without it a fresh 63-bit seed from ``secrets``, recorded


class DirectoryCheck(msgspec.Struct, kw_only=True):
    recorded_version: int
    recorded_hash: str
    current_version: int
    current_hash: str
    changed: bool  # the rows the draw used differ now


class VerifyReport(msgspec.Struct, kw_only=True):
    draw_id: int
    verified: bool  # recorded inputs intact and the recomputed result equals the recorded one
    problems: list[str]
    targets: DirectoryCheck
    inspectors: DirectoryCheck


class ResultCreate(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    target_id: RecordId
    outcome: Code  # see zhifa.core.services.inspections.Outcome
    inspected_at: dt.datetime | None = None  # aware; default now
    note: Text = ""
    clue_summary: Text | None = None  # outcome case_opened: the clue registered (default from the note)


class ResultRead(msgspec.Struct, kw_only=True):
    id: int
    draw_id: int
    target_id: int
    target_name: str
    inspectors: list[str]
    inspected_on: dt.date
    outcome: str
    outcome_name: str
    note: str
    case_id: int | None
    publish_due: dt.date | None
    published_on: dt.date | None


class PublicResult(msgspec.Struct, kw_only=True):
    """One line of 抽查结果公示; individuals' personal data masked."""

    target_name: str
    identifier: str
    operator: str | None
    address: str
    inspected_on: dt.date
    outcome_name: str
    published_on: dt.date
    late: bool  # published after the due date


class ResultPublication(msgspec.Struct, kw_only=True):
    """抽查结果公示 of one draw: its published results."""

    draw_id: int
    plan_title: str
    authority: str  # the township (检查机关)
    results: list[PublicResult]


Publication = ResultPublication


class PublicInspections(msgspec.Struct, kw_only=True):
    """What the public sees of a township's random inspections on a day: every result published by then."""

    township_code: str
    township_name: str
    on: dt.date
    publications: list[ResultPublication]  # one per draw with published results, newest draw first
