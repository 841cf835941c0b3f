"""Uploading evidence checks the uploader as a person (issue 12, item 5, for evidence).

Collecting evidence is an officer's act (行政处罚法第42条): the uploader needs their own
certificate, valid on the day the evidence was captured and covering the case's field — checked by
the same rule as the procedure's actions (``officer.actor_no_valid_certificate``).

Before: only the route's role was checked, so an officer whose certificate ended on 2025-06-30
uploaded evidence captured in 2026 (201).
"""

from __future__ import annotations

import hashlib

from zhifa.core.services import evidence

from .api_support import HENGCUN, Api

CASES = f"/townships/{HENGCUN}/cases"
PHOTO = "现场照片".encode() * 50


def _upload(api: Api, case: int, user: str, captured_at: str, content: bytes = PHOTO, **headers: str):
    return api.post(f"{CASES}/{case}/evidence", user, content=content,
                    headers={"Content-Type": "image/jpeg", **headers},
                    params={"kind": "audiovisual", "title": "现场照片", "captured_at": captured_at})


def _stored(content: bytes) -> list:
    root = evidence.store_dir()
    return list(root.rglob(hashlib.sha256(content).hexdigest())) if root.exists() else []


def _sign_in(api: Api, username: str, password: str = "zhifa-demo") -> None:
    login = api.post("/auth/login", json={"username": username, "password": password})
    assert login.status_code == 201, login.text
    api.tokens[username] = login.json()["token"]


def _refused_for_the_certificate(response) -> dict:
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["code"] == "officer.actor_no_valid_certificate", problem
    assert [r["code"] for r in problem["refusals"]] == ["officer.actor_no_valid_certificate"]
    assert "有效行政执法证" in problem["detail"] and "第四十二条" in problem["detail"]
    return problem


def test_an_officer_whose_certificate_has_ended_cannot_upload_evidence(api: Api):
    _sign_in(api, "hc-officer3")  # the demo's officer whose certificate ran until 2025-06-30
    case = api.clue("urban", "URBAN-CF-004", "2026-03-02")
    refused = _upload(api, case, "hc-officer3", "2026-03-02T10:00:00+08:00")
    problem = _refused_for_the_certificate(refused)
    assert "2026-03-02" in problem["detail"] and "城市管理" in problem["detail"]
    assert api.get(f"{CASES}/{case}/evidence", "hc-officer1").json() == []
    assert _stored(PHOTO) == []  # refused before a byte was stored
    timeline = api.get(f"{CASES}/{case}", "hc-officer1").json()["timeline"]
    assert not [e for e in timeline if e["kind"] == "evidence_registered"]
    # the same action by an officer whose own certificate is valid that day
    assert _upload(api, case, "hc-officer1", "2026-03-02T10:00:00+08:00").status_code == 201


def test_evidence_captured_while_the_certificate_was_valid_is_accepted(api: Api):
    _sign_in(api, "hc-officer3")
    case = api.clue("urban", "URBAN-CF-004", "2025-06-20")
    assert _upload(api, case, "hc-officer3", "2025-06-30T16:00:00+08:00").status_code == 201
    # the day is the local day of capture: 2025-06-30T23:30 UTC is 1 July in Asia/Shanghai
    later = _upload(api, case, "hc-officer3", "2025-06-30T23:30:00+00:00", content=b"another photo" * 20)
    _refused_for_the_certificate(later)


def test_a_certificate_that_does_not_cover_the_cases_field_does_not_let_one_upload(api: Api):
    user = {"username": "hc-urban-only", "display_name": "城管执法队员", "roles": ["officer"],
            "password": "桐庐横村-城管2026"}
    assert api.post(f"/townships/{HENGCUN}/users", "hc-admin", json=user).status_code == 201
    certificate = {"number": "33010026555", "fields": ["urban"], "issuer": "浙江省人民政府", "valid_from": "2024-01-01",
                   "valid_to": "2030-12-31"}
    assert api.post(f"/townships/{HENGCUN}/users/hc-urban-only/certificates", "admin", json=certificate).status_code == 201
    _sign_in(api, user["username"], user["password"])

    market = api.clue("ecology", "ECO-CF-003", "2026-03-02")
    problem = _refused_for_the_certificate(_upload(api, market, "hc-urban-only", "2026-03-02T10:00:00+08:00"))
    assert "生态环境" in problem["detail"]
    urban = api.clue("urban", "URBAN-CF-004", "2026-03-02")
    assert _upload(api, urban, "hc-urban-only", "2026-03-02T10:00:00+08:00").status_code == 201
