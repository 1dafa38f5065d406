"""The test run is quiet: gold-set scores are reported after the run only when asked (--scores or -s)."""
from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

SCORED = '''
def test_scored(score_report):
    score_report("made-up gold: 3/4 = 75.0%")
'''


def pytest_run(folder, *options: str) -> str:
    """A run of one test that reports a score, with this suite's conftest as a plugin."""
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "tests.conftest",
                          "--rootdir", str(folder), *options, str(folder / "test_scored.py")],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    return run.stdout


def test_scores_stay_out_of_the_dots_unless_asked_for(tmp_path):
    (tmp_path / "test_scored.py").write_text(SCORED)
    assert "made-up gold" not in pytest_run(tmp_path)
    assert "made-up gold: 3/4" in pytest_run(tmp_path, "--scores").split("= scores =")[-1]


def test_no_test_writes_past_the_capture():
    """capsys.disabled() or sys.__stdout__ in a test prints among the dots; scores go through score_report."""
    offenders = [str(path.relative_to(ROOT)) for path in (ROOT / "tests").rglob("test_*.py")
                 if path.name != "test_quiet_output.py"
                 and any(s in path.read_text(encoding="utf-8") for s in ("capsys.disabled", "sys.__stdout__"))]
    assert offenders == []
