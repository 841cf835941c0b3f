"""The media type evidence is served with: detected from its bytes, never the uploader's word.

An upload's declared ``Content-Type`` is recorded as the uploader said it, but a file is served
with the type its first bytes show (``filetype``: magic numbers of images, video, audio, PDF,
office and archive formats), and as ``application/octet-stream`` when nothing safe is detected —
so an HTML or script file uploaded as "evidence" is never rendered by a browser.
"""

from __future__ import annotations

from pathlib import Path

import filetype

OCTET_STREAM = "application/octet-stream"
_SAFE_PREFIXES = ("image/", "video/", "audio/")
_SAFE = frozenset({
    "application/pdf", "application/zip", "application/x-7z-compressed", "application/x-rar-compressed",
    "application/msword", "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
})
HEAD_BYTES = 8192


def detected_media_type(head: bytes) -> str:
    mime = filetype.guess_mime(head)
    if mime and mime != "image/svg+xml" and (mime.startswith(_SAFE_PREFIXES) or mime in _SAFE):
        return mime
    return OCTET_STREAM


def media_type_of_file(path: Path) -> str:
    with open(path, "rb") as handle:
        return detected_media_type(handle.read(HEAD_BYTES))
