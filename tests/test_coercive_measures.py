"""查封 / 扣押 (行政强制法第九条、第十条、第十七条) through the procedure service, on both engines."""

from __future__ import annotations

import pytest
from zhifa.core.services.demo import load_demo
from zhifa.core.services.errors import Invalid

from .helpers import run
from .procedure_helpers import OFFICERS, act, clue, party_id, refused

BILLBOARD = "URBAN-CF-004"


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


def test_no_seizure_under_an_entrusted_power(county):
    case = clue("ecology", "ECO-CF-003", "2026-03-02")
    act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS)
    assert refused(case, "seize", "2026-03-04", "hc-head", kind="seize", items="油烟设备") == ["coercion.entrusted"]


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
