"""Every step of a 乡呼县应 referral as data, like the procedure's ``ACTIONS``: from which states, to which,
the event it writes and its title. The service checks the state from this table and then asks the
township's plugins through ``zhifa_check_action`` (``ActionContext.action`` is the step's name, e.g.
``referral_accept``), so a plugin adds its own gates to a referral step as it does to a case action.
"""

from __future__ import annotations

from dataclasses import dataclass

STATUS_NAMES = {"sent": "已发送", "accepted": "已受理", "answered": "已答复", "closed": "已办结",
                "refused": "不予受理", "returned": "已退回"}


@dataclass(frozen=True)
class ReferralStep:
    name: str  # the action name plugins see (``ActionContext.action``)
    title: str  # 中文名称, as events and refusals print it
    sources: frozenset[str]
    target: str | None  # None: the status does not change
    event: str  # the event kind written to the sending township's log
    by_department: bool  # taken by the addressed county department (else by the sending township)


STEPS: dict[str, ReferralStep] = {s.name: s for s in (
    ReferralStep("referral_accept", "受理", frozenset({"sent"}), "accepted", "referral_accepted", True),
    ReferralStep("referral_refuse", "不予受理", frozenset({"sent"}), "refused", "referral_refused", True),
    ReferralStep("referral_answer", "答复", frozenset({"accepted"}), "answered", "referral_answered", True),
    ReferralStep("referral_return", "退回", frozenset({"sent", "accepted"}), "returned", "referral_returned", True),
    ReferralStep("referral_close", "办结", frozenset({"answered"}), "closed", "referral_closed", True),
    ReferralStep("referral_rate", "评价", frozenset({"answered", "closed", "refused", "returned"}), None,
                 "referral_rated", False),
)}
