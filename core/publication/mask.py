"""Masking personal data in published decisions (公示信息去标识化). Pure functions.

Rules (docs/publication-and-referrals.md; 国务院办公厅 国办发〔2018〕118号, 《个人信息保护法》第28条
on resident ID numbers as sensitive data, and the common provincial practice for 行政处罚信息公示):

* a natural person's name keeps its first character, every other character becomes ``*``
  (张三 → 张*, 欧阳小明 → 欧***). Compound surnames lose their second character on purpose: the
  rule needs no surname list and never shows more than one character.
* a resident ID number is never shown: only its first and last characters remain
  (3****************7). In free text every 18- or 15-digit ID-like number is masked the same way,
  whether or not its check character is valid (a mistyped ID is still somebody's ID).
* telephone numbers are removed, not partly masked (a masked mobile that keeps 7 of its 11
  digits is found again by trying 10,000 numbers): every mobile, landline or labelled local
  number becomes 「（电话已隐去）」. The party's own phone is never published.
* text is normalised before any of this, so formatting cannot hide a number: compatibility
  forms (NFKC: full-width and circled digits), zero-width and other format characters removed,
  runs of seven or more Chinese numerals (〇一二…九, 零, 幺) read as digits, and single spaces,
  hyphens, dots or middle dots between digits taken as separators (139.0571.1234).
* addresses keep the administrative, road or village part and drop everything from the first
  house number on (桐庐县横村镇振兴路66号3幢201室 → 桐庐县横村镇振兴路); in free text house
  numbers become ``**`` (振兴路**号). Document numbers (〔2025〕3号) and 第N号 are not addresses.
* organisations (法人或者其他组织): name, unified social credit code and legal representative are
  public. A 个体工商户 (credit code category 92) is run by a natural person: the operator's name is
  masked wherever it appears, including inside the business name.
* any other run of 11 or more digits (numbers written together, bank card numbers), single spaces
  or hyphens between digits included, keeps only its last 4 digits.

Names the system does not know (witnesses, neighbours written into the facts) cannot be found by
a program; the published text is the case summary and the decision reasons, which officers write
for publication. ``leaks`` is the last check before anything is published.
"""

from __future__ import annotations

import re
import unicodedata

from zhifa.core.schemas.publication import PublicParty

PHONE_REMOVED = "（电话已隐去）"
_CN_DIGITS = {"〇": "0", "零": "0", "一": "1", "幺": "1", "二": "2", "三": "3", "四": "4", "五": "5",
              "六": "6", "七": "7", "八": "8", "九": "9"}
_CN_DIGIT_RUN = re.compile(f"[{''.join(_CN_DIGITS)}]{{7,}}")

#: A run of digits with single separators between them (and an ID's final X): the unit every number
#: is judged as, so numbers written together are never half-recognised.
_SEP = r"[ \-.·]"
_DIGIT_RUN = re.compile(rf"\d(?:{_SEP}?\d)*(?:{_SEP}?[Xx](?![A-Za-z]))?")
_ID_FULL = re.compile(r"\d{17}[\dXx]|\d{15}")
_MOBILE_FULL = re.compile(r"(?:86)?(1[3-9]\d{9})")
_LANDLINE_FULL = re.compile(r"0\d{9,11}")
_BRACKETED_LANDLINE = re.compile(r"[(（](0\d{2,3})[)）]\s?(\d{7,8})(?!\d)")
_LABELLED_LOCAL = re.compile(r"((?:电话|手机|联系方式|联系电话|Tel|TEL|tel)[:：]?\s*)(\d{7,8})(?!\d)")
LONG_RUN = 11
_HOUSE_NUMBER = re.compile(r"(?<![〕第\d])\d+(?:-\d+)*(?=号楼|号院|号|弄|幢|栋|单元|室|户)")
_ADDRESS_DETAIL = re.compile(
    r"[一二三四五六七八九十百零〇]+(?:号楼|号院|号|弄|幢|栋|单元|室|层|楼|户|组)|\d"
)


def _char(c: str) -> str:
    if unicodedata.category(c) == "Cf":  # zero-width spaces, joiners, direction marks, soft hyphens
        return ""
    folded = unicodedata.normalize("NFKC", c)
    return folded if len(folded) == 1 and folded in "0123456789XxLl" else c


def _normalise(text: str) -> str:
    """Digits as digits however they were written; every other character kept as it is."""
    text = "".join(_char(c) for c in text)
    return _CN_DIGIT_RUN.sub(lambda m: "".join(_CN_DIGITS[c] for c in m.group(0)), text)


def _compact(run: str) -> str:
    return re.sub(_SEP, "", run)


def mask_name(name: str) -> str:
    """First character kept, the rest masked: 张三 → 张*, 欧阳小明 → 欧***."""
    name = (name or "").strip()
    if len(name) <= 1:
        return "*" if name else ""
    return name[0] + "*" * (len(name) - 1)


def mask_resident_id(value: str) -> str:
    """Only the first and last characters remain: 330122198503120417 → 3****************7."""
    value = _compact(_normalise((value or "").strip()))
    if len(value) <= 2:
        return "*" * len(value)
    return value[0] + "*" * (len(value) - 2) + value[-1]


def _area_split(digits: str, written: str) -> tuple[str, str]:
    """Area code and number: the written separator if any, else 010 and 02x are 3 digits, others 4."""
    for sep in ("-", " ", ".", "·"):
        if sep in written:
            area, _, number = written.partition(sep)
            return area, number.replace(sep, "")
    size = 3 if digits[:2] in ("01", "02") else 4
    return digits[:size], digits[size:]


def _digits(run: str) -> int:
    return sum(c.isdigit() for c in run)


def _kind(run: str) -> str | None:
    """What a digit run is, for masking and for :func:`leaks`."""
    compact = _compact(run)
    if _ID_FULL.fullmatch(compact):
        return "resident_id"
    if _MOBILE_FULL.fullmatch(compact):
        return "mobile"
    if _LANDLINE_FULL.fullmatch(compact) and len(_area_split(compact, run)[1]) in (7, 8):
        return "landline"
    if _digits(run) >= LONG_RUN:
        return "long_number"
    return None


def _mask_run(match: re.Match) -> str:
    run = match.group(0)
    kind = _kind(run)
    if kind == "resident_id":
        return mask_resident_id(_compact(run))
    if kind in ("mobile", "landline"):
        return PHONE_REMOVED
    if kind == "long_number":  # numbers written together, bank cards: only the last 4 digits remain
        total, seen, out = _digits(run), 0, []
        for c in run:
            seen += c.isdigit()
            out.append("*" if c.isdigit() and seen <= total - 4 else c)
        return "".join(out)
    return run


def coarse_address(address: str) -> str:
    """The address up to road or village level: everything from the first house number is dropped."""
    text = _normalise((address or "").strip())
    found = _ADDRESS_DETAIL.search(text)
    if found:
        text = text[: found.start()]
    return text.rstrip(" ,，、;；:：-—_/（(")


def scrub_numbers(text: str) -> str:
    """Mask ID numbers, phone numbers, house numbers and other long digit runs in free text."""
    text = _normalise(text or "")
    text = _BRACKETED_LANDLINE.sub(PHONE_REMOVED, text)
    text = _LABELLED_LOCAL.sub(lambda m: m.group(1) + PHONE_REMOVED, text)
    text = _DIGIT_RUN.sub(_mask_run, text)
    return _HOUSE_NUMBER.sub("**", text)


def scrub_text(text: str, *, names: tuple[str, ...] | list[str] = (), addresses: tuple[str, ...] | list[str] = ()) -> str:
    """Free text fit for publication: known personal names masked, known addresses coarsened,
    then every number :func:`scrub_numbers` masks."""
    text = _normalise(text or "")
    for address in sorted({a.strip() for a in addresses if a and a.strip()}, key=len, reverse=True):
        text = text.replace(_normalise(address), coarse_address(address))
    for name in sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True):
        text = text.replace(name, mask_name(name))
    return scrub_numbers(text)


def is_individual_business(credit_code: str) -> bool:
    """个体工商户: unified social credit code category 92 (GB 32100: 9 工商, 2 个体工商户)."""
    return (credit_code or "").upper().startswith("92")


def public_party(kind: str, name: str, identifier: str, legal_representative: str | None) -> PublicParty:
    """The party as published."""
    if kind == "citizen":
        return PublicParty(kind="citizen", name=mask_name(name), identifier=mask_resident_id(identifier))
    operator = (legal_representative or "").strip()
    if is_individual_business(identifier):
        shown = name.replace(operator, mask_name(operator)) if operator else name
        return PublicParty(kind="individual_business", name=shown, identifier=identifier,
                           legal_representative=mask_name(operator) or None)
    return PublicParty(kind="organisation", name=name, identifier=identifier, legal_representative=operator or None)


def personal_names(kind: str, name: str, identifier: str, legal_representative: str | None) -> list[str]:
    """The names of natural persons to mask in the party's free text."""
    if kind == "citizen":
        return [name]
    if is_individual_business(identifier) and legal_representative:
        return [legal_representative]
    return []


def leaks(text: str) -> list[tuple[str, str]]:
    """Unmasked ID-like, phone-like or long numbers left in ``text``: (kind, the number). [] when clean."""
    text = _normalise(text or "")
    found = [(kind, m.group(0)) for m in _DIGIT_RUN.finditer(text) if (kind := _kind(m.group(0)))]
    return found + [("landline", m.group(0)) for m in _BRACKETED_LANDLINE.finditer(text)]
