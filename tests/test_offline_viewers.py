"""The OpenAPI viewers render with the network cut off: every asset a page names is served by the app.

A government intranet has no CDN. Each viewer page (``/schema``, ``/schema/swagger``) may name only
URLs of this origin in ``src`` and ``href``; each of them is answered 200 by the app itself, with
the vendored file's bytes; the browser is told to load nothing from elsewhere (CSP).
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from zhifa.api import viewer

from .api_support import Api

VIEWERS = ["/schema", "/schema/swagger"]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.urls += [value for name, value in attrs if name in ("src", "href") and value]


def _links(page: str) -> list[str]:
    parser = _Links()
    parser.feed(page)
    return parser.urls


@pytest.mark.parametrize("path", VIEWERS)
def test_viewer_page_names_no_external_url_and_the_app_serves_every_asset(api: Api, path: str):
    page = api.client.get(path)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    urls = _links(page.text)
    assert urls, "the page loads its script and style sheet"
    external = [u for u in urls if urlsplit(u).scheme or urlsplit(u).netloc]
    assert external == [], f"{path} names URLs outside the app: {external}"
    assert "SwaggerUIBundle" in page.text and "validatorUrl: null" in page.text
    for url in urls:
        asset = api.client.get(url)
        assert asset.status_code == 200, f"{url}: {asset.status_code}"
        name = url.rsplit("/", 1)[-1]
        assert asset.content == (viewer.ASSETS_DIR / name).read_bytes()
    names = {u.rsplit("/", 1)[-1] for u in urls}
    assert names == set(viewer.ASSET_FILES)


@pytest.mark.parametrize("path", VIEWERS)
def test_viewer_page_tells_the_browser_to_load_only_from_this_origin(api: Api, path: str):
    policy = api.client.get(path).headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    for name in ("default-src", "script-src", "style-src", "connect-src", "img-src", "font-src"):
        sources = set(directives[name].split())
        assert sources <= {"'self'", "'unsafe-inline'", "data:"}, f"{name}: {sources}"


def test_vendored_viewer_ships_its_licence_and_needs_no_sign_in(api: Api):
    for name in viewer.LICENCE_FILES:
        assert (viewer.ASSETS_DIR / name).is_file(), name
    assert "Apache License" in (viewer.ASSETS_DIR / "LICENSE").read_text(encoding="utf-8")
    script = api.client.get(f"{viewer.ASSETS_PATH}/swagger-ui-bundle.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    missing = api.client.get(f"{viewer.ASSETS_PATH}/nothing-here.js")
    assert missing.status_code == 404


def test_the_assets_are_not_operations_of_the_published_document(api: Api):
    document = api.client.get("/schema/openapi.json").json()
    assert not [p for p in document["paths"] if p.startswith("/schema")]
