"""双随机、一公开: directories, plans, draws and results, with their township-scoped unique keys.

Piccolo runs ``add_raw`` steps before ``add_table``, so the unique indexes cannot be a raw step
of this migration; ``_TablesThenKeys`` creates them right after the tables, in the same
transaction (a nested ``transaction()`` joins the outer one).
"""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.base import OnDelete, OnUpdate
from piccolo.columns.column_types import JSON, Boolean, Date, ForeignKey, Integer, Serial, Text, Timestamptz, Varchar
from piccolo.columns.defaults.date import DateNow
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.engine import engine_finder
from piccolo.table import Table

ID = "2026-11-23T04:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "random inspections (双随机、一公开)"

UNIQUE_INDEXES = [
    ("inspection_directory", "uq_inspection_directory", ("township", "kind")),
    ("inspection_target", "uq_inspection_target", ("township", "field", "identifier")),
    ("inspection_inspector", "uq_inspection_inspector", ("township", "user")),
    ("inspection_recusal", "uq_inspection_recusal", ("township", "user", "target")),
    ("inspection_plan", "uq_inspection_plan", ("township", "title")),
    ("inspection_draw", "uq_inspection_draw", ("township", "plan", "seq")),
    ("inspection_result", "uq_inspection_result", ("township", "draw", "target")),
]


class Township(Table, tablename="township", schema=None):
    id = Serial(null=False, primary_key=True, db_column_name="id")


class AppUser(Table, tablename="app_user", schema=None):
    id = Serial(null=False, primary_key=True, db_column_name="id")


class Case(Table, tablename="enforcement_case", schema=None):
    id = Serial(null=False, primary_key=True, db_column_name="id")


class InspectionTarget(Table, tablename="inspection_target", schema=None):
    id = Serial(null=False, primary_key=True, db_column_name="id")


class InspectionPlan(Table, tablename="inspection_plan", schema=None):
    id = Serial(null=False, primary_key=True, db_column_name="id")


class InspectionDraw(Table, tablename="inspection_draw", schema=None):
    id = Serial(null=False, primary_key=True, db_column_name="id")


class _TablesThenKeys(MigrationManager):
    async def run(self, backwards: bool = False):
        engine = engine_finder()
        async with engine.transaction():
            await super().run(backwards=backwards)
            if not backwards and not self.preview:
                for table, name, columns in UNIQUE_INDEXES:
                    cols = ", ".join(f'"{c}"' for c in columns)
                    await engine.run_ddl(f'CREATE UNIQUE INDEX IF NOT EXISTS {name} ON "{table}" ({cols})')


def _column(table, class_name, name, cls, params):
    return dict(table_class_name=class_name, tablename=table, column_name=name, db_column_name=name,
                column_class_name=cls.__name__, column_class=cls, schema=None,
                params={"null": False, "primary_key": False, "unique": False, "index": False, **params})


def _fk(references):
    return {"references": references, "on_delete": OnDelete.restrict, "on_update": OnUpdate.cascade,
            "target_column": None, "null": True}


TEXT = {"default": ""}
NOW = {"default": TimestamptzNow()}
NULL_DATE = {"default": None, "null": True}

TABLES = {
    ("inspection_directory", "InspectionDirectory"): [
        ("township", ForeignKey, _fk(Township)),
        ("kind", Varchar, {"length": 20, **TEXT}),
        ("version", Integer, {"default": 0}),
        ("updated_at", Timestamptz, NOW),
    ],
    ("inspection_target", "InspectionTarget"): [
        ("township", ForeignKey, _fk(Township)),
        ("field", Varchar, {"length": 40, **TEXT}),
        ("kind", Varchar, {"length": 16, **TEXT}),
        ("name", Varchar, {"length": 200, **TEXT}),
        ("identifier", Varchar, {"length": 18, **TEXT}),
        ("operator", Varchar, {"length": 100, "default": None, "null": True}),
        ("address", Varchar, {"length": 300, **TEXT}),
        ("risk_class", Varchar, {"length": 4, **TEXT}),
        ("active", Boolean, {"default": True}),
        ("created_at", Timestamptz, NOW),
        ("updated_at", Timestamptz, NOW),
    ],
    ("inspection_inspector", "InspectionInspector"): [
        ("township", ForeignKey, _fk(Township)),
        ("user", ForeignKey, _fk(AppUser)),
        ("active", Boolean, {"default": True}),
        ("created_at", Timestamptz, NOW),
    ],
    ("inspection_recusal", "InspectionRecusal"): [
        ("township", ForeignKey, _fk(Township)),
        ("user", ForeignKey, _fk(AppUser)),
        ("target", ForeignKey, _fk(InspectionTarget)),
        ("reason", Varchar, {"length": 300, **TEXT}),
        ("created_at", Timestamptz, NOW),
    ],
    ("inspection_plan", "InspectionPlan"): [
        ("township", ForeignKey, _fk(Township)),
        ("field", Varchar, {"length": 40, **TEXT}),
        ("title", Varchar, {"length": 200, **TEXT}),
        ("ratios", JSON, {"default": "{}"}),
        ("per_target", Integer, {"default": 2}),
        ("starts_on", Date, {"default": DateNow()}),
        ("ends_on", Date, {"default": DateNow()}),
        ("rotation", Boolean, {"default": False}),
        ("created_by", ForeignKey, _fk(AppUser)),
        ("created_at", Timestamptz, NOW),
    ],
    ("inspection_draw", "InspectionDraw"): [
        ("township", ForeignKey, _fk(Township)),
        ("plan", ForeignKey, _fk(InspectionPlan)),
        ("seq", Integer, {"default": 0}),
        ("seed", Varchar, {"length": 40, **TEXT}),
        ("algorithm", Varchar, {"length": 40, **TEXT}),
        ("target_directory_version", Integer, {"default": 0}),
        ("target_directory_hash", Varchar, {"length": 64, **TEXT}),
        ("inspector_directory_version", Integer, {"default": 0}),
        ("inspector_directory_hash", Varchar, {"length": 64, **TEXT}),
        ("inputs", JSON, {"default": "{}"}),
        ("result", JSON, {"default": "{}"}),
        ("result_hash", Varchar, {"length": 64, **TEXT}),
        ("drawn_at", Timestamptz, NOW),
        ("drawn_by", ForeignKey, _fk(AppUser)),
    ],
    ("inspection_result", "InspectionResult"): [
        ("township", ForeignKey, _fk(Township)),
        ("draw", ForeignKey, _fk(InspectionDraw)),
        ("target", ForeignKey, _fk(InspectionTarget)),
        ("inspectors", JSON, {"default": "[]"}),
        ("inspected_at", Timestamptz, NOW),
        ("inspected_on", Date, {"default": DateNow()}),
        ("outcome", Varchar, {"length": 30, **TEXT}),
        ("note", Text, TEXT),
        ("case", ForeignKey, _fk(Case)),
        ("recorded_by", ForeignKey, _fk(AppUser)),
        ("recorded_at", Timestamptz, NOW),
        ("publish_due", Date, NULL_DATE),
        ("published_on", Date, NULL_DATE),
    ],
}


async def forwards():
    manager = _TablesThenKeys(migration_id=ID, app_name="zhifa_core", description=DESCRIPTION)
    for (table, class_name), columns in TABLES.items():
        manager.add_table(class_name=class_name, tablename=table, schema=None, columns=None)
        for name, cls, params in columns:
            manager.add_column(**_column(table, class_name, name, cls, params))
    return manager
