"""``zhifa serve`` runs on the fast path by default (issue 16 item 2): httptools' HTTP parser and
uvloop's event loop, seen in the libraries the running server process has loaded."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ZHIFA = str(Path(sys.executable).with_name("zhifa"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="reads the server's /proc/<pid>/maps")
def test_zhifa_serve_answers_through_httptools_on_uvloop(tmp_path):
    env = {**os.environ, "ZHIFA_HOME": str(tmp_path), "ZHIFA_DATABASE_URL": f"sqlite:///{tmp_path}/zhifa.sqlite3"}
    subprocess.run([ZHIFA, "init"], check=True, env=env, cwd=tmp_path, capture_output=True, stdin=subprocess.DEVNULL)
    port = _free_port()
    process = subprocess.Popen([ZHIFA, "serve", "--port", str(port)], env=env, cwd=tmp_path,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    try:
        for _ in range(150):
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/calendar/2026", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            pytest.fail("zhifa serve did not answer")
        assert answer.status_code < 500
        loaded = Path(f"/proc/{process.pid}/maps").read_text()
        assert "/httptools/" in loaded and "/uvloop/" in loaded
    finally:
        process.terminate()
        process.wait(10)
