"""双随机、一公开: directories, plans, recorded draws, results and their publication.

Directories. A township keeps a target directory (检查对象名录库, per field, each entry with a
credit risk class A–D) and an inspector directory (执法检查人员名录库: members; whether a member
may be drawn is judged at each draw from their certificates). Each directory has a version,
bumped by every change made through these services (declared recusals count as changes to the
inspector directory).

Draw. ``draw_plan`` reads the active targets of the plan's field, the active inspectors with
their certificates and the declared recusals, and runs the pure draw
(``zhifa.core.inspections.draw``) with a recorded seed (a fresh ``secrets`` seed when none is
given). It stores, with the seed and the ratio table, both directories' versions and the hashes
of exactly the rows it used, those rows themselves (``inputs``) and the result with its hash, and
appends an ``inspection_drawn`` event carrying the same hashes. A draw in which any target would
get fewer than the plan's inspectors is refused with a message naming the targets.

Verification (decided): a draw is verified against what it recorded, so a draw stays verifiable
after the directories change. ``verify_draw`` checks that the recorded rows still hash to the
recorded hashes, that recomputing the draw from them and the seed gives the recorded result, and
that the event chain's entry agrees; separately it reports, per directory, the current version
and whether the rows the draw used have changed since (``changed``) — information, not failure.

Rotation (optional, per plan): an inspector assigned to a target in the plan's previous draw is
treated as recused from that target in the next draw.

Publication: each result is due for publication ``publication_other`` working days (20 by
default, configurable per township like every configurable period) after the inspection date.
Public lines keep organisations' names; for individual businesses (个体工商户) the operator's
name is masked (in the name too) and the address left out.

Modules: ``common`` (directory versions, events, shared helpers), ``targets`` (target directory,
CSV import), ``inspectors`` (inspector directory, recusals), ``plans``, ``draws`` (draw, verify),
``results`` (results and their publication). Import the services from this package.
"""

from __future__ import annotations

from zhifa.core.services.inspections.common import INSPECTORS, TARGETS, directory_version
from zhifa.core.services.inspections.draws import (
    draw_plan,
    get_draw,
    inspectors_hash,
    list_draws,
    targets_hash,
    verify_draw,
)
from zhifa.core.services.inspections.inspectors import (
    add_inspectors,
    declare_recusal,
    list_inspectors,
    list_recusals,
    remove_inspector,
)
from zhifa.core.services.inspections.plans import DEFAULT_RATIOS, create_plan, get_plan, list_plans
from zhifa.core.services.inspections.results import (
    OUTCOME_NAMES,
    Outcome,
    list_results,
    mask_name,
    public_inspections,
    public_line,
    publication,
    publication_due,
    publish_results,
    record_result,
)
from zhifa.core.services.inspections.targets import (
    RISK_ALIASES,
    TARGET_KINDS,
    import_targets,
    list_targets,
    normalise_target,
    parse_targets_csv,
    set_target_active,
)

__all__ = [
    "DEFAULT_RATIOS",
    "INSPECTORS",
    "OUTCOME_NAMES",
    "RISK_ALIASES",
    "TARGETS",
    "TARGET_KINDS",
    "Outcome",
    "add_inspectors",
    "create_plan",
    "declare_recusal",
    "directory_version",
    "draw_plan",
    "get_draw",
    "get_plan",
    "import_targets",
    "inspectors_hash",
    "list_draws",
    "list_inspectors",
    "list_plans",
    "list_recusals",
    "list_results",
    "list_targets",
    "mask_name",
    "normalise_target",
    "parse_targets_csv",
    "public_inspections",
    "public_line",
    "publication",
    "publication_due",
    "publish_results",
    "record_result",
    "remove_inspector",
    "set_target_active",
    "targets_hash",
    "verify_draw",
]
