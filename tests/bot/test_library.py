"""The library: the settings' articles for every server, each server's kept ones opened lazily, a bounded LRU."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.library import Library, open_article, slug
from bot.store import EVERY_SERVER, Store
from retrieval.load import read_article

PAGES = Path(__file__).parents[1] / "retrieval" / "pages"
DATA = Path(__file__).parents[1] / "data"
SHIPPED = Path(__file__).parents[2] / "bot" / "data" / "articles" / "iran-pakistan-defense-ties.txt"
G1, G2 = 111, 222


def read(name: str):
    path = PAGES / name if name.endswith(".html") else DATA / name
    return read_article(path.read_bytes(), name)


@pytest.fixture(scope="module")
def shipped():
    return open_article(SHIPPED)


def library(shipped, store: Store | None = None, cache_size: int = 2) -> Library:
    return Library({"iran-pakistan": shipped}, "iran-pakistan", store, cache_size)


def test_slug_makes_short_ascii_keys():
    assert slug("Harbour dredging plan approved after long delay") == "harbour-dredging-plan-approved-after-long-delay"
    assert slug("Müller’s café: 5 things") == "mullers-cafe-5-things"
    assert slug("!!!") == "article"
    assert len(slug("word " * 40)) <= 48


def test_kept_articles_are_per_server_and_settings_articles_are_everyones(shipped, tmp_path):
    lib = library(shipped, Store(tmp_path / "db.sqlite3"))
    kept, created = lib.add(read("wordpress-harbour.html"), G1, url="https://l.example/?p=812", added_by=7)
    assert created and kept.key == "harbour-dredging-plan-approved-after-long-delay"
    assert kept.quoted and "Ines Varga" in kept.quoted
    assert lib.has(kept.key, G1) and not lib.has(kept.key, G2)
    assert lib.has("iran-pakistan", G1) and lib.has("iran-pakistan", G2)
    with pytest.raises(KeyError):
        lib.get(kept.key, G2)
    answer = lib.get(kept.key, G1).ask("Who said the harbour opens again?")
    assert answer.speaker == "Ines Varga"
    shared, _ = lib.add(read("council-vote.yaml"))  # no server: every server sees it
    assert lib.has(shared.key, G1) and lib.has(shared.key, G2) and lib.get(shared.key, G2)
    assert [e.key for e in lib.entries(G1)] == ["iran-pakistan", kept.key, shared.key]
    assert [e.key for e in lib.entries(G2, match="harbour")] == []
    assert lib.remove(kept.key, G1) and not lib.has(kept.key, G1)
    assert not lib.remove("iran-pakistan", G1) and lib.has("iran-pakistan", G1)


def test_a_new_library_reads_nothing_until_asked_and_keeps_at_most_cache_size(shipped, tmp_path):
    path = tmp_path / "db.sqlite3"
    first = library(shipped, Store(path))
    keys = [first.add(read(n), G1)[0].key for n in ("wordpress-harbour.html", "arc-transit.html",
                                                     "microdata-library.html")]
    assert first.cached(keys[2], G1) is not None  # what was just added is open already
    reopened = library(shipped, Store(path), cache_size=2)
    assert all(reopened.cached(k, G1) is None for k in keys)  # opened lazily, on the first question
    for key in keys:
        reopened.get(key, G1)
    assert reopened.cached(keys[0], G1) is None  # the least recently used went first
    assert reopened.cached(keys[1], G1) is not None and reopened.cached(keys[2], G1) is not None
    # The same answers after a restart, from the database alone.
    before = first.get(keys[0], G1).ask("Who said the harbour opens again?")
    after = reopened.get(keys[0], G1).ask("Who said the harbour opens again?")
    assert after == before


def test_without_a_store_only_the_settings_articles(shipped):
    lib = library(shipped)
    assert lib.get() is shipped and lib.get("iran-pakistan", G1) is shipped
    assert not lib.choosable() and not lib.has("anything", G1)
    with pytest.raises(RuntimeError):
        lib.add(read("council-vote.yaml"), G1)
    assert lib.get(None, EVERY_SERVER) is shipped


def test_the_library_settings_are_checked_and_the_database_path_chosen(tmp_path, monkeypatch):
    from bot.library import database_path, data_folder
    from bot.settings import SettingsError, load_settings

    base = f"articles:\n  a:\n    path: {SHIPPED}\n"
    path = tmp_path / "s.yaml"
    for snippet, message in (("library:\n  cache_size: 0\n", "library.cache_size to be a whole number >= 1"),
                             ("library:\n  database: 7\n", "library.database to be a file path or null"),
                             ("discord:\n  remove_role: [a]\n", "discord.remove_role to be a role name or null"),
                             ("discord:\n  testing_loopback_port: 8080\n", "unknown key discord.testing_loopback_port")):
        path.write_text(base + snippet)
        with pytest.raises(SettingsError, match=message.replace(".", r"\.").replace("[", r"\[")):
            load_settings(path)
    path.write_text(base + "library:\n  database: state/lib.sqlite3\n  cache_size: 5\n")
    settings = load_settings(path)
    assert Library.from_settings(settings).cache_size == 5
    monkeypatch.delenv("ARTICLEBOT_DATA")
    assert database_path(settings) == tmp_path / "state" / "lib.sqlite3"
    assert database_path(settings, "x.sqlite3") == Path("x.sqlite3")  # --data wins
    monkeypatch.setenv("ARTICLEBOT_DATA", str(tmp_path / "env.sqlite3"))
    assert database_path(settings) == tmp_path / "env.sqlite3"
    monkeypatch.delenv("ARTICLEBOT_DATA")
    path.write_text(base)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert database_path(load_settings(path)) == data_folder() / "library.sqlite3" == tmp_path / "xdg" / "articlebot" / "library.sqlite3"
