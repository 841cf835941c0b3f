"""The columns of an import file (docs/import.md lists the same): header names and their vocabularies.

A header is matched after trimming, with full-width brackets made half-width and case ignored; each
column has its Chinese header and a few aliases (the English key among them). Values of the coded
columns (程序, 案源, 决定类型, 状态) are accepted as the Chinese word or the code.
"""

from __future__ import annotations

import msgspec


class Column(msgspec.Struct, frozen=True, kw_only=True):
    key: str
    header: str  # the Chinese header, as docs/import.md and the error report name the column
    aliases: tuple[str, ...] = ()
    required: bool = False
    help: str = ""


COLUMNS: tuple[Column, ...] = (
    Column(key="number", header="案件编号", aliases=("立案编号", "案号"), required=True,
           help="原案件的立案编号，如 横综执立〔2024〕12号；本乡镇内不得重复"),
    Column(key="power", header="执法事项编码", aliases=("执法事项", "事项编码"), required=True,
           help="本乡镇适用目录中的执法事项编码，如 URBAN-CF-001（zhifa powers 可查）"),
    Column(key="field", header="领域", aliases=("执法领域",),
           help="可不填，由执法事项确定；填写时须与执法事项所属领域一致（代码如 urban 或名称如 城市管理）"),
    Column(key="summary", header="案由", aliases=("案情摘要", "案件名称"), help="缺省为执法事项名称"),
    Column(key="source", header="案源", aliases=("案件来源",), required=True,
           help="日常巡查、投诉举报、12345热线、网格员上报、双随机一公开、抽检、移送、上级交办（或其代码）"),
    Column(key="procedure", header="程序", aliases=("适用程序",), help="一般程序（缺省）或简易程序"),
    Column(key="place", header="地点", aliases=("违法地点", "案发地点")),
    Column(key="act_date", header="违法行为发生日", aliases=("违法日期", "违法行为发生日期")),
    Column(key="found_on", header="发现日期", aliases=("线索发现日期",), help="缺省为立案日期"),
    Column(key="filed_on", header="立案日期", required=True, help="简易程序为当场处罚日期"),
    Column(key="party_name", header="当事人", aliases=("当事人名称", "当事人姓名")),
    Column(key="party_identifier", header="当事人证件号码", aliases=("证件号码", "身份证号码", "统一社会信用代码")),
    Column(key="legal_representative", header="法定代表人", aliases=("负责人", "法定代表人（负责人）"),
           help="当事人为法人或者其他组织、且本乡镇尚未登记该当事人时必填"),
    Column(key="party_address", header="当事人地址", aliases=("住所", "地址")),
    Column(key="officers", header="承办人", aliases=("执法人员",),
           help="本乡镇用户的用户名，多人以顿号、逗号或空格分隔"),
    Column(key="reviewer", header="法制审核人", help="本乡镇用户的用户名"),
    Column(key="reviewed_on", header="法制审核日期"),
    Column(key="decision_kind", header="决定类型", aliases=("处理结果", "处理决定"),
           help="处罚、不予处罚、违法事实不能成立、移送司法机关；填写罚款金额时缺省为处罚"),
    Column(key="decided_on", header="决定日期", aliases=("处罚决定日期",)),
    Column(key="amount", header="罚款金额", aliases=("罚款金额(元)", "罚款(元)", "罚款"),
           help="单位元，不小于 0，至多两位小数；只用于决定类型为处罚的案件"),
    Column(key="closed_on", header="结案日期", required=True),
    Column(key="status", header="状态", aliases=("案件状态",), help="结案（缺省）、归档、终止、移送司法"),
)

BY_KEY = {c.key: c for c in COLUMNS}


def normalise(header: str) -> str:
    return header.strip().lstrip("\ufeff").replace("（", "(").replace("）", ")").replace(" ", "").lower()


#: Every accepted header (normalised) → the column's key.
HEADERS: dict[str, str] = {}
for _column in COLUMNS:
    for _name in (_column.header, _column.key, *_column.aliases):
        HEADERS[normalise(_name)] = _column.key

SOURCES = {
    "日常巡查": "patrol", "巡查": "patrol", "投诉举报": "complaint", "投诉": "complaint", "举报": "complaint",
    "12345热线": "hotline", "热线": "hotline", "网格员上报": "grid", "网格": "grid", "双随机一公开": "random_inspection",
    "双随机": "random_inspection", "抽检": "sampling", "移送": "transfer", "上级交办": "assignment", "交办": "assignment",
}
PROCEDURES = {"一般程序": "general", "一般": "general", "简易程序": "simple", "简易": "simple", "当场处罚": "simple"}
DECISIONS = {
    "处罚": "penalty", "行政处罚": "penalty", "罚款": "penalty", "给予处罚": "penalty",
    "不予处罚": "no_penalty_minor", "不予行政处罚": "no_penalty_minor",
    "违法事实不能成立": "no_penalty_unproven", "不予处罚(违法事实不能成立)": "no_penalty_unproven",
    "移送司法机关": "criminal_transfer", "移送司法": "criminal_transfer",
}
#: The statuses a historical case may be imported in: it has ended.
STATUSES = {"结案": "closed", "已结案": "closed", "归档": "archived", "已归档": "archived", "终止": "terminated",
            "终止调查": "terminated", "移送司法": "criminal_transfer", "移送司法机关": "criminal_transfer"}


def vocabulary(words: dict[str, str]) -> dict[str, str]:
    """Chinese words and codes alike (normalised), for a coded column."""
    found = {normalise(k): v for k, v in words.items()}
    found.update({v: v for v in words.values()})
    return found


SOURCE_OF, PROCEDURE_OF, DECISION_OF, STATUS_OF = (vocabulary(w) for w in (SOURCES, PROCEDURES, DECISIONS, STATUSES))


def choices(words: dict[str, str]) -> str:
    return "、".join(dict.fromkeys(words))
