"""公示: due dates from the official calendar, masking, publishing, withdrawal, take-down, overdue lists."""

from __future__ import annotations

import datetime as dt
import random

import msgspec
import pytest
from zhifa.core.calendar import is_working_day, sources
from zhifa.core.db.tables import Township
from zhifa.core.publication import mask
from zhifa.core.schemas.publication import PublicRecord
from zhifa.core.services import publication as pub
from zhifa.core.services.cases import case_events
from zhifa.core.services.demo import _owner, load_demo, resident_id
from zhifa.core.services.errors import Conflict, Forbidden, Invalid, NotFound
from zhifa.core.services.townships import get_department

from .helpers import cli, cli_json, run, valid_credit_code, valid_resident_id
from .procedure_helpers import FENSHUI, HENGCUN, act, d
from .publication_helpers import PERSONAL_SUMMARY, decided_case, publish_confirmed
from .test_records import _unique_indexes

ZHANG_ID = resident_id("19850312", 41)  # the demo's 张三
ZHANG_PHONE = "13905711234"


@pytest.fixture
def county(database_url):
    run(load_demo())


def queued(case_id: int, township: str = HENGCUN):
    return run(pub.list_publications(township, case_id=case_id))


def settings(township: str, value: dict) -> None:
    run(Township.update({Township.settings: value}).where(Township.code == township))


# --------------------------------------------------------------------------------------------
# Due dates
# --------------------------------------------------------------------------------------------


def test_a_penalty_decision_before_national_day_is_due_7_working_days_later_by_the_official_calendar(county):
    case = decided_case("2025-09-29")
    [entry] = queued(case)
    # 9-30; 10-1..10-8 National Day holiday; 10-9, 10-10, Saturday 10-11 (调休上班), 10-13, 10-14, 10-15
    assert not is_working_day(d("2025-10-08")) and is_working_day(d("2025-10-11"))
    assert (entry.kind, entry.due_days, entry.status, entry.decided_on) == ("penalty", 7, "queued", d("2025-09-29"))
    assert entry.due_on == d("2025-10-15")


def test_a_no_penalty_decision_is_another_decision_due_in_20_working_days(county):
    case = decided_case("2025-09-29", kind="no_penalty_minor")
    [entry] = queued(case)
    assert (entry.kind, entry.due_days, entry.due_on) == ("other", 20, d("2025-11-03"))


def test_a_decision_that_the_facts_were_not_established_is_not_published(county):
    case = decided_case("2025-09-29", kind="no_penalty_unproven")
    assert queued(case) == []


def test_a_townships_configured_period_sets_the_due_date(county):
    settings(HENGCUN, {"periods": {"publication_penalty": 5}})
    [entry] = queued(decided_case("2025-09-29"))
    assert (entry.due_days, entry.due_on) == (5, d("2025-10-13"))


def test_a_due_date_in_a_year_no_notice_covers_yet_is_provisional_and_listed_when_overdue(county, today):
    today("2027-01-06")
    with sources.official_hidden(2027):  # as on 2026-12-03, before the State Council's 2027 notice
        case = decided_case("2026-12-25")
        [entry] = queued(case)
        # 7 working days on the authority's side: the weekend of 26-27 December and 2 January may become
        # make-up working days for 元旦 2027, so they count: 26, 27, 28, 29, 30, 31 December, 2 January
        assert entry.due_on == d("2027-01-02") and "暂定" in entry.due_note
        [overdue] = run(pub.overdue_publications(d("2027-01-04"), county_code="330122"))
    assert (overdue.case_id, overdue.problem, overdue.due_on) == (case, "publication_overdue", d("2027-01-02"))
    assert "暂定" in overdue.note


# --------------------------------------------------------------------------------------------
# Publishing and masking
# --------------------------------------------------------------------------------------------


def test_the_masked_public_record_contains_no_full_id_number_or_phone(county):
    case = decided_case("2025-09-29", summary=PERSONAL_SUMMARY.format(id=ZHANG_ID))
    [entry] = queued(case)
    published = publish_confirmed(entry.id, "2025-10-10")
    page = run(pub.public_page(HENGCUN, d("2025-10-10")))
    text = msgspec.json.encode(page).decode() + msgspec.json.encode(published).decode()
    for secret in (ZHANG_ID, ZHANG_PHONE, "64001234", "张三", "横村大街8号"):
        assert secret not in text
    assert mask.leaks(text) == []
    [record] = page.records
    assert record.party.name == "张*" and record.party.identifier == ZHANG_ID[0] + "*" * 16 + ZHANG_ID[-1]
    assert record.facts.count(mask.PHONE_REMOVED) == 2 and "1234" not in record.facts  # removed, not masked
    assert "在桐庐县横村镇横村大街未经设立登记" in record.facts  # the party's address, house number dropped
    assert record.reasons.startswith("张*拒不改正")
    assert (record.title, record.authority, record.case_number) == ("行政处罚决定", "横村镇人民政府", "横综执立〔2025〕1号")
    assert record.power == "MARKET-CF-001" and "市场主体登记管理条例" in record.legal_basis
    assert record.amount is not None and record.amount > 0 and "罚款" in record.penalties


def test_an_individual_business_shows_its_name_and_code_but_masks_its_operator(county):
    case = decided_case("2025-09-29", power="ECO-CF-003", party="桐庐县横村镇好味道餐饮店")
    [entry] = queued(case)
    record = publish_confirmed(entry.id, "2025-10-09", actor="hc-captain").record
    assert record.party.kind == "individual_business" and record.party.name == "桐庐县横村镇好味道餐饮店"
    assert record.party.identifier.startswith("92330122") and record.party.legal_representative == "王*"
    # an entrusted power is exercised in the entrusting department's name (行政处罚法第20条)
    entrusting = run(get_department("330122", _owner("ecology", "ECO-CF-003")))
    assert record.authority == entrusting.name != "横村镇"


def test_publishing_records_the_day_and_whether_it_was_late(county):
    case = decided_case("2025-09-29")
    [entry] = queued(case)
    assert run(pub.overdue_publications(d("2025-10-15"), township_code=HENGCUN)) == []
    [overdue] = run(pub.overdue_publications(d("2025-10-17"), county_code="330122"))
    assert (overdue.problem, overdue.due_on, overdue.working_days_overdue, overdue.township_name) == (
        "publication_overdue", d("2025-10-15"), 2, "横村镇")
    published = publish_confirmed(entry.id, "2025-10-17")
    assert (published.status, published.published_on, published.published_late) == ("published", d("2025-10-17"), True)
    assert published.display_until == d("2028-10-17")  # 36 months by default
    event = run(case_events(HENGCUN, case))[-1]
    assert event.kind == "publication_published" and event.payload["late"] is True
    assert run(pub.overdue_publications(d("2025-10-17"), county_code="330122")) == []
    with pytest.raises(Conflict):
        run(pub.publish(HENGCUN, entry.id, actor="hc-officer1", on=d("2025-10-18")))


def test_only_the_townships_staff_with_a_publishing_role_publish(county):
    [entry] = queued(decided_case("2025-09-29"))
    with pytest.raises(Forbidden):
        run(pub.publish(HENGCUN, entry.id, actor="hc-aux", on=d("2025-10-09")))
    with pytest.raises(NotFound):
        run(pub.publish(HENGCUN, entry.id, actor="fs-officer1", on=d("2025-10-09")))
    with pytest.raises(NotFound):  # another township does not see the entry at all
        run(pub.publish(FENSHUI, entry.id, actor="fs-officer1", on=d("2025-10-09")))


# --------------------------------------------------------------------------------------------
# Withdrawal and take-down
# --------------------------------------------------------------------------------------------


def test_a_revoked_published_decision_must_be_withdrawn_within_3_working_days(county):
    case = decided_case("2025-09-29")
    [entry] = queued(case)
    publish_confirmed(entry.id, "2025-10-09")
    act(case, "revoke", "2025-10-10", "hc-head", by="桐庐县人民政府", reason="复议决定撤销")
    [entry] = queued(case)
    # Friday 10-10; Saturday 10-11 is a make-up working day, then 10-13 and 10-14
    assert (entry.status, entry.withdraw_requested_on, entry.withdraw_due_on) == (
        "withdrawal_due", d("2025-10-10"), d("2025-10-14"))
    assert "复议决定撤销" in entry.withdraw_reason
    assert len(run(pub.public_page(HENGCUN, d("2025-10-13"))).records) == 1  # still up until withdrawn
    [overdue] = run(pub.overdue_publications(d("2025-10-15"), county_code="330122"))
    assert (overdue.problem, overdue.due_on, overdue.working_days_overdue) == ("withdrawal_overdue", d("2025-10-14"), 1)

    withdrawn = run(pub.withdraw(HENGCUN, entry.id, actor="hc-head", on=d("2025-10-14")))
    assert (withdrawn.status, withdrawn.withdrawn_on, withdrawn.withdrawn_late) == ("withdrawn", d("2025-10-14"), False)
    page = run(pub.public_page(HENGCUN, d("2025-10-14")))
    assert page.records == []
    [notice] = page.withdrawals
    assert (notice.case_number, notice.withdrawn_on) == ("横综执立〔2025〕1号", d("2025-10-14"))
    assert "复议决定撤销" in notice.reason
    assert run(case_events(HENGCUN, case))[-1].kind == "publication_withdrawn"


def test_a_decision_revoked_before_publication_is_cancelled_and_never_published(county):
    case = decided_case("2025-09-29")
    act(case, "revoke", "2025-09-30", "hc-head", by="本机关", reason="发现事实认定错误")
    [entry] = queued(case)
    assert (entry.status, entry.cancelled_on, entry.withdraw_due_on) == ("cancelled", d("2025-09-30"), None)
    assert run(pub.overdue_publications(d("2025-12-31"), county_code="330122")) == []
    with pytest.raises(Conflict):
        run(pub.publish(HENGCUN, entry.id, actor="hc-officer1", on=d("2025-10-09")))


def test_a_changed_decision_is_withdrawn_on_request_with_its_reason(county):
    [entry] = queued(decided_case("2025-09-29"))
    publish_confirmed(entry.id, "2025-10-09")
    with pytest.raises(Invalid):
        run(pub.request_withdrawal(HENGCUN, entry.id, actor="hc-head", reason=" ", on=d("2025-11-03")))
    requested = run(pub.request_withdrawal(HENGCUN, entry.id, actor="hc-head", reason="人民法院判决变更罚款数额",
                                           on=d("2025-11-03")))
    assert (requested.status, requested.withdraw_due_on) == ("withdrawal_due", d("2025-11-06"))
    withdrawn = run(pub.withdraw(HENGCUN, entry.id, actor="hc-captain", on=d("2025-11-07")))
    assert withdrawn.withdrawn_late is True and withdrawn.withdraw_reason == "人民法院判决变更罚款数额"


def test_a_record_past_its_display_period_is_not_shown_and_may_then_be_taken_down(county):
    settings(HENGCUN, {"publication": {"display_months_penalty": 1}})
    [entry] = queued(decided_case("2025-09-29"))
    published = publish_confirmed(entry.id, "2025-10-10")
    assert published.display_until == d("2025-11-10")
    assert len(run(pub.public_page(HENGCUN, d("2025-11-10"))).records) == 1
    assert run(pub.public_page(HENGCUN, d("2025-11-11"))).records == []
    with pytest.raises(Invalid):  # early take-down needs a reason
        run(pub.take_down(HENGCUN, entry.id, actor="hc-officer1", on=d("2025-11-01")))
    taken = run(pub.take_down(HENGCUN, entry.id, actor="hc-officer1", on=d("2025-11-11")))
    assert (taken.status, taken.taken_down_on) == ("taken_down", d("2025-11-11"))


def test_an_unknown_or_invalid_publication_setting_is_refused_clearly():
    from zhifa.core.services.township_settings import procedure_settings

    for wrong in ({"publication": {"display_years": 3}}, {"publication": {"display_months_penalty": 0}}):
        with pytest.raises(Invalid) as info:
            procedure_settings(wrong)
        assert info.value.code == "township.settings"
    assert procedure_settings('{"publication": {"display_months_other": 12}}').publication.display_months_other == 12


# --------------------------------------------------------------------------------------------
# The command line, and the schema
# --------------------------------------------------------------------------------------------


def test_the_command_line_lists_publishes_and_shows_the_public_page(county):
    case = decided_case("2025-09-29", summary=PERSONAL_SUMMARY.format(id=ZHANG_ID))
    [entry] = cli_json("publication", "list", "--township", HENGCUN)
    assert (entry["case_id"], entry["due_on"]) == (case, "2025-10-15")
    [overdue] = cli_json("publication", "list", "--township", HENGCUN, "--overdue", "--on", "2025-10-16")
    assert overdue["problem"] == "publication_overdue"
    publish = ("publication", "publish", str(entry["id"]), "--township", HENGCUN, "--actor", "hc-officer1",
               "--on", "2025-10-15")
    shown = cli(*publish, ok=False)  # without --confirm: the draft is shown, nothing is published
    assert shown.exit_code == 1 and "publication.confirmation_required" in shown.stderr
    assert "张*" in shown.stdout and "核对码" in shown.stdout and ZHANG_ID not in shown.stdout
    assert cli_json("publication", "list", "--township", HENGCUN)[0]["status"] == "queued"
    draft = cli_json("publication", "draft", str(entry["id"]), "--township", HENGCUN, "--actor", "hc-officer1",
                     "--on", "2025-10-15")
    assert draft["digest"] in shown.stderr.replace("\n", "") and draft["record"]["party"]["name"] == "张*"
    published = cli_json(*publish, "--confirm", draft["digest"])
    assert published["status"] == "published" and published["published_late"] is False
    html = cli("publication", "page", "--township", HENGCUN, "--on", "2025-10-16", "--html").stdout
    assert "横村镇" in html and "张*" in html and ZHANG_ID not in html and ZHANG_PHONE not in html
    withdrawn = cli_json("publication", "withdraw", str(entry["id"]), "--township", HENGCUN, "--actor", "hc-head",
                         "--reason", "本机关撤销", "--on", "2025-10-20")
    assert withdrawn["status"] == "withdrawn"
    refused = cli(*publish, "--confirm", draft["digest"], ok=False)
    assert refused.exit_code == 1 and "publication.not_queued" in refused.stderr


def test_publications_and_referrals_have_township_scoped_unique_keys(database_url):
    indexes = run(_unique_indexes())
    assert sorted(indexes["publication"][0]) == ["case", "decided_on", "township"]
    assert sorted(indexes["referral"][0]) == ["number", "township"]


# --------------------------------------------------------------------------------------------
# Masking rules (pure)
# --------------------------------------------------------------------------------------------


def test_names_keep_only_their_first_character():
    assert [mask.mask_name(n) for n in ("张三", "欧阳小明", "李", "")] == ["张*", "欧***", "*", ""]


def test_addresses_stop_at_road_or_village_level():
    assert mask.coarse_address("桐庐县横村镇振兴路66号3幢201室") == "桐庐县横村镇振兴路"
    assert mask.coarse_address("桐庐县分水镇新龙路12号") == "桐庐县分水镇新龙路"
    assert mask.coarse_address("桐庐县钟山乡歌舞村三组") == "桐庐县钟山乡歌舞村"
    assert mask.coarse_address("桐庐县横村镇白鹤村") == "桐庐县横村镇白鹤村"


def test_organisations_are_published_by_name_code_and_legal_representative():
    code = valid_credit_code()
    party = mask.public_party("organisation", "杭州富春建设工程有限公司", code, "赵六")
    assert (party.kind, party.name, party.identifier, party.legal_representative) == (
        "organisation", "杭州富春建设工程有限公司", code, "赵六")
    sole = mask.public_party("organisation", "桐庐县王五水果店", valid_credit_code("92330122MA2H0Y5X0"), "王五")
    assert (sole.kind, sole.name, sole.legal_representative) == ("individual_business", "桐庐县王*水果店", "王*")


@pytest.mark.parametrize("written", [
    "身份证号330122198503120417",
    "身份证号3301\u200b2219850312\u200d0417",  # zero-width characters between the digits
    "身份证号三三〇一二二一九八五〇三一二〇四一七",  # in Chinese numerals
    "身份证号３３０１２２１９８５０３１２０４１７",  # full-width
    "身份证号3301 2219 8503 1204 17",
])
def test_an_id_number_is_masked_however_it_is_written(written):
    scrubbed = mask.scrub_text(written)
    assert "0417" not in scrubbed and "〇四一七" not in scrubbed and mask.leaks(scrubbed) == []
    assert mask.leaks(written) != []


@pytest.mark.parametrize("written", ["13905711234", "139.0571.1234", "139·0571·1234", "139 0571 1234",
                                     "1\u200b3905711234", "幺三九〇五七幺幺二三四", "0571-64001234", "（0571）64001234",
                                     "电话：64001234"])
def test_a_phone_number_is_removed_from_published_text_not_partly_masked(written):
    scrubbed = mask.scrub_text(f"联系人手机{written}，请回电")
    assert mask.PHONE_REMOVED in scrubbed and not any(ch.isdigit() for ch in scrubbed), scrubbed
    assert mask.leaks(scrubbed) == []


def test_house_numbers_in_free_text_are_masked():
    assert mask.scrub_numbers("在振兴路66号3幢201室门前") == "在振兴路**号**幢**室门前"


def test_document_numbers_and_amounts_survive_scrubbing():
    text = "依据横综执罚决〔2025〕12号，处罚款37000.00元，依据国务院令第310号"
    assert mask.scrub_numbers(text) == text


def _random_id(rng: random.Random) -> str:
    birth = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(30000))
    return valid_resident_id(f"{rng.randrange(110000, 660000)}", birth.strftime("%Y%m%d"), rng.randrange(1000))


def _random_phone(rng: random.Random) -> tuple[str, str]:
    mobile = f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
    separated = rng.choice([mobile, f"{mobile[:3]}-{mobile[3:7]}-{mobile[7:]}", f"{mobile[:3]} {mobile[3:7]} {mobile[7:]}",
                            f"+86{mobile}", f"86-{mobile}"])
    return mobile, separated


def test_no_id_number_or_phone_survives_scrubbing_in_thousands_of_random_texts():
    rng = random.Random(20251001)
    fillers = ["当事人", "，联系电话", "。身份证：", "住", "（", "）", "ID", "Tel:", "号码", "于2025年10月9日", "罚款5000元"]
    for _ in range(3000):
        person_id, (mobile, written) = _random_id(rng), _random_phone(rng)
        if rng.random() < 0.3:  # full-width digits, lower-case x
            person_id = person_id.translate(str.maketrans("0123456789X", "０１２３４５６７８９ｘ"))
        area = rng.choice(["0571", "010", "021", "0755"])
        landline = f"{area}{rng.choice(['-', '', ' '])}{rng.randrange(10**7, 10**8)}"
        parts = [person_id, written, landline] + rng.sample(fillers, 4)
        rng.shuffle(parts)
        text = "".join(parts)
        scrubbed = mask.scrub_text(text)
        plain_id = person_id.translate(str.maketrans("０１２３４５６７８９ｘ", "0123456789x"))
        assert plain_id.upper() not in scrubbed.upper(), text
        assert mobile not in scrubbed.replace("-", "").replace(" ", ""), text
        assert landline[-7:] not in scrubbed, text
        assert mask.leaks(scrubbed) == [], text


def test_the_public_record_shape_round_trips_through_json():
    record = PublicRecord(
        publication_id=1, township="横村镇", authority="横村镇", case_number=None, decision_kind="penalty", title="行政处罚决定",
        decided_on=d("2025-09-29"), party=mask.public_party("citizen", "张三", ZHANG_ID, None), field="市场监管", power=None,
        power_name="", legal_basis="", facts="", place="", penalties=[], amount=None, reasons="",
        published_on=d("2025-10-09"), display_until=d("2028-10-09"))
    assert msgspec.json.decode(msgspec.json.encode(record), type=PublicRecord) == record
