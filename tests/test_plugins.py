"""The plugin system: built-in fields, third-party discovery, allow-list, failures named."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner
from zhifa.cli.main import app
from zhifa.core.catalogue import CatalogueInvalid, PluginError
from zhifa.core.registry import get_host

runner = CliRunner()
BUILTIN_FIELDS = {"urban", "market", "ecology", "agri", "culture"}


def plugins_json() -> list[dict]:
    result = runner.invoke(app, ["plugins", "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_zhifa_plugins_lists_the_five_field_plugins_with_their_counts():
    rows = {r["name"]: r for r in plugins_json()}
    for field in BUILTIN_FIELDS:
        row = rows[field]
        assert row["fields"] == [field]
        assert row["builtin"] is True
        assert row["powers"] >= 12
        assert row["standards"] >= 5
        assert row["templates"] >= 1
        assert row["hearing_thresholds"] >= 2
        assert "zhifa_field_catalogues" in row["hooks"]
    # the core's defaults are a plugin like any other
    assert "zhifa_check_action" in rows["zhifa.core.defaults"]["hooks"]


def test_zhifa_plugins_table_names_each_field():
    result = runner.invoke(app, ["plugins"])
    assert result.exit_code == 0, result.output
    for field in BUILTIN_FIELDS:
        assert field in result.stdout


def test_a_sixth_plugin_installed_as_a_package_is_discovered_through_the_entry_point(install_test_plugins):
    install_test_plugins("transport")
    rows = {r["name"]: r for r in plugins_json()}
    assert rows["transport"]["fields"] == ["transport"]
    assert rows["transport"]["version"] == "0.3.0"
    assert rows["transport"]["builtin"] is False
    assert rows["transport"]["powers"] == 1
    assert get_host().registry.field_of("TRANSPORT-CF-001") == "transport"


def test_the_allow_list_loads_only_the_named_plugins(monkeypatch):
    monkeypatch.setenv("ZHIFA_LOAD_PLUGINS", "urban")
    names = {r["name"] for r in plugins_json()}
    assert names == {"zhifa.core.defaults", "urban"}


def test_a_plugin_that_fails_to_import_stops_start_up_naming_it(install_test_plugins):
    install_test_plugins("broken")
    with pytest.raises(PluginError) as info:
        get_host()
    assert info.value.plugin == "broken"
    assert "zhifa_dependency_that_is_not_installed" in str(info.value)
    result = runner.invoke(app, ["plugins"])
    assert result.exit_code == 2
    assert "插件 broken" in result.stderr
    assert "Traceback" not in result.output


def test_a_plugin_built_for_another_hook_interface_is_refused(install_test_plugins):
    install_test_plugins("oldhooks")
    with pytest.raises(PluginError) as info:
        get_host()
    assert info.value.plugin == "oldhooks"
    assert "钩子接口版本 99" in str(info.value)


def test_a_plugin_with_a_tier_outside_the_statutory_range_stops_start_up(install_test_plugins):
    install_test_plugins("baddata")
    with pytest.raises(CatalogueInvalid) as info:
        get_host()
    [problem] = info.value.problems
    assert (problem.plugin, problem.file, problem.entry) == ("baddata", "standards.toml", "BAD-CF-001-JZ1")
    assert "8000" in problem.message and "5000" in problem.message
    result = runner.invoke(app, ["powers", "--township", "330122100"])
    assert result.exit_code == 2
    assert "插件 baddata，文件 standards.toml，条目 BAD-CF-001-JZ1" in result.stderr


def test_plugins_are_not_loaded_at_import_time():
    import zhifa.core.registry as registry

    registry.reset_host()
    import zhifa.cli.main  # noqa: F401  importing the CLI must not start plugins

    assert registry._host is None
