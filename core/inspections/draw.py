"""The random draw of 双随机、一公开: targets by risk class, then inspectors per target.

A draw is a pure function of its inputs — the target directory rows, the inspector directory
rows (with their certificates), the recusals, the ratio table, the inspection window, the
number of inspectors per target and the seed — so anyone holding the recorded inputs can
recompute it and see that the recorded result is what chance gave (``recompute``).

Algorithm ``zhifa-draw-1`` (changing any step needs a new algorithm name):

1. Canonical order. Targets are sorted by id, inspectors by id, risk classes by code. The
   caller's ordering never matters.
2. One pseudo-random stream, ``random.Random(seed)`` (Mersenne Twister; seeding from an
   integer is stable across Python versions). Only ``getrandbits`` is used: the shuffle below
   is written out here (Fisher–Yates, uniform by rejection sampling), so the result does not
   depend on how a Python version implements ``shuffle`` or ``sample``.
3. Targets. For each risk class in code order, the number drawn is
   ``ceil(class size × ratio / 100)`` computed exactly in decimals (so 3% of 100 is 3, not 4),
   capped at the class size: a non-empty class with a ratio above 0 always yields at least one.
   The class's targets are shuffled and the first that many are drawn, in shuffled order.
4. Eligible inspectors. A directory member is eligible when the certificate-validity rule
   (``Person.certified``: an officer, not auxiliary, holding an unrevoked certificate covering
   the field) holds on the first and on the last day of the inspection window. The others are
   listed with the reason and never drawn.
5. Inspectors. For each drawn target in drawn order: drop the inspectors who must recuse from
   it (declared conflicts; with rotation, those who inspected it in the plan's previous draw).
   If fewer than ``per_target`` remain, the target is reported infeasible (never under-staffed:
   it stays in ``assignments`` with no inspector, and ``infeasible`` names it and says why).
   Otherwise the remaining inspectors are shuffled, then stably sorted by how many targets each
   already has, and the first ``per_target`` are assigned: load is balanced (fewest first) and
   ties are broken by chance.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import secrets
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_CEILING, Decimal, InvalidOperation
from typing import Any, TypeVar

import msgspec
from zhifa.core.rules.facts import Person

ALGORITHM = "zhifa-draw-1"
MIN_PER_TARGET = 2  # 行政处罚法第42条 / 双随机抽查：执法检查人员不得少于两人

#: 信用风险分类 (市场监管总局企业信用风险分类管理): A 低 … D 高.
RISK_CLASSES: dict[str, str] = {"A": "信用风险低", "B": "信用风险一般", "C": "信用风险较高", "D": "信用风险高"}

T = TypeVar("T")


class DrawInvalid(ValueError):
    """Inputs the draw cannot run on (a message in Chinese)."""


class DrawTarget(msgspec.Struct, kw_only=True, frozen=True):
    id: int
    identifier: str
    name: str
    risk_class: str


class Recusal(msgspec.Struct, kw_only=True, frozen=True):
    inspector: int  # user id
    target: int  # target id
    reason: str = "declared"  # declared 申请/决定回避 | rotation 上一轮检查过该对象


class DrawInput(msgspec.Struct, kw_only=True):
    """Everything a draw depends on; stored with the draw so it can be recomputed."""

    field: str
    starts_on: dt.date
    ends_on: dt.date
    per_target: int
    ratios: dict[str, str]  # risk class -> percent, e.g. {"A": "3", "D": "100"}
    seed: int
    targets: list[DrawTarget]
    inspectors: list[Person]
    recusals: list[Recusal] = []


class ClassCount(msgspec.Struct, kw_only=True):
    risk_class: str
    ratio: str  # percent
    total: int
    drawn: int


class Assignment(msgspec.Struct, kw_only=True):
    target: int
    name: str
    risk_class: str
    inspectors: list[int]  # user ids, in pick order


class Infeasible(msgspec.Struct, kw_only=True):
    target: int
    name: str
    available: int
    message: str


class Ineligible(msgspec.Struct, kw_only=True):
    inspector: int
    name: str
    reason: str


class DrawResult(msgspec.Struct, kw_only=True):
    algorithm: str
    seed: str
    per_target: int
    classes: list[ClassCount]
    assignments: list[Assignment]
    infeasible: list[Infeasible] = []
    ineligible: list[Ineligible] = []

    @property
    def feasible(self) -> bool:
        return not self.infeasible

    def problem(self) -> str:
        """All infeasible targets in one Chinese message ('' when the draw is feasible)."""
        return "；".join(i.message for i in self.infeasible)


# ---------------------------------------------------------------------------------------------


def canonical_json(value: Any) -> bytes:
    """JSON with sorted keys and struct fields: the bytes hashes are taken over."""
    return msgspec.json.encode(value, order="sorted")


def content_hash(value: Any) -> str:
    return hashlib.sha256(canonical_json(value)).hexdigest()


def normalise_ratios(ratios: Mapping[str, Decimal | int | str]) -> dict[str, str]:
    """Percent ratios as canonical decimal strings; each class known and 0 ≤ ratio ≤ 100."""
    out: dict[str, str] = {}
    for risk_class, value in ratios.items():
        if risk_class not in RISK_CLASSES:
            raise DrawInvalid(f"未知的风险分类 {risk_class}（可选：{'、'.join(RISK_CLASSES)}）")
        try:
            pct = Decimal(str(value).strip().rstrip("%"))
        except InvalidOperation:
            raise DrawInvalid(f"{risk_class}类的抽查比例 {value!r} 不是数字") from None
        if not pct.is_finite() or pct < 0 or pct > 100:
            raise DrawInvalid(f"{risk_class}类的抽查比例须在 0 至 100（%）之间，收到 {value}")
        text = format(pct.normalize(), "f")
        out[risk_class] = text if "." in text else str(int(pct))
    return dict(sorted(out.items()))


def drawn_count(size: int, percent: str) -> int:
    """ceil(size × percent / 100), exactly, capped at ``size``."""
    n = (Decimal(size) * Decimal(percent) / 100).to_integral_value(rounding=ROUND_CEILING)
    return min(size, int(n))


def _below(rng: random.Random, n: int) -> int:
    """A uniform integer in [0, n) from ``getrandbits`` alone (rejection sampling)."""
    k = n.bit_length()
    r = rng.getrandbits(k)
    while r >= n:
        r = rng.getrandbits(k)
    return r


def shuffled(rng: random.Random, items: Sequence[T]) -> list[T]:
    """Fisher–Yates shuffle of a copy of ``items``."""
    out = list(items)
    for i in range(len(out) - 1, 0, -1):
        j = _below(rng, i + 1)
        out[i], out[j] = out[j], out[i]
    return out


def _ineligibility(person: Person, field: str, starts_on: dt.date, ends_on: dt.date) -> str | None:
    """Why ``person`` may not inspect in the window, or None. The decision is ``Person.certified``."""
    if person.certified(field, starts_on) and person.certified(field, ends_on):
        return None
    if "auxiliary" in person.roles:
        return "辅助人员，不得从事执法活动"
    if "officer" not in person.roles:
        return "不是执法人员"
    return f"{starts_on} 至 {ends_on} 期间没有始终有效且覆盖本领域的行政执法证"


def draw(
    targets: Iterable[DrawTarget],
    inspectors: Iterable[Person],
    ratios: Mapping[str, Decimal | int | str],
    recusals: Iterable[Recusal],
    seed: int,
    per_target: int = MIN_PER_TARGET,
    *,
    field: str,
    starts_on: dt.date,
    ends_on: dt.date,
) -> DrawResult:
    """Draw targets by class and ``per_target`` inspectors for each (see the module docstring)."""
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise DrawInvalid(f"随机种子须为非负整数，收到 {seed!r}")
    if isinstance(per_target, bool) or not isinstance(per_target, int) or per_target < MIN_PER_TARGET:
        raise DrawInvalid(f"每个检查对象的执法检查人员不得少于 {MIN_PER_TARGET} 名，收到 {per_target!r}")
    if ends_on < starts_on:
        raise DrawInvalid(f"检查期间结束日 {ends_on} 早于开始日 {starts_on}")
    table = normalise_ratios(ratios)
    pool = sorted(targets, key=lambda t: t.id)
    if len({t.id for t in pool}) != len(pool):
        raise DrawInvalid("检查对象名录中有重复的编号")
    people = sorted(inspectors, key=lambda p: p.id)
    if len({p.id for p in people}) != len(people):
        raise DrawInvalid("执法检查人员名录中有重复的人员")
    by_class: dict[str, list[DrawTarget]] = {}
    for target in pool:
        by_class.setdefault(target.risk_class, []).append(target)
    missing = sorted(set(by_class) - set(table))
    if missing:
        raise DrawInvalid(f"抽查比例表缺少风险分类 {'、'.join(missing)} 的比例")

    rng = random.Random(seed)

    classes: list[ClassCount] = []
    chosen: list[DrawTarget] = []
    for risk_class in sorted(set(table) | set(by_class)):
        members = by_class.get(risk_class, [])
        n = drawn_count(len(members), table[risk_class])
        chosen.extend(shuffled(rng, members)[:n])
        classes.append(ClassCount(risk_class=risk_class, ratio=table[risk_class], total=len(members), drawn=n))

    eligible: list[Person] = []
    ineligible: list[Ineligible] = []
    for person in people:
        reason = _ineligibility(person, field, starts_on, ends_on)
        if reason is None:
            eligible.append(person)
        else:
            ineligible.append(Ineligible(inspector=person.id, name=person.display_name, reason=reason))

    barred: dict[int, dict[str, set[int]]] = {}
    for r in recusals:
        barred.setdefault(r.target, {}).setdefault(r.reason, set()).add(r.inspector)

    load = {p.id: 0 for p in eligible}
    assignments: list[Assignment] = []
    infeasible: list[Infeasible] = []
    for target in chosen:
        reasons = barred.get(target.id, {})
        excluded = set().union(*reasons.values()) if reasons else set()
        candidates = [p.id for p in eligible if p.id not in excluded]
        if len(candidates) < per_target:
            declared = len(reasons.get("declared", set()) & load.keys())
            rotated = len(reasons.get("rotation", set()) & load.keys() - reasons.get("declared", set()))
            detail = f"名录中持有效执法证的执法检查人员 {len(eligible)} 名"
            if declared:
                detail += f"，其中 {declared} 名须回避"
            if rotated:
                detail += f"，{rotated} 名上一轮已检查过该对象（轮换）"
            infeasible.append(Infeasible(
                target=target.id, name=target.name, available=len(candidates),
                message=f"检查对象「{target.name}」可选派的执法检查人员仅 {len(candidates)} 名，"
                        f"不足 {per_target} 名（{detail}）",
            ))
            assignments.append(Assignment(target=target.id, name=target.name, risk_class=target.risk_class,
                                          inspectors=[]))
            continue
        ordered = sorted(shuffled(rng, candidates), key=lambda pid: load[pid])
        picked = ordered[:per_target]
        for pid in picked:
            load[pid] += 1
        assignments.append(Assignment(target=target.id, name=target.name, risk_class=target.risk_class,
                                      inspectors=picked))

    return DrawResult(
        algorithm=ALGORITHM, seed=str(seed), per_target=per_target, classes=classes,
        assignments=assignments, infeasible=infeasible, ineligible=ineligible,
    )


def recompute(inputs: DrawInput) -> DrawResult:
    """The draw the recorded inputs give; equal to the recorded result unless something changed."""
    return draw(
        inputs.targets, inputs.inspectors, inputs.ratios, inputs.recusals, inputs.seed, inputs.per_target,
        field=inputs.field, starts_on=inputs.starts_on, ends_on=inputs.ends_on,
    )


def new_seed() -> int:
    """A fresh seed from the operating system's secure random source (recorded with the draw)."""
    return secrets.randbits(63)
