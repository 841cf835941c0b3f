"""Supervisors' findings: the procedure's rules run again on stored cases, imported history included.

Cases carried through the procedure have no findings (their gates held). Cases written straight
into the tables — the way imported history arrives — are checked with the same rules and listed,
with whether the step has an event in the case's log.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import docx
import pytest
from zhifa.core.db.tables import AppUser, Case
from zhifa.core.db.transaction import write_transaction
from zhifa.core.procedure import casefile as cf
from zhifa.core.services import authorisations, events
from zhifa.core.services.demo import load_demo
from zhifa.core.services.findings import FINDINGS, findings
from zhifa.core.services.reports import quarterly_report
from zhifa.core.services.townships import get_township_row

from .helpers import cli, run
from .procedure_helpers import HENGCUN, OFFICERS, ZHONGSHAN, act, clue, d, file_of, party_id

CST = dt.timezone(dt.timedelta(hours=8))
FUMES = "ECO-CF-003"  # entrusted to 横村镇 until 2026-12-31; the shop's ordinary tier is 18,500–36,500
PLAY = "CULTURE-CF-017"  # 横村镇 holds no culture power at all


def imported(township: str, *, field: str, power: str, number: str, filed_on: str, file: cf.CaseFile,
             logged: tuple[str, ...] = ("case_imported",)) -> int:
    """A case row and its events written straight to the tables: no action, no gate."""
    async def write() -> int:
        town = await get_township_row(township)
        async with write_transaction():
            row = Case(township=town["id"], number=number, procedure="general", status="closed", field=field, power=power,
                       source="patrol", summary="历史案件（导入）", found_at=dt.datetime.combine(d(filed_on), dt.time(9), CST),
                       filed_on=d(filed_on), facts=cf.dump(file))
            await row.save()
            for kind in logged:
                await events.append_event(township_id=town["id"], township_code=township, kind=kind, case_id=row.id,
                                          payload={"on": filed_on, "source": "历史数据导入"})
        return row.id

    return run(write())


def _recommendation() -> dict:
    """A real computation for the shop under FUMES, from a case concluded through the procedure."""
    case = clue("ecology", FUMES, "2026-03-02")
    act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id("桐庐县横村镇好味道餐饮店"),
        act_date="2026-03-01")
    act(case, "conclude_investigation", "2026-03-10", "hc-officer1", facts={})
    return file_of(case).proposal.recommendation


@pytest.fixture
def county(database_url):
    run(load_demo())


def _by_case(rows) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for row in rows:
        found.setdefault(row.case_id, set()).add(row.code)
    return found


def test_imported_history_with_one_certified_officer_no_review_and_a_fine_outside_the_tier_is_listed(county):
    recommendation = _recommendation()
    assert recommendation["tier_range"] == {"min": "18500.00", "max": "36500.00"}
    amount = Decimal("6000.00")  # inside the statute (5,000–50,000), below the tier, and no reasons given
    file = cf.CaseFile(
        officers=["hc-officer1", "hc-officer3"],  # officer 3's certificate expired on 2025-06-30
        proposal=cf.Proposal(recommendation=recommendation, amount=amount),
        notice=cf.Notice(served_on=d("2026-02-16"), amount=amount, hearing_offered=True, reply_deadline=d("2026-02-23")),
        rights_waived=True,
        legal_review=cf.Review(reviewer="hc-legal", on=d("2026-03-02"), passed=True, opinion="补审"),  # after the decision
        decision=cf.Decision(kind="penalty", on=d("2026-02-25"), amount=amount, recommendation=recommendation),
        closed_on=d("2026-03-05"),
    )
    case = imported(HENGCUN, field="ecology", power=FUMES, number="横综执立〔2025〕历1号", filed_on="2026-02-02", file=file)

    rows = [r for r in run(findings(township_code=HENGCUN)) if r.case_id == case]
    assert {r.code for r in rows} == {"officers.fewer_than_two", "officers.invalid_certificate",
                                      "decision.no_legal_review", "fine.outside_tier_without_reasons"}
    by_code = {r.code: r for r in rows}
    assert by_code["officers.invalid_certificate"].on == d("2026-02-02")  # checked on the filing date
    assert by_code["officers.invalid_certificate"].rule == "officer.no_valid_certificate"
    assert "执法队员丙" in by_code["officers.invalid_certificate"].message
    assert by_code["decision.no_legal_review"].rule == "decision.legal_review_missing"
    assert by_code["fine.outside_tier_without_reasons"].rule == "penalty.outside_tier_needs_reasons"
    assert "6000.00" in by_code["fine.outside_tier_without_reasons"].message
    assert all(not r.in_event_log and r.title == FINDINGS[r.code] for r in rows)  # no file_case / decide event


def test_a_power_never_authorised_is_listed_even_when_the_log_has_the_steps(county):
    file = cf.CaseFile(officers=OFFICERS, decision=cf.Decision(kind="no_penalty_minor", on=d("2026-02-20")),
                       closed_on=d("2026-02-27"))
    case = imported(HENGCUN, field="culture", power=PLAY, number="横综执立〔2025〕历2号", filed_on="2026-02-10", file=file,
                    logged=("file_case", "decide", "close"))
    rows = [r for r in run(findings(township_code=HENGCUN)) if r.case_id == case]
    assert [(r.code, r.rule, r.on, r.step, r.in_event_log) for r in rows] == [
        ("power.not_authorised", "power.not_authorised", d("2026-02-10"), "file_case", True)]
    # the report shows it among the findings and counts it apart from the authorised powers
    report = run(quarterly_report(HENGCUN, "2026Q1"))
    assert [(f.case_id, f.code) for f in report.findings] == [(case, "power.not_authorised")]
    unauthorised = next(s for s in report.sections if s.basis == "unauthorised")
    assert ([c.id for c in unauthorised.cases], unauthorised.figures.filed) == ([case], 1)


def test_a_withdrawal_does_not_reach_back_to_cases_filed_before_it(county):
    withdrawal = next(a for a in run(authorisations.list_authorisations(ZHONGSHAN)) if a.kind == "withdrawal")
    before, after = withdrawal.valid_from - dt.timedelta(days=19), withdrawal.valid_from + dt.timedelta(days=31)
    officers = ["zs-officer1", "zs-officer2"]
    early = imported(ZHONGSHAN, field="agri", power=withdrawal.power, number="钟综执立〔2025〕历1号",
                     filed_on=before.isoformat(), file=cf.CaseFile(officers=officers))
    late = imported(ZHONGSHAN, field="agri", power=withdrawal.power, number="钟综执立〔2025〕历2号",
                    filed_on=after.isoformat(), file=cf.CaseFile(officers=officers))
    found = _by_case(run(findings(township_code=ZHONGSHAN)))
    assert early not in found
    assert found[late] == {"power.not_authorised"}


def test_cases_carried_through_the_procedure_have_no_findings(county):
    case = clue("urban", "URBAN-CF-013", "2026-03-02")
    act(case, "decide_on_spot", "2026-03-02", "hc-officer1", field="urban", power="URBAN-CF-013", officers=OFFICERS,
        party_id=party_id("张三"), summary="随意倾倒生活垃圾", place="横村大街", act_date="2026-03-02", amount="100.00",
        collect_on_spot=True)
    _recommendation()
    assert run(findings(county_code="330122")) == []


def test_the_county_list_and_the_word_report_show_imported_findings_as_such(county, tmp_path):
    file = cf.CaseFile(officers=["hc-officer1", "hc-aux"], decision=cf.Decision(kind="no_penalty_minor", on=d("2026-02-20")))
    case = imported(HENGCUN, field="urban", power="URBAN-CF-004", number="横综执立〔2025〕历3号", filed_on="2026-02-10",
                    file=file)
    data = json.loads(cli("report", "findings", "--county", "330122", "--json").stdout)
    assert {(r["township_name"], r["case_id"], r["code"]) for r in data} == {
        ("横村镇", case, "officers.fewer_than_two"), ("横村镇", case, "officers.not_enforcement_staff")}
    assert cli("report", "findings", "--township", HENGCUN, "--quarter", "2026Q2", "--json").stdout.strip() == "[]"
    assert "请指定" in cli("report", "findings", ok=False).output

    out = tmp_path / "q1.docx"
    cli("report", "quarterly", "--township", HENGCUN, "--quarter", "2026Q1", "--out", str(out))
    table = next(t for t in docx.Document(str(out)).tables if t.rows[0].cells[0].text == "立案编号"
                 and t.rows[0].cells[1].text == "问题")
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert {(r[0], r[1], r[5]) for r in rows} == {
        ("横综执立〔2025〕历3号", FINDINGS["officers.fewer_than_two"], "导入或直接写入（无办案记录）"),
        ("横综执立〔2025〕历3号", FINDINGS["officers.not_enforcement_staff"], "导入或直接写入（无办案记录）")}


def test_former_staff_are_still_recognised_with_their_certificates(county):
    run(AppUser.update({AppUser.active: False}).where(AppUser.username == "hc-officer2"))
    case = imported(HENGCUN, field="urban", power="URBAN-CF-004", number="横综执立〔2025〕历4号", filed_on="2026-02-10",
                    file=cf.CaseFile(officers=OFFICERS))
    assert _by_case(run(findings(township_code=HENGCUN))).get(case) is None


def test_a_hearing_offered_for_want_of_a_threshold_is_reported_so_the_region_can_configure_one(county):
    # 浙江 has no urban hearing threshold in the catalogue: the notice offered the hearing, and the county is told
    case = clue("urban", "URBAN-CF-013", "2026-03-02")
    act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id("张三"), act_date="2026-03-01")
    act(case, "conclude_investigation", "2026-03-10", "hc-officer1", facts={}, amount="300")
    act(case, "serve_notice", "2026-03-11", "hc-officer1")
    found = [f for f in run(findings(county_code="330122")) if f.case_id == case]
    assert [(f.code, f.step, f.on) for f in found] == [("hearing.threshold_missing", "serve_notice", d("2026-03-11"))]
    assert "未配置" in found[0].message and FINDINGS["hearing.threshold_missing"].startswith("本地区未配置")
