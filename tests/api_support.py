"""A live API over a real database with the demo county, and signed-in demo users."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient
from zhifa.api.app import create_app
from zhifa.core.schemas.people import CertificateCreate, UserCreate
from zhifa.core.services import auth, people
from zhifa.core.services.demo import load_demo

from .helpers import run

HENGCUN, FENSHUI = "330122100", "330122101"
#: Demo users (password zhifa-demo) plus a platform admin of another county.
USERS = ["admin", "jiandu", "other-admin", "amr-liaison", "zrgh-liaison", *[f"{p}-{r}" for p in ("hc", "fs") for r in
                                            ("admin", "officer1", "officer2", "aux", "captain", "legal", "head")]]
#: Roles of each user above, to pick a user lacking a route's roles.
ROLES = {
    "admin": {"platform_admin"}, "jiandu": {"supervisor"}, "other-admin": {"platform_admin", "supervisor"},
    "amr-liaison": {"county_department"}, "zrgh-liaison": {"county_department"},
    **{f"{p}-admin": {"township_admin"} for p in ("hc", "fs")},
    **{f"{p}-officer{n}": {"officer"} for p in ("hc", "fs") for n in (1, 2)},
    **{f"{p}-aux": {"auxiliary"} for p in ("hc", "fs")},
    **{f"{p}-captain": {"officer", "approver"} for p in ("hc", "fs")},
    **{f"{p}-legal": {"legal_reviewer"} for p in ("hc", "fs")},
    **{f"{p}-head": {"township_head"} for p in ("hc", "fs")},
}
CST = dt.timezone(dt.timedelta(hours=8))


class Api:
    """The test client with a token per demo user: ``api.post(path, user=..., json=...)``."""

    def __init__(self, client: TestClient, tokens: dict[str, str]):
        self.client = client
        self.tokens = tokens

    def headers(self, user: str | None, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.tokens[user]}"} if user else {}
        return {**headers, **(extra or {})}

    def request(self, method: str, path: str, user: str | None = None, headers: dict | None = None, **kwargs: Any):
        return self.client.request(method, path, headers=self.headers(user, headers), **kwargs)

    def get(self, path: str, user: str | None = None, **kwargs: Any):
        return self.request("GET", path, user, **kwargs)

    def post(self, path: str, user: str | None = None, **kwargs: Any):
        return self.request("POST", path, user, **kwargs)

    # -- the procedure through the API ---------------------------------------------------------

    def clue(self, field: str, power: str | None, found: str, user: str = "hc-officer1", township: str = HENGCUN,
             **extra: Any) -> int:
        found_at = dt.datetime.combine(dt.date.fromisoformat(found), dt.time(9, 30), tzinfo=CST).isoformat()
        body = {"field": field, "power": power, "source": "patrol", "summary": "巡查发现违法行为", "found_at": found_at,
                **extra}
        response = self.post(f"/townships/{township}/cases", user, json=body)
        assert response.status_code == 201, response.text
        return response.json()["id"]

    def act(self, case_id: int, action: str, on: str | None, user: str, township: str = HENGCUN, **data: Any) -> dict:
        """One procedure action that must succeed; its answer's JSON (the case)."""
        response = self.attempt(case_id, action, on, user, township, **data)
        assert response.status_code == 200, f"{action}: {response.text}"
        return response.json()

    def attempt(self, case_id: int, action: str, on: str | None, user: str, township: str = HENGCUN, **data: Any):
        """One procedure action as a client sends it: read the case's version, send it as ``If-Match``.

        ``on=None`` sends no date (the action is dated today). Returns the response, whatever it is.
        """
        return self.post(f"/townships/{township}/cases/{case_id}/actions/{action}", user, json=data,
                         params={} if on is None else {"on": str(on)},
                         headers={"If-Match": self.version(case_id, user, township)})

    def version(self, case_id: int, user: str, township: str = HENGCUN) -> str:
        """The case's ``ETag`` (its version, quoted), as an action's ``If-Match`` sends it."""
        response = self.get(f"/townships/{township}/cases/{case_id}", user)
        assert response.status_code == 200, response.text
        return response.headers["etag"]

    def party_id(self, name: str, township: str = HENGCUN) -> int:
        parties = self.get(f"/townships/{township}/parties", "hc-officer1" if township == HENGCUN else "fs-officer1")
        return next(p["id"] for p in parties.json() if p["name"] == name)


_app: Litestar | None = None


def shared_app() -> Litestar:
    """One app for the test session: it opens whatever database ``ZHIFA_DATABASE_URL`` names at each start."""
    global _app
    if _app is None:
        _app = create_app()
    return _app


def start_api(tokens_for: list[str] = USERS) -> tuple[TestClient, dict[str, str]]:
    """Demo county + tokens issued directly (signing in is tested on its own), then the live app."""
    return TestClient(shared_app()), demo_tokens(tokens_for)


def demo_tokens(tokens_for: list[str] = USERS) -> dict[str, str]:
    run(load_demo())
    run(people.create_user(UserCreate(username="other-admin", display_name="西湖区平台管理员",
                                      roles=["platform_admin", "supervisor"], county_code="330106")))
    tokens = {user: run(auth.issue_token(user)).token for user in tokens_for}
    tokens["hc-officer1#spare"] = run(auth.issue_token("hc-officer1")).token  # for signing out
    # one user holding every township role, for generated requests that should get past the role check
    run(people.create_user(UserCreate(username="hc-all", display_name="全能测试员", township=HENGCUN,
                                      roles=["officer", "approver", "legal_reviewer", "township_head"],
                                      legal_qualification=True)))
    run(people.add_certificate("hc-all", CertificateCreate(
        number="33010026999", fields=["urban", "market", "ecology"], issuer="浙江省人民政府",
        valid_from=dt.date(2024, 1, 1), valid_to=dt.date(2030, 12, 31))))
    tokens["fuzz-all"] = run(auth.issue_token("hc-all")).token
    return tokens


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def module_api(request, sqlite_template, tmp_path_factory):
    """One demo database and live app for a whole module whose tests never undo each other's work."""
    from .conftest import empty_database

    patch = pytest.MonkeyPatch()
    try:
        empty_database(request, tmp_path_factory.mktemp("api"), patch, sqlite_template)
        client, tokens = start_api()
        with client:
            yield Api(client, tokens)
    finally:
        patch.undo()


@pytest.fixture
def api(database_url):
    client, tokens = start_api()
    with client:
        yield Api(client, tokens)
