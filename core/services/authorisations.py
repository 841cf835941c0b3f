"""Township authorisation: enable or disable a field or one power, and the powers in force.

Nothing is ever deleted: disabling revokes the grant from a date (or records a withdrawal
of one power from a field-wide grant), so existing cases keep their basis and history.
"""

from __future__ import annotations

import datetime as dt

from zhifa.core.db.queries.authorisations import authorisations_of
from zhifa.core.db.tables import Authorisation, Department
from zhifa.core.domain.authorisation import Basis, Grant, effective_grant, enabled_fields
from zhifa.core.domain.identifiers import region_name
from zhifa.core.registry import get_host
from zhifa.core.schemas.townships import AuthorisationCreate, AuthorisationRead, EffectivePower
from zhifa.core.services.errors import Invalid, NotFound
from zhifa.core.services.scope import TownshipScope, owned_by
from zhifa.core.services.townships import get_township_row


def check_scope(field: str, power: str | None, township_code: str = "") -> None:
    """The field is installed and the power belongs to it, in the township's region; else a clear ``Invalid``.

    A power of another province's or city's law is answered like one the catalogue does not have.
    """
    registry = get_host().registry
    catalogue = registry.catalogues.get(field)
    if catalogue is None:
        installed = "、".join(sorted(registry.catalogues)) or "无"
        raise Invalid("field.unknown", f"未安装领域 {field} 的插件（已安装：{installed}）")
    if power is not None and registry.in_region(township_code).field_of(power) != field:
        raise Invalid("power.unknown", f"领域 {catalogue.field.name} 适用于本乡镇的目录中没有执法事项 {power}")


def _grant(row: dict) -> Grant:
    return Grant(
        id=row["id"], kind=row["kind"], field=row["field"], power=row["power"],
        basis=Basis(row["basis"]) if row["basis"] else None, document_no=row["document_no"],
        valid_from=row["valid_from"], valid_to=row["valid_to"], revoked_on=row["revoked_on"],
        department=row["department"],
    )


async def grants_of(township_id: int) -> list[Grant]:
    return [_grant(r) for r in await authorisations_of(township_id)]  # raw SQL: asked by every case action


async def enable(township_code: str, data: AuthorisationCreate) -> AuthorisationRead:
    township = await get_township_row(township_code)
    check_scope(data.field, data.power, township_code)
    try:
        basis = Basis(data.basis)
    except ValueError as exc:
        raise Invalid("authorisation.basis", f"授权方式 {data.basis} 无效：应为 entrusted（委托）或 conferred（赋权）") from exc
    if not data.document_no.strip():
        raise Invalid("authorisation.document_required", "必须填写授权（委托/赋权）文件的文号", field="document_no")
    if data.valid_to is not None and data.valid_to < data.valid_from:
        raise Invalid("authorisation.dates", "授权的截止日期早于起始日期", field="valid_to")
    department_id = None
    if data.department:
        department = await TownshipScope(township).resolve("department", data.department, field="department")
        department_id = department["id"]
    elif basis is Basis.entrusted:
        raise Invalid("authorisation.department_required", "委托方式必须指明委托部门（委托书由县直部门出具）")

    # Enabling one power ends a withdrawal of it that is in force from this date on.
    if data.power is not None:
        for grant in await grants_of(township["id"]):
            if grant.kind == "withdrawal" and grant.power == data.power and grant.in_force(data.valid_from):
                await Authorisation.update({Authorisation.revoked_on: data.valid_from}).where(
                    Authorisation.id == grant.id
                )
    row = Authorisation(
        township=township["id"], kind="grant", field=data.field, power=data.power, basis=basis.value,
        department=department_id, document_no=data.document_no.strip(), valid_from=data.valid_from,
        valid_to=data.valid_to,
    )
    await row.save()
    return await _read_one(row.id)


async def disable(
    township_code: str, field: str, on: dt.date, document_no: str, power: str | None = None
) -> list[AuthorisationRead]:
    """Stop new use of a field or a power from ``on`` (上收). Existing records stay untouched."""
    township = await get_township_row(township_code)
    check_scope(field, power, township_code)
    grants = [g for g in await grants_of(township["id"]) if g.kind == "grant" and g.field == field]
    live = [g for g in grants if g.revoked_on is None and (g.valid_to is None or g.valid_to >= on)]
    changed: list[int] = []
    if power is None:
        targets = live
    else:
        targets = [g for g in live if g.power == power]
        if any(g.power is None for g in live):  # a field-wide grant still covers it: withdraw the power
            row = Authorisation(
                township=township["id"], kind="withdrawal", field=field, power=power,
                document_no=document_no, valid_from=on,
            )
            await row.save()
            changed.append(row.id)
    for grant in targets:
        await Authorisation.update(
            {Authorisation.revoked_on: on, Authorisation.revoked_document_no: document_no}
        ).where(Authorisation.id == grant.id)
        changed.append(grant.id)
    if not changed:
        scope = power or field
        raise NotFound("authorisation.not_found", f"该乡镇在 {on} 之后没有可停用的 {scope} 授权")
    return [await _read_one(i) for i in changed]


async def _read_one(auth_id: int) -> AuthorisationRead:
    row = await Authorisation.select(
        *Authorisation.all_columns(), Authorisation.department.code.as_alias("department_code")
    ).where(Authorisation.id == auth_id).first()
    return _auth_read(row)


def _auth_read(row: dict) -> AuthorisationRead:
    return AuthorisationRead(
        id=row["id"], kind=row["kind"], field=row["field"], power=row["power"], basis=row["basis"],
        document_no=row["document_no"], valid_from=row["valid_from"], valid_to=row["valid_to"],
        revoked_on=row["revoked_on"], revoked_document_no=row["revoked_document_no"],
        department=row["department_code"],
    )


async def list_authorisations(township_code: str) -> list[AuthorisationRead]:
    township = await get_township_row(township_code)
    rows = await Authorisation.select(
        *Authorisation.all_columns(), Authorisation.department.code.as_alias("department_code")
    ).where(owned_by(Authorisation, township["id"])).order_by(Authorisation.id)
    return [_auth_read(r) for r in rows]


async def effective_powers(township_code: str, on: dt.date) -> list[EffectivePower]:
    """The powers the township may exercise on ``on``: authorised, and in force in the catalogue."""
    township = await get_township_row(township_code)
    grants = await grants_of(township["id"])
    registry = get_host().registry.in_region(township_code)
    departments = {
        r["id"]: r["code"] for r in await Department.select(Department.id, Department.code).where(
            Department.county_code == township["county_code"]
        )
    }
    result = []
    for field in sorted(enabled_fields(grants, on)):
        for power in registry.powers_of(field, on=on):
            grant = effective_grant(grants, field, power.code, on)
            if grant is None:
                continue
            result.append(
                EffectivePower(
                    code=power.code, name=power.name, field=field, kind=power.kind.value,
                    basis=grant.basis.value if grant.basis else "", document_no=grant.document_no,
                    department=departments.get(grant.department) if grant.department else None,
                    owner_department=power.department, valid_from=power.valid_from, valid_to=power.valid_to,
                    region=power.region, region_name=region_name(power.region),
                )
            )
    return result


async def grant_for(township: dict, field: str, power: str, on: dt.date) -> Grant | None:
    """The grant a new case under ``power`` would rest on, if the power is in force on ``on`` where the township is."""
    if not get_host().registry.in_region(township["code"]).power_in_force(power, on):
        return None
    return effective_grant(await grants_of(township["id"]), field, power, on)


async def fields_enabled(township_id: int, on: dt.date) -> set[str]:
    return enabled_fields(await grants_of(township_id), on)


async def scope_on(township: dict, field: str, power: str | None, on: dt.date) -> tuple[set[str], Grant | None]:
    """The fields enabled on ``on`` and the grant ``power`` would rest on — one read of the grants."""
    grants = await grants_of(township["id"])
    grant = None
    if power and get_host().registry.in_region(township["code"]).power_in_force(power, on):
        grant = effective_grant(grants, field, power, on)
    return enabled_fields(grants, on), grant
