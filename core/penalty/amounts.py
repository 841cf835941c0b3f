"""Turning a statutory fine or a discretion tier into a range in yuan.

Forms (see ``FineForm``): a fixed range (处五千元以上三万元以下罚款); a multiple of a base
(货值金额十倍以上二十倍以下, with a floor range when the base is under ``floor_below``: 货值金额不足一万元的，
处五万元以上十万元以下); a percentage of a base (工程造价百分之五以上百分之十以下); per unit (每只、每日);
local (法律未设数额，由地方性法规、规章规定 — no amount here). Each computed amount is quantized to
0.01 yuan, ROUND_HALF_UP, once, at the end.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from zhifa.core.catalogue.model import FineForm, StatutoryFine, Tier
from zhifa.core.penalty.model import Range
from zhifa.core.rules.refusal import Refusal, Refused

CENT = Decimal("0.01")
YUAN = Decimal(1)
HUNDRED = Decimal(100)


def money(value) -> Decimal:
    """An amount in yuan, exact to the fen (0.01), rounded half up. Floats go through ``str``."""
    if isinstance(value, float):
        value = str(value)
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def whole_yuan(value: Decimal) -> Decimal:
    """Rounded to the whole yuan (half up), written with two decimals."""
    return money(Decimal(value).quantize(YUAN, rounding=ROUND_HALF_UP))


def num(value: Decimal) -> str:
    """A multiple or percentage without trailing zeros: 10, 0.5."""
    return f"{Decimal(value).normalize():f}"


def yuan(value: Decimal) -> str:
    return f"{money(value)} 元"


def span(r: Range | None) -> str:
    return "—" if r is None else f"{money(r.min)}–{money(r.max)} 元"


def base_of(fine: StatutoryFine, bases: dict[str, Decimal]) -> Decimal:
    """The amount base (货值金额、违法所得、工程造价 …) a multiple or percentage is computed on."""
    label = fine.base_text or fine.base
    if fine.base not in bases or bases[fine.base] is None:
        raise Refused(Refusal("penalty.base_missing", f"计算罚款须先查明{label}（{fine.base}），请补充后再计算"))
    value = Decimal(bases[fine.base])
    if value < 0:
        raise Refused(Refusal("penalty.base_invalid", f"{label} {value} 元不能为负数"))
    return value


def units_of(fine: StatutoryFine, units: Decimal | None) -> Decimal:
    if units is None:
        raise Refused(Refusal("penalty.units_missing", f"按{fine.unit}计罚，须先查明数量（{fine.unit}）"))
    if Decimal(units) < 0:
        raise Refused(Refusal("penalty.units_invalid", f"数量 {units} 不能为负数"))
    return Decimal(units)


def uses_floor(fine: StatutoryFine, bases: dict[str, Decimal]) -> bool:
    """Whether a multiple fine falls on its small-base floor range (base strictly under floor_below)."""
    return (
        fine.form == FineForm.multiple
        and fine.floor_below is not None
        and base_of(fine, bases) < fine.floor_below
    )


def scaled(fine: StatutoryFine, lo: Decimal, hi: Decimal, bases: dict[str, Decimal], units: Decimal | None) -> Range:
    """``lo``–``hi`` in the fine's own unit (yuan, multiple, percent, yuan per unit) as yuan."""
    if fine.form == FineForm.multiple:
        base = base_of(fine, bases)
        return Range(money(base * lo), money(base * hi))
    if fine.form == FineForm.percentage:
        base = base_of(fine, bases)
        return Range(money(base * lo / HUNDRED), money(base * hi / HUNDRED))
    if fine.form == FineForm.per_unit:
        n = units_of(fine, units)
        return Range(money(n * lo), money(n * hi))
    return Range(money(lo), money(hi))


def statutory_range(
    fine: StatutoryFine, bases: dict[str, Decimal], units: Decimal | None
) -> tuple[Range | None, str]:
    """The statutory range in yuan for these facts and how it was computed; None for local forms."""
    lo, hi = fine.min, fine.max
    if fine.form == FineForm.range:
        return Range(money(lo), money(hi)), f"{yuan(lo)}以上 {yuan(hi)}以下"
    if fine.form == FineForm.multiple:
        base = base_of(fine, bases)
        label = fine.base_text or fine.base
        if uses_floor(fine, bases):
            r = Range(money(fine.floor_min), money(fine.floor_max))
            return r, f"{label} {yuan(base)}，不足 {yuan(fine.floor_below)}，适用小额基数的幅度 {span(r)}"
        r = scaled(fine, lo, hi, bases, units)
        return r, f"{label} {yuan(base)}的 {num(lo)} 倍以上 {num(hi)} 倍以下，即 {span(r)}"
    if fine.form == FineForm.percentage:
        base = base_of(fine, bases)
        r = scaled(fine, lo, hi, bases, units)
        label = fine.base_text or fine.base
        return r, f"{label} {yuan(base)}的百分之 {num(lo)} 以上百分之 {num(hi)} 以下，即 {span(r)}"
    if fine.form == FineForm.per_unit:
        n = units_of(fine, units)
        r = scaled(fine, lo, hi, bases, units)
        return r, f"每{fine.unit} {yuan(lo)}以上 {yuan(hi)}以下，共 {num(n)} {fine.unit}，即 {span(r)}"
    return None, "法律未规定罚款数额，由地方性法规或者规章规定"


def tier_range(
    fine: StatutoryFine, tier: Tier, bases: dict[str, Decimal], units: Decimal | None
) -> tuple[Range | None, str]:
    """The tier's range in yuan, in the statutory fine's units; None where the tier has no fine."""
    if not tier.fine or tier.min is None or tier.max is None:
        return None, f"{tier.name}阶次不处罚款"
    lo, hi = tier.min, tier.max
    if fine.form in (FineForm.range, FineForm.local):
        r = Range(money(lo), money(hi))
        return r, f"阶次幅度 {span(r)}"
    if fine.form == FineForm.multiple:
        if uses_floor(fine, bases):
            if tier.floor_min is None or tier.floor_max is None:
                r = Range(money(fine.floor_min), money(fine.floor_max))
                return r, f"阶次未规定小额基数的幅度，以法定保底幅度 {span(r)} 为准"
            r = Range(money(tier.floor_min), money(tier.floor_max))
            return r, f"小额基数阶次幅度 {span(r)}"
        r = scaled(fine, lo, hi, bases, units)
        return r, f"阶次 {num(lo)} 倍以上 {num(hi)} 倍以下，即 {span(r)}"
    if fine.form == FineForm.percentage:
        r = scaled(fine, lo, hi, bases, units)
        return r, f"阶次百分之 {num(lo)} 以上百分之 {num(hi)} 以下，即 {span(r)}"
    n = units_of(fine, units)
    r = scaled(fine, lo, hi, bases, units)
    return r, f"阶次每{fine.unit} {yuan(lo)}以上 {yuan(hi)}以下，共 {num(n)} {fine.unit}，即 {span(r)}"


def midpoint(r: Range) -> Decimal:
    """The middle of a range, rounded to the whole yuan (half up), kept inside the range."""
    exact = (r.min + r.max) / 2
    rounded = whole_yuan(exact)
    return rounded if r.contains(rounded) else money(exact)
