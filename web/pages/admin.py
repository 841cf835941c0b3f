"""Township admin: the township's authorisations and its people with their certificates (read: grants
and certificates are the county's to make, as over the API), and the document settings (edited)."""

from __future__ import annotations

from litestar import Request, Response, get, post
from litestar.params import FromPath, FromQuery
from litestar.response import Redirect
from zhifa.core import clock
from zhifa.core.documents import service as documents
from zhifa.core.documents.settings import DocumentSettings, DocumentSettingsChange
from zhifa.core.domain.authorisation import BASIS_NAMES
from zhifa.core.domain.roles import Role
from zhifa.core.registry import get_host
from zhifa.core.services import authorisations, people
from zhifa.core.services.errors import Invalid
from zhifa.core.services.townships import get_township_row
from zhifa.web.access import web_roles
from zhifa.web.render import page

ADMINS = (Role.township_admin,)
LABELS = {
    "number_format": "文号格式", "number_prefix": "机关代字", "subject_name": "执法主体名称（赋权案件）",
    "address": "本机关地址", "phone": "联系电话", "reconsideration_body": "行政复议机关", "court": "管辖法院",
    "payment_bank": "罚款代收机构（银行）", "payment_account": "代收账号", "payment_electronic": "电子缴款方式",
}
HINTS = {
    "number_format": "可用 {short} 机关代字、{code} 文书代字、{year} 年份、{n} 序号、{township} 乡镇简称；须含 {code}、{year}、{n}",
    "subject_name": "缺省：乡镇名称 + 人民政府", "reconsideration_body": "缺省：县级人民政府",
    "court": "缺省：县级基层人民法院",
    "payment_bank": "行政处罚法第六十七条：罚缴分离，决定书须写明缴纳罚款的银行和账号，或者电子缴款方式",
}


async def _page(request: Request, code: str, *, values: dict | None = None, errors: dict | None = None,
                saved: bool = False, status: int = 200) -> Response:
    township = await get_township_row(code)
    settings = await documents.township_documents(code)
    names = {c: cat.field.name for c, cat in get_host().registry.catalogues.items()}
    grants = await authorisations.list_authorisations(code)
    users = await people.list_users(code)
    current = values if values is not None else {k: getattr(settings, k) for k in DocumentSettings.__struct_fields__}
    return page(request, "admin.html", status=status, title="乡镇管理", nav="admin", township=code,
                township_name=township["name"], grants=grants, users=users, field_names=names, today=clock.today(),
                basis_names={b.value: n for b, n in BASIS_NAMES.items()}, labels=LABELS, hints=HINTS,
                values=current, errors=errors or {}, saved=saved)


@get("/web/t/{code:str}/admin", opt=web_roles(*ADMINS))
async def admin(request: Request, code: FromPath[str], saved: FromQuery[bool] = False) -> Response:
    return await _page(request, code, saved=saved)


@post("/web/t/{code:str}/admin/documents", opt=web_roles(*ADMINS))
async def save_documents(request: Request, code: FromPath[str]) -> Response:
    form = await request.form()
    values = {name: str(form.get(name) or "") for name in DocumentSettings.__struct_fields__}
    try:
        await documents.change_township_documents(code, DocumentSettingsChange(**values))
    except Invalid as exc:
        field = exc.field or exc.code.split(".", 1)[-1]
        return await _page(request, code, values=values, errors={field if field in LABELS else "number_format": exc.message},
                           status=400)
    return Redirect(f"/web/t/{code}/admin?saved=1#documents", status_code=303)


ROUTES = [admin, save_documents]
