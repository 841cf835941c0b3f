"""Supervisors' findings (执法监督): the procedure's own rules run again on what was stored.

Each stored case is checked at the steps the gates guard — filing (or the on-the-spot decision),
the end of investigation and the decision — with the same rule functions the gates use
(zhifa.core.rules), fed from the stored case file, the certificates and the authorisations as
they were on that step's date. A case carried through the procedure normally has no findings;
imported history or records written directly to the tables can, and a finding says whether the
step has an event in the case's log (``in_event_log``), so such records are visible as such.

Who and what on which date:

* officers (第42条) — the case's officers, less those recused, on the filing date, and on the
  date investigation was concluded (its event; without one, the decision date);
* authorisation — the power on the filing date (as ``register_clue`` and ``file_case`` check it:
  a later withdrawal does not reach back to cases already filed);
* legal review (第58条) and the amount (第34条, the discretion standard) — the decision date, with
  the township's current procedure settings; a review dated after the decision does not count.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

import msgspec
from zhifa.core import clock
from zhifa.core.db.tables import AppUser, Document, Evidence
from zhifa.core.procedure.inputs import Decide
from zhifa.core.registry import get_host
from zhifa.core.reports.timeline import CaseRecord
from zhifa.core.rules import decision, execution, gates, people
from zhifa.core.rules.context import ActionContext, CaseFacts
from zhifa.core.rules.facts import Person
from zhifa.core.rules.refusal import Refusal
from zhifa.core.schemas.reports import Finding, Quarter
from zhifa.core.services.facts import PERSON_COLUMNS, persons
from zhifa.core.services.report_data import Progress, TownshipCases, grant_on, load_township, townships_of
from zhifa.core.services.scope import owned_by

#: Stable finding codes and what a supervisor reads.
FINDINGS = {
    "officers.fewer_than_two": "执法人员少于两名持有效执法证的人员",
    "officers.invalid_certificate": "执法人员的执法证已过期、被吊销或不覆盖本领域",
    "officers.not_enforcement_staff": "辅助人员或非本乡镇人员参与执法",
    "decision.no_legal_review": "应当法制审核而未经审核（或审核未通过）即作出决定",
    "fine.outside_tier_without_reasons": "罚款超出裁量阶次而未说明理由",
    "fine.unlawful_amount": "罚款金额超出法定幅度或不符合减轻处罚的条件",
    "power.not_authorised": "行使未获授权（或已上收、已失效）的执法事项",
    "evidence.file_missing": "证据有记录而其文件已不在证据存储中",
    "document.file_missing": "执法文书有记录而其文件已不在文书存储中",
    "hearing.threshold_missing": "本地区未配置该领域的听证较大数额标准，已按告知听证处理（平台管理员须补录本地区标准）",
    "service.late": "处罚决定书超过七个工作日才送达（行政处罚法第六十一条）",
}

_OF_RULE = {
    "officer.fewer_than_two": "officers.fewer_than_two",
    "officer.no_valid_certificate": "officers.invalid_certificate",
    "officer.auxiliary": "officers.not_enforcement_staff",
    "officer.unknown": "officers.not_enforcement_staff",
    "decision.legal_review_missing": "decision.no_legal_review",
    "decision.legal_review_failed": "decision.no_legal_review",
    "penalty.outside_tier_needs_reasons": "fine.outside_tier_without_reasons",
    "penalty.fine_not_allowed": "fine.outside_tier_without_reasons",
    "power.not_authorised": "power.not_authorised",
}


def finding_code(rule: str) -> str | None:
    if rule in _OF_RULE:
        return _OF_RULE[rule]
    return "fine.unlawful_amount" if rule.startswith("penalty.") else None


async def people_of(usernames: set[str]) -> dict[str, Person]:
    """People and certificates, former staff included: history names people no longer active."""
    if not usernames:
        return {}
    return await persons(await AppUser.select(*PERSON_COLUMNS).where(
        AppUser.username.is_in(sorted(usernames))).output(load_json=True))


Check = tuple[str, dt.date, tuple[Callable[[ActionContext], list[Refusal]], ...], dict]


def _checks(record: CaseRecord, data: TownshipCases) -> list[Check]:
    """(step, date, rules, extra context) for each step of the case the rules guard."""
    file, checks = record.file, []
    if record.filed_on is not None:
        grant = grant_on(data.grants, record.field, record.power, record.filed_on) if record.power else None
        step = "decide_on_spot" if record.procedure == "simple" else "file_case"
        checks.append((step, record.filed_on, (people.two_certified_officers, gates.power_authorised), {"grant": grant}))
    if record.procedure == "general":
        concluded = record.steps.get("conclude_investigation")
        on = concluded[-1] if concluded else record.decided_on
        if on is not None:
            checks.append(("conclude_investigation", on, (people.two_certified_officers,), {}))
    if record.procedure == "general" and file.decision is not None:
        d = file.decision
        seen = file if file.legal_review is None or file.legal_review.on <= d.on else msgspec.structs.replace(
            file, legal_review=None)
        checks.append(("decide", d.on, (decision.legal_review_passed, _amount_rule), {
            "file": seen, "input": Decide(kind=d.kind, amount=d.amount, penalties=list(d.penalties), reasons=d.reasons)}))
    return checks


def _amount_rule(ctx: ActionContext) -> list[Refusal]:
    """``decision.lawful_amount``, when the case file holds the computation it checks against."""
    proposal = ctx.data.file.proposal
    if proposal is None or not proposal.recommendation:
        return []
    try:
        return decision.lawful_amount(ctx)
    except (msgspec.ValidationError, TypeError, KeyError):  # a computation stored in another shape
        return []


def _finding(record: CaseRecord, data: TownshipCases, step: str, on: dt.date, code: str, refusals: list[Refusal]):
    township = data.township
    return Finding(
        code=code, title=FINDINGS[code], township=township["code"], township_name=township["name"], case_id=record.id,
        case_number=record.number, field=record.field, power=record.power, on=on, step=step,
        rule="、".join(dict.fromkeys(r.code for r in refusals)), message="；".join(r.message for r in refusals),
        in_event_log=record.has_step(step),
    )


def case_findings(record: CaseRecord, data: TownshipCases, staff: dict[str, Person]) -> list[Finding]:
    """Every finding of one case: one per kind of problem, at the first step it shows."""
    registry = get_host().registry
    catalogue = registry.catalogues.get(record.field)
    found: dict[str, Finding] = {}
    for step, on, rules, extra in _checks(record, data):
        ctx = ActionContext(action=step, township=data.township["code"], on=on, field=record.field, power=record.power,
                            data=CaseFacts(**{"file": record.file, "people": staff, "township_id": data.township["id"],
                                              "field_name": catalogue.field.name if catalogue else record.field,
                                              "settings": data.settings, **extra}))
        grouped: dict[str, list[Refusal]] = {}
        for rule in rules:
            for refusal in rule(ctx):
                code = finding_code(refusal.code)
                if code is not None:
                    grouped.setdefault(code, []).append(refusal)
        for code, refusals in grouped.items():
            found.setdefault(code, _finding(record, data, step, on, code, refusals))
    notice = record.file.notice
    if notice is not None and notice.hearing_threshold_missing:  # offered, never denied: the data is what is missing
        gap = Refusal("hearing.threshold_missing", notice.hearing_reason)
        found.setdefault("hearing.threshold_missing", _finding(record, data, "serve_notice", notice.served_on,
                                                                "hearing.threshold_missing", [gap]))
    if record.procedure == "general" and (late := execution.late_service(record.file)) is not None:
        found.setdefault("service.late", _finding(record, data, "serve_decision", record.file.service.on, "service.late", [late]))
    return list(found.values())


async def township_findings(data: TownshipCases, *, quarter: Quarter | None = None,
                            progress: Progress | None = None) -> list[Finding]:
    names = {n for r in data.records for n in (*r.file.officers, *r.file.recused)}
    staff = await people_of(names)
    result: list[Finding] = []
    for done, record in enumerate(data.records, start=1):
        result += [f for f in case_findings(record, data, staff) if quarter is None or quarter.contains(f.on)]
        if progress is not None:
            progress(f"{data.township['name']} 执法监督检查", done, len(data.records))
    result += [f for f in await missing_evidence(data) if quarter is None or quarter.contains(f.on)]
    result += [f for f in await missing_documents(data) if quarter is None or quarter.contains(f.on)]
    return sorted(result, key=lambda f: (f.township, f.case_id, list(FINDINGS).index(f.code)))


async def missing_evidence(data: TownshipCases) -> list[Finding]:
    """Evidence whose file is gone from the store: one read of the rows and a stat per file, no hashing
    (each download checks the hash; ``evidence.tampered``). Uploading the same file again restores it."""
    from zhifa.core.services.evidence import store_dir

    township = data.township
    rows = await Evidence.select(Evidence.id, Evidence.case, Evidence.title, Evidence.storage_key,
                                 Evidence.captured_at).where(owned_by(Evidence, township["id"])).order_by(Evidence.id)
    root, records = store_dir(), {r.id: r for r in data.records}
    found = []
    for row in rows:
        record = records.get(row["case"])
        if record is None or (root / row["storage_key"]).is_file():
            continue
        found.append(Finding(
            code="evidence.file_missing", title=FINDINGS["evidence.file_missing"], township=township["code"],
            township_name=township["name"], case_id=record.id, case_number=record.number, field=record.field,
            power=record.power, on=clock.local_date(_aware(row["captured_at"])), step="register_evidence",
            rule="evidence.file_missing", message=f"证据 {row['id']}（{row['title']}）的文件已不在证据存储中，须从备份恢复",
            in_event_log=True))
    return found


async def missing_documents(data: TownshipCases) -> list[Finding]:
    """Rendered documents whose Word or PDF file is gone from the store: one read of the rows and a
    stat per file, no hashing (each download checks the hash; ``document.tampered``)."""
    from zhifa.core.documents import store

    township = data.township
    rows = await Document.select(Document.id, Document.case, Document.title, Document.number, Document.issued_on,
                                 Document.storage_key, Document.pdf_storage_key).where(
        owned_by(Document, township["id"])).order_by(Document.id)
    records = {r.id: r for r in data.records}
    found = []
    for row in rows:
        record = records.get(row["case"])
        gone = [label for label, key in (("Word", row["storage_key"]), ("PDF", row["pdf_storage_key"]))
                if key and not store.present(key)]
        if record is None or not gone:
            continue
        number = f"，{row['number']}" if row["number"] else ""
        found.append(Finding(
            code="document.file_missing", title=FINDINGS["document.file_missing"], township=township["code"],
            township_name=township["name"], case_id=record.id, case_number=record.number, field=record.field,
            power=record.power, on=row["issued_on"], step="render_document", rule="document.file_missing",
            message=f"文书 {row['id']}（{row['title']}{number}）的 {'、'.join(gone)} 文件已不在文书存储中，须从备份恢复",
            in_event_log=True))
    return found


def _aware(moment: dt.datetime | str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(moment) if isinstance(moment, str) else moment  # SQLite may hand back text
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


async def findings(*, township_code: str | None = None, county_code: str | None = None, quarter: Quarter | None = None,
                   progress: Progress | None = None) -> list[Finding]:
    """Findings of one township, or of every township of a county."""
    codes = [township_code] if township_code else await townships_of(county_code or "")
    result: list[Finding] = []
    for code in codes:
        data = await load_township(code, progress)
        result += await township_findings(data, quarter=quarter, progress=progress)
    return result
