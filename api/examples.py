"""An example request for every operation of the contract: its parameters and its JSON body.

The published document shows them (``zhifa.api.openapi``); ``tests/test_openapi_contract.py``
decodes every body with the handler's own input struct and validates it against the document, so
an example is always a request the server accepts as well-formed. The procedure actions' bodies
are the steps of the demo cases in 横村镇 (tests/api_recipes.py walks the same ones).
"""

from __future__ import annotations

from typing import Any

T = "/townships/{code}"
A = f"POST {T}/cases/{{case_id}}/actions/"
R = "/referrals/{referral_id}"
I = f"{T}/inspections"

#: Parameter examples by name; ``"METHOD /path:name"`` where one operation needs another value.
PARAMETERS: dict[str, Any] = {
    "code": "330122100",
    "township": "330122100",
    "case_id": 12,
    "party_id": 3,
    "evidence_id": 5,
    "document_id": 7,
    "publication_id": 2,
    "referral_id": 4,
    "username": "hc-officer1",
    "power": "URBAN-CF-004",
    "field": "urban",
    "year": 2027,
    "on": "2026-11-20",
    "as_of": "2026-12-31",
    "quarter": "2026Q4",
    "department": "market-county_amr",
    "status": ["investigating"],
    "officer": "hc-officer1",
    "overdue": False,
    "found_from": "2026-10-01",
    "found_to": "2026-10-31",
    "filed_from": "2026-10-01",
    "filed_to": "2026-12-31",
    "cursor": "eyJpZCI6IDEyfQ",
    "limit": 50,
    "format": "pdf",
    "If-Match": '"3"',
    "kind": "audiovisual",
    "title": "现场照片",
    "captured_at": "2026-11-20T10:00:00+08:00",
    "captured_place": "横村镇横村大街 8 号门前",
    "target_id": 21,
    "inspector": "hc-officer2",
    "plan_id": 6,
    "draw_id": 9,
    "include_inactive": False,
    "GET /referrals:status": "sent",
    "GET /county/cases:township": ["330122100"],
    "GET /county/cases:status": ["investigating", "reviewing"],
}

FOUND_AT = "2026-11-20T09:00:00+08:00"

BODIES: dict[str, Any] = {
    "POST /auth/login": {"username": "hc-officer1", "password": "zhifa-demo"},
    f"POST {T}/authorisations": {"field": "agri", "basis": "conferred", "document_no": "桐政发〔2026〕12号",
                                 "valid_from": "2026-11-01"},
    f"POST {T}/authorisations/disable": {"field": "market", "document_no": "桐政发〔2026〕9号",
                                         "valid_from": "2026-12-01"},
    f"POST {T}/recommendations": {"power": "URBAN-CF-001", "act_date": "2026-03-01", "decision_date": "2026-03-20",
                                  "party_kind": "organisation", "bases": {"construction_cost": "1000000"}},
    f"POST {T}/users": {"username": "hc-officer9", "display_name": "新执法队员", "roles": ["officer"],
                        "password": "a-long-password"},
    f"POST {T}/users/{{username}}/certificates": {"number": "33010026099", "fields": ["urban"], "issuer": "浙江省人民政府",
                                                  "valid_from": "2026-01-01", "valid_to": "2030-12-31"},
    f"POST {T}/parties": {"kind": "citizen", "name": "王五", "identifier": "330122198503124110",
                          "address": "桐庐县横村镇横村路 1 号", "phone": "13905711234"},
    f"POST {T}/settings/documents": {"payment_bank": "中国农业银行桐庐县支行", "payment_account": "19-535101040000000"},
    f"POST {T}/cases/{{case_id}}/documents": {"template": "decision", "on": "2026-11-20"},
    f"POST {T}/cases": {"field": "urban", "source": "grid", "summary": "网格员报告：横村路占道经营",
                        "found_at": FOUND_AT, "place": "横村镇横村路", "reporter": {"name": "李网格", "phone": "13805710000"}},
    f"POST {T}/publications/{{publication_id}}/publish": {
        "draft_digest": "9f2c4e1d0b7a8c6e5f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e"},
    f"POST {T}/publications/{{publication_id}}/withdraw": {"reason": "复议决定撤销"},
    f"POST {T}/referrals": {"department": "market-county_amr", "summary": "白鹤村无证经营食品作坊，请县市场监管局处理",
                            "place": "横村镇白鹤村"},
    f"POST {R}/refuse": {"reason": "不属本部门职责"},
    f"POST {R}/answer": {"answer": "已派员核查并立案"},
    f"POST {R}/return": {"reason": "材料不全"},
    f"POST {R}/rate": {"score": 4, "comment": "响应及时"},
    f"POST {I}/targets": {"targets": [{"field": "market", "name": "桐庐县横村镇好味道餐饮店",
                                       "identifier": "92330122MA2H8X1Y3K", "risk_class": "B", "kind": "individual",
                                       "operator": "王五", "address": "桐庐县横村镇横村大街 8 号"}]},
    f"POST {I}/inspectors": {"inspectors": ["hc-officer1", "hc-officer2"]},
    f"POST {I}/recusals": {"inspector": "hc-officer2", "target_id": 21, "reason": "系该店经营者近亲属"},
    f"POST {I}/plans": {"field": "market", "title": "2026 年第四季度食品经营者双随机抽查",
                        "ratios": {"A": "3", "B": "5", "C": "10", "D": "20"}, "starts_on": "2026-10-01",
                        "ends_on": "2026-12-31", "per_target": 2, "rotation": True},
    f"POST {I}/plans/{{plan_id}}/draws": {"seed": 20261020},
    f"POST {I}/draws/{{draw_id}}/results": {"target_id": 21, "outcome": "no_problem",
                                             "inspected_at": "2026-11-20T10:00:00+08:00", "note": "证照齐全，未发现问题"},
}

OFFICERS = ["hc-officer1", "hc-officer2"]

#: The body of each procedure action (``POST …/actions/{name}``).
ACTIONS: dict[str, Any] = {
    "file_case": {"officers": OFFICERS, "party_id": 3, "act_date": "2026-03-01"},
    "decline_filing": {"reason": "经核查，广告牌已取得设置许可，违法事实不成立"},
    "transfer": {"recipient": "桐庐县自然资源和规划局", "reason": "不属于本乡镇赋权事项，移送有管辖权的部门"},
    "order_correction": {"deadline": "2026-03-09", "content": "立即改正"},
    "recheck_correction": {"corrected": False},
    "approve_filing_extension": {"reason": "需要现场勘验"},
    "recuse": {"officer": "hc-officer2", "reason": "系当事人近亲属", "replacement": "hc-captain"},
    "preserve_evidence": {"items": "广告牌一块"},
    "decide_preserved_evidence": {"index": 0, "decision": "退还"},
    "seize": {"coercive_power": "URBAN-QZ-001", "kind": "seal", "days": 30, "items": "临时建设施工现场"},
    "extend_seizure": {"index": 0, "days": 30},
    "conclude_investigation": {"facts": {"harmful_consequences": False, "bases": {}}, "amount": "20000.00",
                               "reasons": "违法事实清楚，按一般阶次处罚"},
    "legal_review": {"passed": True, "opinion": "事实清楚，证据确凿，适用依据正确"},
    "collective_discussion": {"attendees": ["镇长", "分管副镇长", "执法队长"], "conclusion": "同意按拟处理意见作出处罚"},
    "serve_notice": {},
    "record_defence": {"summary": "已安装油烟净化设备，请求从轻处罚"},
    "waive_rights": {},
    "request_hearing": {},
    "schedule_hearing": {"hearing_on": "2026-03-25", "host": "hc-captain"},
    "hold_hearing": {"record": "当事人到场陈述申辩，听证笔录附卷"},
    "extend_decision_deadline": {"days": 30, "reason": "案情复杂，需等待鉴定结论"},
    "suspend": {"reason": "等待鉴定结论"},
    "resume": {},
    "decide": {"kind": "penalty", "amount": "20000.00", "reasons": "违法事实清楚，依法予以处罚"},
    "hand_back": {"department": "ecology-eco", "reason": "拟罚款达到县级保留的较大数额"},
    "transfer_to_judicial": {"organ": "桐庐县公安局", "reason": "涉嫌非法经营罪"},
    "terminate": {"reason": "违法事实不能成立"},
    "serve_decision": {"method": "direct", "recipient": "王五"},
    "record_payment": {"amount": "200.00", "receipt": "银行缴款回执"},
    "approve_deferral": {"deferred_to": "2026-06-30", "reason": "经营困难，申请延期缴纳"},
    "record_remedy": {"kind": "reconsideration", "ended": False},
    "serve_demand": {},
    "apply_to_court": {"court": "桐庐县人民法院"},
    "announce_demolition": {"demolish_by": "2026-03-31", "place": "白鹤村村务公开栏"},
    "serve_demolition_demand": {"perform_by": "2026-09-25"},
    "decide_forced_demolition": {"statement": "当事人提出房屋系自住，经复核不予采纳", "carry_out_on": "2026-10-12"},
    "decide_substitute_performance": {"performer": "桐庐县某拆除工程有限公司", "budget": "18000.00", "carry_out_on": "2026-10-12"},
    "carry_out_demolition": {"report": "拆除二层砖混房屋一幢，当事人到场"},
    "recheck_decision_correction": {"corrected": False, "follow_up": "逾期未改正，已另案立案查处"},
    "revoke": {"by": "桐庐县人民政府", "reason": "复议决定撤销"},
    "close": {"note": "不予处罚，结案"},
    "archive": {},
    "decide_on_spot": {"field": "urban", "power": "URBAN-CF-013", "officers": OFFICERS, "party_id": 3,
                       "summary": "随意倾倒生活垃圾", "place": "横村大街", "act_date": "2026-03-02", "amount": "200.00"},
    "file_with_authority": {},
    "record_police_receipt": {"received_on": "2026-03-11", "receipt_no": "桐公受〔2026〕31号"},
    "copy_to_procuratorate": {"procuratorate": "桐庐县人民检察院", "document_no": "横综执移〔2026〕1号"},
    "record_police_decision": {"filed": True, "notice_no": "桐公立〔2026〕15号"},
    "request_police_reconsideration": {"reason": "经营数额已达追诉标准，请求复议"},
    "resume_after_non_filing": {"reason": "公安机关不予立案，依法恢复行政处理"},
}


def parameter(operation: str, name: str) -> Any:
    key = f"{operation}:{name}"
    return PARAMETERS[key] if key in PARAMETERS else PARAMETERS.get(name)


def body(operation: str) -> Any:
    if operation.startswith(A):
        return ACTIONS.get(operation.removeprefix(A))
    return BODIES.get(operation)
