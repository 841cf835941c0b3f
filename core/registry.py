"""The registry: every declaration collected once at start-up, validated, and cached.

``get_host()`` builds the plugin manager and the registry on first use (lazily, never at import)
and keeps them for the process. Tests call ``reset_host()`` after changing the environment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pluggy
from zhifa.core.catalogue import Catalogue, CatalogueInvalid, Problem, load_catalogue
from zhifa.core.catalogue.model import DiscretionStandard, HearingThreshold, Power
from zhifa.core.plugins import PluginInfo, ScopedHooks, build_plugin_manager, call_each


def _active(valid_from: dt.date, valid_to: dt.date | None, on: dt.date) -> bool:
    return valid_from <= on and (valid_to is None or on <= valid_to)


@dataclass
class Registry:
    catalogues: dict[str, Catalogue] = field(default_factory=dict)  # by field code
    powers: dict[str, Power] = field(default_factory=dict)  # by power code
    power_field: dict[str, str] = field(default_factory=dict)  # power code → field code
    field_plugin: dict[str, str] = field(default_factory=dict)  # field code → plugin name

    def add(self, catalogue: Catalogue) -> list[Problem]:
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
    registry = Registry()
    problems: list[Problem] = []
    for plugin, folders in call_each(pm, "zhifa_field_catalogues"):
        for folder in folders:
            try:
                catalogue = load_catalogue(Path(folder), plugin=plugin)
            except CatalogueInvalid as exc:
                problems.extend(exc.problems)
                continue
            problems.extend(registry.add(catalogue))
    if problems:
        raise CatalogueInvalid(problems)
    return PluginHost(pm=pm, plugins=infos, registry=registry)


_host: PluginHost | None = None


def get_host() -> PluginHost:
    global _host
    if _host is None:
        _host = build_host()
    return _host


def reset_host() -> None:
    global _host
    _host = None
