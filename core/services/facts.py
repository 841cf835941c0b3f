"""Gather facts about the people in an action (roles, certificates) for the rules to read."""

from __future__ import annotations

from zhifa.core.db.tables import Certificate
from zhifa.core.procedure.casefile import CaseFile
from zhifa.core.rules.facts import CertificateFact, Person
from zhifa.core.services.scope import NAMED_BY, TownshipScope


def usernames_involved(actor: str, data, file: CaseFile) -> set[str]:
    """The actor, the case's officers, every user the input names, and attendees who may be users."""
    names = {actor, *file.officers, *file.recused, *(getattr(data, "attendees", None) or [])}
    for attr in (f for f, kind in NAMED_BY.items() if kind == "user"):
        value = getattr(data, attr, None)
        names.update(value if isinstance(value, list) else [value] if value else [])
    return names


async def people_facts(scope: TownshipScope, usernames: set[str]) -> dict[str, Person]:
    """The township's own active users among ``usernames``; anyone else's name is simply unknown here."""
    users = list((await scope.find("user", sorted(usernames))).values())
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
                             reviewing_since=u.get("reviewing_since"), certificates=by_user.get(u["id"], []))
        for u in users if u["active"]
    }
