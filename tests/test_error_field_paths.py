"""Every 400 names the request's own field path and where it was sent, in Chinese.

A form shows an error beside the field it is about, so the field is the JSON path the request used
(``source``, ``identifier``, ``officers[1]``, ``instalments[1].due``), never Litestar's ``data`` or a
service's own word (``credit_code``); the source is ``body``, ``query``, ``path`` or ``header``
(never ``ParamType.PATH``); the message is Chinese, never the decoder's English.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import pytest

from .api_support import HENGCUN, Api
from .helpers import valid_credit_code

T = f"/townships/{HENGCUN}"
CLUE = {"field": "urban", "source": "grid", "summary": "网格员报告：横村路占道经营", "found_at": "2026-03-02T09:30:00+08:00"}
FILE = {"officers": ["hc-officer1", "hc-officer2"], "act_date": "2026-03-01"}
ENGLISH = re.compile(r"Expected|Invalid|got|malformed|truncated|parameter|Object|missing|decimal|encoded|ParamType")


class Bad(NamedTuple):
    label: str
    method: str
    path: str  # {case} is a clue of the module
    user: str | None
    request: dict[str, Any]
    field: str
    source: str
    words: str = ""  # a part of the Chinese message
    code: str = "request.invalid"
    if_match: bool = False  # a procedure action: send the case's version


JSON = {"Content-Type": "application/json"}
TABLE = [
    Bad("clue without a required field", "POST", f"{T}/cases", "hc-aux",
        {"json": {k: v for k, v in CLUE.items() if k != "source"}}, "source", "body", "必填"),
    Bad("clue time not a date-time", "POST", f"{T}/cases", "hc-aux", {"json": {**CLUE, "found_at": "昨天上午"}},
        "found_at", "body", "带时区的日期时间"),
    Bad("clue field of the wrong type", "POST", f"{T}/cases", "hc-aux", {"json": {**CLUE, "summary": 12}},
        "summary", "body", "应为文字"),
    Bad("clue field not in the form", "POST", f"{T}/cases", "hc-aux", {"json": {**CLUE, "nickname": "x"}},
        "nickname", "body", "不是可识别的字段"),
    Bad("body an array", "POST", f"{T}/cases", "hc-aux", {"json": [CLUE]}, "body", "body", "应为JSON 对象"),
    Bad("no body at all", "POST", f"{T}/cases", "hc-aux", {"content": b"", "headers": JSON}, "body", "body", "缺少请求体"),
    Bad("JSON cut short", "POST", f"{T}/cases", "hc-aux", {"content": b'{"field": "urban", ', "headers": JSON},
        "body", "body", "不是完整的 JSON"),
    Bad("not JSON at all", "POST", f"{T}/cases", "hc-aux", {"content": b"field=urban", "headers": JSON},
        "body", "body", "不是合法的 JSON：第 6 个字节处有无效字符"),
    Bad("organisation's credit code", "POST", f"{T}/parties", "hc-officer1",
        {"json": {"kind": "organisation", "name": "某某餐饮有限公司", "identifier": "91330122MA2XXXXXX1",
                  "legal_representative": "王五"}}, "identifier", "body", "统一社会信用代码", "identifier.credit_code"),
    Bad("citizen's ID number", "POST", f"{T}/parties", "hc-officer1",
        {"json": {"kind": "citizen", "name": "张三", "identifier": "330122199001011235"}},
        "identifier", "body", "居民身份证号码", "identifier.resident_id"),
    Bad("organisation without its representative", "POST", f"{T}/parties", "hc-officer1",
        {"json": {"kind": "organisation", "name": "某某餐饮有限公司", "identifier": valid_credit_code()}},
        "legal_representative", "body", "法定代表人", "party.legal_representative_required"),
    Bad("second officer not a username", "POST", f"{T}/cases/{{case}}/actions/file_case", "hc-captain",
        {"json": {**FILE, "officers": ["hc-officer1", 7]}}, "officers[1]", "body", "应为文字", if_match=True),
    Bad("instalment without its due date", "POST", f"{T}/cases/{{case}}/actions/approve_deferral", "hc-head",
        {"json": {"reason": "经济困难", "instalments": [{"due": "2026-05-01", "amount": "100"}, {"amount": "100"}]}},
        "instalments[1].due", "body", "必填", if_match=True),
    Bad("amount not money", "POST", f"{T}/cases/{{case}}/actions/decide", "hc-head", {"json": {"amount": "两万"}},
        "amount", "body", "应为金额", if_match=True),
    Bad("amount past the fen", "POST", f"{T}/cases/{{case}}/actions/record_payment", "hc-officer1",
        {"json": {"amount": "100.001"}}, "amount", "body", "最多两位小数", "money.too_precise", if_match=True),
    Bad("If-Match not a version", "POST", f"{T}/cases/{{case}}/actions/file_case", "hc-captain",
        {"json": FILE, "headers": {"If-Match": "latest"}}, "If-Match", "header", "案件版本号", "if_match"),
    Bad("case id below 1", "GET", f"{T}/cases/0", "hc-officer1", {}, "case_id", "path", "不小于 1 的整数"),
    Bad("calendar year outside the calendar", "GET", "/calendar/1999", "hc-officer1", {}, "year", "path", "不小于"),
    Bad("page size too large", "GET", f"{T}/cases", "hc-officer1", {"params": {"limit": "1000"}}, "limit", "query",
        "不大于 200 的整数"),
    Bad("page size not a number", "GET", f"{T}/cases", "hc-officer1", {"params": {"limit": "十"}}, "limit", "query",
        "应为整数"),
    Bad("date filter not a date", "GET", f"{T}/cases", "hc-officer1", {"params": {"found_from": "2026-13-01"}},
        "found_from", "query", "YYYY-MM-DD"),
    Bad("cursor not one of ours", "GET", f"{T}/cases", "hc-officer1", {"params": {"cursor": "abc"}}, "cursor", "query",
        "分页游标", "cursor.invalid"),
    Bad("evidence without its time", "POST", f"{T}/cases/{{case}}/evidence", "hc-officer1",
        {"params": {"kind": "audiovisual", "title": "现场照片"}, "content": b"\xff\xd8\xff photo",
         "headers": {"Content-Type": "image/jpeg"}}, "captured_at", "query", "必填，请求中缺少此查询参数"),
    Bad("evidence of no legal kind", "POST", f"{T}/cases/{{case}}/evidence", "hc-officer1",
        {"params": {"kind": "selfie", "title": "现场照片", "captured_at": "2026-03-02T09:40:00+08:00"},
         "content": b"\xff\xd8\xff photo", "headers": {"Content-Type": "image/jpeg"}}, "kind", "query", "法定证据种类",
        "evidence.kind"),
    Bad("quarter not a quarter", "GET", f"{T}/statistics", "hc-head", {"params": {"quarter": "2026年三季度"}},
        "quarter", "query", "格式不符合要求"),
    Bad("sign-in without the password", "POST", "/auth/login", None, {"json": {"username": "hc-officer1"}},
        "password", "body", "必填"),
]


@pytest.fixture(scope="module")
def clue_case(module_api: Api) -> int:
    response = module_api.post(f"{T}/cases", "hc-aux", json=CLUE)
    assert response.status_code == 201, response.text
    return response.json()["id"]


@pytest.mark.parametrize("bad", TABLE, ids=[b.label for b in TABLE])
def test_a_bad_request_names_the_field_path_and_source_in_chinese(module_api: Api, clue_case: int, bad: Bad):
    path = bad.path.replace("{case}", str(clue_case))
    request = dict(bad.request)
    if bad.if_match:
        request["headers"] = {**request.get("headers", {}), "If-Match": module_api.version(clue_case, bad.user)}
    response = module_api.request(bad.method, path, bad.user, **request)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["code"] == bad.code, problem
    assert [(e["field"], e["source"]) for e in problem["errors"]] == [(bad.field, bad.source)], problem
    message = problem["errors"][0]["message"]
    assert bad.words in message, message
    for text in (message, problem["detail"]):
        assert not ENGLISH.search(text), text
        assert re.search(r"[\u4e00-\u9fff]", text), text
