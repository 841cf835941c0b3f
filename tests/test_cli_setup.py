"""The main job from the README: init, demo, listings — on the embedded default and on PostgreSQL."""

from __future__ import annotations

import os

from .helpers import cli, cli_json

HENGCUN, FENSHUI, ZHONGSHAN = "330122100", "330122101", "330122200"


def test_init_writes_the_configuration_and_is_safe_to_repeat(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHIFA_HOME", str(tmp_path))
    monkeypatch.delenv("ZHIFA_DATABASE_URL", raising=False)
    first = cli("init")
    assert (tmp_path / "zhifa.toml").exists()
    assert (tmp_path / "zhifa.sqlite3").exists()
    assert "数据库已就绪：SQLite" in first.stdout
    cli("init")  # migrations already run: nothing to do, no error
    assert 'database_url = "sqlite:///zhifa.sqlite3"' in (tmp_path / "zhifa.toml").read_text(encoding="utf-8")


def test_demo_builds_a_county_whose_townships_see_different_powers(database_url):
    summary = cli_json("demo")
    assert summary["townships"] == 3 and summary["clues"] >= 4
    fields = {code: {p["field"] for p in cli_json("powers", "--township", code, "--on", "2026-10-01")}
              for code in (HENGCUN, FENSHUI, ZHONGSHAN)}
    assert fields[FENSHUI] == {"urban"}  # culture was taken back on 2025-07-01
    assert {"urban", "market", "ecology"} == fields[HENGCUN]
    assert {"agri", "culture"} == fields[ZHONGSHAN]
    assert "culture" in {p["field"] for p in cli_json("powers", "--township", FENSHUI, "--on", "2025-06-30")}
    # 横村镇 holds only three ecology powers, entrusted by the county department
    ecology = [p for p in cli_json("powers", "--township", HENGCUN, "--on", "2026-10-01") if p["field"] == "ecology"]
    assert len(ecology) == 3 and {p["basis"] for p in ecology} == {"entrusted"}
    assert all(p["department"] for p in ecology)


def test_a_config_file_changes_authorisations_without_code(database_url, tmp_path):
    config = tmp_path / "county.toml"
    config.write_text(
        """
county_code = "330122"

[[departments]]
county_code = "330122"
code = "scjg"
name = "桐庐县市场监督管理局"
field = "market"
kind = "county_amr"

[[townships]]
code = "330122102"
name = "富春江镇"
short_name = "富综执"

[[townships.authorisations]]
field = "market"
power = "MARKET-CF-001"
basis = "entrusted"
department = "scjg"
document_no = "桐市监委〔2026〕1号"
valid_from = 2026-01-01
""",
        encoding="utf-8",
    )
    cli("township", "apply", str(config))
    [power] = cli_json("powers", "--township", "330122102", "--on", "2026-03-01")
    assert (power["code"], power["basis"], power["department"]) == ("MARKET-CF-001", "entrusted", "scjg")
    again = cli_json("township", "apply", str(config))
    assert again["townships"] == 0 and again["authorisations"] == 0


def test_a_bad_config_file_is_reported_and_nothing_is_half_applied(database_url, tmp_path):
    config = tmp_path / "county.toml"
    config.write_text(
        'county_code = "330122"\n[[townships]]\ncode = "330122102"\nname = "富春江镇"\n'
        '[[townships.authorisations]]\nfield = "market"\nbasis = "entrusted"\ndocument_no = "x"\nvalid_from = 2026-01-01\n',
        encoding="utf-8",
    )
    result = cli("township", "apply", str(config), ok=False)
    assert result.exit_code == 1 and "委托方式必须指明委托部门" in result.stderr
    assert cli_json("township", "list") == []


def test_the_database_url_comes_from_the_environment(database_url):
    assert os.environ["ZHIFA_DATABASE_URL"] == database_url
    cli("township", "create", HENGCUN, "横村镇")
    assert [t["code"] for t in cli_json("township", "list")] == [HENGCUN]
