"""``zhifa case …``: read a case, and take any procedure action on it (the API offers the same)."""

from __future__ import annotations

import datetime as dt
import json as jsonlib
from pathlib import Path
from typing import Optional

import typer
from zhifa.cli.common import JsonOption, console, emit_json, emit_table, fail, run_service

app = typer.Typer(help="案件：查看、办理。", no_args_is_help=True)


@app.command("clue")
def clue(
    township: str = typer.Option(..., "--township"),
    field: str = typer.Option(..., "--field"),
    summary: str = typer.Option(..., "--summary", help="线索内容"),
    source: str = typer.Option("patrol", "--source", help="案源：patrol、complaint、hotline、grid …"),
    power: Optional[str] = typer.Option(None, "--power"),
    place: str = typer.Option("", "--place"),
    found: Optional[dt.datetime] = typer.Option(None, "--found", formats=["%Y-%m-%d %H:%M", "%Y-%m-%d"],
                                                help="发现时间（北京时间，缺省为现在）"),
    actor: Optional[str] = typer.Option(None, "--actor"),
    json: bool = JsonOption,
) -> None:
    """登记线索（案源）。"""
    from zhifa.core import clock
    from zhifa.core.schemas.cases import ClueCreate
    from zhifa.core.services.cases import register_clue

    found_at = found.replace(tzinfo=clock.zone()) if found else clock.now_utc()
    data = ClueCreate(field=field, power=power, source=source, summary=summary, place=place, found_at=found_at)
    case = run_service(lambda: register_clue(township, data, actor=actor))
    if json:
        return emit_json(case)
    console.print(f"已登记线索，案件编号 {case.id}", highlight=False)


@app.command("list")
def list_(township: str = typer.Option(..., "--township"), json: bool = JsonOption) -> None:
    """列出乡镇的案件（含已停用领域的案件）。"""
    from zhifa.core.services.cases import list_cases

    rows = run_service(lambda: list_cases(township))
    if json:
        return emit_json(rows)
    emit_table("案件", ["编号", "立案编号", "状态", "领域", "执法事项", "案由"],
               ((c.id, c.number, c.status, c.field, c.power, c.summary[:30]) for c in rows))


@app.command("show")
def show(case_id: int, township: str = typer.Option(..., "--township"), json: bool = JsonOption) -> None:
    """显示案件、案卷事实、正在计算的期限和全过程记录。暂定期限标明「暂定」。"""
    from zhifa.core.services.case_search import case_detail
    from zhifa.core.services.procedure import case_file

    async def _load():
        return await case_detail(township, case_id), await case_file(township, case_id)

    detail, file = run_service(_load)
    case, events = detail.case, detail.timeline
    if json:
        return emit_json({"case": case, "file": file, "events": events, "deadlines": detail.deadlines})
    console.print(f"{case.number or '（未立案）'}  {case.summary}  状态：{case.status}", highlight=False)
    if detail.deadlines:
        emit_table("期限", ["期限", "最后一日", "暂定", "依据"],
                   ((x.name, x.due, "暂定" if x.provisional else "", x.basis[:40]) for x in detail.deadlines))
    emit_table("全过程记录", ["序号", "记录时间（UTC）", "法律日期", "操作"],
               ((e.seq, e.occurred_at, e.payload.get("on", ""), e.payload.get("title", e.kind)) for e in events))


@app.command("evidence")
def evidence(
    case_id: int,
    path: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True, help="证据文件（照片、笔录扫描件等）"),
    township: str = typer.Option(..., "--township"),
    kind: str = typer.Option(..., "--kind", help="证据种类：documentary 书证、physical 物证、audiovisual 视听资料、electronic 电子数据、"
                                                "witness 证人证言、party_statement 当事人的陈述、expert_opinion 鉴定意见、"
                                                "inspection_record 勘验笔录、现场笔录"),
    title: str = typer.Option(..., "--title", help="证据名称"),
    captured: dt.datetime = typer.Option(..., "--captured", formats=["%Y-%m-%d %H:%M"], help="取证时间（北京时间）"),
    actor: str = typer.Option(..., "--actor", help="取证的执法人员（用户名）"),
    place: str = typer.Option("", "--place", help="取证地点"),
    json: bool = JsonOption,
) -> None:
    """登记证据：文件按取证时的 SHA-256 保存，之后每次读取都核对。"""
    import mimetypes

    from zhifa.core import clock
    from zhifa.core.services.evidence import register_evidence

    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    item = run_service(lambda: register_evidence(
        township, case_id, kind=kind, title=title, content=path.read_bytes(), captured_at=captured.replace(tzinfo=clock.zone()),
        collector=actor, captured_place=place, media_type=media_type))
    if json:
        return emit_json(item)
    console.print(f"已登记证据 {item.id}「{item.title}」，SHA-256 {item.content_sha256}", highlight=False)


@app.command("act")
def act(
    case_id: int,
    action: str,
    township: str = typer.Option(..., "--township"),
    actor: str = typer.Option(..., "--actor", help="操作人用户名"),
    on: Optional[dt.datetime] = typer.Option(None, "--on", formats=["%Y-%m-%d"], help="法律效果发生日（缺省今天）"),
    data: str = typer.Option("{}", "--data", help="操作内容（JSON）"),
    json: bool = JsonOption,
) -> None:
    """对案件执行一个办案操作，如 file_case、serve_notice、decide。被拒绝时说明依据的规则。"""
    from zhifa.core.services.procedure import perform

    try:
        payload = jsonlib.loads(data)
    except ValueError as exc:
        fail(f"--data 不是有效的 JSON：{exc}")
    case = run_service(lambda: perform(township, case_id, action, payload, actor=actor, on=on.date() if on else None))
    if json:
        return emit_json(case)
    console.print(f"已完成：案件 {case.id} 现为「{case.status}」{('，立案编号 ' + case.number) if case.number else ''}", highlight=False)


@app.command("overdue")
def overdue(
    township: str = typer.Option(..., "--township"),
    on: Optional[dt.datetime] = typer.Option(None, "--on", formats=["%Y-%m-%d"], help="日期（缺省今天）"),
    json: bool = JsonOption,
) -> None:
    """列出超过九十日办案期限（含延长和扣除期间）仍未作出决定的案件。"""
    from zhifa.core import clock
    from zhifa.core.services.overdue import overdue_cases

    rows = run_service(lambda: overdue_cases(township, on.date() if on else clock.today()))
    if json:
        return emit_json(rows)
    emit_table("超期未决案件", ["编号", "立案编号", "状态", "立案日", "应决定日", "超期天数"],
               ((c.id, c.number, c.status, c.filed_on, c.due, c.days_overdue) for c in rows))


# 执法文书 and 案卷导出 (cli/documents.py): templates, document, documents, export
from zhifa.cli import documents as _documents  # noqa: E402

_documents.register(app)
