"""公示: queue decisions for publication, publish masked records, withdraw, take down, report.

* ``on_case_action`` is called by ``procedure.perform`` inside the action's write transaction: a
  ``decide`` queues the decision (zhifa.core.publication.due says which decisions and when) and a
  ``revoke`` makes a published record due for withdrawal within 3 working days (a queued one is
  cancelled: there is nothing public to withdraw). The queue entry commits with the event or not
  at all.
* Publishing is an officer's explicit act (``publish``) on a draft they read and confirmed: ``draft``
  builds the masked record from the case as it stands for a publication day, with its digest
  (zhifa.core.publication.confirm); ``publish`` requires that digest (``publication.confirmation_required``),
  builds the draft again and publishes only if it is the one confirmed (``publication.draft_changed``),
  with the publisher's corrected texts masked again; the leak check (zhifa.core.publication.mask.leaks)
  is the second line. The day is compared with the due date, and a late publication is still
  published and shown as late.
* The public page (``public_page``) shows records whose display period has not ended and the
  withdrawal notices that replace withdrawn ones; a record past its period is not shown even
  before someone takes it down (``take_down`` records that it was).
* Supervisors list overdue publications and withdrawals county-wide (``overdue_publications``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
from zhifa.core import clock
from zhifa.core.calendar import working_days_after
from zhifa.core.db.tables import AppUser, Case, Department, Document, Publication, Township
from zhifa.core.db.transaction import write_transaction
from zhifa.core.documents.settings import document_settings
from zhifa.core.domain.authorisation import Basis
from zhifa.core.domain.roles import ROLE_NAMES, Role
from zhifa.core.procedure import casefile
from zhifa.core.publication import confirm as confirmation
from zhifa.core.publication import due as due_rules
from zhifa.core.publication import mask
from zhifa.core.registry import get_host
from zhifa.core.schemas.publication import (
    OverduePublication,
    PublicationDraft,
    PublicationRead,
    PublicPage,
    PublicRecord,
    PublishConfirm,
    WithdrawalNotice,
)
from zhifa.core.services import authorisations, events
from zhifa.core.services.errors import Conflict, Forbidden, Invalid
from zhifa.core.services.scope import TownshipScope, in_county, not_found, of_township, owned_by
from zhifa.core.services.township_settings import procedure_settings
from zhifa.core.services.townships import get_township_row
from zhifa.core.vocabulary import PENALTY_NAMES

PUBLISHERS = (Role.officer, Role.approver, Role.township_head, Role.township_admin)
WITHDRAWERS = (Role.approver, Role.township_head, Role.township_admin)
VISIBLE = ("published", "withdrawal_due")  # on the public page (a revoked record stays until withdrawn)



# --------------------------------------------------------------------------------------------
# Queueing, from inside procedure.perform
# --------------------------------------------------------------------------------------------


async def on_case_action(township: dict, case_id: int, action: str, file: casefile.CaseFile, on: dt.date) -> None:
    """Queue or withdraw publications for a committed procedure action. Call inside its transaction."""
    if action == "decide" and file.decision is not None:
        await _queue(township, case_id, file.decision, on)
    elif action == "revoke":
        await _revoked(township["id"], case_id, on, file.outcome_note or "决定已被撤销")


async def _queue(township: dict, case_id: int, decision: casefile.Decision, on: dt.date) -> None:
    settings = procedure_settings(township["settings"])
    kind = due_rules.publication_kind(decision.kind, settings.publication.publish_no_penalty)
    if kind is None:
        return
    due = due_rules.publication_due(kind, decision.on, settings.periods)
    await Publication(
        township=township["id"], case=case_id, kind=kind, decision_kind=decision.kind, decided_on=decision.on,
        due_days=due_rules.due_days(kind, settings.periods), due_on=due.on, status="queued",
    ).save()


async def _revoked(township_id: int, case_id: int, on: dt.date, reason: str) -> None:
    rows = await Publication.select(Publication.id, Publication.status).where(
        owned_by(Publication, township_id) & (Publication.case == case_id)
        & Publication.status.is_in(["queued", "published"]))
    for row in rows:
        await Publication.update(_withdrawal_columns(row["status"], on, reason)).where(Publication.id == row["id"])


def _withdrawal_columns(status: str, on: dt.date, reason: str) -> dict:
    if status == "queued":
        return {Publication.status: "cancelled", Publication.cancelled_on: on, Publication.withdraw_reason: reason}
    return {Publication.status: "withdrawal_due", Publication.withdraw_requested_on: on,
            Publication.withdraw_due_on: due_rules.withdrawal_due(on).on, Publication.withdraw_reason: reason}


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------


def _due(row: dict) -> due_rules.Due:
    """Computed from the decision day each time, so a provisional date follows the calendar's data."""
    return due_rules.publication_due(row["kind"], row["decided_on"], {due_rules.PERIOD_OF_KIND[row["kind"]]: row["due_days"]})


def _withdrawal_due(row: dict) -> due_rules.Due:
    if row["withdraw_requested_on"] is None:
        return due_rules.Due(on=row["withdraw_due_on"])
    return due_rules.withdrawal_due(row["withdraw_requested_on"])


def _read(row: dict, township_code: str) -> PublicationRead:
    due, withdraw_due = _due(row), _withdrawal_due(row).on
    record = msgspec.convert(row["record"], PublicRecord, strict=False) if row["record"] else None
    return PublicationRead(
        id=row["id"], township=township_code, case_id=row["case"], case_number=row.get("case_number"),
        kind=row["kind"], decision_kind=row["decision_kind"], decided_on=row["decided_on"], due_days=row["due_days"],
        due_on=due.on, due_note=due.note, status=row["status"], published_on=row["published_on"],
        published_late=(row["published_on"] > due.on) if row["published_on"] and due.on else None,
        display_until=row["display_until"], withdraw_reason=row["withdraw_reason"],
        withdraw_requested_on=row["withdraw_requested_on"], withdraw_due_on=withdraw_due,
        withdrawn_on=row["withdrawn_on"],
        withdrawn_late=(row["withdrawn_on"] > withdraw_due) if row["withdrawn_on"] and withdraw_due else None,
        cancelled_on=row["cancelled_on"], taken_down_on=row["taken_down_on"], record=record,
    )


def _select():
    return Publication.select(*Publication.all_columns(), Publication.case.number.as_alias("case_number"))


async def _row(township_id: int, publication_id: int) -> dict:
    row = await _select().where(owned_by(Publication, township_id) & (Publication.id == publication_id)).output(
        load_json=True).first()
    if row is None:
        raise not_found("publication", "publication_id", publication_id)
    return row


async def get_publication(township_code: str, publication_id: int) -> PublicationRead:
    township = await get_township_row(township_code)
    return _read(await _row(township["id"], publication_id), township_code)


async def list_publications(township_code: str, status: str | None = None, case_id: int | None = None) -> list[PublicationRead]:
    township = await get_township_row(township_code)
    query = _select().where(owned_by(Publication, township["id"]))
    if status:
        query = query.where(Publication.status == status)
    if case_id is not None:  # a case of this township, or the filter names no case here
        await TownshipScope(township).resolve("case", case_id, Case.id, field="case_id")
        query = query.where(Publication.case == case_id)
    return [_read(r, township_code) for r in await query.order_by(Publication.id).output(load_json=True)]


# --------------------------------------------------------------------------------------------
# Officers' acts
# --------------------------------------------------------------------------------------------


async def _actor(township_id: int, username: str, allowed: tuple[Role, ...]) -> int:
    row = await AppUser.select(AppUser.id, AppUser.township, AppUser.roles, AppUser.active).where(
        AppUser.username == username).output(load_json=True).first()
    if row is None or not row["active"] or row["township"] != township_id:
        raise not_found("user", "actor", username)
    if not set(row["roles"]) & {r.value for r in allowed}:
        needed = "或".join(ROLE_NAMES[r] for r in allowed)
        raise Forbidden("role.required", f"此操作须由{needed}进行")
    return row["id"]


async def _record(township: dict, row: dict, published_on: dt.date, display_until: dt.date,
                  confirmed: PublishConfirm | None = None) -> PublicRecord:
    scope = TownshipScope(township)  # the record shows only what the township itself holds
    case = await scope.resolve("case", row["case"], field="case_id")
    file = casefile.load(case["facts"])
    decision = file.decision
    party = (await scope.find("party", [case["party"]])).get(case["party"])
    names, addresses = [], [case["place"]]
    if party is not None:
        shown = mask.public_party(party["kind"], party["name"], party["identifier"], party["legal_representative"])
        names = mask.personal_names(party["kind"], party["name"], party["identifier"], party["legal_representative"])
        addresses.append(party["address"])
    else:
        shown = mask.public_party("organisation", "（未登记当事人）", "", None)

    def scrub(text: str) -> str:
        return mask.scrub_text(text, names=names, addresses=addresses)

    registry = get_host().registry
    power = registry.powers.get(case["power"]) if case["power"] else None
    catalogue = registry.catalogues.get(case["field"])
    basis = "；".join(f"{label}{p.law}{p.article}" for label, p in (("违反", power and power.violated),
                                                                    ("依据", power and power.penalised)) if p)
    # 赋权: the township people's government decides, named as the decision document names it
    authority = document_settings(township["settings"]).subject_name or f"{township['name']}人民政府"
    if case["power"]:
        grant = await authorisations.grant_for(township, case["field"], case["power"], decision.on)
        if grant is not None and grant.basis is Basis.entrusted and grant.department:
            department = await Department.select(Department.name).where(Department.id == grant.department).first()
            authority = department["name"] if department else authority
    numbered = await Document.select(Document.number).where(
        owned_by(Document, township["id"]) & (Document.case == case["id"]) & (Document.stage == "decision")
        & Document.number.is_not_null()).order_by(Document.id, ascending=False).first()
    penalties = [PENALTY_NAMES.get(p, scrub(p)) for p in decision.penalties]
    if decision.amount and "罚款" not in penalties:
        penalties.append("罚款")
    return PublicRecord(
        publication_id=row["id"], township=township["name"], authority=authority, case_number=case["number"],
        decision_kind=decision.kind, title=due_rules.DECISION_NAMES.get(decision.kind, "执法决定"),
        decided_on=decision.on, party=shown, field=catalogue.field.name if catalogue else case["field"],
        power=case["power"], power_name=power.name if power else "", legal_basis=basis,
        facts=scrub(_text(confirmed, "facts", case["summary"])), place=mask.coarse_address(case["place"]),
        penalties=penalties, amount=decision.amount, reasons=scrub(_text(confirmed, "reasons", decision.reasons)),
        published_on=published_on, display_until=display_until,
        decision_number=numbered["number"] if numbered else None,
    )


def _text(confirmed: PublishConfirm | None, name: str, drafted: str) -> str:
    """The publisher's confirmed text if given (masked again by the caller), else the case's own."""
    text = getattr(confirmed, name) if confirmed is not None else None
    if text is None:
        return drafted
    if not text.strip():
        raise Invalid(f"publication.{name}_empty", f"确认公示的「{name}」不能为空")
    return text


def _check_clean(record: PublicRecord) -> None:
    """Nothing ID- or phone-like may leave unmasked (a business's credit code is public and skipped)."""
    data = msgspec.to_builtins(record)
    if record.party.kind != "citizen":
        data["party"]["identifier"] = ""
    found = mask.leaks(msgspec.json.encode(data).decode())
    if found:
        kinds = "、".join(sorted({k for k, _ in found}))
        raise Invalid("publication.personal_data", f"公示内容仍含未去标识化的个人信息（{kinds}），请修改案由或决定理由后再公示")


def _months(kind: str, township: dict) -> int:
    settings = procedure_settings(township["settings"]).publication
    return settings.display_months_penalty if kind == due_rules.PENALTY else settings.display_months_other


async def draft(township_code: str, publication_id: int, *, actor: str, on: dt.date | None = None) -> PublicationDraft:
    """The record as it would be published on ``on``, and its digest, for the publisher to read and confirm."""
    township = await get_township_row(township_code)
    on = on or clock.today()
    await _actor(township["id"], actor, PUBLISHERS)
    row = await _row(township["id"], publication_id)
    record = await _record(township, row, on, due_rules.display_until(on, _months(row["kind"], township)))
    return PublicationDraft(publication_id=publication_id, digest=confirmation.digest(record), record=record)


async def publish(township_code: str, publication_id: int, *, actor: str, on: dt.date | None = None,
                  confirmed: PublishConfirm | None = None) -> PublicationRead:
    """公示: publish the draft the publisher read — ``confirmed.draft_digest`` names it — with the texts
    they corrected, masked and leak-checked again, on the public page from ``on``."""
    township = await get_township_row(township_code)
    on = on or clock.today()
    actor_id = await _actor(township["id"], actor, PUBLISHERS)
    row = await _row(township["id"], publication_id)
    if row["status"] != "queued":
        raise Conflict("publication.not_queued", f"该公示当前状态为 {row['status']}，只能公示待公示的决定")
    if on < row["decided_on"]:
        raise Invalid("publication.before_decision", f"公示日 {on} 早于决定日 {row['decided_on']}")
    if confirmed is None or not (confirmed.draft_digest or "").strip():
        raise Invalid("publication.confirmation_required",
                      f"公示前须由公示人核对公示内容：请先查看 {on} 的公示草稿（GET …/publications/{publication_id}/draft"
                      " 或 zhifa publication draft），确认无误后携带草稿的核对码（draft_digest）公示；本次未公示",
                      field="draft_digest")
    until = due_rules.display_until(on, _months(row["kind"], township))
    drafted = await _record(township, row, on, until)
    if not confirmation.confirms(drafted, confirmed.draft_digest):
        raise Conflict("publication.draft_changed",
                       f"所确认的不是当前的公示草稿：读取草稿后案件信息已变化，或所读的不是公示日 {on} 的草稿；"
                       "本次未公示，请重新查看草稿核对后再确认")
    corrected = [name for name in ("facts", "reasons") if getattr(confirmed, name) is not None]
    record = await _record(township, row, on, until, confirmed) if corrected else drafted
    _check_clean(record)
    due = _due(row)
    async with write_transaction(township["id"]):
        saved = await Publication.update({
            Publication.status: "published", Publication.published_on: on, Publication.display_until: until,
            Publication.record: msgspec.to_builtins(record), Publication.due_on: due.on,
        }).where((Publication.id == publication_id) & (Publication.status == "queued")).returning(Publication.id)
        if not saved:
            raise Conflict("publication.not_queued", "该公示已被他人处理，请刷新后重试")
        await events.append_event(
            township_id=township["id"], township_code=township_code, kind="publication_published", case_id=row["case"],
            actor_id=actor_id, payload={"title": "公示", "publication_id": publication_id, "on": on, "due_on": due.on,
                                        "late": bool(due.on and on > due.on), "display_until": until,
                                        "draft_digest": confirmation.digest(drafted), "corrected": corrected},
        )
    return await get_publication(township_code, publication_id)


async def request_withdrawal(township_code: str, publication_id: int, *, actor: str, reason: str,
                             on: dt.date | None = None) -> PublicationRead:
    """The decision was changed, confirmed unlawful or void (第48条第2款): withdraw within 3 working days."""
    township = await get_township_row(township_code)
    on = on or clock.today()
    actor_id = await _actor(township["id"], actor, WITHDRAWERS)
    if not reason.strip():
        raise Invalid("publication.reason_required", "须说明撤回的理由（行政处罚法第48条第2款）")
    row = await _row(township["id"], publication_id)
    if row["status"] not in ("queued", "published"):
        raise Conflict("publication.not_withdrawable", f"该公示当前状态为 {row['status']}，无需撤回")
    async with write_transaction(township["id"]):
        await Publication.update(_withdrawal_columns(row["status"], on, reason.strip())).where(Publication.id == publication_id)
        await events.append_event(
            township_id=township["id"], township_code=township_code, kind="publication_withdrawal_requested",
            case_id=row["case"], actor_id=actor_id,
            payload={"title": "公示撤回登记", "publication_id": publication_id, "on": on, "reason": reason.strip()},
        )
    return await get_publication(township_code, publication_id)


async def withdraw(township_code: str, publication_id: int, *, actor: str, reason: str | None = None,
                   on: dt.date | None = None) -> PublicationRead:
    """撤回: take the record off the public page and publish the reason instead."""
    township = await get_township_row(township_code)
    on = on or clock.today()
    actor_id = await _actor(township["id"], actor, WITHDRAWERS)
    row = await _row(township["id"], publication_id)
    if row["status"] not in ("published", "withdrawal_due"):
        raise Conflict("publication.not_published", f"该公示当前状态为 {row['status']}，只能撤回已公示的决定")
    reason = (reason or "").strip() or row["withdraw_reason"]
    if not reason:
        raise Invalid("publication.reason_required", "须说明撤回的理由（行政处罚法第48条第2款）")
    async with write_transaction(township["id"]):
        await Publication.update({Publication.status: "withdrawn", Publication.withdrawn_on: on,
                                  Publication.withdraw_reason: reason}).where(Publication.id == publication_id)
        due = _withdrawal_due(row).on
        await events.append_event(
            township_id=township["id"], township_code=township_code, kind="publication_withdrawn", case_id=row["case"],
            actor_id=actor_id, payload={"title": "撤回公示", "publication_id": publication_id, "on": on, "reason": reason,
                                        "due_on": due, "late": bool(due and on > due)},
        )
    return await get_publication(township_code, publication_id)


async def take_down(township_code: str, publication_id: int, *, actor: str, on: dt.date | None = None,
                    reason: str = "") -> PublicationRead:
    """撤下: after the display period; earlier only with a reason (e.g. 信用修复)."""
    township = await get_township_row(township_code)
    on = on or clock.today()
    actor_id = await _actor(township["id"], actor, PUBLISHERS)
    row = await _row(township["id"], publication_id)
    if row["status"] != "published":
        raise Conflict("publication.not_published", f"该公示当前状态为 {row['status']}，不能撤下")
    if on <= row["display_until"] and not reason.strip():
        raise Invalid("publication.display_not_ended",
                      f"公示期至 {row['display_until']} 届满，提前撤下须说明理由（如信用修复）")
    async with write_transaction(township["id"]):
        await Publication.update({Publication.status: "taken_down", Publication.taken_down_on: on}).where(
            Publication.id == publication_id)
        await events.append_event(
            township_id=township["id"], township_code=township_code, kind="publication_taken_down", case_id=row["case"],
            actor_id=actor_id, payload={"title": "撤下公示", "publication_id": publication_id, "on": on,
                                        "display_until": row["display_until"], "reason": reason.strip()},
        )
    return await get_publication(township_code, publication_id)


# --------------------------------------------------------------------------------------------
# The public page and the supervisors' list
# --------------------------------------------------------------------------------------------


async def public_page(township_code: str, on: dt.date | None = None) -> PublicPage:
    """What the public sees on ``on``: masked records in their display period, and withdrawal notices."""
    township = await get_township_row(township_code)
    on = on or clock.today()
    rows = await _select().where(
        owned_by(Publication, township["id"]) & Publication.status.is_in([*VISIBLE, "withdrawn"])
        & (Publication.published_on <= on) & (Publication.display_until >= on)
    ).order_by(Publication.published_on, ascending=False).output(load_json=True)
    records, withdrawals = [], []
    for row in rows:
        record = msgspec.convert(row["record"], PublicRecord, strict=False)
        if row["status"] == "withdrawn" and row["withdrawn_on"] <= on:
            withdrawals.append(WithdrawalNotice(
                publication_id=row["id"], case_number=record.case_number, title=record.title,
                decided_on=record.decided_on, withdrawn_on=row["withdrawn_on"], reason=row["withdraw_reason"]))
        else:
            records.append(record)
    return PublicPage(township_code=township_code, township_name=township["name"], on=on, records=records,
                      withdrawals=withdrawals)


async def overdue_publications(on: dt.date | None = None, *, township_code: str | None = None,
                               county_code: str | None = None) -> list[OverduePublication]:
    """Publications not made and withdrawals not done by their due date (provisional ones noted 暂定),
    for one township or a whole county."""
    on = on or clock.today()
    query = Publication.select(
        *Publication.all_columns(), Publication.case.number.as_alias("case_number"),
        Publication.township.code.as_alias("township_code"), Publication.township.name.as_alias("township_name"),
    ).where(Publication.status.is_in(["queued", "withdrawal_due"]))
    if township_code:
        query = query.where(of_township(Publication, township_code))
    if county_code:
        query = query.where(in_county(Publication, county_code))
    result = []
    for row in await query.order_by(Publication.id).output(load_json=True):
        common: dict[str, Any] = dict(id=row["id"], township=row["township_code"], township_name=row["township_name"],
                                      case_id=row["case"], case_number=row["case_number"])
        queued = row["status"] == "queued"
        due = _due(row) if queued else _withdrawal_due(row)
        if on > due.on:
            result.append(OverduePublication(**common, problem="publication_overdue" if queued else "withdrawal_overdue",
                                             due_on=due.on, working_days_overdue=working_days_after(due.on, on),
                                             note=due.note))
    return result


async def townships_with_pages(county_code: str | None = None) -> list[dict]:
    """Townships served by this installation, for the index of public pages."""
    query = Township.select(Township.code, Township.name).order_by(Township.code)
    if county_code:
        query = query.where(Township.county_code == county_code)
    return await query
