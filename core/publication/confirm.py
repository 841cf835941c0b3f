"""公示内容确认: the publisher confirms the draft they read, by its digest. Pure functions.

The public record is a text the publisher reads and takes responsibility for, not only what a
program made of the case: names a program cannot know (a witness, a minor who is not the party)
are seen and removed by a person. So publishing names the draft that was read — the sha256 of
the record exactly as ``GET …/publications/{id}/draft`` (or ``zhifa publication draft``) showed it,
for that publication day — and a record that has changed since (the case's summary, the party,
the decision, or another publication day and so another display period) is not published from an
old confirmation. The automatic masking and leak check (zhifa.core.publication.mask) still run
over the published texts, the publisher's corrections included, as the second line.
"""

from __future__ import annotations

import hashlib
import re

import msgspec
from zhifa.core.schemas.publication import PublicRecord

#: What a digest looks like (lower-case sha256 hex).
DIGEST = re.compile(r"^[0-9a-f]{64}$")


def digest(record: PublicRecord) -> str:
    """The digest of a draft: sha256 of its canonical JSON (fields in their declared order)."""
    return hashlib.sha256(msgspec.json.encode(record)).hexdigest()


def confirms(draft: PublicRecord, confirmed_digest: str | None) -> bool:
    """True when ``confirmed_digest`` names this very draft."""
    return bool(confirmed_digest) and digest(draft) == confirmed_digest.strip().lower()
