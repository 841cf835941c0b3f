"""Every migration has its own ID: Piccolo runs only one of two migrations sharing an ID, silently."""

from __future__ import annotations

import importlib
import pkgutil

from zhifa.core.db import piccolo_migrations


def test_no_two_migrations_share_an_id_and_the_ids_follow_the_file_order():
    names = sorted(m.name for m in pkgutil.iter_modules(piccolo_migrations.__path__) if m.name.startswith("zhifa_core_"))
    ids = [importlib.import_module(f"{piccolo_migrations.__name__}.{name}").ID for name in names]
    assert len(set(ids)) == len(ids), [(n, i) for n, i in zip(names, ids) if ids.count(i) > 1]
    assert ids == sorted(ids)
