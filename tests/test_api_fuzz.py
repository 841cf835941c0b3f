"""Requests generated from the published OpenAPI document, and hostile values put into valid
requests, never get a 5xx — neither when sent nor when what they wrote is read back; every refusal
is problem+json.

Two tests per operation and engine:

* ``test_generated_requests_never_get_a_server_error``: schemathesis generates bodies, query strings,
  path parameters and headers from the document (positive cases, then negative ones where the
  operation has anything to violate). Three times in four the township is the demo township and
  record ids are real ones (cases in several states, parties, evidence, a publication, users,
  powers), so generated input reaches the services instead of stopping at "not found"; each
  operation is called by a user holding one of its roles. The fuzzed copy of the document marks
  the money fields (given as strings: 金额（元）、数量, the ``bases`` of a recommendation) with a
  ``decimal`` format, filled with amounts valid and not (NaN, sNaN, ±Infinity, 1E+400, 32 digits,
  negative, 0.001 …).
* ``test_hostile_values_never_get_a_server_error``: the operation's valid request (its contract
  example in ``test_api_contract``: for a procedure action, a case brought to the point where the
  action succeeds) with one value replaced, at every place — each body field at any depth, each
  declared body field the example left out, the whole body, each query and path parameter,
  ``If-Match`` — by values of every hostile class: ``NaN``/``sNaN``, ``±Infinity``, huge numbers
  (``1E+400``, 32 digits, past int32 and int64), negative numbers, three decimals (``0.001``), edge
  dates (9999-12-31, 0001-01-01, the calendar's 1901 and 2100, 2026-02-30), JSON
  nested 1,000 and 5,000 deep, NUL inside strings (escaped and raw), long strings (10,000 and
  100,000 characters, and 1 MB in bodies; URLs and headers carry at most 64 KiB). After a hostile
  request that was accepted, the valid request is built again.

After any accepted write, what it wrote is read back (the case, its evidence, the party, the user,
the township's authorisations and powers, the publication pages): a value stored that no read can
show is a 5xx put off, as ``extend_decision_deadline`` with ``days: -1`` was.

Examples per operation (``FUZZ_BUDGET``): on SQLite 100 generated fitting the document + 10 not,
and every place x class with one value — every value of the number classes where a number goes and
of the edge dates where a date goes (and more, to 100 in all, where an operation takes nothing); on
PostgreSQL, to keep the suite's time, the first 25 + 10 of the same generated requests (replayed:
generation is most of the cost), every place x the classes the engines may treat differently
(``ENGINE_SENSITIVE``: NUL, long strings, huge and negative numbers, edge dates) with one value, and
each other class at one place. ``ZHIFA_FUZZ_EXAMPLES`` (an integer) sets the positive count on both
engines for a deeper run. Every request, the setup's too, is counted by operation, phase and status
class; the figures are printed at the end of the module and written to ``api_fuzz_report.json`` in
pytest's temporary directory (or the path in ``ZHIFA_FUZZ_REPORT``).

POST /auth/logout revokes the token it is sent with: each logout is sent with a token issued for
it, so no other request loses its token.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import statistics
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

import msgspec
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from zhifa.core.services import auth

from .api_recipes import LITTER, RECIPES, decided
from .api_support import FENSHUI, HENGCUN, ROLES, Api, shared_app
from .test_api_contract import EXAMPLES, ROUTES, Call, _substitute

#: The edges of what a date can be, and of the calendar (its provisional rule is trusted 1901-2100).
EDGE_DATES = [dt.date.max, dt.date.max - dt.timedelta(days=1), dt.date(9999, 1, 1), dt.date.min, dt.date(1900, 12, 31),
              dt.date(1901, 1, 1), dt.date(2100, 12, 31), dt.date(2101, 1, 1)]
# Dates past the holiday data (2027-2100, the provisional calendar) half the time, any date or an edge otherwise.
_LATER = dict(min_value=dt.date(2027, 1, 1), max_value=dt.date(2100, 12, 31))
schemathesis.openapi.format("date", st.one_of(st.dates(**_LATER), st.dates(), st.sampled_from(EDGE_DATES))
                            .map(dt.date.isoformat))
schemathesis.openapi.format("date-time", st.one_of(
    st.datetimes(min_value=dt.datetime(2027, 1, 1), max_value=dt.datetime(2100, 12, 31),
                 timezones=st.just(dt.timezone.utc)),
    st.datetimes(timezones=st.just(dt.timezone(dt.timedelta(hours=8))))).map(dt.datetime.isoformat))

# -- hostile values ----------------------------------------------------------------------------------
DIGITS32 = "12345678901234567890123456789012"
MB = 1024 * 1024


def _long(n: int) -> str:
    return ("横村镇综合执法abc123" * (n // 12 + 1))[:n]


def _deep(n: int, kind: str = "list") -> str:
    return "[" * n + "]" * n if kind == "list" else '{"a":' * n + "1" + "}" * n


class Hostile(NamedTuple):
    json: str  # the JSON text put into a body (it may be no valid JSON at all: NaN, a raw NUL)
    text: str  # the same value in a query string, a path or a header

    @staticmethod
    def of(json_text: str, text: str | None = None) -> Hostile:
        return Hostile(json_text, json_text.strip('"') if text is None else text)


H = Hostile.of
HOSTILE: dict[str, list[Hostile]] = {
    "nan": [H("NaN"), H('"NaN"'), H('"nan"'), H('"sNaN"'), H('"-sNaN"'), H('"NaN123"')],
    "infinity": [H("Infinity"), H("-Infinity"), H('"Infinity"'), H('"-Infinity"'), H('"inf"'), H("1e999")],
    "huge": [H("1E+400"), H("-1E+400"), H('"1E+400"'), H(DIGITS32), H(f'"{DIGITS32}"'), H(f'"{DIGITS32}.00"'),
             H("2147483648"), H("9223372036854775808"), H("18446744073709551616"), H('"1e12"'), H("1e12")],
    "negative": [H("-1"), H("-0"), H("-0.01"), H('"-0.01"'), H('"-100.00"'), H("-2147483649"),
                 H("-9223372036854775809")],
    "three_decimals": [H("0.001"), H('"0.001"'), H("1234.567"), H('"1234.567"'), H("1.005"), H('"200.005"')],
    "deep_json": [H(_deep(1000)), H(_deep(1000, "object")), H(_deep(5000)), H(f'[{{"a":{_deep(1000)}}}]')],
    "nul": [H('"前\\u0000后"', "前\x00后"), H('"\\u0000"', "\x00"), H('"a\x00b"', "a\x00b"),
            H('{"a\\u0000b": 1}', "a\x00b=1")],
    "far_dates": [H(f'"{d.isoformat()}"') for d in EDGE_DATES]
    + [H('"2026-02-30"'), H('"2026-13-01"'), H('"+10000-01-01"'), H('"9999-12-31T23:59:59+08:00"')],
    # a URL component is at most 64 KiB (httpx; servers allow less): past 10,000 characters, URLs and
    # headers get 60,000 ASCII characters
    "long": [H(f'"{_long(10_000)}"'), H(f'"{_long(10_001)}"'), H(f'"{_long(100_000)}"', "9" * 60_000),
             H(f'"{_long(MB + 1)}"', "a" * 60_000)],
}
CLASSES = sorted(HOSTILE)

# -- the document, with money marked ------------------------------------------------------------------
_MONEY_TITLES = {"金额（元）", "数量"}
schemathesis.openapi.format("decimal", st.one_of(
    st.decimals(min_value=0, max_value=10**6, places=2).map(str),
    st.sampled_from(["200.00", "0.01", "20000", "999999999999.99", "0", "-0", "1e3"]),
    st.sampled_from([v.text for c in ("nan", "infinity", "huge", "negative", "three_decimals") for v in HOSTILE[c]])))


def _mark_money(node: Any, key: str = "") -> None:
    """Add ``format: decimal`` to the string schemas of money fields (in place)."""
    if isinstance(node, dict):
        if (isinstance(node.get("title"), str) and node["title"] in _MONEY_TITLES) or key == "bases":
            target = node.get("additionalProperties", node) if key == "bases" else node
            for branch in target.get("oneOf", [target]):
                if branch.get("type") == "string":
                    branch["format"] = "decimal"
        for k, v in node.items():
            _mark_money(v, k)
    elif isinstance(node, list):
        for v in node:
            _mark_money(v, key)


RAW = shared_app().openapi_schema.to_schema()
FUZZED = copy.deepcopy(RAW)
_mark_money(FUZZED["components"])
SCHEMA = schemathesis.openapi.from_dict(FUZZED)
OPERATIONS = {f"{op.method.upper()} {op.path}": op for op in (result.ok() for result in SCHEMA.get_all_operations())}

pytestmark = pytest.mark.shared_host


class Budget(NamedTuple):
    positive: int  # schemathesis cases per operation, fitting the document
    negative: int  # and not fitting it
    depth: int  # hostile values per place and class
    natural: bool  # and all of a class's values where it is what the place holds (numbers, dates)
    swept: frozenset[str] = frozenset()  # the classes sent to every place (empty: all)


_OVERRIDE = int(os.environ.get("ZHIFA_FUZZ_EXAMPLES", "0"))
#: What the two engines may answer differently: text PostgreSQL cannot hold (NUL, past a column's length),
#: integers past its columns' range, dates; NaN, infinities, decimals and nesting are refused on decoding.
ENGINE_SENSITIVE = frozenset({"nul", "long", "huge", "negative", "far_dates"})
FUZZ_BUDGET = {"sqlite": Budget(_OVERRIDE or 100, 10, 1, True),
               "postgres": Budget(_OVERRIDE or 25, 10, 1, False, ENGINE_SENSITIVE)}

#: Operations a valid request may be repeated on (nothing consumed); after any other's success, build it again.
REPEATABLE = {"POST /auth/login", "POST /auth/logout", "POST /townships/{code}/recommendations",
              "POST /townships/{code}/cases", "POST /townships/{code}/cases/{case_id}/evidence",
              "POST /townships/{code}/parties", "POST /townships/{code}/inspections/targets",
              "POST /townships/{code}/inspections/targets/csv", "POST /townships/{code}/inspections/inspectors",
              "POST /townships/{code}/inspections/plans/{plan_id}/draws"}
#: Operations that change a township's configuration: fuzzed on the other demo township.
ON_FENSHUI = {"POST /townships/{code}/authorisations", "POST /townships/{code}/authorisations/disable"}
FUZZ_ROLES = {"officer", "approver", "legal_reviewer", "township_head"}  # hc-all, token "fuzz-all"


def _engine() -> str:
    return "sqlite" if os.environ["ZHIFA_DATABASE_URL"].startswith("sqlite") else "postgres"


# -- counting every request ------------------------------------------------------------------------
class _Tally:
    """Where requests are being made (engine, operation, phase), and what each answered."""

    def __init__(self):
        self.where: tuple[str, str, str] = ("", "", "setup")
        self.counts: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
        self.classes: dict[tuple[str, str], Counter] = defaultdict(Counter)
        self.notes: dict[tuple[str, str], list[str]] = defaultdict(list)

    def at(self, engine: str, key: str, phase: str) -> None:
        self.where = (engine, key, phase)

    def response(self, response) -> None:
        self.counts[self.where][f"{response.status_code // 100}xx"] += 1


TALLY = _Tally()


@pytest.fixture(scope="module", autouse=True)
def fuzz_report(request, tmp_path_factory):
    """At the end of the module: requests per operation and status class, printed and written as JSON."""
    yield
    report = _report()
    path = Path(os.environ.get("ZHIFA_FUZZ_REPORT") or tmp_path_factory.getbasetemp() / "api_fuzz_report.json")
    path.write_text(json.dumps(report, ensure_ascii=False, indent=1))
    plugins = request.config.pluginmanager
    terminal, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    lines = [f"API fuzz report: {path}"]
    for engine, figures in report["engines"].items():
        lines.append(f"  {engine}: {figures['fuzz_requests']} fuzz requests ({figures['generated']} generated, "
                     f"{figures['hostile']} hostile) + {figures['readback_requests']} read-backs + "
                     f"{figures['setup_requests']} setup over {figures['operations']} operations; per operation "
                     f"min/median/max {figures['per_operation']['min']}/{figures['per_operation']['median']}/"
                     f"{figures['per_operation']['max']}; "
                     f"status classes {figures['status_classes']}")
    if terminal and capture:
        with capture.global_and_fixture_disabled():
            terminal.write_line("")
            for line in lines:
                terminal.write_line(line)
    else:
        print("\n".join(lines))


def _report() -> dict:
    engines: dict[str, Any] = {}
    for (engine, key, phase), counter in TALLY.counts.items():
        if not engine:
            continue
        e = engines.setdefault(engine, {"operations": {}, "status_classes": Counter(), "setup_status": Counter(),
                                         "readback_status": Counter()})
        op = e["operations"].setdefault(key, {"generated": 0, "hostile": 0, "readback": 0, "setup": 0,
                                              "status_classes": Counter(),
                                              "hostile_classes": dict(TALLY.classes[(engine, key)]),
                                              "notes": TALLY.notes[(engine, key)]})
        op[phase] += sum(counter.values())
        if phase in ("setup", "readback"):
            e["setup_status" if phase == "setup" else "readback_status"].update(counter)
        else:
            op["status_classes"].update(counter)
            e["status_classes"].update(counter)
    out: dict[str, Any] = {"engines": {}}
    for engine, e in engines.items():
        per_op = [op["generated"] + op["hostile"] for k, op in e["operations"].items() if k != "(world)"]
        out["engines"][engine] = {
            "operations": len(per_op),
            "fuzz_requests": sum(per_op),
            "generated": sum(op["generated"] for op in e["operations"].values()),
            "hostile": sum(op["hostile"] for op in e["operations"].values()),
            "readback_requests": sum(op["readback"] for op in e["operations"].values()),
            "setup_requests": sum(op["setup"] for op in e["operations"].values()),
            "per_operation": {"min": min(per_op), "median": statistics.median(per_op), "max": max(per_op)},
            "status_classes": dict(sorted(e["status_classes"].items())),
            "readback_status_classes": dict(sorted(e["readback_status"].items())),
            "setup_status_classes": dict(sorted(e["setup_status"].items())),
            "by_operation": {k: {**v, "status_classes": dict(sorted(v["status_classes"].items()))}
                             for k, v in sorted(e["operations"].items())},
        }
    return out


# -- the world the requests are made in ------------------------------------------------------------
@pytest.fixture(scope="module")
def fuzz_world(module_api: Api) -> dict:
    """Real cases in a few states, parties, evidence, a publication; every response counted."""
    api = module_api
    engine = _engine()
    api.client.event_hooks = {"request": [], "response": [TALLY.response]}
    TALLY.at(engine, "(world)", "setup")
    cases = [api.clue("urban", "URBAN-CF-004", "2026-03-02") for _ in range(3)]
    api.act(cases[1], "file_case", "2026-03-03", "hc-captain", officers=["hc-officer1", "hc-officer2"])
    api.act(cases[2], "decide_on_spot", "2026-03-02", "hc-officer1",
            **_substitute(api, RECIPES["decide_on_spot"].action.data))
    decided_case = api.clue("ecology", RECIPES["decide"].power, "2026-03-02")
    for step in decided():
        api.act(decided_case, step.action, step.on, step.actor, **_substitute(api, step.data))
    cases.append(decided_case)
    [publication] = api.get(f"/townships/{HENGCUN}/publications", "hc-officer1",
                            params={"case_id": decided_case}).json()
    upload = api.post(f"/townships/{HENGCUN}/cases/{cases[1]}/evidence", "hc-officer1", content=b"\xff\xd8photo" * 50,
                      headers={"Content-Type": "image/jpeg"},
                      params={"kind": "audiovisual", "title": "现场照片", "captured_at": "2026-03-03T10:00:00+08:00"})
    assert upload.status_code == 201, upload.text
    parties = [p["id"] for p in api.get(f"/townships/{HENGCUN}/parties", "hc-officer1").json()]
    from .test_api_contract import _referral, inspection_draw, urban_directory

    referrals = [_referral(api)]
    # 双随机、一公开: the urban directory, a draw with one result recorded and published, another with none
    draws = [inspection_draw(api, results=1, publish=True), inspection_draw(api)]
    return {"pins": {
        "referral_id": referrals,
        "target_id": urban_directory(api), "plan_id": [d["plan_id"] for d in draws], "draw_id": [d["id"] for d in draws],
        "inspector": ["hc-officer3"],
        "case_id": cases, "party_id": parties, "evidence_id": [upload.json()["id"]],
        "publication_id": [publication["id"]],
        "username": ["hc-officer1", "hc-all", "hc-admin"], "power": ["URBAN-CF-004", LITTER, "ECO-CF-003"],
        "year": [2026, 2027], "township": [HENGCUN],
    }}


def _user(key: str) -> str | None:
    """A user holding one of the operation's roles (the all-roles fuzz user where it can)."""
    opt = ROUTES[key].opt
    allowed = opt.get("roles")
    if allowed is None or FUZZ_ROLES & allowed:
        return "fuzz-all"
    return next(u for u in ("hc-admin", "admin", "jiandu", "amr-liaison") if ROLES[u] & allowed)


def _token(api: Api, user: str | None, key: str) -> dict[str, str]:
    if key == "POST /auth/logout":  # its own token every time: it is revoked
        user_token = api.client.blocking_portal.call(auth.issue_token, "hc-officer1").token
        return {"Authorization": f"Bearer {user_token}"}
    return {"Authorization": f"Bearer {api.tokens[user]}"} if user else {}


def _check(response, what: str) -> None:
    assert response.status_code < 500, f"{what}: {response.status_code} {response.text[:2000]}"
    if response.status_code >= 400:
        assert response.headers["content-type"].startswith("application/problem+json"), f"{what}: {response.text[:500]}"


def _read_back(api: Api, engine: str, key: str, params: dict[str, Any], response, what: str) -> None:
    """After a write was accepted, read what it wrote: a stored value no read can show is a 5xx put off."""
    if response.status_code >= 300 or key.startswith("GET ") or key.startswith("POST /auth/"):
        return
    code = str(params.get("code", HENGCUN))
    user = "admin" if code == FENSHUI else "hc-head"
    written = response.json() if response.headers.get("content-type", "").startswith("application/json") else {}
    case_id = params.get("case_id") or (written.get("id") if key == "POST /townships/{code}/cases" else None)
    paths = [f"/townships/{code}/cases/{case_id}", f"/townships/{code}/cases/{case_id}/evidence"] if case_id else []
    if "publication_id" in params:
        paths += [f"/townships/{code}/publications", f"/public/{code}/publications", f"/public/{code}"]
    if key == "POST /townships/{code}/parties":
        paths.append(f"/townships/{code}/parties/{written['id']}")
    if key.startswith("POST /townships/{code}/users"):
        paths.append(f"/townships/{code}/users/{params.get('username') or written['username']}")
    if "/authorisations" in key:
        paths += [f"/townships/{code}/authorisations", f"/townships/{code}/powers"]
    if "/inspections/" in key:  # the directories, plans, draws and results, and the public list
        base = f"/townships/{code}/inspections"
        paths += [f"{base}/targets?include_inactive=true", f"{base}/inspectors", f"{base}/recusals", f"{base}/plans",
                  f"{base}/draws", f"/public/{code}/inspections", f"/public/{code}"]
        draw_id = params.get("draw_id") or (written.get("id") if key.endswith("/draws") else None)
        if draw_id:
            paths += [f"{base}/draws/{draw_id}/results", f"{base}/draws/{draw_id}/verify"]
    TALLY.at(engine, key, "readback")
    for path in paths:
        _check(api.get(path, user), f"{what}, accepted ({response.status_code}), then GET {path}")


def test_the_published_document_is_the_one_fuzzed(module_api: Api):
    published = module_api.get("/schema/openapi.json").json()
    assert published["paths"].keys() == SCHEMA.raw_schema["paths"].keys()
    assert published == msgspec.json.decode(msgspec.json.encode(RAW))  # the fuzzed copy differs only by the money formats


# -- generated requests ------------------------------------------------------------------------------
#: The cases generated on the first engine, per operation and mode, replayed on the other (generation
#: is most of the cost).
GENERATED: dict[tuple[str, str], list[tuple[Any, int]]] = {}


@pytest.mark.parametrize("key", sorted(OPERATIONS))
def test_generated_requests_never_get_a_server_error(module_api: Api, fuzz_world: dict, key: str):
    api, engine = module_api, _engine()
    budget = FUZZ_BUDGET[engine]
    user = _user(key)
    code = FENSHUI if key in ON_FENSHUI else HENGCUN
    pins = fuzz_world["pins"]
    versions: dict[int, str] = {}  # each case's ETag, read once (again after any success)

    def send(case, choice: int) -> None:
        if choice % 4:  # the demo township and real record ids three times in four, generated ones otherwise
            if "code" in case.path_parameters:
                case.path_parameters["code"] = code
            for name, values in pins.items():
                if name in case.path_parameters:
                    case.path_parameters[name] = values[choice % len(values)]
        case_id = case.path_parameters.get("case_id")
        if case.headers and "If-Match" in case.headers and choice % 3 and case_id in pins["case_id"]:
            # the case's own version two times in three, so generated bodies reach the service, not only 409
            if case_id not in versions:
                TALLY.at(engine, key, "setup")
                versions[case_id] = api.get(f"/townships/{HENGCUN}/cases/{case_id}", "fuzz-all").headers["etag"]
            case.headers["If-Match"] = versions[case_id]
        kwargs = case.as_transport_kwargs(base_url="", headers=_token(api, user, key))
        request = {k: v for k, v in kwargs.items() if k in _REQUEST_KEYS}
        request.pop("cookies", None)  # per-request cookies are deprecated in httpx, and the API reads none
        TALLY.at(engine, key, "generated")
        response = api.client.request(**request)
        _check(response, f"{case.method} {case.formatted_path}")
        _read_back(api, engine, key, case.path_parameters, response, f"{case.method} {case.formatted_path}")
        if response.status_code < 300 and case.method.upper() != "GET":
            versions.clear()

    for mode, examples in ((GenerationMode.POSITIVE, budget.positive), (GenerationMode.NEGATIVE, budget.negative)):
        cached = GENERATED.get((key, mode.value))
        if cached is not None:  # generated on the other engine: the same requests, without generating again
            for case, choice in cached[:examples]:
                send(case, choice)
            continue
        drawn = GENERATED.setdefault((key, mode.value), [])

        @settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=OPERATIONS[key].as_strategy(mode), choice=st.integers(0, 11))
        def generated(case, choice):
            drawn.append((case, choice))
            send(case, choice)

        try:
            generated()
        except Unsatisfiable:  # nothing in the operation can be made invalid (no parameters, no body)
            TALLY.notes[(engine, key)].append(f"no {mode.value} cases")


_REQUEST_KEYS = {"method", "url", "headers", "params", "json", "content", "data", "cookies", "files"}


# -- hostile values in valid requests --------------------------------------------------------------
class Where(NamedTuple):
    part: str  # "json" (a body field, or the whole body), "query", "path", "header"
    name: Any  # a tuple path into the body (() for the whole body), or a parameter's name
    shape: str = "any"  # what the document says it holds: number, code, date, text, any


def _resolve(node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        node = RAW["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _branches(node: Any) -> list[dict]:
    node = _resolve(node)
    if not isinstance(node, dict):
        return []
    if "oneOf" in node or "anyOf" in node:
        return [b for branch in node.get("oneOf", node.get("anyOf")) for b in _branches(branch)]
    return [node]


def _shape(node: Any, money: bool = False) -> str:
    """number (integers, money), code (short strings: a vocabulary or an id), date, text (free text), any."""
    branches = [b for b in _branches(node) if b.get("type") != "null"]
    resolved = _resolve(node) if isinstance(node, dict) else {}
    if money or (isinstance(resolved, dict) and resolved.get("title") in _MONEY_TITLES):
        return "number"
    types = {b.get("type") for b in branches}
    if types & {"integer", "number"}:
        return "number"
    if types == {"string"}:
        if any(b.get("format") in ("date", "date-time") for b in branches):
            return "date"
        if any("enum" in b or b.get("maxLength", 10**9) <= 64 for b in branches):
            return "code"
        return "text"
    return "any"


def _child(node: Any, step: Any) -> Any:
    for branch in _branches(node):
        if isinstance(step, int) and "items" in branch:
            return branch["items"]
        if isinstance(step, str):
            if step in branch.get("properties", {}):
                return branch["properties"][step]
            if isinstance(branch.get("additionalProperties"), dict):
                return branch["additionalProperties"]
    return None


def _declared(key: str) -> tuple[list[dict], Any, bool]:
    """The operation's parameters, its JSON body's schema, and whether it takes a body."""
    method, path = key.split(" ", 1)
    op = RAW["paths"][path][method.lower()]
    body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    return op.get("parameters", []), body, "requestBody" in op


def _leaves(value: Any, path: tuple = ()) -> list[tuple]:
    found = [path] if path else []
    if isinstance(value, dict):
        for k, v in value.items():
            found += _leaves(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += _leaves(v, (*path, i))
    return found


def _body_shape(schema: Any, path: tuple) -> str:
    node, money = schema, False
    for step in path:
        money = money or step == "bases"
        node = _child(node, step)
        if node is None:
            return "any"
    return _shape(node, money and len(path) > 1)


def _locations(key: str, call: Call) -> list[Where]:
    """Every place of the valid request a value can be put: body fields (sent or declared), parameters, If-Match."""
    parameters, schema, has_body = _declared(key)
    where: list[Where] = []
    if has_body or call.content is not None:
        where.append(Where("json", ()))
        present = _leaves(call.json) if call.json is not None else []
        declared = [(f,) for b in _branches(schema) for f in b.get("properties", {})]
        for path in present + [d for d in declared if d not in present]:
            where.append(Where("json", path, _body_shape(schema, path)))
    names = set()
    for p in parameters:
        part = {"query": "query", "path": "path", "header": "header"}.get(p["in"])
        if part and p["name"] not in names:
            names.add(p["name"])
            where.append(Where(part, p["name"], _shape(p.get("schema", {}))))
    where += [Where("query", name) for name in call.query if name not in names]
    if not where:  # an operation that takes nothing: an unknown query parameter and header, and a body anyway
        where = [Where("query", "q"), Where("json", ()), Where("header", "X-Zhifa-Fuzz")]
    return where


_NUMBER_CLASSES = {"nan", "infinity", "huge", "negative", "three_decimals", "far_dates"}
_NATURAL = {"number": _NUMBER_CLASSES - {"far_dates"}, "date": {"far_dates"}}


def _values(kind: str, where: Where) -> list[Hostile]:
    """The class's values that are hostile at this place.

    HTTP cannot carry NUL in a header. In a free text (a summary, a reason) the quoted forms of
    the number classes ("NaN", "-0.01") and dates are plain, valid text: there only bare numbers are sent.
    """
    if where.part == "header" and kind == "nul":
        return []
    values = HOSTILE[kind]
    if where.shape == "text" and where.part == "json" and kind in _NUMBER_CLASSES:
        values = [v for v in values if not v.json.startswith('"')]
    return values


_SENTINEL = "\ue000zhifa-hostile\ue000"


def _set(body: Any, path: tuple, value: Any) -> Any:
    body = copy.deepcopy(body) if body is not None else {}
    node = body
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return body


def _hostile_request(key: str, call: Call, where: Where, value: Hostile,
                     headers: dict[str, str]) -> tuple[dict[str, Any], dict[str, Any]]:
    method, template = key.split(" ", 1)
    params = {"code": FENSHUI if key in ON_FENSHUI else HENGCUN, **call.params}
    query, headers = dict(call.query), {**call.headers, **headers}
    content: bytes | None = call.content
    if call.json is not None:
        content = json.dumps(call.json, ensure_ascii=False).encode()
    if where.part == "json":
        if where.name == ():
            content = value.json.encode()
        else:
            text = json.dumps(_set(call.json, where.name, _SENTINEL), ensure_ascii=False)
            content = text.replace(json.dumps(_SENTINEL, ensure_ascii=False), value.json).encode()
        headers.setdefault("Content-Type", "application/json")
    elif where.part == "query":
        query[where.name] = value.text
    elif where.part == "path":
        params[where.name] = value.text
    else:
        headers[where.name] = value.text.encode()
    if content is not None and call.content is None:
        headers.setdefault("Content-Type", "application/json")
    url = template
    for name, v in params.items():
        url = url.replace(f"{{{name}}}", quote(str(v), safe=""))
    return {"method": method, "url": url, "params": query, "headers": headers, "content": content}, params


@pytest.mark.parametrize("key", sorted(OPERATIONS))
def test_hostile_values_never_get_a_server_error(module_api: Api, fuzz_world: dict, key: str):
    api, engine = module_api, _engine()
    TALLY.at(engine, key, "setup")
    state = {"call": EXAMPLES[key](api)}
    locations = _locations(key, state["call"])
    sent = TALLY.classes[(engine, key)]

    def send(kind: str, value: Hostile, where: Where) -> None:
        call = state["call"]
        request, params = _hostile_request(key, call, where, value, _token(api, call.user, key))
        TALLY.at(engine, key, "hostile")
        sent[kind] += 1
        response = api.client.request(**request)
        what = f"{kind} at {where.part} {where.name!r} of {key} ({value.json[:80]!r})"
        _check(response, what)
        _read_back(api, engine, key, params, response, what)
        if response.status_code < 300 and request["method"] == "POST" and key not in REPEATABLE:
            TALLY.at(engine, key, "setup")  # the valid request was consumed: build it again
            state["call"] = EXAMPLES[key](api)
            TALLY.notes[(engine, key)].append(f"rebuilt after {kind} at {where.part} {where.name!r}")

    # every place x every class swept, each pair with the next `depth` values of the class (rotating, so
    # the places of an operation get different ones), deep enough for the positive budget per operation;
    # a class not swept goes to one place, a different one for each such class
    budget = FUZZ_BUDGET[engine]
    swept = [k for k in CLASSES if k in budget.swept] if budget.swept else CLASSES
    pairs = [(w, kind) for w in locations for kind in swept if _values(kind, w)]
    for n, kind in enumerate(k for k in CLASSES if k not in swept):
        fitting = [w for w in locations if _values(kind, w)]
        if fitting:
            pairs.append((fitting[n % len(fitting)], kind))
    generated = sum(TALLY.counts[(engine, key, "generated")].values())
    depth = max(FUZZ_BUDGET[engine].depth, -(-(FUZZ_BUDGET[engine].positive - generated) // len(pairs)))
    for n, (where, kind) in enumerate(pairs):
        values = _values(kind, where)
        # where the class is what the place holds (numbers where a number goes, edge dates where a date goes): all
        natural = FUZZ_BUDGET[engine].natural and kind in _NATURAL.get(where.shape, ())
        for j in range(len(values) if natural else min(depth, len(values))):
            send(kind, values[(n + j) % len(values)], where)
