"""执法文书 of a case: the list, and the stored Word or PDF file (hash checked first).

Documents are made by ``zhifa case document`` (zhifa.core.documents.service.render_document);
over the API they are read: ``GET …/cases/{id}/documents`` and ``GET …/documents/{id}/content``.
A document whose file has gone from the store is 409 ``document.file_missing``, tampered content
400 ``document.tampered`` — never a crash.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Literal

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from litestar import Response, get
from litestar.params import Parameter
from litestar.response import Stream
from zhifa.api.access import CASE_READERS, record_id, roles
from zhifa.api.params import township
from zhifa.core.documents import service
from zhifa.core.schemas.documents import DocumentRead

TAGS = ["执法文书"]
MEDIA_TYPES = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
               "pdf": "application/pdf"}


@get("/townships/{code:str}/cases/{case_id:int}/documents", opt=roles(CASE_READERS), tags=TAGS,
     summary="案件已制作的执法文书")
async def list_documents(code: str = township(), case_id: int = record_id("案件")) -> list[DocumentRead]:
    return await service.list_documents(code, case_id)


@get("/townships/{code:str}/documents/{document_id:int}/content", opt=roles(CASE_READERS), tags=TAGS,
     summary="下载执法文书（Word 或 PDF，先核对哈希）", media_type="application/octet-stream",
     description="作为附件下载。文书有记录而文件已不在文书存储中答 409 document.file_missing；"
                 "内容与制作时记录的哈希值不符答 400 document.tampered。")
async def download(
    code: str = township(), document_id: int = record_id("文书"),
    format: Literal["docx", "pdf"] = Parameter(default="docx", description="文件格式：docx（Word）或 pdf"),
) -> Response[bytes]:
    content = await service.document_content(code, document_id, format)
    digest = hashlib.sha256(content).digest()
    return Response(content, media_type=MEDIA_TYPES[format], headers={
        "Content-Disposition": f'attachment; filename="document-{document_id}.{format}"',
        "ETag": f'"{digest.hex()}"', "Repr-Digest": f"sha-256=:{base64.b64encode(digest).decode()}:"})


EXPORT_CHUNK = 256 * 1024


def _chunks(folder: Path, archive: Path):
    """The zip in chunks, the temporary folder removed once sent (or the client gone)."""
    try:
        with archive.open("rb") as stream:
            while chunk := stream.read(EXPORT_CHUNK):
                yield chunk
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@get("/townships/{code:str}/cases/{case_id:int}/export", opt=roles(CASE_READERS), tags=TAGS,
     summary="导出整个案卷（zip，流式下载）", media_type="application/zip",
     description="封面、卷内目录、文书（Word 与 PDF）、证据、全过程记录与 manifest，与 zhifa case export 相同"
                 "（zhifa.core.documents.export.export_case）。on 为封面、目录的日期（缺省今天）。")
async def export(code: str = township(), case_id: int = record_id("案件"),
                 on: dt.date | None = Parameter(default=None, description="封面、卷内目录的日期（缺省今天）")) -> Stream:
    from zhifa.api.limits import calendar_day
    from zhifa.core.documents.export import export_case

    day = calendar_day(on) if on is not None else None
    folder = Path(tempfile.mkdtemp(prefix="zhifa-export-"))
    archive = folder / f"case-{case_id}.zip"
    try:
        await export_case(code, case_id, archive, on=day)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return Stream(_chunks(folder, archive), media_type="application/zip", headers={
        "Content-Disposition": f'attachment; filename="case-{case_id}.zip"'})


ROUTES = [list_documents, download, export]
