"""Evidence: upload as a raw stream (hashed on the way to disk), list, download (hash checked first)."""

from __future__ import annotations

import base64
import datetime as dt

from litestar import Request, Response, get, post
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import Parameter
from litestar.response import File
from zhifa.api.access import CASE_READERS, R, record_id, roles
from zhifa.api.params import township
from zhifa.core.domain.media import media_type_of_file
from zhifa.core.schemas import text
from zhifa.core.schemas.auth import Principal
from zhifa.core.schemas.cases import EvidenceRead
from zhifa.core.services import evidence

TAGS = ["证据"]
#: The largest evidence file accepted (video of an inspection can be large).
MAX_EVIDENCE_BYTES = 200 * 1024 * 1024


@post("/townships/{code:str}/cases/{case_id:int}/evidence", opt=roles(R.officer, R.auxiliary), tags=TAGS, summary="上传证据",
      request_max_body_size=None, status_code=201,
      responses={200: ResponseSpec(EvidenceRead, description="本案已有内容相同（SHA-256 一致）的证据：返回该证据的已有记录")},
      description="请求体为证据文件原始内容（Content-Type 为其媒体类型），边接收边计算 SHA-256；"
                  f"上限 {MAX_EVIDENCE_BYTES // (1024 * 1024)} MB。新证据答 201；同一文件再次上传到同一案件答 200 "
                  "并返回已有的记录（不新增证据，也不记事件）。上传人即取证人：须本人持有取证当日（取证时间的本地日期）有效、"
                  "覆盖本案领域的行政执法证，否则答 422 officer.actor_no_valid_certificate（与案件操作同一规则），"
                  "不保存任何内容。辅助人员只能为本人登记、仍处于线索阶段的案件上传照片等材料（辅助人员记录线索、拍摄照片，"
                  "不得调查取证），其他案件答 422。存储空间已满答 507。")
async def upload(
    request: Request[Principal, str, object], code: str = township(), case_id: int = record_id("案件"),
    kind: str = Parameter(max_length=text.CODE_MAX, description="法定证据种类"),
    title: str = Parameter(min_length=1, max_length=text.TITLE_MAX, description="证据名称"),
    captured_at: dt.datetime = Parameter(description="取证时间（带时区）"),
    captured_place: str = Parameter(default="", max_length=text.LINE_MAX, description="取证地点"),
) -> Response[EvidenceRead]:
    media_type = request.headers.get("content-type", "application/octet-stream").split(";")[0].strip()
    item, created = await evidence.receive_evidence_stream(
        code, case_id, request.stream(), kind=kind, title=title, captured_at=captured_at,
        collector=request.user.username, captured_place=captured_place, media_type=media_type or "application/octet-stream",
        max_bytes=MAX_EVIDENCE_BYTES,
    )
    return Response(item, status_code=201 if created else 200)


@get("/townships/{code:str}/cases/{case_id:int}/evidence", opt=roles(CASE_READERS), tags=TAGS, summary="案件证据清单")
async def list_evidence(code: str = township(), case_id: int = record_id("案件")) -> list[EvidenceRead]:
    return await evidence.list_evidence(code, case_id)


@get("/townships/{code:str}/evidence/{evidence_id:int}/content", opt=roles(CASE_READERS), tags=TAGS,
     summary="下载证据（先核对哈希）", media_type="application/octet-stream",
     description="作为附件下载；媒体类型按文件内容识别（图片、音视频、PDF、办公文档），其余一律 application/octet-stream。")
async def download(code: str = township(), evidence_id: int = record_id("证据")) -> File:
    item, path = await evidence.evidence_file(code, evidence_id)
    digest = base64.b64encode(bytes.fromhex(item.content_sha256)).decode()
    return File(path=path, media_type=media_type_of_file(path), content_disposition_type="attachment",
                filename=f"evidence-{item.id}", etag=None,
                headers={"ETag": f'"{item.content_sha256}"', "Repr-Digest": f"sha-256=:{digest}:"})


ROUTES = [upload, list_evidence, download]
