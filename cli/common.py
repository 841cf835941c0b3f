"""What every command shares: running a service on the configured database, output, errors."""

from __future__ import annotations

import asyncio
import sys
from typing import Any, Awaitable, Callable, Iterable, TypeVar

import msgspec
import typer
from rich.console import Console
from rich.table import Table
from zhifa.core.catalogue.errors import CatalogueInvalid, PluginError
from zhifa.core.config import ConfigError
from zhifa.core.db.errors import DatabaseURLError
from zhifa.core.rules.refusal import Refused
from zhifa.core.services.errors import ServiceError

T = TypeVar("T")

# Piped output (scripts, CI logs) gets a wide table instead of an 80-column squeeze.
console = Console(width=None if sys.stdout.isatty() else 200)
err_console = Console(stderr=True, width=None if sys.stderr.isatty() else 200)

JsonOption = typer.Option(False, "--json", help="以 JSON 输出（供脚本使用）")


def fail(message: str, code: int = 1) -> None:
    err_console.print(f"[red]错误：[/red]{message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def run_service(factory: Callable[[], Awaitable[T]], *, migrate: bool = False) -> T:
    """Configure the database, optionally migrate, then run one service call."""
    from zhifa.core.bootstrap import open_database
    from zhifa.core.registry import get_host

    async def _main() -> T:
        from zhifa.core.services import catalogue_overlays
        from zhifa.core.services.calendar import refresh

        await open_database(migrate=migrate)
        await refresh(max_age=0)  # the holiday years this deployment loaded
        await catalogue_overlays.refresh(max_age=0)  # and its catalogue overlays
        return await factory()

    try:
        get_host()  # load plugins and validate catalogues first: a broken plugin stops here
        return asyncio.run(_main())
    except Refused as exc:  # each refusal already names its rule and code
        fail(str(exc))
    except ServiceError as exc:
        fail(f"{exc}（{exc.code}）")
    except (CatalogueInvalid, PluginError, ConfigError, DatabaseURLError) as exc:
        fail(str(exc), code=2)
    except OSError as exc:
        fail(f"无法连接数据库或读写文件：{exc}", code=2)
    raise AssertionError("unreachable")


def emit_json(value: Any) -> None:
    sys.stdout.write(msgspec.json.encode(value).decode() + "\n")


def emit_table(title: str, columns: list[str], rows: Iterable[Iterable[Any]]) -> None:
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*["" if v is None else str(v) for v in row])
    console.print(table)
