"""A form for each action, generated from its input schema (the ``input_schema`` of the case detail's
``next_actions``), and the submitted form turned back into the action's JSON input.

The page validates nothing itself: the values go to ``procedure.perform`` as the API's body would,
and the core's answer — a field error naming the field, or the refusals of the rules — is shown
next to that field or above the form.
"""

from __future__ import annotations

import json
from typing import Any

import msgspec
from zhifa.web.labels import CHOICE_LABELS, FIELD_LABELS, SUGGESTED_CHOICES

#: Fields that name a person of the township or a party: offered as choices, never typed.
PEOPLE_FIELDS = {"officers", "officer", "replacement", "host"}
LONG_TEXT = 300


class Choice(msgspec.Struct, kw_only=True):
    value: str
    label: str


class FormField(msgspec.Struct, kw_only=True):
    name: str
    label: str
    widget: str  # text | textarea | date | money | integer | checkbox | select | people | lines | json
    required: bool
    default: Any = None
    choices: list[Choice] = []
    hint: str = ""
    max_length: int | None = None


def _resolve(schema: dict, node: dict) -> dict:
    ref = node.get("$ref")
    if ref:
        return schema["$defs"][ref.rsplit("/", 1)[-1]]
    return node


def _not_null(node: dict) -> dict:
    options = [o for o in node.get("anyOf", []) if o.get("type") != "null"]
    return options[0] if len(options) == 1 else node


def fields_of(schema: dict, people: list[Choice], parties: list[Choice]) -> list[FormField]:
    """The form fields of an action's input schema, in the struct's order."""
    root = _resolve(schema, schema)
    required = set(root.get("required", []))
    result = []
    for name, node in root.get("properties", {}).items():
        base = _resolve(schema, _not_null(node))
        kind, fmt = base.get("type"), base.get("format")
        field = FormField(name=name, label=FIELD_LABELS.get(name, base.get("title") or name), widget="text",
                          required=name in required, default=node.get("default"),
                          max_length=base.get("maxLength"), hint=base.get("description", "") if fmt == "decimal" else "")
        if name in PEOPLE_FIELDS:
            field.widget = "people" if kind == "array" else "select"
            field.choices = people
        elif name == "party_id":
            field.widget, field.choices = "select", parties
        elif "enum" in base:
            labels = CHOICE_LABELS.get(name, {})
            field.widget = "select"
            field.choices = [Choice(value=v, label=labels.get(v, v)) for v in sorted(base["enum"], key=_default_first(node))]
        elif name in SUGGESTED_CHOICES and kind == "string":
            labels = CHOICE_LABELS.get(name, {})
            field.widget = "select"
            field.choices = [Choice(value=v, label=labels.get(v, v)) for v in SUGGESTED_CHOICES[name]]
        elif fmt == "date":
            field.widget = "date"
        elif fmt == "decimal":
            field.widget = "money"
        elif kind == "boolean":
            field.widget = "checkbox"
        elif kind == "integer":
            field.widget = "integer"
        elif kind == "array" and base.get("items", {}).get("type") == "string":
            field.widget = "lines"
        elif kind in ("array", "object"):
            field.widget = "json"
            field.default = node.get("default", {} if kind == "object" else [])
        elif kind == "string" and (base.get("maxLength") or 0) > LONG_TEXT:
            field.widget = "textarea"
        result.append(field)
    return result


def _default_first(node: dict):
    default = node.get("default")
    return lambda value: (value != default, value)


def parse(fields: list[FormField], form: Any) -> tuple[dict[str, Any], dict[str, str]]:
    """The action's input from the submitted form, and the errors of values that are not even readable."""
    data: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for field in fields:
        name = field.name
        if field.widget == "checkbox":
            data[name] = form.get(name) in ("on", "true", "1")
            continue
        if field.widget == "people":
            values = [v for v in _all(form, name) if v]
            if values or field.required:
                data[name] = values
            continue
        raw = (form.get(name) or "").strip() if isinstance(form.get(name), str) or form.get(name) is None else form.get(name)
        if raw == "":
            if field.required and field.widget in ("text", "textarea"):
                data[name] = ""
            elif field.required and field.widget == "json":
                data[name] = field.default
            elif field.required:
                errors[name] = "此项必填"
            continue
        if field.widget == "lines":
            data[name] = [line.strip() for line in raw.splitlines() if line.strip()]
        elif field.widget == "integer" or (field.widget == "select" and name == "party_id"):
            try:
                data[name] = int(raw)
            except ValueError:
                errors[name] = "请填写整数"
        elif field.widget == "json":
            try:
                data[name] = json.loads(raw)
            except ValueError:
                errors[name] = "不是有效的 JSON"
        else:
            data[name] = raw
    return data, errors


def _all(form: Any, name: str) -> list[str]:
    getall = getattr(form, "getall", None)
    if getall is not None:
        try:
            return list(getall(name))
        except KeyError:
            return []
    value = form.get(name)
    return value if isinstance(value, list) else ([value] if value else [])


def proposal_prefill(fields: list[FormField], file: dict) -> dict[str, Any]:
    """The form's starting values from the officers' proposal (调查终结: amount, penalties, reasons) where the
    action takes a field of the same name — what the head decides on is, to begin with, what was proposed.
    The gates judge these values like any other the form sends."""
    proposal = file.get("proposal") or {}
    names = {f.name for f in fields}
    return {k: v for k, v in proposal.items() if k in names and k != "outcome" and v not in (None, "", [], {})}
