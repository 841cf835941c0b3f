"""``zhifa import cases FILE --township CODE``: historical cases from a CSV or .xlsx file (docs/import.md)."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import typer
from zhifa.cli.common import JsonOption, console, emit_json, emit_table, err_console, run_service

app = typer.Typer(help="导入：历史案件。", no_args_is_help=True)


@contextmanager
def progress_bar(enabled: bool) -> Iterator:
    """A rich progress bar on a terminal; elsewhere (logs, scripts) one line on stderr per stage and per tenth."""
    if not enabled:
        yield None
        return
    if err_console.is_terminal:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err_console) as bar:
            tasks: dict[str, int] = {}

            def advance(label: str, done: int, total: int) -> None:
                if label not in tasks:
                    tasks[label] = bar.add_task(label, total=total)
                bar.update(tasks[label], completed=done, total=total)

            yield advance
        return
    shown: dict[str, int] = {}

    def line(label: str, done: int, total: int) -> None:
        tenth = done * 10 // total if total else 10
        if shown.get(label, -1) < tenth:
            shown[label] = tenth
            sys.stderr.write(f"{label} {done}/{total}\n")
            sys.stderr.flush()

    yield line


@app.command("cases")
def cases(
    file: Path = typer.Argument(..., help="CSV（UTF-8，可带 BOM）或 .xlsx 文件；第一行为表头"),
    township: str = typer.Option(..., "--township", help="乡镇行政区划代码"),
    actor: Optional[str] = typer.Option(None, "--actor", help="导入人用户名（记入全过程记录）"),
    json: bool = JsonOption,
) -> None:
    """导入历史案件：先逐行校验，有任何错误则列出全部错误、不写入；无误则在一个事务中全部写入（全有或全无）。"""
    from zhifa.core.services.case_import import ImportRejected, import_cases

    async def _run():
        try:
            return await import_cases(township, file, actor=actor, progress=advance)
        except ImportRejected as exc:  # listed below, with every row and column
            return exc

    with progress_bar(not json) as advance:
        result = run_service(_run)
    if isinstance(result, ImportRejected):
        if json:
            emit_json({"error": result.code, "message": result.message, "problems": result.problems})
        else:
            err_console.print(f"[red]错误：[/red]{result.message}", highlight=False, soft_wrap=True)
            emit_table("校验未通过的行", ["行", "列", "问题"], ((p.row, p.column, p.message) for p in result.problems))
        raise typer.Exit(1)
    if json:
        return emit_json(result)
    console.print(f"已导入 {result.cases} 件历史案件（批次 {result.batch}，案件 {result.first_case}–{result.last_case}，"
                  f"新登记当事人 {result.new_parties} 名，全过程记录第 {result.first_seq}–{result.last_seq} 条）",
                  highlight=False)
