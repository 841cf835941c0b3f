"""The case page: the case detail of the API (timeline, deadlines, next actions from the dry run of the
gates), its parties, evidence and documents; each next action a form made from its input schema.

An action is performed by ``procedure.perform`` exactly as ``POST …/actions/{action}`` does, with the
version read as the page was shown (``_version``, the API's ``If-Match``), so a page left open while a
colleague acted answers 409 and saves nothing. Who may perform an action is the action's own
declaration (``ACTIONS[name].roles``, the API route's roles).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from litestar.params import FromPath, FromQuery
from litestar import Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.response import Redirect
from zhifa.core import clock
from zhifa.core.documents import service as documents
from zhifa.core.domain.media import media_type_of_file
from zhifa.core.domain.roles import Role
from zhifa.core.procedure.actions import ACTIONS
from zhifa.core.registry import get_host
from zhifa.core.rules.refusal import Refused
from zhifa.core.services import case_search, evidence, parties, people, procedure
from zhifa.core.services.errors import Conflict, Forbidden, Invalid, NotFound
from zhifa.core.services.evidence import EVIDENCE_NAMES
from zhifa.web import forms
from zhifa.web.access import web_roles
from zhifa.web.render import page
from zhifa.web.session import principal_of

R = Role
READERS = (R.officer, R.approver, R.legal_reviewer, R.township_head, R.supervisor, R.platform_admin)  # CASE_READERS
EVIDENCE_BYTES = 200 * 1024 * 1024
_NAMED = {"party.not_found": "party_id", "user.not_found": "officers"}


class ActionView:
    """One next action as the page shows it."""

    def __init__(self, item, fields: list[forms.FormField], role_ok: bool, roles: tuple):
        self.name, self.label, self.allowed = item.action, item.label, item.allowed
        self.refusals = list(item.refusals)
        self.fields, self.role_ok, self.roles = fields, role_ok, roles
        self.errors: dict[str, str] = {}
        self.values: dict[str, Any] = {}
        self.open = False

    @property
    def usable(self) -> bool:
        return self.role_ok and (self.allowed or self.form_decides)

    @property
    def form_decides(self) -> bool:
        """The dry run asked the gates with an empty form; where the action requires fields to be filled
        in (the officers of 立案), a refusal of that empty form is no answer yet: the form is offered with the
        refusal shown, and the gates judge what is submitted."""
        return any(f.required for f in self.fields)


async def _choices(code: str) -> tuple[list[forms.Choice], list[forms.Choice]]:
    users = [u for u in await people.list_users(code) if u.active]
    staff = [forms.Choice(value=u.username, label=f"{u.display_name}（{u.username}）") for u in users
             if R.officer.value in u.roles or R.approver.value in u.roles or R.township_head.value in u.roles]
    party_choices = [forms.Choice(value=str(p.id), label=p.name) for p in await parties.list_parties(code)]
    return staff, party_choices


def _recommendation(file: dict) -> dict | None:
    decision, proposal = file.get("decision") or {}, file.get("proposal") or {}
    return decision.get("recommendation") or proposal.get("recommendation") or None


async def _case_page(request: Request, code: str, case_id: int, *, status: int = 200, acted: str | None = None,
                     failed: ActionView | None = None, conflict: str = "", evidence_errors: dict | None = None,
                     document_error: str = ""):
    principal = await principal_of(request)
    detail = await case_search.case_detail(code, case_id, actor=principal.username)
    staff, party_choices = await _choices(code)
    views = []
    for item in detail.next_actions:
        spec = ACTIONS[item.action]
        fields = forms.fields_of(item.input_schema, staff, party_choices)
        prefill = forms.proposal_prefill(fields, detail.file)
        if prefill:  # the dry run asked about an empty form; ask it about the form as the page fills it in
            item = await _asked_with(code, case_id, item, prefill, principal.username)
        view = ActionView(item, fields, bool(principal.roles & {r.value for r in spec.roles}), spec.roles)
        view.values = {k: _shown(v) for k, v in prefill.items()}
        if failed is not None and failed.name == view.name:
            view.errors, view.values, view.open = failed.errors, failed.values, True
            view.refusals = failed.refusals or view.refusals
            view.failed_refusals = failed.refusals
        views.append(view)
    views.sort(key=lambda v: (not v.usable, not v.role_ok))
    registry = get_host().registry
    case = detail.case
    party = await parties.get_party(code, case.party_id) if case.party_id else None
    items = await evidence.list_evidence(code, case_id)
    docs = await documents.list_documents(code, case_id)
    templates = await documents.list_templates(code, case_id)
    power = registry.powers.get(case.power) if case.power else None
    catalogue = registry.catalogues.get(case.field)
    writer = R.officer.value in principal.roles
    return page(request, "case.html", status=status, title=case.number or f"线索 {case.id}", township=code,
                detail=detail, case=case, file=detail.file, party=party, evidence=items, documents=docs,
                templates=templates, power=power, field_name=catalogue.field.name if catalogue else case.field,
                actions=views, acted=ACTIONS[acted].title if acted in ACTIONS else "", conflict=conflict,
                recommendation=_recommendation(detail.file), evidence_kinds=[(k.value, v) for k, v in EVIDENCE_NAMES.items()],
                evidence_errors=evidence_errors or {}, document_error=document_error, can_upload=writer, can_render=writer or bool(
                    principal.roles & {R.approver.value, R.township_head.value}), today=clock.today(),
                now=clock.now_utc().astimezone(clock.zone()).strftime("%Y-%m-%dT%H:%M"))


async def _asked_with(code: str, case_id: int, item, data: dict, actor: str):
    """The next action as the dry run of the same gates answers for ``data`` (nothing written)."""
    from zhifa.core.schemas.cases import NextAction, RefusalRead

    try:
        refusals = await procedure.dry_run(code, case_id, item.action, actor=actor, data=data)
    except (Invalid, NotFound):
        return item
    return NextAction(action=item.action, label=item.label, allowed=not refusals, input_schema=item.input_schema,
                      refusals=[RefusalRead(code=r.code, message=r.message) for r in refusals])


def _shown(value):
    return "\n".join(value) if isinstance(value, list) else value


@get("/web/t/{code:str}/cases/{case_id:int}", opt=web_roles(*READERS))
async def case_page(request: Request, code: FromPath[str], case_id: FromPath[int], done: FromQuery[str | None] = None) -> Response:
    return await _case_page(request, code, case_id, acted=done)


@post("/web/t/{code:str}/cases/{case_id:int}/actions/{action:str}", opt=web_roles(*READERS))
async def perform_action(request: Request, code: FromPath[str], case_id: FromPath[int], action: FromPath[str]) -> Response:
    principal = await principal_of(request)
    spec = ACTIONS.get(action)
    if spec is None:
        raise NotFound("action.unknown", f"未知的办案操作 {action}")
    if not principal.roles & {r.value for r in spec.roles}:
        raise Forbidden("auth.role", f"您的角色无权进行「{spec.title}」")
    form = await request.form()
    staff, party_choices = await _choices(code)
    fields = forms.fields_of(case_search.input_schema(action), staff, party_choices)
    data, errors = forms.parse(fields, form)
    failed = ActionView(_Item(action, spec.title), fields, True, spec.roles)
    failed.values = {f.name: (forms._all(form, f.name) if f.widget == "people" else form.get(f.name)) for f in fields}
    failed.values["_on"] = form.get("_on") or ""
    on, version = None, None
    try:
        on = dt.date.fromisoformat(form.get("_on")) if form.get("_on") else None
    except ValueError:
        errors["_on"] = "请填写办理日期（年-月-日）"
    try:
        version = int(form.get("_version") or "")
    except ValueError:
        errors["_version"] = "页面缺少案件版本，请刷新后重试"
    if not errors:
        try:
            await procedure.perform(code, case_id, action, data, actor=principal.username, on=on or clock.today(),
                                    expected_version=version)
            return Redirect(f"/web/t/{code}/cases/{case_id}?done={action}", status_code=303)
        except Refused as exc:
            failed.refusals = exc.refusals
            failed.errors = {}
            return await _case_page(request, code, case_id, status=422, failed=failed)
        except Conflict as exc:
            return await _case_page(request, code, case_id, status=409, conflict=exc.message)
        except Invalid as exc:
            errors[_field_of(exc, fields)] = exc.message
        except NotFound as exc:
            if exc.code not in _NAMED:
                raise
            errors[_NAMED[exc.code] if exc.code != "user.not_found" else _people_field(fields)] = exc.message
    failed.errors = errors
    return await _case_page(request, code, case_id, status=400, failed=failed)


class _Item:
    def __init__(self, action: str, label: str):
        self.action, self.label, self.allowed, self.refusals = action, label, True, []


def _field_of(exc: Invalid, fields: list[forms.FormField]) -> str:
    """The form field an error names (``amount``, ``instalments[1].due`` → ``instalments``); else the form."""
    named = (getattr(exc, "field", None) or "").split("[")[0].split(".")[0]
    names = {f.name for f in fields}
    if named in names:
        return named
    code_field = exc.code.split(".", 1)[-1]
    return code_field if code_field in names else "_form"


def _people_field(fields: list[forms.FormField]) -> str:
    return next((f.name for f in fields if f.name in forms.PEOPLE_FIELDS), "_form")


@post("/web/t/{code:str}/cases/{case_id:int}/evidence", opt=web_roles(R.officer), request_max_body_size=EVIDENCE_BYTES)
async def upload_evidence(request: Request, code: FromPath[str], case_id: FromPath[int]) -> Response:
    principal = await principal_of(request)
    form = await request.form()
    upload = form.get("file")
    errors: dict[str, str] = {}
    if not isinstance(upload, UploadFile) or not upload.filename:
        errors["file"] = "请选择要上传的文件"
    title = (form.get("title") or "").strip() or (upload.filename if isinstance(upload, UploadFile) else "")
    try:
        captured_at = dt.datetime.fromisoformat(form.get("captured_at") or "").replace(tzinfo=clock.zone())
    except ValueError:
        errors["captured_at"] = "请填写取证时间"
    if not errors:
        try:
            await evidence.register_evidence(
                code, case_id, kind=form.get("kind") or "", title=title[:200], content=await upload.read(),
                captured_at=captured_at, collector=principal.username, captured_place=(form.get("place") or "")[:300],
                media_type=upload.content_type or "application/octet-stream")
            return Redirect(f"/web/t/{code}/cases/{case_id}#evidence", status_code=303)
        except Refused as exc:
            errors["file"] = "；".join(r.message for r in exc.refusals)
        except Invalid as exc:
            errors[{"evidence.kind": "kind", "evidence.title": "title"}.get(exc.code, "file")] = exc.message
    return await _case_page(request, code, case_id, status=400 if "captured_at" in errors else 422,
                            evidence_errors=errors)


@get("/web/t/{code:str}/evidence/{evidence_id:int}/content", opt=web_roles(*READERS))
async def evidence_content(code: FromPath[str], evidence_id: FromPath[int]) -> Response:
    """The evidence file, hash checked first (as the API's download); images shown inline for thumbnails."""
    from litestar.response import File

    item, path = await evidence.evidence_file(code, evidence_id)
    media = media_type_of_file(path)
    inline = media.startswith("image/")
    return File(path=path, media_type=media, content_disposition_type="inline" if inline else "attachment",
                filename=f"evidence-{item.id}", etag=None, headers={"ETag": f'"{item.content_sha256}"'})


@post("/web/t/{code:str}/cases/{case_id:int}/documents", opt=web_roles(R.officer, R.approver, R.township_head))
async def render_document(request: Request, code: FromPath[str], case_id: FromPath[int]) -> Response:
    principal = await principal_of(request)
    form = await request.form()
    try:
        await documents.render_document(code, case_id, form.get("template") or "", actor=principal.username)
    except (Invalid, Refused) as exc:
        message = exc.message if isinstance(exc, Invalid) else "；".join(r.message for r in exc.refusals)
        return await _case_page(request, code, case_id, status=422, document_error=message)
    return Redirect(f"/web/t/{code}/cases/{case_id}#documents", status_code=303)


@get("/web/t/{code:str}/documents/{document_id:int}/{fmt:str}", opt=web_roles(*READERS))
async def document_file(code: FromPath[str], document_id: FromPath[int], fmt: FromPath[str]) -> Response:
    """A document as PDF (previewed in the browser) or Word (downloaded), through the document service's hash check."""
    if fmt not in ("pdf", "docx"):
        raise NotFound("document.format", "只有 PDF 与 Word（docx）两种文件")
    content = await documents.document_content(code, document_id, fmt)
    media = "application/pdf" if fmt == "pdf" else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    disposition = "inline" if fmt == "pdf" else "attachment"
    return Response(content, media_type=media, headers={
        "Content-Disposition": f'{disposition}; filename="document-{document_id}.{fmt}"'})


ROUTES = [case_page, perform_action, upload_evidence, evidence_content, render_document, document_file]
