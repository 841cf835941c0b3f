"""Read a catalogue folder into structs, naming the file and entry on every problem."""

from __future__ import annotations

import decimal
import re
import tomllib
from pathlib import Path
from typing import Any, TypeVar

import msgspec
from zhifa.core.catalogue.errors import CatalogueInvalid, Problem
from zhifa.core.catalogue.model import (
    Catalogue,
    FieldInfo,
    HearingFile,
    NoPenaltyFile,
    PackInfo,
    PowersFile,
    StandardsFile,
    TemplatesFile,
)
from zhifa.core.catalogue.validate import validate_catalogue

T = TypeVar("T")

# file name → (struct, required)
FILES: dict[str, tuple[type, bool]] = {
    "field.toml": (FieldInfo, True),
    "powers.toml": (PowersFile, True),
    "standards.toml": (StandardsFile, False),
    "no_penalty.toml": (NoPenaltyFile, False),
    "hearing.toml": (HearingFile, False),
    "templates.toml": (TemplatesFile, False),
}

_INDEX = re.compile(r"^\$\.(\w+)\[(\d+)\]")


def _entry_for(raw: dict[str, Any], path: str) -> str:
    """Turn msgspec's ``$.powers[3].fines[0]`` into the entry's code where it has one."""
    match = _INDEX.match(path)
    if not match:
        return ""
    key, index = match.group(1), int(match.group(2))
    try:
        item = raw[key][index]
    except (KeyError, IndexError, TypeError):
        return f"{key}[{index}]"
    code = item.get("code") if isinstance(item, dict) else None
    return str(code) if code else f"{key}[{index}]"


def _read(path: Path, struct: type[T], plugin: str) -> T:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"), parse_float=decimal.Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueInvalid([Problem(plugin, path.name, "", f"TOML 格式错误：{exc}")]) from exc
    except UnicodeDecodeError as exc:
        raise CatalogueInvalid([Problem(plugin, path.name, "", "文件不是 UTF-8 编码")]) from exc
    try:
        return msgspec.convert(raw, struct, strict=False)
    except msgspec.ValidationError as exc:
        text = str(exc)
        at = text.rsplit(" - at `", 1)
        where = at[1].rstrip("`") if len(at) == 2 else ""
        entry = _entry_for(raw, where)
        raise CatalogueInvalid(
            [Problem(plugin, path.name, entry, f"数据格式错误：{at[0]}（位置 {where or '$'}）")]
        ) from exc


def _in_pack(pack: PackInfo, entries: list, file: str, plugin: str) -> tuple[list, list[Problem]]:
    """Every entry of a regional pack applies in the pack's region, or in a narrower region inside it."""
    placed, problems = [], []
    for entry in entries:
        region = entry.region or pack.region
        if not region.startswith(pack.region):
            problems.append(Problem(plugin, file, entry.code,
                                    f"适用地区 {entry.region} 不在本地区包的地区 {pack.region}（{pack.name}）之内"))
        placed.append(msgspec.structs.replace(entry, region=region))
    return placed, problems


def load_catalogue(folder: Path, plugin: str = "") -> Catalogue:
    """Decode and validate one field's catalogue folder, or a regional pack's (``pack.toml``).

    A pack is validated against the field it extends when the registry adds it.
    Raises ``CatalogueInvalid`` listing every problem found, each naming plugin, file, entry.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise CatalogueInvalid([Problem(plugin, str(folder), "", "目录清单文件夹不存在")])
    parts: dict[str, Any] = {}
    problems: list[Problem] = []
    pack = None
    if (folder / "pack.toml").exists():
        pack = _read(folder / "pack.toml", PackInfo, plugin)
        if not pack.region.isdigit() or len(pack.region) not in (2, 4, 6):
            problems.append(Problem(plugin, "pack.toml", pack.field,
                                    f"地区代码 {pack.region} 应为 2 位（省）、4 位（市）或 6 位（县）行政区划代码"))
        parts["field.toml"] = FieldInfo(code=pack.field, name=pack.name, departments=[])
    for name, (struct, required) in FILES.items():
        if pack is not None and name == "field.toml":
            continue
        required = required and pack is None
        path = folder / name
        if not path.exists():
            if required:
                problems.append(Problem(plugin, name, "", "缺少必需的文件"))
            parts[name] = None
            continue
        try:
            parts[name] = _read(path, struct, plugin)
        except CatalogueInvalid as exc:
            problems.extend(exc.problems)
    if problems:
        raise CatalogueInvalid(problems)

    def _items(name: str, attr: str) -> list:
        part = parts[name]
        return list(getattr(part, attr)) if part is not None else []

    lists = {
        "powers": _items("powers.toml", "powers"),
        "standards": _items("standards.toml", "standards"),
        "no_penalty": _items("no_penalty.toml", "items"),
        "hearing_thresholds": _items("hearing.toml", "thresholds"),
    }
    if pack is not None:
        files = {"powers": "powers.toml", "standards": "standards.toml", "no_penalty": "no_penalty.toml",
                 "hearing_thresholds": "hearing.toml"}
        for key, file in files.items():
            lists[key], found = _in_pack(pack, lists[key], file, plugin)
            problems.extend(found)
        if problems:
            raise CatalogueInvalid(problems)
    catalogue = Catalogue(
        field=parts["field.toml"], **lists, templates=_items("templates.toml", "templates"),
        plugin=plugin, root=str(folder), pack=pack,
    )
    if pack is not None:
        return catalogue  # validated with the field it extends (Registry.add_pack)
    problems = validate_catalogue(catalogue)
    if problems:
        raise CatalogueInvalid(problems)
    return catalogue
