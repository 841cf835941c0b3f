"""``zhifa audit verify`` compares each case row with its events: an edited row is found.

The event chain is tamper-evident; a case row is an ordinary row anyone with the database can
edit. Issue 12, item 6: editing a case's status or decided amount was not checked at all.
"""

from __future__ import annotations

import json

import pytest
from zhifa.core.db.tables import Case
from zhifa.core.services.demo import load_demo

from .helpers import cli, cli_json, run
from .procedure_helpers import HENGCUN, act, file_of
from .publication_helpers import decided_case


@pytest.fixture
def worked(database_url):
    run(load_demo())
    case = decided_case("2026-03-12")
    act(case, "serve_decision", "2026-03-13", "hc-officer1", recipient="张三")
    amount = file_of(case).decision.amount
    act(case, "record_payment", "2026-03-20", "hc-officer1", amount=str(amount))
    act(case, "close", "2026-03-23", "hc-captain")
    return case


def test_every_case_row_of_a_worked_county_agrees_with_its_events(worked):
    reports = cli_json("audit", "verify")
    assert all(r["intact"] and r["cases"] == [] for r in reports), reports
    assert cli("audit", "verify", "--township", HENGCUN).stdout.count("案件记录与事件一致") == 1


def test_a_case_status_edited_in_the_database_is_reported(worked):
    run(Case.update({Case.status: "archived"}).where(Case.id == worked))
    result = cli("audit", "verify", "--township", HENGCUN, ok=False)
    assert result.exit_code == 1
    assert f"案件 {worked} 的状态为「archived」，与全过程记录（「closed」）不符" in result.stderr


def test_a_decided_amount_edited_in_the_database_is_reported(worked):
    file = run(Case.select(Case.facts).where(Case.id == worked).output(load_json=True).first())["facts"]
    file["decision"]["amount"] = "1.00"
    run(Case.update({Case.facts: file}).where(Case.id == worked))
    result = cli("audit", "verify", "--township", HENGCUN, "--json", ok=False)
    assert result.exit_code == 1
    [report] = json.loads(result.stdout)
    [mismatch] = report["cases"]
    assert (mismatch["case_id"], mismatch["field"], mismatch["row"]) == (worked, "amount", "1.00")
    assert report["intact"] is False
