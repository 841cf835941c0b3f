"""Composite unique keys (each including the township), and an append-only event log.

Unique keys are unique indexes, which SQLite and PostgreSQL both create on existing tables.
The database itself refuses UPDATE and DELETE on case_event.
"""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-11-22T04:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "unique keys; case_event append-only triggers"

MESSAGE = "case_event 为只追加的全过程记录，不得修改或删除"

UNIQUE_INDEXES = [
    ("department", "uq_department_county_code", ("county_code", "code")),
    ("party", "uq_party_township_identifier", ("township", "identifier")),
    ("enforcement_case", "uq_case_township_number", ("township", "number")),
    ("evidence", "uq_evidence_township_case_storage", ("township", "case", "storage_key")),
    ("case_event", "uq_event_township_seq", ("township", "seq")),
]

POSTGRES = [
    f"""CREATE OR REPLACE FUNCTION zhifa_refuse_event_change() RETURNS trigger
        LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$""",
    """CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE ON case_event
        FOR EACH ROW EXECUTE FUNCTION zhifa_refuse_event_change()""",
]
SQLITE = [
    f"""CREATE TRIGGER case_event_no_update BEFORE UPDATE ON case_event
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER case_event_no_delete BEFORE DELETE ON case_event
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
]


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="zhifa_core", description=DESCRIPTION)

    async def create_keys_and_triggers():
        engine = engine_finder()
        for table, name, columns in UNIQUE_INDEXES:
            cols = ", ".join(f'"{c}"' for c in columns)
            await engine.run_ddl(f'CREATE UNIQUE INDEX IF NOT EXISTS {name} ON "{table}" ({cols})')
        for statement in SQLITE if engine.engine_type == "sqlite" else POSTGRES:
            await engine.run_ddl(statement)

    manager.add_raw(create_keys_and_triggers)
    return manager
