"""The facts a rule may ask about a case are one typed struct, and what differs per action is declared
on the action (issue 11): ``CaseFacts``, ``Action.derives``, the typed hook specs, and the path for
plugins written for hook interface 1."""

from __future__ import annotations

import ast
import datetime as dt
import inspect
from pathlib import Path

import pytest
from zhifa.core import hookspecs
from zhifa.core.procedure.actions import ACTIONS
from zhifa.core.procedure.casefile import CaseFile
from zhifa.core.rules.context import ActionContext, CaseFacts
from zhifa.core.services import procedure

ROOT = Path(__file__).resolve().parent.parent


def test_every_fact_an_action_declares_has_its_derivation_and_names_a_case_fact():
    declared = {f for a in ACTIONS.values() for f in (*a.derives, *a.derives_after_gates)}
    assert declared <= set(procedure.DERIVED), declared - set(procedure.DERIVED)
    facts = set(CaseFacts.__struct_fields__)
    # each derivation fills a fact of that name, or the case file's own field (立案's act date)
    assert declared - facts <= {"act_date", "coercive_of_seizure"}


def test_the_procedure_service_does_not_branch_on_an_action_s_name():
    tree = ast.parse((ROOT / "core" / "services" / "procedure.py").read_text(encoding="utf-8"))
    branches = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Compare)
                and isinstance(node.left, ast.Name) and node.left.id == "action"
                and any(isinstance(c, (ast.Constant, ast.Tuple, ast.Set, ast.List)) for c in node.comparators)]
    assert branches == [], f"core/services/procedure.py compares `action` with a name at lines {branches}"


def test_hook_specs_and_the_action_context_are_typed_without_any():
    for name, spec in inspect.getmembers(hookspecs, inspect.isfunction):
        if name.startswith("zhifa_"):
            annotations = " ".join(str(a) for a in spec.__annotations__.values())
            assert "Any" not in annotations, (name, spec.__annotations__)
    for struct in (ActionContext, CaseFacts):
        annotations = " ".join(str(a) for a in struct.__annotations__.values())
        assert "Any" not in annotations, struct


def test_a_plugin_written_for_interface_1_still_reads_the_facts_as_a_dict():
    assert hookspecs.HOOK_INTERFACE == 2 and 1 in hookspecs.SUPPORTED_HOOK_INTERFACES
    file = CaseFile(officers=["a", "b"])
    context = ActionContext(action="file_case", township="330122104", on=dt.date(2026, 3, 3),
                            data=CaseFacts(file=file, summary="高速路口占道经营"))
    assert context.data["file"] is file and context.data.file is file
    assert "高速" in context.data.get("summary", "")
    assert context.data.get("grant", "none") == "none"  # a fact not gathered: the default, as a dict would give
    assert "file" in context.data and "hearing" not in context.data
    context.data["summary"] = "改写"  # a v1 plugin's write lands on the fact
    assert context.data.summary == "改写"
    with pytest.raises(KeyError):
        context.data["no_such_fact"]
    with pytest.raises(KeyError, match="CaseFacts 没有 no_such_fact"):
        context.data["no_such_fact"] = 1


def test_each_label_of_a_closed_vocabulary_is_spelled_in_one_module():
    """No module holds its own copy of a vocabulary's table (two or more of its code: label pairs)."""
    from zhifa.core import vocabulary

    tables = {"PENALTY_NAMES": vocabulary.PENALTY_NAMES, "SERVICE_METHODS": vocabulary.SERVICE_METHODS,
              "DECISION_KINDS": vocabulary.DECISION_KINDS, "PARTY_KINDS": vocabulary.PARTY_KINDS}
    copies = []
    for folder in ("core", "api", "web", "cli", "plugins", "testing"):
        for path in (ROOT / folder).rglob("*.py"):
            if path == ROOT / "core" / "vocabulary.py":
                continue
            text = path.read_text(encoding="utf-8")
            for name, table in tables.items():
                spelled = [code for code, label in table.items() if f'"{code}": "{label}"' in text]
                if len(spelled) >= 2:
                    copies.append(f"{path.relative_to(ROOT)}: a copy of {name} ({', '.join(spelled)})")
    assert copies == []
