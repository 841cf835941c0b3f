"""A refused action: a stable machine-readable code and a message a township officer reads."""

from __future__ import annotations

import msgspec


class Refusal(msgspec.Struct, frozen=True):
    code: str  # stable, e.g. "power.not_authorised"
    message: str  # Chinese, names the rule and the fact that broke it


class Refused(Exception):
    """An action was refused by one or more rules."""

    def __init__(self, refusals: list[Refusal] | Refusal):
        self.refusals = [refusals] if isinstance(refusals, Refusal) else list(refusals)
        super().__init__("；".join(f"{r.message}（{r.code}）" for r in self.refusals))

    @property
    def codes(self) -> list[str]:
        return [r.code for r in self.refusals]
