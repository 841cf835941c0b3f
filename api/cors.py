"""Cross-origin access (CORS), configured in ``zhifa.toml``; off unless origins are listed.

```toml
[cors]
allow_origins = ["https://zhifa-web.example.gov.cn", "http://10.1.2.3:8080"]
```

A page served from a listed origin may call the API with its bearer token (no cookies are used, so
no credentials mode); it may send ``Authorization``, ``Content-Type`` and ``If-Match`` and read the
``ETag``, ``Repr-Digest``, ``Content-Disposition`` and ``Retry-After`` of an answer. Litestar's
``CORSConfig`` does the work. A preflight from any other origin is refused with a problem document
(403 ``cors.origin_not_allowed``, in Chinese) instead of Litestar's plain-text answer; a simple
request from it gets no ``Access-Control-Allow-Origin``, so the browser withholds the answer.
"""

from __future__ import annotations

import re

from litestar import Litestar
from litestar.config.cors import CORSConfig
from litestar.datastructures import Headers
from litestar.types import Receive, Scope, Send
from zhifa.core.config import ConfigError, CorsSettings

ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:\d{1,5})?$|^https?://\[[0-9A-Fa-f:.]+\](:\d{1,5})?$")
ALLOW_HEADERS = ["Authorization", "Content-Type", "If-Match", "Accept", "Accept-Language"]
EXPOSE_HEADERS = ["ETag", "Repr-Digest", "Content-Disposition", "Retry-After", "WWW-Authenticate"]
METHODS = ["GET", "POST", "OPTIONS", "HEAD"]


def cors_config(settings: CorsSettings) -> CORSConfig | None:
    """Litestar's configuration for the listed origins, or None (CORS off) when none are listed."""
    if not settings.allow_origins:
        return None
    bad = [o for o in settings.allow_origins if not ORIGIN.match(o)]
    if bad:
        raise ConfigError(f"zhifa.toml 的 [cors] allow_origins 有误：{'、'.join(bad)} 不是来源。来源写作 协议://主机[:端口]，"
                          "如 https://zhifa-web.example.gov.cn，不带路径和结尾的斜杠；不接受 *，须逐一列出")
    if not 0 <= settings.max_age <= 86400:
        raise ConfigError("zhifa.toml 的 [cors] max_age 应为 0 至 86400 秒")
    return CORSConfig(allow_origins=list(settings.allow_origins), allow_methods=METHODS, allow_headers=ALLOW_HEADERS,
                      expose_headers=EXPOSE_HEADERS, allow_credentials=False, max_age=settings.max_age)


def refusing_other_origins(app: Litestar) -> Litestar:
    """Answer a preflight from an origin not listed with a problem document, before Litestar's CORS does."""
    config = app.cors_config
    if config is None:
        return app
    from zhifa.api.problems import problem

    inner = app.asgi_handler

    async def handler(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "OPTIONS":
            headers = Headers.from_scope(scope)
            origin = headers.get("origin")
            if origin and headers.get("access-control-request-method") and not config.is_origin_allowed(origin):
                response = problem(403, "cors.origin_not_allowed",
                                   f"来源 {origin[:200]} 不在本系统允许跨域访问的来源之列（zhifa.toml 的 [cors] allow_origins）")
                await response.to_asgi_response(app=None, request=app.request_class(scope))(scope, receive, send)
                return
        await inner(scope, receive, send)

    app.asgi_handler = handler
    return app
