"""``zhifa inspection …``: 双随机、一公开 — directories, plans, the recorded draw, results, publication."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

import typer
from zhifa.cli.common import JsonOption, console, emit_json, emit_table, fail, run_service

app = typer.Typer(help="双随机、一公开：检查对象名录、执法检查人员名录、抽查计划、随机抽取、结果公示。", no_args_is_help=True)
targets_app = typer.Typer(help="检查对象名录库。", no_args_is_help=True)
inspectors_app = typer.Typer(help="执法检查人员名录库与回避。", no_args_is_help=True)
plan_app = typer.Typer(help="抽查计划。", no_args_is_help=True)
app.add_typer(targets_app, name="targets")
app.add_typer(inspectors_app, name="inspectors")
app.add_typer(plan_app, name="plan")

TownshipOption = typer.Option(..., "--township", help="乡镇行政区划代码")
ActorOption = typer.Option(None, "--actor", help="操作人用户名")
DateFormats = ["%Y-%m-%d"]


@targets_app.command("import")
def targets_import(
    file: Path = typer.Argument(..., exists=True, dir_okay=False,
                                help="CSV 文件（UTF-8）：name,identifier,risk_class[,field,kind,operator,address]"),
    township: str = TownshipOption,
    field: Optional[str] = typer.Option(None, "--field", help="文件中没有 field 列时使用的领域"),
    actor: Optional[str] = ActorOption,
    json: bool = JsonOption,
) -> None:
    """从 CSV 文件导入（新增或更新）检查对象。"""
    from zhifa.core.services import inspections

    try:
        content = file.read_bytes()
    except OSError as exc:
        fail(f"无法读取 {file}：{exc}")

    async def _import():
        return await inspections.import_targets(township, inspections.parse_targets_csv(content, field), actor=actor)

    summary = run_service(_import)
    if json:
        return emit_json(summary)
    console.print(f"已导入：新增 {summary.added}、更新 {summary.updated}、未变 {summary.unchanged}；名录版本 {summary.version}",
                  highlight=False)


@targets_app.command("list")
def targets_list(
    township: str = TownshipOption,
    field: Optional[str] = typer.Option(None, "--field"),
    all_: bool = typer.Option(False, "--all", help="包括已移出名录的对象"),
    json: bool = JsonOption,
) -> None:
    """列出检查对象名录。"""
    from zhifa.core.services.inspections import TARGET_KINDS, list_targets

    directory = run_service(lambda: list_targets(township, field, include_inactive=all_))
    if json:
        return emit_json(directory)
    emit_table(f"检查对象名录（版本 {directory.version}）", ["编号", "领域", "名称", "统一社会信用代码", "类型", "风险分类", "在册"],
               ((t.id, t.field, t.name, t.identifier, TARGET_KINDS.get(t.kind, t.kind), t.risk_class, "是" if t.active else "否")
                for t in directory.targets))


@targets_app.command("deactivate")
def targets_deactivate(target_id: int, township: str = TownshipOption, actor: Optional[str] = ActorOption,
                       json: bool = JsonOption) -> None:
    """将检查对象移出名录（注销、迁出等）；记录保留。"""
    from zhifa.core.services.inspections import set_target_active

    target = run_service(lambda: set_target_active(township, target_id, False, actor=actor))
    if json:
        return emit_json(target)
    console.print(f"已将「{target.name}」移出检查对象名录", highlight=False)


@inspectors_app.command("add")
def inspectors_add(usernames: list[str], township: str = TownshipOption, actor: Optional[str] = ActorOption,
                   json: bool = JsonOption) -> None:
    """将执法人员列入执法检查人员名录（辅助人员不得列入）。"""
    from zhifa.core.services.inspections import add_inspectors

    directory = run_service(lambda: add_inspectors(township, usernames, actor=actor))
    if json:
        return emit_json(directory)
    console.print(f"执法检查人员名录现为版本 {directory.version}，在册 {sum(i.active for i in directory.inspectors)} 人", highlight=False)


@inspectors_app.command("remove")
def inspectors_remove(username: str, township: str = TownshipOption, actor: Optional[str] = ActorOption) -> None:
    """将人员移出执法检查人员名录。"""
    from zhifa.core.services.inspections import remove_inspector

    directory = run_service(lambda: remove_inspector(township, username, actor=actor))
    console.print(f"已移出 {username}；名录版本 {directory.version}", highlight=False)


@inspectors_app.command("list")
def inspectors_list(township: str = TownshipOption, json: bool = JsonOption) -> None:
    """列出执法检查人员名录（能否被抽取在抽取时按执法证判断）。"""
    from zhifa.core.services.inspections import list_inspectors

    directory = run_service(lambda: list_inspectors(township))
    if json:
        return emit_json(directory)
    emit_table(f"执法检查人员名录（版本 {directory.version}）", ["用户名", "姓名", "在册"],
               ((i.username, i.display_name, "是" if i.active else "否") for i in directory.inspectors))


@inspectors_app.command("recuse")
def inspectors_recuse(
    username: str,
    target_id: int,
    township: str = TownshipOption,
    reason: str = typer.Option(..., "--reason", help="回避事由，如亲属关系、利害关系"),
    actor: Optional[str] = ActorOption,
    json: bool = JsonOption,
) -> None:
    """登记回避：该执法人员不会被抽取检查该对象。"""
    from zhifa.core.schemas.inspections import RecusalCreate
    from zhifa.core.services.inspections import declare_recusal

    recusal = run_service(lambda: declare_recusal(
        township, RecusalCreate(inspector=username, target_id=target_id, reason=reason), actor=actor))
    if json:
        return emit_json(recusal)
    console.print(f"已登记：{recusal.inspector} 回避「{recusal.target_name}」（{recusal.reason}）", highlight=False)


def _ratios(values: list[str]) -> dict[str, str]:
    from zhifa.core.services.inspections import DEFAULT_RATIOS

    ratios = dict(DEFAULT_RATIOS)
    for value in values:
        risk_class, sep, pct = value.partition("=")
        if not sep:
            fail(f"--ratio 应写作 类别=百分比，如 A=3，收到 {value}")
        ratios[risk_class.strip().upper()] = pct.strip()
    return ratios


@plan_app.command("create")
def plan_create(
    township: str = TownshipOption,
    field: str = typer.Option(..., "--field"),
    title: str = typer.Option(..., "--title", help="计划名称"),
    starts: dt.datetime = typer.Option(..., "--from", formats=DateFormats, help="检查期间开始日"),
    ends: dt.datetime = typer.Option(..., "--to", formats=DateFormats, help="检查期间结束日"),
    ratio: list[str] = typer.Option([], "--ratio", help="抽查比例（%），如 --ratio A=3 --ratio D=100；缺省 A=3 B=5 C=10 D=100"),
    per_target: int = typer.Option(2, "--per-target", help="每个检查对象的执法检查人员数（不少于 2）"),
    rotation: bool = typer.Option(False, "--rotation/--no-rotation", help="轮换：上一轮检查过该对象的人员不再被抽中"),
    actor: Optional[str] = ActorOption,
    json: bool = JsonOption,
) -> None:
    """创建抽查计划。"""
    from zhifa.core.schemas.inspections import PlanCreate
    from zhifa.core.services.inspections import create_plan

    data = PlanCreate(field=field, title=title, ratios=_ratios(ratio), starts_on=starts.date(), ends_on=ends.date(),
                      per_target=per_target, rotation=rotation)
    plan = run_service(lambda: create_plan(township, data, actor=actor))
    if json:
        return emit_json(plan)
    console.print(f"已创建抽查计划 {plan.id}「{plan.title}」", highlight=False)


@plan_app.command("list")
def plan_list(township: str = TownshipOption, json: bool = JsonOption) -> None:
    """列出抽查计划。"""
    from zhifa.core.services.inspections import list_plans

    plans = run_service(lambda: list_plans(township))
    if json:
        return emit_json(plans)
    emit_table("抽查计划", ["编号", "名称", "领域", "比例（%）", "每对象人数", "检查期间", "轮换"],
               ((p.id, p.title, p.field, " ".join(f"{k}={v}" for k, v in p.ratios.items()), p.per_target,
                 f"{p.starts_on} 至 {p.ends_on}", "是" if p.rotation else "否") for p in plans))


def _print_draw(d) -> None:
    console.print(f"抽取 {d.id}（计划 {d.plan_id} 第 {d.seq} 次）  随机种子 {d.seed}  算法 {d.algorithm}", highlight=False)
    console.print(f"检查对象名录 版本 {d.target_directory_version} 哈希 {d.target_directory_hash[:16]}…；"
                  f"执法检查人员名录 版本 {d.inspector_directory_version} 哈希 {d.inspector_directory_hash[:16]}…", highlight=False)
    emit_table("各类抽取数", ["风险分类", "比例（%）", "名录数", "抽中数"],
               ((c.risk_class, c.ratio, c.total, c.drawn) for c in d.classes))
    emit_table("抽中的检查对象与执法检查人员", ["对象编号", "检查对象", "风险分类", "执法检查人员"],
               ((a.target_id, a.target_name, a.risk_class, "、".join(a.inspector_names)) for a in d.assignments))
    if d.ineligible:
        emit_table("未参与抽取的人员", ["用户名", "姓名", "原因"], ((i.inspector, i.name, i.reason) for i in d.ineligible))


@app.command("draw")
def draw(
    plan_id: int,
    township: str = TownshipOption,
    seed: Optional[int] = typer.Option(None, "--seed", help="随机种子（缺省由系统安全随机生成并记录）"),
    actor: Optional[str] = ActorOption,
    json: bool = JsonOption,
) -> None:
    """按计划随机抽取检查对象和执法检查人员，并记录种子、名录版本和结果。"""
    from zhifa.core.services.inspections import draw_plan

    result = run_service(lambda: draw_plan(township, plan_id, seed=seed, actor=actor))
    if json:
        return emit_json(result)
    _print_draw(result)


@app.command("show")
def show(draw_id: int, township: str = TownshipOption, json: bool = JsonOption) -> None:
    """显示一次抽取。"""
    from zhifa.core.services.inspections import get_draw

    result = run_service(lambda: get_draw(township, draw_id))
    if json:
        return emit_json(result)
    _print_draw(result)


@app.command("verify")
def verify(draw_id: int, township: str = TownshipOption, json: bool = JsonOption) -> None:
    """按记录的随机种子和名录重新计算抽取，核对结果；并说明名录此后是否变化。"""
    from zhifa.core.services.inspections import verify_draw

    report = run_service(lambda: verify_draw(township, draw_id))
    if json:
        emit_json(report)
    else:
        if report.verified:
            console.print(f"抽取 {draw_id} 核验通过：按记录的种子和名录重新计算，结果一致。", highlight=False)
        for problem in report.problems:
            console.print(f"[red]问题：[/red]{problem}", highlight=False)
        for name, check in (("检查对象名录", report.targets), ("执法检查人员名录", report.inspectors)):
            state = "此后已变化" if check.changed else "未变化"
            console.print(f"{name}：抽取时版本 {check.recorded_version}，现为版本 {check.current_version}；所用记录{state}",
                          highlight=False)
    if not report.verified:
        raise typer.Exit(1)


@app.command("result")
def result(
    draw_id: int,
    target_id: int,
    township: str = TownshipOption,
    outcome: str = typer.Option(
        ..., "--outcome", help="no_problem、corrected、case_opened、not_publicised、refused、not_operating、unreachable"),
    at: Optional[dt.datetime] = typer.Option(None, "--at", formats=["%Y-%m-%d %H:%M", "%Y-%m-%d"], help="检查时间（北京时间，缺省为现在）"),
    note: str = typer.Option("", "--note", help="检查情况"),
    clue: Optional[str] = typer.Option(None, "--clue", help="发现问题已立案的，登记为案件线索的内容（缺省用检查情况）"),
    actor: Optional[str] = ActorOption,
    json: bool = JsonOption,
) -> None:
    """登记一个抽中对象的检查结果；发现问题已立案的，同时登记案件线索（案源：双随机一公开）。"""
    from zhifa.core import clock
    from zhifa.core.schemas.inspections import ResultCreate
    from zhifa.core.services.inspections import record_result

    inspected_at = at.replace(tzinfo=clock.zone()) if at else None  # the service's default: now
    data = ResultCreate(target_id=target_id, inspected_at=inspected_at, outcome=outcome, note=note, clue_summary=clue)
    row = run_service(lambda: record_result(township, draw_id, data, actor=actor))
    if json:
        return emit_json(row)
    case = f"，已登记案件线索 {row.case_id}" if row.case_id else ""
    due = f"，应于 {row.publish_due} 前公示" if row.publish_due else ""
    console.print(f"已登记「{row.target_name}」的抽查结果：{row.outcome_name}{case}{due}", highlight=False)


@app.command("publish")
def publish(
    draw_id: int,
    township: str = TownshipOption,
    on: Optional[dt.datetime] = typer.Option(None, "--on", formats=DateFormats, help="公示日期（缺省今天）"),
    actor: Optional[str] = ActorOption,
    json: bool = JsonOption,
) -> None:
    """公示一次抽取中已登记、尚未公示的抽查结果（个体工商户经营者姓名脱敏）。"""
    from zhifa.core.services.inspections import publish_results

    publication = run_service(lambda: publish_results(township, draw_id, on.date() if on else None, actor=actor))
    if json:
        return emit_json(publication)
    emit_table(f"{publication.authority}抽查结果公示：{publication.plan_title}",
               ["检查对象", "统一社会信用代码", "检查日期", "检查结果", "公示日期", "逾期公示"],
               ((r.target_name, r.identifier, r.inspected_on, r.outcome_name, r.published_on, "是" if r.late else "")
                for r in publication.results))
