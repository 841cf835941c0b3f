"""What the kit's pytest fixtures set up: a migrated SQLite file, a township, certified officers.

Everything goes through zhifa's own services, exactly as a county's set-up would; nothing is
mocked. The township (示例镇, 330122100) has the plugin's fields conferred (赋权) from 2020-01-01;
its people are two certified officers, a captain who approves, a legal reviewer and the head.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zhifa.testing.conformance import KIT_TOWNSHIP

CST = dt.timezone(dt.timedelta(hours=8))
GRANTED_FROM = dt.date(2020, 1, 1)
CERTIFICATES_VALID = (dt.date(2020, 1, 1), dt.date(2099, 12, 31))
FOUND_ON = dt.date(2026, 3, 2)  # a Monday: the default day a clue is found


def run(awaitable: Any) -> Any:
    """Run a coroutine (or an awaitable Piccolo query) to completion."""

    async def _wait() -> Any:
        return await awaitable

    return asyncio.run(_wait())


def migrated_template(path: Path) -> Path:
    """An SQLite file with the core's and every loaded plugin's tables (``zhifa_piccolo_apps``)."""
    from zhifa.core.bootstrap import open_database
    from zhifa.core.registry import reset_host

    reset_host()
    run(open_database(f"sqlite:///{path}", migrate=True))
    return path


def use_database(template: Path, folder: Path) -> str:
    """A private copy of the migrated template, configured for services; returns its URL."""
    from zhifa.core.bootstrap import open_database

    path = folder / "zhifa.sqlite3"
    shutil.copy(template, path)
    url = f"sqlite:///{path}"
    run(open_database(url))
    return url


@dataclass(frozen=True)
class KitTownship:
    code: str
    name: str
    short_name: str
    fields: tuple[str, ...]
    party_id: int  # an organisation party registered in the township


@dataclass(frozen=True)
class KitPeople:
    officers: tuple[str, ...]  # two officers with certificates covering the fields
    captain: str  # officer and approver (files cases)
    legal: str  # legal reviewer with the legal qualification
    head: str  # township head (decides)


async def create_township(fields: list[str], code: str = KIT_TOWNSHIP) -> KitTownship:
    from stdnum.cn import uscc
    from zhifa.core.schemas.people import PartyCreate
    from zhifa.core.schemas.townships import AuthorisationCreate, TownshipCreate
    from zhifa.core.services import authorisations, parties, townships

    township = await townships.create_township(TownshipCreate(code=code, name="示例镇", short_name="示综执"))
    for field_code in fields:
        await authorisations.enable(code, AuthorisationCreate(
            field=field_code, basis="conferred", document_no="示例政函〔2020〕1号", valid_from=GRANTED_FROM))
    body = "91330122MA27XK3P0"
    party = await parties.create_party(code, PartyCreate(
        kind="organisation", name="示例县示例商贸有限公司", identifier=body + uscc.calc_check_digit(body),
        legal_representative="王示例", address="示例县示例镇振兴路66号", phone="057164001234"))
    return KitTownship(code=code, name=township.name, short_name=township.short_name, fields=tuple(fields),
                       party_id=party.id)


async def create_people(township: KitTownship) -> KitPeople:
    from zhifa.core.schemas.people import CertificateCreate, UserCreate
    from zhifa.core.services import people

    prefix = township.code[-3:]
    certified = [("officer1", "执法队员甲", ["officer"]), ("officer2", "执法队员乙", ["officer"]),
                 ("captain", "执法队长", ["officer", "approver"])]
    for n, (username, name, roles) in enumerate(certified, start=1):
        await people.create_user(UserCreate(username=username, display_name=name, roles=roles, township=township.code))
        await people.add_certificate(username, CertificateCreate(
            number=f"示A{prefix}{n:04d}", fields=list(township.fields), issuer="示例省人民政府",
            valid_from=CERTIFICATES_VALID[0], valid_to=CERTIFICATES_VALID[1]))
    await people.create_user(UserCreate(username="legal", display_name="法制审核员", roles=["legal_reviewer"],
                                        township=township.code, legal_qualification=True))
    await people.create_user(UserCreate(username="head", display_name="分管副镇长", roles=["township_head"],
                                        township=township.code))
    return KitPeople(officers=("officer1", "officer2"), captain="captain", legal="legal", head="head")


def day_for(power: Any, preferred: dt.date = FOUND_ON) -> dt.date:
    """A day the power is in force: ``preferred`` when it is, else a day inside its validity."""
    if power.valid_from > preferred:
        return power.valid_from
    if power.valid_to is not None and power.valid_to < preferred:
        return max(power.valid_from, power.valid_to - dt.timedelta(days=30))
    return preferred


@dataclass
class KitServices:
    """The service context tests use: the township, its people, and helpers that drive a case."""

    township: KitTownship
    people: KitPeople
    database_url: str
    cases: list[int] = field(default_factory=list)

    run = staticmethod(run)

    @property
    def host(self):
        from zhifa.core.registry import get_host

        return get_host()

    @property
    def registry(self):
        return self.host.registry

    def power(self, code: str):
        return self.registry.powers[code]

    def register_clue(self, power: str, found: dt.date | None = None, summary: str = "巡查发现涉嫌违法行为（示例）",
                      field: str | None = None):
        from zhifa.core.schemas.cases import ClueCreate
        from zhifa.core.services import cases

        found = found or day_for(self.power(power))
        found_at = dt.datetime.combine(found, dt.time(9, 30), tzinfo=CST)
        case = run(cases.register_clue(self.township.code, ClueCreate(
            field=field or self.registry.field_of(power), power=power, source="patrol", summary=summary,
            found_at=found_at, place="示例县示例镇示例路1号")))
        self.cases.append(case.id)
        return case

    def perform(self, case_id: int, action: str, on: dt.date, actor: str, **data: Any):
        from zhifa.core.services.procedure import perform

        return run(perform(self.township.code, case_id, action, data, actor=actor, on=on))

    def file_case(self, power: str, found: dt.date | None = None, **data: Any):
        """Register a clue under ``power`` and file it (责令改正 and 复查 first for two-stage powers)."""
        found = found or day_for(self.power(power))
        case = self.register_clue(power, found)
        on = found
        if self.power(power).two_stage:
            officer = self.people.officers[0]
            self.perform(case.id, "order_correction", found, officer, deadline=str(found + dt.timedelta(days=7)),
                         content="立即停止违法行为并改正")
            self.perform(case.id, "recheck_correction", found + dt.timedelta(days=8), officer, corrected=False)
            on = found + dt.timedelta(days=9)
        data.setdefault("officers", list(self.people.officers))
        data.setdefault("party_id", self.township.party_id)
        data.setdefault("act_date", str(found - dt.timedelta(days=1)))
        return self.perform(case.id, "file_case", on, self.people.captain, **data)

    def case_file(self, case_id: int):
        from zhifa.core.services.procedure import case_file

        return run(case_file(self.township.code, case_id))


@dataclass
class KitApp:
    """zhifa's HTTP API over the kit's database, with a bearer token for each of the township's people."""

    client: Any  # litestar.testing.TestClient
    tokens: dict[str, str]
    township: KitTownship

    def request(self, method: str, path: str, user: str | None = None, **kwargs: Any):
        headers = dict(kwargs.pop("headers", None) or {})
        if user is not None:
            headers["Authorization"] = f"Bearer {self.tokens[user]}"
        return self.client.request(method, path, headers=headers, **kwargs)

    def get(self, path: str, user: str | None = None, **kwargs: Any):
        return self.request("GET", path, user, **kwargs)

    def post(self, path: str, user: str | None = None, **kwargs: Any):
        return self.request("POST", path, user, **kwargs)


def issue_tokens(people: KitPeople) -> dict[str, str]:
    from zhifa.core.services import auth

    users = [*people.officers, people.captain, people.legal, people.head]
    return {user: run(auth.issue_token(user)).token for user in users}
