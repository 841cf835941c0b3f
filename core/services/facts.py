"""Gather what the rules read about a case's people and rights, once, for every caller.

The procedure (and its dry runs), the documents and the supervisors' findings all read people
(roles, certificates) and the hearing right through here, so a rule and a document never see two
versions of the same fact.
"""

from __future__ import annotations

import datetime as dt

from zhifa.core.db.tables import AppUser, Certificate
from zhifa.core.procedure.casefile import CaseFile
from zhifa.core.registry import get_host
from zhifa.core.rules import hearing
from zhifa.core.rules.facts import CertificateFact, Person
from zhifa.core.services.scope import NAMED_BY, TownshipScope

#: The user columns a ``Person`` is built from.
PERSON_COLUMNS = (AppUser.id, AppUser.username, AppUser.display_name, AppUser.roles, AppUser.township,
                  AppUser.legal_qualification, AppUser.reviewing_since, AppUser.active)


def usernames_involved(actor: str, data, file: CaseFile) -> set[str]:
    """The actor, the case's officers, every user the input names, and attendees who may be users."""
    names = {actor, *file.officers, *file.recused, *(getattr(data, "attendees", None) or [])}
    for attr in (f for f, kind in NAMED_BY.items() if kind == "user"):
        value = getattr(data, attr, None)
        names.update(value if isinstance(value, list) else [value] if value else [])
    return names


async def persons(users: list[dict]) -> dict[str, Person]:
    """``Person`` facts (roles, qualification, every certificate) of user rows, by username."""
    ids = [u["id"] for u in users]
    certificates = await Certificate.select().where(Certificate.user.is_in(ids)).order_by(
        Certificate.id).output(load_json=True) if ids else []
    held: dict[int, list[CertificateFact]] = {}
    for c in certificates:
        held.setdefault(c["user"], []).append(CertificateFact(
            number=c["number"], fields=c["fields"], valid_from=c["valid_from"], valid_to=c["valid_to"],
            revoked_on=c["revoked_on"]))
    return {u["username"]: Person(id=u["id"], username=u["username"], display_name=u["display_name"], roles=u["roles"],
                                  township=u["township"], legal_qualification=u["legal_qualification"],
                                  reviewing_since=u.get("reviewing_since"), certificates=held.get(u["id"], []))
            for u in users}


async def people_facts(scope: TownshipScope, usernames: set[str], *, former: bool = False) -> dict[str, Person]:
    """The township's own users among ``usernames`` — active ones only, unless ``former`` (a document
    names whoever did a step, also someone who has since left); anyone else's name is simply unknown here."""
    users = list((await scope.find("user", sorted(usernames), *PERSON_COLUMNS)).values())
    return await persons([u for u in users if former or u["active"]])


def certificate_on(person: Person, field: str, on: dt.date) -> str:
    """The number of the person's certificate valid for ``field`` on ``on`` (else their first, else "")."""
    valid = [c for c in person.certificates if c.valid_for(field, on)]
    chosen = (valid or person.certificates or [None])[0]
    return chosen.number if chosen else ""


def hearing_right(township_code: str, field: str, power: str | None, party_kind: str | None, on: dt.date,
                  file: CaseFile) -> hearing.HearingOffer | None:
    """The hearing right the case's proposal gives on ``on`` (``zhifa.core.rules.hearing``), for the notice
    the procedure serves and the notice a document prints alike; ``None`` before there is a proposal."""
    if file.proposal is None:
        return None
    return hearing.proposal_offer(get_host().registry.hearing_thresholds(field), township_code=township_code,
                                  power=power, party_kind=party_kind, on=on, proposal=file.proposal)
