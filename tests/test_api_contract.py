"""Every route of the API, walked from the route table: 401, 403, 404, 400 and the success path.

``test_every_route_has_a_contract_example`` fails on a route without an example here, so a new
route cannot land without its five checks. Where a check cannot apply, the route itself says so
and the walk verifies the claim: 401 only for ``public`` routes, 403 only for ``any_role`` routes,
404 only for routes outside a township, 400 only for routes that take no input at all.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import itertools
import re
from typing import Any, Callable, NamedTuple

import pytest
from zhifa.core import clock
from zhifa.core.documents import service as documents
from zhifa.core.procedure.actions import ACTIONS

from .api_recipes import RECIPES
from .api_support import HENGCUN, ROLES, Api, shared_app
from .helpers import valid_credit_code, valid_resident_id
from .publication_helpers import publish_through_api

pytestmark = pytest.mark.shared_host


class Call(NamedTuple):
    user: str
    params: dict[str, Any] = {}
    json: Any = None
    query: dict[str, Any] = {}
    content: bytes | None = None
    headers: dict[str, str] = {}
    expect: int = 200
    invalid: dict[str, Any] | None = None  # what makes the request invalid: {"json": …} or {"query": {…}}


def _routes() -> dict[str, Any]:
    """``"METHOD /path/{param}"`` → route handler, for every route of the app but the OpenAPI ones."""
    app = shared_app()
    table = {}
    for route in app.routes:
        if route.path.startswith("/schema"):
            continue
        for method, entry in route.route_handler_map.items():
            handler = entry[0] if isinstance(entry, tuple) else entry
            if method in ("OPTIONS", "HEAD") or handler.opt.get("web"):  # web: the pages of zhifa.web, not API operations
                continue
            table[f"{method} {re.sub(r':[a-z]+}', '}', route.path)}"] = handler
    return table


ROUTES = _routes()
EXAMPLES: dict[str, Callable[[Api], Call]] = {}


def example(key: str):
    def register(build: Callable[[Api], Call]):
        EXAMPLES[key] = build
        return build

    return register


T = "/townships/{code}"
BAD_BODY = {"json": [1]}

# -- sign-in and townships ------------------------------------------------------------------------
example("POST /auth/login")(lambda a: Call(None, json={"username": "hc-officer1", "password": "zhifa-demo"}, expect=201,
                                           invalid={"json": {"username": "hc-officer1"}}))
example("POST /auth/logout")(lambda a: Call("hc-officer1#spare", expect=204))
example("GET /auth/me")(lambda a: Call("hc-officer1"))
example("GET /townships")(lambda a: Call("jiandu"))
example("GET /calendar/{year}")(lambda a: Call("hc-aux", params={"year": 2027}, invalid={"params": {"year": 1999}}))
example(f"GET {T}")(lambda a: Call("hc-aux"))
example(f"GET {T}/authorisations")(lambda a: Call("hc-head"))
example(f"POST {T}/authorisations")(lambda a: Call("admin", expect=201, json={
    "field": "agri", "basis": "conferred", "document_no": "桐政发〔2026〕12号", "valid_from": "2026-11-01"},
    invalid=BAD_BODY))
example(f"POST {T}/authorisations/disable")(lambda a: Call("admin", json={
    "field": "market", "document_no": "桐政发〔2026〕9号", "valid_from": "2026-12-01"}, invalid=BAD_BODY))
example(f"GET {T}/powers")(lambda a: Call("hc-aux", query={"on": "2026-10-01"}, invalid={"query": {"on": "十月一日"}}))
example(f"GET {T}/powers/{{power}}")(lambda a: Call("hc-officer1", params={"power": "URBAN-CF-001"},
                                                    query={"on": "2026-10-01"}, invalid={"query": {"on": "2026-13-01"}}))
example(f"POST {T}/recommendations")(lambda a: Call("hc-officer1", json={
    "power": "URBAN-CF-001", "act_date": "2026-03-01", "decision_date": "2026-03-20", "party_kind": "organisation",
    "bases": {"construction_cost": "1000000"}}, invalid={"json": {"power": "URBAN-CF-001"}}))

# -- people and parties ---------------------------------------------------------------------------
example(f"GET {T}/users")(lambda a: Call("hc-admin"))
example(f"POST {T}/users")(lambda a: Call("hc-admin", expect=201, json={
    "username": "hc-officer9", "display_name": "新执法队员", "roles": ["officer"], "password": "a-long-password"},
    invalid={"json": {"username": "hc-officer9", "roles": "officer"}}))
example(f"GET {T}/users/{{username}}")(lambda a: Call("hc-admin", params={"username": "hc-officer1"}))
example(f"POST {T}/users/{{username}}/certificates")(lambda a: Call("admin", expect=201, params={"username": "hc-officer2"},
    json={"number": "33010026099", "fields": ["urban"], "issuer": "浙江省人民政府", "valid_from": "2026-01-01",
          "valid_to": "2030-12-31"}, invalid={"json": {"number": "33010026099", "valid_from": "明天"}}))
example(f"GET {T}/parties")(lambda a: Call("hc-officer1"))
example(f"POST {T}/parties")(lambda a: Call("hc-officer1", expect=201, json={
    "kind": "citizen", "name": "王五", "identifier": valid_resident_id(serial=77), "address": "横村镇横村路 1 号"},
    invalid={"json": {"kind": "citizen", "name": 5}}))
example(f"GET {T}/parties/{{party_id}}")(lambda a: Call("hc-legal", params={"party_id": a.party_id("张三")}))

# -- cases ---------------------------------------------------------------------------------------
example(f"POST {T}/cases")(lambda a: Call("hc-aux", expect=201, json={
    "field": "urban", "source": "grid", "summary": "网格员报告：横村路占道经营", "found_at": "2026-11-20T09:00:00+08:00"},
    invalid={"json": {"field": "urban", "summary": "缺少发现时间"}}))
example(f"GET {T}/cases")(lambda a: Call("jiandu", query={"status": "clue", "limit": 2}, invalid={"query": {"limit": 0}}))
example(f"GET {T}/cases/{{case_id}}")(lambda a: Call("hc-head", params={"case_id": a.clue("urban", None, "2026-11-02")},
                                                       invalid={"query": {"on": "十二月四日"}}))


def _evidence_upload(a: Api) -> Call:
    case = a.clue("urban", None, "2026-11-02")
    return Call("hc-officer1", expect=201, params={"case_id": case}, content="现场照片".encode() * 100,
                headers={"Content-Type": "image/jpeg"},
                query={"kind": "audiovisual", "title": "现场照片", "captured_at": "2026-11-02T10:00:00+08:00"},
                invalid={"query": {"kind": "audiovisual", "title": "现场照片", "captured_at": "上午十点"}})


def _with_evidence(a: Api) -> tuple[int, int]:
    call = _evidence_upload(a)
    response = a.post(f"/townships/{HENGCUN}/cases/{call.params['case_id']}/evidence", call.user, params=call.query,
                      content=call.content, headers=call.headers)
    assert response.status_code == 201, response.text
    return call.params["case_id"], response.json()["id"]


example(f"POST {T}/cases/{{case_id}}/evidence")(_evidence_upload)
example(f"GET {T}/cases/{{case_id}}/evidence")(lambda a: Call("hc-legal", params={"case_id": _with_evidence(a)[0]}))
example(f"GET {T}/evidence/{{evidence_id}}/content")(lambda a: Call("hc-head", params={"evidence_id": _with_evidence(a)[1]}))


# -- 执法文书 (made by the service behind `zhifa case document`; read over the API) -------------------
def rendered_document(a: Api, township: str = HENGCUN, user: str = "hc-officer1") -> tuple[int, int]:
    """(case, document): a clue and its 案件来源登记表, rendered in the live app's event loop."""
    case = a.clue("urban", None, "2026-11-02", user=user, township=township)
    made = a.client.blocking_portal.call(functools.partial(
        documents.render_document, township, case, "case_source", actor=user,
        data={"source": {"opinion": "建议立案调查"}}, on=dt.date(2026, 11, 2)))
    return case, made.id


example(f"GET {T}/settings/documents")(lambda a: Call("hc-head"))
example(f"POST {T}/settings/documents")(lambda a: Call("hc-admin", json={
    "payment_bank": "中国农业银行桐庐县支行", "payment_account": "19-535101040000000"},
    invalid={"json": {"payment_bank": 5}}))
example(f"GET {T}/cases/{{case_id}}/templates")(lambda a: Call("hc-legal", params={"case_id": rendered_document(a)[0]}))
example(f"POST {T}/cases/{{case_id}}/documents")(lambda a: Call(
    "hc-officer1", params={"case_id": a.clue("urban", None, "2026-11-02")}, expect=201,
    json={"template": "case_source", "on": "2026-11-02", "data": {"source": {"opinion": "建议立案调查"}}},
    invalid={"json": {"template": "case_source", "on": "2026-02-30"}}))
example(f"GET {T}/cases/{{case_id}}/documents")(lambda a: Call("hc-legal", params={"case_id": rendered_document(a)[0]}))
example(f"GET {T}/documents/{{document_id}}/content")(lambda a: Call(
    "hc-head", params={"document_id": rendered_document(a)[1]}, query={"format": "pdf"},
    invalid={"query": {"format": "odt"}}))


# -- 公示 (publication) ----------------------------------------------------------------------------
def _publication(a: Api, publish: bool = False) -> int:
    """A decided ecology case (recipe ``decided``) queues one publication; optionally published."""
    from .api_recipes import FUMES, decided

    case = a.clue("ecology", FUMES, "2026-03-02")
    for step in decided():
        a.act(case, step.action, step.on, step.actor, **_substitute(a, step.data))
    [entry] = a.get(f"/townships/{HENGCUN}/publications", "hc-officer1", params={"case_id": case}).json()
    if publish:
        response = publish_through_api(a, entry["id"], "2026-03-20")
        assert response.status_code == 200, response.text
    return entry["id"]


def _publish(a: Api) -> Call:
    """Publishing confirms the draft the publisher read (its digest), for the same publication day."""
    publication = _publication(a)
    draft = a.get(f"/townships/{HENGCUN}/publications/{publication}/draft", "hc-officer1", params={"on": "2026-03-20"})
    assert draft.status_code == 200, draft.text
    return Call("hc-officer1", params={"publication_id": publication}, query={"on": "2026-03-20"},
                json={"draft_digest": draft.json()["digest"]}, invalid=PUBLIC_DAY)


PUBLIC_DAY = {"query": {"on": "三月二十日"}}
example("GET /public/{township}/publications")(lambda a: Call(None, params={"township": HENGCUN}, query={"on": "2026-03-20"},
                                                              invalid=PUBLIC_DAY))
example("GET /public/{township}")(lambda a: Call(None, params={"township": HENGCUN}, query={"on": "2026-03-20"},
                                                 invalid=PUBLIC_DAY))
example(f"GET {T}/publications")(lambda a: Call("hc-officer1", query={"case_id": 1}, invalid={"query": {"case_id": "甲"}}))
example(f"GET {T}/publications/{{publication_id}}/draft")(lambda a: Call(
    "hc-officer1", params={"publication_id": _publication(a)}, query={"on": "2026-03-20"}, invalid=PUBLIC_DAY))
example(f"POST {T}/publications/{{publication_id}}/publish")(_publish)
example(f"POST {T}/publications/{{publication_id}}/withdraw")(lambda a: Call(
    "hc-head", params={"publication_id": _publication(a, publish=True)}, json={"reason": "复议决定撤销"},
    query={"on": "2026-03-25"}, invalid=BAD_BODY))
example("GET /publications/overdue")(lambda a: Call("jiandu", query={"on": "2026-04-30"}, invalid=PUBLIC_DAY))


# -- every procedure action, from the recipes ----------------------------------------------------------
def _substitute(a: Api, data: dict[str, Any]) -> dict[str, Any]:
    return {k: a.party_id(v.split(":", 1)[1]) if isinstance(v, str) and v.startswith("@party:") else v
            for k, v in data.items()}


def _action_example(name: str) -> Callable[[Api], Call]:
    def build(a: Api) -> Call:
        recipe = RECIPES[name]
        case = a.clue(recipe.field, recipe.power, recipe.found)
        for step in recipe.steps:
            a.act(case, step.action, step.on, step.actor, **_substitute(a, step.data))
        step = recipe.action
        return Call(step.actor, params={"case_id": case}, json=_substitute(a, step.data), query={"on": step.on},
                    headers={"If-Match": a.version(case, step.actor)}, invalid=BAD_BODY)

    return build


for _name in ACTIONS:
    EXAMPLES[f"POST {T}/cases/{{case_id}}/actions/{_name}"] = _action_example(_name)


# -- the walk ------------------------------------------------------------------------------------
#: Candidates for "a user who may see the township but lacks the route's roles".
WRONG_ROLE = ["hc-aux", "hc-admin", "hc-officer1", "hc-legal", "hc-head", "hc-captain", "jiandu", "admin"]
#: Candidates for "a user of another township (or county) holding the route's roles".
OTHER_TOWNSHIP = ["fs-officer1", "fs-captain", "fs-legal", "fs-head", "fs-admin", "fs-aux", "other-admin"]


def _inputs(handler) -> list[str]:
    path_params = set(re.findall(r"{(\w+)", next(iter(handler.paths))))
    return [p for p in inspect.signature(handler.fn).parameters if p not in {"request", *path_params}]


def _path(key: str, call: Call, code: str = HENGCUN) -> str:
    path = key.split(" ", 1)[1].replace("{code}", code)
    for name, value in call.params.items():
        path = path.replace(f"{{{name}}}", str(value))
    return path


def _send(a: Api, key: str, call: Call, user: str | None, **override: Any):
    if "params" in override:  # an invalid path parameter
        call = call._replace(params={**call.params, **override["params"]})
    kwargs: dict[str, Any] = {"params": override.get("query", call.query), "headers": dict(call.headers)}
    body = override.get("json", call.json)
    if call.content is not None:
        kwargs["content"] = call.content
    elif body is not None:
        kwargs["json"] = body
    return a.request(key.split(" ", 1)[0], _path(key, call), user, **kwargs)


def test_every_route_has_a_contract_example():
    missing = sorted(set(ROUTES) - set(EXAMPLES))
    assert not missing, f"routes without contract examples: {missing}"
    assert not sorted(set(EXAMPLES) - set(ROUTES)), "examples for routes that do not exist"


@pytest.mark.parametrize("key", sorted(ROUTES))
def test_route_answers_401_403_404_400_and_succeeds(module_api: Api, key: str):
    api = module_api
    handler = ROUTES[key]
    opt = handler.opt
    call = EXAMPLES[key](api)
    allowed = opt.get("roles")

    # 401: no token
    if opt.get("public"):
        assert call.user is None, "a public route is called without a user"
    else:
        response = _send(api, key, call, None)
        assert response.status_code == 401, response.text
        assert response.json()["code"] == "auth.required" and response.headers["www-authenticate"].startswith("Bearer")

    # 403: signed in, may see the township, lacks the route's roles
    if allowed is not None:
        wrong = next(u for u in WRONG_ROLE if not ROLES[u] & allowed)
        response = _send(api, key, call, wrong)
        assert response.status_code == 403, f"{wrong}: {response.text}"
        assert response.json()["code"] == "auth.role"
    else:
        assert opt.get("any_role") or opt.get("public"), "a route must declare its roles"

    # 404: the same request by another township's (or county's) user holding the roles
    if "{code}" in key:
        other = next(u for u in OTHER_TOWNSHIP if allowed is None or ROLES[u] & allowed)
        response = _send(api, key, call, other)
        assert response.status_code == 404, f"{other}: {response.text}"
        assert response.json()["code"] == "township.not_found"
        assert HENGCUN in response.json()["detail"] and "案件" not in response.text

    # 400: invalid input names the failing field
    if call.invalid is None:
        assert not _inputs(handler), f"{key} takes input, so it needs an invalid example"
    else:
        response = _send(api, key, call, call.user, **call.invalid)
        assert response.status_code == 400, response.text
        problem = response.json()
        assert problem["code"] == "request.invalid" and problem["errors"], problem
        assert all(e["field"] and e["message"] for e in problem["errors"])

    # success
    response = _send(api, key, call, call.user)
    assert response.status_code == call.expect, response.text


# -- county side: referrals, reports, audit, county list (issue 15) --------------------------------
BAD_QUARTER = {"query": {"quarter": "2026Q5"}}
example(f"GET {T}/statistics")(lambda a: Call("jiandu", query={"quarter": "2026Q4"}, invalid=BAD_QUARTER))
example("GET /county/statistics")(lambda a: Call("jiandu", query={"quarter": "2026Q4"}, invalid=BAD_QUARTER))
example(f"GET {T}/findings")(lambda a: Call("jiandu", query={"quarter": "2026Q4"}, invalid=BAD_QUARTER))
example("GET /county/findings")(lambda a: Call("jiandu", query={"quarter": "2026Q4"}, invalid=BAD_QUARTER))
example(f"GET {T}/reports/quarterly")(lambda a: Call("jiandu", query={"quarter": "2026Q4"}, invalid=BAD_QUARTER))
example(f"GET {T}/reports/quarterly/docx")(lambda a: Call("hc-head", query={"quarter": "2026Q4"}, invalid=BAD_QUARTER))
example("GET /audit/verify")(lambda a: Call("jiandu", query={"township": HENGCUN},
                                            invalid={"query": {"township": "x" * 40}}))
example("GET /county/cases")(lambda a: Call("jiandu", query={"status": "clue", "limit": 2}, invalid={"query": {"limit": 0}}))
example(f"GET {T}/cases/{{case_id}}/export")(lambda a: Call("jiandu", params={"case_id": rendered_document(a)[0]},
                                                            invalid={"query": {"on": "2026-13-01"}}))

AMR = "market-county_amr"


def _referral(a: Api, upto: str = "sent") -> int:
    """A referral from 横村镇 to the county AMR, taken through HTTP up to ``upto`` (sent, accepted, answered)."""
    sent = a.post(f"/townships/{HENGCUN}/referrals", "hc-admin",
                  json={"department": AMR, "summary": "白鹤村无证经营食品作坊，请县市场监管局处理", "place": "横村镇白鹤村"})
    assert sent.status_code == 201, sent.text
    rid = sent.json()["id"]
    for step, body in (("accept", None), ("answer", {"answer": "已派员核查并立案"}))[:{"sent": 0, "accepted": 1, "answered": 2}[upto]]:
        response = a.post(f"/referrals/{rid}/{step}", "amr-liaison", json=body)
        assert response.status_code == 200, response.text
    return rid


R_ = "/referrals/{referral_id}"
example(f"POST {T}/referrals")(lambda a: Call("hc-admin", expect=201, json={
    "department": AMR, "summary": "白鹤村无证经营食品作坊，请县市场监管局处理", "place": "横村镇白鹤村"},
    invalid={"json": {"summary": "缺少部门"}}))
example("GET /referrals")(lambda a: Call("amr-liaison", query={"status": "sent"}, invalid={"query": {"status": "lost"}}))
example(f"GET {R_}")(lambda a: Call("amr-liaison", params={"referral_id": _referral(a)}))
example(f"POST {R_}/accept")(lambda a: Call("amr-liaison", params={"referral_id": _referral(a)}))
example(f"POST {R_}/refuse")(lambda a: Call("amr-liaison", params={"referral_id": _referral(a)},
                                            json={"reason": "不属本部门职责"}, invalid={"json": {}}))
example(f"POST {R_}/answer")(lambda a: Call("amr-liaison", params={"referral_id": _referral(a, "accepted")},
                                            json={"answer": "已派员核查"}, invalid={"json": {"answer": 1}}))
example(f"POST {R_}/return")(lambda a: Call("amr-liaison", params={"referral_id": _referral(a)},
                                            json={"reason": "材料不全"}, invalid={"json": {}}))
example(f"POST {R_}/close")(lambda a: Call("amr-liaison", params={"referral_id": _referral(a, "answered")}))
example(f"POST {R_}/rate")(lambda a: Call("hc-admin", params={"referral_id": _referral(a, "answered")},
                                          json={"score": 4, "comment": "响应及时"}, invalid={"json": {"score": "好"}}))


# -- 双随机、一公开 (issue 15): the urban directory of 横村镇, plans over a window around today, draws made now -----
INS = f"{T}/inspections"
_SEQ = itertools.count(1)
URBAN_TARGETS = [
    {"field": "urban", "name": "桐庐横村广告传媒有限公司", "identifier": valid_credit_code("91330122MA2H9A1C0"),
     "risk_class": "A", "operator": "钱多多", "address": "桐庐县横村镇振兴路8号"},
    {"field": "urban", "name": "桐庐县横村镇周小红烧烤摊", "identifier": valid_credit_code("92330122MA2H9A1C1"),
     "risk_class": "B", "kind": "individual", "operator": "周小红", "address": "桐庐县横村镇横村大街3号"},
]
INSPECTORS = ["hc-officer1", "hc-officer2", "hc-captain"]
EVERY_CLASS = {"A": "100", "B": "100", "C": "100", "D": "100"}


def _inspections(a: Api, method: str, path: str, user: str, status: int = 200, **kwargs: Any) -> Any:
    response = a.request(method, f"/townships/{HENGCUN}/inspections/{path}", user, **kwargs)
    assert response.status_code == status, response.text
    return response.json()


def urban_directory(a: Api) -> list[int]:
    """横村镇's urban targets (imported again: an update at most) and inspectors (added again: reactivated)."""
    _inspections(a, "POST", "targets", "hc-admin", json={"targets": URBAN_TARGETS})
    _inspections(a, "POST", "inspectors", "hc-admin", json={"inspectors": INSPECTORS})
    listed = _inspections(a, "GET", "targets", "hc-admin", params={"field": "urban"})["targets"]
    return [t["id"] for t in listed if t["identifier"] in {r["identifier"] for r in URBAN_TARGETS}]


def inspection_plan_body() -> dict[str, Any]:
    """A plan whose window holds today (the draw is made now, a result inspected now), every class drawn."""
    today = clock.today()
    return {"field": "urban", "title": f"横村镇城市管理领域双随机抽查（{next(_SEQ)}）", "ratios": EVERY_CLASS,
            "starts_on": (today - dt.timedelta(days=5)).isoformat(), "ends_on": (today + dt.timedelta(days=30)).isoformat()}


def inspection_plan(a: Api) -> int:
    urban_directory(a)
    return _inspections(a, "POST", "plans", "hc-captain", 201, json=inspection_plan_body())["id"]


def inspection_draw(a: Api, results: int = 0, publish: bool = False) -> dict:
    """A recorded draw of a new plan; ``results`` of its targets inspected now (no problem), optionally published."""
    draw = _inspections(a, "POST", f"plans/{inspection_plan(a)}/draws", "hc-captain", 201, json={"seed": 15})
    for assignment in draw["assignments"][:results]:
        _inspections(a, "POST", f"draws/{draw['id']}/results", "hc-officer1", 201,
                     json={"target_id": assignment["target_id"], "outcome": "no_problem"})
    if publish:
        _inspections(a, "POST", f"draws/{draw['id']}/publish", "hc-head")
    return draw


def _recusal(a: Api) -> Call:
    """A recusal from a target of its own (ecology, never drawn here), so no urban draw is left short of inspectors."""
    n = next(_SEQ)
    target = {"field": "ecology", "name": f"桐庐横村某餐饮有限公司（{n}）", "identifier": valid_credit_code(f"91330122MA2J{n:05d}"),
              "risk_class": "B"}
    _inspections(a, "POST", "targets", "hc-admin", json={"targets": [target]})
    listed = _inspections(a, "GET", "targets", "hc-admin", params={"field": "ecology"})["targets"]
    target_id = next(t["id"] for t in listed if t["identifier"] == target["identifier"])
    return Call("hc-admin", expect=201, json={"inspector": "hc-officer2", "target_id": target_id, "reason": "经营者系其近亲属"},
                invalid={"json": {"inspector": "hc-officer2", "reason": "缺少检查对象"}})


def _removable_inspector(a: Api) -> Call:
    _inspections(a, "POST", "inspectors", "hc-admin", json={"inspectors": ["hc-officer3"]})  # expired: never drawn anyway
    return Call("hc-admin", params={"inspector": "hc-officer3"}, invalid={"params": {"inspector": "x" * 65}})


def _targets_csv() -> bytes:
    rows = "".join(f"{t['name']},{t['identifier']},{t['risk_class']}\n" for t in URBAN_TARGETS)
    return ("名称,统一社会信用代码,风险分类\n" + rows).encode("utf-8-sig")


example(f"GET {INS}/targets")(lambda a: Call("jiandu", query={"field": "urban"},
                                             invalid={"query": {"include_inactive": "也许"}}))
example(f"POST {INS}/targets")(lambda a: Call("hc-admin", json={"targets": URBAN_TARGETS},
                                              invalid={"json": {"targets": "桐庐横村广告传媒有限公司"}}))
example(f"POST {INS}/targets/csv")(lambda a: Call("hc-admin", query={"field": "urban"}, content=_targets_csv(),
                                                  headers={"Content-Type": "text/csv"},
                                                  invalid={"query": {"field": "u" * 41}}))
example(f"POST {INS}/targets/{{target_id}}/deactivate")(lambda a: Call("hc-admin",
                                                                       params={"target_id": urban_directory(a)[0]}))
example(f"GET {INS}/inspectors")(lambda a: Call("hc-head"))
example(f"POST {INS}/inspectors")(lambda a: Call("hc-admin", json={"inspectors": INSPECTORS},
                                                 invalid={"json": {"inspectors": "hc-officer1"}}))
example(f"POST {INS}/inspectors/{{inspector}}/remove")(_removable_inspector)
example(f"GET {INS}/recusals")(lambda a: Call("jiandu"))
example(f"POST {INS}/recusals")(_recusal)
example(f"GET {INS}/plans")(lambda a: Call("hc-officer1"))
example(f"POST {INS}/plans")(lambda a: Call("hc-captain", expect=201, json=inspection_plan_body(),
                                            invalid={"json": {"field": "urban", "title": "缺少比例和期间"}}))
example(f"GET {INS}/plans/{{plan_id}}")(lambda a: Call("jiandu", params={"plan_id": inspection_plan(a)}))
example(f"POST {INS}/plans/{{plan_id}}/draws")(lambda a: Call("hc-captain", expect=201,
                                                              params={"plan_id": inspection_plan(a)}, json={"seed": 15},
                                                              invalid={"json": {"seed": "十五"}}))
example(f"GET {INS}/draws")(lambda a: Call("hc-head", query={"plan_id": inspection_draw(a)["plan_id"]},
                                           invalid={"query": {"plan_id": "甲"}}))
example(f"GET {INS}/draws/{{draw_id}}")(lambda a: Call("hc-officer2", params={"draw_id": inspection_draw(a)["id"]}))
example(f"GET {INS}/draws/{{draw_id}}/verify")(lambda a: Call("jiandu", params={"draw_id": inspection_draw(a)["id"]}))
example(f"GET {INS}/draws/{{draw_id}}/results")(lambda a: Call("jiandu",
                                                               params={"draw_id": inspection_draw(a, results=1)["id"]}))


def _result(a: Api) -> Call:
    draw = inspection_draw(a)
    return Call("hc-officer1", expect=201, params={"draw_id": draw["id"]},
                json={"target_id": draw["assignments"][0]["target_id"], "outcome": "no_problem", "note": "未发现问题"},
                invalid={"json": {"outcome": "no_problem"}})


example(f"POST {INS}/draws/{{draw_id}}/results")(_result)
example(f"POST {INS}/draws/{{draw_id}}/publish")(lambda a: Call("hc-head", params={"draw_id": inspection_draw(a, results=1)["id"]},
                                                                invalid=PUBLIC_DAY))
example("GET /public/{township}/inspections")(lambda a: Call(None, params={"township": HENGCUN}, invalid=PUBLIC_DAY))
