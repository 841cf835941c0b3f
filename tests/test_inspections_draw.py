"""The pure random draw of 双随机、一公开: reproducible from its seed, ratios by class, recusal."""

from __future__ import annotations

import datetime as dt
import math
from fractions import Fraction

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from zhifa.core.inspections.draw import (
    DrawInput,
    DrawInvalid,
    DrawTarget,
    Recusal,
    canonical_json,
    draw,
    drawn_count,
    new_seed,
    recompute,
)
from zhifa.core.rules.facts import CertificateFact, Person

START, END = dt.date(2026, 6, 1), dt.date(2026, 6, 30)
WINDOW = {"field": "market", "starts_on": START, "ends_on": END}
RATIOS = {"A": "3", "B": "5", "C": "10", "D": "100"}


def certificate(fields=("market",), valid_to=dt.date(2029, 12, 31), revoked_on=None) -> CertificateFact:
    return CertificateFact(number="浙A0001", fields=list(fields), valid_from=dt.date(2023, 1, 1), valid_to=valid_to,
                           revoked_on=revoked_on)


#: How an inspector in the directory stands on the inspection window.
STATUSES = {
    "valid": (["officer"], [certificate()]),
    "expired": (["officer"], [certificate(valid_to=dt.date(2025, 6, 30))]),
    "lapses_in_window": (["officer"], [certificate(valid_to=dt.date(2026, 6, 15))]),
    "revoked": (["officer"], [certificate(revoked_on=dt.date(2026, 1, 1))]),
    "other_field": (["officer"], [certificate(fields=("urban",))]),
    "auxiliary": (["auxiliary"], []),
    "not_officer": (["legal_reviewer"], [certificate()]),
}


def person(pid: int, status: str = "valid") -> Person:
    roles, certificates = STATUSES[status]
    return Person(id=pid, username=f"u{pid}", display_name=f"人员{pid}", roles=roles, township=1, certificates=certificates)


def targets(classes: str, start: int = 1) -> list[DrawTarget]:
    return [DrawTarget(id=start + i, identifier=f"ID{start + i}", name=f"对象{start + i}", risk_class=c)
            for i, c in enumerate(classes)]


def assigned(result, target_id: int) -> list[int]:
    return next(a.inspectors for a in result.assignments if a.target == target_id)


# ---------------------------------------------------------------------------------------------
# Reproducibility
# ---------------------------------------------------------------------------------------------


def test_the_same_seed_reproduces_the_same_draw_whatever_the_input_order():
    pool, people = targets("ABCD" * 15), [person(i) for i in range(1, 7)]
    first = draw(pool, people, RATIOS, [], 20261122, **WINDOW)
    again = draw(list(reversed(pool)), list(reversed(people)), dict(reversed(list(RATIOS.items()))), [], 20261122, **WINDOW)
    assert canonical_json(first) == canonical_json(again)


def test_a_different_seed_gives_a_different_draw():
    # 5 of 50 targets (10%) and 2 of 6 inspectors each: about 2 million ways to pick the targets alone.
    pool, people = targets("C" * 50), [person(i) for i in range(1, 7)]
    one = draw(pool, people, {"C": 10}, [], 1, **WINDOW)
    two = draw(pool, people, {"C": 10}, [], 2, **WINDOW)
    assert [a.target for a in one.assignments] != [a.target for a in two.assignments]
    many = {canonical_json(draw(pool, people, {"C": 10}, [], seed, **WINDOW).assignments) for seed in range(20)}
    assert len(many) == 20


def test_the_draw_recomputed_from_its_recorded_inputs_is_identical():
    inputs = DrawInput(field="market", starts_on=START, ends_on=END, per_target=2, ratios=RATIOS, seed=new_seed(),
                       targets=targets("AABBCCDD"), inspectors=[person(i) for i in range(1, 5)] + [person(9, "expired")],
                       recusals=[Recusal(inspector=1, target=7)])
    stored = msgspec.json.decode(canonical_json(inputs), type=DrawInput)  # as read back from the database
    assert canonical_json(recompute(stored)) == canonical_json(recompute(inputs))


def test_algorithm_zhifa_draw_1_gives_the_same_result_on_every_python():
    """A golden draw: if this changes, the algorithm changed and needs a new name (old draws must still verify)."""
    result = draw(targets("AAAABBBCCD"), [person(i) for i in range(1, 5)], {"A": 50, "B": 34, "C": 50, "D": 100},
                  [Recusal(inspector=1, target=10)], 12345, **WINDOW)
    assert result.algorithm == "zhifa-draw-1"
    assert [(a.target, a.inspectors) for a in result.assignments] == GOLDEN


GOLDEN = [(2, [1, 2]), (1, [3, 4]), (5, [3, 1]), (7, [4, 2]), (9, [2, 1]), (10, [3, 4])]


def test_a_fresh_seed_is_a_non_negative_63_bit_integer():
    seeds = {new_seed() for _ in range(10)}
    assert len(seeds) == 10 and all(0 <= s < 2**63 for s in seeds)


# ---------------------------------------------------------------------------------------------
# Targets: ratio per class, rounded up
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("size", "percent", "expected"), [
    (100, "3", 3),  # exact decimals: 100 × 0.03 is 3, not 3.0000000000000004 → 4
    (101, "3", 4),
    (10, "0.5", 1),  # a non-empty class with a ratio above 0 yields at least one
    (10, "0", 0),
    (7, "100", 7),
    (0, "50", 0),
    (3, "33.34", 2),
])
def test_the_number_drawn_from_a_class_is_its_ratio_rounded_up(size, percent, expected):
    assert drawn_count(size, percent) == expected


def test_each_class_is_drawn_at_its_own_ratio():
    result = draw(targets("A" * 100 + "B" * 40 + "C" * 10 + "D" * 3), [person(1), person(2)], RATIOS, [], 5, **WINDOW)
    assert {c.risk_class: (c.total, c.drawn) for c in result.classes} == {
        "A": (100, 3), "B": (40, 2), "C": (10, 1), "D": (3, 3)}
    drawn = [a.risk_class for a in result.assignments]
    assert drawn == sorted(drawn) and len(drawn) == 9


@pytest.mark.parametrize(("ratios", "message"), [
    ({"A": "101"}, "0 至 100"),
    ({"A": "-1"}, "0 至 100"),
    ({"A": "三"}, "不是数字"),
    ({"E": "5", "A": "5"}, "未知的风险分类 E"),
    ({"B": "5"}, "缺少风险分类 A"),
])
def test_a_bad_ratio_table_is_refused(ratios, message):
    with pytest.raises(DrawInvalid, match=message):
        draw(targets("AB"), [person(1), person(2)], ratios, [], 1, **WINDOW)


def test_fewer_than_two_inspectors_per_target_cannot_be_asked_for():
    with pytest.raises(DrawInvalid, match="不得少于 2 名"):
        draw(targets("A"), [person(1), person(2)], {"A": 100}, [], 1, per_target=1, **WINDOW)


# ---------------------------------------------------------------------------------------------
# Inspectors: certified only, recusal, infeasibility, load
# ---------------------------------------------------------------------------------------------


def test_only_officers_certified_for_the_field_throughout_the_window_are_drawn():
    people = [person(1), person(2)] + [person(10 + i, s) for i, s in enumerate(STATUSES) if s != "valid"]
    for seed in range(30):
        result = draw(targets("D" * 10), people, {"D": 100}, [], seed, **WINDOW)
        assert {i for a in result.assignments for i in a.inspectors} == {1, 2}
    assert {i.inspector for i in result.ineligible} == {p.id for p in people} - {1, 2}
    reasons = {i.inspector: i.reason for i in result.ineligible}
    assert "辅助人员" in reasons[15] and "不是执法人员" in reasons[16] and "行政执法证" in reasons[11]


def test_a_target_left_with_too_few_inspectors_is_reported_by_name_and_not_staffed():
    people = [person(1), person(2), person(3), person(4, "expired")]
    result = draw(targets("DD"), people, {"D": 100}, [Recusal(inspector=1, target=2), Recusal(inspector=3, target=2)],
                  9, **WINDOW)
    assert not result.feasible
    [problem] = result.infeasible
    assert problem.target == 2 and problem.available == 1
    assert "对象2" in problem.message and "不足 2 名" in problem.message and "2 名须回避" in problem.message
    assert assigned(result, 2) == [] and len(assigned(result, 1)) == 2


def test_a_directory_with_one_certified_inspector_cannot_staff_any_target():
    result = draw(targets("AB"), [person(1), person(2, "auxiliary")], {"A": 100, "B": 100}, [], 3, **WINDOW)
    assert [i.target for i in result.infeasible] == [1, 2]


STATUS = st.sampled_from(sorted(STATUSES))


@st.composite
def draw_inputs(draw_, rotation: bool = True):
    classes = draw_(st.text(alphabet="ABCD", max_size=30))
    pool = targets(classes)
    statuses = draw_(st.lists(st.one_of(st.just("valid"), STATUS), max_size=9))
    people = [person(i + 1, s) for i, s in enumerate(statuses)]
    pairs = [(p.id, t.id) for p in people for t in pool]
    chosen = draw_(st.lists(st.sampled_from(pairs), unique=True, max_size=40)) if pairs else []
    recusals = [Recusal(inspector=i, target=t, reason=draw_(st.sampled_from(["declared", "rotation"]) if rotation
                                                             else st.just("declared")))
                for i, t in chosen]
    percent = st.one_of(st.integers(0, 100).map(str), st.decimals(0, 100, places=2).map(str))
    ratios = {c: draw_(percent) for c in "ABCD"}
    return pool, people, ratios, recusals, draw_(st.integers(0, 2**63 - 1)), draw_(st.integers(2, 4))


@settings(max_examples=200, deadline=None)
@given(draw_inputs())
def test_no_inspector_is_ever_drawn_for_a_target_they_must_recuse_from(case):
    pool, people, ratios, recusals, seed, per_target = case
    result = draw(pool, people, ratios, recusals, seed, per_target, **WINDOW)
    barred = {(r.inspector, r.target) for r in recusals}
    for a in result.assignments:
        assert not any((i, a.target) in barred for i in a.inspectors)


@settings(max_examples=200, deadline=None)
@given(draw_inputs())
def test_every_drawn_target_is_fully_staffed_by_eligible_inspectors_or_reported(case):
    pool, people, ratios, recusals, seed, per_target = case
    result = draw(pool, people, ratios, recusals, seed, per_target, **WINDOW)
    eligible = {p.id for p in people if p.certified("market", START) and p.certified("market", END)}
    barred = {(r.inspector, r.target) for r in recusals}
    infeasible = {i.target for i in result.infeasible}
    for a in result.assignments:
        available = {p for p in eligible if (p, a.target) not in barred}
        if a.target in infeasible:
            assert a.inspectors == [] and len(available) < per_target
        else:
            assert len(a.inspectors) == len(set(a.inspectors)) == per_target
            assert set(a.inspectors) <= available
    assert {i.inspector for i in result.ineligible} == {p.id for p in people} - eligible


@settings(max_examples=200, deadline=None)
@given(draw_inputs())
def test_each_class_yields_exactly_its_ratio_rounded_up(case):
    pool, people, ratios, recusals, seed, per_target = case
    result = draw(pool, people, ratios, recusals, seed, per_target, **WINDOW)
    for c in result.classes:
        size = sum(t.risk_class == c.risk_class for t in pool)
        assert c.total == size
        assert c.drawn == min(size, math.ceil(Fraction(size) * Fraction(ratios[c.risk_class]) / 100))
        assert sum(a.risk_class == c.risk_class for a in result.assignments) == c.drawn
    assert len({a.target for a in result.assignments}) == len(result.assignments)


@settings(max_examples=100, deadline=None)
@given(draw_inputs(), st.randoms(use_true_random=False))
def test_the_same_seed_gives_the_same_draw_for_any_directory_in_any_order(case, shuffler):
    pool, people, ratios, recusals, seed, per_target = case
    first = draw(pool, people, ratios, recusals, seed, per_target, **WINDOW)
    shuffler.shuffle(pool)
    shuffler.shuffle(people)
    shuffler.shuffle(recusals)
    assert canonical_json(draw(pool, people, ratios, recusals, seed, per_target, **WINDOW)) == canonical_json(first)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ABCD", min_size=1, max_size=40), st.integers(2, 9), st.integers(2, 3), st.integers(0, 2**63 - 1))
def test_without_recusals_the_load_never_differs_by_more_than_one(classes, n_people, per_target, seed):
    people = [person(i) for i in range(1, n_people + 1)]
    result = draw(targets(classes), people, {c: 100 for c in "ABCD"}, [], seed, per_target, **WINDOW)
    if n_people < per_target:
        assert len(result.infeasible) == len(classes)
        return
    load = {p.id: 0 for p in people}
    for a in result.assignments:
        for i in a.inspectors:
            load[i] += 1
    assert max(load.values()) - min(load.values()) <= 1
