"""Carry a demo case to a decision on a chosen day, and publish it as a publisher does (read the
draft, confirm its digest), for the publication and referral tests."""

from __future__ import annotations

import datetime as dt

from zhifa.core.registry import get_host
from zhifa.core.schemas.publication import PublicationRead, PublishConfirm
from zhifa.core.services import publication as pub

from .helpers import run
from .procedure_helpers import HENGCUN, act, clue, d, file_of, party_id

PERSONAL_SUMMARY = (
    "张三（身份证号{id}，手机13905711234，固定电话0571-64001234）在桐庐县横村镇横村大街8号"
    "未经设立登记从事食品经营活动，责令改正后拒不改正"
)


def _day(start: dt.date, days: int) -> str:
    return (start + dt.timedelta(days=days)).isoformat()


def decided_case(decide_on: str, *, power: str = "MARKET-CF-001", party: str = "张三", kind: str = "penalty",
                 summary: str = "巡查发现违法行为", township: str = HENGCUN, p: str = "hc") -> int:
    """A general-procedure case decided on ``decide_on``: found 28 days before, filed, heard, reviewed."""
    field = get_host().registry.field_of(power)
    found = d(decide_on) - dt.timedelta(days=28)
    case = clue(field, power, found.isoformat(), township=township, summary=summary)
    start = 0
    if get_host().registry.powers[power].two_stage:
        act(case, "order_correction", _day(found, 0), f"{p}-officer1", township, deadline=_day(found, 7), content="立即改正")
        act(case, "recheck_correction", _day(found, 8), f"{p}-officer1", township, corrected=False)
        start = 9
    act(case, "file_case", _day(found, start), f"{p}-captain", township, officers=[f"{p}-officer1", f"{p}-officer2"],
        party_id=party_id(party, township), act_date=_day(found, -1))
    if kind == "penalty":
        facts = {"situation": "not_corrected"} if power == "MARKET-CF-001" else {}
        act(case, "conclude_investigation", _day(found, 14), f"{p}-officer1", township, facts=facts)
        act(case, "serve_notice", _day(found, 15), f"{p}-officer1", township)
        act(case, "waive_rights", _day(found, 15), f"{p}-officer1", township)
        act(case, "legal_review", _day(found, 16), f"{p}-legal", township, passed=True, opinion="事实清楚，证据确凿")
        amount = file_of(case, township).proposal.amount
        act(case, "decide", decide_on, f"{p}-head", township, amount=str(amount), reasons="张三拒不改正，依法从一般处罚")
    else:
        act(case, "conclude_investigation", _day(found, 14), f"{p}-officer1", township, facts={}, outcome="no_penalty")
        act(case, "decide", decide_on, f"{p}-head", township, kind=kind, reasons="违法行为轻微并及时改正，没有造成危害后果")
    return case


def publish_confirmed(publication_id: int, on: str | dt.date, actor: str = "hc-officer1", township: str = HENGCUN,
                      **texts: str) -> PublicationRead:
    """Read the draft for ``on`` and publish it, confirming the draft's digest (and any corrected ``texts``)."""
    day = d(on) if isinstance(on, str) else on
    draft = run(pub.draft(township, publication_id, actor=actor, on=day))
    return run(pub.publish(township, publication_id, actor=actor, on=day,
                           confirmed=PublishConfirm(draft_digest=draft.digest, **texts)))


def publish_through_api(api, publication_id: int, on: str, user: str = "hc-officer1", township: str = HENGCUN,
                        **texts: str):
    """The publisher's two requests: read the draft for ``on``, then publish confirming its digest. The response."""
    path = f"/townships/{township}/publications/{publication_id}"
    draft = api.get(f"{path}/draft", user, params={"on": on})
    assert draft.status_code == 200, draft.text
    return api.post(f"{path}/publish", user, params={"on": on}, json={"draft_digest": draft.json()["digest"], **texts})
