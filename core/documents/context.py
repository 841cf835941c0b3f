"""The values a document template reads, built from the case's facts. Pure: the service gathers.

The keys field plugins' templates already use are kept (``subject``, ``document``, ``case``,
``party``, ``power``, ``decision``, ``remedies``, ``deadline``, ``officers``, ``standard`` …);
docs/documents.md lists every key. Dates are printed as ``2026年3月23日``; amounts come in
figures (``20,000.00``) and in capitals (``贰万元整``) side by side.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from zhifa.core.calendar import Due, due, period
from zhifa.core.calendar.periods import Unit
from zhifa.core.catalogue.model import DiscretionStandard, Power, Provision
from zhifa.core.documents.declarations import Template
from zhifa.core.documents.formatting import cn_count, cn_date, cn_datetime
from zhifa.core.documents.money import rmb_upper, yuan
from zhifa.core.documents.settings import DocumentSettings
from zhifa.core.domain.authorisation import BASIS_NAMES, Basis, Grant
from zhifa.core.procedure.casefile import CaseFile
from zhifa.core.procedure.states import STATUS_NAMES
from zhifa.core.rules import execution as execution_rules
from zhifa.core.vocabulary import DECISION_KINDS, SERVICE_METHODS
from zhifa.core.vocabulary import PENALTY_NAMES_PRINTED as PENALTY_NAMES

SOURCE_NAMES = {
    "patrol": "日常巡查", "complaint": "投诉举报", "hotline": "12345热线", "grid": "网格员上报",
    "random_inspection": "“双随机、一公开”抽查", "sampling": "抽样检验", "transfer": "有关部门移送",
    "assignment": "上级交办",
}
NO_PENALTY = {
    "first_violation": ("当事人系初次违法且危害后果轻微并及时改正，依法可以不予行政处罚",
                        "《中华人民共和国行政处罚法》第三十三条第一款"),
    "minor": ("当事人的违法行为轻微并及时改正，没有造成危害后果，依法不予行政处罚",
              "《中华人民共和国行政处罚法》第三十三条第一款"),
    "unproven": ("当事人的违法事实不能成立", "《中华人民共和国行政处罚法》第五十七条第一款第三项"),
}
PROCEDURE_NAMES = {"general": "一般程序", "simple": "简易程序"}
_STATUS_NAMES = {status.value: name for status, name in STATUS_NAMES.items()}


class Officer:
    """An officer as documents print them: ``张三（执法证号：浙A1000001）``."""

    def __init__(self, name: str = "", certificate: str = "", username: str = ""):
        self.name, self.certificate, self.username = name, certificate, username

    def __str__(self) -> str:
        return f"{self.name}（执法证号：{self.certificate}）" if self.certificate else self.name


class Officers(list):
    """The case's officers; ``{{ officers }}`` prints them all, ``officers.names`` just the names."""

    @property
    def names(self) -> str:
        return "、".join(o.name for o in self)

    @property
    def certificates(self) -> str:
        return "、".join(o.certificate for o in self if o.certificate)

    def __str__(self) -> str:
        return "、".join(str(o) for o in self)


@dataclass
class Facts:
    """Everything the context is built from, gathered by the service."""

    township: dict[str, Any]
    county_name: str
    settings: DocumentSettings
    case: dict[str, Any]
    file: CaseFile
    party: dict[str, Any] | None
    grant: Grant
    department: dict[str, Any] | None
    power: Power | None
    field_name: str
    standard: DiscretionStandard | None
    people: dict[str, Officer]  # username → name and certificate for the field
    template: Template
    number: str | None
    on: dt.date
    periods: dict[str, int] = field(default_factory=dict)  # the township's period overrides
    documents: list[dict[str, Any]] = field(default_factory=list)  # stored documents of the case, in order
    evidence: list[dict[str, Any]] = field(default_factory=list)
    events: list[Any] = field(default_factory=list)  # EventRead of the case
    actors: dict[int, str] = field(default_factory=dict)  # user id → display name, for the event log's actors
    hearing_offered: bool | None = None  # for a notice not yet served
    officers: list[str] | None = None  # usernames named for this document (before officers are assigned)


def clause(text: str) -> str:
    """A clause as templates embed it before their own full stop: trailing punctuation removed."""
    return (text or "").strip().rstrip("。；;.，,")


def sentence(text: str) -> str:
    """A whole sentence, ending with a full stop (``case.facts`` is printed as one)."""
    text = clause(text)
    return text + "。" if text and text[-1] not in "。！？”）)" else text


#: (section, key) of free text that templates embed as a sentence or as a clause.
SENTENCES = (("case", "facts"),)
CLAUSES = (("correction", "content"), ("preservation", "goods"), ("preservation", "decision"),
           ("transfer", "reason"), ("standard", "reason"))


def tidy(values: dict[str, Any]) -> dict[str, Any]:
    """Normalise the punctuation of free text after the caller's values are merged in."""
    for keys, fix in ((SENTENCES, sentence), (CLAUSES, clause)):
        for section, key in keys:
            part = values.get(section)
            if isinstance(part, dict) and isinstance(part.get(key), str):
                values[section] = {**part, key: fix(part[key])}
    return values


def cause_of(power: Power | None, summary: str) -> str:
    """案由 from the power's name: 对未取得…进行建设的行政处罚 → 未取得…进行建设."""
    if power is None:
        return summary
    name = re.sub(r"（[^）]*）$", "", power.name)
    name = re.sub(r"^对", "", name)
    name = re.sub(r"的(行政处罚|处罚|行政强制|行政检查|检查)$", "", name)
    return name


def _provision(p: Provision | None) -> dict[str, str]:
    if p is None:
        return {"law": "", "article": "", "text": "", "cited": ""}
    return {"law": p.law, "article": p.article, "text": p.text, "cited": f"{p.law}{p.article}"}


def _money(amount: Decimal | None) -> dict[str, Any]:
    if amount is None:
        return {"amount": "", "amount_upper": "", "amount_value": None}
    return {"amount": yuan(amount), "amount_upper": rmb_upper(amount), "amount_value": amount}


def penalties_text(amount: Decimal | None, penalties: list[str]) -> str:
    """警告；罚款人民币贰万元整（20,000.00元） — in the order of 行政处罚法 第9条."""
    kinds = [k for k in PENALTY_NAMES if k in penalties or (k == "fine" and amount)]
    parts = []
    for kind in kinds:
        if kind == "fine":
            parts.append(f"罚款人民币{rmb_upper(amount)}（{yuan(amount)}元）")
        else:
            parts.append(PENALTY_NAMES[kind])
    return "；".join(parts)


def _period_text(code: str, overrides: dict[str, int]) -> str:
    p = period(code, overrides)
    unit = {Unit.working_days: "个工作日", Unit.calendar_days: "日", Unit.months: "个月"}[p.unit]
    return f"{cn_count(p.length)}{unit}"


def _last_event(events: list[Any], kind: str) -> Any:
    return next((e for e in reversed(events) if e.kind == kind), None)


def _event_input(events: list[Any], kind: str) -> dict[str, Any]:
    event = _last_event(events, kind)
    return dict((event.payload or {}).get("input") or {}) if event else {}


def _latest_number(documents: list[dict[str, Any]], codes: set[str], stage: str | None = None) -> str:
    """The 文号 of the latest numbered document among ``codes``, else of the latest one of ``stage``."""
    numbered = [d for d in reversed(documents) if d["number"]]
    found = next((d for d in numbered if d["template"] in codes), None)
    if found is None and stage:
        found = next((d for d in numbered if d["stage"] == stage), None)
    return found["number"] if found else ""


def _person(facts: Facts, username: str) -> str:
    officer = facts.people.get(username)
    return officer.name if officer else username


def build(facts: Facts) -> dict[str, Any]:
    f, file, case = facts, facts.file, facts.case
    township, settings = f.township, f.settings
    entrusted = f.grant.basis is Basis.entrusted
    government = settings.subject_name or f"{township['name']}人民政府"
    subject_name = f.department["name"] if entrusted and f.department else government
    county = f.county_name
    remedies = {
        "reconsideration_body": settings.reconsideration_body or f"{county}人民政府",
        "court": settings.court or f"{county}人民法院",
        "reconsideration_period": _period_text("reconsideration", {}),
        "litigation_period": _period_text("litigation", {}),
    }
    remedies["text"] = (
        f"如不服本决定，可以自收到本决定书之日起{remedies['reconsideration_period']}内向{remedies['reconsideration_body']}"
        f"申请行政复议，或者自收到本决定书之日起{remedies['litigation_period']}内依法向{remedies['court']}提起行政诉讼。"
    )
    named = f.officers if f.officers is not None else [u for u in file.officers if u not in file.recused]
    officers = Officers(f.people.get(u) or Officer(u) for u in named)
    party = dict(f.party or {})
    organisation = party.get("kind") == "organisation"
    party_ctx = {
        "name": party.get("name", ""), "identifier": party.get("identifier", ""), "address": party.get("address", ""),
        "phone": party.get("phone", ""), "legal_representative": party.get("legal_representative") or "",
        "kind": party.get("kind", ""), "kind_name": "法人或者其他组织" if organisation else "公民",
        "id_label": "统一社会信用代码" if organisation else "公民身份号码",
    }
    cause = cause_of(f.power, case["summary"])
    records = [f"{r['title']}（{r['number']}）" if r["number"] else r["title"]
               for r in f.documents if r["stage"] == "investigation"]
    items = [f"{e['title']}（{e['kind_name']}）" for e in f.evidence] + records
    evidence_text = "；".join(f"{i}.{item}" for i, item in enumerate(items, 1))
    case_ctx = {
        "id": case["id"], "number": case["number"] or "", "summary": case["summary"], "facts": sentence(case["summary"]),
        "evidence": evidence_text, "place": case["place"], "found_at": cn_datetime(case["found_at"]),
        "found_on": cn_date(case["found_at"]), "filed_on": cn_date(case["filed_on"]), "act_date": cn_date(case["act_date"]),
        "source": case["source"], "source_name": SOURCE_NAMES.get(case["source"], case["source"]),
        "procedure": file.procedure, "procedure_name": PROCEDURE_NAMES.get(file.procedure, file.procedure),
        "status": case["status"], "status_name": _STATUS_NAMES.get(case["status"], case["status"]),
        "field": case["field"], "field_name": f.field_name, "cause": f"{cause}案", "cause_short": cause,
    }
    power = f.power
    power_ctx = {"code": power.code if power else "", "name": power.name if power else "",
                 "violated": _provision(power.violated if power else None),
                 "penalised": _provision(power.penalised if power else None),
                 "basis": _provision((power.basis or power.violated) if power else None)}

    recommendation = (file.decision.recommendation if file.decision and file.decision.recommendation
                      else file.proposal.recommendation if file.proposal else {}) or {}
    standard = _standard(recommendation, f.standard, file)

    proposal = file.proposal
    proposal_ctx = {"penalties_text": "", "reasons": "", "outcome": "", **_money(None)}
    if proposal is not None:
        proposal_ctx = {**_money(proposal.amount), "penalties_text": penalties_text(proposal.amount, proposal.penalties),
                        "reasons": proposal.reasons, "outcome": proposal.outcome}

    notice = _notice(f, proposal)
    defence = _defence(file)
    hearing = _hearing(f)
    decision = _decision(f, recommendation)
    execution = _execution(f)
    payment = {"bank": settings.payment_bank, "account": settings.payment_account, "electronic": settings.payment_electronic}
    payment["text"] = _payment_text(payment)
    if decision["amount_value"]:
        decision["performance"] = (
            f"当事人应当自收到本决定书之日起十五日内，将罚款{payment['text']}。到期不缴纳罚款的，本机关可以依据"
            "《中华人民共和国行政处罚法》第七十二条第一款第一项的规定，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款的数额。"
        )
    if file.procedure == "simple" and execution["payments"] and file.decision and file.decision.on == execution["payments"][0]["on"]:
        decision["performance"] = "罚款已由执法人员当场收缴，并出具财政部门统一制发的专用票据。"

    ordered = file.decision.correction if file.decision and file.decision.correction else None
    correction = ordered or file.correction
    correction_input = _event_input(f.events, "order_correction")
    correction_ctx = {
        "ordered_on": cn_date(correction.ordered_on) if correction else "",
        "deadline": cn_date(correction.deadline) if correction else "",
        "content": ordered.content if ordered else correction_input.get("content", ""),
        "rechecked_on": cn_date(correction.rechecked_on) if correction else "",
        "corrected": correction.corrected if correction else None,
    } if correction else None

    review = file.legal_review
    discussion = file.discussion
    service = file.service
    filing = _last_event(f.events, "file_case")
    transfer = _event_input(f.events, "transfer_to_judicial")
    decision_doc = _latest_number(f.documents, {"decision", "no_penalty_decision", "on_spot_decision"}, stage="decision")
    decision_title = next((d["title"] for d in reversed(f.documents) if d["number"] == decision_doc), "") if decision_doc else ""
    pages = sum(d.get("pages") or 0 for d in f.documents)

    context: dict[str, Any] = {
        "subject": {
            "name": subject_name, **({"address": settings.address} if settings.address else {}),
            **({"phone": settings.phone} if settings.phone else {}),
            "basis": f.grant.basis.value if f.grant.basis else "", "basis_name": BASIS_NAMES.get(f.grant.basis, ""),
            "entrusted": entrusted, "entrusted_to": government if entrusted else "",
            "department": f.department["name"] if f.department else "", "authority_document": f.grant.document_no,
            "township_government": government, "team": f"{township['name']}综合行政执法队",
        },
        "township": {"name": township["name"], "code": township["code"], "short_name": township["short_name"],
                     "government": government, "county": county},
        "document": {"number": f.number or "", "date": cn_date(f.on), "title": f.template.declaration.name,
                     "code": f.template.code, "year": f.on.year},
        "case": case_ctx,
        "party": party_ctx,
        "reporter": dict(case.get("reporter") or {}),
        "power": power_ctx,
        "officers": officers,
        "officer1": officers[0] if officers else Officer(),
        "officer2": officers[1] if len(officers) > 1 else Officer(),
        "officer_certificates": officers.certificates,
        "standard": standard,
        "proposal": proposal_ctx,
        "notice": notice,
        "defence": defence,
        "statement": {"summary": defence["text"]},
        "hearing": hearing,
        "review": {
            "reviewer": _person(f, review.reviewer) if review else "", "date": cn_date(review.on) if review else "",
            "passed": review.passed if review else None, "result": ("通过" if review.passed else "不通过") if review else "",
            "opinion": review.opinion if review else "",
        },
        "discussion": {
            "date": cn_date(discussion.on) if discussion else "",
            "attendees": "、".join(_person(f, a) for a in discussion.attendees) if discussion else "",
            "conclusion": discussion.conclusion if discussion else "",
        },
        "decision": {**decision, "number": decision_doc},
        "execution": execution,
        "demolition": _demolition(f),
        "payment": payment,
        "correction": correction_ctx,
        "preservation": _preservation(f),
        "measure": _measure(f),
        "service": {
            "date": cn_date(service.on) if service else "", "method": service.method if service else "",
            "served_on": cn_date(service.served_on) if service else "",
            "method_name": SERVICE_METHODS.get(service.method, service.method) if service else "",
            "recipient": service.recipient if service else "",
            "documents": f"{decision_title}（{decision_doc}）" if decision_doc else "",
            "proxy": "", "witness": "", "note": "",
        },
        # Opinions and approvals are usually handwritten on the form: empty unless supplied.
        "source": {"registrar": _actor(f, _last_event(f.events, "clue_registered")), "opinion": "", "approval": ""},
        "filing": {"date": cn_date(case["filed_on"]), "approver": _actor(f, filing), "opinion": ""},
        # from the transfer_to_judicial action when taken; otherwise the caller names the receiver (else a blank)
        "transfer": {**({"receiver": transfer["organ"]} if transfer.get("organ") else {}), "reason": transfer.get("reason", "")},
        "closing": {"date": cn_date(file.closed_on), "note": file.outcome_note, "opinion": "", "approval": ""},
        "archive": {"date": cn_date(file.archived_on), "documents": len(f.documents), "pages": pages},
        "documents": list(f.documents),
        "evidence": list(f.evidence),
        "remedies": remedies,
        "deadline": cn_date(correction.deadline) if correction else (execution["due"] or ""),
    }
    return context


def _actor(f: Facts, event: Any) -> str:
    return f.actors.get(event.actor_id, "") if event is not None and event.actor_id else ""


def _standard(recommendation: dict[str, Any], published: DiscretionStandard | None, file: CaseFile) -> dict[str, Any]:
    tier_range = recommendation.get("tier_range") or {}
    reasons = [str(r).rstrip("。；") for r in recommendation.get("factors") or []] or ["无法定从轻、减轻或者从重处罚情节"]
    if recommendation.get("tier_facts"):
        reasons.append(f"符合该阶次的适用情形（{str(recommendation['tier_facts']).rstrip('。；')}）")
    chosen = (file.decision.reasons if file.decision and file.decision.reasons
              else file.proposal.reasons if file.proposal else "")
    if chosen:
        reasons.append(chosen.rstrip("。；"))
    low, high = tier_range.get("min"), tier_range.get("max")
    name, source = (published.name if published else ""), recommendation.get("standard_source", "")
    return {
        "code": recommendation.get("standard") or "", "name": name, "source": source,
        "cited": f"{name}（{source}）" if name and source else name or source,
        "tier": recommendation.get("tier_name", ""), "tier_code": recommendation.get("tier") or "",
        "facts": recommendation.get("tier_facts", ""),
        "range": f"{yuan(Decimal(str(low)))}元至{yuan(Decimal(str(high)))}元" if low is not None and high is not None else "",
        "reason": "；".join(reasons) if recommendation.get("tier_name") else "",
        "computation": "；".join(str(r) for r in recommendation.get("reasons") or []),
    }


def _notice(f: Facts, proposal) -> dict[str, Any]:
    notice = f.file.notice
    served = notice.served_on if notice else f.on
    amount = notice.amount if notice else (proposal.amount if proposal else None)
    penalties = notice.penalties if notice else (proposal.penalties if proposal else [])
    offered = notice.hearing_offered if notice else bool(f.hearing_offered)
    reply = due("defence_reply", served, f.periods)
    stored_reply = notice.reply_deadline if notice and notice.reply_deadline else None
    return {
        "date": cn_date(notice.served_on) if notice else "", **_money(amount),
        "number": _latest_number(f.documents, {"prior_notice"}, stage="notice"),
        "penalties_text": penalties_text(amount, penalties), "hearing_offered": offered,
        "reply_deadline": legal_date(reply, stored_reply), "reply_period": _period_text("defence_reply", f.periods),
        "hearing_deadline": legal_date(due("hearing_request", served, f.periods)),
        "hearing_period": _period_text("hearing_request", f.periods),
    }


def _defence(file: CaseFile) -> dict[str, Any]:
    if file.rights_waived:
        text = "当事人书面表示放弃陈述、申辩" + ("和听证的权利。" if file.notice and file.notice.hearing_offered else "的权利。")
    elif file.defence:
        text = f"当事人于{cn_date(file.defence_on)}提出陈述、申辩：{file.defence}"
        text += "" if text.endswith("。") else "。"
    elif file.notice:
        text = "当事人在规定期限内未提出陈述、申辩。"
    else:
        text = ""
    return {"date": cn_date(file.defence_on), "summary": file.defence, "waived": file.rights_waived, "text": text}


def _hearing(f: Facts) -> dict[str, Any]:
    h = f.file.hearing
    if h is None:
        return {"requested_on": "", "notified_on": "", "date": "", "host": "", "held_on": "", "record": "", "text": ""}
    text = f"当事人于{cn_date(h.requested_on)}要求听证，本机关于{cn_date(h.held_on)}依法举行了听证。" if h.held_on else ""
    return {"requested_on": cn_date(h.requested_on), "notified_on": cn_date(h.notified_on), "date": cn_date(h.scheduled_for),
            "host": _person(f, h.host) if h.host else "", "held_on": cn_date(h.held_on), "record": h.record, "text": text}


def _decision(f: Facts, recommendation: dict[str, Any]) -> dict[str, Any]:
    d = f.file.decision
    if d is None:
        return {"date": cn_date(f.on), "kind": "", "kind_name": "", "penalties_text": "", "other_penalties": "",
                "reasons": "", "decided_by": "", "performance": "", "no_penalty_text": "", "no_penalty_basis": "",
                "result": "", **_money(None)}
    ground = "unproven" if d.kind == "no_penalty_unproven" else (recommendation.get("no_penalty_ground") or "minor")
    no_text, no_basis = NO_PENALTY.get(ground, NO_PENALTY["minor"]) if d.kind.startswith("no_penalty") else ("", "")
    text = penalties_text(d.amount, d.penalties)
    result = text if d.kind == "penalty" else DECISION_KINDS.get(d.kind, d.kind)
    return {
        "date": cn_date(d.on), "kind": d.kind, "kind_name": DECISION_KINDS.get(d.kind, d.kind), "penalties_text": text,
        "other_penalties": penalties_text(None, [p for p in d.penalties if p != "fine"]), "reasons": d.reasons,
        "decided_by": _person(f, d.decided_by) if d.decided_by else "", "performance": "",
        "no_penalty_text": (recommendation.get("no_penalty_text") or no_text) if no_text else "",
        "no_penalty_basis": no_basis, "result": result, **_money(d.amount),
    }


def _execution(f: Facts) -> dict[str, Any]:
    e, d = f.file.execution, f.file.decision
    empty = {"due": "", "paid": "", "paid_upper": "", "paid_value": Decimal(0), "payments": [], "deferred_to": "",
             "demand_served_on": "", "court_applied_on": "", "surcharge": "", "surcharge_upper": "", "surcharge_from": "",
             "owed": "", "owed_upper": "", "summary": ""}
    if e is None or d is None or not d.amount:
        return empty
    owing = execution_rules.owed(f.file, f.on)  # the same computation as the payment and closing gates
    paid, extra, owed = owing.paid, owing.surcharge, owing.outstanding
    due_on = e.deferred_to or e.due
    payments = [{"on": p.on, "date": cn_date(p.on), "amount": yuan(p.amount), "receipt": p.receipt} for p in e.payments]
    summary = "；".join(f"{p['date']}缴纳人民币{p['amount']}元" for p in payments) or "尚未缴纳"
    printed_due = (legal_date(payment_due_of(f.file), e.due) if f.file.service and not e.deferred_to
                   else cn_date(due_on))
    return {**empty, "due": printed_due, "paid": yuan(paid), "paid_upper": rmb_upper(paid), "paid_value": paid,
            "payments": payments, "deferred_to": cn_date(e.deferred_to), "demand_served_on": cn_date(e.demand_served_on),
            "court_applied_on": cn_date(e.court_applied_on), "surcharge": yuan(extra), "surcharge_upper": rmb_upper(extra),
            "surcharge_from": cn_date(due_on + dt.timedelta(days=1)), "owed": yuan(owed) if owed else "", "owed_upper": rmb_upper(owed) if owed else "",
            "summary": summary}


def _demolition(f: Facts) -> dict[str, Any] | None:
    """强制拆除: the notice, the demand, the decision (行政强制法第四十四条、第三十五至三十八条、第五十至五十一条)."""
    d = f.file.demolition
    if d is None:
        return None
    order = next((r for r in reversed(f.documents) if r["number"] and r["stage"] == "decision"), None)
    demand = _latest_number(f.documents, {"demolition_demand"})
    planned = _event_input(f.events, "decide_substitute_performance" if d.way == "substitute" else "decide_forced_demolition")
    announced = _event_input(f.events, "announce_demolition")
    return {
        "order_title": f"《{order['title']}》" if order else "《责令限期拆除决定书》", "order_number": order["number"] if order else "",
        "announced_on": cn_date(d.announced_on), "demolish_by": cn_date(d.demolish_by), "place": announced.get("place", ""),
        "demand_served_on": cn_date(d.demand_served_on), "perform_by": cn_date(d.perform_by), "demand_number": demand,
        "decided_on": cn_date(d.decided_on), "way": d.way, "statement": sentence(d.statement) if d.statement else "",
        "performer": d.performer,
        "budget": yuan(d.budget) if d.budget else "", "budget_upper": rmb_upper(d.budget) if d.budget else "",
        "carry_out_on": cn_date(dt.date.fromisoformat(planned["carry_out_on"])) if planned.get("carry_out_on") else "",
        "carried_out_on": cn_date(d.carried_out_on), "record": d.record,
    }


def legal_date(d: Due, stored: dt.date | None = None) -> str:
    """A period's last day as printed: the recorded date if any, marked （暂定） when provisional."""
    return cn_date(stored or d.on) + ("（暂定）" if d.provisional else "")


def payment_due_of(file: CaseFile) -> Due:
    return due("payment", file.service.served_on)


def _preservation(f: Facts) -> dict[str, Any] | None:
    if not f.file.preservations:
        return None
    p = f.file.preservations[-1]
    return {"registered_on": cn_date(p.registered_on), "goods": p.items, "approver": _person(f, p.approver),
            "deadline": legal_date(due("evidence_preservation", p.registered_on, f.periods)),
            "decided_on": cn_date(p.decided_on), "decision": p.decision,
            "notice_number": _latest_number(f.documents, {"preservation_notice"})}


def _measure(f: Facts) -> dict[str, Any] | None:
    """The latest 查封、扣押 (行政强制法第二十四条: its basis and period on the decision)."""
    if not f.file.seizures:
        return None
    s = f.file.seizures[-1]
    days = s.days + s.extended_days
    return {"kind": {"seal": "查封", "seize": "扣押"}.get(s.kind, s.kind), "power": s.power, "basis": s.basis,
            "target": s.items, "start": cn_date(s.start), "period_days": str(s.days),
            "extended_days": str(s.extended_days) if s.extended_days else "",
            "deadline": cn_date(s.start + dt.timedelta(days=days)), "storage": ""}


def _payment_text(payment: dict[str, str]) -> str:
    if payment["bank"]:
        text = f"缴至{payment['bank']}" + (f"（账号：{payment['account']}）" if payment["account"] else "")
        return text + (f"，或者通过{payment['electronic']}缴纳" if payment["electronic"] else "")
    if payment["electronic"]:
        return f"通过{payment['electronic']}缴纳"
    return "缴至本机关指定的罚款代收机构"
