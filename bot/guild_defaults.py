"""Each server's default article: in memory, and in a small JSON file when the settings name one."""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)


class GuildDefaults:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._keys: dict[int, str] = {}
        if path is not None and path.exists():
            try:
                raw = json.loads(path.read_text(encoding="utf-8"))
                self._keys = {int(k): str(v) for k, v in raw.items()}
            except (OSError, ValueError, AttributeError) as exc:
                log.warning("%s: cannot read the servers' default articles (%s); starting without them", path, exc)

    def get(self, guild_id: int | None) -> str | None:
        return self._keys.get(guild_id) if guild_id is not None else None

    def set(self, guild_id: int, key: str) -> None:
        self._keys[guild_id] = key
        if self.path is not None:
            tmp = self.path.with_name(self.path.name + ".tmp")
            tmp.write_text(json.dumps({str(k): v for k, v in sorted(self._keys.items())}, indent=1), encoding="utf-8")
            os.replace(tmp, self.path)  # never a half-written file
