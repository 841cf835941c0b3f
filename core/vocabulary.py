"""The labels of zhifa's closed vocabularies, in one place: what each code is called in Chinese.

Rules, documents, the public page, the API's descriptions and the web app print these names; a
code's name is defined here once (issue 11: the penalty kinds were spelled three times).
"""

from __future__ import annotations

#: 行政处罚法第九条: the kinds of administrative penalty.
PENALTY_NAMES: dict[str, str] = {
    "warning": "警告", "circulated_criticism": "通报批评", "fine": "罚款", "confiscate_gains": "没收违法所得",
    "confiscate_property": "没收非法财物", "suspend_licence": "暂扣许可证件", "lower_qualification": "降低资质等级",
    "revoke_licence": "吊销许可证件", "restrict_business": "限制开展生产经营活动", "suspend_business": "责令停产停业",
    "close": "责令关闭", "restrict_employment": "限制从业", "demolish": "责令限期拆除", "other": "其他行政处罚",
}
#: As a legal document prints them: "other" in the words of 第九条第六项.
PENALTY_NAMES_PRINTED: dict[str, str] = {**PENALTY_NAMES, "other": "法律、行政法规规定的其他行政处罚"}

#: Parties (当事人): who a case is against. ``individual_business`` is how a 个体工商户 is shown publicly.
PARTY_KINDS: dict[str, str] = {"citizen": "公民", "individual_business": "个体工商户", "organisation": "法人或者其他组织"}

#: 民事诉讼法第八十七至九十五条, as 行政处罚法第六十一条 applies them.
SERVICE_METHODS: dict[str, str] = {"direct": "直接送达", "left": "留置送达", "post": "邮寄送达", "electronic": "电子送达",
                                   "public_notice": "公告送达"}

#: What a decision decides (行政处罚法第五十七条).
DECISION_KINDS: dict[str, str] = {"penalty": "给予行政处罚", "no_penalty_minor": "不予行政处罚",
                                  "no_penalty_unproven": "不予行政处罚（违法事实不能成立）",
                                  "criminal_transfer": "移送司法机关"}
