"""``article: all``: questions across everything a server can see, through one library answerer per server.

The answerer's index is kept beside the article database (``<database>.index/<server id>``) and mapped
back at start; a library without a database file (the settings' articles only) indexes in memory.
Before each question the index is brought up to date with the server's articles (added or removed
since: only those are indexed or dropped). Everything here blocks: the bot calls it off the event loop.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Sequence

from retrieval.answerer import Answerer
from retrieval.library_answerer import LibraryAnswerer

from .library import Library

ALL = "all"  # the ``article`` value that asks the whole library
STORE_PAGE = 500


def is_all(requested: str | None) -> bool:
    return requested is not None and requested.strip().casefold() == ALL


class _ServerShelf:
    """The articles one server sees, as the library answerer asks for them."""

    def __init__(self, library: Library, guild_id: int | None) -> None:
        self.library = library
        self.guild_id = guild_id

    def keys(self) -> Sequence[str]:
        keys = list(self.library.answerers)
        store = self.library.store
        if store is not None:
            from .store import EVERY_SERVER  # only with a store

            for shelf in ((self.guild_id, EVERY_SERVER) if self.guild_id else (EVERY_SERVER,)):
                offset = 0
                while page := store.list(shelf, offset, STORE_PAGE, ""):
                    keys += [s.key for s in page]
                    offset += len(page)
        return list(dict.fromkeys(keys))  # a key the settings also use answers as the settings' article

    def answerer(self, key: str) -> Answerer:
        return self.library.get(key, self.guild_id)


class LibraryScopes:
    """One ``LibraryAnswerer`` per server, opened on its first library question."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._answerers: dict[int, LibraryAnswerer] = {}
        self._lock = threading.Lock()

    def _index_path(self, guild_id: int | None) -> Path | None:
        store = self.library.store
        path = getattr(store, "path", None)
        if not path or path == ":memory:":
            return None
        return Path(f"{path}.index") / str(guild_id or 0)

    def answerer(self, guild_id: int | None) -> LibraryAnswerer:
        """The server's library answerer, up to date with its articles."""
        with self._lock:  # one server's index is opened or synced by one thread at a time
            shelf = _ServerShelf(self.library, guild_id)
            found = self._answerers.get(guild_id or 0)
            if found is None:
                found = LibraryAnswerer.open(shelf, self._index_path(guild_id))
                self._answerers[guild_id or 0] = found
            else:
                keys = shelf.keys()
                wanted = set(keys)
                for key in found.index.articles:
                    if key not in wanted:
                        found.remove(key)
                for key in keys:
                    if key not in found.index:
                        found.add(key)
            return found
