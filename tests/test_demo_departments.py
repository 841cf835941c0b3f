"""The demo county's departments carry real names: 桐庐县 once, never the catalogue's generic 县（市、区）."""

from __future__ import annotations

from zhifa.core.services.townships import list_departments

from .helpers import run
from .test_documents import county, decided, fumes_clue, render  # noqa: F401  (county: the fixture)


def test_demo_department_names_name_the_county_once_and_no_generic_level(county):
    names = {d.code: d.name for d in run(list_departments("330122"))}
    assert names["ecology-urban"] == "桐庐县城市管理（综合行政执法）局"
    assert names["market-county_amr"] == "桐庐县市场监督管理局"
    assert names["urban-zrgh"] == "桐庐县自然资源和规划局"
    assert names["agri-agri_bureau"] == "桐庐县农业农村局"
    assert names["ecology-eco"] == "杭州市生态环境局桐庐分局"
    for name in names.values():
        assert "县县" not in name and "县（市、区）" not in name and "县级" not in name, name


def test_the_entrusted_decisions_seal_line_names_the_department_once(county):
    case = fumes_clue()
    decided(case)
    decision = render(case, "decision", "2026-03-12")
    decision.shows("桐庐县城市管理（综合行政执法）局（印章）")
    assert "桐庐县县" not in decision.word
