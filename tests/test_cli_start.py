"""``zhifa --help`` and ``zhifa plugins`` start without the database stack (issue 11, item 6)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

PROBE = """
import json, sys
sys.argv = ["zhifa", *sys.argv[1:]]
from zhifa.cli.main import run
try:
    run()
except SystemExit:
    pass
print(json.dumps({name: name in sys.modules for name in ("asyncpg", "aiosqlite", "piccolo", "zxcvbn")}),
      file=sys.stderr)
"""


@pytest.mark.parametrize("args", [["--help"], ["plugins"], ["township", "--help"]])
def test_a_command_that_needs_no_database_imports_no_driver(args, tmp_path):
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=tmp_path,
                          env={"ZHIFA_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}, stdin=subprocess.DEVNULL)
    loaded = json.loads(done.stderr.strip().splitlines()[-1])
    assert "zhifa" in done.stdout and loaded == {"asyncpg": False, "aiosqlite": False, "piccolo": False,
                                                 "zxcvbn": False}, (done.stdout[-500:], done.stderr[-2000:])
