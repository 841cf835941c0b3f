"""Signing in to the web app: the API's accounts and throttling, a session cookie, CSRF on every form."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import expect

from .web_support import FENSHUI, HENGCUN, PASSWORD, live_server, browser, new_page, sign_in  # noqa: F401

pytestmark = pytest.mark.shared_host


def _csrf(html: str) -> str:
    return re.search(r'name="_csrf" value="([^"]*)"', html).group(1)


def _signed_in_client(server, username: str) -> httpx.Client:
    client = httpx.Client(base_url=server.url, follow_redirects=False)
    form = client.get("/web/login")
    answer = client.post("/web/login", data={"username": username, "password": PASSWORD, "_csrf": _csrf(form.text)})
    assert answer.status_code == 303, answer.text
    return client


def test_the_session_cookie_is_httponly_and_samesite_lax_and_signing_out_revokes_it(live_server):
    client = httpx.Client(base_url=live_server.url, follow_redirects=False)
    form = client.get("/web/login")
    answer = client.post("/web/login", data={"username": "hc-officer1", "password": PASSWORD, "_csrf": _csrf(form.text)})
    assert answer.status_code == 303 and answer.headers["location"] == "/web/"
    cookie = next(h for h in answer.headers.get_list("set-cookie") if h.startswith("zhifa_session="))
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("SameSite=Lax", "SameSite=lax")
    assert "Secure" not in cookie  # plain HTTP here; Secure when served over TLS
    work = client.get(f"/web/t/{HENGCUN}/work")
    assert work.status_code == 200 and "我的工作" in work.text
    token = client.cookies["zhifa_session"]
    out = client.post("/web/logout", data={"_csrf": _csrf(work.text)})
    assert out.status_code == 303
    again = httpx.get(f"{live_server.url}/web/t/{HENGCUN}/work", cookies={"zhifa_session": token})
    assert again.status_code == 303 and again.headers["location"].startswith("/web/login")


def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing(live_server):
    client = _signed_in_client(live_server, "hc-officer1")
    page = client.get(f"/web/t/{HENGCUN}/clues/new")
    body = {"field": "urban", "source": "patrol", "summary": "没有防伪令牌的登记", "place": "横村大街",
            "found_at": re.search(r'name="found_at" value="([^"]*)"', page.text).group(1)}
    refused = client.post(f"/web/t/{HENGCUN}/clues", data=body)
    assert refused.status_code == 403 and "防伪令牌" in refused.text
    forged = client.post(f"/web/t/{HENGCUN}/clues", data={**body, "_csrf": "0" * 64})
    assert forged.status_code == 403
    login = httpx.post(f"{live_server.url}/web/login", data={"username": "hc-officer1", "password": PASSWORD})
    assert login.status_code == 403  # the sign-in form too
    work = client.get(f"/web/t/{HENGCUN}/work")
    assert "没有防伪令牌的登记" not in work.text
    accepted = client.post(f"/web/t/{HENGCUN}/clues", data={**body, "_csrf": _csrf(page.text)})
    assert accepted.status_code == 303


def test_sign_in_is_throttled_like_the_api_after_five_failures(live_server):
    client = httpx.Client(base_url=live_server.url, follow_redirects=False)
    answers = []
    for _ in range(6):
        form = client.get("/web/login")
        answers.append(client.post("/web/login", data={"username": "hc-head", "password": "wrong", "_csrf": _csrf(form.text)}))
    assert [a.status_code for a in answers[:5]] == [401] * 5
    assert answers[5].status_code == 429 and "Retry-After" in answers[5].headers
    form = client.get("/web/login")
    right = client.post("/web/login", data={"username": "hc-head", "password": PASSWORD, "_csrf": _csrf(form.text)})
    assert right.status_code == 429 and "次数过多" in right.text  # even with the right password


def test_another_townships_case_is_not_reachable_by_url(live_server):
    fenshui = _signed_in_client(live_server, "fs-officer1")
    clue = fenshui.get(f"/web/t/{FENSHUI}/clues/new")
    made = fenshui.post(f"/web/t/{FENSHUI}/clues", data={
        "_csrf": _csrf(clue.text), "field": "urban", "source": "patrol", "summary": "分水镇的线索", "place": "分水镇",
        "found_at": re.search(r'name="found_at" value="([^"]*)"', clue.text).group(1)})
    case_path = made.headers["location"]
    assert fenshui.get(case_path).status_code == 200
    hengcun = _signed_in_client(live_server, "hc-captain")
    case_id = case_path.rsplit("/", 1)[-1]
    for path in (case_path, f"/web/t/{HENGCUN}/cases/{case_id}", f"/web/t/{FENSHUI}/work"):
        answer = hengcun.get(path)
        assert answer.status_code == 404, path
        assert "未找到" in answer.text and "分水镇的线索" not in answer.text
    missing = hengcun.get(f"/web/t/{HENGCUN}/cases/999999")
    assert missing.status_code == 404
    assert missing.text == answer.text  # worded exactly as a missing one


def test_signing_in_in_the_browser_opens_my_work_and_labels_every_field(live_server, browser):
    page = new_page(browser, live_server)
    page.goto("/web/t/330122100/work")
    expect(page).to_have_url(re.compile(r"/web/login\?next="))
    page.get_by_label("用户名").fill("hc-officer1")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", name=re.compile("我的工作"))).to_be_visible()
    page.get_by_role("link", name="线索登记").first.click()
    expect(page.get_by_role("heading", name=re.compile("线索登记"))).to_be_visible()
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
        .filter(e => !e.labels || e.labels.length === 0).map(e => e.name)""")
    assert unlabelled == []
    page.context.close()
