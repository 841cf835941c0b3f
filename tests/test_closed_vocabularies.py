"""Fields with a closed vocabulary take only its words: another is answered 400 naming the field, in Chinese."""

from __future__ import annotations

import pytest

from .api_support import Api

pytestmark = pytest.mark.shared_host


@pytest.mark.parametrize(("action", "data", "field"), [
    ("decide", {"kind": "warning_only", "amount": "100"}, "kind"),
    ("conclude_investigation", {"facts": {}, "outcome": "maybe"}, "outcome"),
    ("record_remedy", {"kind": "petition"}, "kind"),
])
def test_a_word_outside_an_actions_closed_vocabulary_is_answered_400_naming_the_field(module_api: Api, action, data,
                                                                                       field):
    case = module_api.clue("urban", "URBAN-CF-001", "2026-11-02")
    before = module_api.get(f"/townships/330122100/cases/{case}", "hc-officer1")
    response = module_api.attempt(case, action, "2026-11-03", "fuzz-all", **data)
    assert response.status_code == 400, response.text
    problem = response.json()
    assert [(e["field"], e["source"]) for e in problem["errors"]] == [(field, "body")], problem
    assert "取值无效" in problem["errors"][0]["message"] and data[field] in problem["errors"][0]["message"]
    assert module_api.get(f"/townships/330122100/cases/{case}", "hc-officer1").headers["etag"] == before.headers["etag"]


def test_the_published_document_lists_each_closed_vocabulary(module_api: Api):
    schemas = module_api.get("/schema/openapi.json").json()["components"]["schemas"]
    enums = {name: {p: spec.get("enum") for p, spec in schema.get("properties", {}).items()}
             for name, schema in schemas.items()}
    decide = next(v for k, v in enums.items() if k.endswith("Decide"))
    remedy = next(v for k, v in enums.items() if k.endswith("RecordRemedy"))
    assert set(decide["kind"]) == {"penalty", "no_penalty_minor", "no_penalty_unproven", "criminal_transfer"}
    assert set(remedy["kind"]) == {"reconsideration", "litigation"}
