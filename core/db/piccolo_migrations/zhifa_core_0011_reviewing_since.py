"""法制审核人员: the day a reviewer first did legal review of penalty decisions (行政处罚法第58条第2款)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.column_types import Date

ID = "2026-12-03T20:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "app_user.reviewing_since (法制审核从业起始日)"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="zhifa_core", description=DESCRIPTION)
    manager.add_column(
        table_class_name="AppUser", tablename="app_user", column_name="reviewing_since", db_column_name="reviewing_since",
        column_class_name="Date", column_class=Date, schema=None,
        params={"null": True, "default": None, "primary_key": False, "index": False, "unique": False},
    )
    return manager
