"""Drive cases through the procedure in tests, on the demo county's people."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from zhifa.core.rules import Refused
from zhifa.core.schemas.cases import ClueCreate
from zhifa.core.services import cases, parties
from zhifa.core.services.procedure import case_file, perform

from .helpers import run

CST = dt.timezone(dt.timedelta(hours=8))
HENGCUN, FENSHUI, ZHONGSHAN = "330122100", "330122101", "330122200"
OFFICERS = ["hc-officer1", "hc-officer2"]


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def clue(field: str, power: str | None, found: str, township: str = HENGCUN, summary: str = "巡查发现违法行为") -> int:
    found_at = dt.datetime.combine(d(found), dt.time(9, 30), tzinfo=CST)
    return run(cases.register_clue(township, ClueCreate(field=field, power=power, source="patrol", summary=summary,
                                                         found_at=found_at))).id


def party_id(name: str, township: str = HENGCUN) -> int:
    return next(p.id for p in run(parties.list_parties(township)) if p.name == name)


def act(case_id: int, action: str, on: str, actor: str, township: str = HENGCUN, **data: Any):
    return run(perform(township, case_id, action, data, actor=actor, on=d(on)))


def refused(case_id: int, action: str, on: str, actor: str, township: str = HENGCUN, **data: Any) -> list[str]:
    with pytest.raises(Refused) as info:
        act(case_id, action, on, actor, township, **data)
    return info.value.codes


def file_of(case_id: int, township: str = HENGCUN):
    return run(case_file(township, case_id))
