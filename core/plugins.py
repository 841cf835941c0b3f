"""The plugin manager: built-in defaults, entry-point plugins, the allow-list, per-township callers.

Plugins are loaded lazily, by ``get_host()`` from the app factory and the CLI, never at import
time. Every plugin — the five built-in fields included — comes through the ``zhifa``
entry-point group; ``ZHIFA_LOAD_PLUGINS`` (comma-separated entry-point names) limits which load.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from types import ModuleType
from typing import Any

import pluggy
from zhifa.core import hookspecs
from zhifa.core.catalogue.errors import PluginError

ENTRY_POINT_GROUP = "zhifa"
ALLOW_ENV = "ZHIFA_LOAD_PLUGINS"
#: The core's own behaviour, registered through the same manager as every plugin.
DEFAULT_PLUGINS = ("zhifa.core.defaults",)


@dataclass(frozen=True)
class PluginInfo:
    name: str
    version: str
    module: str
    builtin: bool
    hooks: tuple[str, ...] = field(default=())


def _allowed() -> set[str] | None:
    value = os.environ.get(ALLOW_ENV)
    if value is None:
        return None
    return {name.strip() for name in value.split(",") if name.strip()}


def _check_interface(name: str, module: ModuleType) -> None:
    declared = getattr(module, "ZHIFA_HOOK_INTERFACE", hookspecs.HOOK_INTERFACE)
    if declared not in hookspecs.SUPPORTED_HOOK_INTERFACES:
        supported = "、".join(str(v) for v in sorted(hookspecs.SUPPORTED_HOOK_INTERFACES))
        raise PluginError(
            name,
            f"为钩子接口版本 {declared} 编写，本系统支持的版本为 {supported}，拒绝加载",
        )


def build_plugin_manager() -> tuple[pluggy.PluginManager, dict[str, PluginInfo]]:
    """Register the defaults and every allowed entry-point plugin; name any that fails."""
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    infos: dict[str, PluginInfo] = {}
    from zhifa import __version__

    for dotted in DEFAULT_PLUGINS:
        module = importlib.import_module(dotted)
        pm.register(module, name=dotted)
        infos[dotted] = PluginInfo(dotted, __version__, dotted, builtin=True)

    allowed = _allowed()
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        if allowed is not None and ep.name not in allowed:
            continue
        if pm.has_plugin(ep.name):
            dist = ep.dist.name if ep.dist else "?"
            raise PluginError(ep.name, f"名称与已加载的插件重复（来自 {dist}）")
        try:
            module = ep.load()
        except Exception as exc:  # a broken third-party plugin must be named, not a traceback
            raise PluginError(ep.name, f"加载失败（{ep.value}）：{type(exc).__name__}: {exc}") from exc
        _check_interface(ep.name, module)
        try:
            pm.register(module, name=ep.name)
        except Exception as exc:  # pluggy validates hookimpl signatures here
            raise PluginError(ep.name, f"注册失败：{exc}") from exc
        version = ep.dist.version if ep.dist else "?"
        builtin = ep.value.startswith("zhifa.")
        infos[ep.name] = PluginInfo(ep.name, version, ep.value, builtin=builtin)

    for name, info in list(infos.items()):
        plugin = pm.get_plugin(name)
        hooks = tuple(sorted(h.name for h in pm.get_hookcallers(plugin) or ()))
        infos[name] = PluginInfo(info.name, info.version, info.module, info.builtin, hooks)
    return pm, infos


def call_each(pm: pluggy.PluginManager, hook: str, **kwargs: Any) -> list[tuple[str, Any]]:
    """Call a declaration hook plugin by plugin, so a failure names its plugin."""
    results = []
    for impl in getattr(pm.hook, hook).get_hookimpls():
        try:
            result = impl.function(**{k: v for k, v in kwargs.items() if k in impl.argnames})
        except Exception as exc:
            raise PluginError(impl.plugin_name, f"钩子 {hook} 出错：{type(exc).__name__}: {exc}") from exc
        if result is not None:
            results.append((impl.plugin_name, result))
    return results


class ScopedHooks:
    """Behaviour hook callers over a subset of plugins (one township's enabled ones)."""

    def __init__(self, pm: pluggy.PluginManager, excluded: frozenset[str]):
        self._pm = pm
        self._excluded = [pm.get_plugin(name) for name in excluded if pm.has_plugin(name)]
        self.excluded = excluded
        self._callers: dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        if not name.startswith(hookspecs.PROJECT + "_"):
            raise AttributeError(name)
        caller = self._callers.get(name)
        if caller is None:
            caller = self._pm.subset_hook_caller(name, remove_plugins=self._excluded)
            self._callers[name] = caller
        return caller
