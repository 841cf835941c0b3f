"""case_officer's unique key includes the township (raw SQL runs before tables are added, so apart)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-11-23T01:00:01:000000"
VERSION = "1.38.0"
DESCRIPTION = "case_officer unique key; indexes for a case's timeline and a township's case list"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="zhifa_core", description=DESCRIPTION)

    async def unique_key():
        for statement in (
            'CREATE UNIQUE INDEX IF NOT EXISTS uq_case_officer ON "case_officer" ("township", "case", "user")',
            'CREATE INDEX IF NOT EXISTS ix_case_officer_user ON "case_officer" ("township", "user")',
            'CREATE INDEX IF NOT EXISTS ix_case_event_case ON "case_event" ("township", "case", "seq")',
            'CREATE INDEX IF NOT EXISTS ix_case_township_id ON "enforcement_case" ("township", "id")',
            'CREATE INDEX IF NOT EXISTS ix_case_township_status ON "enforcement_case" ("township", "status")',
        ):
            await engine_finder().run_ddl(statement)

    manager.add_raw(unique_key)
    return manager
