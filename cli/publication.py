"""``zhifa publication …``: the 公示 queue, publishing, withdrawal and the public page."""

from __future__ import annotations

import datetime as dt
from typing import Optional

import typer
from zhifa.cli.common import JsonOption, console, emit_json, emit_table, run_service

app = typer.Typer(help="公示：待公示决定、公示、撤回、公示页面。", no_args_is_help=True)

STATUS = {"queued": "待公示", "published": "公示中", "withdrawal_due": "待撤回", "withdrawn": "已撤回",
          "cancelled": "已取消", "taken_down": "已撤下"}
PROBLEMS = {"publication_overdue": "逾期未公示", "withdrawal_overdue": "逾期未撤回"}
OnOption = typer.Option(None, "--on", formats=["%Y-%m-%d"], help="日期（缺省今天）")


def _day(value: Optional[dt.datetime]) -> dt.date | None:
    return value.date() if value else None


@app.command("list")
def list_(
    township: Optional[str] = typer.Option(None, "--township"),
    county: Optional[str] = typer.Option(None, "--county", help="县级行政区划代码（执法监督：全县逾期情况）"),
    overdue: bool = typer.Option(False, "--overdue", help="只列逾期未公示、逾期未撤回的"),
    status: Optional[str] = typer.Option(None, "--status", help="queued、published、withdrawal_due …"),
    on: Optional[dt.datetime] = OnOption,
    json: bool = JsonOption,
) -> None:
    """列出乡镇的公示；--overdue 列出逾期的（可按全县）。"""
    from zhifa.cli.common import fail
    from zhifa.core.services import publication

    if overdue:
        if not (township or county):
            fail("请指定 --township 或 --county")
        rows = run_service(lambda: publication.overdue_publications(_day(on), township_code=township, county_code=county))
        if json:
            return emit_json(rows)
        return emit_table("逾期公示", ["编号", "乡镇", "案件", "立案编号", "问题", "期限", "逾期工作日", "说明"],
                          ((r.id, r.township_name, r.case_id, r.case_number, PROBLEMS[r.problem], r.due_on,
                            r.working_days_overdue, r.note) for r in rows))
    if not township:
        fail("请指定 --township")
    rows = run_service(lambda: publication.list_publications(township, status=status))
    if json:
        return emit_json(rows)
    emit_table("公示", ["编号", "案件", "立案编号", "决定日", "应公示日", "状态", "公示日", "逾期公示", "撤回期限"],
               ((r.id, r.case_id, r.case_number, r.decided_on, r.due_on or r.due_note, STATUS[r.status], r.published_on,
                 {True: "是", False: "否"}.get(r.published_late, ""), r.withdraw_due_on) for r in rows))


def _show(row, json: bool, message: str) -> None:
    if json:
        return emit_json(row)
    console.print(message, highlight=False)


def _print_draft(draft) -> None:
    r = draft.record
    party = r.party.name + (f"（{r.party.identifier}）" if r.party.identifier else "")
    if r.party.legal_representative:
        party += f"，法定代表人 {r.party.legal_representative}"
    lines = [
        f"{r.title}　{r.case_number or ''}", f"作出决定的机关：{r.authority}（{r.decided_on}）", f"当事人：{party}",
        f"违法行为：{r.power_name}（{r.field}）", f"法律依据：{r.legal_basis}", f"违法事实：{r.facts}", f"地点：{r.place}",
        f"处理结果：{'、'.join(r.penalties)}" + (f"，罚款 {r.amount} 元" if r.amount else ""), f"理由：{r.reasons}",
        f"公示期：{r.published_on} 至 {r.display_until}", f"核对码：{draft.digest}",
    ]
    console.print("\n".join(lines), highlight=False, markup=False)


@app.command("draft")
def draft(
    publication_id: int,
    township: str = typer.Option(..., "--township"),
    actor: str = typer.Option(..., "--actor", help="公示人用户名"),
    on: Optional[dt.datetime] = OnOption,
    json: bool = JsonOption,
) -> None:
    """查看公示内容草稿（去标识化后）及其核对码，供公示人核对。"""
    from zhifa.core.services import publication

    row = run_service(lambda: publication.draft(township, publication_id, actor=actor, on=_day(on)))
    if json:
        return emit_json(row)
    _print_draft(row)


@app.command("publish")
def publish(
    publication_id: int,
    township: str = typer.Option(..., "--township"),
    actor: str = typer.Option(..., "--actor", help="公示人用户名"),
    on: Optional[dt.datetime] = OnOption,
    confirm: Optional[str] = typer.Option(None, "--confirm", help="所核对草稿的核对码（不带则只显示草稿，不公示）"),
    facts: Optional[str] = typer.Option(None, "--facts", help="修改后的公示违法事实（如删去证人、未成年人的姓名）"),
    reasons: Optional[str] = typer.Option(None, "--reasons", help="修改后的公示处罚理由"),
    json: bool = JsonOption,
) -> None:
    """公示一项待公示的决定：先显示去标识化的公示草稿，公示人核对后以 --confirm <核对码> 确认公示。"""
    from zhifa.cli.common import fail
    from zhifa.core.schemas.publication import PublishConfirm
    from zhifa.core.services import publication

    if not confirm:
        shown = run_service(lambda: publication.draft(township, publication_id, actor=actor, on=_day(on)))
        if json:
            emit_json(shown)
        else:
            _print_draft(shown)
        again = f"zhifa publication publish {publication_id} --township {township} --actor {actor}"
        again += f" --on {_day(on)}" if on else ""
        fail(f"尚未公示：请核对以上公示内容，确认无误后执行 {again} --confirm {shown.digest}"
             "（可用 --facts、--reasons 修改公示文字）（publication.confirmation_required）")
    confirmed = PublishConfirm(draft_digest=confirm, facts=facts, reasons=reasons)
    row = run_service(lambda: publication.publish(township, publication_id, actor=actor, on=_day(on), confirmed=confirmed))
    late = "（逾期公示）" if row.published_late else ""
    _show(row, json, f"已公示 {row.case_number}，公示期至 {row.display_until}{late}")


@app.command("withdraw")
def withdraw(
    publication_id: int,
    township: str = typer.Option(..., "--township"),
    actor: str = typer.Option(..., "--actor", help="操作人用户名"),
    reason: Optional[str] = typer.Option(None, "--reason", help="撤回理由（决定被撤销时缺省为撤销理由）"),
    request: bool = typer.Option(False, "--request", help="只登记决定已变更、确认违法或无效，三个工作日内撤回"),
    on: Optional[dt.datetime] = OnOption,
    json: bool = JsonOption,
) -> None:
    """撤回已公示的决定并公开说明理由（行政处罚法第48条第2款）。"""
    from zhifa.core.services import publication

    if request:
        row = run_service(lambda: publication.request_withdrawal(township, publication_id, actor=actor, reason=reason or "",
                                                                 on=_day(on)))
        return _show(row, json, f"已登记，应于 {row.withdraw_due_on} 前撤回")
    row = run_service(lambda: publication.withdraw(township, publication_id, actor=actor, reason=reason, on=_day(on)))
    _show(row, json, f"已撤回 {row.case_number}：{row.withdraw_reason}")


@app.command("take-down")
def take_down(
    publication_id: int,
    township: str = typer.Option(..., "--township"),
    actor: str = typer.Option(..., "--actor", help="操作人用户名"),
    reason: str = typer.Option("", "--reason", help="公示期未满提前撤下的理由（如信用修复）"),
    on: Optional[dt.datetime] = OnOption,
    json: bool = JsonOption,
) -> None:
    """公示期满后撤下。"""
    from zhifa.core.services import publication

    row = run_service(lambda: publication.take_down(township, publication_id, actor=actor, on=_day(on), reason=reason))
    _show(row, json, f"已撤下 {row.case_number}")


@app.command("page")
def page(
    township: str = typer.Option(..., "--township"),
    on: Optional[dt.datetime] = OnOption,
    html: bool = typer.Option(False, "--html", help="输出公示网页（HTML）"),
    json: bool = JsonOption,
) -> None:
    """乡镇的公示页面：公示中的决定（已去标识化）和撤回说明。"""
    from zhifa.core.publication.page import render
    from zhifa.core.services import publication

    result = run_service(lambda: publication.public_page(township, _day(on)))
    if json:
        return emit_json(result)
    if html:
        typer.echo(render(result))
        return
    emit_table(f"{result.township_name}公示", ["案件编号", "决定", "当事人", "违法行为", "处理结果", "公示期至"],
               ((r.case_number, r.title, r.party.name, r.power_name, "、".join(r.penalties), r.display_until)
                for r in result.records))
