"""``zhifa report …``: the quarterly case report (案件报告), statistics by township, supervisors' findings."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import typer
from zhifa.cli.common import JsonOption, console, emit_json, emit_table, err_console, fail, run_service

app = typer.Typer(help="执法监督与报表：季度案件报告、分乡镇统计、执法监督发现的问题。", no_args_is_help=True)

QuarterOption = typer.Option(..., "--quarter", help="季度，如 2026Q3")
TownshipOption = typer.Option(None, "--township", help="乡镇行政区划代码")
CountyOption = typer.Option(None, "--county", help="县级行政区划代码（全县各乡镇）")


@contextmanager
def progress_bar() -> Iterator:
    """A progress bar on stderr (gone when done), one line per township and stage."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console, transient=True) as bar:
        tasks: dict[str, int] = {}

        def advance(label: str, done: int, total: int) -> None:
            if label not in tasks:
                tasks[label] = bar.add_task(label, total=total)
            bar.update(tasks[label], completed=done, total=total)

        yield advance


def _scope(township: Optional[str], county: Optional[str]) -> None:
    if bool(township) == bool(county):
        fail("请指定 --township 或 --county 之一")


def _quarter(text: str):
    from zhifa.core.reports.quarters import InvalidQuarter, parse_quarter

    try:
        return parse_quarter(text)
    except InvalidQuarter as exc:
        fail(str(exc))


@app.command("quarterly")
def quarterly(
    township: str = typer.Option(..., "--township", help="乡镇行政区划代码"),
    quarter: str = QuarterOption,
    department: Optional[str] = typer.Option(None, "--department", help="只报该委托部门（部门代码）"),
    as_of: Optional[dt.datetime] = typer.Option(None, "--as-of", formats=["%Y-%m-%d"],
                                                help="逾期情况统计至该日（缺省为季度末，季度未结束时为今天）"),
    out: Optional[Path] = typer.Option(None, "--out", help="Word 文件路径（缺省为当前目录下 案件报告-乡镇-季度.docx）"),
    json: bool = JsonOption,
) -> None:
    """生成乡镇的季度案件报告（Word），按委托部门分列。--json 输出数据（给出 --out 时同时写 Word）。"""
    from zhifa.core import clock
    from zhifa.core.reports.quarterly_docx import BASIS_NAMES, money, render
    from zhifa.core.services import reports

    q = _quarter(quarter)
    with progress_bar() as advance:
        report = run_service(lambda: reports.quarterly_report(
            township, q, as_of=as_of.date() if as_of else None, department=department, progress=advance))
    path = out if out is not None or json else Path(f"案件报告-{township}-{q.label}.docx")
    if path is not None:
        path.write_bytes(render(report, generated_on=clock.today()))
    if json:
        return emit_json(report)
    f = report.figures
    emit_table(f"{report.township_name} {q.title}案件报告", ["立案", "作出决定", "罚款决定（元）", "罚款收缴（元）", "结案",
                                                          "季末未结", "结案率", "监督发现问题"],
               [[f.filed, f.decided, money(f.fines_decided), money(f.fines_collected), f.closed, f.pending,
                 "—" if f.closure_rate is None else f"{f.closure_rate}%", len(report.findings)]])
    emit_table("分委托部门", ["部门", "方式", "立案", "作出决定", "罚款决定（元）", "罚款收缴（元）", "结案", "季末未结"],
               [[s.name, BASIS_NAMES.get(s.basis, s.basis), s.figures.filed, s.figures.decided, money(s.figures.fines_decided),
                 money(s.figures.fines_collected), s.figures.closed, s.figures.pending] for s in report.sections])
    console.print(f"已生成 {path}", highlight=False)


@app.command("statistics")
def statistics(
    quarter: str = QuarterOption,
    township: Optional[str] = TownshipOption,
    county: Optional[str] = CountyOption,
    json: bool = JsonOption,
) -> None:
    """分乡镇统计一个季度的立案、决定、罚款、结案、未结和监督发现的问题。"""
    from zhifa.core.reports.quarterly_docx import money
    from zhifa.core.services import reports

    _scope(township, county)
    q = _quarter(quarter)
    with progress_bar() as advance:
        rows = run_service(lambda: reports.statistics(q, township_code=township, county_code=county, progress=advance))
    if json:
        return emit_json(rows)
    emit_table(f"{q.title}分乡镇统计", ["乡镇", "线索", "立案", "作出决定", "罚款决定（元）", "罚款收缴（元）", "结案", "季末未结",
                                   "结案率", "平均办案天数", "监督问题"],
               [[r.township_name, r.figures.clues, r.figures.filed, r.figures.decided, money(r.figures.fines_decided),
                 money(r.figures.fines_collected), r.figures.closed, r.figures.pending,
                 "—" if r.figures.closure_rate is None else f"{r.figures.closure_rate}%",
                 r.figures.avg_days_to_close or "—", r.findings] for r in rows])


@app.command("findings")
def findings(
    township: Optional[str] = TownshipOption,
    county: Optional[str] = CountyOption,
    quarter: Optional[str] = typer.Option(None, "--quarter", help="只列该季度的环节（缺省为全部）"),
    json: bool = JsonOption,
) -> None:
    """执法监督：列出少于两名持证人员、应审未审、超出阶次未说明理由、使用过期证件、超出授权等问题。"""
    from zhifa.core.services import findings as service

    _scope(township, county)
    q = _quarter(quarter) if quarter else None
    with progress_bar() as advance:
        rows = run_service(lambda: service.findings(township_code=township, county_code=county, quarter=q,
                                                    progress=advance))
    if json:
        return emit_json(rows)
    if not rows:
        return console.print("未发现问题。", highlight=False)
    emit_table("执法监督发现的问题", ["乡镇", "案件", "立案编号", "问题", "代码", "日期", "说明", "来源"],
               ((r.township_name, r.case_id, r.case_number, r.title, r.code, r.on, r.message,
                 "系统办理" if r.in_event_log else "导入/直接写入") for r in rows))
