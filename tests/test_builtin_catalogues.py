"""The five built-in field catalogues are complete, lawful in shape, and their templates open in Word."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docxtpl import DocxTemplate
from zhifa.core.catalogue.model import FineForm, PartyScope, PowerKind
from zhifa.core.registry import get_host

FIELDS = ["urban", "market", "ecology", "agri", "culture"]


@pytest.fixture(params=FIELDS)
def catalogue(request):
    return get_host().registry.catalogues[request.param]


def test_each_field_has_at_least_twelve_powers_of_several_kinds(catalogue):
    kinds = [p.kind for p in catalogue.powers]
    assert len(kinds) >= 12
    assert kinds.count(PowerKind.penalty) >= 11
    assert PowerKind.inspection in kinds and PowerKind.coercive in kinds


def test_every_penalty_cites_the_provision_breached_and_the_penalty_provision(catalogue):
    for power in catalogue.powers:
        if power.kind is PowerKind.penalty:
            assert power.violated.law.startswith("《") and power.violated.article.startswith("第"), power.code
            assert power.penalised.text.strip(), power.code


def test_each_field_has_discretion_standards_for_at_least_five_powers_with_sources(catalogue):
    assert len({s.power for s in catalogue.standards}) >= 5
    for standard in catalogue.standards:
        assert standard.source.strip() and len(standard.tiers) >= 2, standard.code


def test_each_field_has_a_no_penalty_list_and_hearing_thresholds_for_both_party_types(catalogue):
    assert len(catalogue.no_penalty) >= 4
    parties = {t.party for t in catalogue.hearing_thresholds}
    assert {PartyScope.citizen, PartyScope.organisation} <= parties


def test_each_field_declares_a_word_template_that_opens_and_parses(catalogue):
    assert catalogue.templates
    for template in catalogue.templates:
        path = Path(catalogue.root).parent / template.file
        document = docx.Document(str(path))  # a real .docx a Word user opens
        assert any(p.text.strip() for p in document.paragraphs), template.code
        variables = DocxTemplate(str(path)).get_undeclared_template_variables()
        assert "party" in variables or "case" in variables, template.code


def test_the_catalogues_together_use_every_statutory_fine_form():
    forms = {f.form for c in get_host().registry.catalogues.values() for p in c.powers for f in p.fines}
    assert {FineForm.range, FineForm.multiple, FineForm.percentage, FineForm.per_unit} <= forms
    floors = [f for c in get_host().registry.catalogues.values() for p in c.powers for f in p.fines if f.floor_below]
    assert floors, "a multiple of goods value with a floor for small bases"


def test_two_stage_offences_are_marked():
    two_stage = {p.code for c in get_host().registry.catalogues.values() for p in c.powers if p.two_stage}
    assert "MARKET-CF-001" in two_stage  # 无照经营: fined only if not corrected (市场主体登记管理条例 第四十三条)


def test_the_unlicensed_business_fines_match_the_regulation():
    power = get_host().registry.powers["MARKET-CF-001"]
    fines = {f.situation: (f.min, f.max) for f in power.fines}
    assert fines["not_corrected"] == (10000, 100000)
    assert fines["serious"] == (100000, 500000)


def test_an_optional_fine_may_have_a_no_fine_tier():
    burning = [s for s in get_host().registry.catalogues["ecology"].standards if s.power == "ECO-CF-001"]
    assert burning and any(not t.fine for t in burning[0].tiers)
