"""The core's Piccolo app: its tables and migrations."""

from pathlib import Path

from piccolo.conf.apps import AppConfig
from zhifa.core.db.tables import CORE_TABLES

APP_CONFIG = AppConfig(
    app_name="zhifa_core",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=list(CORE_TABLES),
    migration_dependencies=[],
    commands=[],
)
