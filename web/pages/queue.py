"""待我处理: the cases awaiting the signed-in approver, legal reviewer or township head.

A case awaits you when an action your role performs is allowed on it now — the answer of the same dry
run of the gates the case detail gives (``case_search.next_actions``), asked only for the actions of
your roles (``ACTIONS[name].roles``) that the case's status allows.
"""

from __future__ import annotations

from litestar.params import FromPath
from litestar import Request, Response, get
from zhifa.core import clock
from zhifa.core.domain.roles import Role
from zhifa.core.procedure.actions import ACTIONS
from zhifa.core.procedure.states import Status
from zhifa.core.services import case_search, procedure, worklist
from zhifa.core.services.townships import get_township_row
from zhifa.core.services.errors import Invalid, NotFound
from zhifa.web import forms
from zhifa.web.access import web_roles
from zhifa.web.render import page
from zhifa.web.session import principal_of

R = Role
DECIDERS = (R.approver, R.legal_reviewer, R.township_head)
#: Routine steps of the officers themselves, not decisions awaiting an approver, reviewer or head.
OFFICER_ROUTINE = frozenset(name for name, spec in ACTIONS.items() if set(spec.roles) == {R.officer})


class Awaiting:
    def __init__(self, item, actions: list[str]):
        self.case, self.nearest, self.actions = item.case, item.nearest, actions


@get("/web/t/{code:str}/queue", opt=web_roles(*DECIDERS))
async def queue(request: Request, code: FromPath[str]) -> Response:
    principal = await principal_of(request)
    township = await get_township_row(code)
    today = clock.today()
    mine = [(name, spec) for name, spec in ACTIONS.items()
            if name not in OFFICER_ROUTINE and principal.roles & {r.value for r in spec.roles}
            and set(spec.roles) & set(DECIDERS)]
    awaiting = []
    for item in await worklist.open_work(code, on=today):
        status = Status(item.case.status)
        allowed = []
        for name, spec in mine:
            if status not in spec.sources or _side_step(name):
                continue
            prefill = forms.proposal_prefill(forms.fields_of(case_search.input_schema(name), [], []), item.file)
            try:
                refusals = await procedure.dry_run(code, item.case.id, name, actor=principal.username, on=today,
                                                   township=township, data=prefill or None)
            except (Invalid, NotFound):
                refusals = ["?"]
            if not refusals or _form_decides(name):  # as the case page: an empty form's refusal is no answer yet
                allowed.append(spec.title)
        if allowed:
            awaiting.append(Awaiting(item, allowed))
    return page(request, "queue.html", title="待我处理", township=code, township_name=township["name"],
                awaiting=awaiting, today=today)


#: Steps any case in the state could take but that nobody is waiting for (they answer an event).
_SIDE_STEPS = frozenset({"transfer", "decline_filing", "approve_filing_extension", "recuse", "preserve_evidence", "seize",
                         "extend_seizure", "extend_decision_deadline", "suspend", "terminate", "transfer_to_judicial",
                         "hand_back", "revoke", "collective_discussion", "approve_deferral", "apply_to_court",
                         "decide_preserved_evidence", "request_police_reconsideration", "resume_after_non_filing",
                         "record_police_receipt", "copy_to_procuratorate", "record_police_decision", "resume"})


def _form_decides(name: str) -> bool:
    schema = case_search.input_schema(name)
    root = schema["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    return bool(root.get("required"))


def _side_step(name: str) -> bool:
    return name in _SIDE_STEPS


ROUTES = [queue]
