"""Parties (当事人): citizens by resident ID number, organisations by unified social credit code."""

from __future__ import annotations

from zhifa.core.db.tables import Party
from zhifa.core.domain import identifiers
from zhifa.core.schemas.people import PartyCreate, PartyRead
from zhifa.core.services.errors import Conflict, Invalid
from zhifa.core.services.scope import owned_by, township_scope
from zhifa.core.services.townships import get_township_row
from zhifa.core.vocabulary import PARTY_KINDS

KINDS = {kind: PARTY_KINDS[kind] for kind in ("citizen", "organisation")}  # a party registers as one of these


def read_party(row: dict) -> PartyRead:
    return PartyRead(
        id=row["id"], kind=row["kind"], name=row["name"], identifier=row["identifier"],
        legal_representative=row["legal_representative"], address=row["address"], phone=row["phone"],
        birth_date=row["birth_date"],
    )


async def create_party(township_code: str, data: PartyCreate) -> PartyRead:
    township = await get_township_row(township_code)
    name = data.name.strip()
    if not name:
        raise Invalid("party.name_required", "当事人名称不能为空", field="name")
    birth = None
    try:
        if data.kind == "citizen":
            identifier = identifiers.resident_id(data.identifier)
            birth = identifiers.birth_date(identifier)
        elif data.kind == "organisation":
            identifier = identifiers.credit_code(data.identifier)
            if not (data.legal_representative or "").strip():
                raise Invalid("party.legal_representative_required", "法人或者其他组织必须填写法定代表人（负责人）",
                              field="legal_representative")
        else:
            raise Invalid("party.kind", f"当事人类型 {data.kind} 无效：应为 citizen（公民）或 organisation（法人或者其他组织）")
    except identifiers.InvalidIdentifier as exc:
        raise Invalid(exc.code, str(exc), field="identifier") from exc  # the request's field, whichever kind
    exists = await Party.exists().where(owned_by(Party, township["id"]) & (Party.identifier == identifier))
    if exists:
        raise Conflict("party.exists", f"本乡镇已登记证件号码为 {identifier} 的当事人")
    row = Party(
        township=township["id"], kind=data.kind, name=name, identifier=identifier,
        legal_representative=(data.legal_representative or "").strip() or None,
        address=data.address.strip(), phone=data.phone.strip(), birth_date=birth,
    )
    await row.save()
    return await get_party(township_code, row.id)


async def get_party(township_code: str, party_id: int) -> PartyRead:
    scope = await township_scope(township_code)
    return read_party(await scope.resolve("party", party_id, field="party_id"))


async def list_parties(township_code: str) -> list[PartyRead]:
    township = await get_township_row(township_code)
    rows = await Party.select().where(owned_by(Party, township["id"])).order_by(Party.id)
    return [read_party(r) for r in rows]
