"""Parties are validated with the national checksums (python-stdnum); townships by division code."""

from __future__ import annotations

import datetime as dt

import pytest
from zhifa.core.schemas.people import PartyCreate
from zhifa.core.schemas.townships import TownshipCreate
from zhifa.core.services import parties, townships
from zhifa.core.services.errors import Conflict, Invalid

from .helpers import run, valid_credit_code, valid_resident_id

TOWNSHIP = "330122100"


@pytest.fixture
def township(database_url) -> str:
    run(townships.create_township(TownshipCreate(code=TOWNSHIP, name="横村镇")))
    return TOWNSHIP


def citizen(identifier: str) -> PartyCreate:
    return PartyCreate(kind="citizen", name="张三", identifier=identifier, address="横村大街8号", phone="13905711234")


def test_a_valid_resident_id_number_is_accepted_with_its_birth_date(township):
    party = run(parties.create_party(township, citizen(valid_resident_id(birth="20090605"))))
    assert party.kind == "citizen"
    assert party.birth_date == dt.date(2009, 6, 5)


def test_a_resident_id_number_with_a_wrong_check_digit_is_rejected_clearly(township):
    good = valid_resident_id()
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    with pytest.raises(Invalid) as info:
        run(parties.create_party(township, citizen(bad)))
    assert info.value.code == "identifier.resident_id"
    assert info.value.message == f"居民身份证号码 {bad} 校验码不正确"


def test_a_resident_id_number_of_the_wrong_length_is_rejected(township):
    with pytest.raises(Invalid) as info:
        run(parties.create_party(township, citizen("33012219850312041")))
    assert "长度不正确" in info.value.message


def test_a_valid_credit_code_is_accepted_for_an_organisation(township):
    code = valid_credit_code()
    party = run(parties.create_party(township, PartyCreate(
        kind="organisation", name="杭州富春建设工程有限公司", identifier=code, legal_representative="赵六")))
    assert party.identifier == code
    assert party.legal_representative == "赵六"


def test_a_credit_code_with_a_wrong_check_character_is_rejected_clearly(township):
    good = valid_credit_code()
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    with pytest.raises(Invalid) as info:
        run(parties.create_party(township, PartyCreate(
            kind="organisation", name="某公司", identifier=bad, legal_representative="赵六")))
    assert info.value.code == "identifier.credit_code"
    assert info.value.message == f"统一社会信用代码 {bad} 校验码不正确"


def test_an_organisation_needs_its_legal_representative(township):
    with pytest.raises(Invalid) as info:
        run(parties.create_party(township, PartyCreate(kind="organisation", name="某公司", identifier=valid_credit_code())))
    assert info.value.code == "party.legal_representative_required"


def test_the_same_person_is_registered_once_per_township(township):
    run(parties.create_party(township, citizen(valid_resident_id())))
    with pytest.raises(Conflict):
        run(parties.create_party(township, citizen(valid_resident_id())))


def test_the_same_person_may_be_a_party_in_two_townships(township):
    run(townships.create_township(TownshipCreate(code="330122101", name="分水镇")))
    run(parties.create_party(township, citizen(valid_resident_id())))
    other = run(parties.create_party("330122101", citizen(valid_resident_id())))
    assert run(parties.list_parties("330122101")) == [other]
    assert len(run(parties.list_parties(township))) == 1


@pytest.mark.parametrize("code, reason", [("33012210", "9 位或 12 位"), ("999999100", "不是已知的县级行政区划代码")])
def test_a_township_code_must_be_a_real_division_code(database_url, code, reason):
    with pytest.raises(Invalid) as info:
        run(townships.create_township(TownshipCreate(code=code, name="某镇")))
    assert reason in info.value.message


def test_a_twelve_digit_township_code_is_accepted(database_url):
    township = run(townships.create_township(TownshipCreate(code="330122100000", name="横村镇")))
    assert township.county_code == "330122" and township.county_name == "桐庐县"
