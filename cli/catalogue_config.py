"""``zhifa catalogue …``: a region's standards, thresholds and no-penalty items loaded as TOML, without code."""

from __future__ import annotations

from pathlib import Path

import typer
from zhifa.cli.common import JsonOption, console, emit_json, emit_table, fail, run_service

app = typer.Typer(help="目录配置：以 TOML 文件加载本地区的裁量基准、听证标准和首违不罚清单。", no_args_is_help=True)


@app.command("apply")
def apply(
    file: Path = typer.Argument(..., help="目录配置文件（TOML：field、region、name，及 [[standards]]、[[thresholds]]、[[items]]）"),
    name: str = typer.Option("", "--name", help="配置名称（缺省为文件名）；同名、同领域、同地区的配置再次加载时替换"),
    actor: str = typer.Option("cli", "--actor", help="加载人"),
    json: bool = JsonOption,
) -> None:
    """校验并加载目录配置；下一次裁量、告知即按新配置计算。"""
    from zhifa.core.services.catalogue_overlays import apply_text

    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"无法读取目录配置文件 {file}：{exc}")
    result = run_service(lambda: apply_text(text, name=name or file.stem, actor=actor), migrate=True)
    if json:
        return emit_json(result)
    console.print(f"已加载目录配置“{result.name}”（领域 {result.field}，地区 {result.region}）：裁量基准 "
                  f"{len(result.standards)} 项、听证标准 {len(result.thresholds)} 项、首违不罚 {len(result.no_penalty)} 项",
                  highlight=False)


@app.command("list")
def list_(json: bool = JsonOption) -> None:
    """列出已加载的目录配置。"""
    from zhifa.core.services.catalogue_overlays import list_overlays

    rows = run_service(list_overlays)
    if json:
        return emit_json(rows)
    emit_table("已加载的目录配置", ["名称", "领域", "地区", "裁量基准", "听证标准", "首违不罚", "加载人", "加载时间"],
               ((r.name, r.field, r.region, len(r.standards), len(r.thresholds), len(r.no_penalty), r.loaded_by,
                 str(r.loaded_at)[:19]) for r in rows))
