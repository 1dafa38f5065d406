"""The SQLite library: articles with source and parsed result, one per URL, defaults, schema migrations."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.article_json import article_from_json, article_to_json
from bot.store import EVERY_SERVER, MIGRATIONS, SCHEMA_VERSION, NewArticle, Store, StoreError
from retrieval.load import read_article

PAGES = Path(__file__).parents[1] / "retrieval" / "pages"
DATA = Path(__file__).parents[1] / "data"
G1, G2 = 111, 222


def loaded(name: str):
    path = PAGES / name if name.endswith(".html") else DATA / name
    return read_article(path.read_bytes(), name)


def new(name: str, url: str | None = None) -> NewArticle:
    l = loaded(name)
    return NewArticle(article=l.article, source_name=url or name, source_format=l.format, source=l.text, url=url,
                      canonical_url=l.article.url if l.article.url != url else None, quoted=("Ines Varga",))


def test_article_json_round_trips_every_field():
    for name in ("wordpress-harbour.html", "council-vote.yaml", "port-strike.txt"):
        article = loaded(name).article
        assert article_from_json(article_to_json(article)) == article


def test_add_get_list_remove_per_server(tmp_path):
    store = Store(tmp_path / "library.sqlite3")
    kept, created = store.add(G1, "harbour", new("wordpress-harbour.html", "https://l.example/?p=812"))
    assert created and kept.key == "harbour" and kept.title.startswith("Harbour dredging")
    assert (kept.paragraphs, kept.comments, kept.quoted) == (5, 3, ("Ines Varga",))
    assert store.article(G1, "harbour") == loaded("wordpress-harbour.html").article
    assert store.source(G1, "harbour")[1:] == ("html", loaded("wordpress-harbour.html").text)
    assert store.get(G2, "harbour") is None and store.count(G2) == 0  # another server does not see it
    second, created = store.add(G1, "harbour", new("council-vote.yaml"))
    assert created and second.key == "harbour-2"  # a taken key gets a number
    assert [s.key for s in store.list(G1)] == ["harbour", "harbour-2"]
    assert [s.key for s in store.list(G1, match="council")] == ["harbour-2"]
    assert [s.key for s in store.list(G1, offset=1, limit=1)] == ["harbour-2"]
    assert [k for k, _ in store.articles(G1)] == ["harbour", "harbour-2"]
    assert store.remove(G1, "harbour") and not store.remove(G1, "harbour")
    assert store.count(G1) == 1


def test_same_url_or_canonical_url_is_one_article(tmp_path):
    store = Store(tmp_path / "db.sqlite3")
    first, _ = store.add(G1, "a", new("wordpress-harbour.html", "https://l.example/?p=812"))
    again, created = store.add(G1, "b", new("wordpress-harbour.html", "https://l.example/?p=812"))
    assert not created and again.key == first.key
    # Another link to the same story: the page names the same canonical URL.
    other, created = store.add(G1, "c", new("wordpress-harbour.html", "https://l.example/amp/harbour"))
    assert not created and other.key == first.key
    # Someone pastes the canonical URL itself.
    canon = loaded("wordpress-harbour.html").article.url
    assert store.find_url(G1, canon).key == first.key
    assert store.count(G1) == 1
    _, created = store.add(G2, "a", new("wordpress-harbour.html", "https://l.example/?p=812"))
    assert created  # one article per server


def test_reserved_keys_are_skipped(tmp_path):
    store = Store(":memory:")
    kept, _ = store.add(EVERY_SERVER, "iran-pakistan", new("council-vote.yaml"), taken=frozenset({"iran-pakistan"}))
    assert kept.key == "iran-pakistan-2"


def test_defaults_survive_reopening(tmp_path):
    path = tmp_path / "db.sqlite3"
    store = Store(path)
    store.set_default(G1, "harbour")
    store.set_default(G1, "council")
    store.close()
    again = Store(path)
    assert again.default(G1) == "council" and again.default(G2) is None
    assert again.defaults() == {G1: "council"}


def test_schema_version_and_migration_from_the_first_version(tmp_path):
    path = tmp_path / "v1.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    db.execute("INSERT INTO schema_version VALUES (1)")
    for sql in MIGRATIONS[0][1]:
        db.execute(sql)
    a = loaded("council-vote.yaml").article
    db.execute("INSERT INTO articles (guild_id, key, title, source_name, source_format, source, parsed, paragraphs,"
               " comments, added_at) VALUES (?, 'council', ?, 'council-vote.yaml', 'yaml', '...', ?, 3, 2, '2024')",
               (G1, a.title, article_to_json(a)))
    db.commit()
    db.close()
    store = Store(path)
    assert store.schema_version == SCHEMA_VERSION == 2
    assert store.article(G1, "council") == a  # kept through the migration
    assert store.get(G1, "council").quoted == ()
    store.set_default(G1, "council")  # the table version 2 added
    assert store.default(G1) == "council"


def test_a_newer_or_foreign_file_is_refused(tmp_path):
    newer = tmp_path / "newer.sqlite3"
    db = sqlite3.connect(newer)
    db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    db.execute("INSERT INTO schema_version VALUES (99)")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer than this articlebot understands"):
        Store(newer)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="cannot use the article database"):
        Store(junk)


def test_taken_keys_get_the_next_number_even_with_like_wildcards_in_them():
    from dataclasses import replace

    store = Store(":memory:")
    base = new("council-vote.yaml")

    def at(url: str) -> NewArticle:
        return replace(base, url=url, canonical_url=None, article=replace(base.article, url=None))

    keys = [store.add(G1, "50%_off", at(f"https://x.example/{i}"))[0].key for i in range(4)]
    assert keys == ["50%_off", "50%_off-2", "50%_off-3", "50%_off-4"]
    other = store.add(G1, "50%", at("https://x.example/other"))[0]
    assert other.key == "50%"  # "50%_off" is not "50%" with a number
