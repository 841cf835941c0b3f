"""The published texts are what the publisher read and confirmed; masking stays the second line.

Issue 12, item 7: the public page showed the full name of a minor who was not the party — a name
no program can know. The publisher reads the draft (GET …/draft, ``zhifa publication draft``) and
publishing requires confirming that very draft by its digest (and may carry corrected texts);
whatever they confirm is masked and checked again.

Before: the draft could be read, but ``publish`` without any confirmation put the automatic draft
on the public page (200), the minor's name with it.
"""

from __future__ import annotations

import pytest
from zhifa.core.db.tables import Case, Publication
from zhifa.core.schemas.publication import PublishConfirm
from zhifa.core.services import publication as pub
from zhifa.core.services.cases import case_events
from zhifa.core.services.demo import load_demo
from zhifa.core.services.errors import Conflict, Invalid

from .api_recipes import FUMES, decided
from .api_support import HENGCUN, Api
from .helpers import cli, cli_json, run
from .procedure_helpers import d
from .publication_helpers import decided_case, publish_confirmed, publish_through_api
from .test_api_contract import _substitute

WITH_MINOR = "张三雇用未成年人李小明（14岁）在横村大街8号无照经营食品，责令改正后拒不改正"


@pytest.fixture
def queued(database_url) -> int:
    run(load_demo())
    case = decided_case("2025-09-29", summary=WITH_MINOR)
    [entry] = run(pub.list_publications(HENGCUN, case_id=case))
    return entry.id


def _status(publication_id: int) -> str:
    return run(Publication.select(Publication.status).where(Publication.id == publication_id).first())["status"]


def test_the_draft_confirmed_unchanged_is_what_goes_on_the_page(queued):
    draft = run(pub.draft(HENGCUN, queued, actor="hc-officer1", on=d("2025-10-10")))
    assert "李小明" in draft.record.facts  # a name the program cannot know: the publisher must see it
    assert len(draft.digest) == 64 and draft.publication_id == queued
    published = run(pub.publish(HENGCUN, queued, actor="hc-officer1", on=d("2025-10-10"),
                                confirmed=PublishConfirm(draft_digest=draft.digest))).record
    assert published == draft.record
    event = run(case_events(HENGCUN, published_case(queued)))[-1]
    assert event.kind == "publication_published" and event.payload["draft_digest"] == draft.digest
    assert event.payload["corrected"] == []


def published_case(publication_id: int) -> int:
    return run(Publication.select(Publication.case).where(Publication.id == publication_id).first())["case"]


def test_publishing_without_confirming_the_draft_is_refused_and_nothing_is_published(queued):
    for confirmed in (None, PublishConfirm(), PublishConfirm(draft_digest="  "),
                      PublishConfirm(facts="张三雇用一名未成年人无照经营食品")):  # corrected texts alone confirm nothing
        with pytest.raises(Invalid) as refused:
            run(pub.publish(HENGCUN, queued, actor="hc-officer1", on=d("2025-10-10"), confirmed=confirmed))
        assert refused.value.code == "publication.confirmation_required" and refused.value.field == "draft_digest"
        assert "核对" in refused.value.message and "草稿" in refused.value.message
    assert _status(queued) == "queued" and run(pub.public_page(HENGCUN, d("2025-10-10"))).records == []


def test_a_confirmation_of_a_draft_that_has_changed_since_is_refused(queued):
    draft = run(pub.draft(HENGCUN, queued, actor="hc-officer1", on=d("2025-10-10")))
    # another publication day is another draft (its display period), even with the same texts
    with pytest.raises(Conflict) as refused:
        run(pub.publish(HENGCUN, queued, actor="hc-officer1", on=d("2025-10-11"),
                        confirmed=PublishConfirm(draft_digest=draft.digest)))
    assert refused.value.code == "publication.draft_changed" and "2025-10-11" in refused.value.message
    # the case's text changed after the publisher read the draft: the old confirmation does not publish it
    run(Case.update({Case.summary: WITH_MINOR + "（补充：现场另有证人王小红）"}).where(Case.id == published_case(queued)))
    with pytest.raises(Conflict) as refused:
        run(pub.publish(HENGCUN, queued, actor="hc-officer1", on=d("2025-10-10"),
                        confirmed=PublishConfirm(draft_digest=draft.digest)))
    assert refused.value.code == "publication.draft_changed"
    assert _status(queued) == "queued"
    assert "王小红" in publish_confirmed(queued, "2025-10-10").record.facts  # read again, confirmed, published


def test_the_publisher_confirms_a_corrected_text_and_it_is_masked_again(queued):
    record = publish_confirmed(queued, "2025-10-10", facts="张三雇用一名未成年人在横村大街8号无照经营食品（联系电话13905711234）").record
    assert "李小明" not in record.facts and "未成年人" in record.facts
    assert record.facts.startswith("张*雇用")  # the party's name masked in the publisher's own text
    assert "13905711234" not in record.facts and "8号" not in record.facts
    page = run(pub.public_page(HENGCUN, d("2025-10-10")))
    assert "李小明" not in str(page)


def test_an_empty_confirmed_text_is_refused(queued):
    with pytest.raises(Invalid) as refused:
        publish_confirmed(queued, "2025-10-10", facts="  ")
    assert refused.value.code == "publication.facts_empty"


def test_the_command_line_shows_the_draft_and_publishes_only_with_its_confirmation(queued):
    command = ("publication", "publish", str(queued), "--township", HENGCUN, "--actor", "hc-officer1", "--on", "2025-10-10")
    shown = cli(*command, ok=False)
    assert shown.exit_code == 1 and "publication.confirmation_required" in shown.stderr
    assert "李小明" in shown.stdout and "核对码" in shown.stdout  # the draft, as it would be published
    assert _status(queued) == "queued"
    wrong = cli(*command, "--confirm", "0" * 64, ok=False)
    assert wrong.exit_code == 1 and "publication.draft_changed" in wrong.stderr and _status(queued) == "queued"
    digest = cli_json("publication", "draft", str(queued), "--township", HENGCUN, "--actor", "hc-officer1",
                      "--on", "2025-10-10")["digest"]
    published = cli_json(*command, "--confirm", digest, "--facts", "张三雇用一名未成年人无照经营食品")
    assert published["status"] == "published" and published["record"]["facts"] == "张*雇用一名未成年人无照经营食品"


def test_the_publisher_confirms_through_the_api(api: Api):
    case = api.clue("ecology", FUMES, "2026-03-02", summary=WITH_MINOR)  # through the API only: the app holds the pool
    for step in decided():
        api.act(case, step.action, step.on, step.actor, **_substitute(api, step.data))
    [entry] = api.get(f"/townships/{HENGCUN}/publications", "hc-officer1", params={"case_id": case}).json()
    path = f"/townships/{HENGCUN}/publications/{entry['id']}"

    for body in (None, {}, {"facts": "当事人雇用一名未成年人无照经营食品"}):  # before: 200, the minor's name published
        unconfirmed = api.post(f"{path}/publish", "hc-officer1", params={"on": "2026-03-20"}, json=body)
        assert unconfirmed.status_code == 400, unconfirmed.text
        problem = unconfirmed.json()
        assert problem["code"] == "publication.confirmation_required" and "草稿" in problem["detail"]
        assert problem["errors"][0]["field"] == "draft_digest"
    draft = api.get(f"{path}/draft", "hc-officer1", params={"on": "2026-03-20"})
    assert draft.status_code == 200 and "李小明" in draft.json()["record"]["facts"]
    stale = api.post(f"{path}/publish", "hc-officer1", params={"on": "2026-03-21"},
                     json={"draft_digest": draft.json()["digest"]})
    assert stale.status_code == 409 and stale.json()["code"] == "publication.draft_changed", stale.text
    assert api.get(f"/public/{HENGCUN}/publications", params={"on": "2026-03-21"}).json()["records"] == []

    response = publish_through_api(api, entry["id"], "2026-03-20", facts="当事人雇用一名未成年人无照经营食品")
    assert response.status_code == 200, response.text
    assert response.json()["record"]["facts"] == "当事人雇用一名未成年人无照经营食品"
    assert "李小明" not in api.get(f"/public/{HENGCUN}", params={"on": "2026-03-20"}).text
