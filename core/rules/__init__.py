"""The core's one place for rules: every check software can make, each with a stable code.

A refused action raises ``Refused`` carrying one or more ``Refusal``s; each names the rule
(``code``) and says in Chinese why (``message``).
"""

from zhifa.core.rules.refusal import Refusal, Refused

__all__ = ["Refusal", "Refused"]
