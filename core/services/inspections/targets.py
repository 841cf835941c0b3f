"""Target directory (检查对象名录库): entries, CSV parsing and import, (de)activation."""

from __future__ import annotations

import csv
import io

import msgspec
from zhifa.core import clock
from zhifa.core.db.tables import InspectionTarget
from zhifa.core.db.transaction import lock_township, write_transaction
from zhifa.core.domain import identifiers
from zhifa.core.inspections.draw import RISK_CLASSES
from zhifa.core.schemas import text as text_rules
from zhifa.core.schemas.inspections import ImportSummary, TargetCreate, TargetDirectoryRead, TargetRead
from zhifa.core.services import authorisations
from zhifa.core.services.cases import actor_id as _actor_id
from zhifa.core.services.errors import Invalid
from zhifa.core.services.inspections.common import TARGETS, _bump, _event, _field_name, directory_version
from zhifa.core.services.scope import TownshipScope, owned_by
from zhifa.core.services.townships import get_township_row

TARGET_KINDS = {"organisation": "单位", "individual": "个体工商户"}
RISK_ALIASES = {"低": "A", "一般": "B", "较高": "C", "高": "D",
                "低风险": "A", "一般风险": "B", "较高风险": "C", "高风险": "D"}


# ---------------------------------------------------------------------------------------------
# Target directory (检查对象名录库)
# ---------------------------------------------------------------------------------------------


def _target_read(row: dict) -> TargetRead:
    return TargetRead(
        id=row["id"], field=row["field"], kind=row["kind"], name=row["name"], identifier=row["identifier"],
        operator=row["operator"], address=row["address"], risk_class=row["risk_class"], active=row["active"],
    )


def normalise_target(data: TargetCreate) -> TargetCreate:
    """The entry in canonical form, or ``Invalid`` saying what is wrong with it."""
    authorisations.check_scope(data.field, None)
    name = data.name.strip()
    if not name:
        raise Invalid("inspection.target_name", "检查对象名称不能为空")
    try:
        identifier = identifiers.credit_code(data.identifier.strip().upper())
    except identifiers.InvalidIdentifier as exc:
        raise Invalid(exc.code, str(exc)) from exc
    risk = RISK_ALIASES.get(data.risk_class.strip(), data.risk_class.strip().upper())
    if risk not in RISK_CLASSES:
        raise Invalid("inspection.risk_class",
                      f"{name} 的风险分类 {data.risk_class!r} 无效（可选：A 低、B 一般、C 较高、D 高）")
    if data.kind not in TARGET_KINDS:
        raise Invalid("inspection.target_kind", f"{name} 的主体类型 {data.kind!r} 无效（可选：organisation 单位、individual 个体工商户）")
    operator = (data.operator or "").strip() or None
    return TargetCreate(field=data.field, name=name, identifier=identifier, risk_class=risk, kind=data.kind,
                        operator=operator, address=data.address.strip())


_CSV_COLUMNS = {
    "field": "field", "领域": "field",
    "name": "name", "名称": "name", "检查对象": "name",
    "identifier": "identifier", "统一社会信用代码": "identifier", "信用代码": "identifier",
    "risk_class": "risk_class", "风险分类": "risk_class", "信用风险分类": "risk_class",
    "kind": "kind", "主体类型": "kind",
    "operator": "operator", "经营者": "operator", "法定代表人": "operator",
    "address": "address", "地址": "address", "住所": "address",
}
_KIND_ALIASES = {"单位": "organisation", "企业": "organisation", "个体工商户": "individual", "个体": "individual"}


def parse_targets_csv(text: str | bytes, default_field: str | None = None) -> list[TargetCreate]:
    """Rows of a CSV file (UTF-8, English or Chinese headers; see docs/random-inspections.md).

    ``text`` may be the file's bytes (a BOM is allowed). Each row is checked like a JSON entry
    (lengths included); every bad row is named and nothing is returned.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise Invalid("inspection.csv_encoding", f"检查对象文件须为 UTF-8 编码：第 {exc.start + 1} 个字节无法识别") from None
    if "\x00" in text:
        raise Invalid("inspection.csv_nul", "检查对象文件含有空字符（U+0000），请检查文件")
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = next(reader)
    except StopIteration:
        raise Invalid("inspection.csv_empty", "检查对象文件为空") from None
    except csv.Error as exc:
        raise Invalid("inspection.csv_format", f"检查对象文件第 1 行无法读取：{exc}") from None
    columns = [_CSV_COLUMNS.get(h.strip()) for h in header]
    required = {"name", "identifier", "risk_class"} | (set() if default_field else {"field"})
    missing = required - set(columns)
    if missing:
        shown = "、".join(h[:40] for h in header[:20])
        raise Invalid("inspection.csv_header", f"检查对象文件缺少列：{'、'.join(sorted(missing))}（表头为 {shown}）")
    rows, problems = [], []
    try:
        for line, values in enumerate(reader, start=2):
            if not any(v.strip() for v in values):
                continue
            record = {c: v.strip() for c, v in zip(columns, values) if c}
            kind = record.get("kind") or "organisation"
            try:
                rows.append(msgspec.convert({
                    "field": record.get("field") or default_field or "", "name": record.get("name", ""),
                    "identifier": record.get("identifier", ""), "risk_class": record.get("risk_class", ""),
                    "kind": _KIND_ALIASES.get(kind, kind), "operator": record.get("operator") or None,
                    "address": record.get("address", ""),
                }, TargetCreate))
            except msgspec.ValidationError as exc:
                where, message = text_rules.explain(exc)
                problems.append(f"第 {line} 行{f'「{where}」' if where else ''}：{message}")
    except csv.Error as exc:
        problems.append(f"第 {reader.line_num} 行无法读取：{exc}")
    if problems:
        raise Invalid("inspection.csv_row", "；".join(problems[:50]) + ("……" if len(problems) > 50 else ""))
    return rows


async def import_targets(township_code: str, rows: list[TargetCreate], actor: str | None = None) -> ImportSummary:
    """Add new entries and update changed ones (matched by field and credit code); one version bump."""
    township = await get_township_row(township_code)
    actor_id = await _actor_id(township["id"], actor)
    clean, problems, seen = [], [], set()
    for n, data in enumerate(rows, start=1):
        try:
            entry = normalise_target(data)
        except Invalid as exc:
            problems.append(f"第 {n} 条：{exc.message}")
            continue
        key = (entry.field, entry.identifier)
        if key in seen:
            problems.append(f"第 {n} 条：统一社会信用代码 {entry.identifier} 在{_field_name(entry.field)}名录中重复")
        seen.add(key)
        clean.append(entry)
    if problems:
        raise Invalid("inspection.target_invalid", "；".join(problems))
    added = updated = unchanged = 0
    async with write_transaction():
        await lock_township(township["id"])
        existing = {
            (r["field"], r["identifier"]): r
            for r in await InspectionTarget.select().where(owned_by(InspectionTarget, township["id"]))
        }
        for entry in clean:
            values = {"kind": entry.kind, "name": entry.name, "operator": entry.operator, "address": entry.address,
                      "risk_class": entry.risk_class, "active": True}
            row = existing.get((entry.field, entry.identifier))
            if row is None:
                await InspectionTarget(township=township["id"], field=entry.field, identifier=entry.identifier,
                                       **values).save()
                added += 1
            elif any(row[k] != v for k, v in values.items()):
                await InspectionTarget.update(
                    {**{getattr(InspectionTarget, k): v for k, v in values.items()},
                     InspectionTarget.updated_at: clock.now_utc()}
                ).where(InspectionTarget.id == row["id"])
                updated += 1
            else:
                unchanged += 1
        version = await directory_version(township["id"], TARGETS)
        if added or updated:
            version = await _bump(township["id"], TARGETS)
            await _event(township, "inspection_targets_imported", actor_id,
                         {"added": added, "updated": updated, "version": version})
    return ImportSummary(added=added, updated=updated, unchanged=unchanged, version=version)


async def set_target_active(township_code: str, target_id: int, active: bool, actor: str | None = None) -> TargetRead:
    """Take an entry out of the directory (注销、迁出) or put it back; the row is kept."""
    township = await get_township_row(township_code)
    actor_id = await _actor_id(township["id"], actor)
    row = await _target_row(township, target_id)
    if row["active"] != active:
        async with write_transaction():
            await lock_township(township["id"])
            await InspectionTarget.update({InspectionTarget.active: active, InspectionTarget.updated_at: clock.now_utc()}).where(
                InspectionTarget.id == target_id)
            version = await _bump(township["id"], TARGETS)
            await _event(township, "inspection_target_changed", actor_id,
                         {"target": target_id, "active": active, "version": version})
    return _target_read(await _target_row(township, target_id))


async def _target_row(township: dict, target_id: int) -> dict:
    return await TownshipScope(township).resolve("target", target_id, field="target_id")


async def list_targets(township_code: str, field: str | None = None, include_inactive: bool = False) -> TargetDirectoryRead:
    township = await get_township_row(township_code)
    query = InspectionTarget.select().where(owned_by(InspectionTarget, township["id"]))
    if field:
        query = query.where(InspectionTarget.field == field)
    if not include_inactive:
        query = query.where(InspectionTarget.active == True)  # noqa: E712
    rows = await query.order_by(InspectionTarget.id)
    return TargetDirectoryRead(version=await directory_version(township["id"], TARGETS),
                               targets=[_target_read(r) for r in rows])
