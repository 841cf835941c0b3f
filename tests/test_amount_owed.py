"""What a fine comes to with its 加处罚款 is one computation (``zhifa.core.rules.execution.owed``):
the payment gate, the closing gate and the documents that print what is owed agree, also after a
partial payment (issue 11: closing used the last payment's day, the documents the document's day)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from zhifa.core.rules import Refused, execution

from .procedure_helpers import act, file_of, refused
from .test_documents import county, decided, fumes_clue, render  # noqa: F401  (county is a fixture)


def _served_and_due(case: int) -> dt.date:
    act(case, "serve_decision", "2026-03-13", "hc-officer1", recipient="张三")
    return file_of(case).execution.due


def test_after_a_partial_payment_the_closing_refusal_and_the_closing_form_name_the_same_amount_owed(county):
    case = fumes_clue()
    decided(case)  # fine 20,000 yuan
    due = _served_and_due(case)
    act(case, "record_payment", str(due + dt.timedelta(days=7)), "hc-officer1", amount="10000", receipt="回执一")
    closing = str(due + dt.timedelta(days=28))
    # 28 days after the due day, 3% of the fine a day: 16,800 yuan; 36,800 in all, 10,000 paid, 26,800 outstanding
    with pytest.raises(Refused) as closing_refused:
        act(case, "close", closing, "hc-captain")
    assert [r.message for r in closing_refused.value.refusals] == [
        "罚款尚未缴清（应缴 36800.00 元，已缴 10000 元），且未申请强制执行，不能结案"]
    form = render(case, "closing_approval", closing, actor="hc-captain")
    form.shows("尚欠人民币26,800.00元")
    owing = execution.owed(file_of(case), dt.date.fromisoformat(closing))
    assert (owing.total, owing.paid, owing.outstanding) == (Decimal("36800.00"), Decimal("10000"), Decimal("26800.00"))


def test_the_surcharge_stops_on_the_day_payments_cover_the_fine_and_a_later_payment_does_not_extend_it(county):
    case = fumes_clue()
    decided(case)
    due = _served_and_due(case)
    covered = due + dt.timedelta(days=5)  # the fine paid in full 5 days late: 3,000 yuan of surcharge
    act(case, "record_payment", str(covered), "hc-officer1", amount="20000", receipt="回执一")
    later = str(due + dt.timedelta(days=40))
    assert refused(case, "record_payment", later, "hc-officer1", amount="3000.01", receipt="回执二") == [
        "payment.exceeds_owed"]
    act(case, "record_payment", later, "hc-officer1", amount="3000", receipt="回执二")
    form = render(case, "closing_approval", later, actor="hc-captain")
    assert "尚欠" not in form.word  # nothing outstanding, nothing printed as owed
    act(case, "close", later, "hc-captain")
