"""``succeeds`` links a provision's versions and must name another power of the same catalogue."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from zhifa.core.catalogue import CatalogueInvalid, load_catalogue

URBAN = Path(__file__).parent.parent / "plugins" / "urban"


@pytest.fixture
def urban(tmp_path) -> Path:
    shutil.copytree(URBAN, tmp_path / "urban", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path / "urban" / "catalogue"


def retarget(folder: Path, new: str) -> None:
    path = folder / "powers.toml"
    text = path.read_text(encoding="utf-8")
    assert 'succeeds = "URBAN-CF-014"' in text
    path.write_text(text.replace('succeeds = "URBAN-CF-014"', f'succeeds = "{new}"'), encoding="utf-8")


def test_the_urban_catalogue_links_the_2020_waste_provision_to_the_2016_one(urban):
    catalogue = load_catalogue(urban, plugin="urban")
    powers = {p.code: p for p in catalogue.powers}
    assert powers["URBAN-CF-013"].succeeds == "URBAN-CF-014"
    assert powers["URBAN-CF-014"].succeeds == ""


@pytest.mark.parametrize("target", ["URBAN-CF-999", "MARKET-CF-020"])
def test_succeeds_naming_an_unknown_power_or_another_fields_power_is_rejected(urban, target):
    retarget(urban, target)
    with pytest.raises(CatalogueInvalid) as info:
        load_catalogue(urban, plugin="urban")
    [problem] = info.value.problems
    assert (problem.file, problem.entry) == ("powers.toml", "URBAN-CF-013")
    assert f"succeeds 引用的旧版本执法事项 {target} 不在本目录中" in problem.message


def test_succeeds_naming_the_power_itself_is_rejected(urban):
    retarget(urban, "URBAN-CF-013")
    with pytest.raises(CatalogueInvalid) as info:
        load_catalogue(urban, plugin="urban")
    [problem] = info.value.problems
    assert problem.entry == "URBAN-CF-013" and "不能引用本事项自身" in problem.message
