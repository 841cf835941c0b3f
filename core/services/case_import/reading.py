"""Reading an import file: CSV (UTF-8, with or without BOM; GB18030 as Excel's Chinese "CSV" saves it) or .xlsx.

Every cell comes out as text (a date cell of a spreadsheet as ``YYYY-MM-DD``), so one set of checks
reads both formats. Blank rows are skipped; each row keeps its number as a spreadsheet shows it
(the header is row 1).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from decimal import Decimal
from pathlib import Path

import msgspec
from zhifa.core.services.errors import Invalid


class Sheet(msgspec.Struct, kw_only=True):
    name: str
    sha256: str
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (row number, cells)


def read_sheet(path: Path) -> Sheet:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise Invalid("import.file_unreadable", f"无法读取文件 {path}：{exc.strerror or exc}") from exc
    digest = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        table = _xlsx(data, path)
    elif suffix in (".csv", ".txt"):
        table = _csv(data, path)
    else:
        raise Invalid("import.file_type", f"不支持的文件类型 {path.suffix or '（无扩展名）'}：请使用 .csv（UTF-8）或 .xlsx")
    rows = [(n, cells) for n, cells in enumerate(table, start=1) if any(c.strip() for c in cells)]
    if not rows:
        raise Invalid("import.empty", f"文件 {path.name} 是空的：第一行应为表头（列名）")
    (_, headers), body = rows[0], rows[1:]
    return Sheet(name=path.name, sha256=digest, headers=headers, rows=body)


def _csv(data: bytes, path: Path) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise Invalid("import.encoding", f"文件 {path.name} 不是 UTF-8 编码的 CSV（请在 Excel 中另存为「CSV UTF-8」）") from exc
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise Invalid("import.csv", f"文件 {path.name} 不是有效的 CSV：{exc}") from exc


def _xlsx(data: bytes, path: Path) -> list[list[str]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (BadZipFile, OSError, KeyError, ValueError) as exc:
        raise Invalid("import.xlsx", f"文件 {path.name} 不是有效的 Excel（.xlsx）文件：{exc}") from exc
    try:
        sheet = book.worksheets[0]
        return [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(Decimal(repr(value)))
    return str(value)
