"""The catalogue as the township sees it: its powers, their discretion standards; the calculator."""

from __future__ import annotations

import datetime as dt

import msgspec
from litestar import get, post
from litestar.params import JSONBody
from zhifa.api.access import CASE_READERS, CASE_WORKERS, R, roles
from zhifa.api.params import on_day, path_text, township
from zhifa.core import clock
from zhifa.core.catalogue.model import DiscretionStandard, NoPenaltyItem, Power
from zhifa.core.penalty import PenaltyFacts, Recommendation
from zhifa.core.registry import get_host
from zhifa.core.services import authorisations, recommend
from zhifa.core.services.errors import NotFound

TAGS = ["执法事项"]


class PowerDetail(msgspec.Struct, kw_only=True):
    power: Power
    basis: str  # entrusted | conferred
    document_no: str
    standards: list[DiscretionStandard]  # 裁量基准 in force on the date
    no_penalty: list[NoPenaltyItem]  # 不予处罚清单 items of this power


@get("/townships/{code:str}/powers/{power:str}", opt=roles(CASE_READERS, frozenset({R.auxiliary})), tags=TAGS,
     summary="执法事项详情与裁量基准")
async def power_detail(code: str = township(), power: str = path_text("执法事项代码"),
                       on: dt.date | None = on_day("哪一日的授权与裁量基准（缺省今天）")) -> PowerDetail:
    on = on or clock.today()
    powers = {p.code: p for p in await authorisations.effective_powers(code, on)}
    registry = get_host().registry.in_region(code)  # the standards and lists that apply where the township is
    if power not in powers or power not in registry.powers:
        raise NotFound("power.not_found", f"本乡镇在 {on} 没有可行使的执法事项 {power}")
    field = registry.power_field[power]
    items = [i for i in registry.catalogues[field].no_penalty if i.power == power]
    return PowerDetail(power=registry.powers[power], basis=powers[power].basis, document_no=powers[power].document_no,
                       standards=registry.standards_for(power, on), no_penalty=items)


@post("/townships/{code:str}/recommendations", opt=roles(CASE_WORKERS), tags=TAGS, status_code=200,
      summary="处罚裁量计算（不保存）")
async def recommendation(data: JSONBody[PenaltyFacts], code: str = township()) -> Recommendation:
    return await recommend.preview(code, data)


ROUTES = [power_detail, recommendation]
