"""Hardening: security headers, owner-only files, forwarded headers, bounded throttling, passwords.

Issue 12, item 8. The forwarded-header and file-mode tests run the installed ``zhifa`` command in
a subprocess, as a deployment does.
"""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from zhifa.core.services import auth
from zhifa.core.services.errors import Throttled, Unauthenticated

from .api_support import HENGCUN, Api
from .helpers import run

ZHIFA = str(Path(sys.executable).with_name("zhifa"))


@pytest.mark.parametrize(("path", "user", "status"), [
    ("/auth/me", "hc-officer1", 200),
    ("/auth/me", None, 401),  # an error answered by the authentication layer
    ("/no/such/route", None, 404),
    (f"/townships/{HENGCUN}/cases/99999", "hc-officer1", 404),
])
def test_every_response_carries_the_security_headers(api: Api, path, user, status):
    response = api.get(path, user)
    assert response.status_code == status
    headers = response.headers
    assert headers["x-content-type-options"] == "nosniff" and headers["referrer-policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "default-src 'self'" in headers["content-security-policy"]


def test_the_schema_viewers_keep_frame_protection(api: Api):
    headers = api.get("/schema/swagger").headers
    assert headers["x-frame-options"] == "DENY" and "frame-ancestors 'none'" in headers["content-security-policy"]


def test_files_the_command_creates_are_owner_only(tmp_path):
    env = {**os.environ, "ZHIFA_HOME": str(tmp_path), "ZHIFA_DATABASE_URL": f"sqlite:///{tmp_path}/zhifa.sqlite3"}
    subprocess.run([ZHIFA, "init"], check=True, env=env, cwd=tmp_path, capture_output=True, stdin=subprocess.DEVNULL)
    created = [p for p in tmp_path.rglob("*")]
    assert any(p.name == "zhifa.sqlite3" for p in created)
    for path in created:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path.name} is {oct(mode)}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(tmp_path):
    """``zhifa serve`` on the demo database, in its own process."""
    env = {**os.environ, "ZHIFA_HOME": str(tmp_path), "ZHIFA_DATABASE_URL": f"sqlite:///{tmp_path}/zhifa.sqlite3"}
    env.pop("ZHIFA_FORWARDED_ALLOW_IPS", None)
    for step in (["init"], ["demo"]):
        subprocess.run([ZHIFA, *step], check=True, env=env, cwd=tmp_path, capture_output=True, stdin=subprocess.DEVNULL)
    port = _free_port()
    process = subprocess.Popen([ZHIFA, "serve", "--port", str(port)], env=env, cwd=tmp_path,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(f"{base}/schema/openapi.json", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(10)


@pytest.mark.skipif(shutil.which("zhifa") is None and not Path(ZHIFA).exists(), reason="zhifa command not installed")
def test_a_rotated_x_forwarded_for_does_not_escape_the_per_address_limit(served):
    answers = []
    for i in range(22):
        response = httpx.post(f"{served}/auth/login", json={"username": f"nobody{i}", "password": "wrong-password-1"},
                              headers={"X-Forwarded-For": f"203.0.113.{i}"}, timeout=10)
        answers.append(response.status_code)
    assert answers[:20] == [401] * 20 and answers[20:] == [429, 429]


def test_a_username_longer_than_64_characters_is_refused_at_the_boundary(api: Api):
    response = api.post("/auth/login", json={"username": "x" * 65, "password": "whatever-it-is"})
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "username"


def test_failures_in_someone_elses_name_do_not_lock_them_out_of_their_own_address(database_url):
    from zhifa.core.services.demo import load_demo

    run(load_demo())
    assert run(auth.login("hc-legal", "zhifa-demo", remote="10.0.0.5")).username == "hc-legal"  # their usual address
    for _ in range(5):
        with pytest.raises(Unauthenticated):
            run(auth.login("hc-legal", "guess-guess-1", remote="198.51.100.7"))
    with pytest.raises(Throttled):  # the guesser is stopped …
        run(auth.login("hc-legal", "zhifa-demo", remote="198.51.100.7"))
    assert run(auth.login("hc-legal", "zhifa-demo", remote="10.0.0.5")).username == "hc-legal"  # … the owner is not
    assert run(auth.login("hc-legal", "zhifa-demo", remote="10.0.0.6")).username == "hc-legal"


def test_guessing_one_username_from_many_addresses_is_bounded_but_not_for_its_known_address(database_url):
    from zhifa.core.services.demo import load_demo

    run(load_demo())
    run(auth.login("hc-head", "zhifa-demo", remote="10.0.0.9"))
    for i in range(auth.MAX_FAILURES_PER_USERNAME):
        with pytest.raises(Unauthenticated):
            run(auth.login("hc-head", "guess-guess-1", remote=f"198.51.{i // 200}.{i % 200}"))
    with pytest.raises(Throttled):
        run(auth.login("hc-head", "zhifa-demo", remote="192.0.2.1"))
    assert run(auth.login("hc-head", "zhifa-demo", remote="10.0.0.9")).username == "hc-head"


@pytest.mark.parametrize("password", ["1234567890", " " * 10, "password123", "qwertyuiop", "short"])
def test_a_weak_or_common_password_is_refused_naming_the_field(api: Api, password):
    response = api.post(f"/townships/{HENGCUN}/users", "hc-admin", json={
        "username": "hc-officer9", "display_name": "新执法队员", "roles": ["officer"], "password": password})
    assert response.status_code == 400, response.text
    assert response.json()["code"] == "user.password" and "密码" in response.json()["detail"]


def test_a_password_hard_to_guess_is_accepted(api: Api):
    response = api.post(f"/townships/{HENGCUN}/users", "hc-admin", json={
        "username": "hc-officer9", "display_name": "新执法队员", "roles": ["officer"], "password": "桐庐横村-执法2026"})
    assert response.status_code == 201, response.text


def _upload(api: Api, case: int, content: bytes, declared: str):
    return api.post(f"/townships/{HENGCUN}/cases/{case}/evidence", "hc-officer1", content=content,
                    headers={"Content-Type": declared},
                    params={"kind": "audiovisual", "title": "现场照片", "captured_at": "2026-11-02T10:00:00+08:00"})


@pytest.mark.parametrize(("content", "declared", "served"), [
    (b"<html><script>alert(document.cookie)</script></html>", "text/html", "application/octet-stream"),
    (b"\x89PNG\r\n\x1a\n" + bytes(64), "text/html", "image/png"),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "application/pdf", "application/pdf"),
])
def test_evidence_is_served_as_an_attachment_with_the_type_its_bytes_show(api: Api, content, declared, served):
    case = api.clue("urban", None, "2026-11-02")
    item = _upload(api, case, content, declared)
    assert item.status_code == 201, item.text
    response = api.get(f"/townships/{HENGCUN}/evidence/{item.json()['id']}/content", "hc-officer1")
    assert response.status_code == 200 and response.content == content
    assert response.headers["content-type"].split(";")[0] == served
    assert response.headers["content-disposition"].startswith("attachment")
    assert response.headers["x-content-type-options"] == "nosniff"
