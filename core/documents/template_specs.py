"""The texts of the core's Word templates (执法文书): one ``Spec`` per document, in the order of the
case file. ``build_templates`` writes them as .docx; a change here is a change of the documents'
wording, reviewed as such (each paragraph cites the article it applies).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Spec:
    code: str
    name: str
    stage: str
    number_code: str = ""  # empty: a form or record without 文号
    body: list = field(default_factory=list)  # ("p", text) | ("table", widths, rows) | …
    size: float = 16  # body size in points (三号 16, 四号 14, 小四 12)
    subtitle: str = ""
    title: str = ""  # printed title, when it differs from the name


# ---------------------------------------------------------------------------------------------
# The standard set
# ---------------------------------------------------------------------------------------------

PARTY = [
    ("flat", "当事人：{{ party.name }}"),
    ("flat", "{{ party.id_label }}：{{ party.identifier }}"),
    ("tag", "{%p if party.legal_representative %}"),
    ("flat", "法定代表人（负责人）：{{ party.legal_representative }}"),
    ("tag", "{%p endif %}"),
    ("flat", "住所（住址）：{{ party.address }}"),
]
ADDRESSEE = [("flat", "{{ party.name }}：")]
ENTRUSTED = [
    ("tag", "{%p if subject.entrusted %}"),
    ("note", "受委托组织：{{ subject.entrusted_to }}（委托书：{{ subject.authority_document }}）"),
    ("tag", "{%p endif %}"),
]
CONTACT = [("flat", "本机关地址：{{ subject.address }}\u3000\u3000联系电话：{{ subject.phone }}")]
RECEIPT = [("flat", "当事人签收：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日")]
OFFICERS = [("flat", "执法人员：{{ officers }}")]
TWO_COPIES = ("note", "（本文书一式两份，一份送达当事人，一份归档。）")
DISCRETION = ("{% if standard.tier %}参照{{ standard.cited }}，本案适用“{{ standard.tier }}”裁量阶次"
              "{% if standard.range %}（{{ standard.range }}）{% endif %}，理由是：{{ standard.reason }}。{% endif %}")
W4 = [32, 48, 32, 44]  # label, value, label, value (mm): 156 mm of text width
W2 = [32, 124]


def _remedies(what: str) -> str:
    return (f"如不服本{what}，可以自收到本{what}书之日起{{{{ remedies.reconsideration_period }}}}内向"
            "{{ remedies.reconsideration_body }}申请行政复议，或者自收到本" + what + "书之日起"
            "{{ remedies.litigation_period }}内依法向{{ remedies.court }}提起行政诉讼。")


SPECS: list[Spec] = [
    Spec("case_source", "案件来源登记表", "clue", size=12, body=[
        ("right", "登记日期：{{ case.found_on }}"),
        ("table", W4, [
            ["案件来源", "{{ case.source_name }}", "发现（受理）时间", "{{ case.found_at }}"],
            ["发现地点", ("{{ case.place }}", 3)],
            ["举报人", "{{ reporter.name }}", "联系电话", "{{ reporter.phone }}"],
            ["当事人", "{{ party.name }}", "证件号码", "{{ party.identifier }}"],
            ["住所（住址）", "{{ party.address }}", "联系电话", "{{ party.phone }}"],
            ["主要内容", ("{{ case.summary }}", 3)],
            ["涉嫌违法事项", ("{{ power.name }}\n{{ power.violated.cited }}", 3)],
            ["登记人意见", ("{{ source.opinion }}\n\n登记人：{{ source.registrar }}\u3000\u3000\u3000\u3000"
                            "{{ case.found_on }}", 3)],
            ["负责人意见", ("{{ source.approval }}\n\n签名：\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日", 3)],
        ]),
    ]),
    Spec("filing_approval", "立案审批表", "filing", size=12, body=[
        ("right", "立案编号：{{ case.number }}"),
        ("table", W4, [
            ["案由", ("{{ case.cause }}", 3)],
            ["案件来源", "{{ case.source_name }}", "发现时间", "{{ case.found_at }}"],
            ["当事人", "{{ party.name }}", "{{ party.id_label }}", "{{ party.identifier }}"],
            ["法定代表人（负责人）", "{{ party.legal_representative }}", "联系电话", "{{ party.phone }}"],
            ["住所（住址）", ("{{ party.address }}", 3)],
            ["简要案情", ("{{ case.facts }}", 3)],
            ["涉嫌违反的规定", ("{{ power.violated.cited }}", 3)],
            ["执法主体", ("{{ subject.name }}（{{ subject.basis_name }}，{{ subject.authority_document }}）", 3)],
            ["承办人", ("{{ officers }}", 3)],
            ["承办人意见", ("{{ filing.opinion }}\n\n签名：\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日", 3)],
            ["审批意见", ("同意立案调查。\n\n审批人：{{ filing.approver }}\u3000\u3000\u3000\u3000{{ filing.date }}", 3)],
        ]),
    ]),
    Spec("inspection_record", "现场检查（勘验）笔录", "investigation", size=12, body=[
        ("right", "案件编号：{{ case.number }}"),
        ("table", W4, [
            ["检查（勘验）时间", ("{{ inspection.start }} 至 {{ inspection.end }}", 3)],
            ["检查（勘验）地点", ("{{ inspection.place }}", 3)],
            ["当事人", "{{ party.name }}", "{{ party.id_label }}", "{{ party.identifier }}"],
            ["现场负责人", "{{ inspection.present }}", "联系电话", "{{ inspection.phone }}"],
            ["执法人员及执法证号", ("{{ officers }}", 3)],
            ["记录人", "{{ inspection.recorder }}", "见证人", "{{ inspection.witness }}"],
        ]),
        ("p", "执法人员已向当事人（现场负责人）出示执法证件，表明身份，说明检查的依据和内容，告知其应当如实提供情况、"
              "配合检查，享有陈述、申辩的权利；认为执法人员与本案有直接利害关系或者其他关系可能影响公正执法的，有权申请回避。"
              "是否申请回避：{{ inspection.recusal }}。"),
        ("flat", "现场检查（勘验）情况："),
        ("p", "{{ inspection.findings }}"),
        ("p", "现场拍照、录像及提取证据情况：{{ inspection.media }}"),
        ("p", "当事人（现场负责人）意见：{{ inspection.party_opinion }}"),
        ("p", "以上笔录已交当事人核对（或者已向其宣读），确认无误。"),
        ("flat", "当事人（签名）：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"),
        ("flat", "见证人（签名）：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"),
        ("flat", "执法人员（签名）：\u3000\u3000\u3000\u3000\u3000\u3000\u3000记录人（签名）："),
        ("note", "当事人拒绝签名的，执法人员应当在笔录中注明，并可以邀请见证人签名或者以录音录像记录。笔录应当逐页签名。"),
    ]),
    Spec("inquiry_record", "询问笔录", "investigation", size=12, body=[
        ("right", "案件编号：{{ case.number }}\u3000\u3000第{{ inquiry.session }}次询问"),
        ("table", W4, [
            ["询问时间", ("{{ inquiry.start }} 至 {{ inquiry.end }}", 3)],
            ["询问地点", ("{{ inquiry.place }}", 3)],
            ["被询问人", "{{ inquiry.person }}", "性别", "{{ inquiry.gender }}"],
            ["身份证件号码", "{{ inquiry.identifier }}", "联系电话", "{{ inquiry.phone }}"],
            ["工作单位及职务", ("{{ inquiry.position }}", 3)],
            ["住址", ("{{ inquiry.address }}", 3)],
            ["询问人及执法证号", ("{{ officers }}", 3)],
            ["记录人", ("{{ inquiry.recorder }}", 3)],
        ]),
        ("p", "问：我们是{{ subject.name }}的执法人员（出示执法证件），现依法就{{ case.cause_short }}一事向你进行调查询问。"
              "你应当如实回答问题、提供有关材料，不得隐瞒、歪曲事实；你有陈述、申辩的权利；认为执法人员与本案有直接利害关系"
              "或者其他关系可能影响公正执法的，有权申请回避。你听清楚了吗？是否申请回避？"),
        ("p", "答：{{ inquiry.recusal }}"),
        ("tag", "{%p for item in inquiry.qa %}"),
        ("p", "问：{{ item.q }}"),
        ("p", "答：{{ item.a }}"),
        ("tag", "{%p endfor %}"),
        ("p", "以上笔录我已看过（已向我宣读），与我所说的相符。"),
        ("flat", "被询问人（签名）：\u3000\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"),
        ("flat", "询问人（签名）：\u3000\u3000\u3000\u3000\u3000\u3000\u3000记录人（签名）："),
        ("note", "被询问人应当在笔录每页签名并注明日期；拒绝签名的，执法人员应当注明情况。"),
    ]),
    Spec("order_correction", "责令改正通知书", "investigation", "责改", body=[
        *ADDRESSEE,
        ("p", "经查，你（单位）{{ case.facts }}上述行为违反了{{ power.violated.law }}{{ power.violated.article }}的规定。"
              "依据{{ power.penalised.law }}{{ power.penalised.article }}的规定，现责令你（单位）于{{ correction.deadline }}前"
              "改正上述违法行为：{{ correction.content }}。"),
        ("p", "请在上述期限内改正，并将改正情况书面报告本机关。本机关将在期限届满后进行复查；逾期不改正的，本机关将依法处理。"),
        ("p", _remedies("通知")),
        *CONTACT,
        ("sign",),
        *OFFICERS,
        *RECEIPT,
        *ENTRUSTED,
        TWO_COPIES,
    ]),
    Spec("preservation_notice", "先行登记保存证据通知书", "investigation", "先保", body=[
        *ADDRESSEE,
        ("p", "因你（单位）涉嫌{{ case.cause_short }}，本机关在调查中发现证据可能灭失或者以后难以取得，经本机关负责人批准，"
              "依据《中华人民共和国行政处罚法》第五十六条的规定，决定自{{ preservation.registered_on }}起对你（单位）的下列物品"
              "予以先行登记保存：{{ preservation.goods }}。"),
        ("p", "先行登记保存地点：{{ preservation.place }}。先行登记保存期间，你（单位）或者有关人员不得损毁、销毁或者转移证据。"
              "本机关将于{{ preservation.deadline }}前（七日内）作出处理决定。"),
        *CONTACT,
        ("sign",),
        *OFFICERS,
        *RECEIPT,
        *ENTRUSTED,
        ("note", "（本通知书一式两份，一份送达当事人，一份归档；所保存物品清单附后。）"),
    ]),
    Spec("preservation_decision", "先行登记保存证据处理决定书", "investigation", "先处", body=[
        *ADDRESSEE,
        ("p", "本机关于{{ preservation.registered_on }}对你（单位）的下列物品予以先行登记保存"
              "（{{ preservation.notice_number }}《先行登记保存证据通知书》）：{{ preservation.goods }}。"),
        ("p", "依据《中华人民共和国行政处罚法》第五十六条的规定，本机关决定对上述物品作如下处理：{{ preservation.decision }}。"),
        ("p", _remedies("决定")),
        ("sign",),
        *RECEIPT,
        *ENTRUSTED,
        TWO_COPIES,
    ]),
    Spec("prior_notice", "行政处罚事先告知书", "notice", "罚告", body=[
        *ADDRESSEE,
        ("p", "本机关于{{ case.filed_on }}对你（单位）涉嫌{{ case.cause_short }}一案立案调查。经查，{{ case.facts }}"),
        ("tag", "{%p if case.evidence %}"),
        ("p", "以上事实有下列证据证明：{{ case.evidence }}。"),
        ("tag", "{%p endif %}"),
        ("p", "你（单位）的上述行为违反了{{ power.violated.law }}{{ power.violated.article }}的规定。依据"
              "{{ power.penalised.law }}{{ power.penalised.article }}的规定，" + DISCRETION + "本机关拟对你（单位）作出如下行政处罚："
              "{{ notice.penalties_text }}。"),
        ("p", "依据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）享有陈述、申辩的权利，可以自收到本告知书之日起"
              "{{ notice.reply_period }}内（即{{ notice.reply_deadline }}前）向本机关提出陈述、申辩意见；逾期未提出的，视为放弃此权利。"),
        ("tag", "{%p if notice.hearing_offered %}"),
        ("p", "依据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有权要求举行听证。要求听证的，应当自收到本告知书之日起"
              "{{ notice.hearing_period }}内（即{{ notice.hearing_deadline }}前）向本机关提出；逾期未提出的，视为放弃听证权利。"),
        ("tag", "{%p endif %}"),
        *CONTACT,
        ("sign",),
        *RECEIPT,
        *ENTRUSTED,
        TWO_COPIES,
    ]),
    Spec("hearing_notice", "听证通知书", "hearing", "听通", body=[
        *ADDRESSEE,
        ("p", "根据你（单位）于{{ hearing.requested_on }}提出的听证要求，依据《中华人民共和国行政处罚法》第六十四条的规定，"
              "本机关决定于{{ hearing.date }}{{ hearing.time }}在{{ hearing.place }}就你（单位）涉嫌{{ case.cause_short }}一案"
              "举行听证，请准时出席。"),
        ("p", "听证主持人：{{ hearing.host }}。你（单位）认为主持人与本案有直接利害关系的，有权申请回避。"),
        ("p", "你（单位）可以亲自参加听证，也可以委托一至二人代理；委托代理人参加的，应当在听证前向本机关提交授权委托书。"
              "无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本机关终止听证。"),
        *CONTACT,
        ("sign",),
        *RECEIPT,
        *ENTRUSTED,
        TWO_COPIES,
    ]),
    Spec("statement_record", "陈述申辩笔录", "notice", size=12, body=[
        ("right", "案件编号：{{ case.number }}"),
        ("table", W4, [
            ["时间", "{{ defence.date }}", "地点", "{{ statement.place }}"],
            ["陈述申辩人", "{{ party.name }}", "{{ party.id_label }}", "{{ party.identifier }}"],
            ["住所（住址）", ("{{ party.address }}", 3)],
            ["承办人", ("{{ officers }}", 3)],
            ["记录人", ("{{ statement.recorder }}", 3)],
        ]),
        ("p", "本机关于{{ notice.date }}向当事人送达了《行政处罚事先告知书》（{{ notice.number }}），当事人依法提出陈述、申辩如下："),
        ("p", "{{ defence.summary }}"),
        ("p", "以上笔录已交陈述申辩人核对（或者已向其宣读），确认无误。"),
        ("flat", "陈述申辩人（签名）：\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"),
        ("flat", "承办人（签名）：\u3000\u3000\u3000\u3000\u3000\u3000\u3000记录人（签名）："),
    ]),
    Spec("legal_review", "法制审核意见书", "review", size=12, body=[
        ("right", "立案编号：{{ case.number }}"),
        ("table", W2, [
            ["案由", "{{ case.cause }}"],
            ["当事人", "{{ party.name }}（{{ party.id_label }}：{{ party.identifier }}）"],
            ["执法主体", "{{ subject.name }}（{{ subject.basis_name }}，{{ subject.authority_document }}）"],
            ["承办人", "{{ officers }}"],
            ["拟处理意见", "{{ proposal.penalties_text }}\n适用依据：{{ power.penalised.cited }}；裁量基准：{{ standard.cited }}"
                           "，{{ standard.tier }}（{{ standard.range }}）"],
            ["审核内容", "依据《中华人民共和国行政处罚法》第五十八条，审核：执法主体是否合法，执法人员是否具备执法资格；执法程序是否合法；"
                         "案件事实是否清楚，证据是否合法充分；适用法律、法规、规章是否准确，裁量基准运用是否适当；执法是否超越法定权限；"
                         "执法文书是否完备、规范；违法行为是否涉嫌犯罪、需要移送司法机关。"],
            ["审核意见", "{{ review.opinion }}"],
            ["审核结论", "{{ review.result }}"],
            ["审核人", "{{ review.reviewer }}\u3000\u3000\u3000\u3000审核日期：{{ review.date }}"],
        ]),
    ]),
    Spec("collective_discussion", "集体讨论记录", "review", size=12, body=[
        ("right", "立案编号：{{ case.number }}"),
        ("table", W4, [
            ["案由", ("{{ case.cause }}", 3)],
            ["当事人", ("{{ party.name }}", 3)],
            ["讨论时间", "{{ discussion.date }}", "地点", "{{ discussion.place }}"],
            ["主持人", "{{ discussion.host }}", "记录人", "{{ discussion.recorder }}"],
            ["出席人员", ("{{ discussion.attendees }}", 3)],
            ["案情及拟处理意见", ("{{ case.facts }}\n拟处理意见：{{ proposal.penalties_text }}", 3)],
            ["讨论意见", ("{{ discussion.opinions }}", 3)],
            ["讨论决定", ("{{ discussion.conclusion }}", 3)],
            ["出席人员签名", ("", 3)],
        ]),
        ("note", "依据《中华人民共和国行政处罚法》第五十七条第二款，对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定。"),
    ]),
    Spec("decision", "行政处罚决定书", "decision", "罚决", body=[
        *PARTY,
        ("p", "本机关于{{ case.filed_on }}对当事人涉嫌{{ case.cause_short }}一案立案调查，现已调查终结。"),
        ("p", "经查，{{ case.facts }}"),
        ("p", "以上事实有下列证据证明：{{ case.evidence }}。"),
        ("p", "本机关认为，当事人的上述行为违反了{{ power.violated.law }}{{ power.violated.article }}的规定。"),
        ("p", "本机关于{{ notice.date }}向当事人送达了《行政处罚事先告知书》{% if notice.number %}（{{ notice.number }}）{% endif %}，"
              "告知了拟作出行政处罚的事实、理由、"
              "依据和处罚内容，以及当事人依法享有的陈述、申辩{% if notice.hearing_offered %}和要求听证{% endif %}的权利。"
              "{{ defence.text }}{{ hearing.text }}"),
        ("p", "依据{{ power.penalised.law }}{{ power.penalised.article }}的规定，" + DISCRETION +
              "{% if review.date %}经法制审核{% if discussion.date %}并经本机关负责人集体讨论{% endif %}，{% endif %}"
              "本机关决定对当事人作出如下行政处罚："),
        ("p", "{{ decision.penalties_text }}。"),
        ("tag", "{%p if correction %}"),
        ("p", "依据《中华人民共和国行政处罚法》第二十八条第一款的规定，责令当事人{{ correction.content }}，"
              "并于{{ correction.deadline }}前改正违法行为。"),
        ("tag", "{%p endif %}"),
        ("tag", "{%p if decision.performance %}"),
        ("p", "{{ decision.performance }}"),
        ("tag", "{%p endif %}"),
        ("p", "当事人如不服本决定，可以自收到本决定书之日起{{ remedies.reconsideration_period }}内向{{ remedies.reconsideration_body }}"
              "申请行政复议，或者自收到本决定书之日起{{ remedies.litigation_period }}内依法向{{ remedies.court }}提起行政诉讼。"
              "申请行政复议或者提起行政诉讼期间，本决定不停止执行，法律另有规定的除外。当事人逾期不申请行政复议、不提起行政诉讼，"
              "又不履行本决定的，本机关将依法申请人民法院强制执行。"),
        ("sign", "{{ decision.date }}"),
        *ENTRUSTED,
        ("note", "（本决定书一式两份，一份送达当事人，一份归档。本决定将依法向社会公开。）"),
    ]),
    Spec("no_penalty_decision", "不予行政处罚决定书", "decision", "不罚决", body=[
        *PARTY,
        ("p", "本机关于{{ case.filed_on }}对当事人涉嫌{{ case.cause_short }}一案立案调查，现已调查终结。"),
        ("p", "经查，{{ case.facts }}"),
        ("tag", "{%p if case.evidence %}"),
        ("p", "以上事实有下列证据证明：{{ case.evidence }}。"),
        ("tag", "{%p endif %}"),
        ("p", "当事人的上述行为涉及{{ power.violated.law }}{{ power.violated.article }}的规定。本机关认为，{{ decision.no_penalty_text }}。"
              "{{ decision.reasons }}"),
        ("p", "依据{{ decision.no_penalty_basis }}的规定，本机关决定对当事人不予行政处罚。本机关已对当事人进行了教育，"
              "当事人应当依法改正违法行为，杜绝再次发生。"),
        ("p", _remedies("决定")),
        ("sign", "{{ decision.date }}"),
        *ENTRUSTED,
        TWO_COPIES,
    ]),
    Spec("service_receipt", "送达回证", "service", size=12, body=[
        ("right", "案件编号：{{ case.number }}"),
        ("table", W2, [
            ["送达文书名称及文号", "{{ service.documents }}"],
            ["受送达人", "{{ party.name }}"],
            ["送达地点", "{{ service.place }}"],
            ["送达方式", "{{ service.method_name }}"],
            ["受送达人签名（盖章）", "{{ service.recipient }}\n\n\u3000\u3000\u3000\u3000\u3000\u3000{{ service.date }}"],
            ["代收人及代收理由", "{{ service.proxy }}"],
            ["见证人（留置送达时）", "{{ service.witness }}"],
            ["送达人", "{{ officers }}"],
            ["备注", "{{ service.note }}"],
        ]),
        ("note", "受送达人拒绝签收的，送达人可以邀请有关基层组织或者所在单位的代表到场，说明情况，在送达回证上记明拒收事由和日期，"
                 "由送达人、见证人签名或者盖章，把文书留在受送达人的住所；也可以把文书留在受送达人的住所，并采用拍照、录像等方式记录送达过程，"
                 "即视为送达（《中华人民共和国民事诉讼法》第八十九条）。"),
        ("sign", "{{ document.date }}"),
    ]),
    Spec("criminal_transfer", "涉嫌犯罪案件移送书", "transfer", "移送", body=[
        ("flat", "{{ transfer.receiver }}："),
        ("p", "{{ party.name }}（{{ party.id_label }}：{{ party.identifier }}；住所：{{ party.address }}）涉嫌{{ case.cause_short }}一案"
              "（案件编号：{{ case.number }}），经本机关调查，现查明：{{ case.facts }}"),
        ("p", "当事人的上述行为违反了{{ power.violated.law }}{{ power.violated.article }}的规定，{% if transfer.reason %}{{ transfer.reason }}，{% endif %}涉嫌构成犯罪。"
              "依据《中华人民共和国行政处罚法》第二十七条第一款和《行政执法机关移送涉嫌犯罪案件的规定》第三条、第六条的规定，"
              "现将该案移送你单位审查处理，并请将立案或者不予立案的决定书面告知本机关。"),
        ("flat", "附件：1.涉嫌犯罪案件调查报告；2.涉案物品清单；3.有关检验报告或者鉴定结论；4.其他有关涉嫌犯罪的材料。"),
        ("sign",),
        ("flat", "抄送：{{ transfer.procuratorate }}"),
        ("flat", "联系人：{{ transfer.contact }}\u3000\u3000联系电话：{{ subject.phone }}"),
        *ENTRUSTED,
        ("note", "（本移送书一式三份，一份送受移送机关，一份抄送同级人民检察院，一份归档。）"),
    ]),
    Spec("demand", "催告书", "execution", "催告", body=[
        *ADDRESSEE,
        ("p", "本机关于{{ decision.date }}作出《行政处罚决定书》（{{ decision.number }}），对你（单位）{{ decision.penalties_text }}，"
              "该决定书已于{{ service.date }}送达。你（单位）应当于{{ execution.due }}前缴纳罚款，但至今未全部履行"
              "（已缴纳人民币{{ execution.paid }}元）。"),
        ("p", "依据《中华人民共和国行政处罚法》第七十二条第一款第一项的规定，自{{ execution.surcharge_from }}起每日按罚款数额的"
              "百分之三加处罚款，加处罚款的数额不超过罚款的数额。截至{{ document.date }}，加处罚款为人民币{{ execution.surcharge_upper }}"
              "（{{ execution.surcharge }}元）。"),
        ("p", "依据《中华人民共和国行政强制法》第三十五条、第四十五条的规定，现催告你（单位）自收到本催告书之日起十日内履行上述义务，"
              "缴纳罚款及加处罚款共计人民币{{ execution.owed_upper }}（{{ execution.owed }}元），{{ payment.text }}。"),
        ("p", "依据《中华人民共和国行政强制法》第三十六条的规定，你（单位）有权进行陈述和申辩，可以自收到本催告书之日起三日内向本机关提出。"
              "逾期仍不履行的，本机关将依法申请人民法院强制执行。"),
        *CONTACT,
        ("sign",),
        *RECEIPT,
        *ENTRUSTED,
        TWO_COPIES,
    ]),
    # 强制拆除（行政强制法第四十四条、第三十五至三十八条、第五十至五十一条）
    Spec("demolition_notice", "限期拆除公告", "execution", "拆告", title="公\u3000\u3000告", body=[
        ("p", "{{ party.name }}（{{ party.id_label }}：{{ party.identifier }}；住所：{{ party.address }}）在{{ case.place }}"
              "的建筑物、构筑物、设施，违反了{{ power.violated.law }}{{ power.violated.article }}的规定。本机关于{{ decision.date }}"
              "作出{{ demolition.order_title }}（{{ demolition.order_number }}），责令当事人限期拆除，该决定已于{{ service.served_on }}送达当事人。"),
        ("p", "依据《中华人民共和国行政强制法》第四十四条的规定，现予公告：限当事人于{{ demolition.demolish_by }}前自行拆除上述"
              "违法建筑物、构筑物、设施。"),
        ("p", "当事人在法定期限内不申请行政复议或者提起行政诉讼，又不自行拆除的，本机关将依法强制拆除，"
              "所需费用及由此造成的损失由当事人承担。"),
        ("tag", "{%p if demolition.place %}"),
        ("flat", "张贴地点：{{ demolition.place }}"),
        ("tag", "{%p endif %}"),
        ("p", "特此公告。"),
        *CONTACT,
        ("sign", "{{ demolition.announced_on }}"),
        *ENTRUSTED,
    ]),
    Spec("demolition_demand", "催告书（限期拆除）", "execution", "拆催", title="催告书", body=[
        *ADDRESSEE,
        ("p", "本机关于{{ decision.date }}作出{{ demolition.order_title }}（{{ demolition.order_number }}），责令你（单位）限期拆除"
              "位于{{ case.place }}的违法建筑物、构筑物、设施，该决定已于{{ service.served_on }}送达；本机关于{{ demolition.announced_on }}"
              "公告限你（单位）于{{ demolition.demolish_by }}前自行拆除。你（单位）在法定期限内未申请行政复议、未提起行政诉讼，"
              "至今未自行拆除。"),
        ("p", "依据《中华人民共和国行政强制法》第三十五条、第四十四条的规定，现催告你（单位）于{{ demolition.perform_by }}前"
              "自行拆除上述违法建筑物、构筑物、设施。"),
        ("p", "依据《中华人民共和国行政强制法》第三十六条的规定，你（单位）收到本催告书后有权进行陈述和申辩。"
              "逾期仍不履行且无正当理由的，本机关将依法作出强制拆除决定。"),
        *CONTACT,
        ("sign",),
        *RECEIPT,
        *ENTRUSTED,
        TWO_COPIES,
    ]),
    Spec("forced_demolition_decision", "强制拆除决定书", "execution", "强拆决", body=[
        *PARTY,
        ("p", "本机关于{{ decision.date }}作出{{ demolition.order_title }}（{{ demolition.order_number }}），责令你（单位）限期拆除"
              "位于{{ case.place }}的违法建筑物、构筑物、设施，该决定已于{{ service.served_on }}送达。本机关于{{ demolition.announced_on }}"
              "公告限你（单位）于{{ demolition.demolish_by }}前自行拆除，于{{ demolition.demand_served_on }}送达催告书"
              "{% if demolition.demand_number %}（{{ demolition.demand_number }}）{% endif %}，催告你（单位）于{{ demolition.perform_by }}前履行。"
              "你（单位）在法定期限内未申请行政复议、未提起行政诉讼，经催告逾期仍不履行。"),
        ("tag", "{%p if demolition.statement %}"),
        ("p", "你（单位）的陈述、申辩及本机关的复核意见：{{ demolition.statement }}"),
        ("tag", "{%p endif %}"),
        ("p", "依据《中华人民共和国行政强制法》第三十七条、第四十四条{% if power.penalised.article %}和{{ power.penalised.law }}"
              "{{ power.penalised.article }}{% endif %}的规定，本机关决定对上述违法建筑物、构筑物、设施实施强制拆除"
              "{% if demolition.carry_out_on %}，于{{ demolition.carry_out_on }}实施{% endif %}。强制拆除不在夜间或者法定节假日实施。"),
        ("p", _remedies("决定")),
        *CONTACT,
        ("sign", "{{ demolition.decided_on }}"),
        *RECEIPT,
        *ENTRUSTED,
        TWO_COPIES,
    ]),
    Spec("substitute_performance_decision", "代履行决定书", "execution", "代履决", body=[
        *PARTY,
        ("p", "本机关于{{ decision.date }}作出{{ demolition.order_title }}（{{ demolition.order_number }}），责令你（单位）限期拆除"
              "位于{{ case.place }}的违法建筑物、构筑物、设施，该决定已于{{ service.served_on }}送达。经公告（{{ demolition.announced_on }}）"
              "和催告（{{ demolition.demand_served_on }}），你（单位）逾期仍不拆除。"),
        ("tag", "{%p if demolition.statement %}"),
        ("p", "你（单位）的陈述、申辩及本机关的复核意见：{{ demolition.statement }}"),
        ("tag", "{%p endif %}"),
        ("p", "依据《中华人民共和国行政强制法》第五十条、第五十一条的规定，本机关决定代履行：由{{ demolition.performer }}"
              "代为拆除上述违法建筑物、构筑物、设施{% if demolition.carry_out_on %}，于{{ demolition.carry_out_on }}实施{% endif %}。"
              "代履行费用预算为人民币{{ demolition.budget_upper }}（{{ demolition.budget }}元），按照成本合理确定，由你（单位）承担。"),
        ("p", "代履行三日前，本机关将催告你（单位）履行；你（单位）履行的，停止代履行。代履行时，本机关派员到场监督。"),
        ("p", _remedies("决定")),
        *CONTACT,
        ("sign", "{{ demolition.decided_on }}"),
        *RECEIPT,
        *ENTRUSTED,
        TWO_COPIES,
    ]),
    Spec("closing_approval", "结案审批表", "closing", size=12, body=[
        ("right", "立案编号：{{ case.number }}"),
        ("table", W4, [
            ["案由", ("{{ case.cause }}", 3)],
            ["当事人", "{{ party.name }}", "{{ party.id_label }}", "{{ party.identifier }}"],
            ["立案日期", "{{ case.filed_on }}", "决定日期", "{{ decision.date }}"],
            ["决定书文号", ("{{ decision.number }}", 3)],
            ["处理结果", ("{{ decision.result }}", 3)],
            ["执行情况", ("{{ execution.summary }}{% if execution.owed %}；尚欠人民币{{ execution.owed }}元{% endif %}", 3)],
            ["承办人", ("{{ officers }}", 3)],
            ["承办人意见", ("{{ closing.opinion }}\n\n签名：\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日", 3)],
            ["审批意见", ("{{ closing.approval }}\n\n审批人：\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日", 3)],
        ]),
    ]),
    Spec("file_cover", "卷宗封面", "archive", size=16, title="行政处罚案卷", body=[
        ("blank",),
        ("flat", "案\u3000\u3000由：{{ case.cause }}"),
        ("flat", "立案编号：{{ case.number }}"),
        ("flat", "当\u3000事\u3000人：{{ party.name }}"),
        ("flat", "处理结果：{{ decision.result }}"),
        ("flat", "决定书文号：{{ decision.number }}"),
        ("flat", "立案日期：{{ case.filed_on }}\u3000\u3000结案日期：{{ closing.date }}"),
        ("flat", "承\u3000办\u3000人：{{ officers.names }}"),
        ("flat", "归档日期：{{ archive.date }}\u3000\u3000保管期限：{{ archive.retention }}"),
        ("flat", "本卷共{{ archive.documents }}件{{ archive.pages }}页"),
        ("blank",),
        ("centre", "{{ subject.name }}"),
    ]),
    Spec("file_index", "卷内目录", "archive", size=12, body=[
        ("right", "立案编号：{{ case.number }}"),
        ("table", [12, 50, 40, 26, 16, 12], [
            ["序号", "文书（材料）名称", "文号", "日期", "页号", "备注"],
            ["{%tr for d in documents %}", "", "", "", "", ""],
            ["{{ d.no }}", "{{ d.title }}", "{{ d.number }}", "{{ d.date }}", "{{ d.page_range }}", "{{ d.note }}"],
            ["{%tr endfor %}", "", "", "", "", ""],
        ]),
        ("flat", "证据材料（电子文件，按取证时的哈希值核对）："),
        ("table", [12, 50, 30, 32, 32], [
            ["序号", "证据名称", "种类", "取证时间", "SHA-256（前16位）"],
            ["{%tr for e in evidence %}", "", "", "", ""],
            ["{{ e.no }}", "{{ e.title }}", "{{ e.kind_name }}", "{{ e.captured_at }}", "{{ e.short_hash }}"],
            ["{%tr endfor %}", "", "", "", ""],
        ]),
    ]),
    Spec("on_spot_decision", "当场行政处罚决定书", "decision", "当罚", subtitle="（简易程序）", size=14, body=[
        *PARTY,
        ("flat", "联系电话：{{ party.phone }}"),
        ("p", "违法事实：当事人于{{ case.act_date }}在{{ case.place }}{{ case.facts }}"),
        ("p", "以上行为违反了{{ power.violated.law }}{{ power.violated.article }}的规定。执法人员已当场向当事人出示执法证件，"
              "告知拟作出行政处罚的事实、理由和依据，并告知当事人依法享有陈述、申辩的权利，已听取当事人的陈述、申辩。"),
        ("p", "依据{{ power.penalised.law }}{{ power.penalised.article }}和《中华人民共和国行政处罚法》第五十一条的规定，"
              "当场作出如下行政处罚：{{ decision.penalties_text }}。"),
        ("tag", "{%p if decision.performance %}"),
        ("p", "{{ decision.performance }}"),
        ("tag", "{%p endif %}"),
        ("p", _remedies("决定")),
        ("flat", "作出处罚的时间：{{ decision.date }}\u3000\u3000地点：{{ case.place }}"),
        ("flat", "执法人员（签名）：{{ officers }}"),
        *RECEIPT,
        ("sign", "{{ decision.date }}"),
        *ENTRUSTED,
        ("note", "（本决定书当场交付当事人；执法人员应当在作出决定之日起三个工作日内报所属行政机关备案。）"),
    ]),
]
