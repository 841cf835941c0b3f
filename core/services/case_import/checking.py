"""Every row of an import file checked before anything is written: one problem per bad cell, in Chinese.

Pure: the service reads what the checks need from the database (``Known``: the township's grants,
users, parties and case numbers) inside the import's write transaction and hands it in with today's
local date. A row that passes becomes a ``Planned`` case, every value in its stored form.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

import msgspec
from zhifa.core.domain import identifiers
from zhifa.core.domain.authorisation import Grant, effective_grant
from zhifa.core.rules.dates import FLOOR
from zhifa.core.services.case_import import columns as c
from zhifa.core.services.case_import.reading import Sheet


class Problem(msgspec.Struct, frozen=True, kw_only=True):
    row: int  # as a spreadsheet numbers it: the header is row 1
    column: str  # the header as the file writes it ("" for the row as a whole)
    message: str


@dataclass
class Known:
    """What the checks need from the database, read under the township's lock."""

    township_code: str
    registry: object  # the catalogue as the township sees it (Registry.in_region)
    grants: list[Grant]
    users: dict[str, int]  # username → id, users of the township
    parties: dict[str, int]  # identifier → id, parties the township has registered
    numbers: set[str]  # case numbers the township has
    field_names: dict[str, str] = field(default_factory=dict)  # Chinese field name → code


class NewParty(msgspec.Struct, kw_only=True):
    kind: str  # citizen | organisation
    name: str
    identifier: str
    legal_representative: str | None
    address: str
    birth_date: dt.date | None


class Planned(msgspec.Struct, kw_only=True):
    row: int
    number: str
    field: str
    power: str
    summary: str
    source: str
    procedure: str
    place: str
    act_date: dt.date | None
    found_on: dt.date
    filed_on: dt.date
    party: str | None  # the party's identifier (registered already, or in ``new_parties``)
    officers: list[str]
    reviewer: str | None
    reviewed_on: dt.date | None
    decision_kind: str | None
    decided_on: dt.date | None
    amount: Decimal | None
    closed_on: dt.date
    status: str


class Checked(msgspec.Struct, kw_only=True):
    planned: list[Planned]
    new_parties: dict[str, NewParty]  # by identifier
    problems: list[Problem]


_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_AMOUNT = re.compile(r"^\d+(\.\d{1,2})?$")
_NAMES = re.compile(r"[、，,;；\s]+")
LIMITS = {"number": 60, "place": 300, "party_name": 200, "legal_representative": 100, "party_address": 300}

_DATE_ORDER = (("act_date", "found_on"), ("found_on", "filed_on"), ("filed_on", "decided_on"),
               ("filed_on", "reviewed_on"), ("decided_on", "closed_on"), ("reviewed_on", "closed_on"),
               ("filed_on", "closed_on"))


def parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    m = _DATE.match(text)
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def map_headers(sheet: Sheet) -> tuple[dict[str, int], dict[str, str], list[Problem]]:
    """Column key → index, key → the file's header, and the header's problems (row 1)."""
    index, names, problems = {}, {}, []
    for i, header in enumerate(sheet.headers):
        if not header.strip():
            continue
        key = c.HEADERS.get(c.normalise(header))
        if key is None:
            problems.append(Problem(row=1, column=header, message=f"未知的列「{header}」（可用的列见 docs/import.md）"))
        elif key in index:
            problems.append(Problem(row=1, column=header, message=f"列「{header}」与「{names[key]}」重复"))
        else:
            index[key], names[key] = i, header.strip()
    for column in c.COLUMNS:
        if column.required and column.key not in index:
            problems.append(Problem(row=1, column=column.header, message=f"缺少必填的列「{column.header}」"))
    return index, names, problems


class _Row:
    """One row being checked: its cells by key, and the problems found so far."""

    __slots__ = ("number", "cells", "index", "names", "problems")

    def __init__(self, number: int, cells: list[str], index: dict[str, int], names: dict[str, str],
                 problems: list[Problem]):
        self.number, self.cells, self.index, self.names, self.problems = number, cells, index, names, problems

    def text(self, key: str) -> str:
        i = self.index.get(key)
        if i is None or i >= len(self.cells):
            return ""
        return self.cells[i].strip()

    def bad(self, key: str, message: str) -> None:
        self.problems.append(Problem(row=self.number, column=self.names.get(key, c.BY_KEY[key].header), message=message))

    def header(self, key: str) -> str:
        return self.names.get(key, c.BY_KEY[key].header)

    def required(self, key: str) -> str:
        value = self.text(key)
        if not value:
            self.bad(key, f"「{self.header(key)}」必填")
        return value

    def date(self, key: str, today: dt.date) -> dt.date | None:
        value = self.text(key)
        if not value:
            return None
        day = parse_date(value)
        if day is None:
            self.bad(key, f"「{value}」不是有效的日期（应为 YYYY-MM-DD，如 2024-03-01）")
        elif day > today:
            self.bad(key, f"{self.header(key)} {day} 晚于今天（{today}）")
        elif day < FLOOR:
            self.bad(key, f"{self.header(key)} {day} 早于行政处罚法施行之日（{FLOOR}）")
        else:
            return day
        return None

    def coded(self, key: str, words: dict[str, str], vocabulary: dict[str, str]) -> str | None:
        value = self.text(key)
        if not value:
            return None
        code = vocabulary.get(c.normalise(value))
        if code is None:
            self.bad(key, f"「{value}」无效（可选：{c.choices(words)}）")
        return code

    def limited(self, key: str) -> str:
        value = self.text(key)
        limit = LIMITS.get(key)
        if limit is not None and len(value) > limit:
            self.bad(key, f"「{self.header(key)}」超过 {limit} 个字")
        return value


def check(sheet: Sheet, known: Known, today: dt.date, progress=None) -> Checked:
    index, names, problems = map_headers(sheet)
    if any(p.message.startswith("缺少") or "重复" in p.message for p in problems):  # rows cannot be read
        return Checked(planned=[], new_parties={}, problems=problems)
    planned: list[Planned] = []
    new_parties: dict[str, NewParty] = {}
    first_row: dict[str, int] = {}
    identities: dict[str, tuple[str, str] | str] = {}  # identifier → (kind, canonical) or the error
    total = len(sheet.rows)
    for done, (number, cells) in enumerate(sheet.rows, start=1):
        case = _check_row(_Row(number, cells, index, names, problems), known, today, first_row, identities, new_parties)
        if case is not None:
            planned.append(case)
        if progress is not None and (done % 2000 == 0 or done == total):
            progress("校验", done, total)
    return Checked(planned=planned, new_parties=new_parties, problems=problems)


def _identity(value: str, identities: dict) -> tuple[str, str] | str:
    """(kind, canonical form) of a resident ID or a credit code, or the reason it is neither."""
    found = identities.get(value)
    if found is None:
        looks_personal = len(value) == 18 and value[:17].isdigit()  # a credit code has letters, mostly
        try:
            found = ("citizen", identifiers.resident_id(value))
        except identifiers.InvalidIdentifier as citizen:
            try:
                found = ("organisation", identifiers.credit_code(value))
            except identifiers.InvalidIdentifier as organisation:
                found = str(citizen if looks_personal else organisation)
        identities[value] = found
    return found


def _check_row(row: _Row, known: Known, today: dt.date, first_row: dict[str, int], identities: dict,
               new_parties: dict[str, NewParty]) -> Planned | None:
    registry, before = known.registry, len(row.problems)
    number = row.required("number")
    if number:
        if len(number) > LIMITS["number"]:
            row.bad("number", f"「{row.header('number')}」超过 {LIMITS['number']} 个字")
        elif number in known.numbers:
            row.bad("number", f"本乡镇已有案件编号为 {number} 的案件（文件已导入过，或与系统中的案件重复）")
        elif number in first_row:
            row.bad("number", f"案件编号 {number} 与第 {first_row[number]} 行重复")
        else:
            first_row[number] = row.number

    power_code = row.required("power")
    power = registry.powers.get(power_code) if power_code else None
    field_code = registry.field_of(power_code) if power is not None else None
    if power_code and power is None:
        row.bad("power", f"本乡镇适用的目录中没有执法事项 {power_code}")
    field_text = row.text("field")
    if field_text and field_code is not None:
        named = known.field_names.get(field_text, field_text)
        if named != field_code:
            row.bad("field", f"领域「{field_text}」与执法事项 {power_code} 所属领域（{field_code}）不一致")

    source = row.coded("source", c.SOURCES, c.SOURCE_OF)
    if not row.text("source"):
        row.required("source")
    procedure = row.coded("procedure", c.PROCEDURES, c.PROCEDURE_OF) or "general"
    status = row.coded("status", c.STATUSES, c.STATUS_OF) or "closed"
    decision_kind = row.coded("decision_kind", c.DECISIONS, c.DECISION_OF)

    dates = {key: row.date(key, today) for key in ("act_date", "found_on", "filed_on", "reviewed_on", "decided_on",
                                                   "closed_on")}
    for key in ("filed_on", "closed_on"):
        if not row.text(key):
            row.required(key)
    filed_on = dates["filed_on"]
    if dates["found_on"] is None and not row.text("found_on"):
        dates["found_on"] = filed_on
    for earlier, later in _DATE_ORDER:
        a, b = dates[earlier], dates[later]
        if a is not None and b is not None and a > b:
            row.bad(later, f"{row.header(later)} {b} 早于{row.header(earlier)} {a}")

    if power is not None and filed_on is not None:
        if not registry.power_in_force(power_code, filed_on):
            row.bad("power", f"执法事项 {power_code} 在立案日期 {filed_on} 不在有效期内")
        elif effective_grant(known.grants, field_code, power_code, filed_on) is None:
            row.bad("power", f"执法事项 {power_code} 在立案日期 {filed_on} 未授权本乡镇（或已上收、已失效）")

    amount_text = row.text("amount")
    amount = None
    if amount_text:
        if not _AMOUNT.match(amount_text):
            row.bad("amount", f"罚款金额「{amount_text}」无效：应为不小于 0、至多两位小数的数字（单位元）")
        else:
            amount = Decimal(amount_text).quantize(Decimal("0.01"))
            decision_kind = decision_kind or "penalty"
            if decision_kind != "penalty":
                row.bad("amount", "只有决定类型为处罚的案件才填写罚款金额")
    if dates["decided_on"] is not None and decision_kind is None and not row.text("decision_kind"):
        row.bad("decision_kind", "填写了决定日期，须填写决定类型")
    if decision_kind is not None and dates["decided_on"] is None and not row.text("decided_on"):
        row.bad("decided_on", "填写了决定类型或罚款金额，须填写决定日期")
    if status == "terminated" and (decision_kind or row.text("decided_on")):
        row.bad("status", "终止调查的案件没有处理决定：请删去决定类型、决定日期和罚款金额，或更正状态")
    if status in ("closed", "archived") and not (decision_kind or row.text("decision_kind") or row.text("decided_on")):
        row.bad("decision_kind", "结案（归档）的案件须填写决定类型和决定日期")
    if status == "criminal_transfer" and decision_kind not in (None, "criminal_transfer"):
        row.bad("decision_kind", "状态为移送司法的案件，决定类型只能是移送司法机关")
    if procedure == "simple":
        if decision_kind not in (None, "penalty"):
            row.bad("decision_kind", "简易程序只能当场作出处罚决定")
        if dates["decided_on"] is not None and filed_on is not None and dates["decided_on"] != filed_on:
            row.bad("decided_on", f"简易程序当场作出决定：决定日期 {dates['decided_on']} 应与立案日期 {filed_on} 相同")

    officers = _NAMES.split(row.text("officers")) if row.text("officers") else []
    for name in officers:
        if name not in known.users:
            row.bad("officers", f"承办人 {name} 不是本乡镇的用户")
    reviewer = row.text("reviewer") or None
    if reviewer is not None and reviewer not in known.users:
        row.bad("reviewer", f"法制审核人 {reviewer} 不是本乡镇的用户")
    if (reviewer is None) == bool(row.text("reviewed_on")):
        row.bad("reviewer" if reviewer is None else "reviewed_on", "法制审核人和法制审核日期须同时填写")

    party = _party(row, known, identities, new_parties)
    place = row.limited("place")
    summary = row.text("summary") or (power.name if power is not None else "")
    if len(row.problems) > before:
        return None
    return Planned(
        row=row.number, number=number, field=field_code, power=power_code, summary=summary, source=source,
        procedure=procedure, place=place, act_date=dates["act_date"], found_on=dates["found_on"], filed_on=filed_on,
        party=party, officers=officers, reviewer=reviewer, reviewed_on=dates["reviewed_on"],
        decision_kind=decision_kind, decided_on=dates["decided_on"], amount=amount if amount else None,
        closed_on=dates["closed_on"], status=status,
    )


def _party(row: _Row, known: Known, identities: dict, new_parties: dict[str, NewParty]) -> str | None:
    name, value = row.limited("party_name"), row.text("party_identifier").upper()
    if not name and not value:
        return None
    if not value:
        row.bad("party_identifier", "填写了当事人，须填写当事人证件号码（居民身份证号码或统一社会信用代码）")
        return None
    found = _identity(value, identities)
    if isinstance(found, str):
        row.bad("party_identifier", found)
        return None
    kind, identifier = found
    if identifier in known.parties or identifier in new_parties:
        return identifier
    if not name:
        row.bad("party_name", f"本乡镇尚未登记证件号码为 {identifier} 的当事人，须填写当事人名称")
        return None
    representative = row.limited("legal_representative") or None
    if kind == "organisation" and representative is None:
        row.bad("legal_representative", "法人或者其他组织须填写法定代表人（负责人）")
        return None
    new_parties[identifier] = NewParty(
        kind=kind, name=name, identifier=identifier, legal_representative=representative,
        address=row.limited("party_address"),
        birth_date=identifiers.birth_date(identifier) if kind == "citizen" else None)
    return identifier
