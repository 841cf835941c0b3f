"""The registry: every declaration collected once at start-up, validated, and cached.

``get_host()`` builds the plugin manager and the registry on first use (lazily, never at import)
and keeps them for the process. Tests call ``reset_host()`` after changing the environment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import msgspec
import pluggy
from zhifa.core.catalogue import Catalogue, CatalogueInvalid, Problem, load_catalogue
from zhifa.core.catalogue.model import DiscretionStandard, HearingThreshold, PackInfo, Power
from zhifa.core.catalogue.validate import validate_catalogue
from zhifa.core.plugins import PluginInfo, ScopedHooks, build_plugin_manager, call_each


def _active(valid_from: dt.date, valid_to: dt.date | None, on: dt.date) -> bool:
    return valid_from <= on and (valid_to is None or on <= valid_to)


def applies_in(region: str, township_code: str) -> bool:
    """Whether an entry of ``region`` ("" national, else a division-code prefix) applies in a township."""
    return township_code.startswith(region)


def _regional(catalogue: Catalogue, township_code: str) -> Catalogue:
    def keep(entries):
        """The entries that apply here; of several with one code, the most specific region's replaces the others."""
        best: dict[str, object] = {}
        for e in entries:
            if applies_in(e.region, township_code) and (e.code not in best or len(e.region) > len(best[e.code].region)):
                best[e.code] = e
        return [e for e in entries if best.get(e.code) is e]

    return msgspec.structs.replace(
        catalogue, powers=keep(catalogue.powers), standards=keep(catalogue.standards),
        no_penalty=keep(catalogue.no_penalty), hearing_thresholds=keep(catalogue.hearing_thresholds),
    )


@dataclass
class Registry:
    catalogues: dict[str, Catalogue] = field(default_factory=dict)  # by field code
    powers: dict[str, Power] = field(default_factory=dict)  # by power code
    power_field: dict[str, str] = field(default_factory=dict)  # power code → field code
    field_plugin: dict[str, str] = field(default_factory=dict)  # field code → plugin name
    packs: list[tuple[str, PackInfo]] = field(default_factory=list)  # (plugin, pack) in load order
    entry_plugin: dict[str, str] = field(default_factory=dict)  # code of a pack's entry → the pack's plugin
    region: str | None = None  # set on a township's view (in_region): the township's division code
    _views: dict[str, "Registry"] = field(default_factory=dict, repr=False)

    def add(self, catalogue: Catalogue) -> list[Problem]:
        if catalogue.pack is not None:
            return self.add_pack(catalogue)
        plugin, code = catalogue.plugin, catalogue.field.code
        if code in self.catalogues:
            other = self.catalogues[code].plugin
            return [Problem(plugin, "field.toml", code, f"领域代码与插件 {other} 重复")]
        problems = []
        for power in catalogue.powers:
            if power.code in self.powers:
                other = self.catalogues[self.power_field[power.code]].plugin
                problems.append(
                    Problem(plugin, "powers.toml", power.code, f"执法事项代码与插件 {other} 重复")
                )
        if problems:
            return problems
        self.catalogues[code] = catalogue
        self.field_plugin[code] = plugin
        for power in catalogue.powers:
            self.powers[power.code] = power
            self.power_field[power.code] = code
        return []

    def add_pack(self, pack: Catalogue) -> list[Problem]:
        """Merge a regional pack into the field it extends, validated together with the field's entries."""
        info, plugin = pack.pack, pack.plugin
        base = self.catalogues.get(info.field)
        if base is None:
            return [Problem(plugin, "pack.toml", info.field, f"地区包扩展的领域 {info.field} 未加载（须先安装该领域插件）")]
        if pack.templates:
            return [Problem(plugin, "templates.toml", info.field, "地区包不提供文书模板（模板由领域插件提供）")]
        taken = [p.code for p in pack.powers if p.code in self.powers]
        if taken:
            return [Problem(plugin, "powers.toml", c, f"执法事项代码与插件 {self.entry_plugin.get(c) or base.plugin} 重复")
                    for c in taken]
        merged = msgspec.structs.replace(
            base, powers=base.powers + pack.powers, standards=base.standards + pack.standards,
            no_penalty=base.no_penalty + pack.no_penalty,
            hearing_thresholds=base.hearing_thresholds + pack.hearing_thresholds,
        )
        own = {e.code for e in (*pack.powers, *pack.standards, *pack.no_penalty, *pack.hearing_thresholds)}
        problems = [
            Problem(plugin, p.file, p.entry, p.message)
            for p in validate_catalogue(msgspec.structs.replace(merged, plugin=plugin))
            if p.entry in own or p.file == "field.toml"
        ]
        if problems:
            return problems
        self.catalogues[info.field] = merged
        self.packs.append((plugin, info))
        for power in pack.powers:
            self.powers[power.code] = power
            self.power_field[power.code] = info.field
        self.entry_plugin.update(dict.fromkeys(own, plugin))
        return []

    def in_region(self, township_code: str) -> "Registry":
        """The catalogue as a township sees it: national entries and those of its province, city, county.

        Another region's powers, standards, no-penalty lists and hearing thresholds are not in it.
        """
        view = self._views.get(township_code)
        if view is None:
            catalogues = {code: _regional(c, township_code) for code, c in self.catalogues.items()}
            powers = {p.code: p for c in catalogues.values() for p in c.powers}
            view = Registry(
                catalogues=catalogues, powers=powers, power_field={c: self.power_field[c] for c in powers},
                field_plugin=dict(self.field_plugin), packs=list(self.packs), entry_plugin=dict(self.entry_plugin),
                region=township_code,
            )
            self._views[township_code] = view
        return view

    # -- queries ---------------------------------------------------------------------------

    def field_of(self, power_code: str) -> str | None:
        return self.power_field.get(power_code)

    def powers_of(self, field_code: str, on: dt.date | None = None) -> list[Power]:
        catalogue = self.catalogues.get(field_code)
        if catalogue is None:
            return []
        return [p for p in catalogue.powers if on is None or _active(p.valid_from, p.valid_to, on)]

    def power_in_force(self, power_code: str, on: dt.date) -> bool:
        power = self.powers.get(power_code)
        return power is not None and _active(power.valid_from, power.valid_to, on)

    def standards_for(self, power_code: str, on: dt.date | None = None) -> list[DiscretionStandard]:
        field_code = self.power_field.get(power_code)
        if field_code is None:
            return []
        return [
            s
            for s in self.catalogues[field_code].standards
            if s.power == power_code and (on is None or _active(s.valid_from, s.valid_to, on))
        ]

    def hearing_thresholds(self, field_code: str) -> list[HearingThreshold]:
        catalogue = self.catalogues.get(field_code)
        return list(catalogue.hearing_thresholds) if catalogue else []


@dataclass
class PluginHost:
    pm: pluggy.PluginManager
    plugins: dict[str, PluginInfo]
    registry: Registry
    _scoped: dict[frozenset[str], ScopedHooks] = field(default_factory=dict)
    loaded: list[Catalogue] = field(default_factory=list)  # what the plugins declared, fields then packs
    overlays: list[Catalogue] = field(default_factory=list)  # what the deployment loaded (catalogue_overlay)

    def with_overlays(self, overlays: list[Catalogue]) -> Registry:
        """The plugins' catalogues with the deployment's overlays merged; raises ``CatalogueInvalid``."""
        registry = _registry_of(self.loaded)
        problems = [p for overlay in overlays for p in registry.add_pack(overlay)]
        if problems:
            raise CatalogueInvalid(problems)
        return registry

    def install_overlays(self, overlays: list[Catalogue]) -> None:
        self.registry, self.overlays = self.with_overlays(overlays), list(overlays)

    def hooks_for_fields(self, enabled_fields: set[str]) -> ScopedHooks:
        """Behaviour hooks over the plugins of the enabled fields plus field-less plugins.

        A plugin that declares fields takes part only where one of its fields is enabled; a
        plugin that declares none (the core defaults, cross-field rules) always takes part.
        """
        field_plugins: dict[str, set[str]] = {}
        for code, plugin in self.registry.field_plugin.items():
            field_plugins.setdefault(plugin, set()).add(code)
        excluded = frozenset(
            plugin for plugin, fields in field_plugins.items() if not fields & enabled_fields
        )
        scoped = self._scoped.get(excluded)
        if scoped is None:
            scoped = self._scoped[excluded] = ScopedHooks(self.pm, excluded)
        return scoped


def build_host() -> PluginHost:
    pm, infos = build_plugin_manager()
    problems: list[Problem] = []
    loaded: list[Catalogue] = []
    for plugin, folders in call_each(pm, "zhifa_field_catalogues"):
        for folder in folders:
            try:
                loaded.append(load_catalogue(Path(folder), plugin=plugin))
            except CatalogueInvalid as exc:
                problems.extend(exc.problems)
    if problems:
        raise CatalogueInvalid(problems)
    loaded.sort(key=lambda c: c.pack is not None)  # fields first, then the regional packs that extend them
    return PluginHost(pm=pm, plugins=infos, registry=_registry_of(loaded), loaded=loaded)


def _registry_of(catalogues: list[Catalogue]) -> Registry:
    registry = Registry()
    problems = [p for catalogue in catalogues for p in registry.add(catalogue)]
    if problems:
        raise CatalogueInvalid(problems)
    return registry


_host: PluginHost | None = None


def get_host() -> PluginHost:
    global _host
    if _host is None:
        _host = build_host()
    return _host


def reset_host() -> None:
    global _host
    _host = None
