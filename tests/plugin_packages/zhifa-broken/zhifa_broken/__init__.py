"""A plugin that fails on import: start-up must name it, not show a traceback from pluggy."""

import zhifa_dependency_that_is_not_installed  # noqa: F401
