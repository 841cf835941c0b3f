"""What the published contract says in words: field meanings, closed vocabularies, service answers.

One dictionary of field meanings, ``FIELDS``, keyed by property name, or by ``"Schema.property"``
where a name means something else in one schema (``DeadlineRead.basis`` is the law, not 委托/赋权).
It describes every property of the document (``zhifa.api.openapi``) and every query parameter, and
docs/glossary.md's table of fields is generated from it (``glossary_markdown``).

``VOCABULARIES`` gives the closed vocabularies, each from the core's own enum or table where there
is one; ``OPEN`` names the fields that look like a vocabulary but are not closed, with the reason.
``SERVICE_ANSWERS`` says which statuses an operation's service answers beyond those its declarations
imply (a conflict, a refused rule, throttling).
"""

from __future__ import annotations

import re
from typing import Any

from zhifa.api.problems import PROBLEM  # noqa: F401  (the media type the problem responses use)

# -- field meanings ----------------------------------------------------------------------------------

FIELDS: dict[str, str] = {
    # identity and records
    "id": "记录编号",
    "case_id": "案件编号",
    "party_id": "当事人编号",
    "publication_id": "公示编号",
    "document_id": "文书编号",
    "evidence_id": "证据编号",
    "referral_id": "乡呼县应事项编号",
    "collector_id": "取证人（用户）编号",
    "actor_id": "操作人（用户）编号；系统自动记录的事件为空",
    "version": "版本号：每次办案操作加一，作为 ETag 返回，办案操作时以 If-Match 送回",
    "seq": "序号",
    "number": "编号或文号",
    "code": "代码",
    "name": "名称",
    "title": "标题",
    "label": "中文名称",
    "username": "用户名",
    "display_name": "姓名（显示名）",
    "password": "密码（至少 12 个字符，不得过于简单）",
    "roles": "角色，可多个",
    "active": "是否有效（停用的人员不能登录，也不参与抽取）",
    "township": "乡镇行政区划代码",
    "township_code": "乡镇行政区划代码",
    "township_name": "乡镇名称",
    "county_code": "县（区）行政区划代码（6 位）",
    "county_name": "县（区）名称",
    "short_name": "文号简称（如「横综执」）",
    "department": "县直部门代码",
    "department_name": "县直部门名称",
    "owner_department": "划出该执法事项的县级部门类别（权责清单中的主管部门）",
    # fields and powers
    "field": "执法领域代码（urban 城市管理、market 市场监管、ecology 生态环境、agri 农业农村、culture 文化旅游，或插件提供的领域）",
    "fields": "执法领域代码，可多个",
    "power": "执法事项代码（如 URBAN-CF-001）",
    "power_name": "执法事项名称",
    "basis": "授权方式：entrusted 委托（以委托部门名义）、conferred 赋权（以乡镇名义）",
    "document_no": "授权文件文号",
    "revoked_document_no": "上收文件文号",
    "valid_from": "生效日期（含）",
    "valid_to": "失效日期（含）；为空表示长期有效",
    "revoked_on": "撤销或上收日期",
    "region": "适用地区：空为全国，否则为行政区划代码前缀（33 浙江省、4403 深圳市）",
    "region_name": "适用地区名称",
    "kind": "种类",
    # cases
    "case": "案件",
    "procedure": "程序：general 一般程序、simple 简易程序（当场处罚）",
    "status": "状态",
    "source": "案件来源",
    "summary": "情况摘要",
    "place": "地点",
    "found_at": "发现时间（带时区，如 2026-11-20T09:00:00+08:00）",
    "act_date": "违法行为发生日期",
    "act_ended": "违法行为终了日期（连续或者继续状态的违法行为）",
    "filed_on": "立案日期",
    "officers": "承办的执法人员用户名（至少两名持有效执法证的执法人员，行政处罚法第四十二条）",
    "officer": "执法人员用户名",
    "file": "案卷事实：办案各环节记入的事实",
    "timeline": "全过程记录：本案的事件，按先后顺序，带哈希链",
    "next_actions": "案件当前状态允许的下一步操作，每项带试行规则的结果",
    "deadlines": "本案正在计算的法定期限",
    "reporter": "举报人或线索提供方的信息",
    "harmful_consequences": "是否造成危害后果",
    "items": "列表项",
    "next_cursor": "下一页的游标：作为 cursor 送回取下一页；已是最后一页时为空",
    "limit": "每页条数",
    # events
    "occurred_at": "发生时间（UTC）",
    "payload": "事件内容：所记录的事实，键随事件种类而定",
    "prev_hash": "上一事件的哈希值（SHA-256，十六进制）",
    "hash": "本事件的哈希值（SHA-256，覆盖上一事件哈希与本事件内容）",
    # next actions and deadlines
    "action": "操作代码，即 POST …/actions/{action}",
    "allowed": "今日执行是否不会被办案规则拒绝（角色和表单内容另行检查）",
    "refusals": "拒绝的各条规则：规则代码和中文说明",
    "input_schema": "该操作请求体的 JSON Schema",
    "due": "最后一日（当日仍在期限内）",
    "provisional": "是否暂定：依暂定节假日规则计算，国务院通知公布后重新计算",
    "protects": "期限性质：party 保护当事人的期限、authority 对机关的时限",
    "days_left": "距最后一日的日历天数（自查询之日起算；已超期为负数）",
    "message": "中文说明",
    # evidence and documents
    "captured_at": "取证时间（带时区）",
    "captured_place": "取证地点",
    "content_sha256": "文件内容的 SHA-256（十六进制）",
    "size_bytes": "文件大小（字节）",
    "media_type": "媒体类型（按文件内容识别）",
    "template": "文书模板代码",
    "stage": "所属办案环节（filing 立案、investigation 调查、notice 告知、decision 决定、execution 执行等）",
    "issued_on": "文书日期",
    "pdf_sha256": "PDF 文件的 SHA-256（十六进制）",
    "pdf_size_bytes": "PDF 文件大小（字节）",
    "pages": "PDF 页数",
    "blanks": "留空项：没有取到值、须在 Word 中手工填写的占位项",
    "replaces": "更正的是哪一份文书（文书编号）；更正后的文书沿用原文号",
    "created_by": "制作人用户名",
    "created_at": "制作时间",
    # parties
    "identifier": "证件号码：公民为居民身份证号码，法人或者其他组织为统一社会信用代码",
    "legal_representative": "法定代表人（负责人）",
    "address": "住所或地址",
    "phone": "联系电话",
    "birth_date": "出生日期（由居民身份证号码得出）",
    "party": "当事人",
    "party_kind": "当事人类型：citizen 公民、organisation 法人或者其他组织",
    "party_birth_date": "当事人出生日期（判断是否未成年、是否年满七十周岁）",
    # users and certificates
    "issuer": "发证机关",
    "certificates": "行政执法证",
    "legal_qualification": "是否取得法律职业资格（法制审核人员，行政处罚法第五十八条第二款）",
    "reviewing_since": "首次从事法制审核之日（2021-07-15 前已从事的可不具备法律职业资格）",
    # sign-in
    "token": "令牌：只显示这一次，请求时放在 Authorization 请求头中（Bearer <令牌>）",
    "token_type": "令牌类型",
    "expires_at": "令牌失效时间",
    # penalty facts and recommendation
    "decision_date": "决定日期（适用从旧兼从轻、计算时效）",
    "discovered_on": "发现违法行为之日（计算时效；为空时取决定日期）",
    "situation": "法定罚款情形代码（default 一般情形，或 not_corrected 逾期不改正、serious 情节严重等，见执法事项的罚则）",
    "situation_text": "法定罚款情形的文字（如「情节严重的」）",
    "bases": "计算倍数或比例罚款的基数（元），键为基数种类：goods_value 货值金额、illegal_gains 违法所得、construction_cost 工程造价等",
    "units": "按数量计罚时的数量（如面积、件数、日数）",
    "tier": "裁量阶次代码",
    "tier_name": "裁量阶次名称（从轻、一般、从重等）",
    "tier_facts": "该阶次的适用情形",
    "circumstances": "认定的从轻、减轻、不予处罚等情节代码（如 first_violation 首违、aged_14_to_18 已满十四周岁不满十八周岁）",
    "outcome": "结果",
    "version_reason": "适用该版本条款的理由（从旧兼从轻，行政处罚法第三十七条）",
    "no_penalty_ground": "不予处罚的依据代码（首违不罚、轻微不罚等）；为空表示应予处罚",
    "no_penalty_text": "不予处罚的理由文字",
    "standard": "适用的裁量基准代码",
    "standard_source": "裁量基准的来源（文件、制定机关、年份）",
    "statutory_range": "法定罚款幅度（元）",
    "tier_range": "所在裁量阶次的罚款幅度（元）",
    "recommended_amount": "建议罚款金额（元）",
    "fine_optional": "罚款是否可以不并处（「可以并处」）",
    "fine_allowed": "是否可以处以罚款",
    "penalties": "处罚种类（罚款以外的，如警告、没收违法所得）",
    "factors": "考虑的裁量因素",
    "mitigation_available": "是否有减轻处罚的情节",
    "reasons": "理由",
    "examples_ignored": "该事项的示例基准（非正式发布，从不适用）",
    "law_notices": "所引法律在决定日已被替代而目录尚无新条款的提示（只给办案人员看，不印在文书上）",
    "min": "下限（元，含）",
    "max": "上限（元，含）",
    "amount": "金额（元）",
    "confiscated_value": "没收违法所得、非法财物的价值（元），与罚款合计判断是否达到听证的较大数额",
    # catalogue
    "department_kind": "部门类别代码",
    "external_code": "省级权力事项编码（已知时）",
    "violated": "违法条款",
    "penalised": "罚则条款",
    "measures": "行政强制措施：本事项依据所规定的措施，每项带条款和原文（行政强制法第十条）",
    "fines": "法定罚款",
    "two_stage": "是否两段式：责令改正后拒不改正的才予处罚",
    "immediate_penalties": "不经责令改正即可直接处以的处罚种类（两段式事项）",
    "direct_situations": "不经责令改正即可直接处罚的情形代码（两段式事项）",
    "five_year_limitation": "是否适用五年追责时效（涉及公民生命健康安全、金融安全，行政处罚法第三十六条）",
    "note": "备注",
    "succeeds": "本条款所替代的旧版本执法事项代码（从旧兼从轻）",
    "repealed": "是否已废止且无新规定：其后发生的行为不再处罚",
    "repealed_by": "废止所依据的文件",
    "law": "法律、法规名称",
    "article": "条款（如「第六十四条」）",
    "text": "条文原文",
    "form": "罚款形式",
    "optional": "是否「可以并处」：罚款可以不处",
    "base": "倍数、比例罚款的基数种类（goods_value 货值金额、illegal_gains 违法所得、construction_cost 工程造价、income 收入）",
    "base_text": "基数的中文名称",
    "unit": "按数量计罚的单位（平方米、只、日等）",
    "floor_below": "倍数罚款：基数低于此金额（元）时改用固定幅度",
    "floor_min": "基数较小时的罚款下限（元）",
    "floor_max": "基数较小时的罚款上限（元）",
    "tiers": "裁量阶次",
    "fine": "该阶次是否处以罚款",
    "example": "是否示例基准（非任何机关发布，只展示，从不适用于案件）",
    "conditions": "适用条件",
    "standards": "当日有效的裁量基准",
    "no_penalty": "本事项的不予处罚清单条目",
    # procedure inputs
    "reason": "理由",
    "recipient": "接收单位或受送达人",
    "deadline": "改正期限",
    "content": "内容",
    "corrected": "是否已改正",
    "replacement": "接替回避人员的执法人员用户名",
    "index": "第几项（从 0 起）",
    "decision": "处理决定（退还、没收、移送、解除等）",
    "days": "天数",
    "complex_case": "是否情节复杂或重大违法（须集体讨论决定，行政处罚法第五十七条第二款）",
    "major_public_interest": "是否涉及重大公共利益（须法制审核，行政处罚法第五十八条）",
    "passed": "审核是否通过",
    "opinion": "审核意见",
    "attendees": "参加人员",
    "conclusion": "讨论结论",
    "hearing_on": "举行听证的日期（通知当事人后至少七个工作日，行政处罚法第六十四条）",
    "host": "听证主持人用户名（非本案调查人员）",
    "record": "听证笔录",
    "electronic_consent": "当事人是否同意电子送达（行政处罚法第六十一条）",
    "received_on": "收到日期",
    "late_reasons": "超过七个工作日送达的理由（行政处罚法第六十一条）",
    "receipt": "缴款凭证号或说明",
    "deferred_to": "延期缴纳至该日",
    "instalments": "分期缴纳计划",
    "ended": "复议、诉讼是否已经结束",
    "court": "申请强制执行的人民法院",
    "organ": "接受移送的司法机关",
    "by": "作出撤销决定的机关（复议机关、人民法院或本机关）",
    "warning": "是否给予警告",
    "statement_heard": "是否已当场告知事实、理由、依据和权利并听取陈述申辩（行政处罚法第四十四、四十五条）",
    "collect_on_spot": "是否当场收缴罚款（行政处罚法第六十八条）",
    "hard_to_pay_later": "是否属于不当场收缴事后难以执行的情形（行政处罚法第六十八条第二项）",
    "receipt_no": "回执文号",
    "procuratorate": "抄送的人民检察院",
    "filed": "公安机关是否决定立案",
    "notice_no": "公安机关决定书文号",
    "facts": "事实",
    # publication
    "digest": "核对码：公示内容的 SHA-256，公示时以 draft_digest 送回",
    "draft_digest": "所核对草稿的核对码（GET …/draft 答复中的 digest，同一公示日）",
    "authority": "作出决定的机关（委托的，为委托部门）",
    "case_number": "立案编号",
    "decision_kind": "决定种类",
    "decided_on": "决定日期",
    "legal_basis": "违法条款和罚则条款",
    "published_on": "公示日期",
    "display_until": "公示截止日期（之后撤下）",
    "records": "公示中的决定",
    "withdrawals": "撤回说明",
    "withdrawn_on": "撤回日期",
    "due_days": "公示期限（工作日）",
    "due_on": "应当公示的最后一日",
    "due_note": "最后一日无法确定的原因（工作日历尚未覆盖该年）",
    "published_late": "是否逾期公示",
    "withdraw_reason": "撤回理由",
    "withdraw_requested_on": "应当撤回之日起算的日期（决定被撤销或变更之日）",
    "withdraw_due_on": "应当撤回的最后一日（三个工作日内）",
    "withdrawn_late": "是否逾期撤回",
    "cancelled_on": "取消公示的日期（决定在公示前被撤销）",
    "taken_down_on": "撤下日期（公示期满）",
    "problem": "问题种类",
    "working_days_overdue": "已逾期的工作日数",
    "on": "日期",
    # referrals
    "answer": "部门的答复",
    "sent_at": "发出时间",
    "sent_by": "发出人用户名",
    "accept_due_on": "应当签收的最后一日",
    "answer_due_on": "应当答复的最后一日",
    "accepted_at": "签收时间",
    "accepted_by": "签收人用户名",
    "answered_at": "答复时间",
    "answered_by": "答复人用户名",
    "closed_at": "办结时间",
    "refused_at": "拒收时间",
    "returned_at": "退回时间",
    "rating": "乡镇的评价（1 至 5 分）",
    "rating_comment": "评价意见",
    "rated_at": "评价时间",
    "accept_working_days": "从发出到签收的工作日数（发出当日不计）",
    "accept_hours": "从发出到签收的小时数",
    "answer_working_days": "从发出到答复的工作日数（发出当日不计）",
    "answer_hours": "从发出到答复的小时数",
    "accepted_late": "是否逾期签收",
    "answered_late": "是否逾期答复",
    "score": "评分（1 至 5 分）",
    "comment": "评价意见",
    # reports
    "quarter": "季度",
    "year": "年份",
    "start": "开始日期",
    "end": "结束日期",
    "as_of": "逾期情况统计至该日",
    "figures": "统计数字",
    "breakdown": "分类统计",
    "overdue": "逾期情况",
    "referrals": "乡呼县应统计",
    "sections": "按委托部门（或乡镇自身的赋权事项）分列的案件",
    "findings": "执法监督发现的问题",
    "clues": "本季度发现的线索数（按发现时间的本地日期）",
    "decided": "本季度作出的决定数（各种决定）",
    "fines_decided": "本季度决定的罚款合计（元）",
    "fines_collected": "本季度缴纳的罚款合计（元，按缴款日期）",
    "closed": "本季度结案数（结案或当场处罚备案）",
    "pending": "未办结数",
    "closure_rate": "结案率（本季度立案的案件中季末已结案的比例，百分数）；无立案时为空",
    "avg_days_to_decision": "平均立案至决定天数（一般程序，本季度决定的）；无数据时为空",
    "avg_days_to_close": "平均立案至结案天数（本季度结案的）；无数据时为空",
    "by_field": "按执法领域的立案数",
    "by_source": "按案件来源的立案数",
    "by_procedure": "按程序的立案数",
    "by_outcome": "按结果（决定种类或案件终结方式）的案件数",
    "decision_clock": "超过九十日办案期限仍未决定的案件数（行政处罚法第六十条）",
    "decided_late": "本季度超过办案期限作出决定的案件数",
    "publication": "逾期未公示的决定数",
    "payment": "逾期未缴清罚款的决定数",
    "unpaid": "逾期未缴的罚款合计（元，不含加处罚款）",
    "days_overdue": "逾期的日历天数（至统计日）",
    "collected": "本季度已缴罚款（元）",
    "closed_on": "结案日期",
    "cases": "案件",
    "step": "规则所把关的办案环节",
    "rule": "规则的拒绝代码",
    "in_event_log": "该环节是否有事件记录（false：导入的历史数据或直接写入数据表）",
    "sent": "本季度发出数",
    "accepted": "已签收数",
    "answered": "已答复数",
    "refused": "拒收数",
    "returned": "退回数",
    "avg_accept_working_days": "平均签收工作日数；无数据时为空",
    "avg_answer_working_days": "平均答复工作日数；无数据时为空",
    "avg_answer_hours": "平均答复小时数；无数据时为空",
    # audit
    "events": "事件数",
    "intact": "哈希链、签名和案件记录是否完好",
    "first_break": "第一处断裂；完好时为空",
    "unsealed": "尚未签名封存的事件数",
    "checkpoint": "最近的签名检查点",
    "row": "案件记录中的值",
    # calendar
    "day": "日期",
    "working": "是否工作日（暂定年份按无调休计，不确定的日子见 note）",
    "source_name": "数据来源名称",
    "notice": "所依据的通知文号、数据包版本或暂定规则",
    "loaded_by": "加载人用户名",
    "loaded_at": "加载时间",
    # problems
    "type": "问题类型 URI（urn:zhifa:problem:<code>）",
    "detail": "中文说明",
    "errors": "字段错误：每项指明字段、位置和中文说明",
}

FIELDS.update({
    # names that mean something else in one schema
    "CaseDetail.case": "案件基本信息",
    "CaseDetail.officers": "承办的执法人员用户名",
    "CasePage.items": "本页的案件，从新到旧",
    "CasePage.limit": "每页条数（最多 200）",
    "ClueCreate.summary": "线索摘要：发现的情况",
    "ClueCreate.power": "执法事项代码（已知时；立案时可再写明）",
    "ClueCreate.party_id": "当事人编号（已登记时）",
    "ClueCreate.place": "发现地点",
    "CaseRead.number": "立案编号；立案前为空",
    "CaseRead.status": "案件状态",
    "CaseRead.source": "案件来源",
    "CaseRead.township": "乡镇行政区划代码",
    "CaseLine.status": "案件状态",
    "CaseLine.number": "立案编号",
    "CaseLine.amount": "决定的罚款（元）",
    "CaseLine.decision_kind": "决定种类；尚未决定时为空",
    "DeadlineRead.code": "期限代码（如 filing_decision 立案决定期限、defence_reply 陈述申辩期限）",
    "DeadlineRead.name": "期限名称（如「线索核查及立案决定期限」）",
    "DeadlineRead.basis": "法律依据（条文）",
    "EventRead.kind": "事件种类（办案操作代码，或 clue_registered 线索登记、evidence_added 证据登记等）",
    "EventRead.place": "事件发生地点",
    "EventRead.case_id": "案件编号；不属于某一案件的事件为空",
    "EvidenceRead.kind": "法定证据种类（行政处罚法第四十六条）",
    "EvidenceRead.title": "证据名称",
    "NextAction.label": "操作的中文名称",
    "RefusalRead.code": "规则代码（如 decision.reply_period_running）",
    "RefusalRead.message": "拒绝的中文说明",
    "PartyCreate.kind": "当事人类型",
    "PartyRead.kind": "当事人类型",
    "PartyCreate.name": "姓名或名称",
    "PartyRead.name": "姓名或名称",
    "PublicParty.kind": "当事人类型",
    "PublicParty.name": "姓名或名称（自然人去标识化，如「张*」）",
    "PublicParty.identifier": "证件号码（居民身份证号码只留首尾，统一社会信用代码照录）",
    "CertificateCreate.number": "行政执法证号",
    "CertificateRead.number": "行政执法证号",
    "CertificateCreate.fields": "执法证覆盖的执法领域代码",
    "CertificateRead.fields": "执法证覆盖的执法领域代码",
    "CertificateCreate.valid_to": "有效期至（含）",
    "CertificateRead.valid_to": "有效期至（含）",
    "CertificateRead.revoked_on": "吊销或注销日期",
    "UserRead.township": "所属乡镇行政区划代码；县级人员为空",
    "TokenRead.township": "所属乡镇行政区划代码；县级人员为空",
    "TokenRead.username": "用户名",
    "TokenRead.roles": "角色",
    "TownshipRead.id": "乡镇编号",
    "TownshipRead.code": "乡镇行政区划代码（9 或 12 位）",
    "TownshipRead.name": "乡镇（街道）名称",
    "AuthorisationCreate.field": "授予的执法领域代码",
    "AuthorisationCreate.power": "只授予该执法事项；为空则授予整个领域",
    "AuthorisationCreate.department": "委托部门代码（委托时必填）",
    "AuthorisationDisable.field": "上收的执法领域代码",
    "AuthorisationDisable.power": "只上收该执法事项；为空则上收整个领域",
    "AuthorisationDisable.document_no": "上收文件文号",
    "AuthorisationDisable.valid_from": "上收生效日期：此日起不得新办该领域（事项）的案件，已有案件不受影响",
    "AuthorisationRead.kind": "记录种类",
    "AuthorisationRead.basis": "授权方式；上收记录为空",
    "AuthorisationRead.department": "委托部门代码（委托时）",
    "EffectivePower.kind": "执法事项类型",
    "EffectivePower.department": "委托部门代码（委托时）",
    "EffectivePower.basis": "授权方式",
    "PowerDetail.power": "执法事项",
    "PowerDetail.basis": "授权方式",
    "Power.code": "执法事项代码（稳定，永不复用）",
    "Power.name": "执法事项名称",
    "Power.department": "划出该事项的县级部门类别代码",
    "Power.basis": "实施依据（行政检查、行政强制等事项）",
    "Power.note": "起草说明（只给目录编写人看，不印在文书上）",
    "Power.penalties": "罚款以外的处罚种类",
    "Power.kind": "执法事项类型",
    "Measure.kind": "措施种类",
    "Measure.text": "依据原文中规定该措施的文字",
    "Tier.code": "阶次代码",
    "Tier.name": "阶次名称（从轻、一般、从重等）",
    "Tier.facts": "适用情形",
    "Tier.min": "罚款下限（元）",
    "Tier.max": "罚款上限（元）",
    "Tier.penalties": "该阶次并处的其他处罚种类",
    "DiscretionStandard.code": "裁量基准代码",
    "DiscretionStandard.power": "所细化的执法事项代码",
    "DiscretionStandard.name": "裁量基准名称",
    "DiscretionStandard.source": "基准来源（文件、制定机关、年份）",
    "DiscretionStandard.situation": "所细化的法定罚款情形代码",
    "DiscretionStandard.party": "适用的当事人范围",
    "NoPenaltyItem.code": "清单条目代码",
    "NoPenaltyItem.power": "执法事项代码",
    "NoPenaltyItem.kind": "清单种类",
    "NoPenaltyItem.source": "清单来源（文件、制定机关）",
    "StatutoryFine.party": "适用的当事人范围",
    "StatutoryFine.min": "法定罚款下限（元，或倍数、比例）",
    "StatutoryFine.max": "法定罚款上限（元，或倍数、比例）",
    "Provision.version": "所引版本的施行日期",
    "Recommendation.outcome": "建议结果",
    "Recommendation.power": "适用的执法事项版本代码（从旧兼从轻）",
    "Recommendation.penalties": "建议的处罚种类",
    "Recommendation.reasons": "裁量理由（印在决定书上）",
    "Recommendation.situation": "适用的法定罚款情形代码",
    "Recommendation.tier": "适用的裁量阶次代码",
    "PenaltyFacts.power": "执法事项代码",
    "PenaltyFacts.tier": "办案人员选定的裁量阶次代码；为空时按情节确定",
    "Range.min": "下限（元，含）",
    "Range.max": "上限（元，含）",
    "ConcludeInvestigation.facts": "认定的裁量事实（执法事项和日期由系统按案件填写）",
    "ConcludeInvestigation.amount": "拟罚款金额（元）；为空时按建议金额，或不罚款",
    "ConcludeInvestigation.penalties": "拟给予的罚款以外的处罚",
    "ConcludeInvestigation.reasons": "拟处理意见的理由",
    "ConcludeInvestigation.outcome": "拟处理结果",
    "Decide.kind": "决定种类",
    "Decide.amount": "罚款金额（元）；只警告等不罚款时为空",
    "Decide.penalties": "罚款以外的处罚",
    "Decide.reasons": "决定理由",
    "DecideOnSpot.field": "执法领域代码",
    "DecideOnSpot.power": "执法事项代码",
    "DecideOnSpot.summary": "违法事实",
    "DecideOnSpot.place": "违法地点",
    "DecideOnSpot.amount": "罚款金额（元）；只警告时为空",
    "DecideOnSpot.situation": "法定罚款情形代码（default，或 not_corrected、serious 等）",
    "DecideOnSpot.circumstances": "当场认定的情节代码（减轻处罚的依据）",
    "DecideOnSpot.reasons": "罚款低于法定最低额（减轻处罚）的理由",
    "FileCase.officers": "承办的执法人员用户名（至少两名持有效执法证的执法人员，行政处罚法第四十二条）",
    "FileCase.power": "执法事项代码（线索未写明时在立案时写明）",
    "Recuse.officer": "回避的执法人员用户名",
    "Recuse.reason": "回避理由（行政处罚法第四十三条）",
    "PreserveEvidence.items": "先行登记保存的物品清单",
    "Seize.kind": "措施种类",
    "Seize.days": "期限（日，最长 30 日）",
    "Seize.items": "查封、扣押的场所、设施或者财物清单",
    "ExtendSeizure.index": "延长第几项查封、扣押（从 0 起）",
    "ExtendSeizure.days": "延长天数（最长 30 日）",
    "DecidePreservedEvidence.index": "处理第几项先行登记保存（从 0 起）",
    "ExtendDecisionDeadline.days": "延长的天数（1 至 365 日）",
    "ExtendDecisionDeadline.reason": "延长办案期限的理由（行政处罚法第六十条）",
    "ServeDecision.method": "送达方式",
    "ServeDecision.recipient": "受送达人",
    "ServeDecision.received_on": "邮寄：回执上的收件日期（必填）；电子送达：到达日期（不写则为操作当日）",
    "RecordPayment.amount": "缴纳金额（元），不超过尚欠金额（罚款加加处罚款，减已缴）",
    "Instalment.due": "该期的缴纳期限",
    "Instalment.amount": "该期金额（元）",
    "RecordRemedy.kind": "救济种类",
    "Close.note": "结案说明",
    "OrderCorrection.content": "责令改正的内容",
    "Recheck.corrected": "复查时是否已改正",
    "Transfer.recipient": "有管辖权的机关",
    "Transfer.reason": "移送理由",
    "HandBack.department": "移交的县级部门代码",
    "HandBack.reason": "移交理由（如拟罚款达到县级保留的较大数额）",
    "RecordDefence.summary": "陈述、申辩的要点",
    "HoldHearing.record": "听证笔录（最多 50000 字）",
    "RecordPoliceReceipt.received_on": "公安机关接受移送之日（回执）；不写则为操作当日",
    "RecordPoliceDecision.reason": "不予立案的理由（不予立案时必填）",
    "CopyToProcuratorate.document_no": "移送书文号",
    "TownshipUserCreate.roles": "角色（乡镇角色）",
    "ReferralCreate.department": "呼叫的县直部门代码（如 market-county_amr）",
    "ReferralCreate.summary": "呼叫事项：需要部门处理的情况",
    "ReferralCreate.field": "执法领域代码；为空取部门所属领域",
    "ReferralCreate.power": "执法事项代码（已知时）",
    "ReferralCreate.case_id": "关联的案件编号",
    "ReferralRead.number": "呼叫编号（如「横综执呼〔2026〕1号」）",
    "ReferralRead.status": "事项状态",
    "ReferralRead.reason": "拒收或退回的理由",
    "ReferralRead.summary": "呼叫事项",
    "ReferralRead.township": "发出呼叫的乡镇行政区划代码",
    "ReasonInput.reason": "拒收或退回的理由",
    "AnswerInput.answer": "部门的答复",
    "WithdrawalCreate.reason": "撤回理由（决定被撤销、变更或确认违法、无效）",
    "PublicRecord.township": "乡镇名称",
    "PublicRecord.title": "公示标题（行政处罚决定、不予行政处罚决定）",
    "PublicRecord.facts": "主要违法事实（已去标识化）",
    "PublicRecord.place": "地点（只到道路一级）",
    "PublicRecord.penalties": "处罚种类（中文）",
    "PublicRecord.amount": "罚款金额（元）",
    "PublicRecord.reasons": "处罚理由",
    "PublicRecord.decision_kind": "决定种类",
    "PublicationRead.kind": "公示种类",
    "PublicationRead.status": "公示状态",
    "PublicationRead.record": "已公示的内容；尚未公示时为空",
    "PublicationRead.decision_kind": "决定种类",
    "PublicationDraft.record": "按公示日生成的公示内容（已去标识化）",
    "PublishConfirm.facts": "公示的违法事实（确认或修改后的）",
    "PublishConfirm.reasons": "公示的处罚理由（确认或修改后的）",
    "PublicPage.on": "公示页面的日期",
    "OverduePublication.problem": "问题种类",
    "OverduePublication.note": "说明",
    "OverdueItem.problem": "逾期种类",
    "OverdueItem.amount": "尚欠的罚款（元，逾期缴款时）",
    "WithdrawalNotice.title": "撤回的决定的标题",
    "WithdrawalNotice.reason": "撤回理由",
    "Finding.code": "问题代码（如 officers.fewer_than_two）",
    "Finding.title": "问题种类的中文名称",
    "Finding.on": "规则所检查的日期（立案日期或决定日期）",
    "Finding.message": "规则的中文说明",
    "Finding.power": "执法事项代码",
    "Quarter.label": "季度标记（如 2026Q3）",
    "Quarter.number": "第几季度（1 至 4）",
    "Figures.filed": "本季度立案数（简易程序按当场决定日期）",
    "Figures.penalties": "其中给予行政处罚的决定数",
    "Figures.pending": "季末未结：季末前立案、到季末尚未办结的案件数",
    "ReferralFigures.pending": "未答复也未终结的事项数（已发出或已签收）",
    "ReferralFigures.answered_late": "逾期答复数",
    "AuthoritySection.basis": "授权方式",
    "AuthoritySection.department": "委托部门代码（委托时）",
    "AuthoritySection.name": "部门名称、乡镇名称，或「未获授权」",
    "TownshipStatistics.findings": "本季度各环节的执法监督问题数",
    "QuarterlyReport.township": "乡镇行政区划代码",
    "ChainReport.township": "乡镇行政区划代码",
    "ChainReport.events": "核验的事件数",
    "ChainReport.cases": "案件记录与事件不一致之处",
    "ChainBreak.seq": "断裂处的事件序号",
    "ChainBreak.problem": "断裂种类",
    "CaseMismatch.field": "不一致的字段",
    "CaseMismatch.events": "按事件重算的值",
    "CalendarDay.source": "数据来源",
    "CalendarDay.note": "节日名称、调休上班，或暂定年份中可能调休的说明",
    "CalendarYearRead.source": "数据来源",
    "CalendarYearRead.provisional": "是否暂定年份（国务院通知尚未公布）",
    "CalendarYearRead.days": "每一日",
    "DocumentRead.number": "文号；不编号的文书为空",
    "DocumentRead.title": "文书名称",
    "DocumentRead.content_sha256": "Word 文件内容的 SHA-256（十六进制）",
    "DocumentRead.size_bytes": "Word 文件大小（字节）",
    "NextAction.refusals": "不允许时，拒绝的各条规则",
    # the problem (api/problems.py)
    "Problem.status": "HTTP 状态码",
    "Problem.title": "状态的中文标题（如「请求有误」「不符合法定程序」）",
    "Problem.code": "稳定的规则或错误代码（如 request.invalid、case.version_conflict）",
    "Problem.refusals": "拒绝的各条办案规则（422）",
    "ProblemFieldError.field": "出错的字段，按请求中的写法（如 identifier、officers[1]、instalments[0].amount）",
    "ProblemFieldError.source": "字段所在位置",
    "ProblemFieldError.message": "中文说明",
    "ProblemRefusal.code": "规则代码",
    "ProblemRefusal.message": "拒绝的中文说明",
    # the typed objects (TYPED_OBJECTS)
    "Reporter.name": "举报人姓名",
    "Reporter.phone": "举报人联系电话",
    "Reporter.inspection_draw": "由双随机抽查结果登记的线索：抽取编号",
    "Reporter.inspectors": "由双随机抽查结果登记的线索：检查人员用户名",
    "JsonSchema.type": "JSON 类型",
    "JsonSchema.title": "标题",
    "JsonSchema.properties": "各属性的 JSON Schema",
    "JsonSchema.required": "必填属性",
    "JsonSchema.$defs": "引用的定义",
    "JsonSchema.$ref": "引用",
    "InvestigationFacts.act_date": "违法行为发生日期；为空取案卷中的日期",
    # the case file (zhifa.core.procedure.casefile)
    "CaseFile.procedure": "程序",
    "CaseFile.officers": "承办的执法人员用户名",
    "CaseFile.recused": "已回避的执法人员用户名",
    "CaseFile.filing_extension": "立案期限的延长（经批准）",
    "CaseFile.correction": "责令改正（两段式事项）",
    "CaseFile.preservations": "先行登记保存（行政处罚法第五十六条）",
    "CaseFile.seizures": "查封、扣押（行政强制法第二十五条）",
    "CaseFile.extensions": "办案期限的延长（行政处罚法第六十条）",
    "CaseFile.excluded": "不计入办案期限的期间（听证、检测、中止等）",
    "CaseFile.proposal": "调查终结的拟处理意见",
    "CaseFile.legal_review": "法制审核（行政处罚法第五十八条）",
    "CaseFile.discussion": "集体讨论（行政处罚法第五十七条）",
    "CaseFile.notice": "行政处罚事先告知（行政处罚法第四十四条）",
    "CaseFile.defence_on": "陈述、申辩的日期",
    "CaseFile.defence": "陈述、申辩的要点",
    "CaseFile.rights_waived": "当事人是否放弃陈述、申辩和听证",
    "CaseFile.hearing": "听证",
    "CaseFile.decision": "处罚决定或不予处罚决定",
    "CaseFile.service": "决定书送达",
    "CaseFile.execution": "执行：缴款、延期分期、复议诉讼、催告和申请强制执行",
    "CaseFile.archived_on": "归档日期",
    "CaseFile.outcome_note": "结案说明",
    "CaseFile.judicial": "涉嫌犯罪移送后的步骤",
    "CaseFileInterval.start": "开始日期",
    "CaseFileInterval.end": "结束日期；尚未结束时为空",
    "CaseFileInterval.reason": "不计入的原因",
    "CaseFileClockExtension.days": "延长天数",
    "CaseFileClockExtension.approved_on": "批准日期",
    "CaseFileClockExtension.approver": "批准人用户名",
    "CaseFileCorrection.ordered_on": "责令改正日期",
    "CaseFileCorrection.deadline": "改正期限",
    "CaseFileCorrection.rechecked_on": "复查日期",
    "CaseFileCorrection.corrected": "复查时是否已改正；尚未复查时为空",
    "CaseFilePreservation.registered_on": "登记保存日期",
    "CaseFilePreservation.approver": "批准的行政机关负责人用户名",
    "CaseFilePreservation.items": "保存的物品",
    "CaseFilePreservation.decided_on": "作出处理决定的日期（七个工作日内）",
    "CaseFilePreservation.decision": "处理决定（退还、没收、移送、解除等）",
    "CaseFileSeizure.kind": "措施种类",
    "CaseFileSeizure.start": "开始日期",
    "CaseFileSeizure.days": "期限（日）",
    "CaseFileSeizure.approver": "批准的行政机关负责人用户名",
    "CaseFileSeizure.items": "查封、扣押的场所、设施或者财物",
    "CaseFileSeizure.extended_days": "延长的天数",
    "CaseFileSeizure.ended_on": "解除日期",
    "CaseFileReview.reviewer": "法制审核人员用户名",
    "CaseFileReview.on": "审核日期",
    "CaseFileDiscussion.on": "讨论日期",
    "CaseFileProposal.recommendation": "裁量计算的结果",
    "CaseFileProposal.amount": "拟罚款金额（元）",
    "CaseFileProposal.outcome": "拟处理结果",
    "CaseFileNotice.served_on": "告知书送达日期",
    "CaseFileNotice.amount": "告知的拟罚款金额（元）",
    "CaseFileNotice.hearing_offered": "是否告知听证权利",
    "CaseFileNotice.reply_deadline": "陈述、申辩期限的最后一日",
    "CaseFileNotice.hearing_reason": "告知或不告知听证权利的理由",
    "CaseFileNotice.hearing_threshold_missing": "是否因当地未规定较大数额而告知听证权利",
    "CaseFileHearing.requested_on": "申请听证日期",
    "CaseFileHearing.notified_on": "听证通知日期",
    "CaseFileHearing.scheduled_for": "听证日期",
    "CaseFileHearing.host": "听证主持人用户名",
    "CaseFileHearing.held_on": "举行听证的日期",
    "CaseFileDecision.kind": "决定种类",
    "CaseFileDecision.on": "决定日期",
    "CaseFileDecision.recommendation": "决定时的裁量计算结果",
    "CaseFileDecision.decided_by": "作出决定的行政机关负责人用户名",
    "CaseFileService.on": "交付、留置、交邮、发送或发出公告之日",
    "CaseFileService.method": "送达方式",
    "CaseFileService.deemed_on": "视为送达之日（缴款、复议、诉讼期限自此起算）",
    "CaseFilePayment.on": "缴款日期",
    "CaseFileInstalment.due": "该期的缴纳期限",
    "CaseFileInstalment.amount": "该期金额（元）",
    "CaseFileExecution.due": "缴纳罚款的期限（送达后十五日）",
    "CaseFileExecution.payments": "缴款记录",
    "CaseFileExecution.remedies": "复议、诉讼期间（加处罚款暂停计算，行政处罚法第七十三条第三款）",
    "CaseFileExecution.demand_served_on": "催告书送达日期",
    "CaseFileExecution.court_applied_on": "申请人民法院强制执行的日期",
    "CaseFileJudicialTransfer.organ": "接受移送的司法机关",
    "CaseFileJudicialTransfer.on": "移送日期",
    "CaseFilePoliceDecision.notified_on": "收到公安机关书面通知之日",
})

FIELDS.update({
    # 双随机、一公开 (zhifa.core.schemas.inspections)
    "target_id": "检查对象编号",
    "target_name": "检查对象名称",
    "risk_class": "信用风险分类：A 低、B 一般、C 较高、D 高",
    "inspectors": "执法检查人员用户名",
    "inspector": "执法检查人员用户名",
    "inspector_names": "执法检查人员姓名",
    "operator": "经营者（个体工商户）或法定代表人",
    "ratio": "抽查比例（百分数）",
    "ratios": "各风险分类的抽查比例（百分数），A 至 D 每类都要写",
    "total": "名录中的对象数",
    "drawn": "抽中的对象数",
    "plan_id": "抽查计划编号",
    "draw_id": "抽取记录编号",
    "seed": "随机种子（0 至 2^63-1）；不写时由系统安全随机生成并记录",
    "algorithm": "抽取算法的名称和版本",
    "target_directory_version": "抽取时检查对象名录的版本",
    "target_directory_hash": "抽取时检查对象名录的哈希值（SHA-256）",
    "inspector_directory_version": "抽取时执法检查人员名录的版本",
    "inspector_directory_hash": "抽取时执法检查人员名录的哈希值（SHA-256）",
    "result_hash": "抽取结果的哈希值（SHA-256）",
    "drawn_at": "抽取时间",
    "drawn_by": "抽取人用户名",
    "classes": "各风险分类的名录数和抽中数",
    "assignments": "抽中的对象及选派的执法检查人员",
    "ineligible": "不能被抽取的执法检查人员及原因",
    "added": "新增的对象数",
    "updated": "更新的对象数",
    "unchanged": "未变化的对象数",
    "targets": "检查对象",
    "starts_on": "检查期间开始日期",
    "ends_on": "检查期间结束日期",
    "per_target": "每个对象选派的执法检查人员数",
    "rotation": "是否轮换：上一次抽取中检查过某对象的人员不再被抽去检查该对象",
    "publications": "公示，每次抽取一组，新的在前",
    "inspected_on": "检查日期",
    "inspected_at": "检查时间（带时区）；缺省为现在",
    "outcome_name": "抽查结果的中文名称",
    "late": "是否逾期公示",
    "clue_summary": "发现问题已立案时登记的线索摘要（缺省取 note）",
    "plan_title": "抽查计划名称",
    "results": "抽查结果",
    "publish_due": "应当公示的最后一日（检查后 20 个工作日）",
    "recorded_version": "抽取时记录的名录版本",
    "recorded_hash": "抽取时记录的名录哈希值",
    "current_version": "现在的名录版本",
    "current_hash": "现在的名录哈希值",
    "changed": "所用记录此后是否变化（仅供参考，不影响核验）",
    "verified": "核验是否通过：记录的名录与哈希相符、按种子重新抽取结果一致、事件相符",
    "problems": "每一处不符的说明",
    "include_inactive": "是否包括已移出名录的对象",
    "coercive_power": "所依据的行政强制执法事项代码（其目录条目须规定该措施，行政强制法第十条、第十七条）",
    "TargetCreate.kind": "主体类型",
    "TargetRead.kind": "主体类型",
    "TargetCreate.identifier": "统一社会信用代码",
    "TargetRead.identifier": "统一社会信用代码",
    "TargetCreate.risk_class": "信用风险分类：A 低、B 一般、C 较高、D 高（也可写中文：低、一般、较高、高）",
    "TargetDirectoryRead.version": "名录版本（每次有新增或更新加一）",
    "InspectorDirectoryRead.version": "名录版本",
    "ImportSummary.version": "导入后的名录版本",
    "InspectorDirectoryRead.inspectors": "执法检查人员",
    "InspectorsAdd.inspectors": "加入名录的执法人员用户名",
    "IneligibleRead.reason": "不能被抽取的原因（如无有效执法证）",
    "IneligibleRead.name": "姓名",
    "RecusalRead.reason": "回避理由",
    "RecusalCreate.reason": "回避理由",
    "ResultCreate.outcome": "抽查结果",
    "ResultRead.outcome": "抽查结果",
    "ResultCreate.note": "检查情况说明",
    "ResultRead.note": "检查情况说明",
    "ResultRead.case_id": "发现问题已立案时登记的案件编号",
    "ResultPublication.authority": "检查机关（乡镇）",
    "PublicResult.identifier": "统一社会信用代码",
    "PublicResult.operator": "经营者（个体工商户的姓名已去标识化）",
    "PublicResult.address": "地址（个体工商户不示）",
    "PublicInspections.on": "公示截至日",
    "PlanCreate.title": "抽查计划名称",
    "PlanRead.title": "抽查计划名称",
    "PlanCreate.field": "检查的执法领域代码",
    "VerifyReport.targets": "检查对象名录：抽取时与现在",
    "VerifyReport.inspectors": "执法检查人员名录：抽取时与现在",
    "DrawRead.seq": "本计划第几次抽取",
    "DrawCreate.seed": "随机种子（0 至 2^63-1）；不写时由系统安全随机生成并记录",
    # the case file: 涉嫌犯罪移送 (zhifa.core.procedure.judicial)
    "CaseFileJudicialTransfer.organ_receipt_no": "公安机关接受移送的回执文号",
    "CaseFileJudicialTransfer.received_on": "公安机关接受移送之日",
    "CaseFileJudicialTransfer.review_due": "公安机关决定是否立案的最后一日（接受后三日，移送涉嫌犯罪案件的规定第八条）",
    "CaseFileJudicialTransfer.procuratorate": "抄送的人民检察院",
    "CaseFileJudicialTransfer.copy_document_no": "抄送的移送书文号",
    "CaseFileJudicialTransfer.copied_on": "抄送日期",
    "CaseFileJudicialTransfer.decisions": "公安机关的立案或不予立案决定",
    "CaseFileJudicialTransfer.reconsideration_requested_on": "提请复议的日期",
    "CaseFileJudicialTransfer.reconsideration_reason": "提请复议的理由",
    "CaseFileJudicialTransfer.reconsideration_due": "公安机关作出复议决定的最后一日（第九条第二款）",
    "CaseFileJudicialTransfer.resumed_on": "不予立案后恢复行政处理的日期",
    "CaseFilePoliceDecision.filed": "公安机关是否决定立案",
    "CaseFilePoliceDecision.due": "公安机关作出该决定的期限",
    "CaseFilePoliceDecision.in_time": "是否在期限内作出；无法判断时为空",
    "CaseFilePoliceDecision.on_reconsideration": "是否为复议后的决定",
    "CaseFilePoliceDecision.reason": "不予立案的理由",
})

#: Query and path parameters (the routes' own descriptions win where they give one).
PARAMETERS: dict[str, str] = {
    "code": "乡镇行政区划代码（9 或 12 位）",
    "township": "乡镇行政区划代码",
    "status": "状态，可多选",
    "on": "按哪一日（YYYY-MM-DD，缺省今天）",
    "found_from": "发现日期不早于该日（本地日期，含）",
    "found_to": "发现日期不晚于该日（本地日期，含）",
    "filed_from": "立案日期不早于该日（含）",
    "filed_to": "立案日期不晚于该日（含）",
    "cursor": "游标：上一页答复中的 next_cursor",
    "limit": "每页条数（1 至 200）",
    "power": "执法事项代码",
    "field": "执法领域代码",
    "year": "年份",
    "username": "用户名",
    "If-Match": "所读取的案件版本（ETag）",
}

# -- closed vocabularies ----------------------------------------------------------------------------


def _values(source: Any) -> list[str]:
    return [getattr(v, "value", v) for v in source]


def _vocabularies() -> dict[str, list[str]]:
    from zhifa.core.calendar.sources import Side
    from zhifa.core.catalogue.model import PowerKind
    from zhifa.core.domain.authorisation import Basis
    from zhifa.core.domain.roles import Role
    from zhifa.core.procedure.states import Status
    from zhifa.core.rules.execution import SERVICE_METHODS
    from zhifa.core.services.cases import CaseSource
    from zhifa.core.services.evidence import EvidenceKind
    from zhifa.core.services.inspections.results import Outcome
    from zhifa.core.services.inspections.targets import TARGET_KINDS
    from zhifa.core.services.parties import KINDS

    decisions = ["penalty", "no_penalty_minor", "no_penalty_unproven", "criminal_transfer"]
    return {
        "source": _values(CaseSource),
        "CalendarDay.source": ["deployment", "official", "provisional"],
        "CalendarYearRead.source": ["deployment", "official", "provisional"],
        "status": _values(Status),
        "PublicationRead.status": ["queued", "published", "withdrawal_due", "withdrawn", "cancelled", "taken_down"],
        "ReferralRead.status": ["sent", "accepted", "answered", "closed", "refused", "returned"],
        "GET /referrals:status": ["sent", "accepted", "answered", "closed", "refused", "returned"],
        "procedure": ["general", "simple"],
        "CaseFile.procedure": ["general", "simple"],
        "roles": _values(Role),
        "basis": _values(Basis),
        "AuthoritySection.basis": [*_values(Basis), "unauthorised"],
        "protects": _values(Side),
        "method": list(SERVICE_METHODS),
        "CaseFileService.method": list(SERVICE_METHODS),
        "party_kind": list(KINDS),
        "PartyCreate.kind": list(KINDS),
        "PartyRead.kind": list(KINDS),
        "PublicParty.kind": ["citizen", "individual_business", "organisation"],
        "EvidenceRead.kind": _values(EvidenceKind),
        "POST /townships/{code}/cases/{case_id}/evidence:kind": _values(EvidenceKind),
        "AuthorisationRead.kind": ["grant", "withdrawal"],
        "EffectivePower.kind": _values(PowerKind),
        "PublicationRead.kind": ["penalty", "other"],
        "decision_kind": decisions,
        "CaseFileDecision.kind": decisions,
        "CaseFileProposal.outcome": ["penalty", "no_penalty", "criminal_transfer"],
        "Recommendation.outcome": ["penalty", "no_penalty"],
        "CaseFileSeizure.kind": ["seal", "seize"],
        "CaseFileInterval.reason": ["hearing", "testing", "suspension", "reconsideration", "litigation"],
        "OverduePublication.problem": ["publication_overdue", "withdrawal_overdue"],
        "OverdueItem.problem": ["decision_clock", "publication", "payment"],
        "ChainBreak.problem": ["altered", "inserted_or_deleted", "sequence_gap", "unsealed"],
        "Finding.step": ["file_case", "decide", "decide_on_spot", "register_evidence"],
        "token_type": ["Bearer"],
        "ProblemFieldError.source": ["body", "query", "path", "header"],
        "TargetCreate.kind": list(TARGET_KINDS),
        "TargetRead.kind": list(TARGET_KINDS),
        "outcome": _values(Outcome),  # 抽查结果 (ResultCreate, ResultRead); the others are named above
        "TargetRead.risk_class": ["A", "B", "C", "D"],
        "AssignmentRead.risk_class": ["A", "B", "C", "D"],
        "ClassCountRead.risk_class": ["A", "B", "C", "D"],
    }


_VOCABULARIES: dict[str, list[str]] | None = None


def vocabulary(specific: str, name: str) -> list[str] | None:
    """The closed vocabulary of a field: ``specific`` (``"Schema.property"``, ``"METHOD /path:parameter"``)
    first, then the plain ``name``; None when either is declared open (``OPEN``) or none is known."""
    global _VOCABULARIES
    if _VOCABULARIES is None:
        _VOCABULARIES = _vocabularies()
    if specific in OPEN:
        return None
    if specific in _VOCABULARIES:
        return _VOCABULARIES[specific]
    return None if name in OPEN else _VOCABULARIES.get(name)


#: Fields named like a vocabulary whose values are not a closed list, and why.
OPEN: dict[str, str] = {
    "DeadlineRead.basis": "法律依据的条文文字",
    "DiscretionStandard.source": "基准来源的文字（文件、制定机关、年份）",
    "NoPenaltyItem.source": "清单来源的文字",
    "EventRead.kind": "事件种类随办案操作、插件和新功能增加；客户端须容许未知的种类",
    "DocumentRead.stage": "文书模板的环节由模板数据声明（插件可增加）",
    "TargetCreate.risk_class": "还接受中文写法（低、一般、较高、高），读取时统一为 A 至 D",
    "Measure.kind": "已由 MeasureKind 枚举给出",
    "media_type": "媒体类型（MIME），按文件内容识别，种类开放",
}


def is_action(path: str) -> bool:
    return "/actions/" in path


# -- typed objects ----------------------------------------------------------------------------------

JSON_VALUE = {"$ref": "#/components/schemas/JsonValue"}

#: Components for JSON that the structs type as ``dict[str, Any]``.
JSON_SCHEMAS: dict[str, Any] = {
    "JsonValue": {
        "description": "任意 JSON 值",
        "oneOf": [{"type": "string"}, {"type": "number"}, {"type": "boolean"}, {"type": "null"},
                  {"type": "array", "items": JSON_VALUE}, {"type": "object", "additionalProperties": JSON_VALUE}],
    },
    "EventPayload": {
        "type": "object", "additionalProperties": JSON_VALUE,
        "description": "事件所记录的事实：办案操作的请求内容及其结果，键随事件种类而定",
    },
    "Reporter": {
        "type": "object", "additionalProperties": JSON_VALUE,
        "description": "举报人或线索提供方的信息（可另加其他键，原样保存）",
        "properties": {"name": {"type": "string"}, "phone": {"type": "string"},
                       "inspection_draw": {"type": "integer"}, "inspectors": {"type": "array", "items": {"type": "string"}}},
    },
    "JsonSchema": {
        "type": "object", "additionalProperties": JSON_VALUE,
        "description": "JSON Schema（2020-12），描述该操作的请求体",
        "properties": {"type": {"type": "string"}, "title": {"type": "string"},
                       "properties": {"type": "object", "additionalProperties": JSON_VALUE},
                       "required": {"type": "array", "items": {"type": "string"}},
                       "$defs": {"type": "object", "additionalProperties": JSON_VALUE},
                       "$ref": {"type": "string"}},
    },
}

#: ``"Schema.property"`` → what the object really holds.
TYPED_OBJECTS: dict[str, Any] = {
    "CaseDetail.file": {"$ref": "#/components/schemas/CaseFile"},
    "EventRead.payload": {"$ref": "#/components/schemas/EventPayload"},
    "ClueCreate.reporter": {"$ref": "#/components/schemas/Reporter"},
    "NextAction.input_schema": {"$ref": "#/components/schemas/JsonSchema"},
    "ConcludeInvestigation.facts": {"$ref": "#/components/schemas/InvestigationFacts"},
    "CaseFileProposal.recommendation": {"$ref": "#/components/schemas/Recommendation"},
    "CaseFileDecision.recommendation": {"oneOf": [
        {"$ref": "#/components/schemas/Recommendation"},
        {"type": "object", "additionalProperties": False, "description": "空：决定时没有裁量计算（不予处罚等）"}]},
}

#: PenaltyFacts' fields the service fills in from the case itself (zhifa.core.services.recommend).
FILLED_BY_SERVICE = ("power", "decision_date", "party_kind", "party_birth_date")


def investigation_facts(schemas: dict[str, Any]) -> dict[str, Any]:
    """调查终结 ``facts``: the calculator's facts without what the case supplies, none required."""
    facts = schemas.get("PenaltyFacts", {"properties": {}})
    properties = {k: v for k, v in facts.get("properties", {}).items() if k not in FILLED_BY_SERVICE}
    return {"type": "object", "properties": properties, "additionalProperties": False,
            "description": "调查终结时认定的裁量事实；执法事项、决定日期和当事人情况由系统按案件填写"}


def binary_body(operation: str) -> dict[str, Any]:
    """A body the handler reads raw (``request.stream()``, ``request.body()``): the file itself."""
    media = RAW_MEDIA.get(operation, RAW_DEFAULT)
    what = "CSV 文件" if media == ("text/csv",) else "文件"
    return {"required": True,
            "description": f"{what}的原始内容（不是表单，也不是 JSON）；Content-Type 写其媒体类型，如 {media[-1]}",
            "content": {m: {"schema": {"type": "string", "format": "binary"}} for m in media}}


# -- statuses the services answer ------------------------------------------------------------------

T = "/townships/{code}"
R = "/referrals/{referral_id}"
I = "/townships/{code}/inspections"
_REFERRAL_STATE = "事项当前状态不允许此步骤，或已被他人处理（referral.wrong_state）"

SERVICE_ANSWERS: dict[str, dict[int, str]] = {
    "POST /auth/login": {401: "用户名或密码错误（auth.invalid_credentials）；未知用户与密码错误答复相同",
                         429: "登录失败次数过多（auth.throttled）：同一用户名 15 分钟内 5 次或同一地址 20 次，响应头 Retry-After"},
    f"POST {T}/cases": {422: "办案规则拒绝：领域或事项当日未授权，发现时间、违法行为日期不在 1996-10-01 至今天之间（date.*）"},
    f"POST {T}/parties": {409: "本乡镇已登记同一证件号码的当事人（party.exists）"},
    f"POST {T}/users": {409: "用户名已被使用（user.exists）"},
    f"POST {T}/users/{{username}}/certificates": {409: "执法证号已登记（certificate.exists）"},
    f"POST {T}/cases/{{case_id}}/evidence": {
        422: "上传人须持有取证当日有效、覆盖本案领域的行政执法证（officer.actor_no_valid_certificate），不保存"},
    f"GET {T}/evidence/{{evidence_id}}/content": {
        409: "证据有记录而文件已不在证据存储中（evidence.file_missing）；再次上传同一文件即可恢复",
        400: "文件内容与登记的哈希值不符（evidence.tampered）"},
    f"GET {T}/documents/{{document_id}}/content": {
        409: "文书有记录而文件已不在文书存储中（document.file_missing）；须从备份恢复",
        400: "文件内容与制作时记录的哈希值不符（document.tampered）"},
    f"GET {T}/cases/{{case_id}}/export": {
        409: "案卷中的证据或文书文件已不在存储中（evidence.file_missing、document.file_missing）"},
    f"POST {T}/recommendations": {422: "裁量计算所需的事实不足或不适用（如 penalty.party_kind_unknown）"},
    f"POST {T}/publications/{{publication_id}}/publish": {
        400: "未带所核对草稿的核对码（publication.confirmation_required，字段 draft_digest），不公示",
        409: "草稿已变化（publication.draft_changed），或该公示已不在待公示状态（publication.not_queued），不公示"},
    f"POST {T}/publications/{{publication_id}}/withdraw": {
        409: "该公示当前不能撤回（publication.not_published、publication.not_withdrawable）"},
    f"POST {R}/accept": {409: _REFERRAL_STATE},
    f"POST {R}/refuse": {409: _REFERRAL_STATE},
    f"POST {R}/answer": {409: _REFERRAL_STATE},
    f"POST {R}/return": {409: _REFERRAL_STATE},
    f"POST {R}/close": {409: _REFERRAL_STATE},
    f"POST {R}/rate": {409: "事项尚未答复或已评价（referral.wrong_state、referral.rated）"},
    f"POST {I}/recusals": {409: "该人员对该对象的回避已登记（inspection.recusal_exists）"},
    f"POST {I}/plans": {409: "同名的抽查计划已存在（inspection.plan_exists）"},
    f"POST {I}/draws/{{draw_id}}/results": {
        409: "该对象的抽查结果已登记（inspection.result_exists）",
        422: "检查日期不符合日期规则（date.*）"},
}

#: The media types of a raw (not JSON) request body, where it is not a file of any type.
RAW_MEDIA: dict[str, tuple[str, ...]] = {
    f"POST {I}/targets/csv": ("text/csv",),
}
RAW_DEFAULT = ("application/octet-stream", "image/jpeg", "image/png", "video/mp4", "audio/mpeg", "application/pdf")

#: Query parameters that name a township or a record: an unknown one (or another county's) is 404.
RECORD_PARAMETERS = frozenset({"township", "case_id", "party_id", "officer", "department", "username"})

# -- words ------------------------------------------------------------------------------------------

SCHEMAS: dict[str, str] = {
    "Problem": "错误（RFC 9457 problem details，媒体类型 application/problem+json）",
    "ProblemFieldError": "一个字段的错误",
    "ProblemRefusal": "一条拒绝的办案规则",
    "CaseFile": "案卷事实：办案各环节记入的事实（zhifa.core.procedure.casefile）",
    "InvestigationFacts": "调查终结时认定的裁量事实",
}

SUCCESS: dict[int, str] = {200: "成功", 201: "已创建", 204: "成功，无内容"}


def field_description(schema: str, prop: str) -> str | None:
    return FIELDS.get(f"{schema}.{prop}") or FIELDS.get(prop)


def parameter_description(operation: str, name: str) -> str:
    return FIELDS.get(f"{operation}:{name}") or PARAMETERS.get(name) or FIELDS.get(name) or ""


def schema_description(name: str) -> str | None:
    return SCHEMAS.get(name)


def schema_description_fallback(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name)


def body_description(operation: str) -> str:
    return "请求内容（JSON）"


def success_description(operation: str, status: int, old: str | None) -> str:
    if operation == "POST /townships/{code}/cases/{case_id}/evidence" and status == 200:
        return old or SUCCESS[200]
    return SUCCESS.get(status, "成功")


def glossary_markdown() -> str:
    """The table of field meanings for docs/glossary.md."""
    lines = ["| 字段 | 含义 |", "|---|---|"]
    for name in sorted(FIELDS, key=lambda k: (k.split(".")[-1], k)):
        lines.append(f"| `{name}` | {FIELDS[name]} |")
    return "\n".join(lines)


if __name__ == "__main__":  # the table of docs/glossary.md's 接口字段 section
    print(glossary_markdown())
