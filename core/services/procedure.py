"""Carry a case through the procedure: one action, one transaction, one event.

``perform`` first holds the action's dates to ``zhifa.core.rules.dates`` (not in the future, not
before the case's previous step), then gathers the facts the gates need, asks the township's
plugins (the core's gates included) through ``zhifa_check_action``, applies the action's effect,
saves the case with an optimistic version check, numbers it when filed, and appends the event —
or refuses, naming every rule that refused.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from itertools import chain
from typing import Any

import msgspec
from zhifa.core import clock
from zhifa.core.db.tables import Case, Party
from zhifa.core.db.transaction import write_transaction
from zhifa.core.domain.authorisation import effective_grant
from zhifa.core.procedure import casefile
from zhifa.core.procedure.actions import ACTIONS
from zhifa.core.procedure.inputs import Input
from zhifa.core.procedure.states import Status
from zhifa.core.registry import get_host
from zhifa.core.rules import dates, deadlines, execution
from zhifa.core.rules.coercion import CoerciveFacts
from zhifa.core.rules.context import ActionContext, CaseFacts
from zhifa.core.rules.refusal import Refused
from zhifa.core.schemas import text
from zhifa.core.schemas.cases import CaseRead
from zhifa.core.services import assignments, authorisations, events, numbering, publication
from zhifa.core.services.cases import after_commit, get_case, read_case
from zhifa.core.services.errors import Conflict, Invalid, NotFound
from zhifa.core.services.facts import hearing_right, people_facts, usernames_involved
from zhifa.core.services.recommend import recommendation_for
from zhifa.core.services.scope import TownshipScope
from zhifa.core.services.township_settings import procedure_settings
from zhifa.core.services.townships import get_township_row

log = logging.getLogger(__name__)


def _decode_input(action: str, data: Input | dict[str, Any]) -> Input:
    spec = ACTIONS.get(action)
    if spec is None:
        raise Invalid("action.unknown", f"未知的办案操作 {action}（可选：{'、'.join(ACTIONS)}）")
    if isinstance(data, spec.input):
        return data
    try:
        return msgspec.convert(data, spec.input, strict=False)
    except msgspec.ValidationError as exc:
        field, message = text.explain(exc)
        raise Invalid("action.input", f"「{spec.title}」的输入有误：{field + '：' if field else ''}{message}",
                      field=field) from exc


async def _party_kind(scope: TownshipScope, party_id: int | None, named: dict) -> tuple[str | None, dt.date | None]:
    """The party's kind and birth date, read only from the township's own parties."""
    row = named.get("party", {}).get(party_id)
    if row is None and party_id is not None:  # the case's own party, registered with the clue
        row = (await scope.find("party", [party_id], Party.kind, Party.birth_date)).get(party_id)
    return (row["kind"], row["birth_date"]) if row else (None, None)


async def _steps(township_id: int, row: dict) -> list[dates.Step]:
    """The case's steps on record: the clue's finding, then each procedure action's event and its ``on``.

    The events are the source because every action's event carries its legal date, including the
    actions that leave no date in the case file (不予立案, 放弃陈述申辩, 延期缴纳 …); other events of
    the case (evidence, documents, publication) are not steps of the procedure and are left out.
    """
    found = dates.Step(kind="register_clue", title="线索发现", on=clock.local_date(row["found_at"]))
    recorded = await events.legal_dates(township_id, row["id"], ACTIONS)
    return [found, *(dates.Step(kind=kind, title=ACTIONS[kind].title, on=on) for kind, on in recorded)]


class _Prepared(msgspec.Struct, kw_only=True):
    township: dict
    row: dict
    spec: Any
    data: Any
    on: dt.date
    file: Any
    hooks: Any
    context: Any
    party_kind: str | None
    birth_date: dt.date | None


async def _once(memo: dict | None, key: Any, make):
    """``await make()``, once per ``memo`` (the dry runs of one case detail share their reads); always without one."""
    if memo is None:
        return await make()
    if key not in memo:
        memo[key] = await make()
    return memo[key]


def _filled(data: Input) -> str:
    """The record-naming values a form carries (``scope.NAMED_BY``): forms with the same ones name the same records."""
    from zhifa.core.services.scope import NAMED_BY

    return repr([(NAMED_BY[f], getattr(data, f)) for f in data.__struct_fields__
                 if f in NAMED_BY and getattr(data, f) not in (None, [])])


async def _prepare(township_code: str, case_id: int, action: str, data: Input | dict[str, Any] | None, *,
                   actor: str, on: dt.date | None, expected_version: int | None, row: dict | None = None,
                   township: dict | None = None, memo: dict | None = None) -> tuple[_Prepared, list]:
    """Everything ``perform`` gathers before writing, and the refusals of the dates and the gates.

    Writes nothing: ``perform`` and ``dry_run`` share this one path, so a dry run asks exactly the
    gates the action itself would ask. ``memo`` (dry runs only) keeps what one case's reads returned
    for the next action's dry run of the same request: the case row, its steps, its party, the grants
    and the people — the gates still run for every action.
    """
    township = township or await get_township_row(township_code)
    scope = TownshipScope(township)
    row = row or await _once(memo, "row", lambda: scope.resolve("case", case_id, field="case_id"))
    if expected_version is not None and expected_version != row["version"]:
        raise Conflict("case.version_conflict", f"案件已被他人修改（当前版本 {row['version']}），请刷新后重试")
    spec = ACTIONS[action] if action in ACTIONS else None
    data = data if isinstance(data, Input) else _decode_input(action, data or {})
    # every party, officer, replacement, host and department the input names, and the actor, in this
    # township (or its county) before any gate: nothing of another township is read into the case
    named = await _once(memo, ("named", actor, _filled(data)), lambda: scope.named_in(data, actor=actor))
    on = on or clock.today()
    wrong_dates = dates.action_dates(action, on, data, clock.today(),
                                     await _once(memo, "steps", lambda: _steps(township["id"], row)))
    file = casefile.load(row["facts"])
    prepared = _Prepared(township=township, row=row, spec=spec, data=data, on=on, file=file, hooks=None,
                         context=None, party_kind=None, birth_date=None)
    if wrong_dates:  # before anything is computed on those dates
        return prepared, list(wrong_dates)
    host = get_host()
    registry = host.registry
    power_code = getattr(data, "power", None) or row["power"]
    party_id = getattr(data, "party_id", None) or row["party"]
    party_kind, birth_date = await _once(memo, ("party", party_id, tuple(sorted(named.get("party", {})))),
                                         lambda: _party_kind(scope, party_id, named))
    # the power's own field (where the township is): a power of another field is never granted under this one
    power_field = registry.in_region(township_code).field_of(power_code) if power_code else None
    grant = await _once(memo, ("grant", power_field, power_code, on),
                        lambda: authorisations.grant_for(township, power_field, power_code, on)) if power_field else None
    enabled = await _once(memo, ("enabled", on), lambda: authorisations.fields_enabled(township["id"], on)) | {row["field"]}
    catalogue = registry.catalogues.get(row["field"])
    context = ActionContext(
        action=action, township=township_code, on=on, field=row["field"], power=power_code, case=read_case(row, township_code),
        data=CaseFacts(
            input=data, file=file, status=row["status"], township_id=township["id"],
            actor_name=actor, people=await _people(memo, scope, usernames_involved(actor, data, file)),
            power=registry.powers.get(power_code) if power_code else None, grant=grant,
            enabled_fields=frozenset(enabled), field_name=catalogue.field.name if catalogue else row["field"],
            settings=procedure_settings(township["settings"]),
            power_field=power_field, party_birth_date=birth_date,
            field_names={code: c.field.name for code, c in registry.catalogues.items()},
            party_id=party_id, party_kind=party_kind, found_on=clock.local_date(row["found_at"]),
            filed_on=row["filed_on"], act_ended=getattr(data, "act_ended", None),
            harmful_consequences=getattr(data, "harmful_consequences", False), summary=row["summary"] or "",
        ),
    )
    hooks = host.hooks_for_fields(enabled)
    prepared.hooks, prepared.context, prepared.party_kind, prepared.birth_date = hooks, context, party_kind, birth_date
    for fact in spec.derives:  # what this action's gates ask beyond the case as it stands (ACTIONS: derives)
        await DERIVED[fact](prepared)

    refusals = list(chain.from_iterable(r for r in hooks.zhifa_check_action(context=context) if r))
    return prepared, refusals


async def _act_date(p: _Prepared) -> None:
    """立案: the act's date the form states is the case's, before the limitation gate reads it."""
    if getattr(p.data, "act_date", None):
        p.file.act_date = p.data.act_date


async def _hearing(p: _Prepared) -> None:
    p.context.data.hearing = hearing_right(p.township["code"], p.row["field"], p.context.power, p.party_kind, p.on, p.file)


async def _amount_owed(p: _Prepared) -> None:
    owing = execution.owed(p.file, p.on)  # rules.execution.owed: fine + 加处罚款 on the action's day
    p.context.data.amount_owed = owing.total if owing else None


async def _coercive(p: _Prepared) -> None:
    """查封、扣押: the coercive power the form names (rules.coercion.measure_provided)."""
    p.context.data.coercive = await _coercive_facts(p.township, p.row["field"], p.data.coercive_power, p.data.kind, p.on)


async def _coercive_of_seizure(p: _Prepared) -> None:
    """延长查封、扣押: the coercive power the seizure was taken under."""
    index = p.data.index
    seizure = p.file.seizures[index] if 0 <= index < len(p.file.seizures) else None
    if seizure is None:  # refused by its precondition (seizure.not_found)
        p.context.data.coercive = CoerciveFacts(legacy=True)
    elif not seizure.power:
        p.context.data.coercive = CoerciveFacts(kind=seizure.kind, legacy=True)
    else:
        p.context.data.coercive = await _coercive_facts(p.township, p.row["field"], seizure.power, seizure.kind, p.on)


async def _recommendation(p: _Prepared) -> None:
    p.context.data.recommendation = recommendation_for(p.hooks, p.context, p.data, p.party_kind, p.birth_date, p.file)


#: How each fact an action declares (``Action.derives`` / ``derives_after_gates``) is derived.
DERIVED = {"act_date": _act_date, "hearing": _hearing, "amount_owed": _amount_owed, "coercive": _coercive,
           "coercive_of_seizure": _coercive_of_seizure, "recommendation": _recommendation}


async def _people(memo: dict | None, scope: TownshipScope, usernames: set[str]):
    return await _once(memo, ("people", frozenset(usernames)), lambda: people_facts(scope, usernames))


async def _coercive_facts(township: dict, field: str, code: str | None, kind: str | None, on: dt.date) -> CoerciveFacts:
    """The coercive power ``code`` as the township's region sees it, and the grant it rests on that day; with none
    named (the empty form), the case field's coercive powers the township holds that day."""
    regional = get_host().registry.in_region(township["code"])
    if not code:
        grants = await authorisations.grants_of(township["id"])
        held = [(p, g) for p in regional.powers_of(field, on=on) if p.kind.value == "coercive"
                for g in [effective_grant(grants, field, p.code, on)] if g is not None]
        return CoerciveFacts(kind=kind, held=held)
    power_field = regional.field_of(code)
    grant = await authorisations.grant_for(township, power_field, code, on) if power_field else None
    return CoerciveFacts(code=code, kind=kind, power=regional.powers.get(code), field=power_field, grant=grant)


async def perform(
    township_code: str, case_id: int, action: str, data: Input | dict[str, Any] | None = None, *,
    actor: str, on: dt.date | None = None, expected_version: int | None = None,
) -> CaseRead:
    p, refusals = await _prepare(township_code, case_id, action, data, actor=actor, on=on,
                                 expected_version=expected_version)
    if refusals:
        raise Refused(refusals)
    township, row, spec, data, on, file = p.township, p.row, p.spec, p.data, p.on, p.file
    hooks, context = p.hooks, p.context
    for fact in spec.derives_after_gates:  # after the gates: the computation may itself refuse
        await DERIVED[fact](p)

    officers_before = list(file.officers)
    updates = spec.effect(context, file)
    target = Status(row["resume_status"] or Status.investigating) if spec.resumes else spec.target
    new_status = target.value if target else row["status"]
    columns: dict[Any, Any] = {Case.facts: casefile.dump(file), Case.status: new_status,
                               Case.version: row["version"] + 1, Case.updated_at: clock.now_utc()}
    for name in updates.__struct_fields__:  # the columns the effect changed (effects.Updates)
        if (value := getattr(updates, name)) is not None:
            columns[getattr(Case, name)] = value
    columns[Case.decision_due] = deadlines.fixed_decision_due(new_status, columns.get(Case.filed_on, row["filed_on"]), file)

    async with write_transaction(township["id"]):
        if spec.numbered:
            value = await numbering.next_number(township["id"], on.year, spec.numbered)
            columns[Case.number] = numbering.case_number(township["short_name"], on.year, value)
        saved = await Case.update(columns).where((Case.id == case_id) & (Case.version == row["version"])).returning(Case.id)
        if not saved:
            raise Conflict("case.version_conflict", "案件已被他人同时修改，本次操作未保存，请刷新后重试")
        if file.officers != officers_before:
            await assignments.assign(township["id"], case_id, file.officers)
        event = await events.append_event(
            township_id=township["id"], township_code=township_code, kind=action, case_id=case_id,
            actor_id=context.data.people[actor].id if actor in context.data.people else None,
            payload={"title": spec.title, "from": row["status"], "to": new_status, "on": on,
                     "input": msgspec.to_builtins(data), "number": columns.get(Case.number)},
        )
        await publication.on_case_action(township, case_id, action, file, on)  # 公示 queue, atomic with the event
    after_commit(hooks, context, event)
    return await get_case(township_code, case_id)


@functools.cache
def _required_fields(input_type: type) -> tuple:
    return tuple(f for f in msgspec.structs.fields(input_type) if f.required)


def _blank_input(spec) -> Input:
    """The action's input as an empty form: its defaults, and empty values for the fields it requires.

    Built without decoding (a required field has no valid empty value): the dry run asks the gates
    about the case as it stands, before the form is filled in.
    """
    try:
        return msgspec.convert({}, spec.input)
    except msgspec.ValidationError:
        pass
    required = {f.name: _empty(f.type) for f in _required_fields(spec.input)}
    return spec.input(**required)  # the constructor does not validate: an empty form


def _empty(kind: Any) -> Any:
    origin = getattr(kind, "__origin__", None)
    base = getattr(kind, "__supertype__", None) or kind
    if origin is list or base is list:
        return []
    if origin is dict or base is dict:
        return {}
    metadata_base = getattr(kind, "__origin__", None) if origin is not None else None
    for candidate in (base, metadata_base):
        if candidate is str:
            return ""
        if candidate is bool:
            return False
    return None


async def dry_run(township_code: str, case_id: int, action: str, *, actor: str | None = None,
                  on: dt.date | None = None, data: Input | dict[str, Any] | None = None,
                  row: dict | None = None, township: dict | None = None, memo: dict | None = None) -> list:
    """The refusals ``perform`` would answer for ``action`` on ``on`` (default today); writes nothing.

    The same gathering and the same gates as ``perform`` (``_prepare``); no event, no number, no
    effect. Without ``data`` the action's input is an empty form (``_blank_input``).
    """
    spec = ACTIONS.get(action)
    if spec is None:
        raise Invalid("action.unknown", f"未知的办案操作 {action}")
    blank = data is None
    if blank:
        data = _blank_input(spec)
    try:
        _, refusals = await _prepare(township_code, case_id, action, data, actor=actor or "", on=on,
                                     expected_version=None, row=row, township=township, memo=memo)
    except Refused as exc:  # a gate that computes may itself refuse
        return exc.refusals
    except NotFound:  # the empty form names nobody yet (a person or party is the form's to choose)
        return []
    except (TypeError, AttributeError, ValueError, KeyError):
        if not blank:
            raise
        # a gate that compares the form's own values (an amount, a date) cannot judge an empty form:
        # the case as it stands is not refused; the action itself asks that gate with the real input
        log.debug("dry run of %s: a gate needs the form's values", action, exc_info=True)
        return []
    return refusals


async def case_file(township_code: str, case_id: int) -> casefile.CaseFile:
    scope = TownshipScope(await get_township_row(township_code))
    return casefile.load((await scope.resolve("case", case_id, Case.facts, field="case_id"))["facts"])
