"""工作日历: the deployment's loaded holiday years (one row per year, deployment-wide)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.column_types import JSON, Integer, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow

ID = "2026-12-03T15:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "calendar years loaded by the deployment (工作日历)"

COLUMNS = [
    ("year", Integer, {"default": 0, "unique": True}),
    ("holidays", JSON, {"default": "[]"}),
    ("workdays", JSON, {"default": "[]"}),
    ("source", Varchar, {"length": 200, "default": ""}),
    ("differs", JSON, {"default": "[]"}),
    ("loaded_by", Varchar, {"length": 64, "default": ""}),
    ("loaded_at", Timestamptz, {"default": TimestamptzNow()}),
]


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="zhifa_core", description=DESCRIPTION)
    manager.add_table(class_name="CalendarYear", tablename="calendar_year", schema=None, columns=None)
    for name, cls, params in COLUMNS:
        manager.add_column(
            table_class_name="CalendarYear", tablename="calendar_year", column_name=name, db_column_name=name,
            column_class_name=cls.__name__, column_class=cls, schema=None,
            params={"null": False, "primary_key": False, "index": False, "unique": False, **params},
        )
    return manager
