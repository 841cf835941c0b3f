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
