"""Persistence: Piccolo tables, migrations, and the engine every table uses."""

import os

# Piccolo finds its configuration through this variable; set it before any table is defined.
os.environ.setdefault("PICCOLO_CONF", "zhifa.core.db.piccolo_conf")
