"""The Chinese words the pages print for codes: statuses, roles, sources, form fields and their choices.

Names only — no rule lives here. Where the core already names a thing (``STATUS_NAMES``,
``ROLE_NAMES``, ``EVIDENCE_NAMES``, an action's ``title``) the core's name is used.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from zhifa.core import clock
from zhifa.core.domain.roles import ROLE_NAMES, Role
from zhifa.core.procedure.states import STATUS_NAMES, Status
from zhifa.core.services.evidence import EVIDENCE_NAMES
from zhifa.core.vocabulary import SERVICE_METHODS

SOURCE_NAMES = {
    "patrol": "日常巡查", "complaint": "投诉举报", "hotline": "12345 热线", "grid": "网格员上报",
    "random_inspection": "双随机抽查", "sampling": "抽检", "transfer": "移送", "assignment": "上级交办",
}

#: Labels of the action inputs' fields (``zhifa.core.procedure.inputs``), by field name.
FIELD_LABELS = {
    "officers": "承办执法人员（至少两名持证人员）", "power": "执法事项", "party_id": "当事人", "act_date": "违法行为发生日期",
    "act_ended": "违法行为终了日期", "harmful_consequences": "造成危害后果", "reason": "理由", "recipient": "受送达人",
    "content": "改正内容", "deadline": "改正期限", "corrected": "已按期改正", "officer": "执法人员", "replacement": "替换人员",
    "items": "物品清单", "index": "序号", "decision": "处理决定", "coercive_power": "行政强制事项", "kind": "种类", "days": "天数",
    "facts": "案件事实（裁量情节，JSON）", "amount": "金额（元）", "confiscated_value": "没收财物价值（元）",
    "penalties": "处罚种类（每行一项）", "reasons": "理由", "outcome": "调查结论", "complex_case": "案情复杂",
    "major_public_interest": "涉及重大公共利益", "passed": "审核通过", "opinion": "审核意见", "attendees": "参加人员（每行一人）",
    "conclusion": "讨论结论", "summary": "陈述申辩要点", "hearing_on": "听证日期", "host": "听证主持人", "record": "听证笔录",
    "method": "送达方式", "electronic_consent": "当事人同意电子送达", "received_on": "签收日期", "late_reasons": "逾期送达理由",
    "receipt": "缴款凭证号", "deferred_to": "延期至", "instalments": "分期计划（JSON）", "ended": "已审结", "court": "人民法院",
    "note": "结案说明", "organ": "移送机关", "by": "撤销机关", "department": "县级部门", "field": "执法领域", "place": "地点",
    "warning": "警告", "statement_heard": "已听取陈述申辩", "collect_on_spot": "当场收缴罚款", "hard_to_pay_later": "事后缴纳确有困难",
    "situation": "情形", "circumstances": "裁量情节（每行一项）", "receipt_no": "回执编号", "procuratorate": "人民检察院",
    "document_no": "文书编号", "filed": "公安机关决定立案", "notice_no": "通知书编号",
    "demolish_by": "自行拆除期限", "perform_by": "履行期限", "statement": "陈述申辩及复核意见", "carry_out_on": "计划实施日期",
    "performer": "代履行人", "budget": "代履行费用预算（元）", "report": "实施情况",
    "correction": "责令改正的内容", "correct_by": "改正期限", "follow_up": "未改正的后续处理",
}

#: The choices of closed vocabularies in the action inputs, by field name.
CHOICE_LABELS = {
    "outcome": {"penalty": "给予行政处罚", "no_penalty": "不予行政处罚", "criminal_transfer": "涉嫌犯罪移送"},
    "kind": {"penalty": "给予行政处罚", "no_penalty_minor": "违法行为轻微，不予处罚", "no_penalty_unproven": "违法事实不能成立，不予处罚",
             "criminal_transfer": "涉嫌犯罪移送", "seal": "查封", "seize": "扣押", "reconsideration": "行政复议",
             "litigation": "行政诉讼"},
    "method": SERVICE_METHODS,
}
#: Fields whose free text is one of a few words the core expects.
SUGGESTED_CHOICES = {"method": ["direct", "left", "post", "electronic", "public_notice"]}


def status_name(status: str) -> str:
    try:
        return STATUS_NAMES[Status(status)]
    except ValueError:
        return status


def role_names(roles) -> str:
    names = []
    for r in roles:
        try:
            names.append(ROLE_NAMES[Role(r)])
        except ValueError:
            names.append(str(r))
    return "、".join(names)


def evidence_name(kind: str) -> str:
    return next((name for k, name in EVIDENCE_NAMES.items() if k.value == kind), kind)


def money(value) -> str:
    """An amount for people: ``20,000.00 元``; nothing for no amount."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    return f"{amount:,.2f} 元"


def local_time(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if isinstance(value, dt.datetime):
        return value.astimezone(clock.zone()).strftime("%Y-%m-%d %H:%M")
    return str(value)


def day(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)
