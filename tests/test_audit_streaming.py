"""``audit verify`` and ``audit checkpoint`` stream the chain in batches by seq (issue 16, item 6).

The batch is set to 7 events here so that a county of a few dozen events crosses many batch
boundaries: what is found, and where, must not depend on where a batch ends.
"""

from __future__ import annotations

import msgspec
import pytest
from zhifa.core.db.tables import Event, Township
from zhifa.core.services import audit, checkpoints, events
from zhifa.core.services.demo import load_demo

from .helpers import run
from .procedure_helpers import HENGCUN, OFFICERS, act, clue


@pytest.fixture
def county(database_url, append_only_triggers_dropped, monkeypatch):
    run(load_demo())
    for _ in range(12):
        case = clue("urban", "URBAN-CF-004", "2026-03-02")
        act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, act_date="2026-03-01")
    monkeypatch.setattr(events, "STREAM_BATCH", 7)
    return run(Township.select(Township.id).where(Township.code == HENGCUN).first())["id"]


def _all(township_id: int) -> list:
    return run(events.events_of(township_id))


def test_a_chain_of_many_batches_verifies_with_every_event_counted(county):
    chain = _all(county)
    assert len(chain) > 7 * 4
    [report] = run(audit.verify(HENGCUN))
    assert report.intact and report.events == len(chain) and report.cases == []


def test_an_event_edited_in_a_later_batch_is_found_at_its_number(county):
    chain = _all(county)
    target = chain[7 * 3 + 2]  # inside the fourth batch
    run(Event.update({Event.place: "被改动的地点"}).where((Event.township == county) & (Event.seq == target.seq)))
    [report] = run(audit.verify(HENGCUN))
    assert not report.intact and report.first_break.seq == target.seq and report.first_break.problem == "altered"


def test_a_checkpoint_streamed_in_batches_is_the_chains_length_and_head(county):
    chain = _all(county)
    [point] = run(checkpoints.take(HENGCUN))
    assert (point.events, point.head) == (len(chain), chain[-1].hash)
    newest = chain[-1].seq
    run(Event.delete().where((Event.township == county) & (Event.seq == newest)))
    [report] = run(audit.verify(HENGCUN, [point]))
    assert not report.intact and any("少于" in text for text in report.checkpoint)


def test_a_case_row_that_disagrees_is_found_in_any_batch_of_cases(county, monkeypatch):
    from zhifa.core.db.tables import Case
    from zhifa.core.services import case_replay

    monkeypatch.setattr(case_replay, "CASE_BATCH", 5)

    last_case = run(Case.select(Case.id).where(Case.township == county).order_by(Case.id, ascending=False).first())["id"]
    run(Case.update({Case.status: "closed"}).where(Case.id == last_case))
    [report] = run(audit.verify(HENGCUN))
    assert [(m.case_id, m.field) for m in report.cases] == [(last_case, "status")]
    assert msgspec.to_builtins(report.cases[0])["row"] == "closed"
