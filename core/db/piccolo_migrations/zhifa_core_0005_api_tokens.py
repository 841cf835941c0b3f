"""API sign-in: tokens (stored as sha256) and sign-in attempts (for throttling and audit)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.base import OnDelete, OnUpdate
from piccolo.columns.column_types import Boolean, ForeignKey, Serial, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

ID = "2026-11-23T01:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "api_token, login_attempt, case_officer"


class AppUser(Table, tablename="app_user", schema=None):
    id = Serial(null=False, primary_key=True, db_column_name="id")


class Township(Table, tablename="township", schema=None):
    id = Serial(null=False, primary_key=True, db_column_name="id")


class Case(Table, tablename="enforcement_case", schema=None):
    id = Serial(null=False, primary_key=True, db_column_name="id")


def _column(table, class_name, name, cls, params):
    return dict(table_class_name=class_name, tablename=table, column_name=name, db_column_name=name,
                column_class_name=cls.__name__, column_class=cls, schema=None,
                params={"null": False, "primary_key": False, "unique": False, "index": False, **params})


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="zhifa_core", description=DESCRIPTION)

    manager.add_table(class_name="ApiToken", tablename="api_token", schema=None, columns=None)
    token = ("api_token", "ApiToken")
    manager.add_column(**_column(*token, "user", ForeignKey, {
        "references": AppUser, "on_delete": OnDelete.restrict, "on_update": OnUpdate.cascade,
        "target_column": None, "null": True}))
    manager.add_column(**_column(*token, "token_sha256", Varchar, {"length": 64, "default": "", "unique": True}))
    manager.add_column(**_column(*token, "created_at", Timestamptz, {"default": TimestamptzNow()}))
    manager.add_column(**_column(*token, "expires_at", Timestamptz, {"default": TimestamptzNow()}))
    manager.add_column(**_column(*token, "revoked_at", Timestamptz, {"default": None, "null": True}))

    manager.add_table(class_name="LoginAttempt", tablename="login_attempt", schema=None, columns=None)
    attempt = ("login_attempt", "LoginAttempt")
    manager.add_column(**_column(*attempt, "username", Varchar, {"length": 64, "default": "", "index": True}))
    manager.add_column(**_column(*attempt, "remote", Varchar, {"length": 64, "default": ""}))
    manager.add_column(**_column(*attempt, "at", Timestamptz, {"default": TimestamptzNow()}))
    manager.add_column(**_column(*attempt, "succeeded", Boolean, {"default": False}))

    manager.add_table(class_name="CaseOfficer", tablename="case_officer", schema=None, columns=None)
    officer = ("case_officer", "CaseOfficer")
    for name, target in (("township", Township), ("case", Case), ("user", AppUser)):
        manager.add_column(**_column(*officer, name, ForeignKey, {
            "references": target, "on_delete": OnDelete.restrict, "on_update": OnUpdate.cascade,
            "target_column": None, "null": True}))
    return manager
