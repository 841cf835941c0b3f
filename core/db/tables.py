"""The core's tables (Piccolo). Records only: no business rule lives here.

Every table a township owns carries ``township`` and every unique key includes it, so the
schema can be sharded by township on a distributed PostgreSQL. Tables that are not owned by a
township (townships themselves, county departments, user accounts, certificates) are small
reference tables replicated to every shard.

Composite unique keys are unique indexes created by migration 0002 (SQLite cannot add
constraints to an existing table); ``UNIQUE_KEYS`` lists them and a test reads them back
from the live schema.
"""

from __future__ import annotations

from piccolo.columns import (
    JSON,
    BigInt,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.columns.base import OnDelete
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

# ---------------------------------------------------------------------------------------------
# Reference tables
# ---------------------------------------------------------------------------------------------


class Township(Table, tablename="township"):
    """乡镇（街道）: a tenant. ``code`` is its administrative division code."""

    code = Varchar(length=12, unique=True)
    name = Varchar(length=100)
    county_code = Varchar(length=6, index=True)
    short_name = Varchar(length=20)  # 文号用简称, e.g. 浦综执
    settings = JSON(default={})  # zhifa.core.rules.facts.ProcedureSettings
    created_at = Timestamptz(default=TimestamptzNow())


class Department(Table, tablename="department"):
    """县直部门: a county department that owns and may entrust powers."""

    county_code = Varchar(length=6, index=True)
    code = Varchar(length=40)
    name = Varchar(length=100)
    kind = Varchar(length=40)  # department kind declared by a field catalogue, e.g. zjj
    field = Varchar(length=40)
    # 委托: the department's document settings (DocumentSettings fields), set by the county
    documents = JSON(default={})
    created_at = Timestamptz(default=TimestamptzNow())


class AppUser(Table, tablename="app_user"):
    """A person who signs in. Roles are a list of ``zhifa.core.domain.roles.Role`` values."""

    username = Varchar(length=64, unique=True)
    display_name = Varchar(length=100)
    county_code = Varchar(length=6, index=True)
    township = ForeignKey(Township, null=True, on_delete=OnDelete.restrict)
    department = ForeignKey(Department, null=True, on_delete=OnDelete.restrict)
    roles = JSON(default=[])
    legal_qualification = Boolean(default=False)  # 法律职业资格 (法制审核人员, 第58条)
    # 首次从事行政处罚决定法制审核之日: before 2021-07-15 a reviewer is not 初次从事 under 第58条第2款
    reviewing_since = Date(null=True, default=None)
    password_hash = Varchar(length=200, null=True, default=None)
    active = Boolean(default=True)
    created_at = Timestamptz(default=TimestamptzNow())


class Certificate(Table, tablename="certificate"):
    """行政执法证: only holders of a valid certificate covering the field may enforce."""

    user = ForeignKey(AppUser, on_delete=OnDelete.restrict)
    number = Varchar(length=40, unique=True)
    fields = JSON(default=[])  # field codes covered
    issuer = Varchar(length=100)
    valid_from = Date()
    valid_to = Date()
    revoked_on = Date(null=True, default=None)
    created_at = Timestamptz(default=TimestamptzNow())


# ---------------------------------------------------------------------------------------------
# Township-owned tables
# ---------------------------------------------------------------------------------------------


class Authorisation(Table, tablename="authorisation"):
    """A grant of a field (``power`` empty) or one power to a township, or a withdrawal (上收).

    Rows are never deleted: disabling sets ``revoked_on``, so history stays answerable.
    """

    township = ForeignKey(Township, on_delete=OnDelete.restrict)
    kind = Varchar(length=12)  # grant | withdrawal
    field = Varchar(length=40)
    power = Varchar(length=40, null=True, default=None)
    basis = Varchar(length=12, null=True, default=None)  # entrusted 委托 | conferred 赋权
    department = ForeignKey(Department, null=True, on_delete=OnDelete.restrict)
    document_no = Varchar(length=120)
    valid_from = Date()
    valid_to = Date(null=True, default=None)
    revoked_on = Date(null=True, default=None)
    revoked_document_no = Varchar(length=120, null=True, default=None)
    created_at = Timestamptz(default=TimestamptzNow())


class Party(Table, tablename="party"):
    """当事人: a citizen (居民身份证号码) or an organisation (统一社会信用代码)."""

    township = ForeignKey(Township, on_delete=OnDelete.restrict)
    kind = Varchar(length=16)  # citizen | organisation
    name = Varchar(length=200)
    identifier = Varchar(length=18)
    legal_representative = Varchar(length=100, null=True, default=None)
    address = Varchar(length=300, default="")
    phone = Varchar(length=30, default="")
    birth_date = Date(null=True, default=None)  # citizens, from the ID number
    created_at = Timestamptz(default=TimestamptzNow())


class CaseImport(Table, tablename="case_import"):
    """One file of historical cases imported (``zhifa import cases``): all its rows or none.

    ``file_sha256`` is unique with the township, so the same file is never imported twice; each
    imported case names its batch (``Case.import_batch``) and has a ``case_imported`` event.
    """

    township = ForeignKey(Township, on_delete=OnDelete.restrict)
    file_name = Varchar(length=300)
    file_sha256 = Varchar(length=64)
    cases = Integer(default=0)
    first_seq = BigInt(default=0)  # the chain's seq of the batch's first event
    last_seq = BigInt(default=0)
    imported_by = ForeignKey(AppUser, null=True, on_delete=OnDelete.restrict)
    imported_at = Timestamptz(default=TimestamptzNow())


class Case(Table, tablename="enforcement_case"):
    """案件: from the registered clue onwards. ``number`` is given when the case is filed."""

    township = ForeignKey(Township, on_delete=OnDelete.restrict)
    number = Varchar(length=60, null=True, default=None)  # 立案编号, e.g. 浦综执立〔2026〕12号
    procedure = Varchar(length=12, default="general")  # general | simple
    status = Varchar(length=30, default="clue")
    field = Varchar(length=40)
    power = Varchar(length=40, null=True, default=None)
    source = Varchar(length=30)  # patrol | complaint | hotline | grid | …
    summary = Text()
    place = Varchar(length=300, default="")
    found_at = Timestamptz()
    act_date = Date(null=True, default=None)  # 违法行为发生日（持续的为终了日）
    reporter = JSON(default={})
    party = ForeignKey(Party, null=True, on_delete=OnDelete.restrict)
    filed_on = Date(null=True, default=None)
    facts = JSON(default={})  # zhifa.core.procedure.casefile.CaseFile
    resume_status = Varchar(length=30, null=True, default=None)  # status to return to after 中止
    # the 90-day clock's last day while it runs and is fixed (rules.deadlines.fixed_decision_due); indexed
    decision_due = Date(null=True, default=None)
    version = Integer(default=1)  # optimistic concurrency
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())
    # imported history (``zhifa import cases``): the file it came from; None for cases carried through the procedure
    import_batch = ForeignKey(CaseImport, null=True, on_delete=OnDelete.restrict)


class CaseSequence(Table, tablename="case_sequence"):
    """Gap-free numbering per township, year and kind (立案编号, 文书文号)."""

    township = ForeignKey(Township, on_delete=OnDelete.restrict)
    year = Integer()
    kind = Varchar(length=30)
    last_value = Integer(default=0)


class Evidence(Table, tablename="evidence"):
    """证据: content-addressed from capture (sha256), one of the 8 legal kinds (第46条)."""

    township = ForeignKey(Township, on_delete=OnDelete.restrict)
    case = ForeignKey(Case, on_delete=OnDelete.restrict)
    kind = Varchar(length=30)
    title = Varchar(length=200)
    content_sha256 = Varchar(length=64)
    size_bytes = BigInt()
    media_type = Varchar(length=100, default="application/octet-stream")
    storage_key = Varchar(length=200)
    captured_at = Timestamptz()
    captured_place = Varchar(length=300, default="")
    collector = ForeignKey(AppUser, on_delete=OnDelete.restrict)
    created_at = Timestamptz(default=TimestamptzNow())


class Event(Table, tablename="case_event"):
    """The append-only, hash-chained record of everything that happened (全过程记录).

    One chain per township: ``seq`` counts from 1, ``prev_hash`` is the hash of event
    ``seq - 1``. Database triggers refuse UPDATE and DELETE.
    """

    township = ForeignKey(Township, on_delete=OnDelete.restrict)
    seq = BigInt()
    case = ForeignKey(Case, null=True, on_delete=OnDelete.restrict)
    kind = Varchar(length=60)
    actor = ForeignKey(AppUser, null=True, on_delete=OnDelete.restrict)
    occurred_at = Timestamptz()
    place = Varchar(length=300, default="")
    payload = JSON(default={})
    prev_hash = Varchar(length=64)
    hash = Varchar(length=64)


class CaseOfficer(Table, tablename="case_officer"):
    """承办人: the officers assigned to a case, kept beside the case file so lists can filter by them."""

    township = ForeignKey(Township, on_delete=OnDelete.restrict)
    case = ForeignKey(Case, on_delete=OnDelete.restrict)
    user = ForeignKey(AppUser, on_delete=OnDelete.restrict)


class ApiToken(Table, tablename="api_token"):
    """A sign-in token for the API. Only its sha256 is stored; the token itself is shown once."""

    user = ForeignKey(AppUser, on_delete=OnDelete.restrict)
    token_sha256 = Varchar(length=64, unique=True)
    created_at = Timestamptz(default=TimestamptzNow())
    expires_at = Timestamptz()
    revoked_at = Timestamptz(null=True, default=None)


class LoginAttempt(Table, tablename="login_attempt"):
    """Every sign-in attempt, kept for throttling and for the audit of who tried what."""

    username = Varchar(length=64, index=True)
    remote = Varchar(length=64, default="")
    at = Timestamptz(default=TimestamptzNow())
    succeeded = Boolean(default=False)


# ---------------------------------------------------------------------------------------------
# 双随机、一公开: random inspections (zhifa.core.services.inspections)
# ---------------------------------------------------------------------------------------------


class InspectionDirectory(Table, tablename="inspection_directory"):
    """The version of a township's directory (``kind``: targets | inspectors), bumped on each change."""

    township = ForeignKey(Township, on_delete=OnDelete.restrict)
    kind = Varchar(length=20)
    version = Integer(default=0)
    updated_at = Timestamptz(default=TimestamptzNow())


class InspectionTarget(Table, tablename="inspection_target"):
    """检查对象名录库: one market entity in one field's directory, with its credit risk class."""

    township = ForeignKey(Township, on_delete=OnDelete.restrict)
    field = Varchar(length=40)
    kind = Varchar(length=16)  # organisation | individual (个体工商户)
    name = Varchar(length=200)
    identifier = Varchar(length=18)  # 统一社会信用代码
    operator = Varchar(length=100, null=True, default=None)  # 经营者 / 法定代表人
    address = Varchar(length=300, default="")
    risk_class = Varchar(length=4)  # A | B | C | D (信用风险分类)
    active = Boolean(default=True)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class InspectionInspector(Table, tablename="inspection_inspector"):
    """执法检查人员名录库: a member; eligibility (a valid certificate) is judged at each draw."""

    township = ForeignKey(Township, on_delete=OnDelete.restrict)
    user = ForeignKey(AppUser, on_delete=OnDelete.restrict)
    active = Boolean(default=True)
    created_at = Timestamptz(default=TimestamptzNow())


class InspectionRecusal(Table, tablename="inspection_recusal"):
    """回避: the inspector is never drawn for the target (kinship, interest …)."""

    township = ForeignKey(Township, on_delete=OnDelete.restrict)
    user = ForeignKey(AppUser, on_delete=OnDelete.restrict)
    target = ForeignKey(InspectionTarget, on_delete=OnDelete.restrict)
    reason = Varchar(length=300)
    created_at = Timestamptz(default=TimestamptzNow())


class InspectionPlan(Table, tablename="inspection_plan"):
    """抽查计划（任务）: field, ratio per risk class, inspectors per target, inspection window."""

    township = ForeignKey(Township, on_delete=OnDelete.restrict)
    field = Varchar(length=40)
    title = Varchar(length=200)
    ratios = JSON(default={})  # risk class -> percent (decimal string)
    per_target = Integer(default=2)
    starts_on = Date()
    ends_on = Date()
    rotation = Boolean(default=False)  # exclude last draw's inspector of the same target
    created_by = ForeignKey(AppUser, null=True, on_delete=OnDelete.restrict)
    created_at = Timestamptz(default=TimestamptzNow())


class InspectionDraw(Table, tablename="inspection_draw"):
    """One recorded draw: seed, directory versions and hashes, the inputs and the result."""

    township = ForeignKey(Township, on_delete=OnDelete.restrict)
    plan = ForeignKey(InspectionPlan, on_delete=OnDelete.restrict)
    seq = Integer()  # 1, 2, … within the plan
    seed = Varchar(length=40)
    algorithm = Varchar(length=40)
    target_directory_version = Integer()
    target_directory_hash = Varchar(length=64)
    inspector_directory_version = Integer()
    inspector_directory_hash = Varchar(length=64)
    inputs = JSON(default={})  # zhifa.core.inspections.draw.DrawInput
    result = JSON(default={})  # zhifa.core.inspections.draw.DrawResult
    result_hash = Varchar(length=64)
    drawn_at = Timestamptz(default=TimestamptzNow())
    drawn_by = ForeignKey(AppUser, null=True, on_delete=OnDelete.restrict)


class InspectionResult(Table, tablename="inspection_result"):
    """抽查结果 of one drawn target, and its publication (抽查结果公示)."""

    township = ForeignKey(Township, on_delete=OnDelete.restrict)
    draw = ForeignKey(InspectionDraw, on_delete=OnDelete.restrict)
    target = ForeignKey(InspectionTarget, on_delete=OnDelete.restrict)
    inspectors = JSON(default=[])  # usernames
    inspected_at = Timestamptz()
    inspected_on = Date()  # local legal date of inspected_at
    outcome = Varchar(length=30)
    note = Text(default="")
    case = ForeignKey(Case, null=True, on_delete=OnDelete.restrict)  # clue registered from it
    recorded_by = ForeignKey(AppUser, null=True, on_delete=OnDelete.restrict)
    recorded_at = Timestamptz(default=TimestamptzNow())
    publish_due = Date(null=True, default=None)
    published_on = Date(null=True, default=None)



# ---------------------------------------------------------------------------------------------
# 公示 and 乡呼县应 (zhifa.core.services.publication, zhifa.core.services.referrals)
# ---------------------------------------------------------------------------------------------


class Publication(Table, tablename="publication"):
    """公示: a decision queued for publication, its masked public record, withdrawal and take-down."""

    township = ForeignKey(Township, on_delete=OnDelete.restrict)
    case = ForeignKey(Case, on_delete=OnDelete.restrict)
    kind = Varchar(length=12)  # penalty | other (which due period applies)
    decision_kind = Varchar(length=30)  # penalty | no_penalty_minor
    decided_on = Date()
    due_days = Integer()  # working days, as configured when queued
    due_on = Date(null=True, default=None)  # None: the working-day calendar does not cover it yet
    status = Varchar(length=20, default="queued")  # queued | published | withdrawal_due | withdrawn | cancelled | taken_down
    published_on = Date(null=True, default=None)
    display_until = Date(null=True, default=None)
    record = JSON(default={})  # the masked public record (zhifa.core.schemas.publication.PublicRecord)
    withdraw_reason = Text(default="")
    withdraw_requested_on = Date(null=True, default=None)
    withdraw_due_on = Date(null=True, default=None)
    withdrawn_on = Date(null=True, default=None)
    cancelled_on = Date(null=True, default=None)
    taken_down_on = Date(null=True, default=None)
    created_at = Timestamptz(default=TimestamptzNow())


class Referral(Table, tablename="referral"):
    """乡呼县应: a matter beyond the township's powers sent to a county department, and its answer."""

    township = ForeignKey(Township, on_delete=OnDelete.restrict)
    number = Varchar(length=60)  # e.g. 横综执呼〔2026〕1号
    department = ForeignKey(Department, on_delete=OnDelete.restrict)
    field = Varchar(length=40)
    power = Varchar(length=40, null=True, default=None)
    summary = Text()
    place = Varchar(length=300, default="")
    case = ForeignKey(Case, null=True, on_delete=OnDelete.restrict)
    status = Varchar(length=20, default="sent")  # sent | accepted | answered | closed | refused | returned
    sent_at = Timestamptz()
    sent_by = ForeignKey(AppUser, on_delete=OnDelete.restrict)
    accept_due_on = Date(null=True, default=None)
    answer_due_on = Date(null=True, default=None)
    accepted_at = Timestamptz(null=True, default=None)
    accepted_by = ForeignKey(AppUser, null=True, on_delete=OnDelete.restrict)
    answer = Text(default="")
    answered_at = Timestamptz(null=True, default=None)
    answered_by = ForeignKey(AppUser, null=True, on_delete=OnDelete.restrict)
    closed_at = Timestamptz(null=True, default=None)
    closed_by = ForeignKey(AppUser, null=True, on_delete=OnDelete.restrict)
    refused_at = Timestamptz(null=True, default=None)
    returned_at = Timestamptz(null=True, default=None)
    reason = Text(default="")  # why refused or returned
    rating = Integer(null=True, default=None)  # 1-5, by the township
    rating_comment = Text(default="")
    rated_at = Timestamptz(null=True, default=None)
    rated_by = ForeignKey(AppUser, null=True, on_delete=OnDelete.restrict)
    created_at = Timestamptz(default=TimestamptzNow())


# ---------------------------------------------------------------------------------------------
# 执法文书 (zhifa.core.documents)
# ---------------------------------------------------------------------------------------------


class Document(Table, tablename="document"):
    """执法文书: one rendering of a template for a case. The Word and PDF files live in the
    content-addressed store (as evidence does); their sha256 is recorded here and checked on read."""

    township = ForeignKey(Township, on_delete=OnDelete.restrict)
    case = ForeignKey(Case, on_delete=OnDelete.restrict, index=True)
    template = Varchar(length=80)  # the template rendered (a field's override, where one applied)
    title = Varchar(length=200)
    stage = Varchar(length=30, default="")
    number = Varchar(length=80, null=True, default=None)  # 文号; None for forms and records (表、笔录)
    issued_on = Date()  # the date the document bears
    content_sha256 = Varchar(length=64)  # .docx
    size_bytes = BigInt()
    storage_key = Varchar(length=200)
    pdf_sha256 = Varchar(length=64)
    pdf_size_bytes = BigInt()
    pdf_storage_key = Varchar(length=200)
    pages = Integer(default=0)
    blanks = JSON(default=[])  # placeholders left blank, to be filled in by hand
    data = JSON(default={})  # the values the caller supplied
    replaces = Integer(null=True, default=None)  # id of the rendering this one corrects (same number)
    created_by = ForeignKey(AppUser, on_delete=OnDelete.restrict)
    created_at = Timestamptz(default=TimestamptzNow())

# ---------------------------------------------------------------------------------------------
# 工作日历 (zhifa.core.calendar.sources, zhifa.core.services.calendar): deployment-wide
# ---------------------------------------------------------------------------------------------


class CalendarYear(Table, tablename="calendar_year"):
    """A year's holiday schedule the deployment loaded from the State Council's notice.

    Not owned by a township: one calendar for the whole country, the first source consulted.
    """

    year = Integer(unique=True)
    holidays = JSON(default=[])  # ISO dates of rest days
    workdays = JSON(default=[])  # ISO dates of make-up working days (调休上班)
    source = Varchar(length=200)  # the notice, e.g. 国办发明电〔2026〕N号
    differs = JSON(default=[])  # dates on which it contradicts the official package (forced loads)
    loaded_by = Varchar(length=64, default="")
    loaded_at = Timestamptz(default=TimestamptzNow())


class CatalogueOverlay(Table, tablename="catalogue_overlay"):
    """A region's catalogue additions loaded through configuration (``zhifa catalogue apply``).

    Deployment-wide like the calendar: a pack-format TOML text (pack header and standards,
    no-penalty items, hearing thresholds) for one field and region, merged into every process's
    registry (``zhifa.core.services.catalogue_overlays``).
    """

    name = Varchar(length=100)  # the overlay's name, unique with field and region (applying it again replaces it)
    field = Varchar(length=40)
    region = Varchar(length=12)
    body = Text()  # the TOML as applied
    loaded_by = Varchar(length=64, default="")
    loaded_at = Timestamptz(default=TimestamptzNow())


CORE_TABLES: tuple[type[Table], ...] = (
    Township,
    Department,
    AppUser,
    Certificate,
    Authorisation,
    Party,
    CaseImport,
    Case,
    CaseSequence,
    Evidence,
    Event,
    CaseOfficer,
    ApiToken,
    LoginAttempt,
    InspectionDirectory,
    InspectionTarget,
    InspectionInspector,
    InspectionRecusal,
    InspectionPlan,
    InspectionDraw,
    InspectionResult,
    Publication,
    Referral,
    Document,
    CalendarYear,
    CatalogueOverlay,
)


#: Composite unique keys (created as unique indexes by migration 0002).
UNIQUE_KEYS: dict[str, tuple[str, ...]] = {
    "department": ("county_code", "code"),
    "party": ("township", "identifier"),
    "enforcement_case": ("township", "number"),
    "evidence": ("township", "case", "storage_key"),
    "case_event": ("township", "seq"),
    "case_sequence": ("township", "year", "kind"),
    "case_officer": ("township", "case", "user"),
    "inspection_directory": ("township", "kind"),
    "inspection_target": ("township", "field", "identifier"),
    "inspection_inspector": ("township", "user"),
    "inspection_recusal": ("township", "user", "target"),
    "inspection_plan": ("township", "title"),
    "inspection_draw": ("township", "plan", "seq"),
    "inspection_result": ("township", "draw", "target"),
    "publication": ("township", "case", "decided_on"),
    "referral": ("township", "number"),
    "case_import": ("township", "file_sha256"),
}

