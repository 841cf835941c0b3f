"""Imported history (``zhifa import cases``): one ``case_import`` row per file, unique by its sha256 within
the township (the same file is never imported twice), and ``enforcement_case.import_batch`` naming the file
each imported case came from."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder
from piccolo.engine.sqlite import SQLiteEngine

ID = "2026-12-05T09:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "case_import (导入批次) and enforcement_case.import_batch"


def _statements(sqlite: bool) -> tuple[str, ...]:
    key, big = ("INTEGER PRIMARY KEY NOT NULL", "INTEGER") if sqlite else ("SERIAL PRIMARY KEY", "BIGINT")
    return (
        f'CREATE TABLE IF NOT EXISTS "case_import" ("id" {key}, '
        '"township" INTEGER REFERENCES "township" ("id") ON DELETE RESTRICT ON UPDATE CASCADE DEFAULT null, '
        '"file_name" VARCHAR(300) NOT NULL DEFAULT \'\', "file_sha256" VARCHAR(64) NOT NULL DEFAULT \'\', '
        f'"cases" INTEGER NOT NULL DEFAULT 0, "first_seq" {big} NOT NULL DEFAULT 0, "last_seq" {big} NOT NULL DEFAULT 0, '
        '"imported_by" INTEGER REFERENCES "app_user" ("id") ON DELETE RESTRICT ON UPDATE CASCADE DEFAULT null, '
        '"imported_at" TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)',
        'CREATE UNIQUE INDEX IF NOT EXISTS uq_case_import_township_sha256 ON "case_import" ("township", "file_sha256")',
        'ALTER TABLE "enforcement_case" ADD COLUMN "import_batch" INTEGER '
        'REFERENCES "case_import" ("id") ON DELETE RESTRICT ON UPDATE CASCADE DEFAULT null',
    )


async def _create() -> None:
    engine = engine_finder()
    for statement in _statements(isinstance(engine, SQLiteEngine)):
        await engine.run_ddl(statement)


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="zhifa_core", description=DESCRIPTION)
    manager.add_raw(_create)
    return manager
