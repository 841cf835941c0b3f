"""Which template a case uses: the core's standard set, a field plugin's own, or a field's override.

The core declares its templates in ``core/templates/templates.toml`` with the same shape as a
field catalogue's ``templates.toml`` (``TemplateDeclaration``). A field template with
``overrides = "<core code>"`` replaces that core template for the field's cases (for the powers it
lists, or all of them when it lists none).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import msgspec
from zhifa.core.catalogue.model import TemplateDeclaration, TemplatesFile
from zhifa.core.registry import get_host
from zhifa.core.services.errors import Invalid, NotFound

CORE_ROOT = Path(__file__).resolve().parent.parent  # the ``zhifa.core`` package folder
CORE_DECLARATIONS = CORE_ROOT / "templates" / "templates.toml"

#: Procedure stages in case-file order (the 卷内目录 sorts same-day documents by it).
STAGES = ("clue", "filing", "investigation", "review", "notice", "hearing", "decision", "service",
          "execution", "transfer", "closing", "archive")


@dataclass(frozen=True)
class Template:
    declaration: TemplateDeclaration
    path: Path  # the .docx file
    origin: str  # "core", or the field code of the plugin that ships it

    @property
    def code(self) -> str:
        return self.declaration.code

    @property
    def numbered(self) -> bool:
        return bool(self.declaration.number_code)

    @property
    def stage_rank(self) -> int:
        stage = self.declaration.stage
        return STAGES.index(stage) if stage in STAGES else len(STAGES)


@lru_cache(maxsize=1)
def core_declarations() -> tuple[TemplateDeclaration, ...]:
    raw = tomllib.loads(CORE_DECLARATIONS.read_text(encoding="utf-8"))
    return tuple(msgspec.convert(raw, TemplatesFile).templates)


def core_templates() -> dict[str, Template]:
    return {d.code: Template(d, CORE_ROOT / d.file, "core") for d in core_declarations()}


def _field_templates(field: str) -> list[Template]:
    catalogue = get_host().registry.catalogues.get(field)
    if catalogue is None:
        return []
    root = Path(catalogue.root).parent
    return [Template(t, root / t.file, field) for t in catalogue.templates]


def _applies(template: Template, power: str | None) -> bool:
    powers = template.declaration.powers
    return not powers or (power is not None and power in powers)


def resolve(code: str, field: str, power: str | None) -> Template:
    """The template to render for ``code`` on a case of ``field`` under ``power``."""
    core = core_templates()
    field_templates = _field_templates(field)
    if code in core:
        for template in field_templates:
            if template.declaration.overrides == code and _applies(template, power):
                return template
        return core[code]
    for template in field_templates:
        if template.code == code:
            if not _applies(template, power):
                raise Invalid("document.power_mismatch",
                              f"文书模板「{template.declaration.name}」不适用于执法事项 {power or '（未确定）'}", field="template")
            return template
    registry = get_host().registry
    for catalogue in registry.catalogues.values():
        if any(t.code == code for t in catalogue.templates):
            raise Invalid("document.other_field",
                          f"文书模板 {code} 属于{catalogue.field.name}领域，不能用于本案（{field}）", field="template")
    raise NotFound("document.template_unknown", f"没有编号为 {code} 的文书模板", field="template")


def available(field: str, power: str | None) -> list[Template]:
    """Every template a case may use: the core set (with the field's overrides) and the field's own."""
    chosen = [resolve(code, field, power) for code in core_templates()]
    used = {t.code for t in chosen}
    chosen += [t for t in _field_templates(field) if t.code not in used and not t.declaration.overrides
               and _applies(t, power)]
    return chosen


def override_problems() -> list[str]:
    """Field templates whose ``overrides`` names no core template (Chinese, one line each)."""
    core = core_templates()
    problems = []
    for _, catalogue in sorted(get_host().registry.catalogues.items()):
        for template in catalogue.templates:
            if template.overrides and template.overrides not in core:
                problems.append(f"{catalogue.plugin}：模板 {template.code} 替换的核心模板 {template.overrides} 不存在")
    return problems
