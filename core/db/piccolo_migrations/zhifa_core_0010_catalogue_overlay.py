"""目录配置: catalogue additions (standards, thresholds, no-penalty items) a region loads without code."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.column_types import Text, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow

ID = "2026-12-03T19:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "catalogue overlays loaded by the deployment (目录配置)"

COLUMNS = [
    ("name", Varchar, {"length": 100, "default": ""}),
    ("field", Varchar, {"length": 40, "default": ""}),
    ("region", Varchar, {"length": 12, "default": ""}),
    ("body", Text, {"default": ""}),
    ("loaded_by", Varchar, {"length": 64, "default": ""}),
    ("loaded_at", Timestamptz, {"default": TimestamptzNow()}),
]


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="zhifa_core", description=DESCRIPTION)
    manager.add_table(class_name="CatalogueOverlay", tablename="catalogue_overlay", schema=None, columns=None)
    for name, cls, params in COLUMNS:
        manager.add_column(
            table_class_name="CatalogueOverlay", tablename="catalogue_overlay", column_name=name, db_column_name=name,
            column_class_name=cls.__name__, column_class=cls, schema=None,
            params={"null": False, "primary_key": False, "index": False, "unique": False, **params},
        )
    return manager
