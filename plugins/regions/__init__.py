"""Regional packs (地区包): a region's own law for the fields, as plugins through the same entry point.

A pack is a plugin whose catalogue folders hold ``pack.toml`` instead of ``field.toml``: each
folder extends one field with the local regulations, rules, discretion standards, hearing
thresholds and no-penalty lists of a province or city. Its entries apply only in townships
whose division code starts with the pack's region (docs/catalogue-format.md, "地区包").
"""

from pathlib import Path


def pack_folders(module_file: str) -> list[Path]:
    """The pack folders (one per field) under a pack plugin's ``catalogue/``."""
    root = Path(module_file).parent / "catalogue"
    return sorted(p for p in root.iterdir() if (p / "pack.toml").is_file())
