"""The web app served for real: uvicorn on a free port over the demo county, and Chromium to drive it.

The browser is Debian's ``chromium`` (``/usr/bin/chromium``, installed by ``.ci/run``) driven by
Playwright; the tests are skipped where neither is installed. Screenshots go to ``tests/artifacts/``
(git-ignored), or ``ZHIFA_WEB_ARTIFACTS``.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from zhifa.api.app import create_app
from zhifa.core.services.demo import load_demo

from .helpers import run

CHROMIUM = os.environ.get("ZHIFA_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("ZHIFA_WEB_ARTIFACTS", Path(__file__).parent / "artifacts"))
PASSWORD = "zhifa-demo"
HENGCUN, FENSHUI = "330122100", "330122101"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    def __init__(self):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(), host="127.0.0.1", port=self.port, log_level="warning", loop="asyncio",
                                http="h11", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the web app did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


@pytest.fixture
def live_server(database_url):
    """The demo county on a fresh database of each engine, served on a free port."""
    from zhifa.core.services.auth import forget_cached_tokens

    run(load_demo())
    forget_cached_tokens()
    with LiveServer() as server:
        yield server


@pytest.fixture
def browser(live_server):
    """Chromium for one test, started after the server (Playwright's sync API holds an event loop in this
    thread while it runs, and the database fixtures need ``asyncio.run`` before it starts)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (.ci/run installs Debian's chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


def new_page(browser, server: LiveServer, viewport: dict = PHONE):
    context = browser.new_context(viewport=viewport, base_url=server.url, locale="zh-CN", timezone_id="Asia/Shanghai")
    page = context.new_page()
    page.set_default_timeout(15000)
    return page


def sign_in(page, username: str, password: str = PASSWORD) -> None:
    page.goto("/web/login")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state("networkidle")


def screenshot(page, name: str) -> Path:
    """Save the whole page as ``<name>-<width>.png`` in the artefacts folder."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}-{page.viewport_size['width']}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
