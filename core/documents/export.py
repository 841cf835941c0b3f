"""The whole case file as one zip (案卷导出): cover, index, the documents in order, evidence, event log.

Layout of the archive (names in Chinese, UTF-8)::

    00-卷宗封面.docx / .pdf        made at export, not stored
    01-卷内目录.docx / .pdf        made at export: every document with its 文号 and pages, every evidence file
    02-<文书名称>-<文号>.docx / .pdf  the stored documents, in case-file order (a correction replaces its original)
    证据/NN-<证据名称>.<ext>        evidence files, checked against their capture hash
    全过程记录.json                 the case's events with their hashes, and whether the township's chain is intact
    manifest.json                  every file with its sha256 and size

Every stored file is checked against the hash recorded when it was made before it is written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
import re
import zipfile
from pathlib import Path
from typing import Any

import msgspec
from zhifa.core import clock
from zhifa.core.db.tables import Evidence
from zhifa.core.documents import service, store
from zhifa.core.schemas.documents import ExportRead
from zhifa.core.services import events
from zhifa.core.services.evidence import evidence_content
from zhifa.core.services.scope import owned_by
from zhifa.core.services.townships import get_township_row

_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def _safe(name: str) -> str:
    return _UNSAFE.sub("_", name).strip("_")[:80] or "文件"


async def export_case(township_code: str, case_id: int, path: str | Path, *, actor: str | None = None,
                      on: dt.date | None = None, cover: dict[str, Any] | None = None) -> ExportRead:
    """Write the case file to ``path`` (a .zip). ``cover`` supplies values for the cover (e.g. archive.retention)."""
    on = on or clock.today()
    township = await get_township_row(township_code)
    case = await service.case_row(township, case_id)
    rows = service.in_file_order(await service.document_rows(township["id"], case_id))
    files: list[dict[str, Any]] = []
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".part")

    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        def add(name: str, content: bytes, kind: str, **extra: Any) -> None:
            archive.writestr(name, content)
            files.append({"path": name, "kind": kind, "sha256": hashlib.sha256(content).hexdigest(),
                          "size": len(content), **extra})

        for index, (code, label) in enumerate((("file_cover", "卷宗封面"), ("file_index", "卷内目录"))):
            made = await service.preview(township_code, case_id, code, actor=actor, on=on, data=cover)
            add(f"{index:02d}-{label}.docx", made.docx, "cover" if index == 0 else "index", blanks=list(made.blanks))
            add(f"{index:02d}-{label}.pdf", made.pdf, "cover" if index == 0 else "index")
        for position, row in enumerate(rows, start=2):
            stem = f"{position:02d}-{_safe(row['title'])}" + (f"-{_safe(row['number'])}" if row["number"] else "")
            meta = {"document_id": row["id"], "title": row["title"], "number": row["number"],
                    "issued_on": row["issued_on"].isoformat()}
            what = f"文书 {row['id']}（{row['title']}）"
            add(f"{stem}.docx", store.get(row["storage_key"], row["content_sha256"], what), "document", **meta)
            add(f"{stem}.pdf", store.get(row["pdf_storage_key"], row["pdf_sha256"], what + "的 PDF"), "document_pdf", **meta)
        evidence = await Evidence.select().where(
            owned_by(Evidence, township["id"]) & (Evidence.case == case_id)).order_by(Evidence.id)
        for n, item in enumerate(evidence, start=1):
            extension = mimetypes.guess_extension(item["media_type"] or "") or ".bin"
            add(f"证据/{n:02d}-{_safe(item['title'])}{extension}", await evidence_content(township_code, item["id"]),
                "evidence", evidence_id=item["id"], title=item["title"], evidence_kind=item["kind"],
                captured_at=item["captured_at"].isoformat())
        case_events = await events.events_of(township["id"], case_id)
        chain_break = events.verify_chain(township_code, await events.events_of(township["id"]))
        log = {"case_id": case_id, "case_number": case["number"], "township": township_code,
               "chain_intact": chain_break is None, "chain_break": chain_break, "events": case_events}
        add("全过程记录.json", msgspec.json.format(msgspec.json.encode(log), indent=2), "event_log")
        manifest = {"case_id": case_id, "case_number": case["number"], "township": township_code,
                    "exported_on": on.isoformat(), "documents": len(rows), "files": files}
        archive.writestr("manifest.json", msgspec.json.format(msgspec.json.encode(manifest), indent=2))
    tmp.replace(target)
    content = target.read_bytes()
    return ExportRead(path=str(target), sha256=hashlib.sha256(content).hexdigest(), size_bytes=len(content),
                      documents=len(rows), evidence=len(evidence), events=len(case_events),
                      chain_intact=chain_break is None)

