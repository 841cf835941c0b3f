"""The county supervisor's dashboard in Chromium (issue 17): it shows the figures the test created —
the same as GET /county/statistics answers — as charts and a table; each township's quarterly report
downloads as Word; another county's township is not reachable; no page of the web app names an
external URL.
"""

from __future__ import annotations

import io
import re

import docx
import httpx
import pytest
from playwright.sync_api import expect

from .api_support import FENSHUI, HENGCUN, Api
from .web_support import DESKTOP, PASSWORD, browser, live_server, new_page, screenshot, sign_in  # noqa: F401

pytestmark = pytest.mark.shared_host

USERS = ("hc-aux", "hc-captain", "fs-aux", "fs-captain", "jiandu")


def _client(server) -> Api:
    client = httpx.Client(base_url=server.url, timeout=30)
    tokens = {u: client.post("/auth/login", json={"username": u, "password": PASSWORD}).json()["token"] for u in USERS}
    return Api(client, tokens)


def _filed(api: Api, township: str, prefix: str, n: int) -> None:
    """``n`` clues filed in the quarter (URBAN-CF-018), over the API."""
    party = api.get(f"/townships/{township}/parties", f"{prefix}-captain").json()[0]["id"]
    for i in range(n):
        case = api.clue("urban", "URBAN-CF-018", "2026-02-02", user=f"{prefix}-aux", township=township,
                        summary=f"占用城市道路 {i}")
        api.act(case, "file_case", "2026-02-03", f"{prefix}-captain", township=township,
                officers=[f"{prefix}-officer1", f"{prefix}-officer2"], party_id=party, act_date="2026-02-01")


def _statistics(api: Api) -> dict[str, dict]:
    rows = api.get("/county/statistics", "jiandu", params={"quarter": "2026Q1"}).json()
    return {r["township"]: r for r in rows}


def test_the_supervisor_sees_the_figures_the_test_created_and_downloads_a_report(live_server, browser, today):
    today("2026-03-20")
    api = _client(live_server)
    before = _statistics(api)
    _filed(api, HENGCUN, "hc", 3)
    _filed(api, FENSHUI, "fs", 1)
    after = _statistics(api)
    assert after[HENGCUN]["figures"]["filed"] == before[HENGCUN]["figures"]["filed"] + 3
    assert after[FENSHUI]["figures"]["filed"] == before[FENSHUI]["figures"]["filed"] + 1

    page = new_page(browser, live_server, DESKTOP)
    sign_in(page, "jiandu")
    page.get_by_role("link", name="执法监督").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("2026年第1季度")
    table = page.locator("table.township-figures")
    for code, row in after.items():
        line = table.get_by_role("row", name=re.compile(row["township_name"]))
        expect(line.locator("td").nth(1)).to_have_text(str(row["figures"]["filed"]))  # 立案
        expect(line.locator("td").nth(0)).to_have_text(str(row["figures"]["clues"]))  # 线索
    # the charts: images with their Chinese names, the bars' values as the statistics say
    filed_chart = page.get_by_role("img", name="各乡镇立案数")
    expect(filed_chart).to_contain_text(f"{after[HENGCUN]['figures']['filed']} 件")
    february = after[HENGCUN]["breakdown"]["by_month"]["2026-02"] + after[FENSHUI]["breakdown"]["by_month"]["2026-02"]
    assert february >= 4
    months = page.get_by_role("img", name="各月立案数（全县）")
    expect(months).to_contain_text("2026年2月")
    for name in ("各领域立案数（全县）", "结案率（本季度立案、季末前结案）", "罚款：决定与收缴（元）", "逾期事项",
                 "乡呼县应：平均答复用时（工作日）"):
        expect(page.get_by_role("img", name=name)).to_be_visible()
    screenshot(page, "county")

    with page.expect_download() as download:
        table.get_by_role("row", name=re.compile("横村镇")).get_by_role("link", name="下载 Word").click()
    report = docx.Document(io.BytesIO(open(download.value.path(), "rb").read()))
    text = "\n".join(p.text for p in report.paragraphs) + "\n".join(c.text for t in report.tables for r in t.rows
                                                                     for c in r.cells)
    assert "横村镇" in text and "2026" in text

    # another county's township (or none) is answered like a missing one; the quarter is checked
    assert page.request.get("/web/county/110101001/report.docx?quarter=2026Q1").status == 404
    assert page.request.get("/web/county?quarter=2026Q9").status == 400
    phone = new_page(browser, live_server)
    sign_in(phone, "jiandu")
    phone.goto("/web/county?quarter=2026Q1")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone, "county")
    phone.context.close()
    page.context.close()


def test_no_page_names_an_external_url(live_server, browser, today):
    """Every page a role opens: each src and href is this server's (government intranets have no Internet)."""
    today("2026-03-20")
    api = _client(live_server)
    _filed(api, HENGCUN, "hc", 1)
    case = api.get(f"/townships/{HENGCUN}/cases", "hc-captain", params={"status": "investigating"}).json()["items"][0]["id"]
    visits = {
        "hc-officer1": ["/web/t/330122100/work", "/web/t/330122100/clues/new", f"/web/t/330122100/cases/{case}"],
        "hc-head": ["/web/t/330122100/queue", f"/web/t/330122100/cases/{case}"],
        "jiandu": ["/web/county", "/web/county?quarter=2026Q1"],
        "hc-admin": ["/web/t/330122100/admin"],
        None: ["/web/login", f"/public/{HENGCUN}", "/schema", "/schema/swagger"],
    }
    seen = 0
    for user, paths in visits.items():
        page = new_page(browser, live_server, DESKTOP)
        if user:
            sign_in(page, user)
        requested: list[str] = []
        page.on("request", lambda r: requested.append(r.url))
        for path in paths:
            answer = page.goto(path)
            assert answer.status == 200, (user, path, answer.status)
            page.wait_for_load_state("networkidle")
            urls = page.evaluate("[...document.querySelectorAll('[src],[href],[action]')]"
                                 ".map(e => e.src || e.href || e.action)")
            outside = [u for u in urls if u and not u.startswith(live_server.url) and not u.startswith(("data:", "#"))]
            assert not outside, (path, outside)
            seen += 1
        assert all(u.startswith((live_server.url, "data:")) for u in requested), [
            u for u in requested if not u.startswith(live_server.url)]
        page.context.close()
    assert seen == sum(len(p) for p in visits.values())
