"""Start-up shared by the CLI and the API: plugins, then the database they need."""

from __future__ import annotations

from itertools import chain

from zhifa.core.db import database
from zhifa.core.plugins import call_each
from zhifa.core.registry import PluginHost, get_host


async def open_database(url: str | None = None, *, migrate: bool = False) -> PluginHost:
    """Load plugins (validating catalogues), point tables at the database, optionally migrate."""
    host = get_host()
    apps = list(chain.from_iterable(result for _, result in call_each(host.pm, "zhifa_piccolo_apps")))
    database.use_apps(apps)
    database.configure(url)
    if migrate:
        await database.migrate()
    return host
