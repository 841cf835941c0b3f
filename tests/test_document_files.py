"""A rendered 执法文书 whose stored file is gone is answered as a problem and seen by supervisors.

Issue 12, item 4 ("only server faults are 5xx"), for documents as for evidence: the record of an
issued document whose Word or PDF file was deleted from the document store is a conflict between
the record and the store — 409 ``document.file_missing`` on download, never a crash — and a
supervisors' finding (``zhifa report findings``) until the file is restored from backup.

Before: the documents could not be downloaded over the API at all, a missing file was a client
error (``Invalid``) wherever it was read, and no finding showed it.
"""

from __future__ import annotations

import functools
import hashlib

from zhifa.core.db.tables import Document
from zhifa.core.documents import service
from zhifa.core.services import findings
from zhifa.core.services.demo import load_demo
from zhifa.core.services.evidence import store_dir

from .api_support import HENGCUN, Api
from .helpers import cli_json, run
from .procedure_helpers import clue, d
from .test_api_contract import rendered_document

WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _content(api: Api, document: int, format: str = "docx", user: str = "hc-officer1"):
    return api.get(f"/townships/{HENGCUN}/documents/{document}/content", user, params={"format": format})


def _stored_file(content: bytes):
    digest = hashlib.sha256(content).hexdigest()
    return store_dir() / HENGCUN / digest[:2] / digest


def _missing(api: Api) -> list:
    found = api.client.blocking_portal.call(functools.partial(findings.findings, township_code=HENGCUN))
    return [f for f in found if f.code == "document.file_missing"]


def test_a_document_is_downloaded_as_word_and_pdf_checked_against_its_hash(api: Api):
    case, document = rendered_document(api)
    [listed] = api.get(f"/townships/{HENGCUN}/cases/{case}/documents", "hc-legal").json()
    assert listed["id"] == document and listed["title"] == "案件来源登记表"
    word, pdf = _content(api, document), _content(api, document, "pdf", user="jiandu")
    assert word.status_code == 200 and word.headers["content-type"].startswith(WORD)
    assert hashlib.sha256(word.content).hexdigest() == listed["content_sha256"]
    assert word.headers["etag"] == f'"{listed["content_sha256"]}"'
    assert word.headers["content-disposition"].startswith("attachment")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF") and pdf.headers["content-type"] == "application/pdf"


def test_a_document_whose_file_is_missing_answers_409_and_is_a_supervisors_finding(api: Api):
    case, document = rendered_document(api)
    content = _content(api, document).content
    stored = _stored_file(content)
    stored.unlink()  # deleted from the document store (or a restore that missed it)

    response = _content(api, document)
    assert response.status_code == 409, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["code"] == "document.file_missing"
    assert f"文书 {document}（案件来源登记表" in problem["detail"] and "备份恢复" in problem["detail"]
    assert _content(api, document, "pdf").status_code == 200  # its PDF is still there

    [finding] = _missing(api)  # the supervisors see it too
    assert (finding.case_id, finding.step, finding.rule) == (case, "render_document", "document.file_missing")
    assert "Word" in finding.message and "PDF" not in finding.message and finding.title.startswith("执法文书")

    stored.write_bytes(content)  # restored from backup
    assert _missing(api) == [] and _content(api, document).content == content


def test_the_command_line_lists_a_missing_document_file_among_the_findings(database_url):
    run(load_demo())
    case = clue("urban", None, "2026-11-02")
    made = run(service.render_document(HENGCUN, case, "case_source", actor="hc-officer1",
                                       data={"source": {"opinion": "建议立案调查"}}, on=d("2026-11-02")))
    (store_dir() / run(_pdf_key(made.id))).unlink()
    rows = cli_json("report", "findings", "--township", HENGCUN)
    [row] = [r for r in rows if r["code"] == "document.file_missing"]
    assert row["case_id"] == case and row["step"] == "render_document"
    assert "PDF" in row["message"] and "案件来源登记表" in row["message"]


async def _pdf_key(document_id: int) -> str:
    return (await Document.select(Document.pdf_storage_key).where(Document.id == document_id).first())["pdf_storage_key"]
