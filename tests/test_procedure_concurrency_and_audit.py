"""Concurrent filings get unique, gap-free numbers; ``zhifa audit verify`` finds tampering."""

from __future__ import annotations

import asyncio

import pytest
from zhifa.core.db.tables import Event, Township
from zhifa.core.services.demo import load_demo
from zhifa.core.services.procedure import perform

from .helpers import cli, run
from .procedure_helpers import HENGCUN, OFFICERS, clue, d

CONCURRENT = 24


@pytest.fixture
def county(database_url):
    run(load_demo())


def test_concurrent_filings_get_unique_gap_free_case_numbers(county):
    cases = [clue("urban", "URBAN-CF-004", "2026-03-02") for _ in range(CONCURRENT)]

    async def file_all():
        return await asyncio.gather(*(
            perform(HENGCUN, case, "file_case", {"officers": OFFICERS}, actor="hc-captain", on=d("2026-03-03"))
            for case in cases))

    filed = run(file_all())
    numbers = sorted(int(c.number.split("〕")[1].rstrip("号")) for c in filed)
    assert numbers == list(range(1, CONCURRENT + 1))
    assert len({c.number for c in filed}) == CONCURRENT
    # and the event chain stayed one unbroken line
    assert "哈希链完整" in cli("audit", "verify", "--township", HENGCUN).stdout


def test_audit_verify_passes_on_a_clean_database(county):
    result = cli("audit", "verify")
    assert result.stdout.count("哈希链完整") == 3


@pytest.fixture
def tamperable(county, append_only_triggers_dropped):
    yield


def _township_id(code: str) -> int:
    return run(Township.select(Township.id).where(Township.code == code).first())["id"]


def test_audit_verify_fails_naming_an_altered_event(tamperable):
    run(Event.update({Event.place: "改过的地点"}).where((Event.township == _township_id(HENGCUN)) & (Event.seq == 2)))
    result = cli("audit", "verify", "--township", HENGCUN, ok=False)
    assert result.exit_code == 1
    assert "第 2 号事件的内容已被改动" in result.stderr


def test_audit_verify_fails_naming_a_deleted_event(tamperable):
    run(Event.delete().where((Event.township == _township_id(HENGCUN)) & (Event.seq == 1)))
    result = cli("audit", "verify", ok=False)
    assert result.exit_code == 1
    assert "第 1 号事件缺失" in result.stderr
    assert result.stdout.count("哈希链完整") == 2  # the other townships' chains are untouched
