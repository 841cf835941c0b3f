"""Settings: ``zhifa.toml`` (in ``$ZHIFA_HOME`` or the working directory), then environment.

``ZHIFA_DATABASE_URL`` overrides the file, so tests and deployments need no file at all.
The default is an SQLite file beside the configuration, so a new user needs no server.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import msgspec

CONFIG_NAME = "zhifa.toml"


class Settings(msgspec.Struct, forbid_unknown_fields=True):
    database_url: str = "sqlite:///zhifa.sqlite3"
    timezone: str = "Asia/Shanghai"  # legal deadlines are local dates here
    evidence_dir: str = "evidence"  # evidence files, content-addressed, relative to home


class ConfigError(Exception):
    pass


def home() -> Path:
    return Path(os.environ.get("ZHIFA_HOME") or Path.cwd())


def config_path() -> Path:
    return home() / CONFIG_NAME


def load_settings() -> Settings:
    path = config_path()
    settings = Settings()
    if path.exists():
        try:
            settings = msgspec.convert(tomllib.loads(path.read_text(encoding="utf-8")), Settings)
        except (tomllib.TOMLDecodeError, msgspec.ValidationError) as exc:
            raise ConfigError(f"配置文件 {path} 有误：{exc}") from exc
    url = os.environ.get("ZHIFA_DATABASE_URL")
    if url:
        settings = msgspec.structs.replace(settings, database_url=url)
    return settings


def write_default_config(settings: Settings | None = None) -> Path:
    """Write ``zhifa.toml`` unless it exists; return its path."""
    path = config_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        data = msgspec.to_builtins(settings or Settings())
        lines = ["# zhifa 配置文件（TOML）", ""] + [f'{k} = "{v}"' for k, v in data.items()]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
