"""Start-up checks of one field catalogue: codes unique, references known, tiers inside the law.

Each check returns ``Problem``s; nothing here raises, so an author sees every problem at once.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Iterable

from zhifa.core.catalogue.errors import Problem
from zhifa.core.catalogue.model import (
    Catalogue,
    DiscretionStandard,
    FineForm,
    PartyScope,
    Power,
    PowerKind,
    StatutoryFine,
    Tier,
)


def _fmt(value: Decimal | None) -> str:
    return "—" if value is None else f"{value.normalize():f}"


def _duplicates(codes: Iterable[str]) -> list[str]:
    return [code for code, n in Counter(codes).items() if n > 1]


def matching_fine(power: Power, situation: str, party: PartyScope) -> StatutoryFine | None:
    """The statutory fine a standard splits: same situation, and the party scope that fits."""
    candidates = [f for f in power.fines if f.situation == situation]
    for fine in candidates:
        if fine.party == party:
            return fine
    for fine in candidates:
        if fine.party == PartyScope.any:
            return fine
    return None


def _check_fine(power: Power, fine: StatutoryFine) -> list[str]:
    issues = []
    if fine.min < 0 or fine.max < 0:
        issues.append("法定罚款幅度不能为负数")
    if fine.min > fine.max:
        issues.append(f"法定罚款下限 {_fmt(fine.min)} 高于上限 {_fmt(fine.max)}")
    if fine.form == FineForm.percentage and fine.max > 100:
        issues.append("百分比罚款的上限不能超过 100")
    if fine.form in (FineForm.multiple, FineForm.percentage) and not fine.base:
        issues.append(f"{fine.form.value} 形式的罚款必须写明计算基数 base")
    if fine.form == FineForm.local and (fine.min != 0 or fine.max != 0):
        issues.append("数额由地方规定的罚款（local）在目录中 min 和 max 都应为 0")
    if fine.form == FineForm.per_unit and not fine.unit:
        issues.append("按单位计罚的罚款必须写明计量单位 unit")
    floor = (fine.floor_below, fine.floor_min, fine.floor_max)
    if any(v is not None for v in floor):
        if fine.form != FineForm.multiple:
            issues.append("只有倍数形式的罚款可以设置小额基数的保底幅度")
        elif any(v is None for v in floor):
            issues.append("floor_below、floor_min、floor_max 必须同时填写")
        elif fine.floor_min > fine.floor_max:
            issues.append(f"保底幅度下限 {_fmt(fine.floor_min)} 高于上限 {_fmt(fine.floor_max)}")
    return [f"罚款（情形 {fine.situation}）：{i}" for i in issues]


def _check_power(catalogue: Catalogue, power: Power, departments: set[str]) -> list[str]:
    issues = []
    if power.department not in departments:
        issues.append(f"引用了未在 field.toml 中声明的部门 {power.department}")
    if power.valid_to is not None and power.valid_to < power.valid_from:
        issues.append("失效日期早于生效日期")
    if power.kind == PowerKind.penalty:
        if power.violated is None or power.penalised is None:
            issues.append("行政处罚事项必须写明违法条款 violated 和罚则条款 penalised")
        if not power.fines and not power.penalties:
            issues.append("行政处罚事项必须至少规定一种处罚（罚款或其他种类）")
    else:
        if power.fines:
            issues.append("只有行政处罚事项可以规定罚款")
        if power.basis is None:
            issues.append("非处罚事项必须写明实施依据 basis")
    issues.extend(_check_two_stage(power))
    issues.extend(_check_measures(power))
    keys = [(f.situation, f.party.value) for f in power.fines]
    for situation, party in _duplicates(keys):
        issues.append(f"罚款情形 {situation}（{party}）重复")
    for fine in power.fines:
        issues.extend(_check_fine(power, fine))
    return issues


def _check_measures(power: Power) -> list[str]:
    """行政强制法第十条: a coercive power names each measure and the words of its basis that provide it."""
    if power.kind != PowerKind.coercive:
        return ["只有行政强制事项可以规定强制措施 measures"] if power.measures else []
    if not power.measures:
        return ["行政强制事项必须写明 measures（查封 seal_up、扣押 detain 等）及设定它的条款（行政强制法第十条）"]
    issues = []
    basis = power.basis.text if power.basis is not None else ""
    for measure in power.measures:
        if measure.text not in basis:
            issues.append(f"measures 中 {measure.kind.value} 引用的文字不在本事项实施依据 basis 的条文中：{measure.text}")
    for kind in _duplicates(m.kind.value for m in power.measures):
        issues.append(f"measures 中 {kind} 重复")
    return issues


def _check_two_stage(power: Power) -> list[str]:
    """immediate_penalties and direct say what a two-stage offence punishes before a failure to correct."""
    if not (power.immediate_penalties or power.direct):
        return []
    if not power.two_stage:
        return ["immediate_penalties、direct 只用于两段式事项（two_stage = true）"]
    issues = []
    for kind in power.immediate_penalties:
        if kind not in power.penalties:
            issues.append(f"immediate_penalties 中的 {kind.value} 不在本事项规定的处罚种类 penalties 中")
    words = _words(power.penalised.text if power.penalised else "")
    fined = {f.situation for f in power.fines}
    for circumstance in power.direct:
        label = f"direct 中的情形 {circumstance.situation}"
        if not circumstance.text.strip() or _words(circumstance.text) not in words:
            issues.append(f"{label} 引用的文字不在本事项罚则 penalised 的条文中：{circumstance.text}")
        for kind in circumstance.penalties:
            if kind not in power.penalties:
                issues.append(f"{label} 的 {kind.value} 不在本事项规定的处罚种类 penalties 中")
        if circumstance.situation not in fined and not circumstance.penalties:
            issues.append(f"{label} 既没有对应的法定罚款 fines，也没有规定处罚种类 penalties：直接处罚什么无从得知")
    for situation in _duplicates(c.situation for c in power.direct):
        issues.append(f"direct 中的情形 {situation} 重复")
    return issues


def _words(text: str) -> str:
    """The text without whitespace (line breaks of a long article), for quoting checks."""
    return "".join(text.split())


def _within(value: Decimal | None, low: Decimal, high: Decimal) -> bool:
    return value is None or low <= value <= high


def _check_tier(fine: StatutoryFine, tier: Tier) -> list[str]:
    issues = []
    name = f"阶次 {tier.code}（{tier.name}）"
    if not tier.fine:
        if not fine.optional:
            issues.append(f"{name} 不处罚款，但法定罚款不是可选的（并处而非可以并处）")
        return issues
    if tier.min is None or tier.max is None:
        issues.append(f"{name} 必须写明 min 和 max")
        return issues
    if tier.min > tier.max:
        issues.append(f"{name} 的下限 {_fmt(tier.min)} 高于上限 {_fmt(tier.max)}")
    if not (_within(tier.min, fine.min, fine.max) and _within(tier.max, fine.min, fine.max)):
        issues.append(
            f"{name} 的幅度 {_fmt(tier.min)}–{_fmt(tier.max)} 超出法定幅度 "
            f"{_fmt(fine.min)}–{_fmt(fine.max)}"
        )
    has_floor = tier.floor_min is not None or tier.floor_max is not None
    if has_floor:
        if fine.floor_min is None or fine.floor_max is None:
            issues.append(f"{name} 设置了保底幅度，但法定罚款没有小额基数保底幅度")
        elif tier.floor_min is None or tier.floor_max is None:
            issues.append(f"{name} 的 floor_min 和 floor_max 必须同时填写")
        else:
            if tier.floor_min > tier.floor_max:
                issues.append(f"{name} 的保底下限高于上限")
            low, high = fine.floor_min, fine.floor_max
            if not (_within(tier.floor_min, low, high) and _within(tier.floor_max, low, high)):
                issues.append(
                    f"{name} 的保底幅度 {_fmt(tier.floor_min)}–{_fmt(tier.floor_max)} 超出法定幅度 "
                    f"{_fmt(low)}–{_fmt(high)}"
                )
    return issues


def _check_standard(powers: dict[str, Power], std: DiscretionStandard) -> list[str]:
    power = powers.get(std.power)
    if power is None:
        return [f"引用了不存在的执法事项 {std.power}"]
    issues = []
    if power.kind != PowerKind.penalty:
        issues.append(f"裁量基准只能用于行政处罚事项，{std.power} 不是")
    if std.valid_to is not None and std.valid_to < std.valid_from:
        issues.append("失效日期早于生效日期")
    if not std.tiers:
        issues.append("裁量基准至少要有一个阶次")
    for code in _duplicates(t.code for t in std.tiers):
        issues.append(f"阶次代码 {code} 重复")
    fine = matching_fine(power, std.situation, std.party)
    if fine is None:
        if any(t.fine for t in std.tiers):
            issues.append(
                f"执法事项 {std.power} 没有情形 {std.situation}、当事人类型 {std.party.value} 的法定罚款"
            )
        return issues
    for tier in std.tiers:
        issues.extend(_check_tier(fine, tier))
    return issues


def _region_code(region: str) -> list[str]:
    if region and (not region.isdigit() or len(region) not in (2, 4, 6)):
        return [f"适用地区 {region} 应为空（全国）或 2 位（省）、4 位（市）、6 位（县）行政区划代码"]
    return []


def _check_jurisdiction(power: Power) -> list[str]:
    issues = _region_code(power.region)
    if power.repealed and (power.valid_to is None or not power.repealed_by):
        issues.append("废止（repealed）的事项须写明失效日期 valid_to 和废止依据 repealed_by")
    return issues


def _region_inside(region: str, power: Power | None) -> list[str]:
    """A standard or list entry applies only where its power does (or in a narrower region)."""
    issues = _region_code(region)
    if power is not None and not region.startswith(power.region):
        issues.append(f"适用地区 {region or '全国'} 超出执法事项 {power.code} 的适用地区 {power.region}")
    return issues


def validate_catalogue(catalogue: Catalogue) -> list[Problem]:
    """Every problem in one catalogue, each naming plugin, file and entry."""
    plugin = catalogue.plugin
    problems: list[Problem] = []

    def add(file: str, entry: str, messages: Iterable[str]) -> None:
        problems.extend(Problem(plugin, file, entry, m) for m in messages)

    field = catalogue.field
    departments = {d.code for d in field.departments}
    add("field.toml", field.code, (f"部门代码 {c} 重复" for c in _duplicates(d.code for d in field.departments)))

    # a region's standard, list item or threshold may reuse a code to replace the entry for its region
    groups = [
        ("powers.toml", [p.code for p in catalogue.powers]),
        ("standards.toml", [(s.code, s.region) for s in catalogue.standards]),
        ("no_penalty.toml", [(i.code, i.region) for i in catalogue.no_penalty]),
        ("hearing.toml", [(t.code, t.region) for t in catalogue.hearing_thresholds]),
        ("templates.toml", [t.code for t in catalogue.templates]),
    ]
    for file, codes in groups:
        for code in _duplicates(codes):
            add(file, code if isinstance(code, str) else code[0], ["代码重复：同一代码只能使用一次"])

    powers = {p.code: p for p in catalogue.powers}
    for power in catalogue.powers:
        add("powers.toml", power.code, _check_power(catalogue, power, departments))
        add("powers.toml", power.code, _check_jurisdiction(power))
        if power.succeeds == power.code:
            add("powers.toml", power.code, ["succeeds 不能引用本事项自身（须为同一条款的旧版本事项）"])
        elif power.succeeds and power.succeeds not in powers:
            message = f"succeeds 引用的旧版本执法事项 {power.succeeds} 不在本目录中（须为本领域的另一事项）"
            add("powers.toml", power.code, [message])
    for std in catalogue.standards:
        add("standards.toml", std.code, _check_standard(powers, std))
        add("standards.toml", std.code, _region_inside(std.region, powers.get(std.power)))
    for item in catalogue.no_penalty:
        if item.power not in powers:
            add("no_penalty.toml", item.code, [f"引用了不存在的执法事项 {item.power}"])
        add("no_penalty.toml", item.code, _region_inside(item.region, powers.get(item.power)))
    for threshold in catalogue.hearing_thresholds:
        unknown = [code for code in threshold.powers if code not in powers]
        add("hearing.toml", threshold.code, (f"引用了不存在的执法事项 {c}" for c in unknown))
        if threshold.amount <= 0:
            add("hearing.toml", threshold.code, ["听证标准金额必须大于零"])
    package_root = Path(catalogue.root).parent if catalogue.root else None
    for template in catalogue.templates:
        unknown = [code for code in template.powers if code not in powers]
        add("templates.toml", template.code, (f"引用了不存在的执法事项 {c}" for c in unknown))
        if package_root is not None and not (package_root / template.file).is_file():
            add("templates.toml", template.code, [f"模板文件 {template.file} 不存在"])
    return problems
