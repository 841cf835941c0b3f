"""Map the repository root to the import package ``zhifa``.

``core/`` becomes ``zhifa.core``, ``plugins/urban/`` becomes ``zhifa.plugins.urban``; nothing
named ``core``, ``plugins`` or ``cli`` lands in site-packages. Everything else lives in
pyproject.toml.
"""

from setuptools import find_packages, setup

_EXCLUDE = ["tests", "tests.*", "build", "build.*", "docs", "bench", "bench.*"]

setup(packages=["zhifa"] + [f"zhifa.{name}" for name in find_packages(".", exclude=_EXCLUDE)])
