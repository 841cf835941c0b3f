"""``ConformanceSuite``: the parametrised pytest suite every field plugin runs.

In the plugin's own tests::

    from zhifa.testing.suite import ConformanceSuite

    class TestConformance(ConformanceSuite):
        plugin = "transport"  # the entry-point name in pyproject.toml

(or leave ``plugin`` out and set ``zhifa_plugin = "transport"`` under ``[tool.pytest.ini_options]``,
or pass ``--zhifa-plugin transport``). The ``zhifa`` pytest plugin (registered through the
``pytest11`` entry point) parametrises the tests: one per catalogue folder, per discretion
standard, per template and per sample case, each named by its code, so a failure names the
entry. The same checks run outside pytest as ``zhifa plugin check``.
"""

from __future__ import annotations

import pytest
from zhifa.core.catalogue.errors import Problem


def assert_clean(problems: list[Problem]) -> None:
    """Fail listing every problem as 插件 X，文件 F，条目 E：问题."""
    if problems:
        pytest.fail("\n".join(str(p) for p in dict.fromkeys(problems)), pytrace=False)


class ConformanceSuite:
    """Subclass as ``TestConformance`` and set ``plugin`` to the plugin's entry-point name."""

    __zhifa_conformance__ = True
    plugin: str | None = None

    def test_plugin_is_installed_and_declares_its_hook_interface(self, zhifa_plugin):
        assert_clean(zhifa_plugin.interface_problems())

    def test_catalogue_decodes_and_validates(self, zhifa_plugin, zhifa_field_index):
        assert_clean(zhifa_plugin.catalogue_problems(zhifa_field_index))

    def test_codes_are_unique_and_stable(self, zhifa_plugin):
        assert_clean(zhifa_plugin.code_problems() + zhifa_plugin.uniqueness_problems())

    def test_tiers_sit_inside_the_statutory_range(self, zhifa_plugin, zhifa_standard_code):
        assert_clean(zhifa_plugin.standard_problems(zhifa_standard_code))

    def test_template_renders_for_a_sample_case(self, zhifa_plugin, zhifa_template_code):
        assert_clean(zhifa_plugin.template_problems(zhifa_template_code))

    def test_sample_case_computes_as_declared(self, zhifa_plugin, zhifa_sample_code):
        assert_clean(zhifa_plugin.sample_problems(zhifa_sample_code))

    def test_each_field_with_standards_ships_sample_cases(self, zhifa_plugin):
        assert_clean(zhifa_plugin.presence_problems())

    def test_a_township_that_enabled_the_plugin_files_a_case_under_its_power(self, zhifa_plugin, zhifa_services):
        power = zhifa_plugin.filing_power()
        if power is None:
            pytest.skip("插件没有行政处罚事项")
        case = zhifa_services.file_case(power)
        assert case.status == "investigating" and case.power == power
        assert case.number.startswith(zhifa_services.township.short_name + "立〔")
