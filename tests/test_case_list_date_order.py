"""A case list filtered by a date range comes in that date's order, newest first and then by id, and
its pages (township and county) hold every matching case exactly once — also across cases found or
filed on the same day — so that the list walks its index from the range's end (issue 16)."""

from __future__ import annotations

from .api_support import FENSHUI, HENGCUN, Api

CASES = f"/townships/{HENGCUN}/cases"


def _walk(api: Api, path: str, user: str, **params) -> list[dict]:
    seen, cursor = [], None
    while True:
        answer = api.get(path, user, params={**params, "limit": 2, **({"cursor": cursor} if cursor else {})})
        assert answer.status_code == 200, answer.text
        page = answer.json()
        seen += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return seen


def test_a_found_date_range_pages_by_date_then_id_with_every_case_once(api: Api):
    days = ["2026-10-05", "2026-10-07", "2026-10-05", "2026-10-06", "2026-10-07", "2026-10-05", "2026-10-20"]
    made = {api.clue("urban", None, day): day for day in days}
    api.clue("urban", None, "2026-10-05", user="fs-officer1", township=FENSHUI)  # another township's
    seen = _walk(api, CASES, "hc-captain", found_from="2026-10-05", found_to="2026-10-07")
    ids = [c["id"] for c in seen]
    assert sorted(ids) == sorted(i for i, d in made.items() if d <= "2026-10-07")
    keys = [(c["found_at"], c["id"]) for c in seen]
    assert keys == sorted(keys, reverse=True)  # the 7th first, then the 6th, then the three of the 5th by id

    county = _walk(api, "/county/cases", "jiandu", found_from="2026-10-05", found_to="2026-10-07")
    assert len(county) == len(ids) + 1 and set(ids) < {c["id"] for c in county}
    county_keys = [(c["found_at"], c["id"]) for c in county]
    assert county_keys == sorted(county_keys, reverse=True)


def test_a_filing_date_range_pages_by_filing_date_and_refuses_a_cursor_of_the_plain_list(api: Api):
    filed = []
    for found, on in [("2026-09-01", "2026-09-02"), ("2026-09-01", "2026-09-03"), ("2026-09-02", "2026-09-02")]:
        case = api.clue("urban", "URBAN-CF-004", found)
        api.act(case, "file_case", on, "hc-captain", officers=["hc-officer1", "hc-officer2"])
        filed.append((on, case))
    seen = _walk(api, CASES, "hc-captain", filed_from="2026-09-02", filed_to="2026-09-03")
    assert [(c["filed_on"], c["id"]) for c in seen] == sorted(filed, reverse=True)

    plain = api.get(CASES, "hc-captain", params={"limit": 1}).json()["next_cursor"]
    mixed = api.get(CASES, "hc-captain", params={"filed_from": "2026-09-02", "cursor": plain})
    assert mixed.status_code == 400 and mixed.json()["code"] == "cursor.invalid"
