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
    version = Integer(default=1)  # optimistic concurrency
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


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


CORE_TABLES: tuple[type[Table], ...] = (
    Township,
    Department,
    AppUser,
    Certificate,
    Authorisation,
    Party,
    Case,
    CaseSequence,
    Evidence,
    Event,
)


#: Composite unique keys (created as unique indexes by migration 0002).
UNIQUE_KEYS: dict[str, tuple[str, ...]] = {
    "department": ("county_code", "code"),
    "party": ("township", "identifier"),
    "enforcement_case": ("township", "number"),
    "evidence": ("township", "case", "storage_key"),
    "case_event": ("township", "seq"),
    "case_sequence": ("township", "year", "kind"),
}
