"""Rendered documents in the content-addressed store that evidence uses (``evidence_dir``).

Why files, not a database column: a case gathers dozens of Word and PDF files of tens of
kilobytes each; keeping them out of the township-sharded tables keeps those small and their
backups fast, while the sha256 recorded on the row (checked on every read) still proves the file
is the one issued. Identical content is stored once. Files are written before the row: a
rolled-back rendering leaves an unreferenced file, never a row without its file.

A row whose file has gone from the store (deleted, a restore that missed it) is answered
``document.file_missing`` — a conflict between the record and the store (409), not a crash and
not the client's error — and supervisors see it as a finding (zhifa.core.services.findings).
Rendering the same content again puts the file back.
"""

from __future__ import annotations

import hashlib

from zhifa.core.services.errors import Conflict, Invalid
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
    try:
        content = path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise file_missing(what) from None
    if hashlib.sha256(content).hexdigest() != sha256:
        raise Invalid("document.tampered", f"{what}的内容与生成时记录的哈希值不符，可能已被篡改")
    return content


def present(key: str) -> bool:
    """Whether the store holds the file of ``key`` (a stat, no hashing)."""
    return (store_dir() / key).is_file()


def file_missing(what: str) -> Conflict:
    return Conflict("document.file_missing",
                    f"{what}有记录，但其文件已不在文书存储中：请联系管理员从备份恢复（文书已制作、可能已送达，不能以新文书代替）")
