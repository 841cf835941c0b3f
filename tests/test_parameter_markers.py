"""Every route declares where its parameters come from; zhifa's own deprecation warnings fail the run.

Litestar 2.2x warns about path and query parameters inferred from a bare annotation and about a
``data`` body without a marker (Litestar 3 drops both). The routes name them explicitly
(``api/params.py``), so building the app warns about nothing, and pytest's configuration turns a
deprecation warning raised from a zhifa module, or Litestar's warning about a handler, into an error.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
import zhifa
from zhifa.api.app import create_app

ROOT = Path(zhifa.__file__).parent


def _from_zhifa(item: warnings.WarningMessage) -> bool:
    """A warning raised in zhifa's code, or one of Litestar's about a zhifa route handler."""
    in_zhifa = Path(item.filename).resolve().is_relative_to(ROOT) and ".venv" not in Path(item.filename).parts
    return in_zhifa or "handler=" in str(item.message)


def test_building_the_app_emits_no_deprecation_warning_about_zhifa_routes():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        app = create_app()
    assert app.routes, "the app has routes"
    ours = [f"{w.category.__name__}: {w.message}" for w in caught if _from_zhifa(w)]
    assert ours == []
    deprecations = [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)]
    assert deprecations == []


def test_every_route_parameter_and_body_is_declared_in_the_openapi_document():
    """The explicit markers keep the contract: path, query and body where they were, each described."""
    document = create_app().openapi_schema.to_schema()
    case = document["paths"]["/townships/{code}/cases/{case_id}"]["get"]
    where = {p["name"]: p["in"] for p in case["parameters"]}
    assert where == {"code": "path", "case_id": "path", "on": "query"}
    assert all(p.get("description") for p in case["parameters"])
    clue = document["paths"]["/townships/{code}/cases"]["post"]
    assert "requestBody" in clue and clue["requestBody"]["required"] is True
    action = document["paths"]["/townships/{code}/cases/{case_id}/actions/decide"]["post"]
    assert {p["name"]: p["in"] for p in action["parameters"]} == {
        "code": "path", "case_id": "path", "If-Match": "header", "on": "query"}
    assert "requestBody" in action


def test_a_deprecation_warning_raised_in_a_zhifa_module_fails_the_test_run():
    """pytest's filterwarnings: ``error::DeprecationWarning:zhifa`` (the warning's module is zhifa's)."""
    namespace: dict = {"__name__": "zhifa.core.example", "warnings": warnings}
    exec("def old():\n    warnings.warn('老接口', DeprecationWarning, stacklevel=1)\n", namespace)
    with pytest.raises(DeprecationWarning, match="老接口"):
        namespace["old"]()
    # elsewhere the same warning is only a warning
    elsewhere: dict = {"__name__": "someone_else", "warnings": warnings}
    exec("def old():\n    warnings.warn('老接口', DeprecationWarning, stacklevel=1)\n", elsewhere)
    with pytest.warns(DeprecationWarning):
        elsewhere["old"]()


def test_litestar_warning_about_an_inferred_handler_parameter_fails_the_test_run():
    """A new route written in the old style is an error in the test run, not a silenced warning."""
    from litestar import Litestar, get

    @get("/roads/{code:str}")
    async def roads(code: str, on: str | None = None) -> list[str]:
        return []

    with pytest.raises(DeprecationWarning, match="declared using deprecated inferred style"):
        Litestar(route_handlers=[roads])
