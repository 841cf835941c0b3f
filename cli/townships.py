"""``zhifa township …``: townships (tenants) and their authorisations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

import typer
from zhifa.cli.common import JsonOption, console, emit_json, emit_table, run_service
from zhifa.core.domain.authorisation import BASIS_NAMES, Basis
from zhifa.core.schemas.townships import AuthorisationCreate, TownshipCreate

app = typer.Typer(help="乡镇（租户）管理：创建、查看，启用或停用领域与执法事项。", no_args_is_help=True)

BASIS_HELP = "授权方式：entrusted（委托）或 conferred（赋权）"


def _basis_name(value: str | None) -> str:
    return BASIS_NAMES.get(Basis(value), value) if value else ""


@app.command("create")
def create(
    code: str = typer.Argument(..., help="乡镇行政区划代码（9 位或 12 位）"),
    name: str = typer.Argument(..., help="乡镇名称"),
    short_name: str = typer.Option("", help="文号简称，如“浦综执”"),
    json: bool = JsonOption,
) -> None:
    from zhifa.core.services import authorisations, county_config, townships  # noqa: F401  (lazy: fast --help)
    """创建乡镇。"""
    township = run_service(lambda: townships.create_township(TownshipCreate(code=code, name=name, short_name=short_name)))
    if json:
        return emit_json(township)
    console.print(f"已创建乡镇 {township.name}（{township.code}，{township.county_name}）", highlight=False)


@app.command("list")
def list_(county: Optional[str] = typer.Option(None, help="只列出该县（6 位代码）的乡镇"), json: bool = JsonOption) -> None:
    from zhifa.core.services import authorisations, county_config, townships  # noqa: F401  (lazy: fast --help)
    """列出乡镇。"""
    rows = run_service(lambda: townships.list_townships(county))
    if json:
        return emit_json(rows)
    emit_table("乡镇", ["代码", "名称", "所属县", "文号简称"], ((t.code, t.name, t.county_name, t.short_name) for t in rows))


@app.command("show")
def show(code: str, json: bool = JsonOption) -> None:
    from zhifa.core.services import authorisations, county_config, townships  # noqa: F401  (lazy: fast --help)
    """显示乡镇及其全部授权记录（含已停用的）。"""

    async def _load():
        return await townships.get_township(code), await authorisations.list_authorisations(code)

    township, grants = run_service(_load)
    if json:
        return emit_json({"township": township, "authorisations": grants})
    console.print(f"{township.name}（{township.code}）  {township.county_name}  文号简称：{township.short_name}", highlight=False)
    emit_table(
        "授权记录",
        ["编号", "类型", "领域", "执法事项", "方式", "委托部门", "文号", "起", "止", "停用于"],
        (
            (g.id, "授权" if g.kind == "grant" else "上收", g.field, g.power or "（全领域）", _basis_name(g.basis),
             g.department, g.document_no, g.valid_from, g.valid_to, g.revoked_on)
            for g in grants
        ),
    )


@app.command("enable")
def enable(
    code: str = typer.Argument(..., help="乡镇行政区划代码"),
    field: str = typer.Option(..., "--field", help="领域代码，如 urban"),
    basis: str = typer.Option(..., "--basis", help=BASIS_HELP),
    document_no: str = typer.Option(..., "--document", help="授权（委托书/赋权决定）文号"),
    valid_from: dt.datetime = typer.Option(..., "--from", formats=["%Y-%m-%d"], help="生效日期"),
    valid_to: Optional[dt.datetime] = typer.Option(None, "--to", formats=["%Y-%m-%d"], help="截止日期"),
    power: Optional[str] = typer.Option(None, "--power", help="只授权该执法事项（缺省为整个领域）"),
    department: Optional[str] = typer.Option(None, "--department", help="委托部门代码（委托方式必填）"),
    json: bool = JsonOption,
) -> None:
    from zhifa.core.services import authorisations, county_config, townships  # noqa: F401  (lazy: fast --help)
    """启用领域或单个执法事项（写明授权方式、文号和有效期）。"""
    data = AuthorisationCreate(
        field=field, power=power, basis=basis, document_no=document_no, valid_from=valid_from.date(),
        valid_to=valid_to.date() if valid_to else None, department=department,
    )
    grant = run_service(lambda: authorisations.enable(code, data))
    if json:
        return emit_json(grant)
    console.print(f"已授权：{grant.power or grant.field + '（全领域）'}，{_basis_name(grant.basis)}，{grant.document_no}，自 {grant.valid_from} 起", highlight=False)


@app.command("disable")
def disable(
    code: str = typer.Argument(..., help="乡镇行政区划代码"),
    field: str = typer.Option(..., "--field", help="领域代码"),
    on: dt.datetime = typer.Option(..., "--on", formats=["%Y-%m-%d"], help="停用（上收）生效日期"),
    document_no: str = typer.Option(..., "--document", help="停用（上收）文件文号"),
    power: Optional[str] = typer.Option(None, "--power", help="只停用该执法事项"),
    json: bool = JsonOption,
) -> None:
    from zhifa.core.services import authorisations, county_config, townships  # noqa: F401  (lazy: fast --help)
    """停用（上收）领域或单个执法事项。已有案件不受影响，仍可查阅。"""
    changed = run_service(lambda: authorisations.disable(code, field, on.date(), document_no, power=power))
    if json:
        return emit_json(changed)
    console.print(f"已停用 {power or field}，自 {on.date()} 起；已有案件和记录保持不变。", highlight=False)


@app.command("apply")
def apply(path: Path = typer.Argument(..., exists=True, dir_okay=False, help="县级配置文件（TOML）"), json: bool = JsonOption) -> None:
    from zhifa.core.services import authorisations, county_config, townships  # noqa: F401  (lazy: fast --help)
    """按配置文件创建部门、乡镇、授权、用户和当事人（已存在的跳过）。"""
    summary = run_service(lambda: county_config.apply_file(path))
    if json:
        return emit_json(summary)
    console.print(county_config.describe(summary), highlight=False)


@app.command("documents")
def documents(
    code: str = typer.Argument(..., help="乡镇行政区划代码（--department 时为县级行政区划代码）"),
    set_: list[str] = typer.Option([], "--set", help="修改一项文书设置：名称=值（如 payment_bank=中国农业银行桐庐县支行）；值为空恢复缺省"),
    department: Optional[str] = typer.Option(None, "--department",
                                             help="县直部门代码：查看或修改该委托机关的文书设置（受委托案件的文号、银行账号等）"),
    json: bool = JsonOption,
) -> None:
    """查看或修改乡镇（或县直委托部门）的文书设置（文号格式、执法主体、地址、复议机关、法院、罚款缴纳方式）。"""
    change = _document_change(set_)
    from zhifa.core.documents import service

    if department:
        settings = run_service(lambda: service.change_department_documents(code, department, change) if set_
                               else service.department_documents(code, department))
    else:
        settings = run_service(lambda: service.change_township_documents(code, change) if set_
                               else service.township_documents(code))
    if json:
        return emit_json(settings)
    emit_table("文书设置", ["名称", "值"], ((k, getattr(settings, k)) for k in settings.__struct_fields__))


def _document_change(set_: list[str]):
    import msgspec
    from zhifa.cli.common import fail
    from zhifa.core.documents.settings import DocumentSettingsChange

    values = {}
    for item in set_:
        name, sep, value = item.partition("=")
        if not sep:
            fail(f"--set 应写作 名称=值，收到「{item}」")
        values[name.strip()] = value
    unknown = [n for n in values if n not in DocumentSettingsChange.__struct_fields__]
    if unknown:
        fail(f"没有名为「{unknown[0]}」的文书设置（可设置：{'、'.join(DocumentSettingsChange.__struct_fields__)}）")
    return msgspec.convert(values, DocumentSettingsChange)
