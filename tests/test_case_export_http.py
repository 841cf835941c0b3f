"""The case-file export (案卷导出) over HTTP: GET /townships/{code}/cases/{id}/export streams the same zip as
``zhifa case export`` (zhifa.core.documents.export.export_case)."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

from .api_support import FENSHUI, HENGCUN, Api
from .test_api_contract import rendered_document


def test_the_case_file_is_downloaded_as_a_zip_whose_files_match_the_manifest(api: Api):
    case, _ = rendered_document(api)
    response = api.get(f"/townships/{HENGCUN}/cases/{case}/export", "jiandu", params={"on": "2026-11-30"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/zip"
    assert response.headers["content-disposition"] == f'attachment; filename="case-{case}.zip"'
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert {"00-卷宗封面.docx", "01-卷内目录.pdf", "全过程记录.json", "manifest.json"} <= set(names)
    assert any(n.startswith("02-案件来源登记表") and n.endswith(".docx") for n in names)
    manifest = json.loads(archive.read("manifest.json"))
    files = manifest["files"] if isinstance(manifest, dict) else manifest
    for entry in files:
        assert hashlib.sha256(archive.read(entry["path"])).hexdigest() == entry["sha256"]


def test_another_townships_case_export_is_answered_like_a_missing_case(api: Api):
    case, _ = rendered_document(api, FENSHUI, "fs-officer1")
    foreign = api.get(f"/townships/{HENGCUN}/cases/{case}/export", "hc-head")
    missing = api.get(f"/townships/{HENGCUN}/cases/99999/export", "hc-head")
    assert foreign.status_code == missing.status_code == 404
    assert foreign.json()["code"] == missing.json()["code"]
    assert foreign.text.replace(str(case), "<id>") == missing.text.replace("99999", "<id>")
