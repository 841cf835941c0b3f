"""Townships (tenants) and county departments."""

from __future__ import annotations

import contextvars

from zhifa.core.db.queries.townships import township_by_code
from zhifa.core.db.tables import Department, Township
from zhifa.core.domain import identifiers
from zhifa.core.registry import get_host
from zhifa.core.schemas.townships import DepartmentCreate, DepartmentRead, TownshipCreate, TownshipRead
from zhifa.core.services.errors import Conflict, Invalid, NotFound


def _read(row: dict) -> TownshipRead:
    return TownshipRead(
        id=row["id"],
        code=row["code"],
        name=row["name"],
        county_code=row["county_code"],
        county_name=identifiers.county_name(row["county_code"]) or "",
        short_name=row["short_name"],
    )


async def create_township(data: TownshipCreate) -> TownshipRead:
    try:
        code = identifiers.township_code(data.code)
    except identifiers.InvalidIdentifier as exc:
        raise Invalid(exc.code, str(exc), field="code") from exc
    name = data.name.strip()
    if not name:
        raise Invalid("township.name_required", "乡镇名称不能为空")
    if await Township.exists().where(Township.code == code):
        raise Conflict("township.exists", f"行政区划代码为 {code} 的乡镇已存在")
    short_name = data.short_name.strip() or f"{name[0]}综执"
    row = Township(code=code, name=name, county_code=code[:6], short_name=short_name)
    await row.save()
    return await get_township(code)


async def get_township_row(code: str) -> dict:
    row = await township_by_code(code)
    if row is None:
        raise NotFound("township.not_found", f"未找到行政区划代码为 {code} 的乡镇")
    return row


#: The township the request's guard resolved (id, code, county_code): a list or search that needs only
#: its id does not read the row a second time (issue 16). Set per request by ``api.access``.
_resolved: contextvars.ContextVar[dict | None] = contextvars.ContextVar("zhifa_resolved_township", default=None)


def hold_township(key: dict) -> None:
    """Remember the township this request already read (``id``, ``code``, ``county_code``)."""
    _resolved.set(key)


async def township_key(code: str) -> dict:
    """``id``, ``code`` and ``county_code`` of the township: what the request holds, else one read."""
    held = _resolved.get()
    if held is not None and held["code"] == code:
        return held
    return await get_township_row(code)


async def get_township(code: str) -> TownshipRead:
    return _read(await get_township_row(code))


async def list_townships(county_code: str | None = None) -> list[TownshipRead]:
    query = Township.select().order_by(Township.code)
    if county_code:
        query = query.where(Township.county_code == county_code)
    return [_read(row) for row in await query]


def _department_read(row: dict) -> DepartmentRead:
    return DepartmentRead(
        id=row["id"], county_code=row["county_code"], code=row["code"], name=row["name"],
        field=row["field"], kind=row["kind"],
    )


async def create_department(data: DepartmentCreate) -> DepartmentRead:
    registry = get_host().registry
    catalogue = registry.catalogues.get(data.field)
    if catalogue is None:
        raise Invalid("field.unknown", f"未安装领域 {data.field} 的插件")
    kinds = {d.code for d in catalogue.field.departments}
    if data.kind not in kinds:
        raise Invalid(
            "department.unknown_kind",
            f"领域 {catalogue.field.name} 没有部门类型 {data.kind}（可选：{'、'.join(sorted(kinds))}）",
        )
    if identifiers.county_name(data.county_code) is None:
        raise Invalid("identifier.county_code", f"{data.county_code} 不是已知的县级行政区划代码")
    exists = await Department.exists().where(
        (Department.county_code == data.county_code) & (Department.code == data.code)
    )
    if exists:
        raise Conflict("department.exists", f"本县已有代码为 {data.code} 的部门")
    row = Department(county_code=data.county_code, code=data.code, name=data.name, field=data.field, kind=data.kind)
    await row.save()
    return await get_department(data.county_code, data.code)


async def get_department_row(county_code: str, code: str) -> dict:
    row = await Department.select().where(
        (Department.county_code == county_code) & (Department.code == code)
    ).first()
    if row is None:
        raise NotFound("department.not_found", f"本县未找到代码为 {code} 的部门")
    return row


async def get_department(county_code: str, code: str) -> DepartmentRead:
    return _department_read(await get_department_row(county_code, code))


async def list_departments(county_code: str) -> list[DepartmentRead]:
    rows = await Department.select().where(Department.county_code == county_code).order_by(Department.code)
    return [_department_read(r) for r in rows]
