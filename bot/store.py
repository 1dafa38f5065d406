"""The library on disk: each server's articles (source and parsed result) and default article, in SQLite.

A small interface over plain SQL, so a second driver (PostgreSQL, for a bot run as several processes)
can take SQLite's place without touching the callers:

- ``Store(path)`` opens (creating and migrating) the file; ``":memory:"`` for a throwaway store.
- ``add(guild_id, new)`` keeps one article and returns it with its key; the same URL or canonical URL
  already kept for that server returns the kept one instead (``created`` False).
- ``get(guild_id, key)`` the kept article with its source and parsed result; ``article(guild_id, key)``
  only the parsed ``Article``.
- ``find_url(guild_id, *urls)``; ``list(guild_id, offset, limit, match)`` and ``count(guild_id)`` for paging;
  ``articles(guild_id)`` every parsed article of a server, one at a time (for a library-wide index);
  ``remove(guild_id, key)``.
- ``default(guild_id)`` / ``set_default(guild_id, key)``: each server's default article.

``guild_id`` 0 (``EVERY_SERVER``) holds articles every server sees (the CLI adds there without
``--guild``); a server sees its own articles and those. The store never touches the network and keeps
only what answering again after a restart needs. Every method is synchronous and thread-safe (one
connection behind a lock): the bot calls the writing ones through ``asyncio.to_thread`` so the event
loop never waits on the disk.
"""
from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from retrieval.article import Article

from .article_json import article_from_json, article_to_json

EVERY_SERVER = 0

# Each migration takes the file from the version before it to its own; a new file runs them all. Plain
# SQL that PostgreSQL accepts too (no AUTOINCREMENT, no SQLite-only types).
MIGRATIONS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (1, (
        "CREATE TABLE articles ("
        " guild_id BIGINT NOT NULL,"
        " key TEXT NOT NULL,"
        " title TEXT NOT NULL,"
        " published TEXT,"
        " url TEXT,"  # the link it was added from, if any
        " canonical_url TEXT,"  # the page's own canonical URL, if it names one
        " source_name TEXT NOT NULL,"  # the URL or file name it came from
        " source_format TEXT NOT NULL,"  # html, text or yaml
        " source TEXT NOT NULL,"  # the source as read, so a better parser can read it again
        " parsed TEXT NOT NULL,"  # the parsed Article as JSON
        " paragraphs INTEGER NOT NULL,"
        " comments INTEGER NOT NULL,"
        " added_by BIGINT,"
        " added_at TEXT NOT NULL,"
        " PRIMARY KEY (guild_id, key))",
        "CREATE INDEX articles_by_url ON articles (guild_id, url)",
        "CREATE INDEX articles_by_canonical_url ON articles (guild_id, canonical_url)",
    )),
    (2, (
        # Each server's default article, formerly a JSON file (``discord.guild_defaults_file``).
        "CREATE TABLE guild_defaults (guild_id BIGINT PRIMARY KEY, key TEXT NOT NULL)",
        # Who is quoted, for /article list and the reply to /article add without parsing again.
        "ALTER TABLE articles ADD COLUMN quoted TEXT NOT NULL DEFAULT ''",
    )),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]


class StoreError(Exception):
    """The database file cannot be used (not a database, or written by a newer articlebot)."""


@dataclass(frozen=True)
class NewArticle:
    """What ``add`` keeps: the parsed article with the source it was read from."""

    article: Article
    source_name: str
    source_format: str
    source: str
    url: str | None = None
    canonical_url: str | None = None
    quoted: tuple[str, ...] = ()
    added_by: int | None = None


@dataclass(frozen=True)
class Summary:
    """One kept article, without its source or parsed text (cheap to list)."""

    guild_id: int
    key: str
    title: str
    published: str | None
    url: str | None
    canonical_url: str | None
    source_name: str
    paragraphs: int
    comments: int
    quoted: tuple[str, ...]
    added_by: int | None
    added_at: str


_SUMMARY = ("guild_id, key, title, published, url, canonical_url, source_name, paragraphs, comments, quoted, "
            "added_by, added_at")


def _summary(row: tuple) -> Summary:
    *head, quoted, added_by, added_at = row
    return Summary(*head, tuple(q for q in quoted.split("\n") if q), added_by, added_at)


class Store:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA busy_timeout = 5000")
            if self.path != ":memory:":
                # Readers never wait on a writer, and a write is one append to the log, synced at checkpoints.
                self._db.execute("PRAGMA journal_mode = WAL")
                self._db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot use the article database ({exc})") from exc

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- schema ---------------------------------------------------------------------------------
    def _migrate(self) -> None:
        with self._lock:
            db = self._db
            db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = db.execute("SELECT version FROM schema_version").fetchone()
            version = row[0] if row else 0
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.path}: the article database is version {version}, newer than this "
                                 f"articlebot understands ({SCHEMA_VERSION}); upgrade articlebot")
            for target, statements in MIGRATIONS:
                if target <= version:
                    continue
                db.execute("BEGIN")
                try:
                    for sql in statements:
                        db.execute(sql)
                    db.execute("DELETE FROM schema_version")
                    db.execute("INSERT INTO schema_version (version) VALUES (?)", (target,))
                    db.execute("COMMIT")
                except BaseException:
                    db.execute("ROLLBACK")
                    raise

    @property
    def schema_version(self) -> int:
        with self._lock:
            return self._db.execute("SELECT version FROM schema_version").fetchone()[0]

    # -- articles -------------------------------------------------------------------------------
    def add(self, guild_id: int, key: str, new: NewArticle, taken: frozenset[str] = frozenset()) -> tuple[Summary, bool]:
        """Keep ``new`` under ``key`` (or ``key-2``, ``key-3``… when taken in that server or in ``taken``).

        An article kept for the server under the same URL or canonical URL is returned unchanged instead.
        """
        a = new.article
        urls = [u for u in (new.url, new.canonical_url, a.url) if u]
        with self._lock:
            db = self._db
            db.execute("BEGIN IMMEDIATE")  # the duplicate check and the insert as one step
            try:
                existing = self._find_url(guild_id, urls)
                if existing is not None:
                    db.execute("COMMIT")
                    return existing, False
                final = self._free_key(guild_id, key, taken)
                added_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
                db.execute(
                    "INSERT INTO articles (guild_id, key, title, published, url, canonical_url, source_name,"
                    " source_format, source, parsed, paragraphs, comments, quoted, added_by, added_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (guild_id, final, a.title, a.published.isoformat() if a.published else None, new.url,
                     new.canonical_url, new.source_name, new.source_format, new.source, article_to_json(a),
                     len(a.paragraphs), len(a.comments), "\n".join(new.quoted), new.added_by, added_at))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            row = db.execute(f"SELECT {_SUMMARY} FROM articles WHERE guild_id = ? AND key = ?",
                             (guild_id, final)).fetchone()
        return _summary(row), True

    def _free_key(self, guild_id: int, key: str, taken: frozenset[str]) -> str:
        """``key``, or ``key-N`` when the server (or ``taken``) has it, N starting past the keys sharing the prefix
        (so a thousand articles with one title cost one count, not a thousand probes)."""
        def free(candidate: str) -> bool:
            return candidate not in taken and not self._db.execute(
                "SELECT 1 FROM articles WHERE guild_id = ? AND key = ?", (guild_id, candidate)).fetchone()

        if free(key):
            return key
        # Keys "key-..." sort between "key-" and "key." ("." follows "-"): a range on the primary key.
        sharing = self._db.execute("SELECT COUNT(*) FROM articles WHERE guild_id = ? AND key >= ? AND key < ?",
                                   (guild_id, f"{key}-", f"{key}.")).fetchone()[0]
        n = sharing + 2
        while not free(f"{key}-{n}"):
            n += 1
        return f"{key}-{n}"

    def _find_url(self, guild_id: int, urls: list[str]) -> Summary | None:
        for url in urls:
            for column in ("url", "canonical_url"):  # one indexed lookup each
                row = self._db.execute(f"SELECT {_SUMMARY} FROM articles WHERE guild_id = ? AND {column} = ? "
                                       "ORDER BY added_at, key LIMIT 1", (guild_id, url)).fetchone()
                if row:
                    return _summary(row)
        return None

    def find_url(self, guild_id: int, *urls: str | None) -> Summary | None:
        with self._lock:
            return self._find_url(guild_id, [u for u in urls if u])

    def get(self, guild_id: int, key: str) -> Summary | None:
        with self._lock:
            row = self._db.execute(f"SELECT {_SUMMARY} FROM articles WHERE guild_id = ? AND key = ?",
                                   (guild_id, key)).fetchone()
        return _summary(row) if row else None

    def article(self, guild_id: int, key: str) -> Article | None:
        """The parsed article kept under ``key``, or None."""
        with self._lock:
            row = self._db.execute("SELECT parsed FROM articles WHERE guild_id = ? AND key = ?",
                                   (guild_id, key)).fetchone()
        return article_from_json(row[0]) if row else None

    def source(self, guild_id: int, key: str) -> tuple[str, str, str] | None:
        """``(source_name, source_format, source)`` as it was added, or None."""
        with self._lock:
            row = self._db.execute("SELECT source_name, source_format, source FROM articles "
                                   "WHERE guild_id = ? AND key = ?", (guild_id, key)).fetchone()
        return tuple(row) if row else None  # type: ignore[return-value]

    def list(self, guild_id: int, offset: int = 0, limit: int = 10, match: str = "") -> list[Summary]:
        """A page of the server's articles by key; ``match`` keeps keys or titles containing it."""
        like = f"%{match.lower()}%"
        with self._lock:
            rows = self._db.execute(
                f"SELECT {_SUMMARY} FROM articles WHERE guild_id = ? AND (LOWER(key) LIKE ? OR LOWER(title) LIKE ?)"
                " ORDER BY key LIMIT ? OFFSET ?", (guild_id, like, like, limit, offset)).fetchall()
        return [_summary(r) for r in rows]

    def count(self, guild_id: int) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM articles WHERE guild_id = ?", (guild_id,)).fetchone()[0]

    def articles(self, guild_id: int) -> Iterator[tuple[str, Article]]:
        """Every parsed article of one server (``EVERY_SERVER`` for the shared ones), by key, oldest first."""
        with self._lock:
            keys = [r[0] for r in self._db.execute(
                "SELECT key FROM articles WHERE guild_id = ? ORDER BY added_at, key", (guild_id,))]
        for key in keys:
            article = self.article(guild_id, key)
            if article is not None:  # removed meanwhile
                yield key, article

    def remove(self, guild_id: int, key: str) -> bool:
        with self._lock:
            db = self._db
            db.execute("BEGIN IMMEDIATE")
            try:
                gone = db.execute("DELETE FROM articles WHERE guild_id = ? AND key = ?", (guild_id, key)).rowcount
                db.execute("DELETE FROM guild_defaults WHERE guild_id = ? AND key = ?", (guild_id, key))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return bool(gone)

    # -- each server's default article ----------------------------------------------------------
    def default(self, guild_id: int) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT key FROM guild_defaults WHERE guild_id = ?", (guild_id,)).fetchone()
        return row[0] if row else None

    def set_default(self, guild_id: int, key: str) -> None:
        with self._lock:
            db = self._db
            db.execute("BEGIN IMMEDIATE")
            try:
                db.execute("DELETE FROM guild_defaults WHERE guild_id = ?", (guild_id,))
                db.execute("INSERT INTO guild_defaults (guild_id, key) VALUES (?, ?)", (guild_id, key))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def defaults(self) -> dict[int, str]:
        with self._lock:
            return dict(self._db.execute("SELECT guild_id, key FROM guild_defaults").fetchall())
