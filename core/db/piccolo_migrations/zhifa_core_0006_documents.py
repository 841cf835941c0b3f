"""执法文书: one row per rendering; the Word and PDF files are in the content-addressed store."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.base import OnDelete, OnUpdate
from piccolo.columns.column_types import JSON, BigInt, Date, ForeignKey, Integer, Serial, Timestamptz, Varchar
from piccolo.columns.defaults.date import DateNow
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

ID = "2026-11-23T02:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "document"


class AppUser(Table, tablename="app_user", schema=None):
    id = Serial(null=False, primary_key=True, db_column_name="id")


class Township(Table, tablename="township", schema=None):
    id = Serial(null=False, primary_key=True, db_column_name="id")


class Case(Table, tablename="enforcement_case", schema=None):
    id = Serial(null=False, primary_key=True, db_column_name="id")


def _column(name, cls, params):
    return dict(table_class_name="Document", tablename="document", column_name=name, db_column_name=name,
                column_class_name=cls.__name__, column_class=cls, schema=None,
                params={"null": False, "primary_key": False, "unique": False, "index": False, **params})


def _fk(target, index=False):
    return {"references": target, "on_delete": OnDelete.restrict, "on_update": OnUpdate.cascade,
            "target_column": None, "null": True, "index": index}


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="zhifa_core", description=DESCRIPTION)
    manager.add_table(class_name="Document", tablename="document", schema=None, columns=None)
    manager.add_column(**_column("township", ForeignKey, _fk(Township)))
    manager.add_column(**_column("case", ForeignKey, _fk(Case, index=True)))
    manager.add_column(**_column("template", Varchar, {"length": 80, "default": ""}))
    manager.add_column(**_column("title", Varchar, {"length": 200, "default": ""}))
    manager.add_column(**_column("stage", Varchar, {"length": 30, "default": ""}))
    manager.add_column(**_column("number", Varchar, {"length": 80, "default": None, "null": True}))
    manager.add_column(**_column("issued_on", Date, {"default": DateNow()}))
    for prefix in ("", "pdf_"):
        manager.add_column(**_column(f"{prefix}{'content_' if not prefix else ''}sha256", Varchar, {"length": 64, "default": ""}))
        manager.add_column(**_column(f"{prefix}size_bytes", BigInt, {"default": 0}))
        manager.add_column(**_column(f"{prefix}storage_key", Varchar, {"length": 200, "default": ""}))
    manager.add_column(**_column("pages", Integer, {"default": 0}))
    manager.add_column(**_column("blanks", JSON, {"default": "[]"}))
    manager.add_column(**_column("data", JSON, {"default": "{}"}))
    manager.add_column(**_column("replaces", Integer, {"default": None, "null": True}))
    manager.add_column(**_column("created_by", ForeignKey, _fk(AppUser)))
    manager.add_column(**_column("created_at", Timestamptz, {"default": TimestamptzNow()}))
    return manager
