"""Identifiers worth validating (domain.md §8), with python-stdnum's checksums.

Each validator returns the compact canonical form or raises ``InvalidIdentifier`` with a
message a township officer understands.
"""

from __future__ import annotations

import datetime as dt

from stdnum import numdb
from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, ValidationError


class InvalidIdentifier(ValueError):
    def __init__(self, code: str, message: str):
        self.code = code
        super().__init__(message)


def _reason(exc: ValidationError) -> str:
    if isinstance(exc, InvalidLength):
        return "长度不正确，应为 18 位"
    if isinstance(exc, InvalidChecksum):
        return "校验码不正确"
    if isinstance(exc, InvalidComponent):
        return "包含无效的组成部分（如出生日期或地区代码）"
    if isinstance(exc, InvalidFormat):
        return "格式不正确"
    return "无效"


def resident_id(number: str) -> str:
    """居民身份证号码 (GB 11643-1999, 18 characters with its check character)."""
    try:
        return ric.validate(number)
    except ValidationError as exc:
        raise InvalidIdentifier("identifier.resident_id", f"居民身份证号码 {number} {_reason(exc)}") from exc


def birth_date(number: str) -> dt.date:
    return ric.get_birth_date(ric.compact(number))


def credit_code(code: str) -> str:
    """统一社会信用代码 (GB 32100-2015, 18 characters with its check character)."""
    try:
        return uscc.validate(code)
    except ValidationError as exc:
        raise InvalidIdentifier("identifier.credit_code", f"统一社会信用代码 {code} {_reason(exc)}") from exc


def county_name(county_code: str) -> str | None:
    """The name of a 6-digit county-level division, from stdnum's division database."""
    parts = numdb.get("cn/loc").info(county_code)
    for _, props in reversed(parts):
        if props.get("county"):
            return props["county"]
    return None


def region_name(region: str) -> str:
    """全国 for "", else the province, city and county a division-code prefix names (浙江省嘉兴市, 江苏省连云港市连云区)."""
    if not region:
        return "全国"
    db = numdb.get("cn/loc")

    def name(code: str, level: str) -> str:
        props = [p for _, p in db.info(code.ljust(6, "0"))]
        found = props[0].get("province") if level == "province" else (props[-1].get("county") if len(props) > 1 else None)
        return found.split("]", 1)[-1] if found else ""

    parts = [name(region[:2], "province")]
    if len(region) >= 4 and region[2:4] != "00":
        parts.append(name(region[:4], "city"))
    if len(region) == 6 and region[4:6] != "00":
        parts.append(name(region, "county"))
    return "".join(dict.fromkeys(p for p in parts if p)) or region


def township_code(code: str) -> str:
    """乡镇（街道）行政区划代码: 9 digits (GB/T 10114) or 12 digits (统计用区划代码).

    The first 6 digits must be a known county-level division.
    """
    code = code.strip()
    if not code.isdigit() or len(code) not in (9, 12):
        raise InvalidIdentifier("identifier.township_code", f"乡镇行政区划代码 {code} 应为 9 位或 12 位数字")
    if county_name(code[:6]) is None:
        raise InvalidIdentifier(
            "identifier.township_code", f"乡镇行政区划代码 {code} 的前 6 位 {code[:6]} 不是已知的县级行政区划代码"
        )
    return code
