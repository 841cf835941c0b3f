"""Indexes for every filter shape of the case list: equality columns first, then id (the list's order).

The list is ``WHERE township = … [AND status IN …] [AND field = …] [AND power = …] [AND filed_on/found_at
range] ORDER BY id DESC LIMIT n`` (keyset by id). With (township, <filter>, id) an engine walks the
matching rows newest first and stops after n; without, PostgreSQL walked the primary key backwards
filtering out a million rows for a rare combination (issue 16).
"""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-04T04:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "case list indexes: (township, status|field|field+status|power, id), (township, filed_on|found_at)"

STATEMENTS = (
    'CREATE INDEX IF NOT EXISTS ix_case_township_status_id ON "enforcement_case" ("township", "status", "id")',
    'CREATE INDEX IF NOT EXISTS ix_case_township_field_id ON "enforcement_case" ("township", "field", "id")',
    'CREATE INDEX IF NOT EXISTS ix_case_township_field_status_id ON "enforcement_case" ("township", "field", "status", "id")',
    'CREATE INDEX IF NOT EXISTS ix_case_township_power_id ON "enforcement_case" ("township", "power", "id")',
    'CREATE INDEX IF NOT EXISTS ix_case_township_filed_on ON "enforcement_case" ("township", "filed_on")',
    'CREATE INDEX IF NOT EXISTS ix_case_township_found_at ON "enforcement_case" ("township", "found_at")',
    'DROP INDEX IF EXISTS ix_case_township_status',  # (township, status): a prefix of the first
)


async def _indexes() -> None:
    for statement in STATEMENTS:
        await engine_finder().run_ddl(statement)


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="zhifa_core", description=DESCRIPTION)
    manager.add_raw(_indexes)
    return manager
