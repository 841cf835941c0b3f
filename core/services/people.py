"""Users with roles, and officers' enforcement certificates (行政执法证)."""

from __future__ import annotations

from argon2 import PasswordHasher
from zhifa.core.db.tables import AppUser, Certificate
from zhifa.core.domain import identifiers
from zhifa.core.domain.passwords import password_problem
from zhifa.core.domain.roles import TOWNSHIP_ROLES, Role
from zhifa.core.registry import get_host
from zhifa.core.rules.people import reviewer_qualification_problem
from zhifa.core.schemas.people import CertificateCreate, CertificateRead, UserCreate, UserRead
from zhifa.core.services.errors import Conflict, Invalid, NotFound
from zhifa.core.services.scope import owned_by, township_scope
from zhifa.core.services.townships import get_department_row, get_township_row

_hasher = PasswordHasher()


def _roles(values: list[str]) -> list[Role]:
    if not values:
        raise Invalid("user.roles_required", "用户至少要有一个角色")
    try:
        return [Role(v) for v in dict.fromkeys(values)]
    except ValueError as exc:
        allowed = "、".join(r.value for r in Role)
        raise Invalid("user.role_unknown", f"未知角色：{exc.args[0]}（可选：{allowed}）", field="roles") from exc


def hash_password(password: str) -> str:
    return _hasher.hash(password)


async def create_user(data: UserCreate, *, password_hash: str | None = None) -> UserRead:
    """Create a user. ``password_hash`` lets a bulk import hash a shared password only once."""
    roles = _roles(data.roles)
    if data.password is not None and (problem := password_problem(
            data.password, user_inputs=[data.username, data.display_name])) is not None:
        raise Invalid("user.password", problem)
    enforcing = {Role.officer, Role.approver, Role.legal_reviewer, Role.township_head} & set(roles)
    if Role.auxiliary in roles and enforcing:
        raise Invalid("user.auxiliary_cannot_enforce", "辅助人员不得同时担任执法、审批、审核或决定角色")
    if Role.township_admin in roles and enforcing:  # the one who manages accounts does not also enforce
        raise Invalid("user.admin_cannot_enforce", "乡镇管理员账号不得同时担任执法、审批、法制审核或决定角色（管理与执法分离）")
    township_id = None
    if data.township and set(roles) - TOWNSHIP_ROLES:
        outside = "、".join(r.value for r in roles if r not in TOWNSHIP_ROLES)
        raise Invalid("user.role_outside_township", f"乡镇人员只能担任乡镇角色，不能担任：{outside}")
    if data.township:
        township = await get_township_row(data.township)
        township_id, county_code = township["id"], township["county_code"]
    elif TOWNSHIP_ROLES & set(roles):
        raise Invalid("user.township_required", "乡镇角色（执法人员、辅助人员、审批人等）必须指定所属乡镇")
    elif data.county_code and identifiers.county_name(data.county_code):
        county_code = data.county_code
    else:
        raise Invalid("user.county_required", "县级用户必须指定有效的县级行政区划代码")
    department_id = None
    if data.department:
        department_id = (await get_department_row(county_code, data.department))["id"]
    elif Role.county_department in roles:
        raise Invalid("user.department_required", "县直部门人员必须指定所属部门")
    if Role.legal_reviewer in roles and (problem := reviewer_qualification_problem(
            data.legal_qualification, data.reviewing_since)) is not None:
        raise Invalid("user.legal_qualification_required", problem)
    if await AppUser.exists().where(AppUser.username == data.username):
        raise Conflict("user.exists", f"用户名 {data.username} 已被使用")
    row = AppUser(
        username=data.username, display_name=data.display_name, county_code=county_code,
        township=township_id, department=department_id, roles=[r.value for r in roles],
        legal_qualification=data.legal_qualification, reviewing_since=data.reviewing_since,
        password_hash=password_hash or (_hasher.hash(data.password) if data.password else None),
    )
    await row.save()
    return await get_user(data.username)


async def add_certificate(username: str, data: CertificateCreate) -> CertificateRead:
    user = await _user_row(username)
    roles = set(user["roles"])
    if Role.auxiliary.value in roles:
        raise Invalid("certificate.auxiliary", "辅助人员不能持有行政执法证，不得从事执法活动")
    if Role.officer.value not in roles:
        raise Invalid("certificate.not_officer", f"{user['display_name']} 不是执法人员，不能登记行政执法证")
    if data.valid_to < data.valid_from:
        raise Invalid("certificate.dates", "执法证有效期截止日早于起始日", field="valid_to")
    registry = get_host().registry
    unknown = [f for f in data.fields if f not in registry.catalogues]
    if not data.fields or unknown:
        raise Invalid("certificate.fields", f"执法证的执法领域无效：{'、'.join(unknown) or '未填写'}")
    if await Certificate.exists().where(Certificate.number == data.number):
        raise Conflict("certificate.exists", f"执法证号 {data.number} 已登记")
    await Certificate(
        user=user["id"], number=data.number, fields=list(data.fields), issuer=data.issuer,
        valid_from=data.valid_from, valid_to=data.valid_to,
    ).save()
    return CertificateRead(
        number=data.number, fields=list(data.fields), issuer=data.issuer,
        valid_from=data.valid_from, valid_to=data.valid_to,
    )


async def _user_row(username: str) -> dict:
    row = await AppUser.select(
        *AppUser.all_columns(), AppUser.township.code.as_alias("township_code")
    ).where(AppUser.username == username).output(load_json=True).first()
    if row is None:
        raise NotFound("user.not_found", f"未找到用户 {username}")
    return row


def verify_password(user_hash: str | None, password: str) -> bool:
    if not user_hash:
        return False
    try:
        return _hasher.verify(user_hash, password)
    except Exception:
        return False


async def get_user(username: str) -> UserRead:
    row = await _user_row(username)
    certs = await Certificate.select().where(Certificate.user == row["id"]).order_by(Certificate.valid_from).output(
        load_json=True
    )
    return UserRead(
        id=row["id"], username=row["username"], display_name=row["display_name"], roles=row["roles"],
        county_code=row["county_code"], township=row["township_code"],
        legal_qualification=row["legal_qualification"], active=row["active"],
        reviewing_since=row.get("reviewing_since"),
        certificates=[
            CertificateRead(number=c["number"], fields=c["fields"], issuer=c["issuer"],
                            valid_from=c["valid_from"], valid_to=c["valid_to"], revoked_on=c["revoked_on"])
            for c in certs
        ],
    )


async def get_township_user(township_code: str, username: str, *, field: str = "username") -> UserRead:
    """A user of this township; anyone else is answered as if no such user existed."""
    scope = await township_scope(township_code)
    await scope.resolve("user", username, AppUser.id, field=field)
    return await get_user(username)


async def list_users(township_code: str) -> list[UserRead]:
    township = await get_township_row(township_code)
    rows = await AppUser.select(AppUser.username).where(owned_by(AppUser, township["id"])).order_by(AppUser.username)
    return [await get_user(r["username"]) for r in rows]
