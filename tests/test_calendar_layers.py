"""The working-day calendar never stops the office: layered sources, provisional periods, recomputation.

On 2026-12-03 the official package covers 2004–2026 and the State Council has not published 2027.
These tests hide the package's 2027 data (``sources.official_hidden``) so they keep proving the
same thing after the package publishes it, and set the clock (``today``) to the days they need.
"""

from __future__ import annotations

import datetime as dt

import pytest
from zhifa.core.calendar import sources
from zhifa.core.services import case_search
from zhifa.core.services.cases import case_events
from zhifa.core.services.demo import load_demo

from .helpers import cli, cli_json, run, sibling_module
from .procedure_helpers import HENGCUN, OFFICERS, act, clue, d, file_of
from .publication_helpers import decided_case

BILLBOARD = "URBAN-CF-004"

#: A test fixture, not the law: a plausible 2027 schedule (the real notice is not yet published).
YEAR_2027 = """
year = 2027
source = "测试用假设安排（非真实通知）"
holidays = [2027-01-01, 2027-01-02, 2027-01-03,
            2027-02-05, 2027-02-06, 2027-02-07, 2027-02-08, 2027-02-09, 2027-02-10, 2027-02-11, 2027-02-12,
            2027-04-03, 2027-04-04, 2027-04-05, 2027-05-01, 2027-05-02, 2027-05-03, 2027-05-04, 2027-05-05,
            2027-06-09, 2027-09-15, 2027-10-01, 2027-10-02, 2027-10-03, 2027-10-04, 2027-10-05, 2027-10-06,
            2027-10-07]
workdays = [2027-02-14, 2027-04-25, 2027-09-26, 2027-10-09]
"""


@pytest.fixture
def county(database_url, today):
    today("2026-12-21")
    run(load_demo())
    with sources.official_hidden(2027):
        yield


def _deadline(case_id: int, code: str):
    detail = run(case_search.case_detail(HENGCUN, case_id))
    return next(x for x in detail.deadlines if x.code == code)


def _working_days_of_2027_file(start: dt.date, n: int) -> dt.date:
    """Counted by hand from the fixture above: the n-th working day after ``start``."""
    rest = {dt.date.fromisoformat(x.strip()) for x in YEAR_2027.split("holidays = [")[1].split("]")[0].split(",")}
    work = {dt.date.fromisoformat(x.strip()) for x in YEAR_2027.split("workdays = [")[1].split("]")[0].split(",")}
    day, counted = start, 0
    while counted < n:
        day += dt.timedelta(days=1)
        official_2026 = day.year == 2026 and sources.package_status(day)
        if official_2026 or (day.year == 2027 and (day in work or (day.weekday() < 5 and day not in rest))):
            counted += 1
    return day


def test_a_clue_found_on_2026_12_20_is_filed_with_a_provisional_deadline_that_loading_2027_recomputes(county, tmp_path):
    case = clue("urban", BILLBOARD, "2026-12-20")
    before = _deadline(case, "filing_decision")
    assert before.provisional is True and before.due.year == 2027
    assert "暂定" in cli("case", "show", str(case), "--township", HENGCUN).output

    filed = clue("urban", BILLBOARD, "2026-12-20")  # filing itself needs the period: it answers, no 5xx
    assert act(filed, "file_case", "2026-12-21", "hc-captain", officers=OFFICERS).status == "investigating"

    path = tmp_path / "2027.toml"
    path.write_text(YEAR_2027, encoding="utf-8")
    loaded = cli_json("calendar", "load", str(path), "--actor", "admin")
    after = _deadline(case, "filing_decision")
    assert after.provisional is False
    assert after.due == _working_days_of_2027_file(d("2026-12-20"), 15)
    assert after.due >= before.due  # the provisional limit on the authority was never later
    [event] = [e for e in run(case_events(HENGCUN, case)) if e.kind == "deadline_recomputed"]
    [change] = event.payload["changes"]
    assert (change["code"], change["old"], change["new"]) == ("filing_decision", str(before.due), str(after.due))
    assert "测试用假设安排" in event.payload["source"] and event.payload["by"] == "admin"
    assert {c["case_id"] for c in loaded["recompute"]["changes"]} >= {case}


def test_a_payment_due_date_that_moves_earlier_is_stored_and_the_case_listed_as_newly_overdue(county, tmp_path, today):
    case = decided_case("2026-12-18")
    act(case, "serve_decision", "2026-12-20", "hc-officer1", recipient="张三")
    provisional_due = file_of(case).execution.due
    # 15 days after 2026-12-20 is Monday 2027-01-04, which the notice might still make a rest day:
    # the party's period is counted as if it were one
    assert provisional_due == d("2027-01-05") and _deadline(case, "payment").provisional
    today("2027-01-05")
    path = tmp_path / "2027.toml"
    path.write_text(YEAR_2027, encoding="utf-8")
    report = cli_json("calendar", "load", str(path))["recompute"]
    assert file_of(case).execution.due == d("2027-01-04")
    [overdue] = [c for c in report["newly_overdue"] if c["case_id"] == case]
    assert (overdue["code"], overdue["old"], overdue["new"]) == ("payment", "2027-01-05", "2027-01-04")
    out = cli("calendar", "recompute").output  # nothing provisional is left to move
    assert "0 件的期限有变化" in out


def test_loading_a_year_that_contradicts_the_package_is_refused_naming_the_dates_unless_forced(county, tmp_path):
    path = tmp_path / "2025.toml"
    # 2025's National Day notice without its make-up working days (Sunday 9-28, Saturday 10-11)
    path.write_text('year = 2025\nsource = "国办发明电〔2024〕12号（漏录调休）"\n'
                    "holidays = [2025-01-01, 2025-01-28, 2025-01-29, 2025-01-30, 2025-01-31, 2025-02-03, 2025-02-04,"
                    " 2025-04-04, 2025-05-01, 2025-05-02, 2025-05-05, 2025-06-02, 2025-10-01, 2025-10-02, 2025-10-03,"
                    " 2025-10-06, 2025-10-07, 2025-10-08]\nworkdays = [2025-01-26, 2025-02-08, 2025-04-27]\n",
                    encoding="utf-8")
    refused = cli("calendar", "load", str(path), ok=False)
    assert refused.exit_code == 1
    assert "2025-09-28" in refused.output and "2025-10-11" in refused.output and "--force" in refused.output
    assert cli_json("calendar", "show", "2025", "--json")["source"] == "official"
    forced = cli_json("calendar", "load", str(path), "--force")
    assert forced["forced"] is True and forced["differs"] == ["2025-09-28", "2025-10-11"]
    shown = cli_json("calendar", "show", "2025", "--json")
    assert shown["source"] == "deployment" and shown["loaded_by"] == "cli"
    assert next(x for x in shown["days"] if x["day"] == "2025-09-28")["working"] is False


@pytest.mark.parametrize(("text", "named"), [
    ('year = 2027\nsource = "x"\nholidays = [2027-01-02]\nworkdays = [2027-01-01]', "2027-01-01（元旦）"),
    ('year = 2027\nsource = "x"\nholidays = [2026-12-31]', "不在 2027 年"),
    ('year = 2027\nsource = "x"\nworkdays = [2027-01-04]', "调休上班日应为周六或周日"),
    ('year = 2027\nsource = ""', "source 不能为空"),
    ('year = 2027\nsource = "x"\nextra = 1', "格式有误"),
    ("year = ", "不是有效的 TOML"),
])
def test_a_year_file_with_a_mistake_is_refused_naming_it(county, tmp_path, text, named):
    path = tmp_path / "year.toml"
    path.write_text(text, encoding="utf-8")
    result = cli("calendar", "load", str(path), ok=False)
    assert result.exit_code == 1 and named in result.output and "Traceback" not in result.output


def test_each_day_shows_its_status_and_source_in_the_cli_and_the_api(api, tmp_path):
    with sources.official_hidden(2027):
        _each_day_shows_its_status_and_source(api, tmp_path)


def _each_day_shows_its_status_and_source(api, tmp_path):
    official = cli_json("calendar", "show", "2026", "--json")
    assert official["source"] == "official" and "chinesecalendar" in official["notice"]
    assert next(x for x in official["days"] if x["day"] == "2026-02-14")["working"] is True  # Saturday 调休
    provisional = api.get("/calendar/2027", "hc-officer1")
    assert provisional.status_code == 200, provisional.text
    body = provisional.json()
    assert body["provisional"] is True and body["source"] == "provisional" and len(body["days"]) == 365
    assert next(x for x in body["days"] if x["day"] == "2027-10-01")["note"] == "法定节日"
    assert "暂定" in cli("calendar", "show", "2027").output
    path = tmp_path / "2027.toml"
    path.write_text(YEAR_2027, encoding="utf-8")
    cli("calendar", "load", str(path), "--actor", "admin")
    loaded = api.get("/calendar/2027", "hc-officer1").json()
    assert (loaded["source"], loaded["notice"], loaded["loaded_by"]) == ("deployment", "测试用假设安排（非真实通知）", "admin")
    assert api.get("/calendar/1999", "hc-officer1").status_code == 400
    assert api.get("/calendar/2027").status_code == 401


def test_another_process_sees_a_loaded_year_once_it_rereads_the_table(county, tmp_path, monkeypatch):
    from zhifa.core.services import calendar as calendar_service

    path = tmp_path / "2027.toml"
    path.write_text(YEAR_2027, encoding="utf-8")
    cli("calendar", "load", str(path))
    sources.install([])  # this process as if it had started before the load
    assert sources.year_source(2027) is sources.Source.provisional
    run(calendar_service.refresh(max_age=0))
    assert sources.year_source(2027) is sources.Source.deployment


def test_a_prior_notice_served_in_late_december_prints_its_reply_deadline_marked_provisional(database_url, today):
    from zhifa.core.documents import service

    from .procedure_helpers import party_id
    documents = sibling_module("test_documents")
    SETTINGS, fumes_clue, render = documents.SETTINGS, documents.fumes_clue, documents.render

    today("2026-12-28")
    run(load_demo())
    run(service.configure_documents(HENGCUN, SETTINGS))
    with sources.official_hidden(2027):
        case = fumes_clue("2026-12-14")
        act(case, "file_case", "2026-12-15", "hc-captain", officers=OFFICERS, party_id=party_id("张三"),
            act_date="2026-12-13")
        act(case, "conclude_investigation", "2026-12-21", "hc-officer1", facts={}, amount="20000")
        act(case, "legal_review", "2026-12-22", "hc-legal", passed=True, opinion="事实清楚，证据确凿")
        act(case, "serve_notice", "2026-12-28", "hc-officer1")
        reply = file_of(case).notice.reply_deadline
        notice = render(case, "prior_notice", "2026-12-28")
    printed = f"{reply.year}年{reply.month}月{reply.day}日（暂定）"
    notice.shows(printed)
    assert reply.year == 2027


def test_a_referrals_stored_time_limits_are_recomputed_when_the_year_is_loaded(county, tmp_path):
    send = sibling_module("test_referrals").send

    sent = send("2026-12-21 10:00")
    assert sent.due_note and "暂定" in sent.due_note
    path = tmp_path / "2027.toml"
    path.write_text(YEAR_2027, encoding="utf-8")
    report = cli_json("calendar", "load", str(path))["recompute"]
    from zhifa.core.services import referrals

    after = run(referrals.get_referral(sent.id, actor="hc-admin"))
    assert report["records_changed"] >= 1
    assert after.answer_due_on > sent.answer_due_on and not after.due_note  # the authority's limit was never later
