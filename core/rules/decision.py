"""Gates before a decision: notice and defence (第44-45、62条), hearing (第63-65条), legal review
(第58条), collective discussion (第57条), no heavier penalty after defence, the lawful amount."""

from __future__ import annotations

from decimal import Decimal

from zhifa.core.procedure.casefile import CaseFile
from zhifa.core.rules.context import ActionContext
from zhifa.core.rules.refusal import Refusal


def _file(ctx: ActionContext) -> CaseFile:
    return ctx.data.file


def _is_penalty(ctx: ActionContext) -> bool:
    return ctx.data.input.kind == "penalty"


def proposal_exists(ctx: ActionContext) -> list[Refusal]:
    if _file(ctx).proposal is None:
        return [Refusal("notice.no_proposal", "尚未调查终结并提出处理意见，不能告知")]
    return []


def notice_served_and_heard(ctx: ActionContext) -> list[Refusal]:
    """第六十二条: no penalty without prior notice, and without hearing the statement and defence."""
    if not _is_penalty(ctx):
        return []
    file = _file(ctx)
    if file.notice is None:
        return [Refusal("decision.no_notice", "未向当事人告知拟作出的行政处罚内容及事实、理由、依据和权利（第四十四条）")]
    if file.rights_waived or file.defence_on is not None or file.hearing is not None:
        return []
    if ctx.on > file.notice.reply_deadline:
        return []
    return [Refusal(
        "decision.reply_period_running",
        f"陈述、申辩期限至 {file.notice.reply_deadline} 届满，当事人未放弃权利，届满前不得作出决定（第六十二条）",
    )]


def hearing_held_if_requested(ctx: ActionContext) -> list[Refusal]:
    hearing = _file(ctx).hearing
    if hearing is not None and hearing.held_on is None:
        return [Refusal("decision.hearing_pending", "当事人已申请听证，听证结束前不得作出决定（第六十五条）")]
    return []


def legal_review_required(ctx: ActionContext) -> bool:
    file = _file(ctx)
    settings = ctx.data.settings
    return bool(
        file.major_public_interest
        or file.complex_case
        or (file.notice is not None and file.notice.hearing_offered)
        or file.hearing is not None
        or (settings is not None and (settings.legal_review_all_general or ctx.power in settings.legal_review_powers))
    )


def legal_review_passed(ctx: ActionContext) -> list[Refusal]:
    """第五十八条: where required, no decision without a passed legal review."""
    if not legal_review_required(ctx):
        return []
    review = _file(ctx).legal_review
    if review is None:
        return [Refusal("decision.legal_review_missing", "本案属于应当进行法制审核的情形，未经法制审核不得作出决定（第五十八条）")]
    if not review.passed:
        return [Refusal("decision.legal_review_failed", "法制审核未通过，不得作出决定（第五十八条）")]
    return []


def below_minimum(ctx: ActionContext) -> bool:
    rec = (_file(ctx).proposal.recommendation if _file(ctx).proposal else {}) or {}
    amount = ctx.data.input.amount
    statutory = rec.get("statutory_range")
    return amount is not None and statutory is not None and amount < Decimal(str(statutory["min"]))


def discussion_recorded(ctx: ActionContext) -> list[Refusal]:
    """第五十七条: complex or major cases, and 减轻 below the minimum, by collective discussion."""
    file = _file(ctx)
    if not (file.complex_case or file.major_public_interest or below_minimum(ctx)):
        return []
    if file.discussion is None:
        return [Refusal("decision.discussion_missing", "情节复杂、重大违法或者减轻处罚的案件，应当经负责人集体讨论决定（第五十七条）")]
    return []


def not_heavier_than_notice(ctx: ActionContext) -> list[Refusal]:
    """第四十五条: no heavier penalty because the party stated or defended."""
    notice = _file(ctx).notice
    decision = ctx.data.input
    if notice is None or not _is_penalty(ctx):
        return []
    refusals = []
    if decision.amount is not None and (notice.amount is None or decision.amount > notice.amount):
        refusals.append(Refusal(
            "decision.heavier_than_notice",
            f"决定罚款 {decision.amount} 元高于告知的 {notice.amount or 0} 元，不得因当事人陈述、申辩而加重处罚（第四十五条）",
        ))
    extra = sorted(set(decision.penalties) - set(notice.penalties))
    if extra:
        refusals.append(Refusal("decision.heavier_than_notice", f"决定增加了告知时没有的处罚种类：{'、'.join(extra)}（第四十五条）"))
    return refusals


def lawful_amount(ctx: ActionContext) -> list[Refusal]:
    """The chosen amount against the recorded computation (discretion standard and statute)."""
    if not _is_penalty(ctx) or _file(ctx).proposal is None:
        return []
    import msgspec
    from zhifa.core.penalty import Chosen, Recommendation, check_chosen

    rec = msgspec.convert(_file(ctx).proposal.recommendation, Recommendation, strict=False)
    decision = ctx.data.input
    chosen = Chosen(amount=decision.amount, reasons=decision.reasons,
                    collective_discussion=_file(ctx).discussion is not None, penalties=decision.penalties)
    return check_chosen(rec, chosen)


def not_for_the_county(ctx: ActionContext) -> list[Refusal]:
    """Where the province keeps 较大数额 fines with the county, the case is handed back."""
    settings = ctx.data.settings
    amount = ctx.data.input.amount
    if settings is None or amount is None or not _is_penalty(ctx):
        return []
    limit = settings.hand_back_organisation if ctx.data.party_kind == "organisation" else settings.hand_back_citizen
    if limit is not None and amount >= Decimal(limit):
        return [Refusal("decision.hand_back_required", f"罚款 {amount} 元达到县级保留的较大数额 {limit} 元，应移交县级部门办理")]
    return []
