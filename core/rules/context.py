"""What a behaviour hook is told about the action in progress: the action, and the case's facts.

``CaseFacts`` is the one typed record of everything a rule may ask about a case on the action's
date. Services gather it (``zhifa.core.services.facts.gather`` for the procedure, its dry runs
and the documents; the findings and the testing kit fill the parts their rules read); rules,
effects and plugins only read it. A fact not gathered for an action is ``None`` (or empty).

Plugins written for hook interface 1 read ``context.data`` as a dict (``context.data["file"]``,
``context.data.get("summary", "")``): ``CaseFacts`` still answers those reads by attribute name
(``Mapping`` compatibility, see docs/plugin-hooks.md); new code reads attributes.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Iterator, Union

import msgspec
from zhifa.core.rules.facts import Person, ProcedureSettings

if TYPE_CHECKING:  # pragma: no cover - typing only: rules import no services
    from zhifa.core.catalogue.model import Power
    from zhifa.core.domain.authorisation import Grant
    from zhifa.core.penalty.model import Recommendation
    from zhifa.core.procedure.casefile import CaseFile
    from zhifa.core.procedure.inputs import Input
    from zhifa.core.rules.coercion import CoerciveFacts
    from zhifa.core.rules.hearing import HearingOffer
    from zhifa.core.schemas.cases import CaseRead
    from zhifa.core.schemas.people import PartyRead


#: A document's rendering values (JSON-like, the template's own shape): what ``zhifa_document_context`` adds.
TemplateValues = dict[str, Union[str, int, float, bool, None, list, dict]]


class CaseFacts(msgspec.Struct, kw_only=True):
    """Everything the rules may ask about a case on the action's date."""

    # the action
    input: Input | None = None  # the action's form, decoded (``zhifa.core.procedure.inputs``)
    actor_name: str = ""  # the acting user's username
    # the case as it stands
    file: CaseFile | None = None
    status: str | None = None
    summary: str = ""
    found_on: dt.date | None = None  # local date the clue was found
    filed_on: dt.date | None = None
    act_ended: dt.date | None = None  # a continuing act's last day, as the form says (时效, 第三十六条)
    harmful_consequences: bool = False  # the form's 危害后果 (five-year limitation)
    # the township and its law
    township_id: int | None = None
    settings: ProcedureSettings | None = None
    enabled_fields: frozenset[str] = frozenset()
    field_name: str | None = None  # the case field's name (in messages)
    field_names: dict[str, str] = {}  # every field's name by code
    power: Power | None = None  # the power the action is under
    power_field: str | None = None  # the field that power belongs to where the township is
    grant: Grant | None = None  # the authorisation that power rests on that day
    coercive: CoerciveFacts | None = None  # seize / extend_seizure: the coercive power the measure is taken under
    # the people
    people: dict[str, Person] = {}  # the township's active users the action involves, by username
    party_id: int | None = None
    party_kind: str | None = None  # citizen | organisation
    party_birth_date: dt.date | None = None
    party: PartyRead | None = None
    # derived by the core's rules for this action
    hearing: HearingOffer | None = None  # serve_notice: the hearing right the proposal gives
    amount_owed: Decimal | None = None  # close / file_with_authority / record_payment: fine plus surcharge
    recommendation: Recommendation | None = None  # conclude_investigation, after the gates
    # documents
    template: str | None = None
    document_context: TemplateValues | None = None
    # the testing kit's conformance runs (no township, no database)
    conformance: bool = False
    sample: str | None = None

    # -- hook interface 1: ``context.data`` read as a dict -------------------------------------------
    def __getitem__(self, name: str):
        if name not in self.__struct_fields__:
            raise KeyError(name)
        return getattr(self, name)

    def __setitem__(self, name: str, value) -> None:
        if name not in self.__struct_fields__:
            raise KeyError(f"CaseFacts 没有 {name}：案件事实的字段见 zhifa.core.rules.context.CaseFacts")
        setattr(self, name, value)

    def get(self, name: str, default=None):
        value = getattr(self, name, None) if name in self.__struct_fields__ else None
        return default if value is None else value

    def __contains__(self, name: object) -> bool:
        return name in self.__struct_fields__ and getattr(self, name) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self.__struct_fields__)


class ActionContext(msgspec.Struct, kw_only=True):
    action: str  # register_clue | file_case | … (every name in ``zhifa.core.procedure.actions.ACTIONS``)
    township: str  # township code
    on: dt.date  # the local date the action takes legal effect
    field: str | None = None
    power: str | None = None
    actor: int | None = None  # user id
    case: CaseRead | None = None  # the case as it stands, when there is one
    data: CaseFacts = msgspec.field(default_factory=CaseFacts)  # what the rules may ask about the case
