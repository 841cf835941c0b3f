"""公示 (publication) and 乡呼县应 (referral) tables, with their township-scoped unique keys.

Piccolo runs ``add_raw`` steps before ``add_table``, so the unique indexes are created by
``_TablesThenKeys`` right after the tables, in the same transaction.
"""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.base import OnDelete, OnUpdate
from piccolo.columns.column_types import JSON, Date, ForeignKey, Integer, Serial, Text, Timestamptz, Varchar
from piccolo.columns.defaults.date import DateNow
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.engine import engine_finder
from piccolo.table import Table

ID = "2026-11-23T03:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "publication (公示) and referral (乡呼县应)"

UNIQUE_INDEXES = [
    ("publication", "uq_publication_township_case_decided", ("township", "case", "decided_on")),
    ("referral", "uq_referral_township_number", ("township", "number")),
]


class Township(Table, tablename="township", schema=None):
    id = Serial(null=False, primary_key=True, db_column_name="id")


class Department(Table, tablename="department", schema=None):
    id = Serial(null=False, primary_key=True, db_column_name="id")


class AppUser(Table, tablename="app_user", schema=None):
    id = Serial(null=False, primary_key=True, db_column_name="id")


class Case(Table, tablename="enforcement_case", schema=None):
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
NULL_MOMENT = {"default": None, "null": True}

TABLES = {
    ("publication", "Publication"): [
        ("township", ForeignKey, _fk(Township)),
        ("case", ForeignKey, _fk(Case)),
        ("kind", Varchar, {"length": 12, **TEXT}),
        ("decision_kind", Varchar, {"length": 30, **TEXT}),
        ("decided_on", Date, {"default": DateNow()}),
        ("due_days", Integer, {"default": 0}),
        ("due_on", Date, NULL_DATE),
        ("status", Varchar, {"length": 20, "default": "queued"}),
        ("published_on", Date, NULL_DATE),
        ("display_until", Date, NULL_DATE),
        ("record", JSON, {"default": "{}"}),
        ("withdraw_reason", Text, TEXT),
        ("withdraw_requested_on", Date, NULL_DATE),
        ("withdraw_due_on", Date, NULL_DATE),
        ("withdrawn_on", Date, NULL_DATE),
        ("cancelled_on", Date, NULL_DATE),
        ("taken_down_on", Date, NULL_DATE),
        ("created_at", Timestamptz, NOW),
    ],
    ("referral", "Referral"): [
        ("township", ForeignKey, _fk(Township)),
        ("number", Varchar, {"length": 60, **TEXT}),
        ("department", ForeignKey, _fk(Department)),
        ("field", Varchar, {"length": 40, **TEXT}),
        ("power", Varchar, {"length": 40, "default": None, "null": True}),
        ("summary", Text, TEXT),
        ("place", Varchar, {"length": 300, **TEXT}),
        ("case", ForeignKey, _fk(Case)),
        ("status", Varchar, {"length": 20, "default": "sent"}),
        ("sent_at", Timestamptz, NOW),
        ("sent_by", ForeignKey, _fk(AppUser)),
        ("accept_due_on", Date, NULL_DATE),
        ("answer_due_on", Date, NULL_DATE),
        ("accepted_at", Timestamptz, NULL_MOMENT),
        ("accepted_by", ForeignKey, _fk(AppUser)),
        ("answer", Text, TEXT),
        ("answered_at", Timestamptz, NULL_MOMENT),
        ("answered_by", ForeignKey, _fk(AppUser)),
        ("closed_at", Timestamptz, NULL_MOMENT),
        ("closed_by", ForeignKey, _fk(AppUser)),
        ("refused_at", Timestamptz, NULL_MOMENT),
        ("returned_at", Timestamptz, NULL_MOMENT),
        ("reason", Text, TEXT),
        ("rating", Integer, {"default": None, "null": True}),
        ("rating_comment", Text, TEXT),
        ("rated_at", Timestamptz, NULL_MOMENT),
        ("rated_by", ForeignKey, _fk(AppUser)),
        ("created_at", Timestamptz, NOW),
    ],
}


async def forwards():
    manager = _TablesThenKeys(migration_id=ID, app_name="zhifa_core", description=DESCRIPTION)
    for (table, class_name), columns in TABLES.items():
        manager.add_table(class_name=class_name, tablename=table, schema=None, columns=None)
        for name, cls, params in columns:
            manager.add_column(**_column(table, class_name, name, cls, params))
    return manager
