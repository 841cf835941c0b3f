"""Rendering a page: Litestar's Jinja2 templates from the package, with the filters people read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from litestar import Request
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.response import Template
from litestar.template.config import TemplateConfig
from zhifa.web import labels
from zhifa.web.session import CSRF_FIELD, csrf_token

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


def _engine(engine: JinjaTemplateEngine) -> None:
    env = engine.engine
    env.filters.update(money=labels.money, local_time=labels.local_time, day=labels.day, status=labels.status_name,
                       roles=labels.role_names, evidence_kind=labels.evidence_name,
                       source=lambda s: labels.SOURCE_NAMES.get(s, s))
    env.globals.update(CSRF_FIELD=CSRF_FIELD)


def template_config() -> TemplateConfig:
    return TemplateConfig(directory=TEMPLATES, engine=JinjaTemplateEngine, engine_callback=_engine)


def page(request: Request, name: str, *, status: int = 200, presession: str | None = None, **context: Any) -> Template:
    """The template ``name`` with the signed-in user (if any) and this page's CSRF token."""
    principal = request.scope.get("zhifa_web_principal")
    context.setdefault("title", "")
    headers = {"Cache-Control": "no-store"}
    if request.headers.get("hx-request"):  # a boosted page: the address bar shows where the answer came from
        headers["HX-Push-Url"] = str(request.url)
    return Template(template_name=name, status_code=status, headers=headers, context={
        **context, "user": principal, "csrf": csrf_token(request, presession),
        "township": context.get("township") or (principal.township if principal else None),
    })
