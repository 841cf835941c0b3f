"""Explicit parameter markers for the routes: where each value comes from is written, never inferred.

Litestar 2.2x deprecates path and query parameters inferred from a bare annotation and a ``data``
body without a marker (Litestar 3 drops both); every route of zhifa names its path and query
parameters with ``Parameter`` (these helpers) and its body with a body marker (``data: JSONBody[…]``,
or ``Annotated[…, Body(…)]`` where the type is chosen at run time, as for the procedure actions). ``tests/test_parameter_markers.py`` builds
the app and fails on any deprecation warning, and pytest's configuration makes a deprecation
warning raised from zhifa's own modules an error.
"""

from __future__ import annotations

from typing import Any

from litestar.params import Parameter


def township(description: str = "乡镇行政区划代码（9 位）") -> Any:
    """The township in the path (``{code}``, ``{township}``)."""
    return Parameter(description=description)


def path_text(description: str) -> Any:
    """Any other text in the path (a username, a power's code)."""
    return Parameter(description=description)


def query(description: str, default: Any = None, **constraints: Any) -> Any:
    """An optional query parameter (``None`` unless sent)."""
    return Parameter(default=default, description=description, **constraints)


def on_day(description: str = "日期（YYYY-MM-DD，缺省今天）") -> Any:
    """``?on=``: the legal date of an act, or the day a page or a list is read for."""
    return Parameter(default=None, description=description)

