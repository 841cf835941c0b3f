"""The published contract (``/schema/openapi.json``): Litestar's document, completed in one place.

Litestar builds the document from the route handlers and the msgspec structs; ``complete`` then
adds what a client generator needs and the handlers cannot say by themselves, each derived from
the route's own declarations (``opt``, parameters, body, ``If-Match``) and from the statuses its
service answers (``zhifa.api.openapi_text.SERVICE_ANSWERS``):

- the bearer security scheme, and ``security`` on each operation (``[]`` on ``public`` routes);
- every status an operation can answer, each with the RFC 9457 ``Problem`` it really returns
  (``zhifa.api.problems.Problem``): 401 unless public, 403 unless open to every role, 404 when the
  path or a query parameter names a township or a record, 400 and 413 when it takes input, 409 and
  428 with ``If-Match``, 422 for the procedure's rules, 429 for sign-in throttling, 507 for writes,
  500 and 503 everywhere;
- enums for every closed vocabulary, a Chinese description for every property and parameter, the
  typed case file (``zhifa.core.procedure.casefile.CaseFile``) and typed JSON where the structs
  say ``dict[str, Any]``, all from ``zhifa.api.openapi_text``;
- an example request per operation (``zhifa.api.examples``), and the evidence upload's binary body.

``tests/test_openapi_contract.py`` walks the result and fails on any operation missing one of these.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from typing import Any

import msgspec
from litestar import Litestar
from litestar.handlers import HTTPRouteHandler
from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import OpenAPI
from litestar.routes import HTTPRoute
from zhifa.api import examples, openapi_text
from zhifa.api.problems import PROBLEM, Problem

REF = "#/components/schemas/"
METHODS = ("get", "post", "put", "patch", "delete")
SECURITY = "bearer"


def key(method: str, path: str) -> str:
    """An operation as the contract's tables name it: ``"POST /townships/{code}/cases"``."""
    return f"{method.upper()} {path}"


def handlers(app: Litestar) -> dict[str, HTTPRouteHandler]:
    """Every operation of the app (``key``) → its route handler, as registered (with its ``opt``)."""
    table = {}
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for method, entry in route.route_handler_map.items():
            handler = entry[0] if isinstance(entry, tuple) else entry
            if method not in ("OPTIONS", "HEAD") and handler.include_in_schema:
                table[key(method, route.path_format or "/")] = handler
    return table


@dataclasses.dataclass
class Contract(OpenAPI):
    """Litestar's ``OpenAPI`` whose dictionary form is completed by ``complete``."""

    def to_schema(self) -> dict[str, Any]:
        document = super().to_schema()
        app = getattr(self, "app", None)
        return complete(document, handlers(app)) if app is not None else document


@dataclasses.dataclass
class ContractConfig(OpenAPIConfig):
    """``OpenAPIConfig`` whose document is a ``Contract``; ``attach`` gives it the app's route table."""

    def to_openapi_schema(self) -> OpenAPI:
        base = super().to_openapi_schema()
        contract = Contract(**{f.name: getattr(base, f.name) for f in dataclasses.fields(base)})
        contract.app = getattr(self, "app", None)
        return contract


def attach(app: Litestar) -> Litestar:
    """Let the app's document read its own route table (the roles in ``opt``, the raw bodies)."""
    if isinstance(app.openapi_config, ContractConfig):
        app.openapi_config.app = app
    return app


# -- the document ----------------------------------------------------------------------------------

def complete(document: dict[str, Any], table: dict[str, HTTPRouteHandler]) -> dict[str, Any]:
    document = copy.deepcopy(document)
    components = document.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    components["securitySchemes"] = {SECURITY: {
        "type": "http", "scheme": "bearer",
        "description": "登录（POST /auth/login）取得的令牌，放在 Authorization 请求头中：`Bearer <令牌>`，有效 12 小时。"}}
    document["security"] = [{SECURITY: []}]
    schemas.update(extra_schemas())
    schemas["InvestigationFacts"] = openapi_text.investigation_facts(schemas)
    _type_objects(schemas)
    _closed_bodies(schemas, table)
    for path, item in document.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                name = key(method, path)
                _operation(name, item[method], table.get(name))
    _describe_schemas(schemas)
    return document


def extra_schemas() -> dict[str, Any]:
    """Components no route names by itself: the problem, the case file, typed JSON."""
    out: dict[str, Any] = {}
    out.update(_struct_components(Problem, {"FieldError": "ProblemFieldError", "RefusalRead": "ProblemRefusal"}))
    from zhifa.core.procedure.casefile import CaseFile

    out.update(_struct_components(CaseFile, prefix="CaseFile"))
    out.update(openapi_text.JSON_SCHEMAS)
    return out


def _struct_components(struct: type, renames: dict[str, str] | None = None, prefix: str = "") -> dict[str, Any]:
    """msgspec's JSON Schema of ``struct`` and what it refers to, named without clashing with Litestar's."""
    (root,), defs = msgspec.json.schema_components([struct], ref_template=REF + "{name}")
    names = {name: (renames or {}).get(name) or (name if name == struct.__name__ or not prefix else prefix + name)
             for name in defs}
    text = msgspec.json.encode(defs).decode()
    for old, new in names.items():
        text = text.replace(f'"{REF}{old}"', f'"{REF}{new}"')
    out = msgspec.json.decode(text)
    for name, schema in out.items():
        schema.pop("title", None)  # the class's own name would clash with Litestar's components of that name
        schema.pop("description", None)  # docstrings are the developers' words: the contract's are SCHEMAS'
    return {names[name]: schema for name, schema in out.items()}


def _type_objects(schemas: dict[str, Any]) -> None:
    """Where a struct says ``dict[str, Any]``, the document says what the object holds."""
    for target, replacement in openapi_text.TYPED_OBJECTS.items():
        schema_name, prop = target.split(".")
        schema = schemas.get(schema_name)
        if schema is not None and prop in schema.get("properties", {}):
            old = schema["properties"][prop]
            nullable = any(s.get("type") == "null" for s in old.get("oneOf", []))
            new = copy.deepcopy(replacement)
            schema["properties"][prop] = {"oneOf": [new, {"type": "null"}]} if nullable else new


def _closed_bodies(schemas: dict[str, Any], table: dict[str, HTTPRouteHandler]) -> None:
    """A body struct that refuses unknown fields says so (``additionalProperties: false``)."""
    for handler in table.values():
        struct = input_struct(handler)
        if struct is not None and struct.__struct_config__.forbid_unknown_fields and struct.__name__ in schemas:
            schemas[struct.__name__].setdefault("additionalProperties", False)


# -- operations ------------------------------------------------------------------------------------

def _operation(name: str, operation: dict[str, Any], handler: HTTPRouteHandler | None) -> None:
    opt = handler.opt if handler is not None else {}
    public = bool(opt.get("public"))
    operation["security"] = [] if public else [{SECURITY: []}]
    parameters = operation.setdefault("parameters", [])
    for parameter in parameters:
        _parameter(name, parameter)
    raw = reads_raw_body(handler)
    if raw:
        operation["requestBody"] = openapi_text.binary_body(name)
    body = operation.get("requestBody")
    if body is not None and not raw:
        _body_example(name, body)
    if not parameters:
        operation.pop("parameters")
    operation["responses"] = _responses(name, operation, opt, has_input=bool(parameters) or body is not None,
                                        has_body=body is not None, raw=raw,
                                        streamed=handler is not None and handler.request_max_body_size is None)


def reads_raw_body(handler: HTTPRouteHandler | None) -> bool:
    """A handler without a ``data`` body that reads the request's bytes itself (a file, a CSV)."""
    if handler is None or "data" in handler.parsed_fn_signature.parameters:
        return False
    names = set(getattr(handler.fn, "__code__", None).co_names) if hasattr(handler.fn, "__code__") else set()
    return bool(names & {"stream", "body"})


def input_struct(handler: HTTPRouteHandler) -> type | None:
    """The msgspec struct a handler decodes its JSON body into, if any."""
    parameter = handler.parsed_fn_signature.parameters.get("data")
    if parameter is None:
        return None
    for candidate in (parameter.annotation, *getattr(parameter, "inner_types", ())):
        kind = getattr(candidate, "annotation", candidate)
        if isinstance(kind, type) and issubclass(kind, msgspec.Struct):
            return kind
    return None


def _parameter(operation: str, parameter: dict[str, Any]) -> None:
    name = parameter["name"]
    meaning = openapi_text.parameter_description(operation, name)
    if not _chinese(parameter.get("description")):
        parameter["description"] = meaning
    values = openapi_text.vocabulary(f"{operation}:{name}", name)
    if values is not None:
        _enum(parameter["schema"], values)
    example = examples.parameter(operation, name)
    if example is not None:
        parameter["example"] = example


def _body_example(operation: str, body: dict[str, Any]) -> None:
    example = examples.body(operation)
    for media in body.get("content", {}).values():
        if example is not None:
            media["example"] = example
    body.setdefault("description", openapi_text.body_description(operation))
    if not _chinese(body.get("description")):
        body["description"] = openapi_text.body_description(operation)


def _responses(name: str, operation: dict[str, Any], opt: dict[str, Any], *, has_input: bool, has_body: bool,
               raw: bool, streamed: bool) -> dict[str, Any]:
    path = name.split(" ", 1)[1]
    method = name.split(" ", 1)[0]
    old = operation.get("responses", {})
    out: dict[str, Any] = {}
    for status, response in old.items():  # the success answers Litestar derived from the handler
        if not str(status).startswith(("4", "5")):
            response["description"] = openapi_text.success_description(name, int(status), response.get("description"))
            out[str(status)] = response
    problems: dict[int, str] = {}
    header_names = {p["name"].lower() for p in operation.get("parameters", []) if p.get("in") == "header"}
    query_names = {p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"}
    if has_input:
        problems[400] = "请求有误（request.invalid 等）：errors 逐项指明字段（field）、位置（source）和中文说明"
    if not opt.get("public"):
        problems[401] = "未登录或令牌无效（auth.required），响应头带 WWW-Authenticate: Bearer"
        if not opt.get("any_role"):
            problems[403] = "角色无权进行此项操作（auth.role）"
    if "{" in path or query_names & openapi_text.RECORD_PARAMETERS:
        problems[404] = "未找到，或不属于本乡镇（与不存在时的答复相同，如 township.not_found、case.not_found）"
    if has_body:
        problems[413] = ("文件超过大小上限（evidence.too_large）" if streamed else "请求内容超过 1 MB（request.too_large）")
    if "if-match" in header_names:
        problems[409] = "案件已被他人修改，版本与 If-Match 不符（case.version_conflict），未保存"
        problems[428] = "缺少 If-Match 请求头（case.if_match_required），未保存"
    if openapi_text.is_action(path):
        problems[422] = "办案规则拒绝（refusals 列出每条拒绝的规则代码和中文说明），未保存"
    if method != "GET":
        problems[507] = "存储空间已满（service.storage_full），未保存"
    for status, text in openapi_text.SERVICE_ANSWERS.get(name, {}).items():
        problems[status] = f"{problems[status]}；{text}" if status in problems and status != 422 else text
    problems[500] = "服务器内部错误（internal），已记录"
    problems[503] = "数据库暂不可用（service.database_unavailable），未保存，响应头 Retry-After 后重试"
    for status in sorted(problems):
        out[str(status)] = problem_response(problems[status], status)
    return dict(sorted(out.items()))


def problem_response(description: str, status: int) -> dict[str, Any]:
    response: dict[str, Any] = {"description": description,
                                "content": {PROBLEM: {"schema": {"$ref": REF + "Problem"}}}}
    headers = {}
    if status == 401:
        headers["WWW-Authenticate"] = {"description": "Bearer realm=\"zhifa\"", "schema": {"type": "string"}}
    if status in (429, 503):
        headers["Retry-After"] = {"description": "多少秒后可以重试", "schema": {"type": "integer"}}
    if headers:
        response["headers"] = headers
    return response


# -- schemas ---------------------------------------------------------------------------------------

def _describe_schemas(schemas: dict[str, Any]) -> None:
    for schema_name, schema in schemas.items():
        title = openapi_text.schema_description(schema_name)
        if title is not None:
            schema["description"] = title
        elif schema_name not in openapi_text.JSON_SCHEMAS:
            schema.pop("description", None)  # a docstring, written for developers (English)
        for prop, spec in schema.get("properties", {}).items():
            if not _chinese(spec.get("description")):
                meaning = openapi_text.field_description(schema_name, prop)
                if meaning is not None:
                    spec["description"] = meaning
                else:
                    spec.pop("description", None)  # English or missing: the contract test names it
            values = openapi_text.vocabulary(f"{schema_name}.{prop}", prop)
            if values is not None:
                _enum(spec, values)


def _enum(spec: dict[str, Any], values: list[str]) -> None:
    """Put the vocabulary on the string (or the strings of an array), also inside ``oneOf`` with null."""
    if spec.get("type") == "array":
        _enum(spec.setdefault("items", {}), values)
        return
    for option in spec.get("oneOf", []):
        if option.get("type") in ("string", "array"):
            _enum(option, values)
    if spec.get("type") == "string" and "enum" not in spec:  # a Literal or Enum of the struct is the truth
        default = spec.get("default")
        spec["enum"] = [*values, *([default] if isinstance(default, str) and default not in values else [])]


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _chinese(text: str | None) -> bool:
    return bool(text) and bool(_CJK.search(text))
