"""The township admin's page in Chromium (issue 17): the township's authorisations and people with their
certificates, and the document settings edited through the form — a bad 文号格式 shown next to its
field, nothing saved; the saved bank is what the API then reads."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import expect

from .api_support import HENGCUN
from .web_support import DESKTOP, PASSWORD, browser, live_server, new_page, screenshot, sign_in  # noqa: F401

pytestmark = pytest.mark.shared_host


def _settings(server) -> dict:
    token = httpx.post(f"{server.url}/auth/login", json={"username": "hc-head", "password": PASSWORD}).json()["token"]
    return httpx.get(f"{server.url}/townships/{HENGCUN}/settings/documents",
                     headers={"Authorization": f"Bearer {token}"}).json()


def test_the_township_admin_reads_grants_and_people_and_sets_the_bank_through_the_form(live_server, browser):
    page = new_page(browser, live_server, DESKTOP)
    sign_in(page, "hc-admin")
    page.get_by_role("link", name="乡镇管理").click()
    grants = page.locator("section[aria-labelledby=grants]")
    expect(grants).to_contain_text("浙政函〔2023〕118号")  # the province's 赋权 decision (demo)
    expect(grants).to_contain_text("委托")
    people = page.locator("section[aria-labelledby=people]")
    expect(people.get_by_role("row", name=__import__("re").compile("hc-officer1"))).to_contain_text("至")  # a certificate

    form = page.locator("section[aria-labelledby=documents] form")
    form.get_by_label("文号格式").fill("{short}第{n}号")  # no {year}, no {code}
    form.get_by_role("button", name="保存文书设置").click()
    error = page.locator("#doc-number_format-error")
    expect(error).to_contain_text("文号格式")
    assert page.get_by_label("文号格式").get_attribute("aria-invalid") == "true"
    assert _settings(live_server)["number_format"] == "{short}{code}字〔{year}〕第{n}号"  # nothing saved

    form = page.locator("section[aria-labelledby=documents] form")
    form.get_by_label("文号格式").fill("")  # the default again
    form.get_by_label("罚款代收机构（银行）").fill("浙江桐庐农村商业银行横村支行")
    form.get_by_label("代收账号").fill("201000123456789")
    form.get_by_role("button", name="保存文书设置").click()
    expect(page.get_by_role("status")).to_contain_text("文书设置已保存")
    saved = _settings(live_server)
    assert saved["payment_bank"] == "浙江桐庐农村商业银行横村支行" and saved["payment_account"] == "201000123456789"
    assert saved["number_format"] == "{short}{code}字〔{year}〕第{n}号"
    screenshot(page, "admin")
    page.context.close()

    officer = new_page(browser, live_server, DESKTOP)
    sign_in(officer, "hc-officer1")
    assert officer.request.get(f"/web/t/{HENGCUN}/admin").status == 403
    assert officer.locator("nav.main").get_by_role("link", name="乡镇管理").count() == 0
    officer.context.close()
