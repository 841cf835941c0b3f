"""The OpenAPI viewer (Swagger UI) at ``/schema`` and ``/schema/swagger``, with every asset served by the app.

A government intranet has no CDN: the page's script, preset, style sheet and icon are the files of
``swagger-ui-dist`` vendored in ``api/static/swagger-ui/`` (see its README.md and LICENSE), served
under ``/schema/assets/swagger-ui/``; the document is inlined in the page, and Swagger UI's online
validator is switched off. Scalar, the previous default viewer, is not offered: its pages fetch
fonts and scripts from its own servers. ``zhifa.api.headers`` gives ``/schema`` a policy that
allows this origin only, so a browser refuses anything else the page might ask for.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from litestar import Request
from litestar.openapi.plugins import SwaggerRenderPlugin
from litestar.static_files import create_static_files_router

VERSION = "5.35.0"  # swagger-ui-dist
ASSETS_DIR = Path(__file__).parent / "static" / "swagger-ui"
ASSETS_PATH = "/schema/assets/swagger-ui"
#: The files a page loads, and the licence files shipped beside them.
ASSET_FILES = ("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css", "favicon-32x32.png")
LICENCE_FILES = ("LICENSE", "NOTICE", "swagger-ui-bundle.js.LICENSE.txt", "swagger-ui-standalone-preset.js.LICENSE.txt")


class OfflineSwagger(SwaggerRenderPlugin):
    """Litestar's Swagger page with the app's own asset URLs and no call to the online validator."""

    def __init__(self, path: str | list[str]) -> None:
        super().__init__(
            version=VERSION,
            js_url=f"{ASSETS_PATH}/swagger-ui-bundle.js",
            css_url=f"{ASSETS_PATH}/swagger-ui.css",
            standalone_preset_js_url=f"{ASSETS_PATH}/swagger-ui-standalone-preset.js",
            favicon=f"<link rel='icon' type='image/png' href='{ASSETS_PATH}/favicon-32x32.png'>",
            path=path,
        )

    def render(self, request: Request, openapi_schema: dict[str, Any]) -> bytes:
        page = super().render(request, openapi_schema)
        return page.replace(b"deepLinking: true,", b"deepLinking: true,\n                  validatorUrl: null,", 1)


def render_plugins() -> list[SwaggerRenderPlugin]:
    """Swagger UI at ``/schema`` (the root) and at ``/schema/swagger``."""
    return [OfflineSwagger(path=["/", "/swagger"])]


#: ``/schema/assets/swagger-ui/{file}``: public, like the document itself; not part of the document.
ASSETS = create_static_files_router(path=ASSETS_PATH, directories=[ASSETS_DIR], name="swagger_ui_assets",
                                    opt={"public": True}, include_in_schema=False,
                                    cache_control=None)

__all__ = ["ASSETS", "ASSET_FILES", "LICENCE_FILES", "render_plugins"]
