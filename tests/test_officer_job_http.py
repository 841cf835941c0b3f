"""The officers' app, its whole job over HTTP only (issue 15's done-when), with operations found in the
published OpenAPI document: a clue with a photo → filing → investigation → notice → waiver → legal review → decision →
the decision rendered and downloaded as .docx and .pdf (hash checked) → service → payment → closing.
"""

from __future__ import annotations

import base64
import hashlib
import io

import docx

from .api_support import HENGCUN, Api

BILLBOARD = "URBAN-CF-018"  # 擅自占用或者挖掘城市道路 (城市道路管理条例第四十二条, 2 万元以下): conferred to 横村镇, the township's own bank prints
SHOP = "桐庐县横村镇好味道餐饮店"


def _operations(api: Api) -> set[str]:
    document = api.client.get("/schema/openapi.json").json()
    return {f"{method.upper()} {path}" for path, item in document["paths"].items() for method in item}


def _path(ops: set[str], key: str, **values) -> str:
    assert key in ops, f"{key} is not in the published OpenAPI document"
    path = key.split(" ", 1)[1]
    for name, value in {"code": HENGCUN, **values}.items():
        path = path.replace(f"{{{name}}}", str(value))
    return path


def test_officers_carry_a_clue_with_a_photo_to_a_closed_case_and_download_the_decision(api: Api, today):
    today("2026-03-23")
    ops = _operations(api)
    action = "POST /townships/{code}/cases/{case_id}/actions/"

    clue = api.post(_path(ops, "POST /townships/{code}/cases"), "hc-aux", json={
        "field": "urban", "power": BILLBOARD, "source": "grid", "summary": "横村大街商铺擅自占用城市道路堆放建材",
        "place": "横村大街 18 号", "found_at": "2026-03-02T09:30:00+08:00"})
    assert clue.status_code == 201, clue.text
    case = clue.json()["id"]
    photo = b"\xff\xd8\xff\xe0" + "占道现场照片".encode() * 64
    uploaded = api.post(_path(ops, "POST /townships/{code}/cases/{case_id}/evidence", case_id=case), "hc-aux",
                        content=photo, headers={"Content-Type": "image/jpeg"},
                        params={"kind": "audiovisual", "title": "占道现场照片", "captured_at": "2026-03-02T09:35:00+08:00"})
    assert uploaded.status_code == 201, uploaded.text
    assert uploaded.json()["content_sha256"] == hashlib.sha256(photo).hexdigest()

    party = next(p["id"] for p in api.get(_path(ops, "GET /townships/{code}/parties"), "hc-captain").json()
                 if p["name"] == SHOP)
    steps = [
        ("file_case", "2026-03-03", "hc-captain",
         {"officers": ["hc-officer1", "hc-officer2"], "party_id": party, "act_date": "2026-03-01"}),
        ("conclude_investigation", "2026-03-10", "hc-officer1", {"facts": {}, "amount": "10000"}),
        ("serve_notice", "2026-03-11", "hc-officer1", {}),
        ("waive_rights", "2026-03-11", "hc-officer1", {}),
        ("legal_review", "2026-03-12", "hc-legal", {"passed": True, "opinion": "事实清楚，证据确凿，适用依据正确"}),
        ("decide", "2026-03-12", "hc-head", {"amount": "10000"}),
    ]
    for name, on, user, body in steps:
        assert f"{action}{name}" in ops, name
        detail = api.act(case, name, on, user, **body)
        assert detail["case"]["status"], name

    # which documents the case may have now, then the decision rendered, listed and downloaded
    templates = api.get(_path(ops, "GET /townships/{code}/cases/{case_id}/templates", case_id=case), "hc-officer1").json()
    by_code = {t["code"]: t for t in templates}
    assert by_code["decision"]["ready"] is True and by_code["decision"]["not_ready"] == ""
    assert by_code["demand"]["ready"] is False and by_code["demand"]["not_ready"]
    made = api.post(_path(ops, "POST /townships/{code}/cases/{case_id}/documents", case_id=case), "hc-officer1",
                    json={"template": "decision", "on": "2026-03-12"})
    assert made.status_code == 201, made.text
    document = made.json()
    assert document["number"] and document["template"] == "decision"
    listed = api.get(_path(ops, "GET /townships/{code}/cases/{case_id}/documents", case_id=case), "hc-head").json()
    assert [d["id"] for d in listed] == [document["id"]]
    content = _path(ops, "GET /townships/{code}/documents/{document_id}/content", document_id=document["id"])
    word = api.get(content, "hc-officer1", params={"format": "docx"})
    assert word.status_code == 200 and hashlib.sha256(word.content).hexdigest() == document["content_sha256"]
    assert word.headers["repr-digest"] == f"sha-256=:{base64.b64encode(hashlib.sha256(word.content).digest()).decode()}:"
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs)
    assert document["number"] in text and SHOP in text and "10000.00" in text.replace(",", "")
    assert "中国农业银行桐庐县支行" in text  # 罚缴分离: the township's designated bank (demo settings)
    pdf = api.get(content, "hc-officer1", params={"format": "pdf"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert hashlib.sha256(pdf.content).hexdigest() == document["pdf_sha256"]

    for name, on, user, body in [
        ("serve_decision", "2026-03-13", "hc-officer1", {"method": "direct", "recipient": "王五"}),
        ("record_payment", "2026-03-20", "hc-officer1", {"amount": "10000"}),
        ("close", "2026-03-23", "hc-captain", {}),
    ]:
        assert f"{action}{name}" in ops, name
        api.act(case, name, on, user, **body)
    final = api.get(_path(ops, "GET /townships/{code}/cases/{case_id}", case_id=case), "hc-captain").json()
    assert final["case"]["status"] == "closed"
    kinds = [e["kind"] for e in final["timeline"]]
    assert {"evidence_registered", "document_rendered", "decide", "record_payment", "close"} <= set(kinds), kinds


def test_a_document_dated_after_today_or_not_ready_is_refused_naming_the_field(api: Api, today):
    today("2026-03-12")
    case = api.clue("urban", BILLBOARD, "2026-03-02")
    path = f"/townships/{HENGCUN}/cases/{case}/documents"
    future = api.post(path, "hc-officer1", json={"template": "case_source", "on": "2026-03-13"})
    assert future.status_code == 422 and future.json()["code"] == "date.in_future", future.text
    not_ready = api.post(path, "hc-officer1", json={"template": "decision"})
    assert not_ready.status_code == 400, not_ready.text
    assert not_ready.json()["code"] == "document.not_ready"
    assert not_ready.json()["errors"][0]["field"] == "template" and "尚未作出行政处罚决定" in not_ready.json()["detail"]
    unknown = api.post(path, "hc-officer1", json={"template": "no-such-template"})
    assert unknown.status_code == 404 and unknown.json()["code"] == "document.template_unknown", unknown.text
    assert api.post(path, "hc-aux", json={"template": "case_source"}).status_code == 403
    assert api.get(f"/townships/{HENGCUN}/documents", "hc-officer1").status_code in (404, 405)
    assert api.get(path, "hc-officer1").json() == []  # nothing was made


def test_a_township_admin_sets_the_bank_a_decision_prints(api: Api):
    path = f"/townships/{HENGCUN}/settings/documents"
    changed = api.post(path, "hc-admin", json={"payment_bank": "浙江桐庐农村商业银行", "phone": "0571-64000000"})
    assert changed.status_code == 200, changed.text
    assert changed.json()["payment_bank"] == "浙江桐庐农村商业银行"
    assert changed.json()["payment_account"] == "演示账号 19-000000000000000"  # a field not sent keeps its value
    assert api.get(path, "hc-head").json() == changed.json()
    restored = api.post(path, "hc-admin", json={"phone": ""}).json()
    assert restored["phone"] == "" and restored["payment_bank"] == "浙江桐庐农村商业银行"
    bad = api.post(path, "hc-admin", json={"number_format": "{short}"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "number_format", bad.text
    assert api.post(path, "hc-officer1", json={"phone": "1"}).status_code == 403
    assert api.post(path, "fs-admin", json={"phone": "1"}).status_code in (403, 404)


def test_a_form_cell_longer_than_a_page_continues_on_the_next_page_of_the_pdf(api: Api):
    """A long opinion in 案件来源登记表's table (the fuzz test's 10,000 characters): rendered, not a 500."""
    case = api.clue("urban", None, "2026-11-02")
    opinion = "建议立案调查，理由如下：横村大街商铺长期占用城市道路堆放建材。" * 320  # about 10,000 characters
    made = api.post(f"/townships/{HENGCUN}/cases/{case}/documents", "hc-officer1",
                    json={"template": "case_source", "on": "2026-11-02", "data": {"source": {"opinion": opinion}}})
    assert made.status_code == 201, made.text
    assert made.json()["pages"] > 3
    pdf = api.get(f"/townships/{HENGCUN}/documents/{made.json()['id']}/content", "hc-officer1", params={"format": "pdf"})
    assert pdf.status_code == 200 and hashlib.sha256(pdf.content).hexdigest() == made.json()["pdf_sha256"]
