"""The built-in catalogues with their example standards (示例) taken as published, for the engine's mechanics.

The example splits are never applied to a township's case (tests/test_regional_law.py proves it);
the engine's tier, floor and 从旧兼从轻 mechanics are exercised on them as if a township had
published the same figures as its own standard.
"""

from __future__ import annotations

import msgspec
from zhifa.core.registry import Registry


def examples_as_published(registry: Registry) -> Registry:
    catalogues = {
        code: msgspec.structs.replace(c, standards=[msgspec.structs.replace(s, example=False) for s in c.standards])
        for code, c in registry.catalogues.items()
    }
    return Registry(catalogues=catalogues, powers=dict(registry.powers), power_field=dict(registry.power_field),
                    field_plugin=dict(registry.field_plugin), packs=list(registry.packs),
                    entry_plugin=dict(registry.entry_plugin))
