"""The plugin documentation and the hook specifications agree."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from zhifa.core import hookspecs

DOC = Path(__file__).parent.parent / "docs" / "plugin-hooks.md"


def specs() -> dict[str, list[str]]:
    return {
        name: list(inspect.signature(func).parameters)
        for name, func in vars(hookspecs).items()
        if name.startswith("zhifa_") and callable(func)
    }


def documented() -> dict[str, list[str]]:
    found = {}
    for name, args in re.findall(r"^### (zhifa_\w+)\(([^)]*)\)$", DOC.read_text(encoding="utf-8"), re.M):
        found[name] = [a.strip() for a in args.split(",") if a.strip()]
    return found


def test_every_hook_is_documented_with_its_exact_arguments():
    assert documented() == specs()


def test_every_hookspec_says_when_it_fires_what_it_receives_and_returns():
    for name in specs():
        doc = inspect.getdoc(getattr(hookspecs, name)) or ""
        assert "Fires" in doc and "Receives" in doc and "Returns" in doc, name
