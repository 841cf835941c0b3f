"""The plugin author's kit: conformance checks, pytest fixtures and the plugin scaffold.

* ``zhifa.testing.conformance`` — the checks every field plugin must pass, outside pytest
  (``zhifa plugin check``) and inside it.
* ``zhifa.testing.suite`` — ``ConformanceSuite``, the parametrised pytest suite a plugin
  subclasses in its own tests (``plugin = "transport"``).
* ``zhifa.testing.pytest_plugin`` — registered under the ``pytest11`` entry point, so every
  project that installs zhifa gets the ``zhifa_*`` fixtures (temporary database, a township that
  enabled the plugin under test, certified officers).
* ``zhifa.testing.samples`` — the sample-case file (``catalogue/samples.toml``).
* ``zhifa.testing.scaffold`` — ``zhifa plugin new``.

Nothing here is imported by the core at run time; importing this package is cheap.
See docs/plugin-authoring.md.
"""
