"""``zhifa calendar …``: the working-day calendar — load a year's notice, show a year, recompute."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import typer
from zhifa.cli.common import JsonOption, console, emit_json, emit_table, fail, run_service

app = typer.Typer(help="工作日历：加载国务院节假日安排、查看某年、重新计算期限。", no_args_is_help=True)

WEEKDAYS = "一二三四五六日"


@app.command("load")
def load(
    file: Path = typer.Argument(..., help="日历文件（TOML：year、source、holidays、workdays）"),
    actor: str = typer.Option("", "--actor", help="加载人（记入日历和期限变更记录）"),
    force: bool = typer.Option(False, "--force", help="与官方数据包不一致时仍以本文件为准"),
    json: bool = JsonOption,
) -> None:
    """加载某年的节假日安排，并重新计算依赖暂定日历的期限。"""
    from zhifa.core.services.calendar import load_year

    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"无法读取日历文件 {file}：{exc}")
    result = run_service(lambda: load_year(text, actor=actor or "cli", force=force), migrate=True)
    if json:
        return emit_json(result)
    note = f"（与官方数据包不同的 {len(result.differs)} 天以本文件为准）" if result.forced else ""
    console.print(f"已加载 {result.year} 年工作日历，依据 {result.source}{note}", highlight=False)
    _print_recompute(result.recompute)


@app.command("recompute")
def recompute(actor: str = typer.Option("cli", "--actor"), json: bool = JsonOption) -> None:
    """按当前日历数据重新计算暂定期限（如升级 chinesecalendar 包之后）。"""
    from zhifa.core.services.calendar import recompute_now

    report = run_service(lambda: recompute_now(actor=actor))
    if json:
        return emit_json(report)
    _print_recompute(report)


def _print_recompute(report) -> None:
    console.print(f"检查了 {report.cases_examined} 件有暂定期限的在办案件，{report.cases_changed} 件的期限有变化。",
                  highlight=False)
    if report.changes:
        emit_table("期限变化", ["乡镇", "案件", "期限", "原日期", "新日期", "仍为暂定"],
                   ((c.township, c.number or c.case_id, c.name, c.old, c.new, "是" if c.provisional_after else "否")
                    for c in report.changes))
    if report.newly_overdue:
        emit_table("因此已超期", ["乡镇", "案件", "期限", "原日期", "新日期"],
                   ((c.township, c.number or c.case_id, c.name, c.old, c.new) for c in report.newly_overdue))


@app.command("show")
def show(year: int, json: bool = JsonOption) -> None:
    """显示某年每一天是否工作日及数据来源（本地加载、官方数据包或暂定）。"""
    from zhifa.core.services.calendar import show_year

    result = run_service(lambda: show_year(year))
    if json:
        return emit_json(result)
    who = f"，{result.loaded_by} 于 {result.loaded_at:%Y-%m-%d %H:%M} UTC 加载" if result.loaded_at else ""
    console.print(f"{result.year} 年：{result.source_name}（{result.notice}{who}）", highlight=False)
    if result.provisional:
        console.print("暂定：调休待国务院通知公布。保护当事人的期限按可能放假的日子计为休息日，"
                      "机关的时限按可能调休上班的日子计为工作日；通知公布后请 zhifa calendar load。", highlight=False)
    special = [d for d in result.days if d.note or (d.working == (d.day.weekday() >= 5))]
    emit_table(f"{result.year} 年非常规日期", ["日期", "星期", "工作日", "说明"],
               ((d.day, WEEKDAYS[d.day.weekday()], "是" if d.working else "否", d.note) for d in special))
    counts = Counter(d.working for d in result.days)
    console.print(f"工作日 {counts[True]} 天，休息日 {counts[False]} 天。", highlight=False)
