"""The quarterly case report (案件报告) and statistics: figures match what the test itself did.

横村镇 gets, in 2026Q1, cases with known outcomes — two entrusted ecology fines (one paid and
closed, one part-paid and overdue), a conferred case terminated, an on-the-spot fine filed with
the authority, a clue not filed — plus a case filed in 2025 that ran past the 90-day clock and one
filed in Q2, and referrals answered on time, late and not at all. Every expected figure below is
written from those steps, not computed by the service.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal

import docx
import pytest
from zhifa.core.registry import get_host
from zhifa.core.reports.quarterly_docx import DEPARTMENT_COLUMNS, render
from zhifa.core.reports.quarters import InvalidQuarter, parse_quarter
from zhifa.core.schemas.people import UserCreate
from zhifa.core.schemas.referrals import ReferralCreate
from zhifa.core.services import people, publication
from zhifa.core.services import referrals as ref
from zhifa.core.services.demo import load_demo
from zhifa.core.services.errors import Invalid
from zhifa.core.services.reports import quarterly_report, statistics

from .helpers import cli, run
from .procedure_helpers import HENGCUN, OFFICERS, act, clue, party_id
from .publication_helpers import publish_confirmed

CST = dt.timezone(dt.timedelta(hours=8))
FUMES, BILLBOARD, LITTER = "ECO-CF-003", "URBAN-CF-004", "URBAN-CF-013"
SHOP, ZHANG = "桐庐县横村镇好味道餐饮店", "张三"
AMR = "market-county_amr"
Q1 = parse_quarter("2026Q1")


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=CST)


def _fine_case(pay: str, paid_on: str, close_on: str | None) -> int:
    """餐饮油烟 (entrusted): filed 03-03, fined 20,000 on 03-12, served 03-13 (payment due 03-30)."""
    case = clue("ecology", FUMES, "2026-03-02")
    act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id(SHOP), act_date="2026-03-01")
    act(case, "conclude_investigation", "2026-03-10", "hc-officer1", facts={}, amount="20000.00")
    act(case, "serve_notice", "2026-03-11", "hc-officer1")
    act(case, "waive_rights", "2026-03-11", "hc-officer1")
    act(case, "decide", "2026-03-12", "hc-head", amount="20000.00")
    act(case, "serve_decision", "2026-03-13", "hc-officer1", method="direct", recipient="王五")
    act(case, "record_payment", paid_on, "hc-officer1", amount=pay, receipt="银行缴款回执")
    if close_on:
        act(case, "close", close_on, "hc-captain")
    return case


def _referrals() -> None:
    run(people.create_user(UserCreate(username="amr-clerk", display_name="县直部门联络员", roles=["county_department"],
                                      county_code="330122", department=AMR)))

    def send(when: str) -> int:
        data = ReferralCreate(department=AMR, summary="农贸市场摊位涉嫌销售无合格证明的农产品", place="横村镇白鹤村")
        return run(ref.send_referral(HENGCUN, data, actor="hc-admin", at=at(when))).id

    on_time, late = send("2026-03-02 10:00"), send("2026-03-16 10:00")
    send("2026-03-25 10:00")  # not answered by the end of the quarter
    send("2026-04-07 10:00")  # the next quarter
    run(ref.accept_referral(on_time, actor="amr-clerk", at=at("2026-03-03 09:00")))
    run(ref.answer_referral(on_time, actor="amr-clerk", answer="已派员核查", at=at("2026-03-05 16:00")))  # 3 working days, 78 h
    run(ref.accept_referral(late, actor="amr-clerk", at=at("2026-03-17 09:00")))
    run(ref.answer_referral(late, actor="amr-clerk", answer="已立案", at=at("2026-03-30 10:00")))  # 10 working days, 336 h


@pytest.fixture
def quarter_cases(database_url) -> dict[str, int]:
    run(load_demo())
    cases: dict[str, int] = {}
    cases["paid"] = _fine_case("20000.00", "2026-03-20", close_on="2026-03-23")
    cases["part_paid"] = _fine_case("5000.00", "2026-03-25", close_on=None)
    # published on time; the part-paid case's decision is never published (due 03-23)
    queued = run(publication.list_publications(HENGCUN, case_id=cases["paid"]))
    publish_confirmed(queued[0].id, dt.date(2026, 3, 13))

    cases["terminated"] = clue("urban", BILLBOARD, "2026-03-02")
    act(cases["terminated"], "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id(ZHANG),
        act_date="2026-03-01")
    act(cases["terminated"], "terminate", "2026-03-10", "hc-head", reason="违法事实不能成立")

    cases["on_spot"] = clue("urban", LITTER, "2026-03-02")
    act(cases["on_spot"], "decide_on_spot", "2026-03-02", "hc-officer1", field="urban", power=LITTER, officers=OFFICERS,
        party_id=party_id(ZHANG), summary="随意倾倒生活垃圾", place="横村大街", act_date="2026-03-02", amount="100.00",
        collect_on_spot=True)
    act(cases["on_spot"], "file_with_authority", "2026-03-03", "hc-officer1")

    cases["not_filed"] = clue("urban", BILLBOARD, "2026-03-02")
    act(cases["not_filed"], "decline_filing", "2026-03-05", "hc-captain", reason="广告牌已取得设置许可")

    cases["old_overdue"] = clue("urban", BILLBOARD, "2025-11-28")  # filed 2025-12-01: the clock ran out about 03-01
    act(cases["old_overdue"], "file_case", "2025-12-01", "hc-captain", officers=OFFICERS, party_id=party_id(ZHANG),
        act_date="2025-11-27")

    cases["next_quarter"] = clue("urban", BILLBOARD, "2026-04-02")
    act(cases["next_quarter"], "file_case", "2026-04-03", "hc-captain", officers=OFFICERS, party_id=party_id(ZHANG),
        act_date="2026-04-01")
    _referrals()
    return cases


def _ecology_department() -> tuple[str, str]:
    from zhifa.core.db.tables import Department

    code = f"ecology-{get_host().registry.powers[FUMES].department}"  # the power's owner entrusts it (demo county)
    row = run(Department.select(Department.name).where(Department.code == code).first())
    return code, row["name"]


def test_the_quarterly_report_for_a_demo_township_matches_counts_computed_from_the_cases_made(quarter_cases):
    report = run(quarterly_report(HENGCUN, "2026Q1"))
    f = report.figures
    assert (report.quarter.start, report.quarter.end, report.as_of) == (dt.date(2026, 1, 1), dt.date(2026, 3, 31),
                                                                         dt.date(2026, 3, 31))
    # clues found in Q1: paid, part_paid, terminated, on_spot, not_filed
    assert f.clues == 5
    # filed in Q1: paid, part_paid, terminated, on_spot (old_overdue in 2025, next_quarter in Q2, not_filed never)
    assert f.filed == 4
    assert (f.decided, f.penalties) == (3, 3)  # two 20,000 fines and the 100-yuan on-the-spot fine
    assert f.fines_decided == Decimal("40100.00")
    assert f.fines_collected == Decimal("25100.00")  # 20,000 + 5,000 + 100
    assert f.closed == 2  # paid (03-23), on_spot (filed with the authority 03-03)
    assert f.pending == 2  # part_paid (executing), old_overdue (investigating)
    assert f.closure_rate == Decimal("50.0")  # of the 4 filed, 2 closed by 03-31
    assert f.avg_days_to_decision == Decimal("9.0")  # both general cases: 03-03 → 03-12
    assert f.avg_days_to_close == Decimal("10.5")  # paid 03-03 → 03-23, on_spot 03-02 → 03-03: (20 + 1) / 2

    b = report.breakdown
    assert b.by_field == {"ecology": 2, "urban": 2}
    assert b.by_source == {"patrol": 4}
    assert b.by_procedure == {"general": 3, "simple": 1}
    assert b.by_outcome == {"penalty": 3, "terminated": 1, "not_filed": 1}

    o = report.overdue
    assert (o.decision_clock, o.decided_late, o.publication, o.payment) == (1, 0, 1, 1)
    assert o.unpaid == Decimal("15000.00")
    by_problem = {i.problem: i for i in o.items}
    assert by_problem["decision_clock"].case_id == quarter_cases["old_overdue"]
    assert by_problem["publication"].case_id == quarter_cases["part_paid"]
    # 15 days from service on 03-13 end on Saturday 03-28: the period runs to Monday 03-30
    assert (by_problem["payment"].case_id, by_problem["payment"].due) == (quarter_cases["part_paid"], dt.date(2026, 3, 30))

    r = report.referrals
    assert (r.sent, r.accepted, r.answered, r.answered_late, r.pending) == (3, 2, 2, 1, 1)
    assert (r.avg_accept_working_days, r.avg_answer_working_days, r.avg_answer_hours) == (
        Decimal("1.0"), Decimal("6.5"), Decimal("207.0"))

    code, name = _ecology_department()
    sections = {(s.basis, s.department): s for s in report.sections}
    ecology = sections[("entrusted", code)]
    assert ecology.name == name
    assert (ecology.figures.filed, ecology.figures.decided, ecology.figures.closed, ecology.figures.pending) == (2, 2, 1, 1)
    assert (ecology.figures.fines_decided, ecology.figures.fines_collected) == (Decimal("40000.00"), Decimal("25000.00"))
    assert {c.id for c in ecology.cases} == {quarter_cases["paid"], quarter_cases["part_paid"]}
    own = sections[("conferred", None)]
    assert (own.name, own.figures.filed, own.figures.decided, own.figures.pending) == ("横村镇", 2, 1, 1)
    assert own.figures.fines_collected == Decimal("100.00")
    assert report.findings == []  # everything went through the procedure's gates


def _tables(document) -> dict[str, list[list[str]]]:
    """Tables by their first header cell (the first table wins: the township's figures come first)."""
    found: dict[str, list[list[str]]] = {}
    for table in document.tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        found.setdefault(rows[0][0], rows)
    return found


def test_the_word_report_carries_the_same_figures_per_entrusting_department(quarter_cases, tmp_path):
    out = tmp_path / "report.docx"
    result = cli("report", "quarterly", "--township", HENGCUN, "--quarter", "2026Q1", "--out", str(out))
    assert "已生成" in result.stdout
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "横村镇行政执法案件报告" in text and "2026年第一季度" in text
    tables = _tables(document)
    figures = dict(tables["项目"][1:])
    assert (figures["立案"], figures["作出决定"], figures["结案"], figures["季末未结"]) == ("4", "3", "2", "2")
    assert (figures["罚款决定金额（元）"], figures["罚款收缴金额（元）"]) == ("40100.00", "25100.00")
    assert figures["结案率（本季度立案至季末已结案）"] == "50.0%"
    assert tables["委托部门"][0] == DEPARTMENT_COLUMNS
    _, name = _ecology_department()
    departments = {row[0]: row[1:] for row in tables["委托部门"][1:]}
    assert departments.pop(name) == ["2", "2", "40000.00", "25000.00", "1", "1"]
    # the other department entrusting ecology powers to 横村镇 in the quarter is reported on with no cases
    assert list(departments.values()) == [["0", "0", "0.00", "0.00", "0", "0"]]
    names = {code: get_host().registry.catalogues[code].field.name for code in ("urban", "ecology")}
    assert dict(tables["领域"][1:]) == {names["ecology"]: "2", names["urban"]: "2"}
    assert dict(tables["处理结果（本季度作出）"][1:]) == {"给予行政处罚": "3", "不予立案": "1", "终止调查": "1"}
    assert "未发现问题。" in text


def test_the_json_report_and_one_department_only(quarter_cases, tmp_path):
    code, name = _ecology_department()
    result = cli("report", "quarterly", "--township", HENGCUN, "--quarter", "2026q1", "--department", code, "--json")
    data = json.loads(result.stdout)
    assert [s["name"] for s in data["sections"]] == [name]
    assert data["figures"]["filed"] == 4 and data["figures"]["fines_collected"] == "25100.00"
    assert not list(tmp_path.glob("*.docx"))  # --json without --out writes no file


def test_a_report_while_the_quarter_runs_counts_overdue_cases_as_of_today(quarter_cases):
    report = run(quarterly_report(HENGCUN, "2026Q1", as_of=dt.date(2026, 3, 20)))
    assert report.as_of == dt.date(2026, 3, 20)
    # on 03-20 the old case was overdue; nothing was yet due for publication (03-23) or payment (03-30)
    assert (report.overdue.decision_clock, report.overdue.publication, report.overdue.payment) == (1, 0, 0)


def test_statistics_list_every_township_of_the_county(quarter_cases):
    rows = run(statistics("2026Q1", county_code="330122"))
    assert [r.township for r in rows] == ["330122100", "330122101", "330122200"]
    hengcun = rows[0]
    assert (hengcun.figures.filed, hengcun.figures.decided, hengcun.findings) == (4, 3, 0)
    assert all(r.figures.filed == 0 for r in rows[1:])


def test_a_quarter_is_named_like_2026Q3_and_anything_else_is_refused(database_url):
    q = parse_quarter("2026Q3")
    assert (q.start, q.end, q.title) == (dt.date(2026, 7, 1), dt.date(2026, 9, 30), "2026年第三季度")
    assert parse_quarter("2025-q4").end == dt.date(2025, 12, 31)
    for bad in ("2026Q5", "2026", "Q3-2026"):
        with pytest.raises(InvalidQuarter):
            parse_quarter(bad)
    with pytest.raises(Invalid):
        run(quarterly_report(HENGCUN, "2026Q0"))
    assert "格式无效" in cli("report", "quarterly", "--township", HENGCUN, "--quarter", "26Q1", ok=False).output


def test_rendering_needs_no_database_beyond_the_report(quarter_cases):
    report = run(quarterly_report(HENGCUN, "2026Q1"))
    document = docx.Document(io.BytesIO(render(report)))
    assert len(document.tables) > 5
