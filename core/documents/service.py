"""Render a document for a case, store it with its hash, and read it back.

``render_document`` gathers the case's facts, picks the template (a field's override where one
applies), numbers it inside the write transaction (per township × 文书代字 × year), renders the
Word file and its PDF, stores both by content and records the document and a
``document_rendered`` event in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import msgspec
from zhifa.core import clock
from zhifa.core.db.tables import AppUser, Department, Document, Evidence
from zhifa.core.db.transaction import write_transaction
from zhifa.core.documents import context as ctx
from zhifa.core.documents import declarations, numbering, store
from zhifa.core.documents.declarations import Template
from zhifa.core.documents.formatting import cn_date, cn_datetime
from zhifa.core.documents.pdf import docx_to_pdf
from zhifa.core.documents.render import render_docx
from zhifa.core.documents.settings import (DocumentSettings, DocumentSettingsChange, changed, checked, department_settings,
                                          document_settings, merged)
from zhifa.core.domain import identifiers
from zhifa.core.domain.authorisation import effective_grant
from zhifa.core.procedure import casefile
from zhifa.core.procedure.casefile import CaseFile
from zhifa.core.registry import get_host
from zhifa.core.rules.context import ActionContext, CaseFacts
from zhifa.core.schemas.documents import DocumentRead, TemplateRead
from zhifa.core.services import authorisations, events
from zhifa.core.services.cases import after_commit, read_case
from zhifa.core.services.errors import Invalid
from zhifa.core.services.evidence import EVIDENCE_NAMES, EvidenceKind
from zhifa.core.services.facts import certificate_on, hearing_right, people_facts
from zhifa.core.services.numbering import next_number
from zhifa.core.services.parties import read_party
from zhifa.core.rules import dates
from zhifa.core.rules.refusal import Refused
from zhifa.core.services.scope import TownshipScope, not_found, owned_by
from zhifa.core.services.township_settings import procedure_settings
from zhifa.core.services.townships import get_township_row

#: Decisions whose text cites the evidence (第五十九条第一款第二项): not made without any.
EVIDENCE_CITED = frozenset({"decision"})

# What a template needs in the case file before it can be rendered (checked on the core code).
READY: dict[str, tuple[Callable[[dict, CaseFile], bool], str]] = {
    "order_correction": (lambda c, f: f.correction is not None, "本案尚未责令改正（order_correction）"),
    "preservation_notice": (lambda c, f: bool(f.preservations), "本案没有先行登记保存证据（preserve_evidence）"),
    "preservation_decision": (lambda c, f: bool(f.preservations) and f.preservations[-1].decided_on is not None,
                              "先行登记保存的证据尚未作出处理决定（decide_preserved_evidence）"),
    "prior_notice": (lambda c, f: f.proposal is not None, "本案尚未调查终结，没有拟处罚意见（conclude_investigation）"),
    "hearing_notice": (lambda c, f: f.hearing is not None and f.hearing.scheduled_for is not None,
                       "本案尚未安排听证（schedule_hearing）"),
    "statement_record": (lambda c, f: bool(f.defence), "当事人尚未提出陈述、申辩（record_defence）"),
    "legal_review": (lambda c, f: f.legal_review is not None, "本案尚未法制审核（legal_review）"),
    "collective_discussion": (lambda c, f: f.discussion is not None, "本案尚未集体讨论（collective_discussion）"),
    "decision": (lambda c, f: f.decision is not None and f.decision.kind == "penalty" and f.procedure == "general",
                 "本案尚未作出行政处罚决定（decide）"),
    "no_penalty_decision": (lambda c, f: f.decision is not None and f.decision.kind.startswith("no_penalty"),
                            "本案没有作出不予行政处罚的决定"),
    "on_spot_decision": (lambda c, f: f.procedure == "simple" and f.decision is not None, "本案不是简易程序当场处罚的案件"),
    "demand": (lambda c, f: f.execution is not None, "本案没有需要执行的罚款决定"),
    "demolition_notice": (lambda c, f: f.demolition is not None and f.demolition.announced_on is not None,
                          "本案尚未公告限期自行拆除（announce_demolition）"),
    "demolition_demand": (lambda c, f: f.demolition is not None and f.demolition.demand_served_on is not None,
                          "本案尚未催告当事人拆除（serve_demolition_demand）"),
    "forced_demolition_decision": (lambda c, f: f.demolition is not None and f.demolition.way == "forced",
                                   "本案尚未作出强制拆除决定（decide_forced_demolition）"),
    "substitute_performance_decision": (lambda c, f: f.demolition is not None and f.demolition.way == "substitute",
                                        "本案尚未作出代履行决定（decide_substitute_performance）"),
}


@dataclass
class Prepared:
    township: dict[str, Any]
    case: dict[str, Any]
    template: Template
    facts: ctx.Facts
    action: ActionContext
    hooks: Any
    user: dict[str, Any] | None


def _read(row: dict, usernames: dict[int, str]) -> DocumentRead:
    return DocumentRead(
        id=row["id"], case_id=row["case"], template=row["template"], title=row["title"], stage=row["stage"],
        number=row["number"], issued_on=row["issued_on"], content_sha256=row["content_sha256"],
        size_bytes=row["size_bytes"], pdf_sha256=row["pdf_sha256"], pdf_size_bytes=row["pdf_size_bytes"],
        pages=row["pages"], blanks=list(row["blanks"] or []), replaces=row["replaces"],
        created_by=usernames.get(row["created_by"], ""), created_at=row["created_at"],
    )


async def case_row(township: dict, case_id: int) -> dict:
    return await TownshipScope(township).resolve("case", case_id, field="case_id")


async def document_rows(township_id: int, case_id: int) -> list[dict]:
    return await Document.select().where(owned_by(Document, township_id) & (Document.case == case_id)).order_by(
        Document.id).output(load_json=True)


def in_file_order(rows: list[dict]) -> list[dict]:
    """The documents of the case file: each correction replaces its original; by date, then stage."""
    replaced = {r["replaces"] for r in rows if r["replaces"]}
    stages = declarations.STAGES
    rank = {s: i for i, s in enumerate(stages)}
    current = [r for r in rows if r["id"] not in replaced]
    return sorted(current, key=lambda r: (r["issued_on"], rank.get(r["stage"], len(stages)), r["id"]))


async def _people(scope: TownshipScope, usernames: set[str], field: str, on: dt.date) -> dict[str, ctx.Officer]:
    """The township's own users among ``usernames``, former staff included (a name of anyone else is printed as written)."""
    people = await people_facts(scope, usernames, former=True)
    return {name: ctx.Officer(p.display_name, certificate_on(p, field, on), name) for name, p in people.items()}


def _usernames(file: CaseFile) -> set[str]:
    names = set(file.officers) | set(file.recused)
    for value in (file.legal_review and file.legal_review.reviewer, file.decision and file.decision.decided_by,
                  file.hearing and file.hearing.host, *(p.approver for p in file.preservations)):
        if value:
            names.add(value)
    if file.discussion:
        names.update(file.discussion.attendees)
    return names


async def _prepare(township_code: str, case_id: int, template_code: str, actor: str | None, on: dt.date,
                   officers: list[str] | None = None) -> Prepared:
    township = await get_township_row(township_code)
    scope = TownshipScope(township)
    row = await case_row(township, case_id)
    user = None
    if actor is not None:
        user = await scope.resolve("user", actor, AppUser.id, AppUser.township, field="actor")
    own = await scope.find("user", officers or [], AppUser.id)
    unknown = [u for u in officers or [] if u not in own]
    if unknown:
        raise not_found("user", "officers", unknown[0])
    file = casefile.load(row["facts"])
    template = declarations.resolve(template_code, row["field"], row["power"])
    ready = READY.get(template_code) or READY.get(template.declaration.overrides)
    if ready is not None and not ready[0](row, file):
        raise Invalid("document.not_ready", f"不能生成「{template.declaration.name}」：{ready[1]}", field="template")

    registry = get_host().registry
    found_on = clock.local_date(row["found_at"])
    basis_on = row["filed_on"] or found_on
    grants = await authorisations.grants_of(township["id"])
    grant = effective_grant(grants, row["field"], row["power"] or "", basis_on) or effective_grant(
        grants, row["field"], row["power"] or "", on)
    if grant is None:
        raise Invalid("document.no_grant", f"本乡镇在 {basis_on} 没有实施本案执法事项的授权，无法确定以谁的名义制作文书",
                      field="template")
    department = None
    if grant.department is not None:
        department = await Department.select().where(Department.id == grant.department).output(load_json=True).first()
    entrusted = grant.basis is not None and grant.basis.value == "entrusted" and department is not None
    # 委托 (第二十条): the decision is the entrusting department's — its series, address, bank and remedies
    doc_settings = document_settings(township["settings"])
    if entrusted:  # the department's values over the township's; its bank and account only, never the township's
        own = department_settings(department)
        doc_settings = msgspec.structs.replace(doc_settings, **{
            k: getattr(own, k) for k in own.__struct_fields__
            if getattr(own, k) != getattr(ctx.DocumentSettings(), k)
            or k in ("payment_bank", "payment_account", "payment_electronic")})
    # 第六十七条第三款: paid at the designated bank or through the electronic payment system
    if template_code == "decision" and file.decision is not None and file.decision.amount and not (
            (doc_settings.payment_bank and doc_settings.payment_account) or doc_settings.payment_electronic):
        whose = f"委托机关「{department['name']}」" if entrusted else "本乡镇"
        raise Invalid("document.no_payment_bank",
                      f"不能生成「{template.declaration.name}」：{whose}没有设置罚款代收银行和账号，也没有设置电子缴款方式"
                      "（行政处罚法第六十七条：罚缴分离，当事人到指定的银行或者通过电子支付系统缴纳罚款），"
                      "请先在文书设置中填写 payment_bank 和 payment_account，或者 payment_electronic")
    party = (await scope.find("party", [row["party"]])).get(row["party"])
    power = registry.powers.get(row["power"]) if row["power"] else None
    recommendation = (file.decision.recommendation if file.decision and file.decision.recommendation
                      else file.proposal.recommendation if file.proposal else {}) or {}
    standard = None
    if recommendation.get("standard") and row["field"] in registry.catalogues:
        standard = next((s for s in registry.catalogues[row["field"]].standards if s.code == recommendation["standard"]), None)
    case_events = await events.events_of(township["id"], case_id)
    people = await _people(scope, _usernames(file) | set(officers or []), row["field"], on)
    actor_ids = sorted({e.actor_id for e in case_events if e.actor_id})
    actors = {u["id"]: u["display_name"] for u in await AppUser.select(AppUser.id, AppUser.display_name).where(
        AppUser.id.is_in(actor_ids))} if actor_ids else {}
    evidence = [
        {"no": i, "id": e["id"], "title": e["title"], "kind": e["kind"],
         "kind_name": EVIDENCE_NAMES.get(EvidenceKind(e["kind"]), e["kind"]),
         "captured_at": cn_datetime(e["captured_at"]), "sha256": e["content_sha256"],
         "short_hash": e["content_sha256"][:16], "media_type": e["media_type"]}
        for i, e in enumerate(await Evidence.select().where(
            owned_by(Evidence, township["id"]) & (Evidence.case == case_id)).order_by(Evidence.id), 1)
    ]
    settings = procedure_settings(township["settings"])
    documents = _index(in_file_order(await document_rows(township["id"], case_id)))
    # 第五十九条第一款第二项: the decision states the facts and the evidence; one with nothing to cite is not made
    if template_code in EVIDENCE_CITED and not evidence and not any(d["stage"] == "investigation" for d in documents):
        raise Invalid("document.no_evidence",
                      f"不能生成「{template.declaration.name}」：本案没有登记任何证据，也没有调查取证文书"
                      "（行政处罚法第五十九条第一款第二项：决定书应当载明违反法律、法规、规章的事实和证据），"
                      "请先登记证据（上传现场照片、询问笔录等）")
    offer = None if file.notice else hearing_right(township_code, row["field"], row["power"],
                                                   party["kind"] if party else None, on, file)
    hearing_offered = offer.offered if offer else None
    catalogue = registry.catalogues.get(row["field"])
    facts = ctx.Facts(
        township=township, county_name=identifiers.county_name(township["county_code"]) or "",
        settings=doc_settings, case=row, file=file, party=party, grant=grant,
        department=department, power=power, field_name=catalogue.field.name if catalogue else row["field"],
        standard=standard, people=people, template=template, number=None, on=on,
        periods=dict(settings.periods), documents=documents,
        evidence=evidence, events=case_events, actors=actors, hearing_offered=hearing_offered, officers=officers,
    )
    enabled = await authorisations.fields_enabled(township["id"], on) | {row["field"]}
    action = ActionContext(
        action="render_document", township=township_code, on=on, field=row["field"], power=row["power"],
        actor=user["id"] if user else None, case=read_case(row, township_code),
        data=CaseFacts(file=file, grant=grant, template=template.code, party=read_party(party) if party else None,
                       power=power),
    )
    return Prepared(township, row, template, facts, action, get_host().hooks_for_fields(enabled), user)


def _index(rows: list[dict]) -> list[dict]:
    """Stored documents as the 卷内目录 lists them, with page ranges counted from 1."""
    page, out = 1, []
    for no, r in enumerate(rows, 1):
        pages = r["pages"] or 0
        out.append({"no": no, "id": r["id"], "template": r["template"], "title": r["title"], "stage": r["stage"],
                    "number": r["number"] or "", "date": cn_date(r["issued_on"]), "pages": pages,
                    "page_range": f"{page}-{page + pages - 1}" if pages > 1 else str(page), "note": ""})
        page += pages
    return out


def deep_merge(base: dict[str, Any], extra: dict[str, Any] | None) -> dict[str, Any]:
    """``extra`` over ``base``: nested dicts merge key by key, anything else is replaced."""
    result = dict(base)
    for key, value in (extra or {}).items():
        current = result.get(key)
        if isinstance(value, dict) and isinstance(current, dict):
            result[key] = deep_merge(current, value)
        else:
            result[key] = value
    return result


def context_for(prepared: Prepared, data: dict[str, Any] | None) -> dict[str, Any]:
    """The core's context, then the township's plugins' contributions, then the caller's values."""
    values = ctx.build(prepared.facts)
    prepared.action.data.document_context = values
    for contribution in prepared.hooks.zhifa_document_context(context=prepared.action, template=prepared.template.code):
        if contribution:
            values = deep_merge(values, contribution)
    return ctx.tidy(deep_merge(values, data))


@dataclass(frozen=True)
class Output:
    docx: bytes
    pdf: bytes
    pages: int
    blanks: tuple[str, ...]
    subject: str


def produce(prepared: Prepared, data: dict[str, Any] | None) -> Output:
    values = context_for(prepared, data)
    rendered = render_docx(prepared.template.path, values)
    subject = values["subject"]["name"] if isinstance(values.get("subject"), dict) else ""
    pdf, pages = docx_to_pdf(rendered.content, title=prepared.template.declaration.name, author=subject)
    return Output(rendered.content, pdf, pages, rendered.blanks, subject)


async def render_document(
    township_code: str, case_id: int, template_code: str, *, actor: str, data: dict[str, Any] | None = None,
    on: dt.date | None = None, replaces: int | None = None,
) -> DocumentRead:
    """Render, number, store and record one document. ``replaces`` corrects an earlier rendering under its number.

    A document is dated on a day that has come (``rules.dates.happened``: not after today), whoever asks."""
    on = on or clock.today()
    future = dates.happened("on", on, clock.today())
    if future:
        raise Refused(future)
    values, officers = _split(data)
    prepared = await _prepare(township_code, case_id, template_code, actor, on, officers)
    template, township = prepared.template, prepared.township
    original = None
    if replaces is not None:
        original = await Document.select().where(
            (Document.id == replaces) & owned_by(Document, township["id"]) & (Document.case == case_id)).first()
        if original is None:  # another township's or case's document is answered like a missing one
            raise not_found("document", "replaces", replaces)
        if original["template"] != template.code:
            raise Invalid("document.replaces", f"要更正的文书 {replaces} 不是本案的「{template.declaration.name}」",
                          field="replaces")
        if await Document.exists().where(owned_by(Document, township["id"]) & (Document.replaces == replaces)):
            raise Invalid("document.replaces", f"文书 {replaces} 已被更正过，请更正最新的一份", field="replaces")
    settings = prepared.facts.settings
    data_json = msgspec.json.decode(msgspec.json.encode(data or {}))
    values = msgspec.json.decode(msgspec.json.encode(values))

    async with write_transaction(township["id"]):
        number = None
        if original is not None:
            number = original["number"]
        elif template.numbered:
            code = template.declaration.number_code
            department = prepared.facts.department if getattr(prepared.facts.grant.basis, "value", "") == "entrusted" else None
            # the department's own series where it has its own 代字; else the township's one series
            own_series = department is not None and settings.number_prefix
            kind = numbering.sequence_kind(code) + (f"@{department['id']}" if own_series else "")
            n = await next_number(township["id"], on.year, kind)
            number = numbering.format_number(settings.number_format, short=settings.number_prefix or township["short_name"],
                                             code=code, year=on.year, n=n, township=township["name"])
        prepared.facts.number = number
        output = produce(prepared, values)
        digest, key = store.put(township_code, output.docx)
        pdf_digest, pdf_key = store.put(township_code, output.pdf)
        row = Document(
            township=township["id"], case=case_id, template=template.code, title=template.declaration.name,
            stage=template.declaration.stage, number=number, issued_on=on, content_sha256=digest,
            size_bytes=len(output.docx), storage_key=key, pdf_sha256=pdf_digest, pdf_size_bytes=len(output.pdf),
            pdf_storage_key=pdf_key, pages=output.pages, blanks=list(output.blanks), data=data_json,
            replaces=replaces, created_by=prepared.user["id"],
        )
        await row.save()
        event = await events.append_event(
            township_id=township["id"], township_code=township_code, kind="document_rendered", case_id=case_id,
            actor_id=prepared.user["id"],
            payload={"title": f"制作文书：{template.declaration.name}", "on": on, "document_id": row.id,
                     "template": template.code, "number": number, "sha256": digest, "pdf_sha256": pdf_digest,
                     "subject": output.subject, "replaces": replaces},
        )
    after_commit(prepared.hooks, prepared.action, event)
    saved = await Document.select().where(Document.id == row.id).output(load_json=True).first()
    return _read(saved, {prepared.user["id"]: actor})


async def preview(township_code: str, case_id: int, template_code: str, *, actor: str | None = None,
                  data: dict[str, Any] | None = None, on: dt.date | None = None) -> Output:
    """Render without numbering or storing (a draft, or the cover and index made at export)."""
    values, officers = _split(data)
    prepared = await _prepare(township_code, case_id, template_code, actor, on or clock.today(), officers)
    return produce(prepared, values)


def _split(data: dict[str, Any] | None) -> tuple[dict[str, Any], list[str] | None]:
    """The caller's values, and the officers it names (usernames) for a document made before any are assigned."""
    if data is not None and not isinstance(data, dict):
        raise Invalid("document.data", "文书内容（data）必须是 JSON 对象", field="data")
    values = dict(data or {})
    officers = values.pop("officers", None)
    if officers is not None and (not isinstance(officers, list) or not all(isinstance(o, str) for o in officers)):
        raise Invalid("document.officers", "officers 应为执法人员的用户名列表", field="officers")
    return values, officers


async def _usernames_by_id(ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = await AppUser.select(AppUser.id, AppUser.username).where(AppUser.id.is_in(sorted(ids)))
    return {r["id"]: r["username"] for r in rows}


async def list_documents(township_code: str, case_id: int) -> list[DocumentRead]:
    township = await get_township_row(township_code)
    await case_row(township, case_id)
    rows = await document_rows(township["id"], case_id)
    names = await _usernames_by_id({r["created_by"] for r in rows})
    return [_read(r, names) for r in rows]


async def document_content(township_code: str, document_id: int, kind: str = "docx") -> bytes:
    """The Word (``docx``) or PDF (``pdf``) file of a document, checked against its recorded hash;
    ``document.file_missing`` (Conflict) when the store no longer holds it."""
    if kind not in ("docx", "pdf"):
        raise Invalid("document.kind", f"文件类型 {kind} 无效（可选：docx、pdf）", field="format")
    township = await get_township_row(township_code)
    row = await Document.select().where((Document.id == document_id) & owned_by(Document, township["id"])).first()
    if row is None:  # another township's document is answered like one that does not exist
        raise not_found("document", "document_id", document_id)
    what = f"文书 {document_id}（{row['title']}{'，' + row['number'] if row['number'] else ''}）"
    if kind == "pdf":
        return store.get(row["pdf_storage_key"], row["pdf_sha256"], what + "的 PDF")
    return store.get(row["storage_key"], row["content_sha256"], what)


async def list_templates(township_code: str, case_id: int) -> list[TemplateRead]:
    """The templates of the case's field and power, each saying whether the case file is ready for it now."""
    township = await get_township_row(township_code)
    row = await case_row(township, case_id)
    file = casefile.load(row["facts"])
    out = []
    for t in declarations.available(row["field"], row["power"]):
        ready = READY.get(t.code) or READY.get(t.declaration.overrides)
        missing = "" if ready is None or ready[0](row, file) else ready[1]
        out.append(TemplateRead(code=t.code, name=t.declaration.name, origin=t.origin, stage=t.declaration.stage,
                                number_code=t.declaration.number_code, overrides=t.declaration.overrides,
                                ready=not missing, not_ready=missing))
    return out


async def configure_documents(township_code: str, values: dict[str, Any]) -> dict[str, Any]:
    """Set the township's document settings (文号格式, names printed, payment details); returns them."""
    from zhifa.core.db.tables import Township

    township = await get_township_row(township_code)
    whole = merged(township["settings"], values)
    await Township.update({Township.settings: whole}).where(Township.id == township["id"])
    return whole["documents"]


async def township_documents(township_code: str) -> DocumentSettings:
    """The township's document settings, defaults included."""
    return document_settings((await get_township_row(township_code))["settings"])


async def change_township_documents(township_code: str, change: DocumentSettingsChange) -> DocumentSettings:
    """Apply ``change`` to the township's document settings (the fields sent); returns them, defaults included."""
    township = await get_township_row(township_code)
    await configure_documents(township_code, changed(document_settings(township["settings"]), change))
    return await township_documents(township_code)


async def _department_row(county_code: str, department_code: str) -> dict:
    department = await Department.select().where(
        (Department.county_code == county_code) & (Department.code == department_code)).first()
    if department is None:
        from zhifa.core.services.errors import NotFound

        raise NotFound("department.not_found", f"本县未找到部门（department：{department_code}）")
    return department


async def department_documents(county_code: str, department_code: str) -> DocumentSettings:
    """An entrusting department's document settings, defaults included."""
    return department_settings(await _department_row(county_code, department_code))


async def change_department_documents(county_code: str, department_code: str,
                                      change: DocumentSettingsChange) -> DocumentSettings:
    """Apply ``change`` to a county department's document settings (the fields sent): what decisions under 委托 print."""
    current = department_settings(await _department_row(county_code, department_code))
    await configure_department_documents(county_code, department_code, changed(current, change))
    return await department_documents(county_code, department_code)


async def configure_department_documents(county_code: str, department_code: str, values: dict[str, Any]) -> dict[str, Any]:
    """Set an entrusting department's document settings (委托: its 文号代字, address, bank, 复议机关, court)."""
    department = await _department_row(county_code, department_code)
    stored = checked(values)
    await Department.update({Department.documents: stored}).where(Department.id == department["id"])
    return stored
