"""Each server's default article: kept in the library's database (in memory when there is none).

Before the database, the defaults lived in a JSON file (``discord.guild_defaults_file``). Such a file
is read into the database once, for the servers the database has no default for, and renamed
``NAME.imported`` so that a later change made in Discord is never overwritten by the old file.
"""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from .store import Store

log = logging.getLogger(__name__)


class GuildDefaults:
    def __init__(self, store: Store | None = None, legacy_json: Path | None = None) -> None:
        self.store = store
        self._keys: dict[int, str | None] = {}  # read through: a server's default is read once
        if legacy_json is not None and legacy_json.exists():
            self._import(legacy_json)

    def _import(self, path: Path) -> None:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            found = {int(k): str(v) for k, v in raw.items()}
        except (OSError, ValueError, AttributeError) as exc:
            log.warning("%s: cannot read the servers' default articles (%s); starting without them", path, exc)
            return
        if self.store is None:
            self._keys.update(found)
            return
        kept = self.store.defaults()
        for guild_id, key in found.items():
            if guild_id not in kept:
                self.store.set_default(guild_id, key)
        os.replace(path, path.with_name(path.name + ".imported"))
        log.info("%s: read %d servers' default articles into %s", path, len(found), self.store.path)

    def get(self, guild_id: int | None) -> str | None:
        if guild_id is None:
            return None
        if guild_id not in self._keys and self.store is not None:
            self._keys[guild_id] = self.store.default(guild_id)
        return self._keys.get(guild_id)

    def set(self, guild_id: int, key: str) -> None:
        """Blocking when there is a database: the bot calls it through ``asyncio.to_thread``."""
        if self.store is not None:
            self.store.set_default(guild_id, key)
        self._keys[guild_id] = key
