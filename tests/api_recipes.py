"""Recipes that bring a fresh demo case to the point where each procedure action succeeds."""
from __future__ import annotations

from typing import Any, NamedTuple


class Step(NamedTuple):
    action: str        # an ACTIONS name
    on: str            # 'YYYY-MM-DD', the action's date (must be <= 2026-11-22, and within the calendar 2004-2026)
    actor: str         # demo username, e.g. 'hc-officer1', 'hc-captain', 'hc-legal', 'hc-head'
    data: dict[str, Any]  # the action's input as JSON-able values (dates as 'YYYY-MM-DD' strings, money as strings like '5000.00');
                          # a party id is written as the string '@party:张三' (the runner substitutes the party's id)


class Recipe(NamedTuple):
    field: str               # the clue's field, e.g. 'urban'
    power: str | None        # the clue's power code or None
    found: str               # 'YYYY-MM-DD' the clue was found (registered at 09:30 +08:00 that day, source 'patrol')
    steps: list[Step]        # actions before the one under test
    action: Step             # the action under test; must succeed


# All in 横村镇 (330122100), clues found on Monday 2026-03-02; no public holiday falls in the periods used.
FOUND = "2026-03-02"
OFFICERS = ["hc-officer1", "hc-officer2"]
ZHANG = "张三"  # citizen, 横村镇
SHOP = "桐庐县横村镇好味道餐饮店"  # organisation, 横村镇 (legal representative 王五)

BILLBOARD = "URBAN-CF-004"  # 城市管理: 未经批准设置大型户外广告 — conferred, one stage
LITTER = "URBAN-CF-013"  # 城市管理: 随意倾倒生活垃圾 — citizen 100–500, fit for the simple procedure
FUMES = "ECO-CF-003"  # 生态环境: 餐饮油烟 5,000–50,000 — entrusted to 横村镇 until 2026-12-31
UNSAFE_FOOD = "MARKET-CF-001"  # 市场监管: a two-stage power (责令改正, 复查, then filing)


def _party(name: str) -> str:
    return f"@party:{name}"


# --- base sequences -------------------------------------------------------------------------

def filed(party: str = ZHANG) -> list[Step]:
    """立案 the day after the clue: investigating."""
    return [Step("file_case", "2026-03-03", "hc-captain",
                 {"officers": OFFICERS, "party_id": _party(party), "act_date": "2026-03-01"})]


def concluded(party: str = SHOP, amount: str = "20000.00", **flags: Any) -> list[Step]:
    """餐饮油烟 case investigated and concluded with a proposed fine: reviewing."""
    return filed(party) + [Step("conclude_investigation", "2026-03-10", "hc-officer1",
                                {"facts": {}, "amount": amount, **flags})]


def noticed(party: str = SHOP) -> list[Step]:
    """事先告知 served: notified. 20,000 yuan gives a citizen (张三) the hearing right, not the shop."""
    return concluded(party) + [Step("serve_notice", "2026-03-11", "hc-officer1", {})]


def decided() -> list[Step]:
    """The shop waived its rights; no hearing right, so no legal review needed: decided."""
    return noticed(SHOP) + [
        Step("waive_rights", "2026-03-11", "hc-officer1", {}),
        Step("decide", "2026-03-12", "hc-head", {"amount": "20000.00"}),
    ]


def served() -> list[Step]:
    """决定书 served on the shop's legal representative; payment due 2026-03-30: served."""
    return decided() + [Step("serve_decision", "2026-03-13", "hc-officer1", {"method": "direct", "recipient": "王五"})]


def decided_without_penalty() -> list[Step]:
    """不予处罚 (轻微并已改正) right after investigation: decided, nothing to pay."""
    return filed(ZHANG) + [
        Step("conclude_investigation", "2026-03-10", "hc-officer1", {"facts": {}, "outcome": "no_penalty"}),
        Step("decide", "2026-03-11", "hc-head",
             {"kind": "no_penalty_minor", "reasons": "违法行为轻微并及时改正，没有造成危害后果"}),
    ]


def hearing_requested() -> list[Step]:
    """A citizen's 20,000-yuan case: the hearing right is offered and used: hearing."""
    return noticed(ZHANG) + [Step("request_hearing", "2026-03-13", "hc-officer1", {})]


def hearing_scheduled() -> list[Step]:
    # notified 2026-03-16, at least 7 working days ahead: 2026-03-25 at the earliest
    return hearing_requested() + [Step("schedule_hearing", "2026-03-16", "hc-head",
                                       {"hearing_on": "2026-03-25", "host": "hc-captain"})]


def on_spot(collect: bool) -> Step:
    """简易程序: 200 yuan (the citizen limit) fined on the spot, collected there only when 100 yuan (第六十八条's limit,
    and 固废法 第一百一十一条's minimum for individuals)."""
    data: dict[str, Any] = {
        "field": "urban", "power": LITTER, "officers": OFFICERS, "party_id": _party(ZHANG),
        "summary": "随意倾倒生活垃圾", "place": "横村大街", "act_date": FOUND,
        "amount": "100.00" if collect else "200.00", "collect_on_spot": collect,
    }
    return Step("decide_on_spot", FOUND, "hc-officer1", data)


def judicial_transfer() -> list[Step]:
    return filed(ZHANG) + [Step("transfer_to_judicial", "2026-03-10", "hc-head",
                                {"organ": "桐庐县公安局", "reason": "涉嫌非法经营罪"})]


def police_received() -> list[Step]:
    return judicial_transfer() + [Step("record_police_receipt", "2026-03-11", "hc-officer1",
                                       {"received_on": "2026-03-11", "receipt_no": "桐公受〔2026〕31号"})]


def police_declined() -> list[Step]:
    return police_received() + [Step("record_police_decision", "2026-03-13", "hc-officer1",
                                     {"filed": False, "notice_no": "桐公不立〔2026〕8号",
                                      "reason": "情节显著轻微，不构成犯罪"})]


BUILDING = "URBAN-CF-002"  # 城乡规划法第六十五条: the township's own power; two-stage, then 责令限期拆除


def demolition_ordered() -> list[Step]:
    """违法建设: ordered to correct, not corrected, filed, decided 责令限期拆除 and served on 2026-03-17."""
    return [
        Step("order_correction", "2026-03-02", "hc-officer1", {"deadline": "2026-03-09", "content": "停止建设，限期改正"}),
        Step("recheck_correction", "2026-03-10", "hc-officer1", {"corrected": False}),
        Step("file_case", "2026-03-10", "hc-captain", {"officers": OFFICERS, "party_id": _party(ZHANG), "act_date": "2026-03-01"}),
        Step("conclude_investigation", "2026-03-11", "hc-officer1", {"facts": {}, "penalties": ["demolish"]}),
        Step("legal_review", "2026-03-12", "hc-legal", {"passed": True, "opinion": "事实清楚，程序合法"}),
        Step("serve_notice", "2026-03-12", "hc-officer1", {}),
        Step("waive_rights", "2026-03-12", "hc-officer1", {}),
        Step("decide", "2026-03-16", "hc-head", {"penalties": ["demolish"]}),
        Step("serve_decision", "2026-03-17", "hc-officer1", {"method": "direct", "recipient": ZHANG}),
    ]


def demolition_announced() -> list[Step]:
    return demolition_ordered() + [Step("announce_demolition", "2026-03-20", "hc-head", {"demolish_by": "2026-03-31"})]


def demolition_demanded() -> list[Step]:
    # the six-month litigation period from service on 2026-03-17 runs out 09-17: 催告 from 09-18 (第四十四条)
    return demolition_announced() + [Step("serve_demolition_demand", "2026-09-18", "hc-officer1",
                                          {"perform_by": "2026-09-25"})]


def demolition_decided() -> list[Step]:
    return demolition_demanded() + [Step("decide_forced_demolition", "2026-09-28", "hc-head", {})]


def urban(steps: list[Step], action: Step, power: str = BILLBOARD) -> Recipe:
    return Recipe("urban", power, FOUND, steps, action)


def ecology(steps: list[Step], action: Step) -> Recipe:
    return Recipe("ecology", FUMES, FOUND, steps, action)


# --- one recipe per action ------------------------------------------------------------------

RECIPES: dict[str, Recipe] = {
    # 线索
    "file_case": urban([], filed(ZHANG)[0]),
    "decline_filing": urban([], Step("decline_filing", "2026-03-03", "hc-captain",
                                     {"reason": "经核查，广告牌已取得设置许可，违法事实不成立"})),
    "transfer": urban([], Step("transfer", "2026-03-03", "hc-captain",
                               {"recipient": "桐庐县自然资源和规划局", "reason": "不属于本乡镇赋权事项，移送有管辖权的部门"})),
    "order_correction": Recipe("market", UNSAFE_FOOD, FOUND, [], Step(
        "order_correction", FOUND, "hc-officer1", {"deadline": "2026-03-09", "content": "立即改正"})),
    "recheck_correction": Recipe("market", UNSAFE_FOOD, FOUND, [
        Step("order_correction", FOUND, "hc-officer1", {"deadline": "2026-03-09", "content": "立即改正"}),
    ], Step("recheck_correction", "2026-03-10", "hc-officer1", {"corrected": False})),
    "approve_filing_extension": urban([], Step("approve_filing_extension", "2026-03-10", "hc-captain",
                                               {"reason": "需要现场勘验"})),
    # 调查取证
    "recuse": urban(filed(), Step("recuse", "2026-03-04", "hc-head",
                                  {"officer": "hc-officer2", "reason": "系当事人近亲属", "replacement": "hc-captain"})),
    "preserve_evidence": urban(filed(), Step("preserve_evidence", "2026-03-04", "hc-head", {"items": "广告牌一块"})),
    "decide_preserved_evidence": urban(
        filed() + [Step("preserve_evidence", "2026-03-04", "hc-head", {"items": "广告牌一块"})],
        Step("decide_preserved_evidence", "2026-03-06", "hc-head", {"index": 0, "decision": "退还"})),
    # 查封 under URBAN-QZ-001 (城乡规划法第六十八条 查封施工现场), held by 横村镇 with the conferred urban field
    "seize": urban(filed(), Step("seize", "2026-03-04", "hc-head", {
        "coercive_power": "URBAN-QZ-001", "kind": "seal", "days": 30, "items": "临时建设施工现场"})),
    "extend_seizure": urban(
        filed() + [Step("seize", "2026-03-04", "hc-head", {
            "coercive_power": "URBAN-QZ-001", "kind": "seal", "days": 30, "items": "临时建设施工现场"})],
        Step("extend_seizure", "2026-03-30", "hc-head", {"index": 0, "days": 30})),
    "conclude_investigation": ecology(filed(SHOP), concluded(SHOP)[-1]),
    # 审核、告知、听证
    "legal_review": ecology(concluded(), Step("legal_review", "2026-03-11", "hc-legal",
                                              {"passed": True, "opinion": "事实清楚，证据确凿，适用依据正确"})),
    "collective_discussion": ecology(concluded(complex_case=True), Step(
        "collective_discussion", "2026-03-11", "hc-head",
        {"attendees": ["镇长", "分管副镇长", "执法队长"], "conclusion": "同意按拟处理意见作出处罚"})),
    "serve_notice": ecology(concluded(), noticed()[-1]),
    "record_defence": ecology(noticed(), Step("record_defence", "2026-03-12", "hc-officer1",
                                              {"summary": "已安装油烟净化设备，请求从轻处罚"})),
    "waive_rights": ecology(noticed(), decided()[-2]),
    "request_hearing": ecology(noticed(ZHANG), hearing_requested()[-1]),
    "schedule_hearing": ecology(hearing_requested(), hearing_scheduled()[-1]),
    "hold_hearing": ecology(hearing_scheduled(), Step("hold_hearing", "2026-03-25", "hc-head",
                                                      {"record": "当事人到场陈述申辩，听证笔录附卷"})),
    "extend_decision_deadline": urban(filed(), Step("extend_decision_deadline", "2026-05-25", "hc-head",
                                                    {"days": 30, "reason": "案情复杂，需等待鉴定结论"})),
    "suspend": urban(filed(), Step("suspend", "2026-03-10", "hc-head", {"reason": "等待鉴定结论"})),
    "resume": urban(filed() + [Step("suspend", "2026-03-10", "hc-head", {"reason": "等待鉴定结论"})],
                    Step("resume", "2026-03-20", "hc-head", {})),
    # 决定
    "decide": ecology(decided()[:-1], decided()[-1]),
    "hand_back": ecology(concluded(), Step("hand_back", "2026-03-11", "hc-head",
                                           {"department": "ecology-eco", "reason": "拟罚款达到县级保留的较大数额"})),
    "transfer_to_judicial": urban(filed(), judicial_transfer()[-1]),
    "terminate": urban(filed(), Step("terminate", "2026-03-10", "hc-head", {"reason": "违法事实不能成立"})),
    # 送达、执行、结案
    "serve_decision": ecology(decided(), served()[-1]),
    "record_payment": urban([on_spot(collect=False)], Step("record_payment", "2026-03-05", "hc-officer1",
                                                          {"amount": "200.00", "receipt": "银行缴款回执"}), LITTER),
    "approve_deferral": ecology(served(), Step("approve_deferral", "2026-03-20", "hc-head",
                                               {"deferred_to": "2026-06-30", "reason": "经营困难，申请延期缴纳"})),
    "record_remedy": ecology(served(), Step("record_remedy", "2026-03-20", "hc-officer1",
                                            {"kind": "reconsideration", "ended": False})),
    "serve_demand": ecology(served(), Step("serve_demand", "2026-04-01", "hc-officer1", {})),
    # served 2026-03-13: the six-month litigation period runs out 09-14, so the court may be applied to from
    # 09-15 (行政强制法第53条), well past the 10 working days after the demand (2026-04-01)
    "apply_to_court": ecology(served() + [Step("serve_demand", "2026-04-01", "hc-officer1", {})],
                              Step("apply_to_court", "2026-09-15", "hc-head", {"court": "桐庐县人民法院"})),
    "recheck_decision_correction": ecology(noticed(SHOP) + [
        Step("waive_rights", "2026-03-11", "hc-officer1", {}),
        Step("decide", "2026-03-12", "hc-head", {"amount": "20000.00", "correction": "安装油烟净化设施",
                                                 "correct_by": "2026-03-20"}),
        Step("serve_decision", "2026-03-13", "hc-officer1", {"method": "direct", "recipient": "王五"})],
        Step("recheck_decision_correction", "2026-03-23", "hc-officer1", {"corrected": True})),
    # 强制拆除
    "announce_demolition": urban(demolition_ordered(), demolition_announced()[-1], BUILDING),
    "serve_demolition_demand": urban(demolition_announced(), demolition_demanded()[-1], BUILDING),
    "decide_forced_demolition": urban(demolition_demanded(), demolition_decided()[-1], BUILDING),
    "decide_substitute_performance": urban(demolition_demanded(), Step(
        "decide_substitute_performance", "2026-09-28", "hc-head", {"performer": "桐庐县某拆除工程有限公司", "budget": "18000.00"}),
        BUILDING),
    "carry_out_demolition": urban(demolition_decided(), Step("carry_out_demolition", "2026-10-12", "hc-head",
                                                             {"report": "拆除二层砖混房屋一幢，当事人到场"}), BUILDING),
    "revoke": urban(decided_without_penalty(), Step("revoke", "2026-04-01", "hc-head",
                                                    {"by": "桐庐县人民政府", "reason": "复议决定撤销"})),
    "close": urban(decided_without_penalty(), Step("close", "2026-03-12", "hc-captain", {"note": "不予处罚，结案"})),
    "archive": urban([on_spot(collect=True), Step("file_with_authority", "2026-03-03", "hc-officer1", {})],
                     Step("archive", "2026-03-04", "hc-captain", {}), LITTER),
    # 简易程序
    "decide_on_spot": urban([], on_spot(collect=False), LITTER),
    "file_with_authority": urban([on_spot(collect=True)], Step("file_with_authority", "2026-03-03", "hc-officer1", {}),
                                 LITTER),
    # 涉嫌犯罪移送之后
    "record_police_receipt": urban(judicial_transfer(), police_received()[-1]),
    "copy_to_procuratorate": urban(judicial_transfer(), Step("copy_to_procuratorate", "2026-03-10", "hc-officer1",
                                                             {"procuratorate": "桐庐县人民检察院",
                                                              "document_no": "横综执移〔2026〕1号"})),
    "record_police_decision": urban(police_received(), Step("record_police_decision", "2026-03-13", "hc-officer1",
                                                            {"filed": True, "notice_no": "桐公立〔2026〕15号"})),
    "request_police_reconsideration": urban(police_declined(), Step(
        "request_police_reconsideration", "2026-03-16", "hc-head", {"reason": "经营数额已达追诉标准，请求复议"})),
    "resume_after_non_filing": urban(police_declined(), Step("resume_after_non_filing", "2026-03-17", "hc-head",
                                                             {"reason": "公安机关不予立案，依法恢复行政处理"})),
}
