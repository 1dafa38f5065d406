from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.answerer import Answerer
from retrieval.load import load_article

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "bot" / "data" / "articles" / "iran-pakistan-defense-ties.txt"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def shipped():
    return load_article(SHIPPED)


@pytest.fixture(scope="session")
def answerer(shipped):
    return Answerer(shipped)


@pytest.fixture(autouse=True)
def _library_database_in_tmp(tmp_path, monkeypatch):
    """No test writes the user's real library database: ARTICLEBOT_DATA points into the test's tmp folder."""
    monkeypatch.setenv("ARTICLEBOT_DATA", str(tmp_path / "library.sqlite3"))


# -- scores: reported at the end of the run on request, never among the dots ------------------------------
_SCORES: list[str] = []


def pytest_addoption(parser):
    parser.addoption("--scores", action="store_true",
                     help="print the gold sets' scores (and dev misses) after the run; -s prints them too")


@pytest.fixture(scope="session")
def score_report(request):
    """``score_report(line)`` keeps a line for the end-of-run "scores" section, shown only with --scores or -s
    (the test output stays quiet otherwise)."""
    return _SCORES.append


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if _SCORES and (config.getoption("--scores") or config.getoption("capture") == "no"):
        terminalreporter.section("scores")
        for line in _SCORES:
            terminalreporter.write_line(line)
