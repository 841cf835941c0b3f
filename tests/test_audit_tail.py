"""Tamper evidence that covers the tail: a keyed chain and the county's checkpoints (issue 12, item 6).

Before: with the append-only triggers dropped (anyone with the database file can), deleting the
newest event, the last 20, or all of them left ``audit verify`` saying 哈希链完整, and editing an
event and recomputing the later hashes passed.
"""

from __future__ import annotations

import hashlib
import json

import msgspec
import pytest
from zhifa.core.db.tables import Event, Township
from zhifa.core.services.demo import load_demo

from .helpers import cli, run
from .procedure_helpers import HENGCUN, OFFICERS, act, clue

BILLBOARD = "URBAN-CF-004"


@pytest.fixture
def county(database_url, append_only_triggers_dropped, tmp_path):
    run(load_demo())
    for _ in range(25):
        case = clue("urban", BILLBOARD, "2026-03-02")
        act(case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, act_date="2026-03-01")
    path = tmp_path / "checkpoint.json"
    cli("audit", "checkpoint", "--out", str(path))
    return path


def _township() -> int:
    return run(Township.select(Township.id).where(Township.code == HENGCUN).first())["id"]


def _last_seq() -> int:
    return run(Event.select(Event.seq).where(Event.township == _township()).order_by(Event.seq, ascending=False).first())["seq"]


def _verify(*extra: str):
    return cli("audit", "verify", "--township", HENGCUN, *extra, ok=False)


def test_the_checkpoint_of_an_untouched_chain_verifies(county):
    result = _verify("--checkpoint", str(county))
    assert result.exit_code == 0 and "哈希链完整" in result.stdout


@pytest.mark.parametrize("deleted", [1, 20, "all"])
def test_deleting_the_newest_events_is_found_against_the_checkpoint(county, deleted):
    last = _last_seq()
    first = 1 if deleted == "all" else last - deleted + 1
    run(Event.delete().where((Event.township == _township()) & (Event.seq >= first)))
    assert _verify().exit_code == 1  # the case rows no longer agree with the shortened record …
    result = _verify("--checkpoint", str(county))  # … and the county's checkpoint says what is missing
    assert result.exit_code == 1
    assert f"现有事件 {first - 1} 条，少于" in result.stderr and f"记录的 {last} 条" in result.stderr


def test_an_edited_event_with_every_later_hash_recomputed_is_found_without_the_key(county):
    """What someone with the database but not the deployment's key can do: re-chain with SHA-256."""
    township = _township()
    rows = run(Event.select().where(Event.township == township).order_by(Event.seq).output(load_json=True))
    prev = None
    for row in rows:
        payload = row["payload"] if isinstance(row["payload"], dict) else json.loads(row["payload"])
        if row["seq"] == 5:
            payload = {**payload, "title": "改过的内容"}
        prev_hash = prev or row["prev_hash"]
        body = {"township": HENGCUN, "seq": row["seq"], "case": row["case"], "kind": row["kind"], "actor": row["actor"],
                "occurred_at": row["occurred_at"].astimezone(__import__("datetime").timezone.utc).isoformat(),
                "place": row["place"], "payload": payload, "prev_hash": prev_hash}
        digest = hashlib.sha256(msgspec.json.encode(body, order="sorted")).hexdigest() if row["seq"] >= 5 else row["hash"]
        run(Event.update({Event.payload: payload, Event.prev_hash: prev_hash, Event.hash: digest}).where(Event.id == row["id"]))
        prev = digest
    result = _verify()
    assert result.exit_code == 1 and "第 5 号事件没有部署密钥的签名" in result.stderr


def test_a_forged_checkpoint_is_refused(county):
    points = json.loads(county.read_text())
    for point in points:
        point["events"] -= 3
    county.write_text(json.dumps(points))
    result = _verify("--checkpoint", str(county))
    assert result.exit_code == 1 and "检查点签名不符" in result.stderr


def test_the_key_lives_outside_the_database_owner_only(county, database_url):
    from zhifa.core.services.chain_key import key_path

    path = key_path()
    assert path.exists() and oct(path.stat().st_mode & 0o777) == "0o600"
    assert path.read_text().strip() not in json.dumps(run(Event.select(Event.hash, Event.payload)), default=str)
