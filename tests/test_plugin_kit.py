"""The plugin author's kit: a generated plugin installs, is discovered, passes the conformance suite,
files a case — with no change to zhifa — and breaking its data fails the suite and the check by entry."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import docx
import pytest
from zhifa.core.penalty import PenaltyFacts
from zhifa.core.registry import get_host, reset_host
from zhifa.testing import kit
from zhifa.testing.samples import SampleFacts

from .helpers import cli, cli_json, run

NAME, PREFIX, PACKAGE = "forestry", "FORESTRY", "zhifa_forestry"
BUILTINS = "urban,market,ecology,agri,culture"
PLUGIN_PACKAGES = Path(__file__).parent / "plugin_packages"


class Generated:
    def __init__(self, project: Path, site: Path):
        self.project = project
        self.site = site

    @property
    def package(self) -> Path:
        return self.project / PACKAGE

    def installed(self, tmp_path: Path) -> Path:
        """A private copy of the installed plugin, to break without touching the shared one."""
        site = tmp_path / "site"
        shutil.copytree(self.site, site)
        return site


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Generated:
    """``zhifa plugin new forestry`` into a temporary folder, then really installed with pip."""
    root = tmp_path_factory.mktemp("generated")
    result = cli("plugin", "new", NAME, "--field-name", "林业", "--dir", str(root))
    assert "已生成插件项目" in result.stdout
    project = root / "zhifa-forestry"
    site = tmp_path_factory.mktemp("generated_site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--no-index",
         "--target", str(site), str(project)],
        check=True,
    )
    return Generated(project, site)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def run_plugin_tests(project: Path, site: Path, *tests: str) -> subprocess.CompletedProcess:
    """pytest on the generated plugin's own tests, in a fresh interpreter that sees ``site``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZHIFA_", "PYTEST_"))}
    env.update(PYTHONPATH=str(site), ZHIFA_LOAD_PLUGINS=f"{BUILTINS},{NAME}")
    paths = [str(project / "tests" / t) if t.endswith(".py") else t for t in tests] or [str(project / "tests")]
    return subprocess.run(
        [sys.executable, "-m", "pytest", *paths, "-p", "no:cacheprovider", "-W", "ignore::DeprecationWarning",
         "--rootdir", str(project), "-q", "-rf"],
        cwd=site.parent, env=env, capture_output=True, text=True, timeout=300,
    )


def check_installed(site: Path, *args: str) -> subprocess.CompletedProcess:
    """``zhifa plugin check`` in a fresh interpreter that sees ``site``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZHIFA_")}
    env.update(PYTHONPATH=str(site), ZHIFA_LOAD_PLUGINS=f"{BUILTINS},{NAME}")
    return subprocess.run([sys.executable, "-c", "from zhifa.cli.main import run; run()", "plugin", "check", *args],
                          cwd=site.parent, env=env, capture_output=True, text=True, timeout=120)


def copy_catalogue(generated: Generated, tmp_path: Path) -> Path:
    """A copy of the generated package (catalogue and templates); returns its catalogue folder."""
    shutil.copytree(generated.package, tmp_path / PACKAGE, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path / PACKAGE / "catalogue"


@pytest.fixture
def use_generated(generated, monkeypatch):
    monkeypatch.syspath_prepend(str(generated.site))
    importlib.invalidate_caches()
    monkeypatch.setenv("ZHIFA_LOAD_PLUGINS", f"{BUILTINS},{NAME}")
    reset_host()
    return generated


# -- the scaffold -------------------------------------------------------------------------------


def test_plugin_new_writes_an_installable_project_with_entry_point_interface_catalogue_template_and_tests(generated):
    project = tomllib.loads((generated.project / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["name"] == "zhifa-forestry"
    assert project["project"]["entry-points"]["zhifa"] == {NAME: PACKAGE}
    assert project["tool"]["pytest"]["ini_options"]["zhifa_plugin"] == NAME
    assert "ZHIFA_HOOK_INTERFACE = 2" in (generated.package / "__init__.py").read_text(encoding="utf-8")
    catalogue = generated.package / "catalogue"
    for name in ("field.toml", "powers.toml", "standards.toml", "no_penalty.toml", "hearing.toml", "templates.toml",
                 "samples.toml", "published.toml"):
        assert (catalogue / name).is_file(), name
    assert f'code = "{PREFIX}-CF-001"' in (catalogue / "powers.toml").read_text(encoding="utf-8")
    assert 'name = "林业"' in (catalogue / "field.toml").read_text(encoding="utf-8")
    notice = docx.Document(str(generated.package / "templates" / "correction_notice.docx"))
    assert any("{{ party.name }}" in p.text for p in notice.paragraphs)
    assert {p.name for p in (generated.project / "tests").iterdir()} >= {"test_conformance.py", "test_filing.py"}
    # pip installed the data files with the package
    assert (generated.site / PACKAGE / "catalogue" / "samples.toml").is_file()
    assert (generated.site / PACKAGE / "templates" / "correction_notice.docx").is_file()


def test_plugin_new_refuses_an_unusable_name_and_an_existing_folder(generated):
    bad = cli("plugin", "new", "Forestry-2", "--dir", str(generated.project.parent), ok=False)
    assert bad.exit_code == 1 and "插件名称" in bad.stderr
    again = cli("plugin", "new", NAME, "--dir", str(generated.project.parent), ok=False)
    assert again.exit_code == 1 and "已存在" in again.stderr


# -- end to end: installed, discovered, conformant, a case filed ---------------------------------


def test_the_generated_plugin_passes_its_own_conformance_suite_and_tests_as_installed(generated):
    result = run_plugin_tests(generated.project, generated.site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "11 passed" in result.stdout


def test_the_installed_plugin_is_discovered_enabled_for_a_township_and_a_case_is_filed_under_its_power(
        use_generated, database_url):
    rows = {r["name"]: r for r in cli_json("plugins")}
    assert rows[NAME]["fields"] == [NAME] and rows[NAME]["builtin"] is False and rows[NAME]["powers"] == 1
    assert get_host().registry.field_of(f"{PREFIX}-CF-001") == NAME

    cli("township", "create", "330122100", "横村镇", "--short-name", "横综执")
    cli("township", "enable", "330122100", "--field", NAME, "--basis", "conferred", "--document", "浙政函〔2025〕1号",
        "--from", "2025-01-01")
    assert [p["code"] for p in cli_json("powers", "--township", "330122100", "--on", "2026-03-02")] == [f"{PREFIX}-CF-001"]

    township = kit.KitTownship(code="330122100", name="横村镇", short_name="横综执", fields=(NAME,),
                               party_id=_party("330122100"))
    people = run(kit.create_people(township))
    services = kit.KitServices(township=township, people=people, database_url=database_url)
    case = services.file_case(f"{PREFIX}-CF-001", found=dt.date(2026, 3, 2))
    assert case.status == "investigating" and case.field == NAME and case.power == f"{PREFIX}-CF-001"
    assert case.number == "横综执立〔2026〕1号"


def _party(township: str) -> int:
    from stdnum.cn import ric
    from zhifa.core.schemas.people import PartyCreate
    from zhifa.core.services import parties

    body = "33012219850312041"
    party = run(parties.create_party(township, PartyCreate(
        kind="citizen", name="张三", identifier=body + ric.calc_check_digit(body + "0"), address="横村镇")))
    return party.id


def test_zhifa_plugin_check_passes_the_generated_plugin_by_path_and_by_name(generated):
    by_path = cli("plugin", "check", str(generated.project))
    assert "插件 forestry 检查通过" in by_path.stdout and "样例案件 2 个" in by_path.stdout
    by_name = check_installed(generated.site, NAME)
    assert by_name.returncode == 0, by_name.stdout + by_name.stderr
    assert "插件 forestry 检查通过" in by_name.stdout


# -- broken data is named ------------------------------------------------------------------------


TIER_ENTRY = f"插件 forestry，文件 standards.toml，条目 {PREFIX}-CF-001-JZ1"
SAMPLE_ENTRY = f"插件 forestry，文件 samples.toml，条目 {PREFIX}-CF-001-S1"


@pytest.fixture(scope="module")
def broken(generated, tmp_path_factory):
    """The installed plugin with two mistakes — a tier above the statutory maximum and a sample
    expecting the wrong tier — and one run of its conformance suite (the database test aside)."""
    site = generated.installed(tmp_path_factory.mktemp("broken"))
    edit(site / PACKAGE / "catalogue" / "standards.toml", "max = 10000", "max = 12000")
    edit(site / PACKAGE / "catalogue" / "samples.toml", 'tier = "ordinary"', 'tier = "heavy"')
    suite = run_plugin_tests(generated.project, site, "test_conformance.py", "-k", "not township")
    return site, suite


def failed_tests(output: str) -> set[str]:
    return {line.split("::")[-1].split(" - ")[0] for line in output.splitlines() if line.startswith("FAILED")}


def test_a_tier_outside_its_statutory_range_fails_the_suite_and_the_check_naming_the_entry(broken):
    site, suite = broken
    assert suite.returncode == 1
    assert f"test_tiers_sit_inside_the_statutory_range[{PREFIX}-CF-001-JZ1]" in failed_tests(suite.stdout)
    assert TIER_ENTRY in suite.stdout and "超出法定幅度 1000–10000" in suite.stdout

    checked = check_installed(site, NAME)  # by name, as installed
    assert checked.returncode == 1
    assert f"{TIER_ENTRY}：阶次 heavy（从重） 的幅度 7300–12000 超出法定幅度 1000–10000" in checked.stdout
    assert SAMPLE_ENTRY in checked.stdout


def test_a_wrong_sample_expectation_fails_the_suite_and_the_check_naming_the_sample(broken):
    site, suite = broken
    failed = failed_tests(suite.stdout)
    assert f"test_sample_case_computes_as_declared[{PREFIX}-CF-001-S1]" in failed
    assert f"test_sample_case_computes_as_declared[{PREFIX}-CF-001-S2]" not in failed  # the other still computes
    assert f"{SAMPLE_ENTRY}：" in suite.stdout and "阶次：预期 heavy，实际 ordinary" in suite.stdout

    checked = cli("plugin", "check", str(site / PACKAGE / "catalogue"), ok=False)  # by path
    assert checked.exit_code == 1
    assert SAMPLE_ENTRY in checked.stdout and "阶次：预期 heavy，实际 ordinary" in checked.stdout


def test_only_the_broken_entries_fail(broken):
    _, suite = broken
    assert failed_tests(suite.stdout) == {
        "test_catalogue_decodes_and_validates[forestry]",
        f"test_tiers_sit_inside_the_statutory_range[{PREFIX}-CF-001-JZ1]",
        f"test_sample_case_computes_as_declared[{PREFIX}-CF-001-S1]",
    }


def test_a_wrong_amount_in_a_sample_is_named_with_expected_and_computed_values(generated, tmp_path):
    folder = copy_catalogue(generated, tmp_path)
    edit(folder / "samples.toml", 'min = "1000.00"', 'min = "1500.00"')
    result = cli("plugin", "check", str(folder), "--json", ok=False)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    [problem] = report["problems"]
    assert (problem["file"], problem["entry"]) == ("samples.toml", f"{PREFIX}-CF-001-S2")
    assert "阶次幅度下限：预期 1500 元，实际 1000 元" in problem["message"]


def test_a_published_code_that_disappears_is_named(generated, tmp_path):
    folder = copy_catalogue(generated, tmp_path)
    edit(folder / "templates.toml", 'code = "forestry.correction_notice"', 'code = "forestry.notice"')
    result = cli("plugin", "check", str(folder), ok=False)
    assert result.exit_code == 1
    assert "文件 templates.toml，条目 forestry.correction_notice：已发布的代码 forestry.correction_notice" in result.stdout


def test_a_power_code_that_does_not_say_its_kind_is_named(generated, tmp_path):
    folder = copy_catalogue(generated, tmp_path)
    edit(folder / "powers.toml", 'kind = "penalty"', 'kind = "inspection"\nbasis = { law = "《示例》", article = "第一条", text = "示例" }')
    result = cli("plugin", "check", str(folder), ok=False)
    assert f"文件 powers.toml，条目 {PREFIX}-CF-001：代码中的类型 CF 与 kind = inspection 不符" in result.stdout


def test_a_plugin_built_for_another_hook_interface_is_named_by_the_check():
    result = cli("plugin", "check", str(PLUGIN_PACKAGES / "zhifa-oldhooks"), ok=False)
    assert result.exit_code == 1
    assert "插件 oldhooks，文件 __init__.py，条目 ZHIFA_HOOK_INTERFACE：为钩子接口版本 99 编写" in result.stdout


def test_zhifa_plugin_check_of_something_that_is_not_a_plugin_exits_2():
    result = cli("plugin", "check", "no-such-plugin", ok=False)
    assert result.exit_code == 2 and "没有名为 no-such-plugin 的已安装插件" in result.stderr


# -- the kit itself ------------------------------------------------------------------------------


def test_the_kit_is_registered_as_a_pytest_plugin_that_imports_nothing_of_zhifa_core(pytestconfig):
    plugin = pytestconfig.pluginmanager.get_plugin("zhifa")  # loaded through the pytest11 entry point
    assert plugin is not None and plugin.__name__ == "zhifa.testing.pytest_plugin"
    probe = "import sys, zhifa.testing.pytest_plugin; print(sorted(m for m in sys.modules if m.startswith('zhifa.core')))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_sample_facts_are_exactly_the_penalty_facts_without_the_power():
    assert set(SampleFacts.__struct_fields__) == set(PenaltyFacts.__struct_fields__) - {"power"}


# -- the walk-through in docs/plugin-authoring.md ------------------------------------------------

AUTHORING = Path(__file__).parent.parent / "docs" / "plugin-authoring.md"


def walkthrough_files() -> dict[str, str]:
    """The blocks of docs/plugin-authoring.md that start with ``# file: <path>``: whole files."""
    import re

    blocks = re.findall(r"^```(?:toml|python)\n# file: (\S+)\n(.*?)^```$", AUTHORING.read_text(encoding="utf-8"), re.M | re.S)
    return dict(blocks)


def test_the_walkthrough_builds_a_transport_plugin_that_passes_the_check(tmp_path):
    files = walkthrough_files()
    assert {"zhifa_transport/catalogue/powers.toml", "zhifa_transport/catalogue/samples.toml",
            "zhifa_transport/__init__.py", "tests/test_rules.py"} <= set(files)
    cli("plugin", "new", "transport", "--field-name", "交通运输", "--dir", str(tmp_path))
    project = tmp_path / "zhifa-transport"
    for relative, text in files.items():
        (project / relative).write_text(text, encoding="utf-8")
        if relative.endswith(".py"):
            compile(text, relative, "exec")
    result = cli("plugin", "check", str(project / "zhifa_transport" / "catalogue"))
    assert "插件 transport 检查通过" in result.stdout and "样例案件 3 个" in result.stdout


# -- the kit's fixtures, on a built-in field -----------------------------------------------------


class TestTheKitFixturesOnABuiltInField:
    plugin = "ecology"

    def test_the_township_has_the_plugins_fields_and_certified_officers(self, zhifa_township, zhifa_officers,
                                                                           zhifa_fields):
        from zhifa.core.services.people import get_user

        assert zhifa_fields == ["ecology"] and zhifa_township.fields == ("ecology",)
        for officer in (*zhifa_officers.officers, zhifa_officers.captain):
            [certificate] = run(get_user(officer)).certificates
            assert certificate.fields == ["ecology"]

    def test_the_app_serves_a_case_filed_through_the_services_to_the_townships_officer(self, zhifa_services, zhifa_app):
        case = zhifa_services.file_case("ECO-CF-003")
        code = zhifa_services.township.code
        detail = zhifa_app.get(f"/townships/{code}/cases/{case.id}", user="officer1")
        assert detail.status_code == 200, detail.text
        assert detail.json()["case"]["number"] == "示综执立〔2026〕1号"
        assert detail.json()["officers"] == list(zhifa_services.people.officers)
        powers = zhifa_app.get(f"/townships/{code}/powers", user="officer1").json()
        assert "ECO-CF-003" in {p["code"] for p in powers}
        assert zhifa_app.get(f"/townships/{code}/cases/{case.id}").status_code == 401
