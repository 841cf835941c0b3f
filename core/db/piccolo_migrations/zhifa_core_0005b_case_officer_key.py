"""case_officer's unique key includes the township (raw SQL runs before tables are added, so apart)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-11-23T01:00:01:000000"
VERSION = "1.38.0"
DESCRIPTION = "case_officer unique key"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="zhifa_core", description=DESCRIPTION)

    async def unique_key():
        await engine_finder().run_ddl(
            'CREATE UNIQUE INDEX IF NOT EXISTS uq_case_officer ON "case_officer" ("township", "case", "user")'
        )

    manager.add_raw(unique_key)
    return manager
