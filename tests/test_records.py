"""Core records: township scoping of keys, the append-only event chain, evidence hashes."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from piccolo.engine.sqlite import SQLiteEngine
from zhifa.core.db.tables import CORE_TABLES, Event, Township
from zhifa.core.schemas.cases import ClueCreate
from zhifa.core.services import cases, events, evidence
from zhifa.core.services.demo import load_demo
from zhifa.core.services.errors import Invalid, NotFound

from .helpers import run

CST = dt.timezone(dt.timedelta(hours=8))
HENGCUN, FENSHUI = "330122100", "330122101"


async def _unique_indexes() -> dict[str, list[list[str]]]:
    db = Township._meta.db
    found: dict[str, list[list[str]]] = {}
    for table in CORE_TABLES:
        name = table._meta.tablename
        if isinstance(db, SQLiteEngine):
            indexes = await Township.raw(f'PRAGMA index_list("{name}")')
            for index in indexes:
                if index["unique"] and index["origin"] != "pk":
                    cols = await Township.raw(f'PRAGMA index_info("{index["name"]}")')
                    found.setdefault(name, []).append([c["name"] for c in cols])
        else:
            rows = await Township.raw(
                "SELECT i.relname AS index, array_agg(a.attname ORDER BY a.attnum) AS cols "
                "FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid "
                "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY(x.indkey) "
                "WHERE t.relname = {} AND x.indisunique AND NOT x.indisprimary GROUP BY i.relname", name)
            found.setdefault(name, []).extend(list(r["cols"]) for r in rows)
    return found


def test_every_unique_key_of_a_township_owned_table_includes_the_township(database_url):
    indexes = run(_unique_indexes())
    owned = [t._meta.tablename for t in CORE_TABLES if "township" in [c._meta.name for c in t._meta.columns]
             and t is not Township and t._meta.tablename != "app_user"]
    assert {"party", "enforcement_case", "evidence", "case_event", "authorisation"} <= set(owned)
    for table in owned:
        for columns in indexes.get(table, []):
            assert "township" in columns, f"{table} has a unique key {columns} without the township"
    assert ["township", "seq"] in indexes["case_event"]
    assert ["township", "number"] in indexes["enforcement_case"]


@pytest.fixture
def demo(database_url):
    return run(load_demo())


def test_the_demo_county_has_townships_authorised_differently(demo):
    assert (demo.townships, demo.departments) == (3, len(run(_departments())))
    assert demo.users >= 20 and demo.certificates >= 12 and demo.parties >= 4 and demo.clues >= 4


async def _departments():
    from zhifa.core.services.townships import list_departments

    return await list_departments("330122")


def test_loading_the_demo_twice_adds_nothing(demo):
    again = run(load_demo())
    assert (again.townships, again.users, again.parties, again.clues) == (0, 0, 0, 0)


def test_a_township_never_reads_another_townships_case(demo):
    [case] = [c for c in run(cases.list_cases(HENGCUN)) if c.field == "urban"]
    with pytest.raises(NotFound):
        run(cases.get_case(FENSHUI, case.id))


def test_each_event_carries_the_hash_of_the_one_before(demo):
    township = run(Township.select().where(Township.code == HENGCUN).first())
    chain = run(events.events_of(township["id"]))
    assert [e.seq for e in chain] == list(range(1, len(chain) + 1))
    assert chain[0].prev_hash == events.GENESIS
    assert all(later.prev_hash == earlier.hash for earlier, later in zip(chain, chain[1:]))
    assert events.verify_chain(HENGCUN, chain) is None


def test_the_database_refuses_to_change_or_delete_an_event(demo):
    with pytest.raises(Exception, match="只追加"):
        run(Event.update({Event.place: "篡改"}).where(Event.seq == 1))
    with pytest.raises(Exception, match="只追加"):
        run(Event.delete().where(Event.seq == 1))


@pytest.fixture
def bypass_triggers(demo, append_only_triggers_dropped):
    yield


def test_verification_finds_the_first_altered_event(bypass_triggers):
    township = run(Township.select().where(Township.code == HENGCUN).first())
    run(Event.update({Event.payload: {"field": "market"}}).where((Event.township == township["id"]) & (Event.seq == 1)))
    broken = events.verify_chain(HENGCUN, run(events.events_of(township["id"])))
    assert (broken.seq, broken.problem) == (1, "altered")


def test_verification_finds_a_deleted_event(bypass_triggers):
    township = run(Township.select().where(Township.code == HENGCUN).first())
    run(Event.delete().where((Event.township == township["id"]) & (Event.seq == 1)))
    broken = events.verify_chain(HENGCUN, run(events.events_of(township["id"])))
    assert (broken.seq, broken.problem) == (1, "sequence_gap")


def test_evidence_keeps_the_hash_of_its_content_from_capture(demo):
    [case] = [c for c in run(cases.list_cases(HENGCUN)) if c.field == "urban"]
    photo = b"\x89PNG fake photo bytes of the billboard"
    item = run(evidence.register_evidence(
        HENGCUN, case.id, kind="audiovisual", title="现场照片", content=photo, media_type="image/png",
        captured_at=dt.datetime(2026, 10, 9, 9, 40, tzinfo=CST), captured_place="横村大街", collector="hc-officer1"))
    assert item.content_sha256 == hashlib.sha256(photo).hexdigest()
    assert run(evidence.evidence_content(HENGCUN, item.id)) == photo
    kinds = [e.kind for e in run(cases.case_events(HENGCUN, case.id))]
    assert kinds == ["clue_registered", "evidence_registered"]


def test_evidence_must_be_one_of_the_eight_legal_kinds(demo):
    [case] = [c for c in run(cases.list_cases(HENGCUN)) if c.field == "urban"]
    with pytest.raises(Invalid) as info:
        run(evidence.register_evidence(HENGCUN, case.id, kind="rumour", title="传言", content=b"x",
                                       captured_at=dt.datetime.now(dt.timezone.utc), collector="hc-officer1"))
    assert "书证" in info.value.message and info.value.code == "evidence.kind"


def test_altered_evidence_content_is_detected(demo, tmp_path):
    [case] = [c for c in run(cases.list_cases(HENGCUN)) if c.field == "urban"]
    item = run(evidence.register_evidence(HENGCUN, case.id, kind="documentary", title="营业执照复印件", content=b"original",
                                          captured_at=dt.datetime.now(dt.timezone.utc), collector="hc-officer1"))
    stored = next(evidence.store_dir().rglob(item.content_sha256))
    stored.write_bytes(b"tampered")
    with pytest.raises(Invalid) as info:
        run(evidence.evidence_content(HENGCUN, item.id))
    assert info.value.code == "evidence.tampered"


def test_a_clue_needs_an_aware_time(demo):
    with pytest.raises(Invalid):
        run(cases.register_clue(HENGCUN, ClueCreate(field="urban", source="patrol", summary="x", found_at=dt.datetime(2026, 1, 1))))
