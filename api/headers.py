"""Security headers on every response, errors and streamed files included (Litestar ``before_send``).

The API and its pages are served from one origin and load nothing from elsewhere (no CDN on a
government intranet), so the policy allows this origin only and no framing. The OpenAPI viewer
under ``/schema`` (``zhifa.api.viewer``) loads its assets from this origin too, but its page is
Litestar's, with an inline script and inline styles: it gets the same policy with those allowed.
"""

from __future__ import annotations

from litestar.datastructures import MutableScopeHeaders
from litestar.types import Message, Scope

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
VIEWER_CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
              "script-src 'self' 'unsafe-inline'; connect-src 'self'; font-src 'self' data:; object-src 'none'; "
              "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
COMMON = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


async def security_headers(message: Message, scope: Scope) -> None:
    if message["type"] != "http.response.start":
        return
    headers = MutableScopeHeaders.from_message(message)
    for name, value in COMMON.items():
        headers.setdefault(name, value)
    if scope.get("path", "").startswith("/schema"):
        headers.setdefault("Content-Security-Policy", VIEWER_CSP)
    else:
        headers.setdefault("Content-Security-Policy", CSP)
    if scope.get("scheme") == "https":
        headers.setdefault("Strict-Transport-Security", "max-age=31536000")
