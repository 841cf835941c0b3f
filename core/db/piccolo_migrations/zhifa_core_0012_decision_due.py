"""enforcement_case.decision_due: the 90-day clock's fixed last day, indexed, for the overdue list.

Filled for the cases there are (in batches of 2,000 by id) from their case files, by the same rule
the procedure applies on each action (``rules.deadlines.fixed_decision_due``).
"""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-12-04T03:40:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "enforcement_case.decision_due (办案期限届满日), indexed with the township"

_BATCH = 2000


async def _add() -> None:
    engine = engine_finder()
    await engine.run_ddl('ALTER TABLE "enforcement_case" ADD COLUMN "decision_due" DATE')
    await engine.run_ddl(
        'CREATE INDEX IF NOT EXISTS ix_case_township_decision_due ON "enforcement_case" ("township", "decision_due")')
    await fill()


async def fill() -> None:
    """Set decision_due for every filed case from its case file."""
    from zhifa.core.procedure import casefile
    from zhifa.core.rules.deadlines import fixed_decision_due

    engine = engine_finder()
    after = 0
    while True:
        rows = await engine.run_querystring(_select(after))
        for row in rows:
            due = fixed_decision_due(row["status"], _date(row["filed_on"]), casefile.load(row["facts"]))
            if due is not None:
                await engine.run_ddl(
                    f"UPDATE enforcement_case SET decision_due = '{due.isoformat()}' WHERE id = {int(row['id'])}")
        if len(rows) < _BATCH:
            return
        after = rows[-1]["id"]


def _select(after: int):
    from piccolo.querystring import QueryString

    return QueryString(
        "SELECT id, status, filed_on, facts FROM enforcement_case WHERE id > {} AND filed_on IS NOT NULL "
        "ORDER BY id LIMIT {}", after, _BATCH)


def _date(value):
    import datetime as dt

    return dt.date.fromisoformat(value) if isinstance(value, str) else value


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="zhifa_core", description=DESCRIPTION)
    manager.add_raw(_add)  # raw steps run before the manager's own (piccolo), so the column is added there too
    return manager
