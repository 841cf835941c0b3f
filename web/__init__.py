"""The web app officers, approvers and county supervisors work in (issue 17).

Server-rendered pages (Jinja2 templates through Litestar, htmx for partial updates) inside the API's
own Litestar app, calling the same services and the same dry run of the gates as the API. Every
asset ships in this package (``static/``); no page references another site. See docs/decisions.md.

The pages are one ``Router`` (``web_router()``) left out of the OpenAPI document, every route marked
``opt["web"]`` so the API's contract walk skips them.
"""

from __future__ import annotations

from zhifa.web.router import template_config, web_router

__all__ = ["template_config", "web_router"]
