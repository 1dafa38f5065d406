"""The articles the bot answers about: the settings' articles (every server sees them) and, when a store
is given, each server's own kept articles, opened lazily on their first question and kept in a bounded
LRU of answerers. Startup reads nothing from the store, so it takes the same time for 1 article or 10,000.

Precedence of a key: the settings' articles, then the server's own, then those kept for every server.
"""
from __future__ import annotations

import logging
import os
import re
import sys
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, replace
from pathlib import Path

from retrieval.answerer import Answerer
from retrieval.load import Loaded, load_article

from .settings import Settings
from .store import EVERY_SERVER, NewArticle, Store, Summary

log = logging.getLogger(__name__)

DEFAULT_CACHE_SIZE = 64
DATA_ENV = "ARTICLEBOT_DATA"
KEY_LENGTH = 48  # short enough for autocomplete choices (100 characters) with the title beside it


def open_article(path: str | Path, url: str | None = None) -> Answerer:
    """An answerer for one article file; ``url`` (from the settings) overrides the file's own."""
    article = load_article(path)
    if url:
        article = replace(article, url=url)
    return Answerer(article)


def data_folder() -> Path:
    """The user's data folder for articlebot (XDG on Linux, Application Support on macOS, LOCALAPPDATA on Windows)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "articlebot"


def database_path(settings: Settings, explicit: str | Path | None = None) -> Path:
    """Where the library's database is: ``--data``, else $ARTICLEBOT_DATA, else ``library.database`` in the
    settings, else library.sqlite3 in the user's data folder."""
    chosen = explicit or os.environ.get(DATA_ENV) or settings.values.get("library", {}).get("database")
    return Path(chosen) if chosen else data_folder() / "library.sqlite3"


def slug(title: str) -> str:
    """A short key from a title: ``Port strike ends after talks`` -> ``port-strike-ends-after-talks``."""
    ascii_ = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_)
    key = ""
    for word in words:
        if len(key) + len(word) + 1 > KEY_LENGTH:
            break
        key = f"{key}-{word}" if key else word
    return key or "article"


@dataclass(frozen=True)
class Entry:
    """An article a server can choose: its key and title, and whether it came from the settings."""

    key: str
    title: str
    configured: bool


class Library:
    """Every configured article by key (the default one first), and each server's kept articles."""

    def __init__(self, answerers: dict[str, Answerer], default: str, store: Store | None = None,
                 cache_size: int = DEFAULT_CACHE_SIZE) -> None:
        if default not in answerers:
            raise KeyError(default)
        self.answerers = answerers
        self.default = default
        self.store = store
        self.cache_size = max(1, cache_size)
        self._cache: OrderedDict[tuple[int, str], Answerer] = OrderedDict()
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings, store: Store | None = None) -> "Library":
        cache_size = settings.values.get("library", {}).get("cache_size", DEFAULT_CACHE_SIZE)
        return cls({key: open_article(src.path, src.url) for key, src in settings.articles.items()},
                   settings.default_article, store, cache_size)

    # -- finding ----------------------------------------------------------------------------------
    def _where(self, key: str, guild_id: int | None) -> int | None:
        """The store shelf holding ``key`` for this server, or None."""
        if self.store is None:
            return None
        for shelf in ((guild_id, EVERY_SERVER) if guild_id else (EVERY_SERVER,)):
            if self.store.get(shelf, key) is not None:
                return shelf
        return None

    def has(self, key: str, guild_id: int | None = None) -> bool:
        return key in self.answerers or self._where(key, guild_id) is not None

    def cached(self, key: str | None = None, guild_id: int | None = None) -> Answerer | None:
        """The answerer if it is already in memory (no disk, no parsing): safe on the event loop."""
        key = key or self.default
        if key in self.answerers:
            return self.answerers[key]
        with self._lock:
            for shelf in ((guild_id, EVERY_SERVER) if guild_id else (EVERY_SERVER,)):
                answerer = self._cache.get((shelf, key))
                if answerer is not None:
                    self._cache.move_to_end((shelf, key))
                    return answerer
        return None

    def get(self, key: str | None = None, guild_id: int | None = None) -> Answerer:
        """The answerer for ``key`` as this server sees it; a kept article is opened on first use.

        Raises KeyError for a key the server doesn't have.
        """
        key = key or self.default
        answerer = self.cached(key, guild_id)
        if answerer is not None:
            return answerer
        shelf = self._where(key, guild_id)
        article = self.store.article(shelf, key) if shelf is not None and self.store else None
        if article is None:
            raise KeyError(key)
        answerer = Answerer(article)
        self._keep(shelf, key, answerer)
        return answerer

    def _keep(self, shelf: int, key: str, answerer: Answerer) -> None:
        with self._lock:
            self._cache[(shelf, key)] = answerer
            self._cache.move_to_end((shelf, key))
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)

    def entries(self, guild_id: int | None = None, match: str = "", limit: int = 25) -> list[Entry]:
        """Articles this server can choose, the settings' first; ``match`` filters keys and titles."""
        low = match.lower()
        found = [Entry(k, a.article.title, True) for k, a in self.answerers.items()
                 if low in k.lower() or low in a.article.title.lower()]
        if self.store is not None:
            for shelf in ((guild_id, EVERY_SERVER) if guild_id else (EVERY_SERVER,)):
                if len(found) >= limit:
                    break
                found += [Entry(s.key, s.title, False) for s in self.store.list(shelf, 0, limit - len(found), match)]
        seen: set[str] = set()
        return [e for e in found if not (e.key in seen or seen.add(e.key))][:limit]

    def listing(self, guild_id: int | None, offset: int = 0, limit: int = 10) -> tuple[list[Entry], int]:
        """One page of the articles a server sees (settings', then its own, then every server's) and the total."""
        shelves: list[tuple[str, int]] = [("settings", len(self.answerers))]
        if self.store is not None:
            shelves += [(str(g), self.store.count(g)) for g in ((guild_id, EVERY_SERVER) if guild_id else
                                                               (EVERY_SERVER,))]
        page: list[Entry] = []
        skip = offset
        for shelf, size in shelves:
            if skip >= size:
                skip -= size
                continue
            want = limit - len(page)
            if want <= 0:
                break
            if shelf == "settings":
                page += [Entry(k, a.article.title, True) for k, a in list(self.answerers.items())[skip:skip + want]]
            else:
                page += [Entry(x.key, x.title, False) for x in self.store.list(int(shelf), skip, want)]
            skip = 0
        return page, sum(size for _, size in shelves)

    def choosable(self, guild_id: int | None = None) -> bool:
        """Whether a command needs an ``article`` option: several articles, or a store to add to."""
        return self.store is not None or len(self.answerers) > 1

    # -- keeping ----------------------------------------------------------------------------------
    def add(self, loaded: Loaded, guild_id: int | None = None, *, url: str | None = None,
            added_by: int | None = None) -> tuple[Summary, bool]:
        """Keep a read article for one server (None: every server). Blocking: call it off the event loop.

        Returns the kept article's summary and whether it is new (False: the same URL or canonical URL
        was already kept, and that one is returned).
        """
        if self.store is None:
            raise RuntimeError("this library has no store to keep articles in")
        article = loaded.article
        canonical = article.url if article.url and article.url != url else None
        answerer = Answerer(article)  # attributed once: for who is quoted now, and kept open for the first question
        quoted = tuple(p.name for p in answerer.speakers() if p.kind != "commenter")
        new = NewArticle(article=article, source_name=url or article.source, source_format=loaded.format,
                         source=loaded.text, url=url, canonical_url=canonical, quoted=quoted, added_by=added_by)
        shelf = guild_id or EVERY_SERVER
        summary, created = self.store.add(shelf, slug(article.title), new, frozenset(self.answerers))
        if created:
            self._keep(shelf, summary.key, answerer)
        return summary, created

    def remove(self, key: str, guild_id: int | None = None) -> bool:
        """Forget a kept article (the settings' articles cannot be removed this way). Blocking."""
        if self.store is None:
            return False
        shelf = guild_id or EVERY_SERVER
        with self._lock:
            self._cache.pop((shelf, key), None)
        return self.store.remove(shelf, key)
