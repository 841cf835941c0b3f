"""The township scope: a record a request names is only ever resolved inside the caller's township.

Requests name records by id or username in paths, query strings and bodies (``party_id``,
``officers``, ``replacement``, ``host``, ``department``, ``target_id`` …). Each is resolved here,
before any rule runs, so nothing of another township is ever read into a case. A record of
another township — or, for a county department, of another county — is answered exactly like
one that does not exist: the same code and the same message, naming the request's field and the
value sent, so ids and usernames cannot be probed across the township line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from piccolo.table import Table
from zhifa.core.db.tables import (
    AppUser,
    Case,
    Department,
    Document,
    Evidence,
    InspectionDraw,
    InspectionPlan,
    InspectionTarget,
    Party,
    Publication,
)
from zhifa.core.services.errors import NotFound
from zhifa.core.services.townships import township_key


@dataclass(frozen=True)
class Kind:
    """A kind of record a request can name."""

    noun: str  # in the message: 本乡镇未找到{noun}（{field}：{value}）
    code: str  # the stable code of "not found"
    table: type[Table]
    key: str = "id"  # the column the request's value is matched against
    county: bool = False  # owned by the county (departments): resolved in the township's own county


KINDS: dict[str, Kind] = {
    "party": Kind("当事人", "party.not_found", Party),
    "user": Kind("人员", "user.not_found", AppUser, key="username"),
    "case": Kind("案件", "case.not_found", Case),
    "evidence": Kind("证据", "evidence.not_found", Evidence),
    "document": Kind("文书", "document.not_found", Document),
    "publication": Kind("公示", "publication.not_found", Publication),
    "department": Kind("县直部门", "department.not_found", Department, key="code", county=True),
    "target": Kind("检查对象", "inspection.target_not_found", InspectionTarget),
    "plan": Kind("抽查计划", "inspection.plan_not_found", InspectionPlan),
    "draw": Kind("抽取记录", "inspection.draw_not_found", InspectionDraw),
}

#: Fields of request bodies (procedure inputs among them) that name a record, and its kind.
#: A list names one record per item.
NAMED_BY: dict[str, str] = {
    "party_id": "party", "officers": "user", "officer": "user", "replacement": "user", "host": "user",
    "inspector": "user", "inspectors": "user", "department": "department", "case_id": "case",
    "target_id": "target", "plan_id": "plan", "draw_id": "draw",
}


def owned_by(table: type[Table], township_id: int):
    """Rows of ``table`` owned by the township ``township_id``: the one place that names the township column."""
    return table.township == township_id


def of_township(table: type[Table], township_code: str):
    """Rows of ``table`` owned by the township with the code ``township_code`` (a join on the township)."""
    return table.township.code == township_code


def in_county(table: type[Table], county_code: str):
    """Rows of ``table`` owned by any township of the county ``county_code`` (a join on the township)."""
    return table.township.county_code == county_code


def not_found(kind: str, field: str, value: Any) -> NotFound:
    """The one answer for a record the request names that is not in the scope, whoever holds it."""
    spec = KINDS[kind]
    return NotFound(spec.code, f"{'本县' if spec.county else '本乡镇'}未找到{spec.noun}（{field}：{value}）")


class TownshipScope:
    """One township's records, as a request of that township may name them."""

    def __init__(self, township: dict):
        self.township = township
        self.id: int = township["id"]

    def owns(self, table: type[Table]):
        """Rows of ``table`` owned by this township."""
        return owned_by(table, self.id)

    def _owned(self, spec: Kind):
        if spec.county:
            return spec.table.county_code == self.township["county_code"]
        return self.owns(spec.table)

    async def find(self, kind: str, values: Iterable[Any], *columns) -> dict[Any, dict]:
        """The records of this scope among ``values``, by key; the others are simply absent."""
        spec = KINDS[kind]
        wanted = list(dict.fromkeys(v for v in values if v is not None))
        if not wanted:
            return {}
        key = getattr(spec.table, spec.key)
        selected = [*columns, key] if columns else []
        rows = await spec.table.select(*selected).where(key.is_in(wanted) & self._owned(spec)).output(load_json=True)
        return {row[spec.key]: row for row in rows}

    async def resolve(self, kind: str, value: Any, *columns, field: str) -> dict:
        """The record ``value`` names in this scope; NotFound naming ``field`` otherwise."""
        found = await self.find(kind, [value], *columns)
        if value not in found:
            raise not_found(kind, field, value)
        return found[value]

    async def named_in(self, data: Any, **extra: Any) -> dict[str, dict[Any, dict]]:
        """Resolve every field of ``data`` that names a record (``NAMED_BY``), and ``extra`` fields
        (e.g. ``actor=username``, as users): kind → {value: row}. One query per kind; the first
        value missing, in field order, is refused.
        """
        wanted: list[tuple[str, str, Any]] = []
        fields = getattr(data, "__struct_fields__", tuple(NAMED_BY))
        for field, kind in ((f, NAMED_BY[f]) for f in fields if f in NAMED_BY):
            value = getattr(data, field, None)
            wanted += [(field, kind, v) for v in (value if isinstance(value, list) else [value]) if v is not None]
        wanted += [(field, "user", value) for field, value in extra.items() if value is not None]
        by_kind: dict[str, dict[Any, dict]] = {}
        for kind in dict.fromkeys(k for _, k, _ in wanted):
            by_kind[kind] = await self.find(kind, [v for _, k, v in wanted if k == kind])
        for field, kind, value in wanted:
            if value not in by_kind[kind]:
                raise not_found(kind, field, value)
        return by_kind


async def township_scope(township_code: str) -> TownshipScope:
    return TownshipScope(await township_key(township_code))  # id and county_code: what the guard read
