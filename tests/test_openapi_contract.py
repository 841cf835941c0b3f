"""The published OpenAPI document is complete enough to generate a client (issue 15, item 3).

Walks ``/schema/openapi.json`` and fails on any operation without the bearer security (unless the
route is public), without each status it can answer documented with the problem it really returns,
without an example request, on any property or parameter without a Chinese description, on a
vocabulary-like field that is neither an enum nor declared open with its reason, on any untyped
object, and on a raw upload not published as a binary body. There is no list of exceptions: what
the test expects of each operation is derived from the route's own declarations, and the answers
the API really gives (problems, a case detail with its file) are validated against the document.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterator

import jsonschema_rs
import msgspec
import pytest
from zhifa.api import openapi, openapi_text
from zhifa.api.problems import PROBLEM, Problem

from .api_recipes import RECIPES
from .api_support import HENGCUN, Api, shared_app

pytestmark = pytest.mark.shared_host

CJK = re.compile(r"[\u4e00-\u9fff]")
REF = "#/components/schemas/"
#: Names that, in this code base, hold a code from a list (a kind, a status, a role …).
VOCABULARY_WORD = re.compile(r"^(kind|status|source|basis|procedure|protects|method|outcome|problem|step|roles?|"
                             r"token_type|format|.+_kind|.+_class|.+_type)$")


@pytest.fixture(scope="module")
def document(module_api: Api) -> dict[str, Any]:
    response = module_api.get("/schema/openapi.json")
    assert response.status_code == 200
    return response.json()


def operations(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, item in document["paths"].items():
        for method in ("get", "post", "put", "patch", "delete"):
            if method in item:
                yield f"{method.upper()} {path}", item[method]


def handler_of(name: str):
    return openapi.handlers(shared_app())[name]


def validator(document: dict[str, Any], schema: dict[str, Any]):
    return jsonschema_rs.Draft202012Validator({**schema, "components": document["components"]})


def assert_valid(document: dict[str, Any], schema: dict[str, Any], value: Any, what: str) -> None:
    errors = [f"{e.instance_path}: {e.message}" for e in validator(document, schema).iter_errors(value)]
    assert not errors, f"{what} does not match the published schema: {errors[:5]}"


def strings(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """The string schemas a property may take (itself, its items, its oneOf branches)."""
    if schema.get("type") == "string":
        return [schema]
    if schema.get("type") == "array":
        return strings(schema.get("items", {}))
    return [s for option in schema.get("oneOf", []) + schema.get("anyOf", []) for s in strings(option)]


def properties(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for name, schema in document["components"]["schemas"].items():
        for prop, spec in schema.get("properties", {}).items():
            yield name, prop, spec


# -- security ----------------------------------------------------------------------------------------

def test_every_operation_but_the_public_ones_requires_the_bearer_token(document):
    assert document["components"]["securitySchemes"]["bearer"] == {
        "type": "http", "scheme": "bearer", "description": document["components"]["securitySchemes"]["bearer"]["description"]}
    for name, operation in operations(document):
        public = handler_of(name).opt.get("public")
        assert operation.get("security") == ([] if public else [{"bearer": []}]), name


# -- statuses and the problem -------------------------------------------------------------------------

def expected_statuses(name: str, operation: dict[str, Any]) -> set[int]:
    """What the route's own declarations say it can answer (the services may add more)."""
    opt = handler_of(name).opt
    parameters = operation.get("parameters", [])
    expected = {500, 503}
    if parameters or "requestBody" in operation:
        expected.add(400)
    if not opt.get("public"):
        expected.add(401)
        if not opt.get("any_role"):
            expected.add(403)
    if "{" in name:
        expected.add(404)
    if "requestBody" in operation:
        expected.add(413)
    if any(p["in"] == "header" and p["name"].lower() == "if-match" for p in parameters):
        expected |= {409, 428}
    if "/actions/" in name:
        expected.add(422)
    if not name.startswith("GET "):
        expected.add(507)
    return expected


def test_every_status_an_operation_can_answer_is_documented_with_the_problem_schema(document):
    for name, operation in operations(document):
        responses = operation["responses"]
        missing = expected_statuses(name, operation) - {int(s) for s in responses}
        assert not missing, f"{name} does not document {sorted(missing)}"
        for status, response in responses.items():
            assert CJK.search(response["description"]), f"{name} {status}: {response['description']}"
            if int(status) >= 400:
                assert response["content"] == {PROBLEM: {"schema": {"$ref": REF + "Problem"}}}, f"{name} {status}"
            else:
                assert PROBLEM not in response.get("content", {}), f"{name} {status}"


def test_the_problem_schema_is_the_one_the_api_returns(document):
    published = document["components"]["schemas"]["Problem"]
    fields = {f.encode_name for f in msgspec.structs.fields(Problem)}
    assert set(published["properties"]) == fields
    assert set(published["required"]) == {f.encode_name for f in msgspec.structs.fields(Problem) if f.required}


def _problems(api: Api) -> list[tuple[str, Any]]:
    """Real error answers of the API, each with the operation that gave it."""
    t = f"/townships/{HENGCUN}"
    case = api.clue("urban", "URBAN-CF-004", "2026-11-02")
    action = f"POST /townships/{{code}}/cases/{{case_id}}/actions/file_case"
    return [
        ("GET /townships/{code}/cases", api.get(f"{t}/cases")),
        ("GET /townships/{code}/users", api.get(f"{t}/users", "hc-aux")),
        ("GET /townships/{code}/cases/{case_id}", api.get(f"{t}/cases/999999", "hc-officer1")),
        ("POST /townships/{code}/cases", api.post(f"{t}/cases", "hc-officer1", json={"field": "urban"})),
        ("POST /townships/{code}/parties", api.post(f"{t}/parties", "hc-officer1", json={
            "kind": "organisation", "name": "某公司", "identifier": "91330122MA0000000X", "legal_representative": "甲"})),
        (action, api.post(f"{t}/cases/{case}/actions/file_case", "hc-captain", json={"officers": ["hc-officer1"]})),
        (action, api.post(f"{t}/cases/{case}/actions/file_case", "hc-captain", json={"officers": ["hc-officer1"]},
                          headers={"If-Match": '"0"'})),
        (action, api.attempt(case, "file_case", None, "hc-captain", officers=["hc-officer1"])),
    ]


def test_every_error_the_api_answers_is_a_documented_status_with_the_published_problem(module_api: Api, document):
    answered = set()
    paths = dict(operations(document))
    for name, response in _problems(module_api):
        assert response.status_code >= 400, response.text
        assert response.headers["content-type"].startswith(PROBLEM)
        assert str(response.status_code) in paths[name]["responses"], f"{name} answered {response.status_code}"
        assert_valid(document, {"$ref": REF + "Problem"}, response.json(), f"{name} {response.status_code}")
        answered.add(response.status_code)
    assert answered >= {400, 401, 403, 404, 409, 422, 428}, answered


# -- enums --------------------------------------------------------------------------------------------

def test_every_field_named_like_a_vocabulary_is_an_enum_or_declared_open_with_a_reason(document):
    for schema, prop, spec in properties(document):
        if VOCABULARY_WORD.match(prop):
            for string in strings(spec):
                if "format" not in string:
                    assert "enum" in string or openapi_text.OPEN.get(f"{schema}.{prop}") or openapi_text.OPEN.get(prop), \
                        f"{schema}.{prop} is neither an enum nor declared open"
    for name, operation in operations(document):
        for parameter in operation.get("parameters", []):
            if VOCABULARY_WORD.match(parameter["name"]):
                assert all("enum" in s for s in strings(parameter["schema"])), f"{name}: {parameter['name']}"


def test_the_enums_are_the_cores_own_vocabularies(document):
    from zhifa.core.domain.roles import Role
    from zhifa.core.procedure.states import Status
    from zhifa.core.services.cases import CaseSource
    from zhifa.core.services.evidence import EvidenceKind

    schemas = document["components"]["schemas"]

    def enum(schema: str, prop: str) -> set[str]:
        return {v for s in strings(schemas[schema]["properties"][prop]) for v in s["enum"]}

    assert enum("ClueCreate", "source") == enum("CaseRead", "source") == {s.value for s in CaseSource}
    assert enum("CaseRead", "status") == {s.value for s in Status}
    assert enum("PartyCreate", "kind") == enum("PartyRead", "kind") == {"citizen", "organisation"}
    assert enum("EvidenceRead", "kind") == {k.value for k in EvidenceKind}
    assert enum("UserRead", "roles") == {r.value for r in Role}
    assert enum("Decide", "kind") == {"penalty", "no_penalty_minor", "no_penalty_unproven", "criminal_transfer"}
    upload = document["paths"]["/townships/{code}/cases/{case_id}/evidence"]["post"]
    kind = next(p for p in upload["parameters"] if p["name"] == "kind")
    assert set(kind["schema"]["enum"]) == {k.value for k in EvidenceKind}


def published_enum(document: dict[str, Any], schema: str, prop: str) -> list[str]:
    values = [v for s in strings(document["components"]["schemas"][schema]["properties"][prop]) for v in s.get("enum", [])]
    assert values, f"{schema}.{prop} publishes no enum"
    return values


@pytest.mark.parametrize(("schema", "path", "field", "body"), [
    ("ClueCreate", "cases", "source", {"field": "urban", "summary": "线索", "found_at": "2026-11-20T09:00:00+08:00"}),
    ("PartyCreate", "parties", "kind", {"name": "某公司", "identifier": "91330122MA0000000X"}),
])
def test_the_published_enum_of_an_input_is_what_the_server_enforces(module_api: Api, document, schema, path, field,
                                                                      body):
    allowed = published_enum(document, schema, field)
    outside = "rumour"
    assert outside not in allowed
    response = module_api.post(f"/townships/{HENGCUN}/{path}", "hc-officer1", json={**body, field: outside})
    assert response.status_code == 400, response.text
    assert [e["field"] for e in response.json()["errors"]] == [field]
    accepted = module_api.post(f"/townships/{HENGCUN}/{path}", "hc-officer1", json={**body, field: allowed[0]})
    assert field not in [e["field"] for e in accepted.json().get("errors", [])], accepted.text


def test_the_published_evidence_kinds_are_what_the_upload_enforces(module_api: Api, document):
    upload = document["paths"]["/townships/{code}/cases/{case_id}/evidence"]["post"]
    allowed = next(p for p in upload["parameters"] if p["name"] == "kind")["schema"]["enum"]
    case = module_api.clue("urban", None, "2026-11-02")
    for kind, status in (("rumour", 400), (allowed[0], 201)):
        response = module_api.post(f"/townships/{HENGCUN}/cases/{case}/evidence", "hc-officer1", content=kind.encode(),
                                   headers={"Content-Type": "image/jpeg"},
                                   params={"kind": kind, "title": "照片", "captured_at": "2026-11-02T10:00:00+08:00"})
        assert response.status_code == status, response.text


# -- typed objects ------------------------------------------------------------------------------------

def untyped(schema: Any, where: str) -> Iterator[str]:
    if not isinstance(schema, dict):
        return
    if schema.get("type") == "object" and not schema.get("properties") and schema.get("additionalProperties") in (
            None, True, {}) and not schema.get("patternProperties"):
        yield where
    for key in ("items", "additionalProperties"):
        yield from untyped(schema.get(key), f"{where}.{key}")
    for option in schema.get("oneOf", []) + schema.get("anyOf", []) + schema.get("allOf", []):
        yield from untyped(option, where)
    for prop, spec in schema.get("properties", {}).items():
        yield from untyped(spec, f"{where}.{prop}")


def test_no_object_in_the_document_is_untyped(document):
    found = [w for name, schema in document["components"]["schemas"].items() for w in untyped(schema, name)]
    for name, operation in operations(document):
        for status, response in operation["responses"].items():
            for media in response.get("content", {}).values():
                found += untyped(media.get("schema"), f"{name} {status}")
        for media in operation.get("requestBody", {}).get("content", {}).values():
            found += untyped(media.get("schema"), f"{name} body")
    assert not found, found


def test_the_case_detail_with_its_file_matches_the_published_schema(module_api: Api, document):
    """A case taken through investigation, proposal, notice, decision and service, read back."""
    def _substitute(api: Api, data: dict[str, Any]) -> dict[str, Any]:
        return {k: api.party_id(v.split(":", 1)[1]) if isinstance(v, str) and v.startswith("@party:") else v
                for k, v in data.items()}

    recipe = RECIPES["serve_decision"]
    case = module_api.clue(recipe.field, recipe.power, recipe.found)
    for step in [*recipe.steps, recipe.action]:
        module_api.act(case, step.action, step.on, step.actor, **_substitute(module_api, step.data))
    assert document["components"]["schemas"]["CaseDetail"]["properties"]["file"]["$ref"] == REF + "CaseFile"
    detail = module_api.get(f"/townships/{HENGCUN}/cases/{case}", "hc-officer1").json()
    assert detail["file"]["decision"] and detail["file"]["service"] and detail["file"]["proposal"]["recommendation"]
    assert_valid(document, {"$ref": REF + "CaseDetail"}, detail, "the case detail")


# -- descriptions -------------------------------------------------------------------------------------

def test_every_property_and_parameter_has_a_chinese_description(document):
    missing = [f"{s}.{p}" for s, p, spec in properties(document) if not CJK.search(spec.get("description", ""))]
    for name, operation in operations(document):
        missing += [f"{name}: {p['name']}" for p in operation.get("parameters", [])
                    if not CJK.search(p.get("description", ""))]
    assert not missing, missing


def test_the_glossary_lists_every_field_meaning_of_the_contract():
    glossary = (Path(__file__).parents[1] / "docs" / "glossary.md").read_text(encoding="utf-8")
    assert openapi_text.glossary_markdown() in glossary, "run: python -m zhifa.api.openapi_text > the glossary's table"


# -- examples and bodies ------------------------------------------------------------------------------

def test_every_operation_taking_input_has_an_example_the_server_accepts(document):
    for name, operation in operations(document):
        for parameter in operation.get("parameters", []):
            assert "example" in parameter, f"{name}: no example for {parameter['name']}"
            assert_valid(document, parameter["schema"], parameter["example"], f"{name}: {parameter['name']}")
        body = operation.get("requestBody")
        if body is None:
            continue
        for media, content in body["content"].items():
            if content["schema"].get("format") == "binary":
                continue
            assert "example" in content, f"{name}: no example body"
            assert_valid(document, content["schema"], content["example"], f"{name}: the example body")
            struct = openapi.input_struct(handler_of(name))
            assert struct is not None, name
            msgspec.json.decode(json.dumps(content["example"]).encode(), type=struct)  # the server decodes it


def test_a_route_that_reads_its_raw_body_publishes_a_required_binary_body(document):
    raw = [name for name, _ in operations(document) if openapi.reads_raw_body(handler_of(name))]
    assert "POST /townships/{code}/cases/{case_id}/evidence" in raw
    for name in raw:
        body = dict(operations(document))[name]["requestBody"]
        assert body["required"] and body["content"]
        assert all(c["schema"] == {"type": "string", "format": "binary"} for c in body["content"].values()), name

