"""Property-based: requests generated from the published OpenAPI document never get a 5xx.

Schemathesis generates bodies, query strings and headers for every operation; the township is
pinned to the demo township and case ids to real cases in several states, so the generated
input reaches the services instead of stopping at "not found". The caller holds every township
role, so most requests get past the role check too.
"""

from __future__ import annotations

import datetime as dt

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .api_support import HENGCUN, Api, shared_app

# Dates past the holiday data (2027-2100, the provisional calendar) half the time, any date otherwise.
_LATER = dict(min_value=dt.date(2027, 1, 1), max_value=dt.date(2100, 12, 31))
schemathesis.openapi.format("date", st.one_of(st.dates(**_LATER), st.dates()).map(dt.date.isoformat))
schemathesis.openapi.format("date-time", st.one_of(
    st.datetimes(min_value=dt.datetime(2027, 1, 1), max_value=dt.datetime(2100, 12, 31), timezones=st.just(dt.timezone.utc)),
    st.datetimes(timezones=st.just(dt.timezone(dt.timedelta(hours=8))))).map(dt.datetime.isoformat))

SCHEMA = schemathesis.openapi.from_dict(shared_app().openapi_schema.to_schema())
OPERATIONS = {f"{op.method.upper()} {op.path}": op for op in (result.ok() for result in SCHEMA.get_all_operations())}

pytestmark = pytest.mark.shared_host


@pytest.fixture(scope="module")
def fuzz_world(module_api: Api) -> dict:
    """Real cases in a few states, and a user holding every township role."""
    client = module_api
    cases = [client.clue("urban", "URBAN-CF-004", "2026-03-02") for _ in range(3)]
    client.act(cases[1], "file_case", "2026-03-03", "hc-captain", officers=["hc-officer1", "hc-officer2"])
    client.act(cases[2], "decide_on_spot", "2026-03-02", "hc-officer1", **_on_spot(client))
    return {"cases": cases, "token": module_api.tokens["fuzz-all"]}


def _on_spot(client: Api) -> dict:
    from .api_recipes import RECIPES

    data = RECIPES["decide_on_spot"].action.data
    return {k: client.party_id(v.split(":", 1)[1]) if str(v).startswith("@party:") else v for k, v in data.items()}


def test_the_published_document_is_the_one_fuzzed(module_api: Api):
    assert module_api.get("/schema/openapi.json").json()["paths"].keys() == SCHEMA.raw_schema["paths"].keys()


@pytest.mark.parametrize("key", sorted(OPERATIONS))
def test_generated_requests_never_get_a_server_error(module_api: Api, fuzz_world: dict, key: str):
    @settings(max_examples=12, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
    @given(case=OPERATIONS[key].as_strategy())
    def generated(case):
        if "code" in case.path_parameters:
            case.path_parameters["code"] = HENGCUN
        if "case_id" in case.path_parameters:
            case.path_parameters["case_id"] = fuzz_world["cases"][len(repr(case.body)) % len(fuzz_world["cases"])]
        if case.headers and "If-Match" in case.headers and len(repr(case.body)) % 3:
            # the case's own version two times in three, so generated bodies reach the service, not only 409
            read = module_api.get(f"/townships/{HENGCUN}/cases/{case.path_parameters['case_id']}", "fuzz-all")
            case.headers["If-Match"] = read.headers.get("etag", case.headers["If-Match"])
        kwargs = case.as_transport_kwargs(base_url="", headers={"Authorization": f"Bearer {fuzz_world['token']}"})
        request = {k: v for k, v in kwargs.items() if k in _REQUEST_KEYS}
        request.pop("cookies", None)  # per-request cookies are deprecated in httpx, and the API reads none
        response = module_api.client.request(**request)
        assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.status_code} {response.text}"
        if response.status_code >= 400:
            assert response.headers["content-type"].startswith("application/problem+json"), response.text

    generated()


_REQUEST_KEYS = {"method", "url", "headers", "params", "json", "content", "data", "cookies", "files"}
