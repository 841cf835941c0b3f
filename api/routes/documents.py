"""执法文书 of a case: the list, and the stored Word or PDF file (hash checked first).

Documents are made by ``zhifa case document`` and ``POST …/cases/{id}/documents`` — the same
service (zhifa.core.documents.service.render_document); ``GET …/cases/{id}/templates`` says which
templates the case may use and whether its file is ready for each now; ``GET …/cases/{id}/documents``
lists what was made and ``GET …/documents/{id}/content`` downloads the Word or PDF file.
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

from litestar import Request, Response, get, post
from litestar.params import JSONBody, Parameter
from litestar.response import Stream
from zhifa.api.access import CASE_READERS, R, record_id, roles
from zhifa.api.limits import calendar_day
from zhifa.api.params import township
from zhifa.core.schemas.auth import Principal
from zhifa.core.documents import service
from zhifa.core.schemas.documents import DocumentCreate, DocumentRead, TemplateRead

TAGS = ["执法文书"]
MEDIA_TYPES = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
               "pdf": "application/pdf"}


MAKERS = frozenset({R.officer, R.approver, R.township_head})  # as the web app's case page


@get("/townships/{code:str}/cases/{case_id:int}/templates", opt=roles(CASE_READERS), tags=TAGS,
     summary="本案可用的文书模板（核心模板、领域模板及领域替换的模板），及现在能否生成",
     description="ready 为 false 时 not_ready 说明案卷还缺什么（如「本案尚未作出行政处罚决定（decide）」），"
                 "此时生成该文书答 400 document.not_ready。")
async def list_templates(code: str = township(), case_id: int = record_id("案件")) -> list[TemplateRead]:
    return await service.list_templates(code, case_id)


@post("/townships/{code:str}/cases/{case_id:int}/documents", opt=roles(MAKERS), tags=TAGS, status_code=201,
      summary="制作执法文书：编号、生成 Word 和 PDF、保存并记入全过程记录",
      description="与 zhifa case document 相同。template 为模板代码（GET …/templates）；on 为文书日期（缺省今天，"
                  "不得晚于今天）；data 补充案卷中没有的内容；replaces 更正一份已制作的同种文书（沿用其文号）。"
                  "制作人即当前用户。答复中的 blanks 为没有内容、须在 Word 中补填的项目。")
async def render(request: Request[Principal, str, object], data: JSONBody[DocumentCreate], code: str = township(),
                 case_id: int = record_id("案件")) -> DocumentRead:
    on = None if data.on is None else calendar_day(data.on, field="on", source="body")
    values = dict(data.data)
    if data.officers is not None:
        values["officers"] = list(data.officers)
    return await service.render_document(code, case_id, data.template, actor=request.user.username, data=values,
                                         on=on, replaces=data.replaces)


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


ROUTES = [list_templates, render, list_documents, download, export]
