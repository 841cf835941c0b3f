"""A county's set-up as one configuration file: departments, townships and their authorisations,
users with certificates, and parties. Applying it twice changes nothing the second time.

This is how a county (or the demo) changes townships' powers without any code change.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import msgspec
from zhifa.core.db.tables import AppUser, Authorisation, Department, Party, Township
from zhifa.core.db.transaction import write_transaction
from zhifa.core.schemas.people import CertificateCreate, PartyCreate, UserCreate
from zhifa.core.schemas.townships import AuthorisationCreate, DepartmentCreate, TownshipCreate
from zhifa.core.services import authorisations, parties, people, townships
from zhifa.core.services.errors import Invalid
from zhifa.core.services.scope import owned_by


class AuthorisationEntry(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    field: str
    basis: str
    document_no: str
    valid_from: dt.date
    power: str | None = None
    valid_to: dt.date | None = None
    department: str | None = None
    # A later 上收: disable from this date with this document.
    revoked_on: dt.date | None = None
    revoked_document_no: str = ""


class WithdrawalEntry(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    field: str
    power: str
    on: dt.date
    document_no: str


class TownshipEntry(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    code: str
    name: str
    short_name: str = ""
    authorisations: list[AuthorisationEntry] = []
    withdrawals: list[WithdrawalEntry] = []
    parties: list[PartyCreate] = []


class UserEntry(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    username: str
    display_name: str
    roles: list[str]
    township: str | None = None
    department: str | None = None
    legal_qualification: bool = False
    reviewing_since: dt.date | None = None  # 首次从事法制审核之日: before 2021-07-15, no 法律职业资格 needed
    password: str | None = None
    certificates: list[CertificateCreate] = []


class CountyConfig(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    county_code: str
    departments: list[DepartmentCreate] = []
    townships: list[TownshipEntry] = []
    users: list[UserEntry] = []


class ApplySummary(msgspec.Struct, kw_only=True):
    departments: int = 0
    townships: int = 0
    authorisations: int = 0
    users: int = 0
    certificates: int = 0
    parties: int = 0


def read_file(path: Path) -> CountyConfig:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        return msgspec.convert(raw, CountyConfig)
    except (tomllib.TOMLDecodeError, msgspec.ValidationError) as exc:
        raise Invalid("config.invalid", f"配置文件 {path.name} 有误：{exc}") from exc


async def apply(config: CountyConfig, known_hashes: dict[str, str] | None = None) -> ApplySummary:
    """Apply the whole file in one transaction: it lands completely or not at all.

    ``known_hashes`` maps a password to an argon2 hash already computed for it (the demo reuses
    one across imports in a process); every other password is hashed once per import.
    """
    async with write_transaction():
        return await _apply(config, dict(known_hashes or {}))


async def _apply(config: CountyConfig, hashes: dict[str, str]) -> ApplySummary:
    summary = ApplySummary()
    for dept in config.departments:
        exists = await Department.exists().where(
            (Department.county_code == config.county_code) & (Department.code == dept.code)
        )
        if not exists:
            await townships.create_department(msgspec.structs.replace(dept, county_code=config.county_code))
            summary.departments += 1
    for entry in config.townships:
        if not await Township.exists().where(Township.code == entry.code):
            await townships.create_township(TownshipCreate(code=entry.code, name=entry.name, short_name=entry.short_name))
            summary.townships += 1
            await _authorise(entry, summary)
        township = await townships.get_township_row(entry.code)
        for party in entry.parties:
            if not await Party.exists().where(owned_by(Party, township["id"]) & (Party.identifier == party.identifier)):
                await parties.create_party(entry.code, party)
                summary.parties += 1
    # argon2 is deliberately slow: hash each distinct password once
    for user in config.users:
        if await AppUser.exists().where(AppUser.username == user.username):
            continue
        if user.password and user.password not in hashes:
            hashes[user.password] = people.hash_password(user.password)
        await people.create_user(
            UserCreate(
                username=user.username, display_name=user.display_name, roles=user.roles, township=user.township,
                county_code=config.county_code, department=user.department,
                legal_qualification=user.legal_qualification, reviewing_since=user.reviewing_since,
                password=user.password,
            ),
            password_hash=hashes.get(user.password or ""),
        )
        summary.users += 1
        for cert in user.certificates:
            await people.add_certificate(user.username, cert)
            summary.certificates += 1
    return summary


async def _authorise(entry: TownshipEntry, summary: ApplySummary) -> None:
    township = await townships.get_township_row(entry.code)
    if await Authorisation.exists().where(owned_by(Authorisation, township["id"])):
        return
    for auth in entry.authorisations:
        await authorisations.enable(
            entry.code,
            AuthorisationCreate(
                field=auth.field, power=auth.power, basis=auth.basis, document_no=auth.document_no,
                valid_from=auth.valid_from, valid_to=auth.valid_to, department=auth.department,
            ),
        )
        summary.authorisations += 1
        if auth.revoked_on is not None:
            await authorisations.disable(
                entry.code, auth.field, auth.revoked_on, auth.revoked_document_no, power=auth.power
            )
    for withdrawal in entry.withdrawals:
        await authorisations.disable(
            entry.code, withdrawal.field, withdrawal.on, withdrawal.document_no, power=withdrawal.power
        )
        summary.authorisations += 1


async def apply_file(path: Path) -> ApplySummary:
    return await apply(read_file(path))


def describe(summary: ApplySummary) -> str:
    return (
        f"新建部门 {summary.departments} 个、乡镇 {summary.townships} 个、授权 {summary.authorisations} 条、"
        f"用户 {summary.users} 名、执法证 {summary.certificates} 张、当事人 {summary.parties} 名"
    )
