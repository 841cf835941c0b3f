"""A demo county (桐庐县, 330122) with townships authorised differently, departments, users with
certificates, parties and a few clues — enough to try every listing.

Township codes and names are for demonstration; identity numbers are generated with valid
check characters and belong to nobody.
"""

from __future__ import annotations

import datetime as dt
import functools

from stdnum.cn import ric, uscc
from zhifa.core.db.tables import Case, Township
from zhifa.core.db.transaction import write_transaction
from zhifa.core.registry import get_host
from zhifa.core.services import demo_standards
from zhifa.core.schemas.cases import ClueCreate
from zhifa.core.schemas.people import CertificateCreate, PartyCreate
from zhifa.core.schemas.townships import DepartmentCreate
from zhifa.core.services import cases
from zhifa.core.services.county_config import (
    ApplySummary,
    AuthorisationEntry,
    CountyConfig,
    TownshipEntry,
    UserEntry,
    WithdrawalEntry,
    apply,
)
from zhifa.core.services.inspection_demo import load_demo_inspections
from zhifa.core.services.scope import owned_by

COUNTY = "330122"
DEMO_PASSWORD = "zhifa-demo"  # documented in the README; demo databases only
HENGCUN, FENSHUI, ZHONGSHAN = "330122100", "330122101", "330122200"
START = dt.date(2024, 1, 1)


def resident_id(birth: str, serial: int) -> str:
    body = f"{COUNTY}{birth}{serial:03d}"
    return body + ric.calc_check_digit(body + "0")


def credit_code(body: str) -> str:
    return body + uscc.calc_check_digit(body)


#: 桐庐县's own names where a catalogue names a department kind by description (主管部门, 县级分局 …).
_TONGLU_NAMES = {
    ("agri", "fishery"): "桐庐县农业农村局",  # inland county: fishery administration sits in the 农业农村局
    ("culture", "wenlv"): "桐庐县文化和广电旅游体育局",
    ("culture", "press"): "中共桐庐县委宣传部（桐庐县新闻出版局）",
    ("ecology", "eco"): "杭州市生态环境局桐庐分局",
}
#: How field.toml names a county department generically: the demo county's name replaces it.
_GENERIC_COUNTY = ("县（市、区）", "县级", "县")


def department_name(field: str, kind_code: str, generic: str, county: str = "桐庐县") -> str:
    """The demo county's name of a department kind: 县（市、区）市场监督管理局 → 桐庐县市场监督管理局."""
    if (field, kind_code) in _TONGLU_NAMES:
        return _TONGLU_NAMES[field, kind_code]
    if generic.startswith("乡"):  # the township government itself (乡（镇）人民政府): not a county department
        return generic
    prefix = next((p for p in _GENERIC_COUNTY if generic.startswith(p)), "")
    return f"{county}{generic[len(prefix):]}"


def _departments() -> list[DepartmentCreate]:
    registry = get_host().registry
    return [
        DepartmentCreate(county_code=COUNTY, code=f"{field}-{kind.code}", name=department_name(field, kind.code, kind.name),
                         field=field, kind=kind.code)
        for field, catalogue in sorted(registry.catalogues.items())
        for kind in catalogue.field.departments
    ]


def _owner(field: str, power_code: str | None = None) -> str:
    """The department that owns (and so entrusts) a field's power."""
    catalogue = get_host().registry.catalogues[field]
    kind = catalogue.powers[0].department if power_code is None else get_host().registry.powers[power_code].department
    return f"{field}-{kind}"


def _penalty_powers(field: str, n: int) -> list[str]:
    powers = get_host().registry.powers_of(field, on=dt.date(2026, 1, 1))
    return [p.code for p in powers if p.kind.value == "penalty"][:n]


def _conferred(field: str, doc: str) -> AuthorisationEntry:
    return AuthorisationEntry(field=field, basis="conferred", document_no=doc, valid_from=START)


def _townships() -> list[TownshipEntry]:
    fields = set(get_host().registry.catalogues)
    doc = "浙政函〔2023〕118号"  # 省政府赋权决定（演示）
    hengcun = [_conferred(f, doc) for f in ("urban", "market") if f in fields]
    if "ecology" in fields:
        hengcun += [
            AuthorisationEntry(field="ecology", power=p, basis="entrusted", department=_owner("ecology", p),
                               document_no="桐环委〔2024〕3号", valid_from=START, valid_to=dt.date(2026, 12, 31))
            for p in _penalty_powers("ecology", 3)
        ]
    fenshui = [_conferred("urban", doc)] if "urban" in fields else []
    if "culture" in fields:  # granted, then taken back (上收) mid-2025: old cases stay readable
        fenshui.append(
            AuthorisationEntry(field="culture", basis="entrusted", department=_owner("culture"),
                               document_no="桐文旅委〔2024〕1号", valid_from=START,
                               revoked_on=dt.date(2025, 7, 1), revoked_document_no="桐文旅〔2025〕9号")
        )
    zhongshan = [
        AuthorisationEntry(field=f, basis="entrusted", department=_owner(f), document_no=f"桐{n}委〔2024〕2号", valid_from=START)
        for f, n in (("agri", "农"), ("culture", "文旅")) if f in fields
    ]
    withdrawals = []
    agri = _penalty_powers("agri", 2) if "agri" in fields else []
    if len(agri) == 2:
        withdrawals.append(WithdrawalEntry(field="agri", power=agri[1], on=dt.date(2025, 3, 1), document_no="桐农〔2025〕5号"))
    people = [
        PartyCreate(kind="citizen", name="张三", identifier=resident_id("19850312", 41), address="桐庐县横村镇横村大街8号", phone="13905711234"),
        PartyCreate(kind="citizen", name="李小明", identifier=resident_id("20090605", 52), address="桐庐县分水镇新龙路12号", phone="13805712345"),
        PartyCreate(kind="organisation", name="桐庐县横村镇好味道餐饮店", identifier=credit_code("92330122MA2H0Y5X0"),
                    legal_representative="王五", address="桐庐县横村镇振兴路66号", phone="057164001234"),
        PartyCreate(kind="organisation", name="杭州富春建设工程有限公司", identifier=credit_code("91330122MA27XK3P0"),
                    legal_representative="赵六", address="桐庐县城南街道迎春南路100号", phone="057164005678"),
    ]
    return [
        TownshipEntry(code=HENGCUN, name="横村镇", short_name="横综执", authorisations=hengcun, parties=people),
        TownshipEntry(code=FENSHUI, name="分水镇", short_name="分综执", authorisations=fenshui, parties=people[:2]),
        TownshipEntry(code=ZHONGSHAN, name="钟山乡", short_name="钟综执", authorisations=zhongshan, withdrawals=withdrawals,
                      parties=people[2:]),
    ]


def _users() -> list[UserEntry]:
    fields = sorted(get_host().registry.catalogues)
    users = [
        UserEntry(username="admin", display_name="县平台管理员", roles=["platform_admin"], password=DEMO_PASSWORD),
        UserEntry(username="jiandu", display_name="县司法局执法监督科", roles=["supervisor"], password=DEMO_PASSWORD),
        # 县直部门联络员: sign in and see the referrals (乡呼县应) addressed to their department
        UserEntry(username="amr-liaison", display_name="县市场监督管理局联络员", roles=["county_department"],
                  department="market-county_amr", password=DEMO_PASSWORD),
        UserEntry(username="zrgh-liaison", display_name="县自然资源和规划局联络员", roles=["county_department"],
                  department="urban-zrgh", password=DEMO_PASSWORD),
    ]
    def certificate(township: str, n: int, valid_to: dt.date = dt.date(2029, 12, 31)) -> CertificateCreate:
        return CertificateCreate(number=f"浙A{township[-3:]}{n:04d}", fields=fields, issuer="浙江省人民政府",
                                 valid_from=dt.date(2023, 1, 1), valid_to=valid_to)

    for prefix, township in (("hc", HENGCUN), ("fs", FENSHUI), ("zs", ZHONGSHAN)):
        users += [
            UserEntry(username=f"{prefix}-admin", display_name="乡镇管理员", roles=["township_admin"], township=township, password=DEMO_PASSWORD),
            UserEntry(username=f"{prefix}-officer1", display_name="执法队员甲", roles=["officer"], township=township,
                      password=DEMO_PASSWORD, certificates=[certificate(township, 1)]),
            UserEntry(username=f"{prefix}-officer2", display_name="执法队员乙", roles=["officer"], township=township,
                      password=DEMO_PASSWORD, certificates=[certificate(township, 2)]),
            UserEntry(username=f"{prefix}-officer3", display_name="执法队员丙（证件已过期）", roles=["officer"], township=township,
                      password=DEMO_PASSWORD, certificates=[certificate(township, 3, dt.date(2025, 6, 30))]),
            UserEntry(username=f"{prefix}-aux", display_name="协管员", roles=["auxiliary"], township=township, password=DEMO_PASSWORD),
            UserEntry(username=f"{prefix}-captain", display_name="执法队长", roles=["officer", "approver"], township=township,
                      password=DEMO_PASSWORD, certificates=[certificate(township, 4)]),
            UserEntry(username=f"{prefix}-legal", display_name="法制审核员", roles=["legal_reviewer"], township=township,
                      legal_qualification=True, password=DEMO_PASSWORD),
            UserEntry(username=f"{prefix}-head", display_name="分管副镇长", roles=["township_head"], township=township, password=DEMO_PASSWORD),
        ]
    return users


def demo_config() -> CountyConfig:
    return CountyConfig(county_code=COUNTY, departments=_departments(), townships=_townships(), users=_users())


async def _clues() -> int:
    """A few clues: current ones, and one in culture at 分水镇 before the field was taken back."""
    registry = get_host().registry
    made = 0
    plans = [
        (HENGCUN, "urban", "patrol", "横村大街沿街店铺未经批准设置大型户外广告牌", dt.datetime(2026, 10, 9, 9, 30)),
        (HENGCUN, "market", "complaint", "群众投诉振兴路一食品店销售超过保质期的食品", dt.datetime(2026, 10, 20, 14, 0)),
        (FENSHUI, "urban", "grid", "网格员上报新龙路一处在建房屋未取得规划许可", dt.datetime(2026, 9, 2, 10, 15)),
        (FENSHUI, "culture", "patrol", "巡查发现一网吧接纳未成年人上网", dt.datetime(2025, 5, 20, 21, 40)),
        (ZHONGSHAN, "agri", "hotline", "12345 热线反映有人在禁渔期使用电鱼工具捕捞", dt.datetime(2026, 4, 15, 20, 5)),
    ]
    zone = dt.timezone(dt.timedelta(hours=8))
    for township, field, source, summary, found in plans:
        if field not in registry.catalogues:
            continue
        tid = (await Township.select(Township.id).where(Township.code == township).first())["id"]
        if await Case.exists().where(owned_by(Case, tid) & (Case.summary == summary)):
            continue
        prefix = {HENGCUN: "hc", FENSHUI: "fs", ZHONGSHAN: "zs"}[township]
        await cases.register_clue(
            township, ClueCreate(field=field, source=source, summary=summary, found_at=found.replace(tzinfo=zone), place=summary[:6]),
            actor=f"{prefix}-aux",
        )
        made += 1
    return made


class DemoSummary(ApplySummary, kw_only=True):
    clues: int = 0


@functools.cache
def _demo_hash() -> str:
    """The demo password is public; hash it once per process, not once per demo import."""
    from zhifa.core.services.people import hash_password

    return hash_password(DEMO_PASSWORD)


#: Each demo township's own payment details for its conferred (赋权) cases — demo values, marked so on
#: every decision printed. The entrusting departments are left unconfigured: a decision under 委托
#: names the department's bank, which the county sets (POST …/settings/documents is the township's).
DEMO_PAYMENT = {"payment_bank": "中国农业银行桐庐县支行（演示）", "payment_account": "演示账号 19-000000000000000"}


async def _document_settings() -> None:
    from zhifa.core.documents.service import configure_documents

    for township in _townships():
        await configure_documents(township.code, DEMO_PAYMENT)


async def load_demo() -> DemoSummary:
    async with write_transaction():
        summary = await apply(demo_config(), {DEMO_PASSWORD: _demo_hash()})
        clues = await _clues()
        await _document_settings()
        await load_demo_inspections()  # 双随机、一公开: 横村镇's directories and a plan
    await demo_standards.load()  # 桐庐县's demo standards, as a county would load its own (zhifa catalogue apply)
    return DemoSummary(**{f: getattr(summary, f) for f in summary.__struct_fields__}, clues=clues)
