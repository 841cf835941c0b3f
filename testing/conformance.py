"""The conformance checks every field plugin passes, usable outside pytest (``zhifa plugin check``).

A plugin is found by its entry-point name (as installed) or by a path (its project folder, its
package folder, or a catalogue folder). For each catalogue folder it declares, the checks are:

1. the catalogue decodes and validates (``zhifa.core.catalogue``), and ``samples.toml`` decodes;
2. codes are unique (within the catalogue and across installed plugins) and stable: they follow
   the documented conventions and none listed in ``published.toml`` has disappeared;
3. every discretion tier sits inside its statutory range (per standard);
4. every declared template renders for a sample case (per template);
5. every sample case computes exactly as declared (per sample);
6. the plugin states the hook interface it was built for (``ZHIFA_HOOK_INTERFACE``).

Each problem is a ``Problem(plugin, file, entry, message)``, printed as
``插件 X，文件 F，条目 E：问题``.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType
from typing import Any

import msgspec
from zhifa.core.catalogue.errors import CatalogueInvalid, PluginError, Problem
from zhifa.core.catalogue.model import Catalogue, PowerKind
from zhifa.testing.render import call_hook, check_render, sample_context
from zhifa.testing.samples import SAMPLES_FILE, SampleCase, check_samples, read_samples

ENTRY_POINT_GROUP = "zhifa"
LEDGER_FILE = "published.toml"
KIT_TOWNSHIP = "330122100"
KIND_SEGMENT = {PowerKind.penalty: "CF", PowerKind.inspection: "JC", PowerKind.coercive: "QZ", PowerKind.other: "QT"}
POWER_CODE = re.compile(r"^([A-Z][A-Z0-9]*)-(CF|JC|QZ|QT)-(\d{3})$")
FIELD_CODE = re.compile(r"^[a-z][a-z0-9_]*$")
TIER_CODE = re.compile(r"^[a-z][a-z0-9_]*$")


class TargetNotFound(Exception):
    """Neither an installed plugin nor a folder holding a catalogue."""


class Ledger(msgspec.Struct, forbid_unknown_fields=True):
    """published.toml: every code ever released; a released code is never removed or reused."""

    powers: list[str] = []
    standards: list[str] = []
    no_penalty: list[str] = []
    hearing: list[str] = []
    templates: list[str] = []
    samples: list[str] = []
    # released codes since moved to another plugin (a regional pack): code → that plugin's entry-point name
    moved: dict[str, str] = {}


LEDGER_KEYS = {
    "powers": "powers.toml", "standards": "standards.toml", "no_penalty": "no_penalty.toml",
    "hearing": "hearing.toml", "templates": "templates.toml", "samples": SAMPLES_FILE,
}


# ---------------------------------------------------------------------------------------------
# Finding the plugin
# ---------------------------------------------------------------------------------------------


@dataclass
class PluginSource:
    name: str  # the entry-point name (or, for a bare folder, the folder's name)
    folders: list[Path]
    module: ModuleType | None = None
    origin: str = ""  # entry-point value or path
    problems: list[Problem] = field(default_factory=list)  # loading problems


def _hookimpl(module: ModuleType | None, name: str) -> Any:
    func = getattr(module, name, None) if module is not None else None
    return func if callable(func) and getattr(func, "zhifa_impl", None) is not None else None


def _declared_folders(name: str, module: ModuleType) -> tuple[list[Path], list[Problem]]:
    hook = _hookimpl(module, "zhifa_field_catalogues")
    if hook is None:
        return [], [Problem(name, "__init__.py", "zhifa_field_catalogues",
                            "插件没有实现 zhifa_field_catalogues 钩子（@hookimpl），不声明任何领域目录")]
    try:
        folders = call_hook(hook) or []
    except Exception as exc:
        return [], [Problem(name, "__init__.py", "zhifa_field_catalogues", f"钩子出错：{type(exc).__name__}: {exc}")]
    return [Path(f) for f in folders], []


def installed_plugins() -> dict[str, Any]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def from_entry_point(name: str) -> PluginSource:
    eps = installed_plugins()
    ep = eps.get(name)
    if ep is None:
        names = "、".join(sorted(eps)) or "无"
        raise TargetNotFound(f"没有名为 {name} 的已安装插件，也没有这个路径（已安装的插件：{names}）")
    try:
        module = ep.load()
    except Exception as exc:
        raise PluginError(name, f"加载失败（{ep.value}）：{type(exc).__name__}: {exc}") from exc
    folders, problems = _declared_folders(name, module)
    return PluginSource(name=name, folders=folders, module=module, origin=ep.value, problems=problems)


def _pyproject_entry_point(project: Path) -> tuple[str, str] | None:
    try:
        data = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return None
    group = data.get("project", {}).get("entry-points", {}).get(ENTRY_POINT_GROUP, {})
    return next(iter(group.items()), None)


def _name_of_package(package: str) -> str:
    """The entry-point name an installed plugin package is registered under, else the package name
    without the scaffold's ``zhifa_`` prefix."""
    for name, ep in installed_plugins().items():
        if ep.value.split(":")[0].rsplit(".", 1)[-1] == package:
            return name
    return package.removeprefix("zhifa_") or package


def _import_package(package_dir: Path) -> ModuleType | None:
    """Import a plugin package from its folder, unless a module of that name is already imported."""
    name = package_dir.name
    if name in sys.modules:
        module = sys.modules[name]
        here = Path(getattr(module, "__file__", "") or "").resolve().parent
        return module if here == package_dir.resolve() else None
    init = package_dir / "__init__.py"
    if not init.is_file():
        return None
    spec = importlib.util.spec_from_file_location(name, init, submodule_search_locations=[str(package_dir)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception:
        del sys.modules[name]
        raise
    return module


def from_path(path: Path) -> PluginSource:
    path = Path(path).resolve()
    if (path / "field.toml").is_file():  # a catalogue folder: named after its package
        return PluginSource(name=_name_of_package(path.parent.name), folders=[path], origin=str(path))
    package_dir = None
    name = path.name
    if (path / "pyproject.toml").is_file():
        declared = _pyproject_entry_point(path)
        if declared:
            name = declared[0]
            candidate = path / declared[1].split(".")[0].split(":")[0]
            for base in (candidate, path / "src" / candidate.name):
                if (base / "__init__.py").is_file():
                    package_dir = base
        if package_dir is None:
            found = sorted(path.glob("*/catalogue/field.toml")) + sorted(path.glob("src/*/catalogue/field.toml"))
            package_dir = found[0].parent.parent if found else None
    elif (path / "__init__.py").is_file():
        package_dir = path
    if package_dir is None:
        if (path / "catalogue" / "field.toml").is_file():
            return PluginSource(name=name, folders=[path / "catalogue"], origin=str(path))
        raise TargetNotFound(f"{path} 不是插件项目、插件包或目录清单文件夹（找不到 pyproject.toml、__init__.py 或 field.toml）")
    try:
        module = _import_package(package_dir)
    except Exception as exc:
        raise PluginError(name, f"导入 {package_dir.name} 失败：{type(exc).__name__}: {exc}") from exc
    if module is None:
        folders = [package_dir / "catalogue"] if (package_dir / "catalogue").is_dir() else []
        return PluginSource(name=name, folders=folders, origin=str(path))
    folders, problems = _declared_folders(name, module)
    return PluginSource(name=name, folders=folders, module=module, origin=str(path), problems=problems)


def resolve(target: str | Path) -> PluginSource:
    """An existing path is read as a folder; anything else is an installed plugin's entry-point name."""
    path = Path(target)
    if path.exists():
        return from_path(path)
    return from_entry_point(str(target))


# ---------------------------------------------------------------------------------------------
# One catalogue folder
# ---------------------------------------------------------------------------------------------


@dataclass
class FieldCheck:
    folder: Path
    plugin: str
    catalogue: Catalogue | None = None  # decoded (even when it does not validate)
    samples: list[SampleCase] = field(default_factory=list)
    ledger: Ledger | None = None
    decode_problems: list[Problem] = field(default_factory=list)
    validation_problems: list[Problem] = field(default_factory=list)
    sample_problems: list[Problem] = field(default_factory=list)  # static checks of samples.toml


def _decode_pack(check: FieldCheck) -> FieldCheck:
    """A regional pack: decoded, then validated with the installed field it extends (as at start-up)."""
    from zhifa.core.catalogue import load_catalogue
    from zhifa.core.registry import _registry_of, build_host

    try:
        check.catalogue = load_catalogue(check.folder, plugin=check.plugin)
    except CatalogueInvalid as exc:
        check.decode_problems.extend(exc.problems)
        return check
    if (check.folder / LEDGER_FILE).exists():
        try:
            check.ledger = _read_ledger(check.folder / LEDGER_FILE, check.plugin)
        except CatalogueInvalid as exc:
            check.decode_problems.extend(exc.problems)
    try:
        others = [c for c in build_host().loaded if Path(c.root) != check.folder]
        check.validation_problems = _registry_of(others).add_pack(check.catalogue)
    except CatalogueInvalid as exc:
        check.validation_problems = [p for p in exc.problems if p.plugin == check.plugin]
    return check


def _read_ledger(path: Path, plugin: str) -> "Ledger":
    from zhifa.core.catalogue.loader import _read

    return _read(path, Ledger, plugin)


def decode_folder(folder: Path, plugin: str) -> FieldCheck:
    """Decode every file of a catalogue folder without stopping at the first problem."""
    from zhifa.core.catalogue.loader import FILES, _read
    from zhifa.core.catalogue.validate import validate_catalogue

    check = FieldCheck(folder=Path(folder), plugin=plugin)
    if not check.folder.is_dir():
        check.decode_problems.append(Problem(plugin, str(folder), "", "目录清单文件夹不存在"))
        return check
    if (check.folder / "pack.toml").exists():
        return _decode_pack(check)
    parts: dict[str, Any] = {}
    for name, (struct, required) in FILES.items():
        path = check.folder / name
        parts[name] = None
        if not path.exists():
            if required:
                check.decode_problems.append(Problem(plugin, name, "", "缺少必需的文件"))
            continue
        try:
            parts[name] = _read(path, struct, plugin)
        except CatalogueInvalid as exc:
            check.decode_problems.extend(exc.problems)
    try:
        check.samples = read_samples(check.folder, plugin)
    except CatalogueInvalid as exc:
        check.decode_problems.extend(exc.problems)
    if (check.folder / LEDGER_FILE).exists():
        try:
            check.ledger = _read(check.folder / LEDGER_FILE, Ledger, plugin)
        except CatalogueInvalid as exc:
            check.decode_problems.extend(exc.problems)
    if parts["field.toml"] is None or parts["powers.toml"] is None:
        return check

    def items(name: str, attr: str) -> list:
        return list(getattr(parts[name], attr)) if parts[name] is not None else []

    check.catalogue = Catalogue(
        field=parts["field.toml"], powers=items("powers.toml", "powers"), standards=items("standards.toml", "standards"),
        no_penalty=items("no_penalty.toml", "items"), hearing_thresholds=items("hearing.toml", "thresholds"),
        templates=items("templates.toml", "templates"), plugin=plugin, root=str(check.folder),
    )
    check.validation_problems = validate_catalogue(check.catalogue)
    check.sample_problems = check_samples(check.catalogue, check.samples)
    return check


def _moved_problems(ledger: Ledger, plugin: str) -> list[Problem]:
    """A code moved to a regional pack must be there, under the same code, when that pack is installed."""
    from zhifa.core.catalogue.errors import PluginError
    from zhifa.core.registry import get_host

    try:
        registry = get_host().registry
    except (CatalogueInvalid, PluginError):  # the broken catalogue is reported by the checks that decode it
        return []
    installed = {name for name, _ in registry.packs}
    return [
        Problem(plugin, LEDGER_FILE, code, f"登记为已移至插件 {target} 的代码 {code} 不在该插件中")
        for code, target in ledger.moved.items()
        if target in installed and code not in ledger.samples and registry.entry_plugin.get(code) != target
    ]


def code_problems(check: FieldCheck) -> list[Problem]:
    """Codes follow the conventions that keep them stable, and no released code has gone."""
    catalogue, plugin = check.catalogue, check.plugin
    if catalogue is None:
        return []
    problems: list[Problem] = []

    def add(file: str, entry: str, message: str) -> None:
        problems.append(Problem(plugin, file, entry, message))

    if not FIELD_CODE.match(catalogue.field.code):
        add("field.toml", catalogue.field.code, "领域代码只能用小写字母、数字和下划线，以字母开头（如 transport）")
    prefixes = []
    for power in catalogue.powers:
        match = POWER_CODE.match(power.code)
        if match is None:
            add("powers.toml", power.code, "执法事项代码应为 <前缀>-<类型>-<三位序号>，如 TRANSPORT-CF-001（CF 处罚、JC 检查、QZ 强制、QT 其他）")
            continue
        prefixes.append(match.group(1))
        if match.group(2) != KIND_SEGMENT[power.kind]:
            add("powers.toml", power.code,
                f"代码中的类型 {match.group(2)} 与 kind = {power.kind.value} 不符（应为 {KIND_SEGMENT[power.kind]}）")
    if prefixes and catalogue.pack is None:  # a regional pack extends a field under its own prefix
        main = max(set(prefixes), key=prefixes.count)
        for power in catalogue.powers:
            match = POWER_CODE.match(power.code)
            if match and match.group(1) != main:
                add("powers.toml", power.code, f"同一领域的执法事项代码应使用同一前缀 {main}")
    for standard in catalogue.standards:
        if not standard.code.startswith(f"{standard.power}-"):
            add("standards.toml", standard.code, f"裁量基准代码应以所属执法事项代码开头，如 {standard.power}-JZ1")
        for tier in standard.tiers:
            if not TIER_CODE.match(tier.code):
                add("standards.toml", standard.code, f"阶次代码 {tier.code} 只能用小写字母、数字和下划线（如 light、ordinary、heavy）")
    for template in catalogue.templates:
        if not template.code.startswith(f"{catalogue.field.code}."):
            add("templates.toml", template.code, f"文书模板代码应以领域代码开头，如 {catalogue.field.code}.notice")
    if check.ledger is not None:
        present = {
            "powers": {p.code for p in catalogue.powers}, "standards": {s.code for s in catalogue.standards},
            "no_penalty": {i.code for i in catalogue.no_penalty},
            "hearing": {t.code for t in catalogue.hearing_thresholds},
            "templates": {t.code for t in catalogue.templates}, "samples": {s.code for s in check.samples},
        }
        moved = _moved_problems(check.ledger, plugin)
        problems.extend(moved)
        for key, file in LEDGER_KEYS.items():
            for code in getattr(check.ledger, key):
                if code in check.ledger.moved:
                    continue
                if code not in present[key]:
                    add(file, code, f"已发布的代码 {code}（登记在 {LEDGER_FILE}）不见了：代码一经发布不得删除、改名或改作他用；"
                                    "废止的事项请写 valid_to，修订后的条款以新代码发布并用 succeeds 指向旧代码")
    return problems


# ---------------------------------------------------------------------------------------------
# Computing samples and rendering templates
# ---------------------------------------------------------------------------------------------


def _fmt(value: Decimal | None) -> str:
    return "—" if value is None else f"{value.normalize():f}"


def _same(a: Decimal | None, b: Decimal | None) -> bool:
    return a is not None and b is not None and Decimal(a) == Decimal(b)


def compare(sample: SampleCase, rec: Any) -> list[str]:
    """Each way the recommendation differs from what the sample declares."""
    e = sample.expect
    diffs = []
    if rec.outcome != e.outcome:
        diffs.append(f"结果：预期 {e.outcome}，实际 {rec.outcome}")
    if e.power is not None and rec.power != e.power:
        diffs.append(f"适用的执法事项：预期 {e.power}，实际 {rec.power}")
    if e.standard is not None and rec.standard != e.standard:
        diffs.append(f"裁量基准：预期 {e.standard}，实际 {rec.standard or '无'}")
    if e.tier is not None and rec.tier != e.tier:
        diffs.append(f"阶次：预期 {e.tier}，实际 {rec.tier or '无'}")
    tier_range = rec.tier_range
    for label, want, got in (("阶次幅度下限", e.min, tier_range.min if tier_range else None),
                             ("阶次幅度上限", e.max, tier_range.max if tier_range else None)):
        if want is not None and not _same(want, got):
            diffs.append(f"{label}：预期 {_fmt(want)} 元，实际 {_fmt(got)} 元")
    stat = rec.statutory_range
    for label, want, got in (("法定幅度下限", e.statutory_min, stat.min if stat else None),
                             ("法定幅度上限", e.statutory_max, stat.max if stat else None)):
        if want is not None and not _same(want, got):
            diffs.append(f"{label}：预期 {_fmt(want)} 元，实际 {_fmt(got)} 元")
    if e.amount is not None and not _same(e.amount, rec.recommended_amount):
        diffs.append(f"建议罚款：预期 {_fmt(e.amount)} 元，实际 {_fmt(rec.recommended_amount)} 元")
    if e.fine_allowed is not None and rec.fine_allowed != e.fine_allowed:
        diffs.append(f"是否处罚款：预期 {e.fine_allowed}，实际 {rec.fine_allowed}")
    if e.no_penalty_ground is not None and rec.no_penalty_ground != e.no_penalty_ground:
        diffs.append(f"不予处罚理由：预期 {e.no_penalty_ground}，实际 {rec.no_penalty_ground or '无'}")
    return diffs


class Conformance:
    """Every check over one plugin; the pytest suite and ``zhifa plugin check`` both use it."""

    def __init__(self, source: PluginSource):
        self.source = source
        self.name = source.name
        self.fields = [decode_folder(folder, source.name) for folder in source.folders]

    @classmethod
    def of(cls, target: str | Path) -> "Conformance":
        """By path (an existing folder) or by installed entry-point name."""
        return cls(resolve(target))

    @classmethod
    def installed(cls, name: str) -> "Conformance":
        """The installed plugin registered under ``name`` in the ``zhifa`` entry-point group."""
        return cls(from_entry_point(name))

    # -- what there is to check -----------------------------------------------------------

    @property
    def catalogues(self) -> list[Catalogue]:
        return [f.catalogue for f in self.fields if f.catalogue is not None]

    def _where(self, code: str, attr: str) -> tuple[FieldCheck, Any] | None:
        for check in self.fields:
            items = check.samples if attr == "samples" else getattr(check.catalogue, attr, None) or []
            for item in items:
                if item.code == code:
                    return check, item
        return None

    def standard_codes(self) -> list[str]:
        return [s.code for c in self.catalogues for s in c.standards]

    def template_codes(self) -> list[str]:
        return [t.code for c in self.catalogues for t in c.templates]

    def sample_codes(self) -> list[str]:
        return [s.code for f in self.fields for s in f.samples]

    def filing_power(self) -> str | None:
        """The power a test case is filed under: the first sample's, else the first current penalty."""
        penalties = [p for c in self.catalogues for p in c.powers if p.kind == PowerKind.penalty]
        codes = {p.code for p in penalties}
        for code in (s.power for f in self.fields for s in f.samples):
            if code in codes:
                return code
        current = [p for p in penalties if p.valid_to is None] or penalties
        return current[0].code if current else None

    def field_labels(self) -> list[str]:
        return [f.catalogue.field.code if f.catalogue else f.folder.name for f in self.fields]

    # -- the checks ------------------------------------------------------------------------

    def interface_problems(self) -> list[Problem]:
        from zhifa.core.hookspecs import SUPPORTED_HOOK_INTERFACES

        problems = list(self.source.problems)
        module = self.source.module
        if module is None:
            return problems
        supported = "、".join(str(v) for v in sorted(SUPPORTED_HOOK_INTERFACES))
        if not hasattr(module, "ZHIFA_HOOK_INTERFACE"):
            problems.append(Problem(self.name, "__init__.py", "ZHIFA_HOOK_INTERFACE",
                                    f"插件必须声明所依据的钩子接口版本，如 ZHIFA_HOOK_INTERFACE = {max(SUPPORTED_HOOK_INTERFACES)}"))
        elif module.ZHIFA_HOOK_INTERFACE not in SUPPORTED_HOOK_INTERFACES:
            problems.append(Problem(self.name, "__init__.py", "ZHIFA_HOOK_INTERFACE",
                                    f"为钩子接口版本 {module.ZHIFA_HOOK_INTERFACE} 编写，本系统支持的版本为 {supported}"))
        if not self.source.folders and not self.source.problems:
            problems.append(Problem(self.name, "__init__.py", "zhifa_field_catalogues", "插件没有声明任何领域目录"))
        return problems

    def catalogue_problems(self, index: int | None = None) -> list[Problem]:
        """Decoding and validation, of one folder or of all."""
        fields = self.fields if index is None else [self.fields[index]]
        return [p for f in fields for p in (*f.decode_problems, *f.validation_problems, *f.sample_problems)]

    def code_problems(self) -> list[Problem]:
        return [p for f in self.fields for p in code_problems(f)]

    def standard_problems(self, code: str) -> list[Problem]:
        return [p for f in self.fields for p in f.validation_problems if p.file == "standards.toml" and p.entry == code]

    def presence_problems(self) -> list[Problem]:
        """A field with discretion standards ships sample cases that exercise them."""
        return [
            Problem(self.name, SAMPLES_FILE, f.catalogue.field.code,
                    "领域有裁量基准，但没有提供样例案件（samples.toml 至少一个 [[samples]]）")
            for f in self.fields
            if f.catalogue is not None and f.catalogue.pack is None and f.catalogue.standards and not f.samples
        ]

    @cached_property
    def registry(self):
        """A registry holding only this plugin's catalogues: samples compute against them alone.

        Example standards (``example = true``) compute here as if published, so a sample shows what
        the split does; no township's case ever applies one (``standard_on``), and the check lists them.
        """
        from zhifa.core.registry import Registry

        registry = Registry()
        for catalogue in self.catalogues:
            registry.add(msgspec.structs.replace(
                catalogue, standards=[msgspec.structs.replace(s, example=False) for s in catalogue.standards]))
        return registry

    def _context(self, catalogue: Catalogue, power: str, on: dt.date, action: str, *, sample: str | None = None):
        from zhifa.core.rules.context import ActionContext, CaseFacts

        return ActionContext(action=action, township=KIT_TOWNSHIP, on=on, field=catalogue.field.code, power=power,
                             data=CaseFacts(conformance=True, sample=sample))

    def recommend(self, sample: SampleCase, catalogue: Catalogue):
        """The recommendation a township with only this plugin enabled gets for the sample's facts."""
        from zhifa.core.penalty import PenaltyFacts, recommend

        facts = msgspec.convert({**msgspec.structs.asdict(sample.facts), "power": sample.power}, PenaltyFacts)
        context = self._context(catalogue, sample.power, facts.decision_date, "conclude_investigation",
                                sample=sample.code)
        module = self.source.module
        rec = call_hook(_hookimpl(module, "zhifa_recommend_penalty"), context=context, facts=facts)
        if rec is None:
            rec = recommend(self.registry, facts)
        adjusted = call_hook(_hookimpl(module, "zhifa_adjust_recommendation"), context=context, recommendation=rec)
        return adjusted if adjusted is not None else rec

    def sample_problems(self, code: str) -> list[Problem]:
        from zhifa.core.rules.refusal import Refused

        found = self._where(code, "samples")
        if found is None:
            return [Problem(self.name, SAMPLES_FILE, code, "样例不存在")]
        check, sample = found
        static = [p for p in check.sample_problems if p.entry == code]
        if static or check.catalogue is None:
            return static
        try:
            rec = self.recommend(sample, check.catalogue)
        except Refused as exc:
            return [Problem(self.name, SAMPLES_FILE, code, f"按样例事实计算被拒绝：{exc}")]
        except Exception as exc:
            return [Problem(self.name, SAMPLES_FILE, code, f"按样例事实计算出错：{type(exc).__name__}: {exc}")]
        diffs = compare(sample, rec)
        if not diffs:
            return []
        got = f"实际计算：阶次 {rec.tier or '无'}"
        if rec.tier_range is not None:
            got += f"，幅度 {_fmt(rec.tier_range.min)}–{_fmt(rec.tier_range.max)} 元"
        message = f"样例“{sample.name}”的计算结果与声明不符：" + "；".join(diffs) + f"（{got}）"
        return [Problem(self.name, SAMPLES_FILE, code, message)]

    def template_context(self, code: str) -> dict:
        check, template = self._where(code, "templates")
        catalogue = check.catalogue
        powers = {p.code: p for p in catalogue.powers}
        usable = [s for s in check.samples if s.power in powers and (not template.powers or s.power in template.powers)]
        sample = usable[0] if usable else None
        if sample is not None:
            power = powers[sample.power]
        else:
            candidates = [powers[c] for c in template.powers if c in powers] or \
                [p for p in catalogue.powers if p.kind == PowerKind.penalty] or list(catalogue.powers)
            power = candidates[0]
        recommendation = None
        if sample is not None:
            try:
                recommendation = self.recommend(sample, catalogue)
            except Exception:  # the sample's own test reports it
                recommendation = None
        context = sample_context(catalogue, template, power, sample, recommendation)
        on = sample.facts.decision_date if sample else dt.date(2026, 4, 1)
        hook = _hookimpl(self.source.module, "zhifa_document_context")
        extra = call_hook(hook, context=self._context(catalogue, power.code, on, "render_document"), template=code)
        if extra:
            context.update(extra)
        return context

    def template_problems(self, code: str) -> list[Problem]:
        found = self._where(code, "templates")
        if found is None:
            return [Problem(self.name, "templates.toml", code, "文书模板不存在")]
        check, template = found
        if not check.catalogue.powers:
            return [Problem(self.name, "templates.toml", code, "目录中没有执法事项，无法构造样例")]
        try:
            context = self.template_context(code)
        except Exception as exc:
            return [Problem(self.name, "templates.toml", code, f"构造渲染数据出错：{type(exc).__name__}: {exc}")]
        path = Path(check.catalogue.root).parent / template.file
        return [Problem(self.name, "templates.toml", code, f"模板 {template.file}：{m}") for m in check_render(path, context)]

    def uniqueness_problems(self) -> list[Problem]:
        """Field and power codes clash with no other installed plugin's."""
        from zhifa.core.registry import get_host

        try:
            host = get_host()
        except CatalogueInvalid as exc:
            # the registry's own duplicates (other problems of the catalogue are reported by their checks)
            mine = f"插件 {self.name} "
            return [p for p in exc.problems if "重复" in p.message and (p.plugin == self.name or mine in p.message)]
        except PluginError as exc:
            return [Problem(self.name, "", "", str(exc))] if exc.plugin == self.name else []
        registry = host.registry
        problems = []
        for catalogue in self.catalogues:
            owner = registry.field_plugin.get(catalogue.field.code)
            if owner is not None and owner != self.name and catalogue.pack is None:  # a pack extends an installed field
                problems.append(Problem(self.name, "field.toml", catalogue.field.code, f"领域代码与已安装的插件 {owner} 重复"))
            for power in catalogue.powers:
                field_code = registry.field_of(power.code)
                other = registry.entry_plugin.get(power.code) or (registry.field_plugin.get(field_code) if field_code else None)
                if other is not None and other != self.name:
                    problems.append(Problem(self.name, "powers.toml", power.code, f"执法事项代码与已安装的插件 {other} 重复"))
        return problems

    def all_problems(self) -> list[Problem]:
        problems = [*self.interface_problems(), *self.catalogue_problems(), *self.code_problems(),
                    *self.presence_problems()]
        for code in self.template_codes():
            problems.extend(self.template_problems(code))
        for code in self.sample_codes():
            problems.extend(p for p in self.sample_problems(code) if p not in problems)
        problems.extend(self.uniqueness_problems())
        return list(dict.fromkeys(problems))


def check(target: str | Path) -> tuple[Conformance, list[Problem]]:
    conformance = Conformance.of(target)
    return conformance, conformance.all_problems()
