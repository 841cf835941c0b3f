"""Catalogue changes without code: a region's standards, thresholds and no-penalty items loaded as TOML.

An overlay is one TOML text in the regional pack's shape — the ``pack.toml`` header (field, region,
name, sources) with ``[[standards]]``, ``[[items]]`` (no-penalty) and ``[[thresholds]]`` in the same
file — applied with ``zhifa catalogue apply FILE``. It is validated with the field it extends
before it is kept; kept in the table ``catalogue_overlay`` so every server process and the CLI see
it; and merged into each process's registry, re-read at most every ``REFRESH_SECONDS`` (the API
checks before each request, the CLI at start). An entry may reuse a catalogue code: for townships
in the overlay's region it replaces that entry (a province's own standard replacing an example);
a new code beside an old one is another version, and 从旧兼从轻 chooses between them.
"""

from __future__ import annotations

import decimal
import time
import tomllib
from typing import Any

import msgspec
from zhifa.core import clock
from zhifa.core.catalogue import CatalogueInvalid
from zhifa.core.catalogue.model import (
    Catalogue,
    DiscretionStandard,
    FieldInfo,
    HearingThreshold,
    NoPenaltyItem,
    PackInfo,
)
from zhifa.core.db.tables import CatalogueOverlay
from zhifa.core.db.transaction import write_transaction
from zhifa.core.registry import get_host
from zhifa.core.services.errors import Invalid

REFRESH_SECONDS = 5.0
_checked = {"at": float("-inf"), "host": None, "stamp": None}


class OverlayFile(PackInfo, kw_only=True, forbid_unknown_fields=True):
    standards: list[DiscretionStandard] = []
    items: list[NoPenaltyItem] = []
    thresholds: list[HearingThreshold] = []


class OverlayRead(msgspec.Struct, kw_only=True):
    name: str
    field: str
    region: str
    standards: list[str]
    no_penalty: list[str]
    thresholds: list[str]
    loaded_by: str
    loaded_at: Any


def _parse(text: str) -> OverlayFile:
    try:
        raw = tomllib.loads(text, parse_float=decimal.Decimal)
        return msgspec.convert(raw, OverlayFile, strict=False)
    except (tomllib.TOMLDecodeError, msgspec.ValidationError) as exc:
        raise Invalid("catalogue.overlay_invalid", f"目录配置文件格式错误：{exc}") from None


def _catalogue(data: OverlayFile, name: str) -> Catalogue:
    def placed(entries):
        wrong = [e.code for e in entries if e.region and not e.region.startswith(data.region)]
        if wrong:
            raise Invalid("catalogue.overlay_region", f"条目 {'、'.join(wrong)} 的适用地区不在本配置的地区 {data.region} 之内")
        return [msgspec.structs.replace(e, region=e.region or data.region) for e in entries]

    if not data.region.isdigit() or len(data.region) not in (2, 4, 6):
        raise Invalid("catalogue.overlay_region", f"地区代码 {data.region} 应为 2 位（省）、4 位（市）或 6 位（县）行政区划代码")
    info = PackInfo(field=data.field, region=data.region, name=data.name, sources=data.sources,
                    description=data.description)
    return Catalogue(
        field=FieldInfo(code=data.field, name=data.name, departments=[]), powers=[], standards=placed(data.standards),
        no_penalty=placed(data.items), hearing_thresholds=placed(data.thresholds), templates=[],
        plugin=f"配置：{name}", pack=info,
    )


def _read(row: dict) -> OverlayRead:
    data = _parse(row["body"])
    return OverlayRead(name=row["name"], field=row["field"], region=row["region"],
                       standards=[s.code for s in data.standards], no_penalty=[i.code for i in data.items],
                       thresholds=[t.code for t in data.thresholds], loaded_by=row["loaded_by"], loaded_at=row["loaded_at"])


async def _rows() -> list[dict]:
    return await CatalogueOverlay.select().order_by(CatalogueOverlay.id)


async def refresh(*, max_age: float = REFRESH_SECONDS) -> None:
    """Merge the stored overlays into this process's registry unless read less than ``max_age`` seconds ago."""
    host, now = get_host(), time.monotonic()
    if now - _checked["at"] < max_age and _checked["host"] is host:
        return
    try:
        rows = await _rows()
    except Exception as exc:  # a database not yet migrated to 0010 has no overlays to read
        if "catalogue_overlay" not in str(exc):
            raise
        rows = []
    stamp = tuple((r["id"], r["loaded_at"]) for r in rows)
    if stamp != _checked["stamp"] or _checked["host"] is not host:
        host.install_overlays([_catalogue(_parse(r["body"]), r["name"]) for r in rows])
    _checked.update(at=now, host=host, stamp=stamp)


async def apply_text(text: str, *, name: str, actor: str) -> OverlayRead:
    """Validate an overlay with the field it extends, keep it (replacing one of the same name, field and region)."""
    if not name.strip() or len(name) > 100:
        raise Invalid("catalogue.overlay_name", "须为目录配置命名（不超过 100 个字符）")
    data = _parse(text)
    overlay = _catalogue(data, name)
    await refresh(max_age=0)
    host = get_host()
    others = [o for o in host.overlays if o.plugin != overlay.plugin or o.pack.region != data.region or o.pack.field != data.field]
    try:
        host.with_overlays([*others, overlay])
    except CatalogueInvalid as exc:
        raise Invalid("catalogue.overlay_invalid", f"目录配置不能通过校验：{exc}") from None
    async with write_transaction():
        await CatalogueOverlay.delete().where(
            (CatalogueOverlay.name == name) & (CatalogueOverlay.field == data.field) & (CatalogueOverlay.region == data.region))
        await CatalogueOverlay.insert(CatalogueOverlay(name=name, field=data.field, region=data.region, body=text,
                                                       loaded_by=actor, loaded_at=clock.now_utc()))
    await refresh(max_age=0)
    rows = [r for r in await _rows() if r["name"] == name and r["field"] == data.field and r["region"] == data.region]
    return _read(rows[-1])


async def list_overlays() -> list[OverlayRead]:
    return [_read(r) for r in await _rows()]
