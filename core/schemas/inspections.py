"""Shapes of 双随机、一公开 (random inspections): what callers send (…Create) and get (…Read)."""

from __future__ import annotations

import datetime as dt

import msgspec


class TargetCreate(msgspec.Struct, kw_only=True):
    """One entry of the inspection-target directory (检查对象名录库)."""

    field: str
    name: str
    identifier: str  # 统一社会信用代码
    risk_class: str  # A | B | C | D (also 低 / 一般 / 较高 / 高)
    kind: str = "organisation"  # organisation | individual (个体工商户)
    operator: str | None = None  # 经营者 (individual) / 法定代表人
    address: str = ""


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


class RecusalCreate(msgspec.Struct, kw_only=True):
    inspector: str  # username
    target_id: int
    reason: str


class RecusalRead(msgspec.Struct, kw_only=True):
    id: int
    inspector: str
    target_id: int
    target_name: str
    reason: str


class PlanCreate(msgspec.Struct, kw_only=True):
    """抽查计划（任务）."""

    field: str
    title: str
    ratios: dict[str, str]  # risk class -> percent, every class A–D
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


class ResultCreate(msgspec.Struct, kw_only=True):
    target_id: int
    inspected_at: dt.datetime  # aware
    outcome: str  # see zhifa.core.services.inspections.Outcome
    note: str = ""
    clue_summary: str | None = None  # outcome case_opened: the clue registered (default from the note)


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


class Publication(msgspec.Struct, kw_only=True):
    draw_id: int
    plan_title: str
    authority: str  # the township (检查机关)
    results: list[PublicResult]
