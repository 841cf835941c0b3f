"""Problems found in plugin data, each naming the plugin, the file and the entry."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    plugin: str
    file: str
    entry: str
    message: str

    def __str__(self) -> str:
        where = f"插件 {self.plugin or '（未知）'}，文件 {self.file}"
        if self.entry:
            where += f"，条目 {self.entry}"
        return f"{where}：{self.message}"


class CatalogueInvalid(Exception):
    """A catalogue failed to decode or validate; start-up must stop."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class PluginError(Exception):
    """A plugin could not be loaded or is incompatible; the message names it."""

    def __init__(self, plugin: str, message: str):
        self.plugin = plugin
        super().__init__(f"插件 {plugin}：{message}")
