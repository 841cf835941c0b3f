"""The demo county's own discretion standards, loaded as a catalogue overlay like any county's.

桐庐县 has published no standard for most catalogued powers, and the catalogue's example splits
(``example = true``) are never applied to a case. So that the demo can show the whole tier
engine, ``zhifa demo`` loads, for region 330122 only, a copy of each split a 桐庐县 township
would otherwise lack — marked in its source as demo data, never as a published standard. A
real deployment loads its own county's or province's standards with ``zhifa catalogue apply``.
"""

from __future__ import annotations

import datetime as dt

import msgspec
import tomli_w
from zhifa.core.catalogue.model import PartyScope
from zhifa.core.registry import get_host
from zhifa.core.services import catalogue_overlays

COUNTY = "330122"
NAME = "桐庐县演示裁量基准"
SOURCE = "演示用裁量基准（非正式发文，桐庐县未发布本事项的裁量基准）：分档同目录中的 {code}"


def _lacking(field: str) -> list:
    """Standards of powers a 桐庐县 township has whose (situation, party) has no standard that applies there.

    Judged on the plugins' own catalogues: overlays already installed in this process (this demo's,
    loaded into another database earlier) must not hide what the database being filled lacks.
    """
    plugins = get_host().with_overlays([])
    view = plugins.in_region(f"{COUNTY}100")
    catalogue = plugins.catalogues[field]
    have = {(s.power, s.situation, s.party) for s in view.catalogues[field].standards if not s.example}
    picked = []
    for s in catalogue.standards:
        if s.power in view.powers and (s.power, s.situation, s.party) not in have and (
                s.example or not f"{COUNTY}100".startswith(s.region)):
            picked.append(s)
            have.add((s.power, s.situation, s.party))
    return picked


def overlay_text(field: str) -> str | None:
    standards = _lacking(field)
    if not standards:
        return None
    body = {
        "field": field, "region": COUNTY, "name": "桐庐县（演示）",
        "description": "演示数据：不是桐庐县发布的裁量基准",
        "standards": [
            {k: v for k, v in msgspec.to_builtins(msgspec.structs.replace(
                s, region=COUNTY, example=False, source=SOURCE.format(code=s.code)), builtin_types=(dt.date,)).items() if v is not None}
            for s in standards
        ],
    }
    for s in body["standards"]:
        s["tiers"] = [{k: v for k, v in t.items() if v is not None} for t in s["tiers"]]
        if s.get("party") == PartyScope.any.value:
            del s["party"]
    return tomli_w.dumps(body)


async def load() -> int:
    """Load the demo overlay for every installed field; the number of standards loaded."""
    loaded = 0
    for field in sorted(get_host().registry.catalogues):
        text = overlay_text(field)
        if text is not None:
            result = await catalogue_overlays.apply_text(text, name=NAME, actor="zhifa demo")
            loaded += len(result.standards)
    return loaded
