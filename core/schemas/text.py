"""Text as it crosses a boundary: every string a client sends has a bounded length.

Lengths count characters (code points), as the database's ``varchar(n)`` does, and never exceed
the column the text is stored in, so PostgreSQL never refuses what the API accepted (SQLite would
store any length). A longer text is refused on decoding, with the field named (400).

The free texts of a case file (a clue's summary, reasons, opinions) allow 5,000 characters — about
ten pages of a 案卷 — and a hearing record (听证笔录) 50,000; a request body is at most 1 MB anyway
(``zhifa.api.limits``).
"""

from __future__ import annotations

import re
from typing import Annotated

import msgspec

CODE_MAX, USERNAME_MAX, NAME_MAX, TITLE_MAX, LINE_MAX, TEXT_MAX, RECORD_MAX = 40, 64, 100, 200, 300, 5000, 50000

#: A code: a field, a power, a kind, a method (``varchar(40)``).
Code = Annotated[str, msgspec.Meta(max_length=CODE_MAX)]
#: A telephone number (``varchar(30)``).
Phone = Annotated[str, msgspec.Meta(max_length=30)]
#: A username (``varchar(64)``).
Username = Annotated[str, msgspec.Meta(max_length=USERNAME_MAX)]
#: A name of a person, an organ, a court, a department (``varchar(100)``).
Name = Annotated[str, msgspec.Meta(max_length=NAME_MAX)]
#: A party's or a record's name or title (``varchar(200)``).
Title = Annotated[str, msgspec.Meta(max_length=TITLE_MAX)]
#: One line: a place, an address, a receipt or document number, a decision on seized things (``varchar(300)``).
Line = Annotated[str, msgspec.Meta(max_length=LINE_MAX)]
#: A free text of the case file: a summary, a reason, an opinion, a conclusion, a note.
Text = Annotated[str, msgspec.Meta(max_length=TEXT_MAX)]
#: A long record: the hearing record (听证笔录).
Record = Annotated[str, msgspec.Meta(max_length=RECORD_MAX)]

_AT = re.compile(r" - at `\$\.?(?P<path>[^`]*)`$")
_MESSAGES = [
    (re.compile(r"^Expected `str` of length <= (\d+)$"), r"文字不得超过 \1 个字符"),
    (re.compile(r"^Expected `str` of length >= (\d+)$"), r"文字不得少于 \1 个字符"),
    (re.compile(r"^Expected `array` of length <= (\d+)$"), r"最多 \1 项"),
    (re.compile(r"^Object missing required field `([^`]+)`$"), r"缺少必填字段 \1"),
    (re.compile(r"^Object contains unknown field `([^`]+)`$"), r"包含未知字段 \1"),
    (re.compile(r"^Expected `([a-z]+)`, got `([a-z]+)`$"), r"应为 \1，实际为 \2"),
]


def explain(error: msgspec.ValidationError | str) -> tuple[str | None, str]:
    """The field a msgspec validation error names (``reason``, ``instalments[1].due``) and its message in Chinese."""
    text = str(error)
    found = _AT.search(text)
    field = found.group("path") if found else None
    message = text[: found.start()] if found else text
    for pattern, chinese in _MESSAGES:
        if pattern.match(message):
            message = pattern.sub(chinese, message)
            break
    return field or None, message


__all__ = ["Code", "Line", "Name", "Phone", "Record", "Text", "Title", "Username", "explain"]
