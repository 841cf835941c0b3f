"""A case from the patrol to the closing, every step through the pages in Chromium (issue 17's done-when).

An auxiliary registers a clue with a photo on a 390 px phone; the captain files it; the officers
conclude the investigation, serve the prior notice and record the waiver; the head decides; the
officers serve the decision and record the payment; the captain closes. Refused steps show the rule's
own Chinese message — the one the API's case detail gives for the same case (read, never acted, over
the API). Screenshots of each main page at 390 px and 1280 px go to tests/artifacts/.
"""

from __future__ import annotations

import re
import struct
import zlib

import httpx
import pytest
from playwright.sync_api import expect

from .web_support import DESKTOP, HENGCUN, PASSWORD, browser, live_server, new_page, screenshot, sign_in  # noqa: F401

pytestmark = pytest.mark.shared_host

FUMES = "ECO-CF-003"  # 餐饮油烟, entrusted to 横村镇 by the county's ecology department
SHOP = "桐庐县横村镇好味道餐饮店"


def _png(width: int = 64, height: int = 48) -> bytes:
    """A small real photo-like PNG (a colour gradient)."""
    rows = b"".join(b"\x00" + b"".join(bytes((x * 4 % 256, y * 5 % 256, 120)) for x in range(width))
                    for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _detail(server, case_id: int, user: str) -> dict:
    """The API's case detail, read (never acted on) to compare the page's refusals with the API's."""
    token = httpx.post(f"{server.url}/auth/login", json={"username": user, "password": PASSWORD}).json()["token"]
    answer = httpx.get(f"{server.url}/townships/{HENGCUN}/cases/{case_id}", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200, answer.text
    return answer.json()


def _act(page, action: str, fill=None, done: str | None = None) -> None:
    """Open the action's form on the case page, fill it in, submit it, and wait for the page's answer."""
    block = page.locator(f"#action-{action}")
    if not block.evaluate("e => (e.closest('details') || e.querySelector('details') || e).open"):
        block.locator("summary").click()  # a form sent back with its errors is open already
    if fill:
        fill(block)
    block.locator("form button[type=submit]").click()
    if done:
        expect(page.get_by_role("status")).to_contain_text(f"「{done}」已完成")


def _open_case(page, case_id: int) -> None:
    page.goto(f"/web/t/{HENGCUN}/cases/{case_id}")
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_a_clue_with_a_photo_goes_from_the_auxiliarys_phone_to_a_closed_case_through_the_pages(
        live_server, browser, today, tmp_path):
    today("2026-03-02")
    photo = tmp_path / "现场.png"
    photo.write_bytes(_png())

    # 协管员, on the phone: the clue with a photo straight from the camera, place and time pre-filled
    aux = new_page(browser, live_server)
    sign_in(aux, "hc-aux")
    aux.get_by_role("link", name="线索登记").first.click()
    expect(aux.get_by_label("地点")).to_have_value("横村镇")
    expect(aux.get_by_label("发现时间")).to_have_value("2026-03-02T10:00")
    camera = aux.locator("input[type=file]")
    assert camera.get_attribute("capture") == "environment" and camera.get_attribute("accept") == "image/*"
    camera.set_input_files(str(photo))
    aux.get_by_label("执法领域").select_option(label="生态环境")
    aux.get_by_label("执法事项（可暂不选）").select_option(value=FUMES)
    aux.get_by_label("发现的情况").fill("好味道餐饮店油烟直排，未安装油烟净化设施")
    aux.get_by_label("地点").fill("横村大街18号")
    screenshot(aux, "clue-form")
    aux.get_by_role("button", name="登记线索").click()
    expect(aux.get_by_role("heading", name="线索已登记")).to_be_visible()
    expect(aux.get_by_text("现场照片1")).to_be_visible()
    assert aux.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
    case_id = int(re.search(r"线索 (\d+)", aux.get_by_role("status").inner_text()).group(1))
    aux.context.close()

    # 执法队长: 立案 from the queue, two officers and the party chosen on the form
    captain = new_page(browser, live_server)
    sign_in(captain, "hc-captain")
    captain.get_by_role("link", name="待我处理").click()
    queued = captain.locator("li", has_text="好味道餐饮店油烟直排")
    expect(queued).to_contain_text("立案")
    screenshot(captain, "queue")
    queued.get_by_role("link").click()
    expect(captain.locator("figure img")).to_be_visible()  # the auxiliary's photo as a thumbnail
    expect(captain.locator("figure .hash")).to_contain_text(re.compile(r"SHA-256 [0-9a-f]{64}"))
    expect(captain.get_by_text("线索核查及立案决定期限", exact=False).first).to_be_visible()

    def file_it(form):
        form.get_by_label("执法队员甲（hc-officer1）").check()
        form.get_by_label("执法队员乙（hc-officer2）").check()
        form.get_by_label("当事人").select_option(label=SHOP)
        form.get_by_label("违法行为发生日期（选填）").fill("2026-03-01")

    _act(captain, "file_case", file_it, done="立案")
    expect(captain.get_by_role("heading", level=1)).to_contain_text("横综执立〔2026〕")
    captain.context.close()

    # 执法队员: 调查终结 with the proposed fine, 事先告知, and the shop's waiver
    officer = new_page(browser, live_server)
    sign_in(officer, "hc-officer1")
    expect(officer.get_by_role("link", name=re.compile("横综执立〔2026〕"))).to_be_visible()  # 我的工作
    screenshot(officer, "work")
    _open_case(officer, case_id)
    expect(officer.locator("#action-conclude_investigation summary")).to_be_visible()
    _act(officer, "conclude_investigation", lambda f: f.get_by_label("金额（元）（选填）").first.fill("20000"),
         done="调查终结")
    expect(officer.locator("#recommendation")).to_be_visible()  # the penalty recommendation explained
    expect(officer.get_by_text("20,000.00 元").first).to_be_visible()
    # the statutory range of 餐饮油烟 (大气污染防治法第一百一十八条第一款: 5,000 to 50,000) and the tier's
    expect(officer.locator("section[aria-labelledby=recommendation]")).to_contain_text("5,000.00 元 至 50,000.00 元")
    officer.context.close()

    # the head, before the notice: 作出决定 is refused with the rule's own words, as the API says
    head = new_page(browser, live_server)
    sign_in(head, "hc-head")
    _open_case(head, case_id)
    api_decide = next(a for a in _detail(live_server, case_id, "hc-head")["next_actions"] if a["action"] == "decide")
    assert api_decide["allowed"] is False
    decide = head.locator("#action-decide")
    expect(decide.locator("button")).to_be_disabled()
    notice = [r for r in api_decide["refusals"] if "notice" in r["code"]]  # 第四十四条: no decision before notice
    assert notice
    for refusal in notice:  # the page shows the rule's own words; the form starts from the proposed amount
        expect(decide).to_contain_text(refusal["message"])
    head.context.close()

    officer = new_page(browser, live_server)
    sign_in(officer, "hc-officer1")
    _open_case(officer, case_id)
    _act(officer, "serve_notice", done="行政处罚事先告知")
    _act(officer, "waive_rights", done="放弃陈述申辩和听证")
    officer.context.close()

    # 负责人: 作出决定
    head = new_page(browser, live_server)
    sign_in(head, "hc-head")
    _open_case(head, case_id)
    _act(head, "decide", lambda f: f.get_by_label("金额（元）（选填）").fill("20000.00"), done="作出决定")
    head.context.close()

    # 执法队员: 送达, then a payment beyond what is owed (refused next to the form), then the payment
    officer = new_page(browser, live_server)
    sign_in(officer, "hc-officer1")
    _open_case(officer, case_id)
    _act(officer, "serve_decision", lambda f: (f.get_by_label("送达方式").select_option("direct"),
                                               f.get_by_label("受送达人").fill("王五")), done="送达决定书")
    expect(officer.get_by_text("罚款缴纳期限", exact=False).first).to_be_visible()
    _act(officer, "record_payment", lambda f: f.get_by_label("金额（元）").fill("30000"))
    payment = officer.locator("#action-record_payment")
    expect(payment.locator(".refusals")).to_contain_text("超过尚欠的 20000.00 元")  # payment.exceeds_owed, the rule's words
    expect(payment.locator(".refusals")).to_be_visible()
    _act(officer, "record_payment", lambda f: (f.get_by_label("金额（元）").fill("20000"),
                                               f.get_by_label("缴款凭证号（选填）").fill("浙非税 0012345")),
         done="缴纳罚款")
    officer.context.close()

    # 队长: 结案; the case is closed and nothing more is offered
    captain = new_page(browser, live_server)
    sign_in(captain, "hc-captain")
    _open_case(captain, case_id)
    _act(captain, "close", done="结案")
    expect(captain.get_by_role("heading", level=1)).to_contain_text("结案")
    timeline = captain.locator("ol.timeline")
    for title in ("立案", "调查终结", "行政处罚事先告知", "放弃陈述申辩和听证", "作出决定", "送达决定书", "缴纳罚款", "结案"):
        expect(timeline).to_contain_text(title)
    screenshot(captain, "case")
    captain.context.close()

    desktop = new_page(browser, live_server, DESKTOP)
    sign_in(desktop, "hc-captain")
    screenshot(desktop, "work")
    _open_case(desktop, case_id)
    screenshot(desktop, "case")
    desktop.goto(f"/web/t/{HENGCUN}/queue")
    screenshot(desktop, "queue")
    desktop.goto(f"/web/t/{HENGCUN}/clues/new")
    screenshot(desktop, "clue-form")
    desktop.context.close()
