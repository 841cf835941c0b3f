"""The deployment's chain key: events are sealed with HMAC-SHA256 under a key kept outside the database.

Anyone who can write the database can edit an event and recompute every later SHA-256; nobody can
recompute an HMAC without the key. The key comes from ``ZHIFA_CHAIN_KEY`` (64 hex characters or
more — put it in the deployment's secret store) or, when that is not set, from
``<ZHIFA_HOME>/secrets/chain.key``, created owner-only on first use. Keep a copy of the key where
the database is not: with both, an attacker could re-seal; without the key, verification fails.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from zhifa.core.config import ConfigError, home

KEY_ENV = "ZHIFA_CHAIN_KEY"
MIN_BYTES = 32
_cache: dict[tuple[str, str], bytes] = {}


def key_path() -> Path:
    return home() / "secrets" / "chain.key"


def _decode(text: str, where: str) -> bytes:
    try:
        key = bytes.fromhex(text.strip())
    except ValueError:
        raise ConfigError(f"{where} 中的事件链密钥不是十六进制字符串") from None
    if len(key) < MIN_BYTES:
        raise ConfigError(f"{where} 中的事件链密钥过短：至少 {MIN_BYTES} 字节（{MIN_BYTES * 2} 个十六进制字符）")
    return key


def _create(path: Path) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it first
        return
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_hex(MIN_BYTES) + "\n")


def chain_key() -> bytes:
    """The key, from the environment or the key file (created when neither exists)."""
    env, path = os.environ.get(KEY_ENV, ""), key_path()
    cached = _cache.get((env, str(path)))
    if cached is not None:
        return cached
    if env:
        key = _decode(env, KEY_ENV)
    else:
        if not path.exists():
            _create(path)
        key = _decode(path.read_text(encoding="utf-8"), str(path))
    _cache[(env, str(path))] = key
    return key
