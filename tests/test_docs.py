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


# -- the plugin author's documentation (docs/plugin-hooks.md, catalogue-format.md, plugin-authoring.md)

DOCS = DOC.parent


def signature(name: str) -> str:
    """``def name(arg: Type, …) -> Return`` from the hookspec's annotations, quotes removed."""
    func = getattr(hookspecs, name)
    annotations = {k: str(v).replace('"', "").replace("'", "") for k, v in func.__annotations__.items()}
    params = ", ".join(f"{p}: {annotations[p]}" if p in annotations else p for p in inspect.signature(func).parameters)
    return f"def {name}({params}) -> {annotations.get('return', 'None')}"


def hook_sections() -> dict[str, str]:
    text = DOC.read_text(encoding="utf-8")
    parts = re.split(r"^(?=#{2,3} )", text, flags=re.M)
    return {m.group(1): part for part in parts if (m := re.match(r"### (zhifa_\w+)\(", part))}


def test_every_documented_hook_gives_its_exact_signature_when_receives_returns_and_an_example():
    sections = hook_sections()
    for name in specs():
        section = sections.get(name, "")
        assert f"`{signature(name)}`" in section, f"docs/plugin-hooks.md: {name} needs *Signature:* `{signature(name)}`"
        for label in ("*When:*", "*Receives:*", "*Returns:*"):
            assert label in section, f"docs/plugin-hooks.md: {name} has no {label}"
        assert "```python" in section and f"def {name}(" in section, f"docs/plugin-hooks.md: {name} has no example"


def test_the_docs_state_the_hook_interface_version_plugins_declare():
    line = f"ZHIFA_HOOK_INTERFACE = {hookspecs.HOOK_INTERFACE}"
    for doc in ("plugin-hooks.md", "plugin-authoring.md"):
        assert line in (DOCS / doc).read_text(encoding="utf-8"), doc


def test_the_catalogue_format_explains_every_field_of_sample_cases_and_the_codes_ledger():
    from zhifa.testing.conformance import Ledger
    from zhifa.testing.samples import Expectation, SampleCase, SampleFacts

    text = (DOCS / "catalogue-format.md").read_text(encoding="utf-8")
    for struct in (SampleCase, SampleFacts, Expectation, Ledger):
        for field in struct.__struct_fields__:
            assert f"`{field}`" in text, f"catalogue-format.md does not explain {struct.__name__}.{field}"
    assert "## samples.toml" in text and "## published.toml" in text


def test_the_authoring_guide_walks_through_every_step_with_the_kit_commands():
    text = (DOCS / "plugin-authoring.md").read_text(encoding="utf-8")
    for needed in ("zhifa plugin new transport", "zhifa plugin check transport", "ConformanceSuite", "zhifa_services",
                   "samples.toml", "published.toml", "templates.toml", "zhifa township enable"):
        assert needed in text, needed
