"""乡呼县应 referrals to county departments, and the steps after a criminal transfer."""

from __future__ import annotations

import datetime as dt

import pytest
from zhifa.core.db.tables import Township
from zhifa.core.hookspecs import hookimpl
from zhifa.core.registry import get_host
from zhifa.core.rules import Refusal, Refused
from zhifa.core.schemas.people import UserCreate
from zhifa.core.schemas.referrals import ReferralCreate, ReferralRating
from zhifa.core.services import events, people
from zhifa.core.services import referrals as ref
from zhifa.core.services.demo import load_demo
from zhifa.core.services.errors import Conflict, Forbidden, Invalid, NotFound
from zhifa.core.services.judicial import criminal_transfers
from zhifa.core.services.townships import get_township_row

from .helpers import cli_json, run
from .procedure_helpers import HENGCUN, OFFICERS, act, clue, d, file_of, party_id, refused

CST = dt.timezone(dt.timedelta(hours=8))
AMR, ZRGH = "market-county_amr", "urban-zrgh"
MATTER = "横村镇白鹤村一处农贸市场内多家摊位涉嫌销售无合格证明的农产品，需县市场监管局处理"


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=CST)


@pytest.fixture
def county(database_url):
    run(load_demo())
    for username, department in (("amr-clerk", AMR), ("zrgh-clerk", ZRGH)):
        run(people.create_user(UserCreate(username=username, display_name="县直部门联络员", roles=["county_department"],
                                          county_code="330122", department=department)))


def send(when: str = "2025-09-30 10:00", department: str = AMR, actor: str = "hc-admin", **extra):
    data = ReferralCreate(department=department, summary=MATTER, place="横村镇白鹤村", **extra)
    return run(ref.send_referral(HENGCUN, data, actor=actor, at=at(when)))


def test_a_referral_is_accepted_answered_closed_and_rated_with_response_times_in_working_days(county):
    sent = send("2025-09-30 10:00")  # the day before National Day
    assert (sent.number, sent.status, sent.department_name) == ("横综执呼〔2025〕1号", "sent", "桐庐县市场监督管理局")
    # accept within 1 working day, answer within 5 (local policy): 10-1..10-8 are holidays, 10-11 is a make-up day
    assert (sent.accept_due_on, sent.answer_due_on) == (d("2025-10-09"), d("2025-10-14"))

    accepted = run(ref.accept_referral(sent.id, actor="amr-clerk", at=at("2025-10-09 09:00")))
    assert (accepted.accept_working_days, accepted.accept_hours, accepted.accepted_late) == (1, 215.0, False)
    answered = run(ref.answer_referral(sent.id, actor="amr-clerk", answer="已派员核查，对三家摊位立案调查",
                                       at=at("2025-10-11 16:30")))
    assert (answered.answer_working_days, answered.answer_hours, answered.answered_late) == (3, 270.5, False)
    assert answered.answered_by == "amr-clerk" and answered.status == "answered"
    closed = run(ref.close_referral(sent.id, actor="amr-clerk", at=at("2025-10-13 09:00")))
    assert closed.status == "closed"
    rated = run(ref.rate_referral(sent.id, ReferralRating(score=4, comment="响应及时"), actor="hc-head",
                                  at=at("2025-10-13 10:00")))
    assert (rated.rating, rated.rating_comment, rated.status) == (4, "响应及时", "closed")
    assert rated.sent_at == at("2025-09-30 10:00") and rated.sent_at.utcoffset() == dt.timedelta(0)  # stored in UTC

    township = run(get_township_row(HENGCUN))
    kinds = [e.kind for e in run(events.events_of(township["id"])) if e.kind.startswith("referral")]
    assert kinds == ["referral_sent", "referral_accepted", "referral_answered", "referral_closed", "referral_rated"]


def test_late_responses_are_marked_late(county):
    sent = send("2025-09-30 10:00")
    assert run(ref.accept_referral(sent.id, actor="amr-clerk", at=at("2025-10-10 08:30"))).accepted_late is True
    answered = run(ref.answer_referral(sent.id, actor="amr-clerk", answer="已处理", at=at("2025-10-15 17:00")))
    assert (answered.answer_working_days, answered.answered_late) == (6, True)


def test_a_department_sees_and_acts_only_on_referrals_addressed_to_it(county):
    sent = send()
    with pytest.raises(NotFound):
        run(ref.get_referral(sent.id, actor="zrgh-clerk"))
    with pytest.raises(NotFound):
        run(ref.accept_referral(sent.id, actor="zrgh-clerk", at=at("2025-10-09 09:00")))
    assert run(ref.list_referrals(actor="zrgh-clerk")) == []
    assert [r.id for r in run(ref.list_referrals(actor="amr-clerk"))] == [sent.id]
    # another township does not see it either; the county's supervisor does
    assert run(ref.list_referrals(actor="fs-admin")) == []
    with pytest.raises(NotFound):
        run(ref.get_referral(sent.id, actor="fs-admin"))
    assert [r.id for r in run(ref.list_referrals(actor="jiandu"))] == [sent.id]
    # township staff cannot act for the department
    with pytest.raises(Forbidden):
        run(ref.accept_referral(sent.id, actor="hc-head", at=at("2025-10-09 09:00")))


def test_overdue_referrals_are_listed_with_working_days_late(county):
    sent = send("2025-09-30 10:00")
    assert run(ref.overdue_referrals(actor="jiandu", on=d("2025-10-09"))) == []
    [late] = run(ref.overdue_referrals(actor="jiandu", on=d("2025-10-11")))
    assert (late.id, late.problem, late.due_on, late.working_days_overdue) == (sent.id, "accept_overdue", d("2025-10-09"), 2)
    problems = {r.problem: r.working_days_overdue for r in run(ref.overdue_referrals(actor="amr-clerk", on=d("2025-10-15")))}
    assert problems == {"accept_overdue": 5, "answer_overdue": 1}  # 10-10, 10-11 (调休), 10-13, 10-14, 10-15
    assert run(ref.overdue_referrals(actor="zrgh-clerk", on=d("2025-10-15"))) == []
    run(ref.accept_referral(sent.id, actor="amr-clerk", at=at("2025-10-15 09:00")))
    [late] = run(ref.overdue_referrals(actor="hc-admin", on=d("2025-10-15")))
    assert late.problem == "answer_overdue"


def test_the_townships_configured_response_deadlines_apply(county):
    run(Township.update({Township.settings: {"referral": {"accept_days": 2, "answer_days": 10}}}).where(
        Township.code == HENGCUN))
    sent = send("2025-09-30 10:00")
    assert (sent.accept_due_on, sent.answer_due_on) == (d("2025-10-10"), d("2025-10-21"))


def test_a_power_the_township_holds_itself_is_not_a_referral(county):
    with pytest.raises(Invalid) as info:  # 横村镇 holds urban powers by conferral
        send(department="urban-zrgh", field="urban", power="URBAN-CF-001")
    assert info.value.code == "referral.within_powers"
    sent = send(department="ecology-eco", power="ECO-CF-010")  # not entrusted to 横村镇
    assert (sent.field, sent.power) == ("ecology", "ECO-CF-010")


def test_refusals_and_returns_carry_their_reasons(county):
    first, second = send(), send("2025-09-30 11:00")
    with pytest.raises(Invalid):
        run(ref.refuse_referral(first.id, actor="amr-clerk", reason="  ", at=at("2025-10-09 09:00")))
    refused_ = run(ref.refuse_referral(first.id, actor="amr-clerk", reason="属农业农村部门职责", at=at("2025-10-09 09:00")))
    assert (refused_.status, refused_.reason) == ("refused", "属农业农村部门职责")
    with pytest.raises(Conflict):
        run(ref.accept_referral(first.id, actor="amr-clerk", at=at("2025-10-09 10:00")))
    run(ref.accept_referral(second.id, actor="amr-clerk", at=at("2025-10-09 09:00")))
    returned = run(ref.return_referral(second.id, actor="amr-clerk", reason="请补充摊位名单", at=at("2025-10-10 09:00")))
    assert (returned.status, returned.reason, returned.number) == ("returned", "请补充摊位名单", "横综执呼〔2025〕2号")
    with pytest.raises(Invalid):  # a step cannot happen before the referral was sent
        run(ref.refuse_referral(send("2025-10-10 12:00").id, actor="amr-clerk", reason="x", at=at("2025-10-10 11:00")))


def test_only_the_townships_leaders_send_and_rate_and_only_once(county):
    with pytest.raises(Forbidden):
        send(actor="hc-officer1")
    with pytest.raises(NotFound):  # a user of another township cannot send for this one
        send(actor="fs-admin")
    sent = send()
    with pytest.raises(Conflict):  # nothing to rate before the department responded
        run(ref.rate_referral(sent.id, ReferralRating(score=3), actor="hc-admin"))
    run(ref.accept_referral(sent.id, actor="amr-clerk", at=at("2025-10-09 09:00")))
    run(ref.answer_referral(sent.id, actor="amr-clerk", answer="已处理", at=at("2025-10-09 15:00")))
    with pytest.raises(Invalid):
        run(ref.rate_referral(sent.id, ReferralRating(score=6), actor="hc-admin"))
    with pytest.raises(Forbidden):
        run(ref.rate_referral(sent.id, ReferralRating(score=5), actor="amr-clerk"))
    run(ref.rate_referral(sent.id, ReferralRating(score=5), actor="hc-admin"))
    with pytest.raises(Conflict):
        run(ref.rate_referral(sent.id, ReferralRating(score=1), actor="hc-head"))


def test_the_command_line_runs_a_referral_from_sending_to_rating(county):
    sent = cli_json("referral", "send", "--township", HENGCUN, "--department", AMR, "--summary", MATTER,
                    "--actor", "hc-admin", "--at", "2025-09-30 10:00")
    rid = str(sent["id"])
    assert cli_json("referral", "accept", rid, "--actor", "amr-clerk", "--at", "2025-10-09 09:00")["accept_working_days"] == 1
    assert cli_json("referral", "answer", rid, "--text", "已立案调查", "--actor", "amr-clerk",
                    "--at", "2025-10-10 09:00")["answer_working_days"] == 2
    assert cli_json("referral", "close", rid, "--actor", "amr-clerk", "--at", "2025-10-10 10:00")["status"] == "closed"
    assert cli_json("referral", "rate", rid, "--score", "5", "--actor", "hc-head")["rating"] == 5
    [listed] = cli_json("referral", "list", "--actor", "amr-clerk")
    assert listed["number"] == "横综执呼〔2025〕1号"
    assert cli_json("referral", "list", "--actor", "zrgh-clerk") == []
    assert cli_json("referral", "list", "--actor", "hc-admin", "--overdue", "--on", "2025-12-31") == []


# --------------------------------------------------------------------------------------------
# 涉嫌犯罪移送: the police's receipt and decision, the copy to the procuratorate
# --------------------------------------------------------------------------------------------


@pytest.fixture
def transferred(county) -> int:
    case = clue("urban", "URBAN-CF-004", "2026-01-02")
    act(case, "file_case", "2026-01-05", "hc-captain", officers=OFFICERS, party_id=party_id("张三"))
    act(case, "transfer_to_judicial", "2026-01-20", "hc-head", organ="桐庐县公安局", reason="涉嫌非法经营罪")
    return case


def test_the_police_decision_is_recorded_against_its_3_day_deadline_after_the_receipt(transferred):
    case = transferred
    assert refused(case, "record_police_decision", "2026-01-21", "hc-officer1", filed=True) == ["criminal.receipt_missing"]
    # the copy went with the transfer on 01-20, the receipt slip was recorded on 01-21: in that order
    act(case, "copy_to_procuratorate", "2026-01-20", "hc-officer1", procuratorate="桐庐县人民检察院")
    act(case, "record_police_receipt", "2026-01-21", "hc-officer1", received_on="2026-01-20", receipt_no="桐公回〔2026〕8号")
    judicial = file_of(case).judicial
    assert (judicial.received_on, judicial.review_due, judicial.copied_on) == (d("2026-01-20"), d("2026-01-23"), d("2026-01-20"))
    [pending] = run(criminal_transfers(HENGCUN, d("2026-01-23")))
    assert (pending.case_id, pending.problems, pending.copied_to_procuratorate) == (case, [], True)
    [pending] = run(criminal_transfers(HENGCUN, d("2026-01-24")))
    assert pending.problems == ["police_overdue"]

    act(case, "record_police_decision", "2026-01-23", "hc-officer1", filed=True, notice_no="桐公立〔2026〕3号")
    decision = file_of(case).judicial.last_decision
    assert (decision.filed, decision.due, decision.in_time) == (True, d("2026-01-23"), True)
    assert refused(case, "record_police_decision", "2026-01-24", "hc-officer1", filed=False, reason="x") == [
        "criminal.already_decided"]
    assert refused(case, "resume_after_non_filing", "2026-01-24", "hc-head") == ["criminal.not_declined"]


def test_a_non_filing_may_be_contested_within_3_days_then_administrative_handling_resumes(transferred):
    case = transferred
    act(case, "record_police_receipt", "2026-01-20", "hc-officer1")
    assert refused(case, "record_police_decision", "2026-01-26", "hc-officer1", filed=False) == ["criminal.reason_required"]
    act(case, "record_police_decision", "2026-01-26", "hc-officer1", filed=False, reason="情节显著轻微，不构成犯罪")
    assert file_of(case).judicial.last_decision.in_time is False  # due 01-23
    [pending] = run(criminal_transfers(HENGCUN, d("2026-01-26")))
    assert (pending.police_decision, pending.reconsideration_request_due, pending.problems) == (
        "not_filed", d("2026-01-29"), ["copy_missing"])
    assert refused(case, "request_police_reconsideration", "2026-01-30", "hc-head", reason="证据足以认定") == [
        "criminal.reconsideration_late"]
    assert refused(case, "request_police_reconsideration", "2026-01-29", "hc-officer1", reason="证据足以认定") == [
        "role.required"]
    act(case, "request_police_reconsideration", "2026-01-29", "hc-head", reason="证据足以认定非法经营数额较大")
    assert refused(case, "resume_after_non_filing", "2026-01-30", "hc-head") == ["criminal.reconsideration_pending"]
    act(case, "record_police_decision", "2026-02-01", "hc-officer1", filed=False, reason="维持不予立案决定")
    last = file_of(case).judicial.last_decision
    assert (last.on_reconsideration, last.due, last.in_time) == (True, d("2026-02-01"), True)
    resumed = act(case, "resume_after_non_filing", "2026-02-02", "hc-head", reason="依法作出行政处理")
    assert resumed.status == "investigating" and file_of(case).judicial.resumed_on == d("2026-02-02")
    assert run(criminal_transfers(HENGCUN, d("2026-02-02"))) == []


class _NoAnswerWithoutAttachment:
    """A plugin's gate on a referral step, as a field or regional plugin would add one."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    @hookimpl
    def zhifa_check_action(self, context):
        self.seen.append(context.action)
        if context.action == "referral_answer":
            return [Refusal("test.answer_needs_attachment", "答复须附现场处理照片")]
        return None


def test_a_plugin_adds_its_own_gate_to_a_referral_step_as_to_a_case_action(county):
    plugin = _NoAnswerWithoutAttachment()
    host = get_host()
    host.pm.register(plugin, name="test-referral-gate")
    try:
        sent = send("2025-09-30 10:00")
        run(ref.accept_referral(sent.id, actor="amr-clerk", at=at("2025-10-09 09:00")))
        with pytest.raises(Refused) as info:
            run(ref.answer_referral(sent.id, actor="amr-clerk", answer="已到场处理", at=at("2025-10-10 09:00")))
        assert info.value.codes == ["test.answer_needs_attachment"]
        assert run(ref.get_referral(sent.id, actor="hc-admin")).status == "accepted"  # nothing written
        assert plugin.seen == ["referral_accept", "referral_answer"]
    finally:
        host.pm.unregister(name="test-referral-gate")
