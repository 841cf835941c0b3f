"""Point every table at one database and bring its schema up to date."""

from __future__ import annotations

import contextlib
import io

from piccolo.apps.migrations.commands.forwards import run_forwards
from piccolo.apps.migrations.tables import Migration
from piccolo.conf.apps import AppRegistry
from piccolo.engine.base import Engine
from piccolo.table import Table
from zhifa.core.calendar import sources
from zhifa.core.config import home, load_settings
from zhifa.core.db import piccolo_conf
from zhifa.core.db.engine import engine_from_url
from zhifa.core.db.piccolo_app import APP_CONFIG


class MigrationFailed(RuntimeError):
    pass


def _all_tables() -> list[type[Table]]:
    tables: list[type[Table]] = [Migration]
    for app in piccolo_conf.APP_REGISTRY.app_configs.values():
        tables.extend(app.table_classes)
    return tables


CORE_APP = "zhifa.core.db.piccolo_app"


def use_apps(plugin_apps: list[str]) -> None:
    """The Piccolo apps to migrate: the core's and the plugins' (``zhifa_piccolo_apps``)."""
    apps = [CORE_APP] + [a for a in dict.fromkeys(plugin_apps) if a != CORE_APP]
    if apps != piccolo_conf.APP_REGISTRY.apps:
        piccolo_conf.APP_REGISTRY = AppRegistry(apps=apps)


def configure(url: str | None = None) -> Engine:
    """Use the database at ``url`` (default: the settings) for every table and for migrations."""
    engine = engine_from_url(url or load_settings().database_url, base=home())
    piccolo_conf.DB = engine
    sources.reset()  # the holiday years loaded into that database are read on first use
    for table in _all_tables():
        table._meta.db = engine
    return engine


def current_engine() -> Engine:
    return piccolo_conf.DB


async def migrate() -> None:
    """Run every migration not yet run, for the core and every registered plugin app."""
    engine = current_engine()
    for table in _all_tables():
        table._meta.db = engine
    output = io.StringIO()
    with contextlib.redirect_stdout(output):  # Piccolo prints progress with emoji; keep it quiet
        result = await run_forwards(app_name="all")
    if not result.success:
        raise MigrationFailed(f"数据库迁移失败：{result.message}\n{output.getvalue()}")


__all__ = ["APP_CONFIG", "configure", "current_engine", "migrate", "use_apps"]
