"""Filing and investigation gates, each allowing and refusing at its boundary."""

from __future__ import annotations

import pytest
from zhifa.core.calendar import add_working_days
from zhifa.core.services.cases import get_case
from zhifa.core.services.demo import load_demo

from .helpers import run
from .procedure_helpers import HENGCUN, OFFICERS, act, clue, d, file_of, party_id, refused

BILLBOARD = "URBAN-CF-004"


@pytest.fixture
def county(database_url):
    run(load_demo())


def test_filing_needs_two_officers_with_certificates_valid_that_day(county):
    # hc-officer3's certificate ran until 2025-06-30
    case = clue("urban", BILLBOARD, "2025-06-20")
    assert refused(case, "file_case", "2025-07-01", "hc-captain", officers=["hc-officer1", "hc-officer3"]) == [
        "officer.no_valid_certificate", "officer.fewer_than_two"]
    filed = act(case, "file_case", "2025-06-30", "hc-captain", officers=["hc-officer1", "hc-officer3"])
    assert filed.status == "investigating" and filed.number == "横综执立〔2025〕1号"


def test_auxiliary_staff_never_count_as_officers(county):
    case = clue("urban", BILLBOARD, "2026-03-02")
    codes = refused(case, "file_case", "2026-03-03", "hc-captain", officers=["hc-officer1", "hc-aux"])
    assert codes == ["officer.auxiliary", "officer.fewer_than_two"]


def test_only_an_approver_files_a_case(county):
    case = clue("urban", BILLBOARD, "2026-03-02")
    assert refused(case, "file_case", "2026-03-03", "hc-officer1", officers=OFFICERS) == ["role.required"]


def test_filing_needs_a_power_authorised_to_the_township_that_day(county):
    # 横村镇 holds three ecology powers by entrustment until 2026-12-31 — not this one
    power = "ECO-CF-006"  # 施工扬尘: not among its three
    case = clue("ecology", None, "2026-03-02")
    codes = refused(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, power=power)
    assert codes == ["power.not_authorised"]


def test_filing_within_fifteen_working_days_of_finding_the_clue(county):
    found = d("2025-09-26")  # across the National Day holiday
    last = add_working_days(found, 15)
    late = add_working_days(found, 16)
    case = clue("urban", BILLBOARD, str(found))
    assert refused(case, "file_case", str(late), "hc-captain", officers=OFFICERS) == ["filing.deadline_passed"]
    assert act(case, "file_case", str(last), "hc-captain", officers=OFFICERS).status == "investigating"


def test_an_approved_extension_allows_filing_fifteen_working_days_later(county):
    found = d("2026-03-02")
    case = clue("urban", BILLBOARD, str(found))
    act(case, "approve_filing_extension", "2026-03-10", "hc-captain", reason="需要勘验")
    on = add_working_days(add_working_days(found, 15), 15)
    assert act(case, "file_case", str(on), "hc-captain", officers=OFFICERS).status == "investigating"


def test_an_act_discovered_more_than_two_years_later_is_not_filed(county):
    case = clue("urban", BILLBOARD, "2026-03-02")
    codes = refused(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, act_date="2024-03-01")
    assert codes == ["case.limitation_expired"]
    case = clue("urban", BILLBOARD, "2026-03-02")
    assert act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, act_date="2024-03-02").status == "investigating"


def test_case_numbers_run_per_township_and_year_without_gaps(county):
    numbers = []
    for _ in range(3):
        case = clue("urban", BILLBOARD, "2026-03-02")
        numbers.append(act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS).number)
    rejected = clue("urban", BILLBOARD, "2026-03-02")
    refused(rejected, "file_case", "2026-03-03", "hc-captain", officers=["hc-officer1"])  # refused: takes no number
    case = clue("urban", BILLBOARD, "2026-03-02")
    numbers.append(act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS).number)
    assert numbers == [f"横综执立〔2026〕{n}号" for n in (1, 2, 3, 4)]


@pytest.fixture
def filed(county) -> int:
    case = clue("urban", BILLBOARD, "2025-09-22")
    act(case, "file_case", "2025-09-24", "hc-captain", officers=OFFICERS, party_id=party_id("张三"))
    return case


def test_evidence_preservation_is_decided_within_seven_working_days(filed):
    act(filed, "preserve_evidence", "2025-09-26", "hc-head", items="广告牌一块")
    seventh = add_working_days(d("2025-09-26"), 7)  # National Day falls inside
    assert str(seventh) == "2025-10-13"  # 9-28 and 10-11 are make-up working days
    assert refused(filed, "decide_preserved_evidence", "2025-10-14", "hc-head", decision="退还") == ["preservation.late"]
    act(filed, "decide_preserved_evidence", str(seventh), "hc-head", decision="退还")
    assert file_of(filed).preservations[0].decided_on == seventh


def test_evidence_preservation_needs_the_heads_approval(filed):
    assert refused(filed, "preserve_evidence", "2025-09-26", "hc-officer1", items="广告牌") == ["role.required"]


def test_no_seizure_under_an_entrusted_power(county):
    case = clue("ecology", "ECO-CF-003", "2026-03-02")
    act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS)
    assert refused(case, "seize", "2026-03-04", "hc-head", coercive_power="ECO-QZ-001", items="油烟设备") == [
        "coercion.entrusted", "coercive.not_authorised"]


def test_seizure_under_a_conferred_power_lasts_at_most_thirty_days_extendable_once(filed):
    site = {"coercive_power": "URBAN-QZ-001", "kind": "seal", "items": "临时建设施工现场"}  # 城乡规划法第六十八条
    assert refused(filed, "seize", "2025-09-26", "hc-head", days=31, **site) == ["seizure.too_long"]
    act(filed, "seize", "2025-09-26", "hc-head", days=30, **site)
    act(filed, "extend_seizure", "2025-10-20", "hc-head", days=30)
    assert refused(filed, "extend_seizure", "2025-11-20", "hc-head", days=10) == ["seizure.extension"]


def test_a_recused_officer_can_no_longer_act_and_two_certified_officers_remain_required(filed):
    act(filed, "recuse", "2025-09-25", "hc-head", officer="hc-officer2", reason="系当事人近亲属")
    codes = refused(filed, "conclude_investigation", "2025-09-30", "hc-officer2", facts={})
    assert "officer.recused" in codes and "officer.fewer_than_two" in codes


def test_an_action_in_the_wrong_state_names_the_state(filed):
    codes = refused(filed, "serve_decision", "2025-09-30", "hc-officer1", recipient="张三")
    assert codes == ["case.wrong_state"]


def test_a_stale_version_is_a_conflict_and_nothing_is_lost(filed):
    from zhifa.core.services.errors import Conflict
    from zhifa.core.services.procedure import perform

    version = run(get_case(HENGCUN, filed)).version
    act(filed, "preserve_evidence", "2025-09-26", "hc-head", items="广告牌")
    with pytest.raises(Conflict):
        run(perform(HENGCUN, filed, "seize", {"coercive_power": "URBAN-QZ-001", "kind": "seal", "items": "施工现场"},
                    actor="hc-head", on=d("2025-09-26"),
                    expected_version=version))
    assert len(file_of(filed).preservations) == 1 and file_of(filed).seizures == []
