"""委托: an entrusting department's document settings (文号前缀, 地址, 代收银行, 复议机关, 法院), set by the county."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.column_types import JSON

ID = "2026-12-04T04:10:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "department.documents (委托机关的文书设置)"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="zhifa_core", description=DESCRIPTION)
    manager.add_column(
        table_class_name="Department", tablename="department", column_name="documents", db_column_name="documents",
        column_class_name="JSON", column_class=JSON, schema=None,
        params={"default": "{}", "null": False, "primary_key": False, "index": False, "unique": False},
    )
    return manager
