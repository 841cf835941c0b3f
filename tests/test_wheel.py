"""The package as users install it: a wheel, with every catalogue and template inside.

An editable checkout reads data files from the repository, so a file left out of the wheel goes
unnoticed there; this builds the wheel and runs the command from it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_built_wheel_carries_the_catalogues_and_runs_the_command(tmp_path):
    source = tmp_path / "src"  # a clean copy: no build/ left over in the checkout, none left behind
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info", "__pycache__",
                                                                 "tests", ".hypothesis", "*.sqlite3*"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    str(source), "-w", str(tmp_path / "dist")], check=True, capture_output=True, stdin=subprocess.DEVNULL)
    [wheel] = (tmp_path / "dist").glob("zhifa-*.whl")
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wheel)],
                   check=True, capture_output=True, stdin=subprocess.DEVNULL)
    home = tmp_path / "home"
    home.mkdir()
    script = ("import sys; sys.path.insert(0, sys.argv[1]); import zhifa; assert zhifa.__file__.startswith(sys.argv[1]), "
              "zhifa.__file__; from zhifa.cli.main import app; app(sys.argv[2:])")
    env = {**os.environ, "ZHIFA_HOME": str(home), "ZHIFA_DATABASE_URL": f"sqlite:///{home}/zhifa.sqlite3"}

    def zhifa(*args: str) -> str:
        done = subprocess.run([sys.executable, "-c", script, str(site), *args], env=env, cwd=home, text=True,
                              capture_output=True, stdin=subprocess.DEVNULL)
        assert done.returncode == 0, done.stderr + done.stdout
        return done.stdout

    zhifa("init")
    plugins = {p["name"]: p for p in json.loads(zhifa("plugins", "--json"))}
    assert {"urban", "market", "ecology", "agri", "culture"} <= set(plugins)
    assert all(plugins[f]["powers"] >= 12 and plugins[f]["templates"] >= 1 for f in ("urban", "agri"))
    assert json.loads(zhifa("calendar", "show", "2026", "--json"))["source"] == "official"
    # the OpenAPI viewer's assets and their licence (served by the app itself: no CDN on an intranet)
    from zhifa.api import viewer

    shipped = site / "zhifa" / "api" / "static" / "swagger-ui"
    for name in (*viewer.ASSET_FILES, *viewer.LICENCE_FILES):
        assert (shipped / name).read_bytes() == (viewer.ASSETS_DIR / name).read_bytes(), name
