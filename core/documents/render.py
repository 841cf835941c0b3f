"""Render a Word template (docxtpl / Jinja placeholders) with a context, noting what was left blank.

Values are XML-escaped (``autoescape``), so a party named ``A&B`` cannot break the document; a
newline in a value becomes a line break. A placeholder the context does not supply prints as
nothing, as on a paper form, and its name is reported so the caller can say what to fill in.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import ChainableUndefined, Environment
from zhifa.core.documents.money import rmb_upper, yuan


@dataclass(frozen=True)
class Rendered:
    content: bytes
    blanks: tuple[str, ...]  # placeholders the context did not supply, in order of first use


def _recording_undefined(found: list[str]) -> type[ChainableUndefined]:
    class Blank(ChainableUndefined):
        __slots__ = ()

        def __getattr__(self, name: str) -> Any:
            if name[:2] == "__":
                raise AttributeError(name)
            return Blank(name=f"{self._undefined_name}.{name}" if self._undefined_name else name)

        def __getitem__(self, key: Any) -> Any:
            return self.__getattr__(str(key))

        def __str__(self) -> str:
            if self._undefined_name and self._undefined_name not in found:
                found.append(self._undefined_name)
            return ""

        def __html__(self) -> str:
            return str(self)

    return Blank


def environment(found: list[str]) -> Environment:
    env = Environment(autoescape=True, undefined=_recording_undefined(found))
    env.filters["yuan"] = yuan
    env.filters["rmb_upper"] = rmb_upper
    return env


def render_docx(template: Path | bytes, context: dict[str, Any]) -> Rendered:
    source = io.BytesIO(template) if isinstance(template, bytes) else template
    document = DocxTemplate(source)
    found: list[str] = []
    document.render(context, jinja_env=environment(found), autoescape=True)
    out = io.BytesIO()
    document.save(out)
    return Rendered(out.getvalue(), tuple(found))
