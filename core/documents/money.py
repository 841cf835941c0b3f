"""Amounts of money as documents print them: in figures (20,000.00) and in Chinese capitals (大写).

The capitals follow 《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》: 整 after 元 when
there are no 角/分; 零 for zeros inside the number (one 零 for a run of zeros); 零 after 元 when
the 元 digit is 0 and 角 is not, or when 角 is 0 and 分 is not; 壹拾 for a leading ten.
"""

from __future__ import annotations

from decimal import Decimal

DIGITS = "零壹贰叁肆伍陆柒捌玖"
PLACES = ("", "拾", "佰", "仟")
SECTIONS = ("", "万", "亿", "万亿")
CENT = Decimal("0.01")
#: The largest amount the capitals are defined for here (below 一亿亿 元).
LIMIT = Decimal(10) ** 16


def _cents(amount: Decimal | int | str) -> int:
    value = Decimal(str(amount)) if not isinstance(amount, Decimal) else amount
    if not value.is_finite():
        raise ValueError(f"金额 {amount} 不是有限数")
    if value < 0:
        raise ValueError(f"金额 {amount} 为负数")
    if value != value.quantize(CENT):
        raise ValueError(f"金额 {amount} 精确到分以下，无法书写")
    if value >= LIMIT:
        raise ValueError(f"金额 {amount} 过大")
    return int(value * 100)


def _section(n: int) -> str:
    """0 < n < 10000, without leading 零."""
    text, zero = "", False
    for position in range(3, -1, -1):
        digit = n // 10**position % 10
        if digit == 0:
            zero = bool(text)
            continue
        if zero:
            text += "零"
            zero = False
        text += DIGITS[digit] + PLACES[position]
    return text


def _integer(n: int) -> str:
    if n == 0:
        return ""
    parts: list[str] = []
    sections = []
    while n:
        sections.append(n % 10000)
        n //= 10000
    need_zero = False
    for index in range(len(sections) - 1, -1, -1):
        value = sections[index]
        if value == 0:
            need_zero = bool(parts)
            continue
        if parts and (need_zero or value < 1000):
            parts.append("零")
        parts.append(_section(value) + SECTIONS[index])
        need_zero = False
    return "".join(parts)


def rmb_upper(amount: Decimal | int | str) -> str:
    """大写金额, e.g. 20000 → 贰万元整; 12345.67 → 壹万贰仟叁佰肆拾伍元陆角柒分; 0 → 零元整."""
    cents = _cents(amount)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    text = _integer(yuan)
    if yuan:
        text += "元"
    if jiao == 0 and fen == 0:
        return (text or "零元") + "整"
    if jiao:
        if yuan and yuan % 10 == 0:
            text += "零"
        text += DIGITS[jiao] + "角"
    elif yuan:
        text += "零"
    if fen:
        text += DIGITS[fen] + "分"
    return text


def yuan(amount: Decimal | int | str | None) -> str:
    """In figures with thousands separators and two decimals: 20000 → 20,000.00; None → ''."""
    if amount is None or amount == "":
        return ""
    cents = _cents(amount)
    return f"{cents // 100:,}.{cents % 100:02d}"
