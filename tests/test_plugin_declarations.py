"""A plugin's own tables (a Piccolo app with migrations) and its own CLI commands."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal

from zhifa.core.db.tables import Township

from .helpers import cli, run


def test_a_plugins_own_tables_are_migrated_with_the_core(database_url, install_test_plugins):
    install_test_plugins("transport")
    cli("init")
    cli("township", "create", "330122100", "横村镇")
    from zhifa_transport.tables import Road

    township = run(Township.select(Township.id).where(Township.code == "330122100").first())
    run(Road.insert(Road(township=township["id"], name="县道X301", length_km=Decimal("12.40"))))
    [road] = run(Road.select())
    assert (road["name"], road["length_km"]) == ("县道X301", Decimal("12.40"))
    ran = run(Township.raw("SELECT name FROM migration WHERE app_name = 'zhifa_transport'"))
    assert len(ran) == 1


def test_a_plugin_adds_a_command_to_the_zhifa_cli(database_url, test_plugin_dir, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(test_plugin_dir), ZHIFA_LOAD_PLUGINS="urban,market,ecology,agri,culture,transport")
    zhifa = [sys.executable, "-c", "from zhifa.cli.main import run; run()"]
    help_text = subprocess.run([*zhifa, "--help"], env=env, capture_output=True, text=True, check=True).stdout
    assert "transport-roads" in help_text
    subprocess.run([*zhifa, "init"], env=env, check=True, capture_output=True)
    subprocess.run([*zhifa, "township", "create", "330122100", "横村镇"], env=env, check=True, capture_output=True)
    listed = subprocess.run([*zhifa, "transport-roads", "330122100"], env=env, capture_output=True, text=True)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout == ""  # no roads registered yet, and no error


def test_without_the_plugin_the_command_does_not_exist(database_url):
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    result = subprocess.run([sys.executable, "-c", "from zhifa.cli.main import run; run()", "--help"],
                            env=env, capture_output=True, text=True, check=True)
    assert "transport-roads" not in result.stdout and "township" in result.stdout
