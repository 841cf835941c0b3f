"""The published texts are what the publisher read and confirmed; masking stays the second line.

Issue 12, item 7: the public page showed the full name of a minor who was not the party — a name
no program can know. The publisher now reads the draft (GET …/draft) and may confirm corrected
texts; whatever they confirm is masked and checked again.
"""

from __future__ import annotations

import pytest
from zhifa.core.schemas.publication import PublishConfirm
from zhifa.core.services import publication as pub
from zhifa.core.services.demo import load_demo
from zhifa.core.services.errors import Invalid

from .api_support import HENGCUN, Api
from .helpers import run
from .procedure_helpers import d
from .publication_helpers import decided_case

WITH_MINOR = "张三雇用未成年人李小明（14岁）在横村大街8号无照经营食品，责令改正后拒不改正"


@pytest.fixture
def queued(database_url) -> int:
    run(load_demo())
    case = decided_case("2025-09-29", summary=WITH_MINOR)
    [entry] = run(pub.list_publications(HENGCUN, case_id=case))
    return entry.id


def test_the_draft_is_what_publishing_without_changes_puts_on_the_page(queued):
    draft = run(pub.draft(HENGCUN, queued, actor="hc-officer1", on=d("2025-10-10")))
    assert "李小明" in draft.facts  # a name the program cannot know: the publisher must see it
    published = run(pub.publish(HENGCUN, queued, actor="hc-officer1", on=d("2025-10-10"))).record
    assert published.facts == draft.facts and published.party == draft.party


def test_the_publisher_confirms_a_corrected_text_and_it_is_masked_again(queued):
    confirmed = PublishConfirm(facts="张三雇用一名未成年人在横村大街8号无照经营食品（联系电话13905711234）")
    record = run(pub.publish(HENGCUN, queued, actor="hc-officer1", on=d("2025-10-10"), confirmed=confirmed)).record
    assert "李小明" not in record.facts and "未成年人" in record.facts
    assert record.facts.startswith("张*雇用")  # the party's name masked in the publisher's own text
    assert "13905711234" not in record.facts and "8号" not in record.facts
    page = run(pub.public_page(HENGCUN, d("2025-10-10")))
    assert "李小明" not in str(page)


def test_an_empty_confirmed_text_is_refused(queued):
    with pytest.raises(Invalid) as refused:
        run(pub.publish(HENGCUN, queued, actor="hc-officer1", on=d("2025-10-10"), confirmed=PublishConfirm(facts="  ")))
    assert refused.value.code == "publication.facts_empty"


def test_the_publisher_confirms_through_the_api(api: Api):
    from .api_recipes import FUMES, decided
    from .test_api_contract import _substitute

    case = api.clue("ecology", FUMES, "2026-03-02", summary=WITH_MINOR)  # through the API only: the app holds the pool
    for step in decided():
        api.act(case, step.action, step.on, step.actor, **_substitute(api, step.data))
    [entry] = api.get(f"/townships/{HENGCUN}/publications", "hc-officer1", params={"case_id": case}).json()
    path = f"/townships/{HENGCUN}/publications/{entry['id']}"
    draft = api.get(f"{path}/draft", "hc-officer1", params={"on": "2026-03-20"})
    assert draft.status_code == 200 and "李小明" in draft.json()["facts"]
    response = api.post(f"{path}/publish", "hc-officer1", params={"on": "2026-03-20"},
                        json={"facts": "当事人雇用一名未成年人无照经营食品"})
    assert response.status_code == 200, response.text
    assert response.json()["record"]["facts"] == "当事人雇用一名未成年人无照经营食品"
