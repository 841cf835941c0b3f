from pathlib import Path

from piccolo.conf.apps import AppConfig

from zhifa_transport.tables import Road

APP_CONFIG = AppConfig(
    app_name="zhifa_transport",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[Road],
    migration_dependencies=["zhifa.core.db.piccolo_app"],
    commands=[],
)
