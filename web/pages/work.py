"""Officers on patrol, phone first: 我的工作 (open cases by nearest deadline) and 线索登记 with photos."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
from litestar.params import FromPath, FromQuery
from litestar import Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.response import Redirect
from zhifa.core import clock
from zhifa.core.domain.roles import Role
from zhifa.core.registry import get_host
from zhifa.core.rules.refusal import Refused
from zhifa.core.schemas import text
from zhifa.core.schemas.cases import ClueCreate
from zhifa.core.services import authorisations, cases, evidence, parties, worklist
from zhifa.core.services.errors import Invalid
from zhifa.core.services.townships import get_township_row
from zhifa.web.access import web_roles
from zhifa.web.labels import SOURCE_NAMES
from zhifa.web.render import page
from zhifa.web.session import principal_of

R = Role
CLUE_ROLES = (R.officer, R.auxiliary, R.approver, R.township_head)  # as POST /townships/{code}/cases
STAFF = (R.township_admin, R.officer, R.auxiliary, R.approver, R.legal_reviewer, R.township_head,
         R.supervisor, R.platform_admin)
PHOTO_BYTES = 50 * 1024 * 1024  # a phone's photos, several per clue


@get("/web/t/{code:str}/work", opt=web_roles(*STAFF))
async def my_work(request: Request, code: FromPath[str], mine: FromQuery[bool] = False) -> Response:
    principal = await principal_of(request)
    township = await get_township_row(code)
    today = clock.today()
    items = await worklist.open_work(code, on=today, officer=principal.username if mine else None)
    names = {code: c.field.name for code, c in get_host().registry.catalogues.items()}
    return page(request, "work.html", title="我的工作", township=code, township_name=township["name"], items=items,
                mine=mine, today=today, field_names=names,
                can_register=bool(principal.roles & {r.value for r in CLUE_ROLES}))


async def _clue_choices(code: str, today: dt.date) -> dict[str, Any]:
    township = await get_township_row(code)
    names = {code: c.field.name for code, c in get_host().registry.catalogues.items()}
    fields = sorted(await authorisations.fields_enabled(township["id"], today))
    powers = await authorisations.effective_powers(code, today)
    return {"fields": [(f, names.get(f, f)) for f in fields], "powers": powers,
            "sources": list(SOURCE_NAMES.items()), "parties": await parties.list_parties(code),
            "township_name": township["name"]}


def _now_local() -> dt.datetime:
    return clock.now_utc().astimezone(clock.zone()).replace(second=0, microsecond=0, tzinfo=None)


@get("/web/t/{code:str}/clues/new", opt=web_roles(*CLUE_ROLES))
async def clue_form(request: Request, code: FromPath[str]) -> Response:
    choices = await _clue_choices(code, clock.today())
    values = {"found_at": _now_local().isoformat(timespec="minutes"), "place": choices["township_name"],
              "source": "patrol"}
    return page(request, "clue_form.html", title="线索登记", township=code, values=values, errors={}, **choices)


def _clue_input(form) -> tuple[dict[str, Any], dict[str, str]]:
    errors: dict[str, str] = {}
    raw = {name: (form.get(name) or "").strip() for name in ("field", "power", "source", "summary", "place", "found_at",
                                                          "party_id")}
    data: dict[str, Any] = {k: raw[k] for k in ("field", "source", "summary", "place")}
    if raw["power"]:
        data["power"] = raw["power"]
    if raw["party_id"]:
        data["party_id"] = int(raw["party_id"]) if raw["party_id"].isdigit() else raw["party_id"]
    try:  # the browser's datetime-local is a local (Asia/Shanghai) time without zone
        data["found_at"] = dt.datetime.fromisoformat(raw["found_at"]).replace(tzinfo=clock.zone()).isoformat()
    except ValueError:
        errors["found_at"] = "请填写发现时间（年-月-日 时:分）"
    return data, errors


@post("/web/t/{code:str}/clues", opt=web_roles(*CLUE_ROLES), request_max_body_size=PHOTO_BYTES)
async def register_clue(request: Request, code: FromPath[str]) -> Response:
    principal = await principal_of(request)
    form = await request.form()
    data, errors = _clue_input(form)
    photos = [f for f in form.getall("photos") if isinstance(f, UploadFile) and f.filename] if "photos" in form else []
    refusals: list = []
    case = None
    if not errors:
        try:
            clue = msgspec.convert(data, ClueCreate, strict=False)
            case = await cases.register_clue(code, clue, actor=principal.username)
        except msgspec.ValidationError as exc:
            field, message = text.explain(exc)
            errors[field or "summary"] = message
        except Invalid as exc:
            errors[_clue_field(exc)] = exc.message
        except Refused as exc:
            refusals = exc.refusals
    if case is None:
        choices = await _clue_choices(code, clock.today())
        values = {k: form.get(k) or "" for k in ("field", "power", "source", "summary", "place", "found_at", "party_id")}
        return page(request, "clue_form.html", status=400 if errors else 422, title="线索登记", township=code,
                    values=values, errors=errors, refusals=refusals, **choices)
    stored, photo_errors = [], []
    for index, photo in enumerate(photos, 1):
        content = await photo.read()
        try:
            item = await evidence.register_evidence(
                code, case.id, kind="audiovisual", title=f"现场照片{index}（{photo.filename}）"[:200], content=content,
                captured_at=clock.now_utc(), collector=principal.username, captured_place=case.place,
                media_type=photo.content_type or "application/octet-stream")
            stored.append(item)
        except Refused as exc:
            photo_errors += [r.message for r in exc.refusals]
        except Invalid as exc:
            photo_errors.append(exc.message)
    reader = bool(principal.roles - {R.auxiliary.value})
    if reader and not photo_errors:
        return Redirect(f"/web/t/{code}/cases/{case.id}", status_code=303)
    return page(request, "clue_done.html", title="线索已登记", township=code, case=case, photos=stored,
                photo_errors=photo_errors, reader=reader)


def _clue_field(exc: Invalid) -> str:
    field = getattr(exc, "field", None) or exc.code.split(".", 1)[-1]
    return {"summary_required": "summary", "scope": "power", "not_found": "party_id"}.get(field, field)


ROUTES = [my_work, clue_form, register_clue]
