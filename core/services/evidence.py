"""Evidence (证据, 行政处罚法 第46条): hashed at capture, stored by content, recorded as an event.

Collecting evidence is an officer's act (第42条): the uploader is checked as a person before a byte
is stored, with the rules the procedure's actions use (zhifa.core.rules.people) — an officer, with
their own certificate valid on the day the evidence was captured (its local date) and covering
the case's field, else ``officer.actor_no_valid_certificate`` (422, like an action).

The same content is evidence of a case once: uploading it again answers the existing record
(``created`` False) and records nothing new; if the stored file had gone missing, the upload puts
it back. A record whose file is missing is answered ``evidence.file_missing`` (409), never a crash.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import os
import tempfile
from collections.abc import AsyncIterator
from typing import BinaryIO
from enum import Enum
from pathlib import Path

from zhifa.core import clock
from zhifa.core.config import home, load_settings
from zhifa.core.db.tables import AppUser, Event, Evidence
from zhifa.core.db.transaction import write_transaction
from zhifa.core.domain.roles import Role
from zhifa.core.registry import get_host
from zhifa.core.rules import people
from zhifa.core.rules.context import ActionContext, CaseFacts
from zhifa.core.rules.refusal import Refusal, Refused
from zhifa.core.schemas.cases import EvidenceRead
from zhifa.core.services import events
from zhifa.core.services.cases import get_case
from zhifa.core.services.errors import Conflict, Invalid, TooLarge
from zhifa.core.services.facts import people_facts
from zhifa.core.services.scope import TownshipScope, not_found, owned_by
from zhifa.core.services.townships import get_township_row


class EvidenceKind(str, Enum):
    documentary = "documentary"  # 书证
    physical = "physical"  # 物证
    audiovisual = "audiovisual"  # 视听资料
    electronic = "electronic"  # 电子数据
    witness = "witness"  # 证人证言
    party_statement = "party_statement"  # 当事人的陈述
    expert_opinion = "expert_opinion"  # 鉴定意见
    inspection_record = "inspection_record"  # 勘验笔录、现场笔录


EVIDENCE_NAMES = {
    EvidenceKind.documentary: "书证", EvidenceKind.physical: "物证", EvidenceKind.audiovisual: "视听资料",
    EvidenceKind.electronic: "电子数据", EvidenceKind.witness: "证人证言",
    EvidenceKind.party_statement: "当事人的陈述", EvidenceKind.expert_opinion: "鉴定意见",
    EvidenceKind.inspection_record: "勘验笔录、现场笔录",
}


def store_dir() -> Path:
    path = Path(load_settings().evidence_dir)
    return path if path.is_absolute() else home() / path


def _store(township_code: str, content: bytes, digest: str) -> str:
    key = f"{township_code}/{digest[:2]}/{digest}"
    path = store_dir() / key
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = store_dir() / ".staging"
        staging.mkdir(parents=True, exist_ok=True)
        out, tmp = _staging_file(staging)  # its own name: two writers of the same content never share one
        try:
            with out:
                out.write(content)
            tmp.replace(path)
        finally:
            if tmp.exists():
                tmp.unlink()
    return key


def _read(row: dict) -> EvidenceRead:
    return EvidenceRead(
        id=row["id"], case_id=row["case"], kind=row["kind"], title=row["title"],
        content_sha256=row["content_sha256"], size_bytes=row["size_bytes"], media_type=row["media_type"],
        captured_at=row["captured_at"], captured_place=row["captured_place"], collector_id=row["collector"],
    )


async def _validated(township_code: str, case_id: int, kind: str, captured_at: dt.datetime, collector: str):
    township = await get_township_row(township_code)
    case = await get_case(township_code, case_id)
    try:
        kind_ = EvidenceKind(kind)
    except ValueError as exc:
        names = "、".join(f"{k.value}（{v}）" for k, v in EVIDENCE_NAMES.items())
        raise Invalid("evidence.kind", f"证据种类 {kind} 不是法定证据种类之一：{names}") from exc
    if captured_at.tzinfo is None:
        raise Invalid("evidence.captured_at", "取证时间必须带时区")
    user = await AppUser.select(AppUser.id, AppUser.township).where(AppUser.username == collector).first()
    if user is None or user["township"] != township["id"]:
        raise not_found("user", "actor", collector)
    await _collector_may_collect(township, case, collector, clock.local_date(captured_at))
    return township, kind_, user


async def _collector_may_collect(township: dict, case, collector: str, on: dt.date) -> None:
    """An officer, with their own certificate valid ``on`` covering the case's field (第42条); or the
    auxiliary who registered the clue, photographing it while it is still a clue (domain.md §2: auxiliaries
    record clues and take photos; they never collect evidence in an investigation)."""
    if await _own_clue_of_auxiliary(township, case, collector):
        return
    if await _auxiliary(township, collector):
        raise Refused(Refusal(
            "evidence.auxiliary_own_clue_only",
            "辅助人员只能为本人登记、尚处于线索阶段的案件上传照片等材料；立案后的调查取证须由两名以上持证执法人员进行"
            "（行政处罚法第四十二条）"))
    catalogue = get_host().registry.catalogues.get(case.field)
    ctx = ActionContext(
        action="register_evidence", township=township["code"], on=on, field=case.field, power=case.power,
        data=CaseFacts(actor_name=collector, people=await people_facts(TownshipScope(township), {collector}),
                       township_id=township["id"], field_name=catalogue.field.name if catalogue else case.field),
    )
    refusals = people.actor_has_role(Role.officer)(ctx) or people.actor_certified(ctx)
    if refusals:
        raise Refused(refusals)


async def _auxiliary(township: dict, collector: str) -> bool:
    """Whether the collector is an auxiliary (辅助人员) of the township, holding no officer's role."""
    user = await AppUser.select(AppUser.roles).where(
        (AppUser.username == collector) & owned_by(AppUser, township["id"])).output(load_json=True).first()
    return user is not None and "auxiliary" in user["roles"] and "officer" not in user["roles"]


async def _own_clue_of_auxiliary(township: dict, case, collector: str) -> bool:
    if case.status != "clue":
        return False
    user = await AppUser.select(AppUser.id, AppUser.roles).where(
        (AppUser.username == collector) & owned_by(AppUser, township["id"])).output(load_json=True).first()
    if user is None or "auxiliary" not in user["roles"] or "officer" in user["roles"]:
        return False
    return await Event.exists().where(owned_by(Event, township["id"]) & (Event.case == case.id)
                                      & (Event.kind == "clue_registered") & (Event.actor == user["id"]))


async def register_evidence(
    township_code: str, case_id: int, *, kind: str, title: str, content: bytes, captured_at: dt.datetime,
    collector: str, captured_place: str = "", media_type: str = "application/octet-stream",
) -> EvidenceRead:
    township, kind_, user = await _validated(township_code, case_id, kind, captured_at, collector)
    digest = hashlib.sha256(content).hexdigest()
    key = _store(township_code, content, digest)
    item, _ = await _record(township, township_code, case_id, kind_, title, digest, len(content), key, captured_at,
                            captured_place, media_type, user["id"])
    return item


async def _record(township, township_code, case_id, kind_, title, digest, size, key, captured_at, captured_place,
                  media_type, user_id) -> tuple[EvidenceRead, bool]:
    """The case's record of this content: the one already there, or a new one with its event."""
    async with write_transaction(township["id"]):
        # after the township's lock: a concurrent upload of the same bytes has committed or not begun
        existing = await Evidence.select().where(
            owned_by(Evidence, township["id"]) & (Evidence.case == case_id) & (Evidence.storage_key == key)).first()
        if existing is not None:
            return _read(existing), False
        row = Evidence(
            township=township["id"], case=case_id, kind=kind_.value, title=title, content_sha256=digest,
            size_bytes=size, media_type=media_type, storage_key=key,
            captured_at=captured_at.astimezone(dt.timezone.utc), captured_place=captured_place,
            collector=user_id,
        )
        await row.save()
        await events.append_event(
            township_id=township["id"], township_code=township_code, kind="evidence_registered",
            case_id=case_id, actor_id=user_id, place=captured_place, occurred_at=captured_at,
            payload={"evidence_id": row.id, "kind": kind_.value, "sha256": digest, "size": size},
        )
    return _read(await Evidence.select().where(Evidence.id == row.id).first()), True


async def register_evidence_stream(
    township_code: str, case_id: int, chunks: AsyncIterator[bytes], *, kind: str, title: str,
    captured_at: dt.datetime, collector: str, max_bytes: int, captured_place: str = "",
    media_type: str = "application/octet-stream",
) -> EvidenceRead:
    """Evidence received as a stream: hashed while written to disk, never held whole in memory."""
    item, _ = await receive_evidence_stream(
        township_code, case_id, chunks, kind=kind, title=title, captured_at=captured_at, collector=collector,
        max_bytes=max_bytes, captured_place=captured_place, media_type=media_type)
    return item


def _staging_file(staging: Path) -> tuple[BinaryIO, Path]:
    """A new file in the staging folder, open for writing (the store's write: a full disk fails here)."""
    handle, name = tempfile.mkstemp(dir=staging)
    return os.fdopen(handle, "wb"), Path(name)


async def receive_evidence_stream(
    township_code: str, case_id: int, chunks: AsyncIterator[bytes], *, kind: str, title: str,
    captured_at: dt.datetime, collector: str, max_bytes: int, captured_place: str = "",
    media_type: str = "application/octet-stream",
) -> tuple[EvidenceRead, bool]:
    """``register_evidence_stream``, also saying whether the record is new (False: the case already had this content)."""
    township, kind_, user = await _validated(township_code, case_id, kind, captured_at, collector)
    if not title.strip():
        raise Invalid("evidence.title", "证据名称不能为空")
    staging = store_dir() / ".staging"
    staging.mkdir(parents=True, exist_ok=True)
    out, tmp = _staging_file(staging)
    digest, size = hashlib.sha256(), 0
    try:
        with out:
            async for chunk in chunks:
                size += len(chunk)
                if size > max_bytes:
                    raise TooLarge("evidence.too_large", f"证据文件超过大小上限 {max_bytes // (1024 * 1024)} MB")
                digest.update(chunk)
                out.write(chunk)
        if size == 0:
            raise Invalid("evidence.empty", "证据文件为空")
        hexdigest = digest.hexdigest()
        key = f"{township_code}/{hexdigest[:2]}/{hexdigest}"
        path = store_dir() / key
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            tmp.unlink()
        else:
            tmp.replace(path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return await _record(township, township_code, case_id, kind_, title.strip(), hexdigest, size, key, captured_at,
                         captured_place, media_type, user["id"])


async def list_evidence(township_code: str, case_id: int) -> list[EvidenceRead]:
    township = await get_township_row(township_code)
    await get_case(township_code, case_id)
    rows = await Evidence.select().where(owned_by(Evidence, township["id"]) & (Evidence.case == case_id)).order_by(
        Evidence.id)
    return [_read(r) for r in rows]


async def evidence_file(township_code: str, evidence_id: int) -> tuple[EvidenceRead, Path]:
    """The stored file, checked against the hash recorded at capture before anything is sent."""
    township = await get_township_row(township_code)
    row = await Evidence.select().where((Evidence.id == evidence_id) & owned_by(Evidence, township["id"])).first()
    if row is None:
        raise not_found("evidence", "evidence_id", evidence_id)
    path = store_dir() / row["storage_key"]
    try:
        digest = await asyncio.to_thread(_file_sha256, path)  # a 150 MB file must not hold up other requests
    except FileNotFoundError:
        raise _file_missing(evidence_id) from None
    if digest != row["content_sha256"]:
        raise Invalid("evidence.tampered", f"证据 {evidence_id} 的内容与取证时的哈希值不符，可能已被篡改")
    return _read(row), path


async def evidence_content(township_code: str, evidence_id: int) -> bytes:
    """The stored content, checked against the hash recorded at capture."""
    township = await get_township_row(township_code)
    row = await Evidence.select().where((Evidence.id == evidence_id) & owned_by(Evidence, township["id"])).first()
    if row is None:
        raise not_found("evidence", "evidence_id", evidence_id)
    try:
        content = await asyncio.to_thread((store_dir() / row["storage_key"]).read_bytes)
    except FileNotFoundError:
        raise _file_missing(evidence_id) from None
    if await asyncio.to_thread(lambda: hashlib.sha256(content).hexdigest()) != row["content_sha256"]:
        raise Invalid("evidence.tampered", f"证据 {evidence_id} 的内容与取证时的哈希值不符，可能已被篡改")
    return content


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _file_missing(evidence_id: int) -> Conflict:
    return Conflict("evidence.file_missing",
                    f"证据 {evidence_id} 有记录，但其文件已不在证据存储中：请联系管理员从备份恢复，"
                    "或重新上传同一文件（哈希一致即恢复，不会新增证据）")
