"""The CLI as a terminal program: quick to start (no discord or aiohttp), readable text, line editing."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT

QUESTION = "Who called US policies evil and stupid?"


def test_ask_never_imports_discord_aiohttp_or_trafilatura():
    code = ("import io, sys; from bot.cli import main; "
            f"status = main(['ask', {QUESTION!r}], stdout=io.StringIO()); "
            "print(json.dumps([status, sorted({m.split('.')[0] for m in sys.modules} "
            "& {'discord', 'aiohttp', 'trafilatura', 'lxml'})]))")
    run = subprocess.run([sys.executable, "-c", "import json; " + code], capture_output=True, text=True, cwd=ROOT,
                         timeout=60, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == [0, []]
