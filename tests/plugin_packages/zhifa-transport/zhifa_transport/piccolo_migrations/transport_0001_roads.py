from decimal import Decimal

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.base import OnDelete, OnUpdate
from piccolo.columns.column_types import ForeignKey, Numeric, Serial, Varchar
from piccolo.table import Table

ID = "2026-11-22T05:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "roads"


class Township(Table, tablename="township", schema=None):
    id = Serial(null=False, primary_key=True, db_column_name="id")


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="zhifa_transport", description=DESCRIPTION)
    manager.add_table(class_name="Road", tablename="transport_road", schema=None, columns=None)
    manager.add_column(
        table_class_name="Road", tablename="transport_road", column_name="township", db_column_name="township",
        column_class_name="ForeignKey", column_class=ForeignKey,
        params={"references": Township, "on_delete": OnDelete.cascade, "on_update": OnUpdate.cascade,
                "target_column": None, "null": True, "primary_key": False, "unique": False, "index": False},
        schema=None,
    )
    manager.add_column(
        table_class_name="Road", tablename="transport_road", column_name="name", db_column_name="name",
        column_class_name="Varchar", column_class=Varchar,
        params={"length": 100, "default": "", "null": False, "primary_key": False, "unique": False, "index": False},
        schema=None,
    )
    manager.add_column(
        table_class_name="Road", tablename="transport_road", column_name="length_km", db_column_name="length_km",
        column_class_name="Numeric", column_class=Numeric,
        params={"default": Decimal("0"), "digits": (8, 2), "null": False, "primary_key": False, "unique": False,
                "index": False},
        schema=None,
    )
    return manager
