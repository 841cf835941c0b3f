"""The ``zhifa`` pytest plugin (``pytest11`` entry point): fixtures and the conformance parametrisation.

Loaded by pytest in every environment where zhifa is installed, so it imports nothing of zhifa
until a ``zhifa_*`` fixture or a ``ConformanceSuite`` test needs it, and touches no database
unless a database fixture is used.

Which plugin is under test: the test class's ``plugin`` attribute, else ``--zhifa-plugin NAME``,
else ``zhifa_plugin = "NAME"`` under ``[tool.pytest.ini_options]`` (the entry-point name).

Fixtures (all prefixed ``zhifa_``):

* ``zhifa_plugin_name`` — the entry-point name of the plugin under test.
* ``zhifa_plugin`` — its ``zhifa.testing.conformance.Conformance`` (catalogues, samples, checks).
* ``zhifa_fields`` — the field codes it declares.
* ``zhifa_database`` — a private, migrated SQLite database (core and plugin tables), configured
  for services and for CLI runs (``ZHIFA_DATABASE_URL``, ``ZHIFA_HOME``); returns its URL.
* ``zhifa_township`` — a township (示例镇, 330122100) with the plugin's fields conferred since
  2020-01-01 and one organisation party.
* ``zhifa_officers`` — its people: two officers with certificates covering the fields, a captain
  (officer and approver), a legal reviewer and the head.
* ``zhifa_services`` — the service context: township, people, ``run``, ``register_clue``,
  ``file_case``, ``perform``, ``case_file``.
* ``zhifa_app`` — zhifa's HTTP API (a Litestar test client) over the same database, with a
  bearer token for each of the township's people: ``zhifa_app.get(path, user="officer1")``.
"""

from __future__ import annotations

from typing import Any, Callable

import pytest

_CONFORMANCE: dict[str, Any] = {}

# parametrised argument → (values, ids) for a plugin's Conformance
PARAMETERS: dict[str, Callable[[Any], tuple[list, list[str]]]] = {
    "zhifa_field_index": lambda c: (list(range(len(c.fields))), c.field_labels()),
    "zhifa_standard_code": lambda c: (c.standard_codes(), c.standard_codes()),
    "zhifa_template_code": lambda c: (c.template_codes(), c.template_codes()),
    "zhifa_sample_code": lambda c: (c.sample_codes(), c.sample_codes()),
}


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("zhifa", "zhifa 插件一致性测试")
    group.addoption("--zhifa-plugin", dest="zhifa_plugin", default=None,
                    help="被测插件的 entry point 名称（zhifa 入口点组中的名称）")
    parser.addini("zhifa_plugin", "被测插件的 entry point 名称（zhifa 一致性测试）", default="")


def plugin_name(config: pytest.Config, cls: type | None = None) -> str | None:
    return getattr(cls, "plugin", None) or config.getoption("zhifa_plugin", None) or config.getini("zhifa_plugin") or None


def conformance_for(name: str):
    """The plugin's checks, built once per session (decoding its catalogue)."""
    if name not in _CONFORMANCE:
        from zhifa.testing.conformance import Conformance

        _CONFORMANCE[name] = Conformance.installed(name)
    return _CONFORMANCE[name]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    wanted = [name for name in PARAMETERS if name in metafunc.fixturenames]
    if not wanted:
        return
    name = plugin_name(metafunc.config, metafunc.cls)
    conformance = None
    if name:
        try:
            conformance = conformance_for(name)
        except Exception:  # reported by test_plugin_is_installed_and_declares_its_hook_interface
            conformance = None
    for argname in wanted:
        values, ids = PARAMETERS[argname](conformance) if conformance is not None else ([], [])
        metafunc.parametrize(argname, values, ids=ids)


@pytest.fixture
def zhifa_plugin_name(request: pytest.FixtureRequest) -> str:
    name = plugin_name(request.config, request.cls)
    if not name:
        pytest.fail("未指定被测插件：在测试类中写 plugin = \"名称\"，或在 pyproject.toml 的 [tool.pytest.ini_options] "
                    "中写 zhifa_plugin = \"名称\"，或使用 --zhifa-plugin 名称", pytrace=False)
    return name


@pytest.fixture
def zhifa_plugin(zhifa_plugin_name: str):
    try:
        return conformance_for(zhifa_plugin_name)
    except Exception as exc:
        pytest.fail(f"找不到或无法加载被测插件 {zhifa_plugin_name}：{exc}", pytrace=False)


@pytest.fixture
def zhifa_fields(zhifa_plugin) -> list[str]:
    return [c.field.code for c in zhifa_plugin.catalogues]


@pytest.fixture(scope="session")
def zhifa_database_template(tmp_path_factory: pytest.TempPathFactory):
    from zhifa.testing import kit

    return kit.migrated_template(tmp_path_factory.mktemp("zhifa_kit") / "template.sqlite3")


@pytest.fixture
def zhifa_database(zhifa_database_template, tmp_path, monkeypatch: pytest.MonkeyPatch) -> str:
    from zhifa.core.registry import reset_host
    from zhifa.testing import kit

    folder = tmp_path / "zhifa_kit"
    folder.mkdir(exist_ok=True)
    monkeypatch.setenv("ZHIFA_HOME", str(folder))
    reset_host()
    url = kit.use_database(zhifa_database_template, folder)
    monkeypatch.setenv("ZHIFA_DATABASE_URL", url)
    return url


@pytest.fixture
def zhifa_township(zhifa_database: str, zhifa_fields: list[str]):
    from zhifa.testing import kit

    return kit.run(kit.create_township(zhifa_fields))


@pytest.fixture
def zhifa_officers(zhifa_township):
    from zhifa.testing import kit

    return kit.run(kit.create_people(zhifa_township))


@pytest.fixture
def zhifa_services(zhifa_database: str, zhifa_township, zhifa_officers):
    from zhifa.testing.kit import KitServices

    return KitServices(township=zhifa_township, people=zhifa_officers, database_url=zhifa_database)


@pytest.fixture
def zhifa_app(zhifa_services):
    """zhifa's HTTP API (a Litestar test client) over the kit's database: ``zhifa_app.get(path, user="officer1")``."""
    from litestar.testing import TestClient
    from zhifa.api.app import create_app
    from zhifa.testing.kit import KitApp, issue_tokens

    tokens = issue_tokens(zhifa_services.people)
    with TestClient(create_app(zhifa_services.database_url)) as client:
        yield KitApp(client=client, tokens=tokens, township=zhifa_services.township)

