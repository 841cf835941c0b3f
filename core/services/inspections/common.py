"""Shared by the inspection services: directory names and versions, events, small helpers."""

from __future__ import annotations

import msgspec
from zhifa.core import clock
from zhifa.core.db.tables import InspectionDirectory
from zhifa.core.registry import get_host
from zhifa.core.services import events
from zhifa.core.services.scope import owned_by

TARGETS, INSPECTORS = "targets", "inspectors"


# ---------------------------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------------------------


async def directory_version(township_id: int, kind: str) -> int:
    row = await InspectionDirectory.select(InspectionDirectory.version).where(
        owned_by(InspectionDirectory, township_id) & (InspectionDirectory.kind == kind)
    ).first()
    return row["version"] if row else 0


async def _bump(township_id: int, kind: str) -> int:
    """Next version of a directory; call inside the write transaction, after ``lock_township``."""
    current = await directory_version(township_id, kind)
    if current == 0 and not await InspectionDirectory.exists().where(
        owned_by(InspectionDirectory, township_id) & (InspectionDirectory.kind == kind)
    ):
        await InspectionDirectory(township=township_id, kind=kind, version=1).save()
        return 1
    await InspectionDirectory.update(
        {InspectionDirectory.version: current + 1, InspectionDirectory.updated_at: clock.now_utc()}
    ).where(owned_by(InspectionDirectory, township_id) & (InspectionDirectory.kind == kind))
    return current + 1


async def _event(township: dict, kind: str, actor_id: int | None, payload: dict, case_id: int | None = None) -> None:
    await events.append_event(township_id=township["id"], township_code=township["code"], kind=kind,
                              actor_id=actor_id, payload=payload, case_id=case_id)


def _field_name(field: str) -> str:
    catalogue = get_host().registry.catalogues.get(field)
    return catalogue.field.name if catalogue else field


def _decode(value, kind):
    return msgspec.json.decode(value, type=kind) if isinstance(value, (str, bytes)) else msgspec.convert(value, kind)
