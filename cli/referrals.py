"""``zhifa referral …``: 乡呼县应 — a township calls on a county department, which answers."""

from __future__ import annotations

import datetime as dt
from typing import Optional

import typer
from zhifa.cli.common import JsonOption, console, emit_json, emit_table, run_service

app = typer.Typer(help="乡呼县应：乡镇呼叫县直部门，部门受理、答复、办结，乡镇评价。", no_args_is_help=True)

ActorOption = typer.Option(..., "--actor", help="操作人用户名")
AtOption = typer.Option(None, "--at", formats=["%Y-%m-%d %H:%M", "%Y-%m-%d"], help="发生时间（北京时间，缺省为现在）")
PROBLEMS = {"accept_overdue": "逾期未受理", "answer_overdue": "逾期未答复"}


def _at(value: Optional[dt.datetime]) -> dt.datetime | None:
    from zhifa.core import clock

    return value.replace(tzinfo=clock.zone()) if value else None


def _show(row, json: bool) -> None:
    from zhifa.core.services.referrals import STATUS_NAMES

    if json:
        return emit_json(row)
    times = []
    if row.accept_working_days is not None:
        times.append(f"受理用时 {row.accept_working_days} 个工作日（{row.accept_hours} 小时）")
    if row.answer_working_days is not None:
        times.append(f"答复用时 {row.answer_working_days} 个工作日（{row.answer_hours} 小时）")
    console.print(f"{row.number}（编号 {row.id}）{row.department_name}：{STATUS_NAMES[row.status]}"
                  + ("；" + "，".join(times) if times else ""), highlight=False)


@app.command("send")
def send(
    township: str = typer.Option(..., "--township"),
    department: str = typer.Option(..., "--department", help="县直部门代码，如 market-county_amr"),
    summary: str = typer.Option(..., "--summary", help="请求处理的事项"),
    field: Optional[str] = typer.Option(None, "--field"),
    power: Optional[str] = typer.Option(None, "--power"),
    place: str = typer.Option("", "--place"),
    case_id: Optional[int] = typer.Option(None, "--case"),
    actor: str = ActorOption,
    at: Optional[dt.datetime] = AtOption,
    json: bool = JsonOption,
) -> None:
    """乡镇向县直部门发出呼叫（超出本乡镇权限的事项）。"""
    from zhifa.core.schemas.referrals import ReferralCreate
    from zhifa.core.services import referrals

    data = ReferralCreate(department=department, summary=summary, field=field, power=power, place=place, case_id=case_id)
    _show(run_service(lambda: referrals.send_referral(township, data, actor=actor, at=_at(at))), json)


@app.command("accept")
def accept(referral_id: int, actor: str = ActorOption, at: Optional[dt.datetime] = AtOption, json: bool = JsonOption) -> None:
    """县直部门受理。"""
    from zhifa.core.services import referrals

    _show(run_service(lambda: referrals.accept_referral(referral_id, actor=actor, at=_at(at))), json)


@app.command("refuse")
def refuse(referral_id: int, reason: str = typer.Option(..., "--reason"), actor: str = ActorOption,
           at: Optional[dt.datetime] = AtOption, json: bool = JsonOption) -> None:
    """县直部门不予受理（说明理由）。"""
    from zhifa.core.services import referrals

    _show(run_service(lambda: referrals.refuse_referral(referral_id, actor=actor, reason=reason, at=_at(at))), json)


@app.command("answer")
def answer(referral_id: int, text: str = typer.Option(..., "--text", help="答复内容"), actor: str = ActorOption,
           at: Optional[dt.datetime] = AtOption, json: bool = JsonOption) -> None:
    """县直部门答复。"""
    from zhifa.core.services import referrals

    _show(run_service(lambda: referrals.answer_referral(referral_id, actor=actor, answer=text, at=_at(at))), json)


@app.command("return")
def return_(referral_id: int, reason: str = typer.Option(..., "--reason"), actor: str = ActorOption,
            at: Optional[dt.datetime] = AtOption, json: bool = JsonOption) -> None:
    """县直部门退回（说明理由）。"""
    from zhifa.core.services import referrals

    _show(run_service(lambda: referrals.return_referral(referral_id, actor=actor, reason=reason, at=_at(at))), json)


@app.command("close")
def close(referral_id: int, actor: str = ActorOption, at: Optional[dt.datetime] = AtOption, json: bool = JsonOption) -> None:
    """县直部门办结。"""
    from zhifa.core.services import referrals

    _show(run_service(lambda: referrals.close_referral(referral_id, actor=actor, at=_at(at))), json)


@app.command("rate")
def rate(referral_id: int, score: int = typer.Option(..., "--score", help="1-5 分"), comment: str = typer.Option("", "--comment"),
         actor: str = ActorOption, at: Optional[dt.datetime] = AtOption, json: bool = JsonOption) -> None:
    """乡镇评价县直部门的响应。"""
    from zhifa.core.schemas.referrals import ReferralRating
    from zhifa.core.services import referrals

    data = ReferralRating(score=score, comment=comment)
    _show(run_service(lambda: referrals.rate_referral(referral_id, data, actor=actor, at=_at(at))), json)


@app.command("list")
def list_(
    actor: str = ActorOption,
    status: Optional[str] = typer.Option(None, "--status"),
    overdue: bool = typer.Option(False, "--overdue", help="只列逾期未受理、未答复的"),
    on: Optional[dt.datetime] = typer.Option(None, "--on", formats=["%Y-%m-%d"], help="判断逾期的日期（缺省今天）"),
    json: bool = JsonOption,
) -> None:
    """列出操作人可见的乡呼县应事项（乡镇看本乡镇的，部门看发给本部门的，监督人员看全县的）。"""
    from zhifa.core.services import referrals

    if overdue:
        rows = run_service(lambda: referrals.overdue_referrals(actor=actor, on=on.date() if on else None))
        if json:
            return emit_json(rows)
        return emit_table("逾期的乡呼县应事项", ["编号", "文号", "乡镇", "部门", "问题", "期限", "逾期工作日"],
                          ((r.id, r.number, r.township, r.department, PROBLEMS[r.problem], r.due_on, r.working_days_overdue)
                           for r in rows))
    rows = run_service(lambda: referrals.list_referrals(actor=actor, status=status))
    if json:
        return emit_json(rows)
    from zhifa.core.services.referrals import STATUS_NAMES

    emit_table("乡呼县应", ["编号", "文号", "乡镇", "部门", "状态", "受理期限", "答复期限", "受理用时（工作日）",
                        "答复用时（工作日）", "评价"],
               ((r.id, r.number, r.township_name, r.department_name, STATUS_NAMES[r.status], r.accept_due_on,
                 r.answer_due_on, r.accept_working_days, r.answer_working_days, r.rating) for r in rows))
