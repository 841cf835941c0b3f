"""Piccolo's configuration module (``PICCOLO_CONF``). ``DB`` is replaced by ``configure``."""

from piccolo.conf.apps import AppRegistry
from zhifa.core.config import home, load_settings
from zhifa.core.db.engine import engine_from_url

DB = engine_from_url(load_settings().database_url, base=home())

APP_REGISTRY = AppRegistry(apps=["zhifa.core.db.piccolo_app"])
