"""The procedure: case facts, township procedure settings, gap-free case numbering."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.base import OnDelete, OnUpdate
from piccolo.columns.column_types import JSON, ForeignKey, Integer, Serial, Varchar
from piccolo.table import Table

ID = "2026-11-22T05:30:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "procedure facts, settings, case_sequence"


class Township(Table, tablename="township", schema=None):
    id = Serial(null=False, primary_key=True, db_column_name="id")


def _column(name, cls, params, table="enforcement_case", class_name="Case"):
    return dict(table_class_name=class_name, tablename=table, column_name=name, db_column_name=name,
                column_class_name=cls.__name__, column_class=cls, schema=None,
                params={"null": False, "primary_key": False, "unique": False, "index": False, **params})


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="zhifa_core", description=DESCRIPTION)
    manager.add_column(**_column("facts", JSON, {"default": "{}"}))
    manager.add_column(**_column("resume_status", Varchar, {"length": 30, "default": None, "null": True}))
    manager.add_column(**_column("settings", JSON, {"default": "{}"}, table="township", class_name="Township"))

    manager.add_table(class_name="CaseSequence", tablename="case_sequence", schema=None, columns=None)
    seq = {"table": "case_sequence", "class_name": "CaseSequence"}
    manager.add_column(**_column("township", ForeignKey, {
        "references": Township, "on_delete": OnDelete.restrict, "on_update": OnUpdate.cascade,
        "target_column": None, "null": True}, **seq))
    manager.add_column(**_column("year", Integer, {"default": 0}, **seq))
    manager.add_column(**_column("kind", Varchar, {"length": 30, "default": ""}, **seq))
    manager.add_column(**_column("last_value", Integer, {"default": 0}, **seq))
    return manager
