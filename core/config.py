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


class CorsSettings(msgspec.Struct, forbid_unknown_fields=True):
    """``[cors]``: the web origins (scheme://host[:port]) whose pages may call the API; none by default."""

    allow_origins: list[str] = []
    max_age: int = 600  # seconds a browser may keep a preflight's answer


class Settings(msgspec.Struct, forbid_unknown_fields=True):
    database_url: str = "sqlite:///zhifa.sqlite3"
    timezone: str = "Asia/Shanghai"  # legal deadlines are local dates here
    evidence_dir: str = "evidence"  # evidence files, content-addressed, relative to home
    cors: CorsSettings = msgspec.field(default_factory=CorsSettings)  # cross-origin access, off unless listed


class ConfigError(Exception):
    pass


def home() -> Path:
    return Path(os.environ.get("ZHIFA_HOME") or Path.cwd())


def config_path() -> Path:
    return home() / CONFIG_NAME


_read: dict[Path, tuple[float, Settings]] = {}


def _from_file(path: Path) -> Settings:
    """The file's settings, parsed again only when the file changes (this is asked on every request)."""
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        return Settings()
    cached = _read.get(path)
    if cached and cached[0] == mtime:
        return cached[1]
    try:
        settings = msgspec.convert(tomllib.loads(path.read_text(encoding="utf-8")), Settings)
    except (tomllib.TOMLDecodeError, msgspec.ValidationError) as exc:
        raise ConfigError(f"配置文件 {path} 有误：{exc}") from exc
    _read[path] = (mtime, settings)
    return settings


def load_settings() -> Settings:
    settings = _from_file(config_path())
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
        lines = ["# zhifa 配置文件（TOML）", ""] + [f'{k} = "{v}"' for k, v in data.items() if isinstance(v, str)]
        lines += ["", "# 跨域访问（CORS）：默认关闭。另一来源（协议://主机[:端口]）上的前端页面要调用本接口时，逐一列出：",
                  "# [cors]", '# allow_origins = ["https://zhifa-web.example.gov.cn"]']
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
