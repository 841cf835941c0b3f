"""The ``zhifa`` command: one Typer app, commands split by resource."""

from __future__ import annotations

import typer
from zhifa.cli import (
    audit,
    calendar,
    cases,
    catalogue,
    catalogue_config,
    demo,
    imports,
    inspections,
    plugin_kit,
    publication,
    referrals,
    reports,
    serve,
    setup,
    townships,
)

app = typer.Typer(
    name="zhifa",
    help="zhifa：乡镇综合行政执法办案系统命令行。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("init")(setup.init)
app.command("plugins")(catalogue.plugins)
app.command("powers")(catalogue.powers)
app.command("demo")(demo.demo)
app.command("serve")(serve.serve)
app.add_typer(townships.app, name="township")
app.add_typer(cases.app, name="case")
app.add_typer(audit.app, name="audit")
app.add_typer(calendar.app, name="calendar")
app.add_typer(catalogue_config.app, name="catalogue")
app.add_typer(imports.app, name="import")
app.add_typer(inspections.app, name="inspection")
app.add_typer(plugin_kit.app, name="plugin")
app.add_typer(publication.app, name="publication")
app.add_typer(referrals.app, name="referral")
app.add_typer(reports.app, name="report")

_plugin_commands_loaded = False


def load_plugin_commands() -> None:
    """Let plugins add commands (``zhifa_register_commands``); a broken plugin is named."""
    global _plugin_commands_loaded
    if _plugin_commands_loaded:
        return
    from zhifa.cli.common import err_console
    from zhifa.core.catalogue.errors import CatalogueInvalid, PluginError
    from zhifa.core.plugins import build_plugin_manager, call_each

    try:  # the plugins registered, not their catalogues loaded: those are checked when a command needs them
        call_each(build_plugin_manager()[0], "zhifa_register_commands", cli=app)
    except (PluginError, CatalogueInvalid) as exc:
        err_console.print(f"[red]错误：[/red]{exc}", highlight=False, soft_wrap=True)
        raise SystemExit(2) from None
    _plugin_commands_loaded = True


def run() -> None:
    import os
    import sys

    # Databases, WAL files, evidence and zhifa.toml hold personal data: owner-only (0600 / 0700).
    os.umask(0o077)

    if sys.argv[1:2] != ["plugin"]:  # `zhifa plugin check` must run even when an installed plugin is broken
        load_plugin_commands()
    app()
