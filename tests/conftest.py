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
