"""``zhifa audit verify``: check the tamper-evident record of every (or one) township."""

from __future__ import annotations

from typing import Optional

import typer
from zhifa.cli.common import JsonOption, console, emit_json, err_console, run_service

app = typer.Typer(help="全过程记录核验。", no_args_is_help=True)


@app.command("verify")
def verify(township: Optional[str] = typer.Option(None, "--township", help="只核验该乡镇"), json: bool = JsonOption) -> None:
    """逐条核验事件哈希链；发现被改动、插入或删除的事件时报告第一处并以非零状态退出。"""
    from zhifa.core.services.audit import verify as verify_chains

    reports = run_service(lambda: verify_chains(township))
    if json:
        emit_json(reports)
    else:
        for report in reports:
            if report.intact:
                console.print(f"{report.township}：{report.events} 条事件，哈希链完整，案件记录与事件一致", highlight=False)
            elif report.first_break is not None:
                err_console.print(f"[red]{report.township}：{report.first_break.message}[/red]", highlight=False)
            for mismatch in report.cases:
                err_console.print(f"[red]{report.township}：{mismatch.message}[/red]", highlight=False)
    if any(not r.intact for r in reports):
        raise typer.Exit(1)
