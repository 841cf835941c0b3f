"""Small helpers shared by tests: run a coroutine, build valid identifiers, call the CLI."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from stdnum.cn import ric, uscc
from typer.testing import CliRunner
from zhifa.cli.main import app

runner = CliRunner()


def run(awaitable: Any) -> Any:
    """Run a coroutine or a Piccolo query to completion."""

    async def _wait() -> Any:
        return await awaitable

    return asyncio.run(_wait())


def valid_resident_id(prefix: str = "330122", birth: str = "19850312", serial: int = 41) -> str:
    body = f"{prefix}{birth}{serial:03d}"
    return body + ric.calc_check_digit(body + "0")


def valid_credit_code(body: str = "91330122MA27XK3P0") -> str:
    return body + uscc.calc_check_digit(body)


def cli(*args: str, ok: bool = True):
    result = runner.invoke(app, list(args))
    if ok:
        assert result.exit_code == 0, result.output
    return result


def cli_json(*args: str) -> Any:
    return json.loads(cli(*args, "--json").stdout)


def sibling_module(name: str):
    """Another test module's helpers, whether or not pytest collected that module in this run.

    Under ``--import-mode=importlib`` a test module is importable only once collected; running one
    file alone would otherwise fail with ModuleNotFoundError.
    """
    import importlib.util
    import sys
    from pathlib import Path

    qualified = f"{__package__}.{name}"
    if qualified not in sys.modules:
        spec = importlib.util.spec_from_file_location(qualified, Path(__file__).with_name(f"{name}.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[qualified] = module
        spec.loader.exec_module(module)
    return sys.modules[qualified]
