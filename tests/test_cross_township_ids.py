"""Another township's record named inside a request is answered exactly like one that does not exist.

The walk is generated from the published OpenAPI document: every path, query and body field that
may name a record (an id bounded like the databases' ids, or a name such as ``officers``,
``replacement``, ``host``, ``department``) must be classified below — as the kind of record it
names, or as not a township's record with the reason — so a new field cannot slip by. For each
operation with such fields, the contract example (tests/test_api_contract.py, built on the
recipes of tests/api_recipes.py) is sent with another township's value and with a value that
does not exist: never 2xx, and the two answers are identical but for the value itself.

Then one test per finding of the boundary issue, through the public interface.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

import pytest
from zhifa.core.db.tables import Case
from zhifa.core.schemas.cases import ClueCreate
from zhifa.core.schemas.ids import MAX_ID
from zhifa.core.schemas.inspections import RecusalCreate, TargetCreate
from zhifa.core.schemas.people import PartyCreate
from zhifa.core.schemas.referrals import ReferralCreate
from zhifa.core.schemas.townships import DepartmentCreate
from zhifa.core.services import cases, inspections, parties, procedure, referrals, townships
from zhifa.core.services.demo import load_demo
from zhifa.core.services.errors import NotFound

from .api_recipes import BILLBOARD, FUMES, OFFICERS, SHOP, decided, decided_without_penalty, filed
from .api_support import CST, FENSHUI, HENGCUN, Api, shared_app
from .helpers import run, valid_credit_code, valid_resident_id
from .publication_helpers import publish_through_api
from .test_api_contract import EXAMPLES, Call, _send, _substitute, inspection_plan_body, rendered_document

pytestmark = pytest.mark.shared_host

ZHONGSHAN, OTHER_COUNTY = "330122200", "330106"
SCHEMA = shared_app().openapi_schema.to_schema()

# -- the fields, from the OpenAPI document -------------------------------------------------------
#: Names that may name a record (the last segment of a nested body field is matched).
RECORD_NAME = re.compile(
    r"(^|_)ids?$|^(officers?|replacement|host|inspectors?|target|department|username|user|attendees|party|case"
    r"|evidence|publication|code|township|power|field)$")

#: Fields that name a record of the township (or, for departments, of its county) → the kind.
RECORD_FIELDS: dict[tuple[str, str], str] = {
    ("path", "case_id"): "case", ("query", "case_id"): "case",
    ("path", "party_id"): "party", ("body", "party_id"): "party",
    ("path", "evidence_id"): "evidence", ("path", "publication_id"): "publication", ("path", "document_id"): "document",
    ("body", "replaces"): "document",
    ("path", "username"): "user", ("query", "officer"): "user", ("body", "officers"): "user",
    ("body", "officer"): "user", ("body", "replacement"): "user", ("body", "host"): "user",
    ("body", "department"): "department",
    ("path", "referral_id"): "referral", ("body", "case_id"): "case",
    # 双随机、一公开: directory entries, plans, draws, and the inspectors named by username
    ("path", "target_id"): "target", ("body", "target_id"): "target", ("path", "plan_id"): "plan",
    ("query", "plan_id"): "plan", ("path", "draw_id"): "draw", ("path", "inspector"): "user",
    ("body", "inspector"): "user", ("body", "inspectors"): "user",
}
#: Fields that look like they name a record but do not name one of the township, and why.
NOT_TOWNSHIP_RECORDS: dict[tuple[str, str], str] = {
    ("path", "code"): "the township itself: the route guard answers another township's code like a missing one "
                      "(walked for every route in test_api_contract)",
    ("path", "township"): "the public disclosure page, open to everyone for every township",
    ("path", "power"): "a catalogue code (national, published); the township's own powers answer 404 otherwise",
    ("query", "power"): "a catalogue code used as a filter",
    ("query", "field"): "a catalogue code used as a filter",
    ("body", "power"): "a catalogue code (national, published), checked against the township's grants by the gates",
    ("body", "field"): "a catalogue code (national, published), checked against the township's grants by the gates",
    ("body", "username"): "an account to create or to sign in as, not a record resolved in the township",
    ("body", "attendees"): "free text: those present at the 集体讨论 (leaders need not be users); people are read "
                           "for rules and documents only from the township's own users",
    ("query", "township"): "a township code (GET /audit/verify): resolved by the route guard's visible_township, so "
                           "another county's township is answered like a missing one (tests/test_supervisor_job_http)",
    ("query", "department"): "a department code filtering the township's own quarterly report; names no record",
    ("body", "targets.field"): "a catalogue code (national, published): the field of a directory entry imported",
    ("body", "reporter.inspectors"): "what a clue's reporter record says (free JSON, stored as written, never resolved); "
                                     "a random-inspection clue's inspectors are written there by the service from the draw",
}


def _component(ref: str) -> dict:
    return SCHEMA["components"]["schemas"][ref.rsplit("/", 1)[-1]]


def _body_fields(schema: dict, prefix: str = "", seen: tuple[str, ...] = ()):
    """(name, schema) of every property of a body, nested ones as ``outer.inner``."""
    if "$ref" in schema:
        if schema["$ref"] in seen:
            return
        yield from _body_fields(_component(schema["$ref"]), prefix, (*seen, schema["$ref"]))
        return
    for key in ("oneOf", "anyOf", "allOf"):
        for sub in schema.get(key, []):
            yield from _body_fields(sub, prefix, seen)
    if "items" in schema:
        yield from _body_fields(schema["items"], prefix, seen)
    for name, prop in schema.get("properties", {}).items():
        yield f"{prefix}{name}", prop
        yield from _body_fields(prop, f"{prefix}{name}.", seen)


def _fields():
    """(operation, where, name, schema) of every path, query and body field of the document."""
    for path, item in SCHEMA["paths"].items():
        for method, op in item.items():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            key = f"{method.upper()} {path}"
            for parameter in op.get("parameters", []):
                if parameter["in"] in ("path", "query"):
                    yield key, parameter["in"], parameter["name"], parameter["schema"]
            for content in op.get("requestBody", {}).get("content", {}).values():
                for name, prop in _body_fields(content.get("schema", {})):
                    yield key, "body", name, prop


def _bounded_like_an_id(schema: dict) -> bool:
    return any(s.get("maximum") == MAX_ID for s in (schema, *schema.get("oneOf", []), *schema.get("anyOf", [])))


def _may_name_a_record(name: str, schema: dict) -> bool:
    return bool(RECORD_NAME.search(name.rsplit(".", 1)[-1])) or _bounded_like_an_id(schema)


FIELDS = [(key, where, name, schema) for key, where, name, schema in _fields() if _may_name_a_record(name, schema)]
BY_OPERATION: dict[str, list[tuple[str, str, dict]]] = {}
for _key, _where, _name, _schema in FIELDS:
    if (_where, _name) in RECORD_FIELDS:
        BY_OPERATION.setdefault(_key, []).append((_where, _name, _schema))


def test_every_field_that_may_name_a_record_is_classified():
    found = {(where, name) for _, where, name, _ in FIELDS}
    classified = set(RECORD_FIELDS) | set(NOT_TOWNSHIP_RECORDS)
    assert not found - classified, f"fields of the API that may name a record, not classified here: {found - classified}"
    assert not classified - found, f"classified here but no longer in the API: {classified - found}"
    assert not set(RECORD_FIELDS) & set(NOT_TOWNSHIP_RECORDS)
    assert set(BY_OPERATION) <= set(EXAMPLES), "every operation walked has a contract example"


# -- another township's records, and records that do not exist ---------------------------------------
MISSING = {"case": 99999, "party": 99999, "evidence": 99999, "publication": 99999, "document": 99999,
           "user": "no-such-user", "department": "no-such-department", "referral": 99999,
           "target": 99999, "plan": 99999, "draw": 99999}


def inside(api: Api, fn, *args, **kwargs) -> Any:
    """Run a service coroutine in the live app's event loop (where its database connections live)."""
    return api.client.blocking_portal.call(functools.partial(fn, *args, **kwargs))


def _fenshui_steps(api: Api, case: int, steps) -> None:
    for step in steps:
        data = {k: (api.party_id(v.split(":", 1)[1], FENSHUI) if isinstance(v, str) and v.startswith("@party:") else v)
                for k, v in step.data.items()}
        if "officers" in data:
            data["officers"] = [o.replace("hc-", "fs-") for o in data["officers"]]
        api.act(case, step.action, step.on, step.actor.replace("hc-", "fs-"), township=FENSHUI, **data)


@pytest.fixture(scope="module")
def elsewhere(module_api: Api) -> dict[str, Any]:
    """A record of each kind held by another township (分水镇, 钟山乡) or another county (西湖区)."""
    api = module_api
    factory = inside(api, parties.create_party, ZHONGSHAN, PartyCreate(
        kind="organisation", name="桐庐县钟山乡石材加工厂", identifier=valid_credit_code("91330122MA2H7K3P1"),
        legal_representative="孙七", address="桐庐县钟山乡钟山村 9 号"))
    child = inside(api, parties.create_party, ZHONGSHAN, PartyCreate(
        kind="citizen", name="钟小宝", identifier=valid_resident_id(birth="20150601", serial=18), address="桐庐县钟山乡"))
    inside(api, townships.create_department, DepartmentCreate(
        county_code=OTHER_COUNTY, code="xihu-ecology", name="杭州市生态环境局西湖分局", field="ecology", kind="eco"))
    case = api.clue("urban", BILLBOARD, "2026-03-02", user="fs-officer1", township=FENSHUI)
    evidence = api.post(f"/townships/{FENSHUI}/cases/{case}/evidence", "fs-officer1", content=b"fenshui photo",
                        headers={"Content-Type": "image/jpeg"},
                        params={"kind": "audiovisual", "title": "现场照片", "captured_at": "2026-03-02T10:00:00+08:00"})
    assert evidence.status_code == 201, evidence.text
    decided_case = api.clue("urban", BILLBOARD, "2026-03-02", user="fs-officer1", township=FENSHUI)
    _fenshui_steps(api, decided_case, decided_without_penalty())
    [publication] = api.get(f"/townships/{FENSHUI}/publications", "fs-officer1", params={"case_id": decided_case}).json()
    _, document = rendered_document(api, FENSHUI, "fs-officer1")
    referral = api.post(f"/townships/{FENSHUI}/referrals", "fs-admin", json={  # to a department the callers are not
        "department": "urban-zrgh", "summary": "分水镇违法用地，请县自然资源和规划局处理"})
    assert referral.status_code == 201, referral.text
    drawn = _fenshui_draw(api)
    return {"case": case, "party": factory.id, "child": child.id, "evidence": evidence.json()["id"],
            "publication": publication["id"], "document": document, "user": "fs-officer1", "department": "xihu-ecology",
            "factory": factory, "referral": referral.json()["id"],
            "target": drawn["assignments"][0]["target_id"], "plan": drawn["plan_id"], "draw": drawn["id"]}


def _fenshui_draw(api: Api) -> dict:
    """分水镇's own urban directory, inspectors, plan and recorded draw, made through HTTP by its own users."""
    base = f"/townships/{FENSHUI}/inspections"
    target = {"field": "urban", "name": "桐庐县分水镇某广告公司", "identifier": valid_credit_code("91330122MA2H7K3P3"),
              "risk_class": "B", "operator": "孙七", "address": "桐庐县分水镇"}
    steps = [("targets", "fs-admin", {"targets": [target]}, 200),
             ("inspectors", "fs-admin", {"inspectors": ["fs-officer1", "fs-officer2", "fs-captain"]}, 200),
             ("plans", "fs-captain", {**inspection_plan_body(), "title": "分水镇城市管理领域双随机抽查"}, 201)]
    for path, user, body, status in steps:
        response = api.post(f"{base}/{path}", user, json=body)
        assert response.status_code == status, response.text
    drawn = api.post(f"{base}/plans/{response.json()['id']}/draws", "fs-captain", json={"seed": 3})
    assert drawn.status_code == 201, drawn.text
    return drawn.json()


def _with(call: Call, where: str, name: str, schema: dict, value: Any) -> dict[str, Any]:
    """The override of ``_send`` that puts ``value`` in the field (a list field: as its first item)."""
    if where == "path":
        return {"params": {name: value}}
    if where == "query":
        return {"query": {**call.query, name: value}}
    body = dict(call.json or {})
    is_list = isinstance(body.get(name), list) or "array" in str(schema)
    body[name] = [value, *body.get(name, [])[1:]] if is_list else value
    return {"json": body}


def _without(response, value: Any) -> tuple[int, str]:
    """Status and body with the value sent replaced by a placeholder."""
    return response.status_code, re.sub(rf"(?<![\w-]){re.escape(str(value))}(?![\w-])", "<value>", response.text)


def _same_answer(foreign, missing, name: str, foreign_value: Any, missing_value: Any) -> None:
    for value, response in ((foreign_value, foreign), (missing_value, missing)):
        assert response.status_code == 404, f"{name}={value!r}: {response.status_code} {response.text}"
        problem = response.json()
        assert problem["code"].endswith("not_found"), problem
        assert name in problem["detail"] and str(value) in problem["detail"], problem
    assert _without(foreign, foreign_value) == _without(missing, missing_value)


@pytest.mark.parametrize("key", sorted(BY_OPERATION))
def test_another_townships_record_is_answered_like_one_that_does_not_exist(module_api: Api, elsewhere: dict, key: str):
    api = module_api
    call = EXAMPLES[key](api)
    for where, name, schema in BY_OPERATION[key]:
        kind = RECORD_FIELDS[(where, name)]
        foreign = _send(api, key, call, call.user, **_with(call, where, name, schema, elsewhere[kind]))
        missing = _send(api, key, call, call.user, **_with(call, where, name, schema, MISSING[kind]))
        _same_answer(foreign, missing, name, elsewhere[kind], MISSING[kind])


# -- the findings, one by one ------------------------------------------------------------------
A = f"/townships/{HENGCUN}/cases"


def _post_action(api: Api, case: int, action: str, on: str, user: str, **data: Any):
    return api.attempt(case, action, on, user, **data)


def _steps(api: Api, case: int, steps) -> None:
    for step in steps:
        api.act(case, step.action, step.on, step.actor, **_substitute(api, step.data))


def test_filing_with_another_townships_party_is_answered_like_a_party_that_does_not_exist(module_api, elsewhere):
    """Before: ``party_id: 99999`` → 500 (foreign key), another township's party → 200."""
    api = module_api
    case = api.clue("urban", BILLBOARD, "2026-03-02")
    body = {"officers": OFFICERS, "act_date": "2026-03-01"}
    foreign = _post_action(api, case, "file_case", "2026-03-03", "hc-captain", **body, party_id=elsewhere["party"])
    missing = _post_action(api, case, "file_case", "2026-03-03", "hc-captain", **body, party_id=99999)
    _same_answer(foreign, missing, "party_id", elsewhere["party"], 99999)
    assert foreign.json()["code"] == "party.not_found"
    detail = api.get(f"{A}/{case}", "hc-captain").json()
    assert detail["case"]["status"] == "clue" and detail["case"]["party_id"] is None


def test_the_public_page_never_shows_another_townships_party(module_api, elsewhere):
    api = module_api
    factory = elsewhere["factory"]
    case = api.clue("ecology", FUMES, "2026-03-02")
    refused = _post_action(api, case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS,
                           party_id=factory.id, act_date="2026-03-01")
    assert refused.status_code == 404 and refused.json()["code"] == "party.not_found", refused.text
    # a case row that names another township's party (as one filed before the scope could) shows nothing of it
    case = api.clue("ecology", FUMES, "2026-03-02")
    _steps(api, case, decided())
    inside(api, lambda: Case.update({Case.party: factory.id}).where(Case.id == case).run())
    [entry] = api.get(f"/townships/{HENGCUN}/publications", "hc-officer1", params={"case_id": case}).json()
    published = publish_through_api(api, entry["id"], "2026-03-20")
    assert published.status_code == 200, published.text
    page = api.get(f"/public/{HENGCUN}", params={"on": "2026-03-20"}).text
    data = api.get(f"/public/{HENGCUN}/publications", params={"on": "2026-03-20"}).text
    for shown in (page, data, published.text):
        assert factory.name not in shown and factory.identifier not in shown and "孙七" not in shown
    assert api.get(f"/townships/{HENGCUN}/parties/{factory.id}", "hc-officer1").status_code == 404


def test_another_townships_child_is_never_read_into_the_case_file(module_api, elsewhere):
    """Before: 横村镇's case file recorded ``no_penalty_ground: under_14`` from 钟山乡's child."""
    api = module_api
    own_child = api.post(f"/townships/{HENGCUN}/parties", "hc-officer1", json={
        "kind": "citizen", "name": "横小宝", "identifier": valid_resident_id(birth="20150601", serial=27),
        "address": "桐庐县横村镇"}).json()["id"]

    def filed_case(party: int) -> tuple[int, Any]:
        case = api.clue("ecology", FUMES, "2026-03-02")
        filing = _post_action(api, case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=party,
                              act_date="2026-03-01")
        return case, filing

    case, filing = filed_case(elsewhere["child"])
    assert filing.status_code == 404 and filing.json()["code"] == "party.not_found", filing.text
    missing = _post_action(api, case, "file_case", "2026-03-03", "hc-captain", officers=OFFICERS, party_id=99999,
                           act_date="2026-03-01")
    _same_answer(filing, missing, "party_id", elsewhere["child"], 99999)

    # a case row naming another township's child (as filed before the scope) gives the rules no birth date
    case, filing = filed_case(api.party_id("张三"))
    assert filing.status_code == 200, filing.text
    inside(api, lambda: Case.update({Case.party: elsewhere["child"]}).where(Case.id == case).run())
    api.act(case, "conclude_investigation", "2026-03-10", "hc-officer1", facts={}, amount="20000.00")
    assert "under_14" not in api.get(f"{A}/{case}", "hc-officer1").text

    # the township's own child does give the ground: the check above can see it
    own, filing = filed_case(own_child)
    assert filing.status_code == 200, filing.text
    api.act(own, "conclude_investigation", "2026-03-10", "hc-officer1", facts={}, amount="20000.00")
    assert "under_14" in api.get(f"{A}/{own}", "hc-officer1").text


def test_recusal_with_another_townships_officer_as_replacement_is_refused(module_api, elsewhere):
    """Before: ``recuse`` with 分水镇's officer as the replacement → 200."""
    api = module_api
    case = api.clue("urban", BILLBOARD, "2026-03-02")
    _steps(api, case, filed())
    body = {"officer": "hc-officer2", "reason": "系当事人近亲属"}
    foreign = _post_action(api, case, "recuse", "2026-03-04", "hc-head", **body, replacement="fs-officer1")
    missing = _post_action(api, case, "recuse", "2026-03-04", "hc-head", **body, replacement="no-such-user")
    _same_answer(foreign, missing, "replacement", "fs-officer1", "no-such-user")
    assert foreign.json()["code"] == "user.not_found"
    assert api.get(f"{A}/{case}", "hc-head").json()["officers"] == OFFICERS


def test_a_user_of_another_township_is_looked_up_in_the_same_words_as_no_user(module_api):
    """Before: 「本乡镇未找到用户 fs-officer1」 but 「未找到用户 no-such-user」."""
    api = module_api
    path = f"/townships/{HENGCUN}/users"
    _same_answer(api.get(f"{path}/fs-officer1", "hc-admin"), api.get(f"{path}/no-such-user", "hc-admin"),
                 "username", "fs-officer1", "no-such-user")
    certificate = {"number": "33010026777", "fields": ["urban"], "issuer": "浙江省人民政府", "valid_from": "2026-01-01",
                   "valid_to": "2030-12-31"}
    _same_answer(api.post(f"{path}/fs-officer1/certificates", "admin", json=certificate),
                 api.post(f"{path}/no-such-user/certificates", "admin", json=certificate),
                 "username", "fs-officer1", "no-such-user")
    cases = api.get(A, "hc-captain", params={"officer": "fs-officer1"})
    _same_answer(cases, api.get(A, "hc-captain", params={"officer": "no-such-user"}), "officer", "fs-officer1",
                 "no-such-user")


def test_the_acting_user_must_be_of_the_township(module_api):
    """Services (the CLI among their callers) resolve the actor in the township too, before any gate."""
    api = module_api
    case = api.clue("urban", BILLBOARD, "2026-03-02")
    _steps(api, case, filed())
    answers = []
    for actor in ("fs-head", "no-such-user"):
        with pytest.raises(NotFound) as refused:
            inside(api, procedure.perform, HENGCUN, case, "suspend", {"reason": "等待鉴定结论"}, actor=actor,
                   on=dt.date(2026, 3, 10))
        answers.append((refused.value.code, refused.value.message.replace(actor, "<value>")))
    assert answers[0] == answers[1] and answers[0][0] == "user.not_found" and "actor" in answers[0][1]



# -- what the CLI names: inspection targets and inspectors, referral departments and cases ---------------
def _same_not_found(call, name: str, foreign: Any, missing: Any) -> None:
    """Two service calls that must raise the same NotFound, naming ``name``, but for the value."""
    answers = []
    for value in (foreign, missing):
        with pytest.raises(NotFound) as caught:
            run(call(value))
        assert name in caught.value.message and str(value) in caught.value.message, caught.value.message
        answers.append((caught.value.code, caught.value.message.replace(str(value), "<value>")))
    assert answers[0] == answers[1]


@pytest.fixture
def county(database_url):
    run(load_demo())
    run(inspections.import_targets(FENSHUI, [TargetCreate(
        field="urban", name="桐庐县分水镇某广告公司", identifier=valid_credit_code("91330122MA2H7K3P2"), risk_class="B")],
        actor="fs-admin"))
    listed = run(inspections.list_targets(FENSHUI)).targets
    other = run(cases.register_clue(FENSHUI, ClueCreate(field="urban", source="patrol", summary="分水镇的线索",
                                                        found_at=dt.datetime(2026, 3, 2, 9, 0, tzinfo=CST)),
                                    actor="fs-officer1"))
    run(townships.create_department(DepartmentCreate(county_code=OTHER_COUNTY, code="xihu-market", name="西湖区市场监管局",
                                                     field="market", kind="county_amr")))
    return {"target": listed[0].id, "case": other.id, "department": "xihu-market"}


def test_inspection_targets_and_inspectors_of_another_township_are_answered_like_missing_ones(county):
    recusal = functools.partial(RecusalCreate, reason="经营者系其近亲属")
    _same_not_found(lambda t: inspections.declare_recusal(HENGCUN, recusal(inspector="hc-officer2", target_id=t),
                                                          actor="hc-admin"), "target_id", county["target"], 99999)
    own_target = run(inspections.list_targets(HENGCUN, "market")).targets[0].id
    _same_not_found(lambda u: inspections.declare_recusal(HENGCUN, recusal(inspector=u, target_id=own_target),
                                                          actor="hc-admin"), "inspector", "fs-officer1", "no-such-user")
    _same_not_found(lambda u: inspections.add_inspectors(HENGCUN, ["hc-officer2", u], actor="hc-admin"),
                    "inspectors", "fs-officer1", "no-such-user")
    _same_not_found(lambda u: inspections.remove_inspector(HENGCUN, u, actor="hc-admin"),
                    "inspector", "fs-officer1", "no-such-user")
    _same_not_found(lambda t: inspections.set_target_active(HENGCUN, t, False, actor="hc-admin"),
                    "target_id", county["target"], 99999)


def test_a_referral_names_only_its_countys_departments_and_its_townships_cases(county):
    def send(**fields):
        data = ReferralCreate(**{"department": "market-county_amr", "summary": "需县市场监管局处理的事项", **fields})
        return referrals.send_referral(HENGCUN, data, actor="hc-admin", at=dt.datetime(2026, 3, 3, 10, tzinfo=CST))

    _same_not_found(lambda d: send(department=d), "department", county["department"], "no-such-department")
    _same_not_found(lambda c: send(case_id=c), "case_id", county["case"], 99999)
