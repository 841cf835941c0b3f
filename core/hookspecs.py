"""Every hook zhifa offers to plugins, in one place.

There are two kinds:

* **Declarations** are collected once at start-up over every loaded plugin, validated, and
  cached in the registry (``zhifa.core.registry``): the field catalogues, Piccolo apps, CLI
  commands.
* **Behaviour** hooks are called during an operation, over the plugins enabled for *that
  township* only (``PluginHost.for_township``): checks before an action, the penalty
  recommendation and its adjustments, document context, reactions after an event.

Hooks are always called with keyword arguments. An implementation may accept fewer
arguments than the spec lists, so arguments can be added later without breaking plugins.
Hooks are never renamed. ``HOOK_INTERFACE`` is the version of this module; a plugin states
the version it was written for as ``ZHIFA_HOOK_INTERFACE`` and an incompatible plugin is
refused at start-up. docs/plugin-hooks.md documents each hook; a test keeps the two in step.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:  # pragma: no cover - typing only
    import typer
    from litestar.types import ControllerRouterHandler
    from zhifa.core.penalty.model import PenaltyFacts, Recommendation
    from zhifa.core.rules.context import ActionContext, TemplateValues
    from zhifa.core.rules.refusal import Refusal
    from zhifa.core.schemas.events import EventRead

PROJECT = "zhifa"
HOOK_INTERFACE = 2
#: Interface versions this core still accepts from plugins. Version 2 made ``context.data`` the typed
#: ``CaseFacts`` (it was a dict); a plugin written for version 1 still reads it as one
#: (``context.data["file"]``, ``context.data.get("summary", "")``), see docs/plugin-hooks.md.
SUPPORTED_HOOK_INTERFACES = frozenset({1, 2})

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


# ---------------------------------------------------------------------------------------------
# Declarations — collected once at start-up
# ---------------------------------------------------------------------------------------------


@hookspec
def zhifa_field_catalogues() -> list[Path]:
    """Declare the field catalogues this plugin brings.

    Fires once, when the registry is built at start-up.
    Receives nothing.
    Returns a list of folders, each holding one field's catalogue files (``field.toml``,
    ``powers.toml``, ``standards.toml``, ``no_penalty.toml``, ``hearing.toml``,
    ``templates.toml``; see docs/catalogue-format.md). The core decodes and validates them and
    stops start-up with an error naming the plugin, the file and the entry on any problem.
    """


@hookspec
def zhifa_piccolo_apps() -> list[str]:
    """Declare Piccolo apps (the plugin's own tables) to migrate with the core.

    Fires once, when the database is configured (``zhifa init`` and every start).
    Receives nothing.
    Returns dotted paths of ``piccolo_app`` modules, each defining ``APP_CONFIG``. Their
    migrations may depend on the core app's and may link to core tables, never alter them.
    """


@hookspec
def zhifa_register_commands(cli: "typer.Typer") -> None:
    """Add commands to the ``zhifa`` command line.

    Fires once, when the CLI starts.
    Receives the root ``typer.Typer`` application.
    Returns nothing; call ``cli.command()`` or ``cli.add_typer()`` to add commands.
    """


@hookspec
def zhifa_api_routes() -> list["ControllerRouterHandler"]:
    """Add HTTP routes (Litestar route handlers) for this plugin's fields.

    Fires once, when the API application is built (``zhifa serve``).
    Receives nothing.
    Returns a list of Litestar route handlers. Each is mounted under
    ``/townships/{code}/fields/{field}/`` for every field the plugin declares, behind the same
    token check and township scoping as the core's routes (another township's caller gets 404),
    and answers 404 on a day the field is not enabled for the township. Each handler must state
    the roles it allows in ``opt={"roles": frozenset({...})}`` (role values, e.g. ``"officer"``);
    a handler without them is refused with 403 (fail closed).
    """


# ---------------------------------------------------------------------------------------------
# Behaviour — called per operation, over the township's enabled plugins only
# ---------------------------------------------------------------------------------------------


@hookspec
def zhifa_check_action(context: "ActionContext") -> list["Refusal"] | None:
    """Check whether an action on a case may go ahead.

    Fires before every case action (registering a clue, filing, deciding, …) is committed,
    over the plugins enabled for the case's township on the action's date. The core's own
    gates are implemented through this hook (``zhifa.core.defaults``).
    Receives the ``ActionContext``: the action name, township, field and power, the date the
    action takes legal effect, the actor and the case as it stands.
    Returns a list of ``Refusal`` (stable code + Chinese message), or ``None``/``[]`` to allow.
    Every implementation's refusals are collected; any refusal stops the action.
    """


@hookspec(firstresult=True)
def zhifa_recommend_penalty(context: "ActionContext", facts: "PenaltyFacts") -> "Recommendation | None":
    """Recommend the penalty for a case: tier, range and amount from the discretion standard.

    Fires when an officer asks for a recommendation and before a decision is proposed, over
    the township's enabled plugins. The first non-``None`` answer wins; the core's default
    (registered ``trylast``) applies the field's published standard.
    Receives the ``ActionContext`` and the established facts (amount bases, circumstances).
    Returns a recommendation, or ``None`` to leave it to the next implementation.
    """


@hookspec
def zhifa_adjust_recommendation(context: "ActionContext", recommendation: "Recommendation") -> "Recommendation | None":
    """Adjust a recommendation, e.g. to apply a provincial rule.

    Fires after ``zhifa_recommend_penalty``, over the township's enabled plugins, in plugin
    order; each sees the previous adjustment's result.
    Receives the ``ActionContext`` and the current recommendation.
    Returns a replacement recommendation, or ``None`` to keep it.
    """


@hookspec
def zhifa_document_context(context: "ActionContext", template: str) -> "TemplateValues | None":
    """Contribute values to a document template's rendering context.

    Fires when a document is rendered for a case, over the township's enabled plugins.
    Receives the ``ActionContext`` and the template code.
    Returns a dict merged into the context (later plugins win on equal keys), or ``None``.
    """


@hookspec
def zhifa_event_committed(context: "ActionContext", event: "EventRead") -> None:
    """React after an event has been committed to the case's record.

    Fires after the transaction holding the event commits, over the township's enabled
    plugins. It cannot refuse or change anything; failures are logged, never raised.
    Receives the ``ActionContext`` and the committed event.
    Returns nothing.
    """
