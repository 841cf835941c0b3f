"""The shape of a field catalogue (执法事项清单、裁量基准、首违不罚清单、听证标准、文书模板).

A field plugin ships its catalogue as TOML files in a ``catalogue/`` folder of its package;
they decode into these structs. Amounts are Decimal yuan; dates are local calendar dates.
See docs/catalogue-format.md for every field explained.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum

import msgspec
from zhifa.core.vocabulary import PENALTY_NAMES  # noqa: F401  (re-exported; the labels live in core.vocabulary)


class PowerKind(str, Enum):
    """执法事项类型."""

    penalty = "penalty"  # 行政处罚
    inspection = "inspection"  # 行政检查
    coercive = "coercive"  # 行政强制
    other = "other"  # 其他


class MeasureKind(str, Enum):
    """What a coercive power does (行政强制法第九条 measures, 第十二条 execution); closed: nothing else is accepted."""

    seal_up = "seal_up"  # 查封 (第九条第二项)
    detain = "detain"  # 扣押 (第九条第三项)
    isolate = "isolate"  # 隔离 (第九条第五项 其他行政强制措施)
    demolish = "demolish"  # 强制拆除 (第十二条第六项 其他强制执行方式; 第四十四条)
    perform_for = "perform_for"  # 代履行 (第十二条第五项)


class Measure(msgspec.Struct, forbid_unknown_fields=True):
    """One measure a coercive power provides, with the words of its own basis that provide it."""

    kind: MeasureKind
    article: str  # the article (item) of the entry's basis law that provides it
    text: str  # quoted from the entry's basis text


class PenaltyKind(str, Enum):
    """行政处罚的种类 (行政处罚法 第9条). Detention is the police's alone and is absent on purpose."""

    warning = "warning"  # 警告
    circulated_criticism = "circulated_criticism"  # 通报批评
    fine = "fine"  # 罚款
    confiscate_gains = "confiscate_gains"  # 没收违法所得
    confiscate_property = "confiscate_property"  # 没收非法财物
    suspend_licence = "suspend_licence"  # 暂扣许可证件
    lower_qualification = "lower_qualification"  # 降低资质等级
    revoke_licence = "revoke_licence"  # 吊销许可证件
    restrict_business = "restrict_business"  # 限制开展生产经营活动
    suspend_business = "suspend_business"  # 责令停产停业
    close = "close"  # 责令关闭
    restrict_employment = "restrict_employment"  # 限制从业
    demolish = "demolish"  # 责令限期拆除 (城乡规划法 第六十四条等; 较重的处罚, 给予听证)
    other = "other"  # 法律、行政法规规定的其他行政处罚


class FineForm(str, Enum):
    """How the statute states the fine."""

    range = "range"  # 处五千元以上三万元以下罚款 (min may be 0: 处五千元以下罚款)
    multiple = "multiple"  # 货值金额/违法所得 N 倍以上 M 倍以下, optionally with a floor range for small bases
    percentage = "percentage"  # 工程造价百分之五以上百分之十以下
    per_unit = "per_unit"  # 每平方米/每只/每日 N 元以上 M 元以下
    local = "local"  # 法律规定可以罚款但未设数额，由地方性法规或规章规定 (min = max = 0 here)


class PartyScope(str, Enum):
    """Which parties a statutory fine or threshold applies to."""

    any = "any"
    citizen = "citizen"  # 公民（自然人）
    organisation = "organisation"  # 法人或者其他组织


class Provision(msgspec.Struct, forbid_unknown_fields=True):
    """A legal provision with its text, as printed on documents."""

    law: str  # 《中华人民共和国城乡规划法》
    article: str  # 第六十四条 / 第一百二十四条第一款第五项
    text: str  # the article text
    version: dt.date | None = None  # date the cited version took effect


class StatutoryFine(msgspec.Struct, forbid_unknown_fields=True):
    """One statutory fine of a power, for one situation and party scope.

    Units of ``min``/``max`` follow ``form``: yuan for range; a multiple for multiple;
    percent for percentage; yuan per unit for per_unit.
    """

    form: FineForm
    min: Decimal
    max: Decimal
    situation: str = "default"  # default | not_corrected | serious | … (referenced by standards)
    situation_text: str = ""  # 情节严重的 / 逾期不改正的
    party: PartyScope = PartyScope.any
    optional: bool = False  # 可以并处 / 并可处: the fine may be omitted
    base: str = ""  # multiple/percentage: goods_value | illegal_gains | construction_cost | income
    base_text: str = ""  # 货值金额 / 违法所得 / 工程造价
    unit: str = ""  # per_unit: 平方米 / 只 / 日
    floor_below: Decimal | None = None  # multiple: base under this amount uses the floor range instead
    floor_min: Decimal | None = None  # yuan
    floor_max: Decimal | None = None  # yuan


class DirectCircumstance(msgspec.Struct, forbid_unknown_fields=True):
    """A circumstance a two-stage provision punishes at once, with no order to correct first (情节严重的 in
    “拒不改正或者情节严重的，处……罚款”, or “情节严重的，责令停产停业，直至吊销许可证”)."""

    situation: str  # the case's situation (调查终结 facts.situation, 当场处罚 situation); its fine is ``fines``' for it
    text: str  # the penalty provision's own words for it and what it attaches, quoted from ``penalised.text``
    penalties: list[PenaltyKind] = []  # the kinds of ``penalties`` it attaches (beside ``immediate_penalties``)
    defined_by: Provision | None = None  # where the law spells the circumstance out (食品安全法实施条例第六十七条)


class Power(msgspec.Struct, forbid_unknown_fields=True):
    """执法事项: one enforcement power of a field."""

    code: str  # stable, e.g. URBAN-CF-001; never reused
    name: str
    kind: PowerKind
    department: str  # code of a department kind declared in field.toml (the county owner, 划出部门)
    valid_from: dt.date
    valid_to: dt.date | None = None
    external_code: str = ""  # provincial 权力事项编码, where known
    violated: Provision | None = None  # 违法条款 (penalties)
    penalised: Provision | None = None  # 罚则条款 (penalties)
    basis: Provision | None = None  # 实施依据 (inspection, coercive, other)
    measures: list[Measure] = []  # coercive only: what the basis provides (行政强制法第十条), each with its words
    penalties: list[PenaltyKind] = []  # non-monetary kinds the provision provides (fine goes in fines)
    fines: list[StatutoryFine] = []
    two_stage: bool = False  # 责令改正后拒不改正才处罚
    # two_stage only: what the law imposes at once, before any failure to correct —
    # kinds of ``penalties`` given together with the order to correct (食安法第一百二十六条: 责令改正，给予警告)
    immediate_penalties: list[PenaltyKind] = []
    # circumstances punished directly, without an order first (情节严重的), each with the provision's words
    direct: list[DirectCircumstance] = []
    five_year_limitation: bool = False  # 涉及公民生命健康安全、金融安全 (第36条)
    note: str = ""  # internal drafting note: shown to catalogue authors, never printed on a document
    succeeds: str = ""  # code of the earlier version of this provision (从旧兼从轻)
    region: str = ""  # where it applies: "" national, else a division-code prefix ("33" 浙江省, "4403" 深圳市)
    repealed: bool = False  # valid_to is a repeal with no successor: acts after it are no longer punished
    repealed_by: str = ""  # the text that repealed it (required with repealed)


class Tier(msgspec.Struct, forbid_unknown_fields=True):
    """裁量阶次: one tier of a discretion standard. Units follow the statutory fine's form."""

    code: str  # light | ordinary | heavy | severe … (names are data, not code)
    name: str  # 从轻 / 一般 / 从重 / 较重 / 严重
    facts: str  # 适用情形
    min: Decimal | None = None
    max: Decimal | None = None
    floor_min: Decimal | None = None  # multiple forms: range for small bases, in yuan
    floor_max: Decimal | None = None
    fine: bool = True  # False: the tier imposes no fine (only allowed where the fine is optional)
    penalties: list[PenaltyKind] = []  # non-monetary penalties applied in this tier


class DiscretionStandard(msgspec.Struct, forbid_unknown_fields=True):
    """裁量基准 for one power and one statutory fine situation."""

    code: str
    power: str  # Power.code
    name: str
    source: str  # 基准来源 (document, issuer, year)
    valid_from: dt.date
    tiers: list[Tier]
    situation: str = "default"  # which StatutoryFine of the power it splits
    party: PartyScope = PartyScope.any
    valid_to: dt.date | None = None
    region: str = ""  # "" national, else a division-code prefix: a province's or city's own standard
    example: bool = False  # an illustrative split, not a published standard: never the basis of a decision


class NoPenaltyKind(str, Enum):
    first_violation = "first_violation"  # 首违不罚 (第33条第1款后段, 可以不予)
    minor = "minor"  # 轻微不罚 (第33条第1款前段, 不予)


class NoPenaltyItem(msgspec.Struct, forbid_unknown_fields=True):
    """An entry of the field's 首违不罚 / 轻微不罚 list."""

    code: str
    power: str
    kind: NoPenaltyKind
    conditions: str
    source: str
    valid_from: dt.date
    valid_to: dt.date | None = None
    region: str = ""  # "" national, else the division-code prefix of the region that published the list


class HearingThreshold(msgspec.Struct, forbid_unknown_fields=True):
    """听证 较大数额: fines at or above (or above) ``amount`` give the party a hearing right."""

    code: str
    issuer: str  # 国家市场监督管理总局 / 江西省人民政府 …
    basis: str  # 市场监督管理行政处罚听证办法 第五条
    party: PartyScope
    amount: Decimal
    inclusive: bool = True  # True: ≥ amount; False: > amount
    valid_from: dt.date = dt.date(2021, 7, 15)
    valid_to: dt.date | None = None
    powers: list[str] = []  # empty: every penalty power of the field
    region: str = ""  # administrative division prefix it applies in ("" = national)


class TemplateDeclaration(msgspec.Struct, forbid_unknown_fields=True):
    """A document template (执法文书) shipped as a Word file in the plugin package."""

    code: str  # e.g. urban.demolition_order
    name: str  # 限期拆除决定书
    file: str  # path relative to the plugin package, e.g. templates/demolition_order.docx
    number_code: str = ""  # 文书代字 for numbering, e.g. 拆决
    stage: str = ""  # procedure step it belongs to: filing | investigation | notice | decision | execution …
    powers: list[str] = []  # empty: any power of the field
    overrides: str = ""  # code of a core template it replaces for this field


class DepartmentKind(msgspec.Struct, forbid_unknown_fields=True):
    """A kind of county department that owns powers of the field (县住建局, 县市场监管局 …)."""

    code: str
    name: str


class PackSource(msgspec.Struct, forbid_unknown_fields=True):
    """A published text a regional pack was built from."""

    title: str  # 《浙江省城市市容和环境卫生管理条例》
    issuer: str = ""  # 浙江省人民代表大会常务委员会
    version: str = ""  # 2021年9月29日修正
    url: str = ""


class PackInfo(msgspec.Struct, forbid_unknown_fields=True):
    """pack.toml: a regional pack extending one field with a region's own law.

    Every entry of the pack applies in ``region`` (an entry may name a narrower region inside it).
    """

    field: str  # the field it extends: urban | market | …
    region: str  # division-code prefix: "33" 浙江省, "3301" 杭州市
    name: str  # 浙江省
    sources: list[PackSource] = []
    description: str = ""


class LawChange(msgspec.Struct, forbid_unknown_fields=True):
    """A law the field cites that another text replaces (a code, a revision) before the catalogue has it."""

    law: str  # 《中华人民共和国大气污染防治法》
    replaced_by: str  # 《中华人民共和国生态环境法典》
    effective: dt.date  # the day the replacement takes effect
    adopted: dt.date | None = None
    verified: bool = False  # the replacement's official text was checked; False: from reports only
    source: str = ""
    note: str = ""


class FieldInfo(msgspec.Struct, forbid_unknown_fields=True):
    """field.toml: the field itself."""

    code: str  # urban | market | ecology | agri | culture | …
    name: str  # 城市管理
    departments: list[DepartmentKind]
    description: str = ""
    # laws cited here that are replaced before the catalogue holds the replacement: every computation for a
    # decision on or after ``effective`` warns the officer (Recommendation.law_notices); never printed
    law_changes: list[LawChange] = []


# The files of a catalogue folder and the top-level key each holds.
class PowersFile(msgspec.Struct, forbid_unknown_fields=True):
    powers: list[Power]


class StandardsFile(msgspec.Struct, forbid_unknown_fields=True):
    standards: list[DiscretionStandard] = []


class NoPenaltyFile(msgspec.Struct, forbid_unknown_fields=True):
    items: list[NoPenaltyItem] = []


class HearingFile(msgspec.Struct, forbid_unknown_fields=True):
    thresholds: list[HearingThreshold] = []


class TemplatesFile(msgspec.Struct, forbid_unknown_fields=True):
    templates: list[TemplateDeclaration] = []


class Catalogue(msgspec.Struct):
    """A field's whole catalogue, decoded and validated."""

    field: FieldInfo
    powers: list[Power]
    standards: list[DiscretionStandard]
    no_penalty: list[NoPenaltyItem]
    hearing_thresholds: list[HearingThreshold]
    templates: list[TemplateDeclaration]
    plugin: str = ""  # name of the plugin that declared it
    root: str = ""  # folder the files were read from
    pack: PackInfo | None = None  # set when the folder is a regional pack (pack.toml) rather than a field
