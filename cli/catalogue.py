"""``zhifa plugins`` and ``zhifa powers``: what is installed, and what a township may use."""

from __future__ import annotations

import datetime as dt
from typing import Optional

import msgspec
import typer
from zhifa.cli.common import JsonOption, emit_json, emit_table, fail
from zhifa.core.catalogue.errors import CatalogueInvalid, PluginError


class PluginRow(msgspec.Struct, kw_only=True):
    name: str
    version: str
    module: str
    builtin: bool
    fields: list[str]
    powers: int
    standards: int
    no_penalty: int
    hearing_thresholds: int
    templates: int
    hooks: list[str]
    regions: list[str] = []  # where its entries apply: 全国, 浙江省, 广东省深圳市 …
    examples: int = 0  # example standards (示例): never applied to a case


def plugins(json: bool = JsonOption) -> None:
    """列出已安装的插件：版本、领域，以及执法事项、裁量基准和文书模板的数量。"""
    from zhifa.core.registry import get_host

    try:
        host = get_host()
    except (CatalogueInvalid, PluginError) as exc:
        fail(str(exc), code=2)
    from zhifa.core.domain.identifiers import region_name

    registry = host.registry
    rows = []
    for info in host.plugins.values():
        def own(catalogue, entries):  # a regional pack's entries are its own, though merged into the field
            return [e for e in entries if registry.entry_plugin.get(e.code, catalogue.plugin) == info.name]

        owned = {k: [e for c in registry.catalogues.values() for e in own(c, getattr(c, k))]
                 for k in ("powers", "standards", "no_penalty", "hearing_thresholds")}
        fields = sorted({c.field.code for c in registry.catalogues.values()
                         if c.plugin == info.name or any(own(c, getattr(c, k)) for k in owned)})
        regions = sorted({e.region for entries in owned.values() for e in entries}, key=lambda r: (len(r), r))
        rows.append(
            PluginRow(
                name=info.name, version=info.version, module=info.module, builtin=info.builtin, fields=fields,
                powers=len(owned["powers"]), standards=len(owned["standards"]), no_penalty=len(owned["no_penalty"]),
                hearing_thresholds=len(owned["hearing_thresholds"]),
                templates=sum(len(c.templates) for c in registry.catalogues.values() if c.plugin == info.name),
                hooks=list(info.hooks), regions=[region_name(r) for r in regions],
                examples=sum(s.example for s in owned["standards"]),
            )
        )
    if json:
        return emit_json(rows)
    emit_table(
        "已安装的插件",
        ["插件", "版本", "领域", "适用地区", "执法事项", "裁量基准（示例）", "首违不罚", "听证标准", "文书模板"],
        (
            (r.name, r.version, "、".join(r.fields), "、".join(r.regions), r.powers,
             f"{r.standards}（{r.examples}）" if r.examples else r.standards, r.no_penalty, r.hearing_thresholds,
             r.templates)
            for r in rows
        ),
    )


def powers(
    township: str = typer.Option(..., "--township", help="乡镇行政区划代码"),
    on: Optional[dt.datetime] = typer.Option(None, "--on", formats=["%Y-%m-%d"], help="日期（缺省为今天）"),
    json: bool = JsonOption,
) -> None:
    """列出乡镇在某日有效的授权执法事项。"""
    from zhifa.cli.common import run_service
    from zhifa.core import clock
    from zhifa.core.domain.authorisation import BASIS_NAMES, Basis
    from zhifa.core.services.authorisations import effective_powers

    day = on.date() if on else clock.today()
    rows = run_service(lambda: effective_powers(township, day))
    if json:
        return emit_json(rows)
    emit_table(
        f"{township} 在 {day} 有效的执法事项（{len(rows)} 项）",
        ["代码", "名称", "领域", "类型", "方式", "文号"],
        ((p.code, p.name, p.field, p.kind, BASIS_NAMES[Basis(p.basis)], p.document_no) for p in rows),
    )
