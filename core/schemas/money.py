"""Money as it crosses a boundary: yuan, exact to the fen, finite, bounded.

One type for every amount a client sends — API bodies, the CLI's ``--data``, the 裁量 calculator's
facts. It is a ``Decimal`` (msgspec decodes it from a JSON string or number, exactly), annotated
for the OpenAPI document. What ``msgspec.Meta`` cannot say of a Decimal (its bounds apply to int
and float only) is held by ``check``, which each struct carrying money calls in ``__post_init__``,
so every way into the struct (API decoding, ``msgspec.convert`` in a service, the constructor)
is held alike. An amount is refused when it is

* not a finite number (``money.not_a_number``): ``NaN``, ``sNaN``, ``Infinity``;
* finer than the fen (``money.too_precise``): ``0.001``;
* ``LIMIT`` or more (``money.too_large``): ``1E+400``, a 32-digit number, ``1e12``;
* 0 or less where the law means a fine or a payment (``money.not_positive``, ``PositiveMoney``):
  a payment of 0 is no payment and a fine of 0 is no fine (a warning alone is ``amount: null``);
  below 0 anywhere (``money.negative``, ``Money``: an amount such as 违法所得 may be 0, never less).

``LIMIT`` is 10^12 yuan (一万亿元). The largest administrative fine imposed in China so far is
182.28 亿元 (about 1.8 × 10^10), so the bound leaves room of fifty times that for any base a fine
is computed on (货值金额、违法所得) while refusing typing errors and attacks. Below it every amount
has at most 14 significant digits (12 before the point, 2 after), so it survives a round trip
through a JSON number read as a double (15 digits exact) and, in fen, is an exact integer in any
client (< 2^53); both ends of the wire see the same amount.

A refused amount raises ``MoneyInvalid`` (a ``zhifa.core.services.errors.Invalid``), naming the
field as the request names it (「amount」「instalments[1].amount」「bases.goods_value」); the API
answers 400 with that field in ``errors``, the CLI prints the message with its code.
"""

from __future__ import annotations

import types
import typing
from decimal import Decimal
from functools import cache
from typing import Annotated, Any, Iterator

import msgspec
from zhifa.core.services.errors import Invalid

LIMIT = Decimal(10) ** 12
CENT = Decimal("0.01")
MICRO = Decimal("0.000001")

_RULE = "有限的数，最多两位小数（到分），小于 1 万亿元"


class _Sign(str):
    """The sign an amount must have; a marker in ``Annotated`` that msgspec and Litestar ignore."""


POSITIVE, NON_NEGATIVE, QUANTITY = _Sign("positive"), _Sign("non_negative"), _Sign("quantity")

#: A fine or a payment: greater than 0.
PositiveMoney = Annotated[Decimal, msgspec.Meta(
    title="金额（元）", description=f"金额，单位元：大于 0，{_RULE}。可写作字符串或数字。", examples=["7000.00"]), POSITIVE]
#: Any other amount (违法所得、货值金额 …): 0 or more.
Money = Annotated[Decimal, msgspec.Meta(
    title="金额（元）", description=f"金额，单位元：不小于 0，{_RULE}。可写作字符串或数字。", examples=["0.00"]), NON_NEGATIVE]
#: Not money but held alike: what a per-unit fine is computed on (每只、每日、每平方米), 0 or more, to 6 places.
Quantity = Annotated[Decimal, msgspec.Meta(
    title="数量", description="数量：不小于 0 的有限数，最多六位小数，小于 1 万亿。", examples=["3"]), QUANTITY]


class MoneyInvalid(Invalid):
    """An amount a client sent that is not money; ``field`` names it as the request does."""

    def __init__(self, code: str, message: str, field: str):
        super().__init__(code, message, field=field)

    def within(self, outer: str) -> MoneyInvalid:
        """The same refusal with the field named from an enclosing field (``facts`` + ``bases.x``)."""
        field = f"{outer}.{self.field}"
        return MoneyInvalid(self.code, self.message.replace(f"「{self.field}」", f"「{field}」", 1), field)


def problem(value: Any, sign: str = POSITIVE) -> tuple[str, str] | None:
    """``(code, what is wrong)`` with an amount, or None when it is money."""
    if not isinstance(value, Decimal):
        value = Decimal(str(value)) if isinstance(value, (int, float)) else value
    if not isinstance(value, Decimal) or not value.is_finite():  # before any comparison: sNaN traps on one
        return "money.not_a_number", "应为有限的金额数字"
    if value.copy_abs() >= LIMIT:
        return "money.too_large", "超出金额上限（应小于 1 万亿元）"
    if sign == QUANTITY:
        if value != value.quantize(MICRO):
            return "money.too_precise", "最多六位小数"
    elif value != value.quantize(CENT):
        return "money.too_precise", "最多两位小数（金额只到分）"
    if sign == POSITIVE and value <= 0:
        return "money.not_positive", "应大于 0 元（罚款、缴款不能为零或负数；仅警告时不填金额）"
    if value < 0:
        return "money.negative", "不能为负数"
    return None


def check(struct: msgspec.Struct, prefix: str = "") -> None:
    """Raise ``MoneyInvalid`` for the first amount of ``struct`` (and structs in its lists) that is not money."""
    for name, value, sign in _amounts(struct, prefix):
        wrong = problem(value, sign)
        if wrong:
            code, what = wrong
            raise MoneyInvalid(code, f"「{name}」{what}，收到 {_shown(value)}", name)


def _amounts(struct: msgspec.Struct, prefix: str) -> Iterator[tuple[str, Any, str]]:
    for name, shape, sign in _money_fields(type(struct)):
        value = getattr(struct, name)
        if value is None:
            continue
        if shape == "one":
            yield f"{prefix}{name}", value, sign
        elif shape == "map":
            for key, item in value.items():
                yield f"{prefix}{name}.{key}", item, sign
        else:  # a list of structs carrying money
            for n, item in enumerate(value):
                yield from _amounts(item, f"{prefix}{name}[{n}].")


@cache
def _money_fields(cls: type) -> tuple[tuple[str, str, str], ...]:
    """``(field, shape, sign)`` for each field of ``cls`` holding money: one amount, a map of them, a list of structs."""
    found = []
    for name, hint in typing.get_type_hints(cls, include_extras=True).items():
        for shape, inner in _shapes(hint):
            if shape == "list":
                if _money_fields(inner):
                    found.append((name, "list", ""))
            elif typing.get_origin(inner) is Annotated and _sign(inner):
                found.append((name, shape, _sign(inner)))
    return tuple(found)


def _shapes(hint: Any) -> Iterator[tuple[str, Any]]:
    union = typing.get_origin(hint) in (typing.Union, types.UnionType)
    for arg in [a for a in typing.get_args(hint) if a is not type(None)] if union else [hint]:
        origin, inner = typing.get_origin(arg), typing.get_args(arg)
        if origin is dict:
            yield "map", inner[1]
        elif origin is list and isinstance(inner[0], type) and issubclass(inner[0], msgspec.Struct):
            yield "list", inner[0]
        else:
            yield "one", arg


def _sign(hint: Any) -> str | None:
    return next((m for m in getattr(hint, "__metadata__", ()) if isinstance(m, _Sign)), None)


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else f"{text[:20]}…（共 {len(text)} 位）"
