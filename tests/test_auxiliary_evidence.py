"""Auxiliary staff attach the photo they took to the clue they registered, over HTTP (issue 15 item 6).

domain.md §2: auxiliaries (协管员/辅助人员) record clues and take photos; they never investigate.
So an auxiliary may upload to a clue they registered themselves while it is still a clue — not to
another person's clue, not once the case is filed, not to another township's case.
"""

from __future__ import annotations

import hashlib

from .api_support import FENSHUI, HENGCUN, Api

CASES = f"/townships/{HENGCUN}/cases"
CLUE = {"field": "urban", "source": "grid", "summary": "网格员报告：横村路占道经营", "place": "横村路 18 号",
        "found_at": "2026-03-02T09:30:00+08:00"}


def _photo(tag: str) -> bytes:
    return b"\xff\xd8\xff\xe0" + f"现场照片 {tag}".encode() * 40


def _clue(api: Api, user: str) -> int:
    response = api.post(CASES, user, json=CLUE)
    assert response.status_code == 201, response.text
    return response.json()["id"]


def _upload(api: Api, case: int, user: str, content: bytes, township: str = HENGCUN):
    return api.post(f"/townships/{township}/cases/{case}/evidence", user, content=content,
                    headers={"Content-Type": "image/jpeg"},
                    params={"kind": "audiovisual", "title": "现场照片", "captured_at": "2026-03-02T09:35:00+08:00",
                            "captured_place": "横村路 18 号"})


def _refused_to_the_auxiliary(response) -> None:
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["code"] == "evidence.auxiliary_own_clue_only", problem
    assert "辅助人员只能为本人登记" in problem["detail"]


def test_an_auxiliary_attaches_the_photo_they_took_to_the_clue_they_registered(api: Api):
    case = _clue(api, "hc-aux")
    photo = _photo("aux")
    uploaded = _upload(api, case, "hc-aux", photo)
    assert uploaded.status_code == 201, uploaded.text
    item = uploaded.json()
    assert item["content_sha256"] == hashlib.sha256(photo).hexdigest()
    listed = api.get(f"{CASES}/{case}/evidence", "hc-officer1").json()
    assert [e["id"] for e in listed] == [item["id"]]
    downloaded = api.get(f"/townships/{HENGCUN}/evidence/{item['id']}/content", "hc-captain")
    assert downloaded.status_code == 200 and downloaded.content == photo
    timeline = api.get(f"{CASES}/{case}", "hc-captain").json()["timeline"]
    assert [e for e in timeline if e["kind"] == "evidence_registered"]


def test_an_auxiliary_cannot_attach_evidence_to_a_clue_someone_else_registered(api: Api):
    case = _clue(api, "hc-officer1")
    _refused_to_the_auxiliary(_upload(api, case, "hc-aux", _photo("other")))
    assert api.get(f"{CASES}/{case}/evidence", "hc-officer1").json() == []
    assert _upload(api, case, "hc-officer1", _photo("officer")).status_code == 201  # an officer may


def test_an_auxiliary_cannot_attach_evidence_once_their_clue_is_filed(api: Api):
    case = _clue(api, "hc-aux")
    api.act(case, "file_case", "2026-03-03", "hc-captain", officers=["hc-officer1", "hc-officer2"],
            power="URBAN-CF-004", party_id=api.party_id("张三"), act_date="2026-03-01")
    _refused_to_the_auxiliary(_upload(api, case, "hc-aux", _photo("filed")))
    assert api.get(f"{CASES}/{case}/evidence", "hc-officer1").json() == []


def test_another_townships_auxiliary_is_answered_as_for_a_missing_case(api: Api):
    case = _clue(api, "hc-aux")
    response = _upload(api, case, "fs-aux", _photo("fenshui"))
    assert response.status_code == 404, response.text
    assert _upload(api, case, "fs-aux", _photo("fenshui"), township=FENSHUI).status_code == 404
