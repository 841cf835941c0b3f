"""The five built-in field plugins pass the same conformance suite every third-party plugin runs."""

from __future__ import annotations

from zhifa.testing.suite import ConformanceSuite


class TestUrbanConformance(ConformanceSuite):
    plugin = "urban"


class TestMarketConformance(ConformanceSuite):
    plugin = "market"


class TestEcologyConformance(ConformanceSuite):
    plugin = "ecology"


class TestAgriConformance(ConformanceSuite):
    plugin = "agri"


class TestCultureConformance(ConformanceSuite):
    plugin = "culture"


def test_each_built_in_field_ships_at_least_two_sample_cases_and_a_codes_ledger():
    from zhifa.testing.conformance import Conformance

    for name in ("urban", "market", "ecology", "agri", "culture"):
        conformance = Conformance.installed(name)
        assert len(conformance.sample_codes()) >= 2, name
        assert all(f.ledger is not None and f.ledger.powers for f in conformance.fields), name
