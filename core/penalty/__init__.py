"""The penalty engine: which law applies, whether to punish, the fine's range and the amount.

行政处罚法 (2021) 第二十八条至第三十八条 and the published 裁量基准 (第三十四条) applied to the
catalogue data; ``recommend`` computes, ``check_chosen`` checks the officer's decision.
"""

from zhifa.core.penalty.engine import check_chosen, limitation_expired, money, recommend
from zhifa.core.penalty.model import (
    CIRCUMSTANCE_BASIS,
    CIRCUMSTANCE_NAMES,
    Chosen,
    Circumstance,
    PenaltyFacts,
    Range,
    Recommendation,
)
from zhifa.core.penalty.versions import applicable_version

__all__ = [
    "CIRCUMSTANCE_BASIS",
    "CIRCUMSTANCE_NAMES",
    "Chosen",
    "Circumstance",
    "PenaltyFacts",
    "Range",
    "Recommendation",
    "applicable_version",
    "check_chosen",
    "limitation_expired",
    "money",
    "recommend",
]
