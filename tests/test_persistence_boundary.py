"""One way to the database (issue 11): the township scope names the township column, the queries layer holds the SQL.

Services, documents, the API, the CLI and the web pages say "rows of this township" through
``zhifa.core.services.scope`` (``owned_by``, ``of_township``, ``in_county``) and never compare a
table's ``township`` column by hand; every raw statement (``Table.raw(...)``) is a function of
``zhifa.core.db.queries`` (the db layer's own locks in ``core/db`` aside).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import zhifa

ROOT = Path(zhifa.__file__).parent
LAYERS = ("core", "api", "cli", "web")
SCOPE = Path("core/services/scope.py")
DB = Path("core/db")

#: SQL naming the township column, in a string of a service: ``township = {}``, ``co.township = {}``.
TOWNSHIP_SQL = re.compile(r"\btownship\s*=\s*\{\}")


def _sources():
    """(path relative to the package, parsed module) of every source file outside the db layer."""
    for layer in LAYERS:
        for path in sorted((ROOT / layer).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if relative.is_relative_to(DB):
                continue
            yield relative, ast.parse(path.read_text(encoding="utf-8"), filename=str(relative))


def _township_column(node: ast.AST) -> bool:
    """``Table.township`` or ``Table.township.<column>`` of a table class (a capitalised name: ``Case.township``).

    A lower-case object's ``township`` is a value, not a column (``principal.township``, the caller's code).
    """
    if isinstance(node, ast.Attribute) and node.attr != "township":
        node = node.value  # Table.township.code, Table.township.county_code
    return (isinstance(node, ast.Attribute) and node.attr == "township" and isinstance(node.value, ast.Name)
            and node.value.id[:1].isupper())


def test_services_name_no_township_column_by_hand():
    found = []
    for path, module in _sources():
        if path == SCOPE:
            continue
        for node in ast.walk(module):
            if isinstance(node, ast.Compare) and any(isinstance(op, (ast.Eq, ast.NotEq)) for op in node.ops):
                if any(_township_column(side) for side in (node.left, *node.comparators)):
                    found.append(f"{path}:{node.lineno}: {ast.unparse(node)}")
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and TOWNSHIP_SQL.search(node.value):
                found.append(f"{path}:{node.lineno}: {node.value!r}")
    assert found == [], "the township filter by hand — use scope.owned_by / of_township / in_county:\n" + "\n".join(found)


def test_raw_sql_lives_in_the_queries_layer():
    found = [f"{path}:{node.lineno}: {ast.unparse(node)[:120]}"
             for path, module in _sources() for node in ast.walk(module)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "raw"]
    assert found == [], "raw SQL outside zhifa.core.db — make it a function of core/db/queries:\n" + "\n".join(found)


def test_the_boundary_checks_see_a_hand_written_filter_and_a_raw_statement():
    """The checks above would find what they forbid (they are not vacuously empty)."""
    module = ast.parse('Case.select().where(Case.township == township["id"])\n'
                       'Publication.township.county_code == code\n'
                       'Case.raw("SELECT id FROM enforcement_case WHERE township = {}", 1)\n'
                       'principal.township == code\n')
    compares = sorted((n for n in ast.walk(module) if isinstance(n, ast.Compare)), key=lambda n: n.lineno)
    assert [any(_township_column(s) for s in (n.left, *n.comparators)) for n in compares] == [True, True, False]
    assert [n.value for n in ast.walk(module) if isinstance(n, ast.Constant) and TOWNSHIP_SQL.search(str(n.value))]
    assert [n for n in ast.walk(module) if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "raw"]
