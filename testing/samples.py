"""Sample cases (样例案件): facts in, the expected tier and range out, shipped by a plugin as data.

A field plugin puts ``samples.toml`` beside its other catalogue files. Each ``[[samples]]``
entry names a power, gives the established facts in ``[samples.facts]`` (the fields of
``zhifa.core.penalty.PenaltyFacts`` without ``power``) and what the penalty engine must answer
in ``[samples.expect]``. The conformance kit computes every sample and compares; the core
ignores the file at start-up. See docs/catalogue-format.md.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from pathlib import Path

import msgspec
from zhifa.core.catalogue.errors import CatalogueInvalid, Problem
from zhifa.core.catalogue.model import Catalogue, PowerKind

SAMPLES_FILE = "samples.toml"
OUTCOMES = ("penalty", "no_penalty")


class SampleFacts(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The established facts of a sample: ``PenaltyFacts`` without ``power`` (given beside it)."""

    act_date: dt.date
    decision_date: dt.date
    party_kind: str  # citizen | organisation
    party_birth_date: dt.date | None = None
    act_ended: dt.date | None = None
    discovered_on: dt.date | None = None
    harmful_consequences: bool = False
    situation: str = "default"
    bases: dict[str, Decimal] = {}
    units: Decimal | None = None
    tier: str | None = None  # the officer's chosen tier; omit to let the circumstances choose
    circumstances: list[str] = []


class Expectation(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """What the engine must answer. Only the keys written are compared; amounts are yuan."""

    outcome: str = "penalty"  # penalty | no_penalty
    power: str | None = None  # the version applied (从旧兼从轻), when it differs from the sample's power
    standard: str | None = None
    tier: str | None = None
    min: Decimal | None = None  # the tier's range in yuan
    max: Decimal | None = None
    statutory_min: Decimal | None = None  # the statutory range in yuan
    statutory_max: Decimal | None = None
    amount: Decimal | None = None  # the recommended amount (after the plugin's adjustments)
    fine_allowed: bool | None = None
    no_penalty_ground: str | None = None


class SampleCase(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    code: str  # stable, e.g. TRANSPORT-CF-001-S1
    name: str  # 一般情形：影响通行，经责令后清除
    power: str
    facts: SampleFacts
    expect: Expectation
    note: str = ""


class SamplesFile(msgspec.Struct, forbid_unknown_fields=True):
    samples: list[SampleCase] = []


def read_samples(folder: Path, plugin: str = "") -> list[SampleCase]:
    """Decode ``samples.toml`` of a catalogue folder ([] when absent); raises ``CatalogueInvalid``."""
    from zhifa.core.catalogue.loader import _read

    path = Path(folder) / SAMPLES_FILE
    if not path.exists():
        return []
    return list(_read(path, SamplesFile, plugin).samples)


def check_samples(catalogue: Catalogue, samples: list[SampleCase]) -> list[Problem]:
    """Static checks: codes unique, the power a penalty of this catalogue, the expectation complete."""
    problems: list[Problem] = []

    def add(entry: str, message: str) -> None:
        problems.append(Problem(catalogue.plugin, SAMPLES_FILE, entry, message))

    for code, n in Counter(s.code for s in samples).items():
        if n > 1:
            add(code, "代码重复：同一代码只能使用一次")
    powers = {p.code: p for p in catalogue.powers}
    for sample in samples:
        power = powers.get(sample.power)
        expect = sample.expect
        if power is None:
            add(sample.code, f"引用了不存在的执法事项 {sample.power}")
        elif power.kind != PowerKind.penalty:
            add(sample.code, f"样例只能用于行政处罚事项，{sample.power} 不是")
        if sample.facts.party_kind not in ("citizen", "organisation"):
            add(sample.code, f"当事人类型 party_kind = {sample.facts.party_kind!r} 应为 citizen 或 organisation")
        if expect.outcome not in OUTCOMES:
            add(sample.code, f"预期结果 outcome = {expect.outcome!r} 应为 penalty 或 no_penalty")
        elif expect.outcome == "penalty":
            if expect.tier is None:
                add(sample.code, "处罚样例必须写明预期阶次 expect.tier")
            if expect.fine_allowed is not False and (expect.min is None or expect.max is None):
                add(sample.code, "处罚样例必须写明预期阶次幅度 expect.min 和 expect.max（元）；不处罚款的阶次写 fine_allowed = false")
        elif expect.no_penalty_ground is None:
            add(sample.code, "不予处罚样例必须写明预期理由 expect.no_penalty_ground")
        if expect.min is not None and expect.max is not None and expect.min > expect.max:
            add(sample.code, f"预期幅度下限 {expect.min} 高于上限 {expect.max}")
    return problems


__all__ = ["SAMPLES_FILE", "CatalogueInvalid", "Expectation", "SampleCase", "SampleFacts", "SamplesFile",
           "check_samples", "read_samples"]
