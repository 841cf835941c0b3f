"""查封 / 扣押 (行政强制法第九条、第十条、第十七条) through the procedure service, on both engines: a seizure names
the coercive power (-QZ-) it is taken under; the township holds it that day, not by entrustment, it is of the
case's field, and its catalogue entry provides the measure."""

from __future__ import annotations

import datetime as dt

import pytest
from zhifa.core.schemas.townships import AuthorisationCreate
from zhifa.core.services import authorisations
from zhifa.core.services.demo import load_demo
from zhifa.core.services.errors import Invalid
from zhifa.core.services.procedure import dry_run

from .helpers import run
from .procedure_helpers import HENGCUN, OFFICERS, ZHONGSHAN, act, clue, file_of, party_id, refused

BILLBOARD = "URBAN-CF-004"  # 城乡规划法第六十六条 临时建设 (zrgh), conferred to 横村镇 with the whole urban field
SITE_SEAL = "URBAN-QZ-001"  # 城乡规划法第六十八条: 查封施工现场 — seal_up only
UNLICENSED = "MARKET-CF-001"  # 市场主体登记管理条例第四十三条 (confiscation at once: filed without a prior order)
UNLICENSED_TOOLS = "MARKET-QZ-002"  # 无证无照经营查处办法第十一条第二款: 查封 places, 查封、扣押 tools and goods
SHOP = "桐庐县横村镇好味道餐饮店"


@pytest.fixture
def county(database_url):
    run(load_demo())


@pytest.fixture
def filed(county) -> int:
    case = clue("urban", BILLBOARD, "2025-09-22")
    act(case, "file_case", "2025-09-24", "hc-captain", officers=OFFICERS, party_id=party_id("张三"))
    return case


def test_a_seizure_of_an_unknown_kind_is_refused_naming_kind(filed):
    with pytest.raises(Invalid) as info:
        act(filed, "seize", "2025-09-26", "hc-head", kind="freeze", items="广告牌")
    assert info.value.code == "action.input" and "kind" in str(info.value.field)


def test_a_seizure_must_name_the_coercive_power_it_is_taken_under(filed):
    with pytest.raises(Invalid) as info:
        act(filed, "seize", "2025-09-26", "hc-head", kind="seal", items="临时建设施工现场")
    assert info.value.code == "action.input" and "coercive_power" in str(info.value)


def test_sealing_under_a_held_power_that_provides_it_is_allowed_and_recorded_with_its_basis(filed):
    act(filed, "seize", "2025-09-26", "hc-head", coercive_power=SITE_SEAL, kind="seal", items="临时建设施工现场")
    seizure = file_of(filed).seizures[0]
    assert (seizure.power, seizure.kind, seizure.basis) == (SITE_SEAL, "seal", "《中华人民共和国城乡规划法》第六十八条")


def test_detaining_under_a_power_whose_entry_provides_only_sealing_is_refused(filed):
    assert refused(filed, "seize", "2025-09-26", "hc-head", coercive_power=SITE_SEAL, kind="seize",
                   items="施工机械") == ["coercive.measure_not_provided"]
    assert file_of(filed).seizures == []


def test_a_penalty_power_is_no_basis_for_a_seizure(filed):
    assert refused(filed, "seize", "2025-09-26", "hc-head", coercive_power=BILLBOARD, kind="seal",
                   items="临时建设施工现场") == ["coercive.not_a_coercive_power"]


def test_a_coercive_power_is_refused_from_the_day_it_is_taken_back_and_so_is_extending_a_seizure_under_it(county):
    case = clue("urban", BILLBOARD, "2026-03-02")
    act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id("张三"))
    run(authorisations.disable(HENGCUN, "urban", dt.date(2026, 3, 10), "桐政〔2026〕7号", power=SITE_SEAL))
    site = {"coercive_power": SITE_SEAL, "kind": "seal", "items": "临时建设施工现场"}
    assert refused(case, "seize", "2026-03-10", "hc-head", **site) == ["coercive.not_authorised"]
    act(case, "seize", "2026-03-09", "hc-head", **site)  # the day before it is taken back
    assert refused(case, "extend_seizure", "2026-03-30", "hc-head", days=30) == ["coercive.not_authorised"]


def test_a_coercive_power_of_another_field_is_refused_though_the_township_holds_it(filed):
    assert refused(filed, "seize", "2025-09-26", "hc-head", coercive_power=UNLICENSED_TOOLS, kind="seize",
                   items="施工机械") == ["coercive.other_field"]


def _unlicensed_case() -> int:
    case = clue("market", UNLICENSED, "2026-03-02")
    act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party_id(SHOP), act_date="2026-03-01")
    return case


def test_a_coercive_power_held_by_entrustment_is_refused_where_the_same_power_conferred_is_allowed(county):
    conferred = _unlicensed_case()  # 横村镇 holds the whole market field by conferral (赋权)
    act(conferred, "seize", "2026-03-04", "hc-head", coercive_power=UNLICENSED_TOOLS, kind="seize", items="经营用冰柜一台")
    assert file_of(conferred).seizures[0].basis == "《无证无照经营查处办法》第十一条第二款"

    run(authorisations.enable(HENGCUN, AuthorisationCreate(  # the one power by entrustment: the specific grant wins
        field="market", power=UNLICENSED_TOOLS, basis="entrusted", department="market-county_amr",
        document_no="桐市监委〔2026〕1号", valid_from=dt.date(2026, 3, 5))))
    entrusted = _unlicensed_case()
    assert refused(entrusted, "seize", "2026-03-05", "hc-head", coercive_power=UNLICENSED_TOOLS, kind="seize",
                   items="经营用冰柜一台") == ["coercion.entrusted"]


def test_no_seizure_in_a_case_handled_by_entrustment_even_under_a_named_coercive_power(county):
    case = clue("agri", "AGRI-CF-007", "2026-03-02", township=ZHONGSHAN)  # 中山乡: agri entrusted, field-wide
    act(case, "file_case", "2026-03-03", "zs-captain", ZHONGSHAN, officers=["zs-officer1", "zs-officer2"],
        party_id=party_id("杭州富春建设工程有限公司", ZHONGSHAN), act_date="2026-03-01")
    assert refused(case, "seize", "2026-03-04", "zs-head", ZHONGSHAN, coercive_power="AGRI-QZ-001", kind="seize",
                   items="未记录使用的农药") == ["coercion.entrusted"]
    # the case detail's empty form says so before anything is filled in
    assert [r.code for r in run(dry_run(ZHONGSHAN, case, "seize", actor="zs-head", on=dt.date(2026, 3, 4)))] == [
        "coercion.entrusted", "coercive.not_authorised"]


def test_the_empty_form_allows_seizing_where_the_township_holds_a_coercive_power_of_the_field(filed):
    assert run(dry_run(HENGCUN, filed, "seize", actor="hc-head", on=dt.date(2025, 9, 26))) == []


def _urban():
    from pathlib import Path

    from zhifa.core.catalogue.loader import load_catalogue

    return load_catalogue(Path(__file__).resolve().parent.parent / "plugins" / "urban" / "catalogue", "urban")


def test_every_coercive_entry_names_its_measures_from_its_own_basis():
    from zhifa.core.catalogue.validate import validate_catalogue

    catalogue = _urban()
    assert validate_catalogue(catalogue) == []
    seal = next(p for p in catalogue.powers if p.code == "URBAN-QZ-001")
    assert [(m.kind.value, m.article) for m in seal.measures] == [("seal_up", "第六十八条")]


def test_a_coercive_entry_without_measures_or_quoting_other_words_is_a_catalogue_error():
    import msgspec
    from zhifa.core.catalogue.model import Measure, MeasureKind
    from zhifa.core.catalogue.validate import validate_catalogue

    catalogue = _urban()
    bare = [msgspec.structs.replace(p, measures=[]) if p.code == "URBAN-QZ-001" else p for p in catalogue.powers]
    problems = validate_catalogue(msgspec.structs.replace(catalogue, powers=bare))
    assert [(p.entry, "measures" in p.message) for p in problems] == [("URBAN-QZ-001", True)]
    invented = Measure(kind=MeasureKind.detain, article="第六十八条", text="扣押施工机械")
    other = [msgspec.structs.replace(p, measures=[invented]) if p.code == "URBAN-QZ-001" else p for p in catalogue.powers]
    problems = validate_catalogue(msgspec.structs.replace(catalogue, powers=other))
    assert [p.entry for p in problems] == ["URBAN-QZ-001"]


def test_a_measure_outside_the_vocabulary_is_refused_on_reading():
    import msgspec
    from zhifa.core.catalogue.model import Measure

    with pytest.raises(msgspec.ValidationError):
        msgspec.convert({"kind": "freeze", "article": "第六十八条", "text": "查封施工现场"}, Measure)


def test_the_seizure_decision_names_the_law_and_article_the_seizure_rests_on(county):
    import io

    from docx import Document as Word
    from zhifa.core.documents import service as documents

    case = _unlicensed_case()
    act(case, "seize", "2026-03-04", "hc-head", coercive_power=UNLICENSED_TOOLS, kind="seize", items="经营用冰柜一台")
    rendered = run(documents.render_document(HENGCUN, case, "market.seizure_decision", actor="hc-officer1",
                                             on=dt.date(2026, 3, 4)))
    word = Word(io.BytesIO(run(documents.document_content(HENGCUN, rendered.id))))
    text = "".join(p.text for p in word.paragraphs)
    assert "依据《无证无照经营查处办法》第十一条第二款和《中华人民共和国行政强制法》第二十四条的规定" in text
    assert "实施扣押。扣押期限为30日，自2026年3月4日起" in text
