"""Cross-origin access (CORS) from ``zhifa.toml``: off by default, on for the origins listed.

A frontend served from another origin calls the API only when its origin is listed under
``[cors] allow_origins``; a preflight from a listed origin succeeds, from any other it is refused
(403 problem, in Chinese) and no answer carries ``Access-Control-Allow-Origin`` for it.
"""

from __future__ import annotations

import pytest
from litestar.testing import TestClient
from zhifa.api.app import create_app
from zhifa.core.config import ConfigError

WEB = "https://zhifa-web.example.gov.cn"
OTHER = "https://elsewhere.example.com"


def _preflight(client: TestClient, origin: str, method: str = "POST",
               headers: str = "authorization, content-type, if-match"):
    return client.options("/townships/330122100/cases", headers={
        "Origin": origin, "Access-Control-Request-Method": method, "Access-Control-Request-Headers": headers})


def _configure(database_url: str, text: str) -> None:
    import os
    from pathlib import Path

    (Path(os.environ["ZHIFA_HOME"]) / "zhifa.toml").write_text(text, encoding="utf-8")


def test_preflight_from_a_configured_origin_succeeds_and_from_another_is_refused(database_url):
    _configure(database_url, f'[cors]\nallow_origins = ["{WEB}", "http://10.1.2.3:8080"]\n')
    with TestClient(create_app()) as client:
        allowed = _preflight(client, WEB)
        assert allowed.status_code == 204, allowed.text
        assert allowed.headers["access-control-allow-origin"] == WEB
        granted = {h.strip().lower() for h in allowed.headers["access-control-allow-headers"].split(",")}
        assert {"authorization", "content-type", "if-match"} <= granted
        assert "POST" in allowed.headers["access-control-allow-methods"]
        assert _preflight(client, "http://10.1.2.3:8080").status_code == 204

        refused = _preflight(client, OTHER)
        assert refused.status_code == 403
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert refused.json()["code"] == "cors.origin_not_allowed" and OTHER in refused.json()["detail"]
        assert "access-control-allow-origin" not in refused.headers
        # a listed host on another scheme or port is another origin
        assert _preflight(client, "http://zhifa-web.example.gov.cn").status_code == 403

        # the actual request: the listed origin may read the answer (and its ETag), the other may not
        answer = client.post("/auth/login", json={"username": "nobody", "password": "x"}, headers={"Origin": WEB})
        assert answer.status_code == 401 and answer.headers["access-control-allow-origin"] == WEB
        assert "etag" in answer.headers["access-control-expose-headers"].lower()
        other = client.post("/auth/login", json={"username": "nobody", "password": "x"}, headers={"Origin": OTHER})
        assert "access-control-allow-origin" not in other.headers


def test_cross_origin_access_is_off_without_configuration(database_url):
    with TestClient(create_app()) as client:
        response = _preflight(client, WEB)
        assert "access-control-allow-origin" not in response.headers
        answer = client.post("/auth/login", json={"username": "nobody", "password": "x"}, headers={"Origin": WEB})
        assert "access-control-allow-origin" not in answer.headers


@pytest.mark.parametrize("origin", ["*", "https://zhifa-web.example.gov.cn/", "zhifa-web.example.gov.cn",
                                    "https://zhifa-web.example.gov.cn/app"])
def test_an_allowed_origin_that_is_not_an_origin_is_a_configuration_error_in_chinese(database_url, origin):
    _configure(database_url, f'[cors]\nallow_origins = ["{origin}"]\n')
    with pytest.raises(ConfigError, match="allow_origins 有误"):
        create_app()
