"""A field whose discretion tier exceeds the statutory maximum: start-up must refuse it."""

from pathlib import Path

from zhifa.core.hookspecs import hookimpl


@hookimpl
def zhifa_field_catalogues():
    return [Path(__file__).parent / "catalogue"]
