"""Gather facts about the people in an action (roles, certificates) for the rules to read."""

from __future__ import annotations

from zhifa.core.db.tables import AppUser, Certificate
from zhifa.core.procedure.casefile import CaseFile
from zhifa.core.rules.facts import CertificateFact, Person


def usernames_involved(actor: str, data, file: CaseFile) -> set[str]:
    names = {actor, *file.officers, *file.recused}
    for attr in ("officers", "attendees"):
        names.update(getattr(data, attr, None) or [])
    for attr in ("host", "officer", "replacement"):
        value = getattr(data, attr, None)
        if value:
            names.add(value)
    return names


async def people_facts(usernames: set[str]) -> dict[str, Person]:
    if not usernames:
        return {}
    users = await AppUser.select().where(AppUser.username.is_in(list(usernames))).output(load_json=True)
    ids = [u["id"] for u in users]
    certificates = await Certificate.select().where(Certificate.user.is_in(ids)).output(load_json=True) if ids else []
    by_user: dict[int, list[CertificateFact]] = {}
    for c in certificates:
        by_user.setdefault(c["user"], []).append(CertificateFact(
            number=c["number"], fields=c["fields"], valid_from=c["valid_from"], valid_to=c["valid_to"],
            revoked_on=c["revoked_on"]))
    return {
        u["username"]: Person(id=u["id"], username=u["username"], display_name=u["display_name"], roles=u["roles"],
                             township=u["township"], legal_qualification=u["legal_qualification"],
                             certificates=by_user.get(u["id"], []))
        for u in users if u["active"]
    }
