"""Rendered documents in the content-addressed store that evidence uses (``evidence_dir``).

Why files, not a database column: a case gathers dozens of Word and PDF files of tens of
kilobytes each; keeping them out of the township-sharded tables keeps those small and their
backups fast, while the sha256 recorded on the row (checked on every read) still proves the file
is the one issued. Identical content is stored once. Files are written before the row: a
rolled-back rendering leaves an unreferenced file, never a row without its file.
"""

from __future__ import annotations

import hashlib

from zhifa.core.services.errors import Invalid
from zhifa.core.services.evidence import store_dir


def put(township_code: str, content: bytes) -> tuple[str, str]:
    """Store ``content``; return (sha256, storage key)."""
    digest = hashlib.sha256(content).hexdigest()
    key = f"{township_code}/{digest[:2]}/{digest}"
    path = store_dir() / key
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        tmp.write_bytes(content)
        tmp.replace(path)
    return digest, key


def get(key: str, sha256: str, what: str) -> bytes:
    """The stored content, checked against the hash recorded when it was issued."""
    path = store_dir() / key
    if not path.is_file():
        raise Invalid("document.file_missing", f"{what}的文件不在存储目录中（{key}）")
    content = path.read_bytes()
    if hashlib.sha256(content).hexdigest() != sha256:
        raise Invalid("document.tampered", f"{what}的内容与生成时记录的哈希值不符，可能已被篡改")
    return content
