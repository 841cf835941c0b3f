"""Record ids as clients send them: positive, and within the databases' integer ids (``serial``, int4)."""

from __future__ import annotations

from typing import Annotated

import msgspec

MAX_ID = 2**31 - 1

RecordId = Annotated[int, msgspec.Meta(ge=1, le=MAX_ID, description="记录编号")]
