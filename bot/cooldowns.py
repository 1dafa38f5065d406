"""Per-user cooldowns shared by the slash commands and chat, so a user cannot dodge one with the other."""
from __future__ import annotations

import time

from discord import app_commands


class UserCooldowns:
    def __init__(self, rate: int, per: float) -> None:
        self.rate, self.per = rate, per
        self._buckets: dict[int, app_commands.Cooldown] = {}

    def bucket(self, user_id: int) -> app_commands.Cooldown:
        return self._buckets.setdefault(user_id, app_commands.Cooldown(self.rate, self.per))

    def hit(self, user_id: int) -> float | None:
        """Count one question; the seconds to wait when the user is over the rate, else None."""
        now = time.time()
        if len(self._buckets) > 1024:  # forget users whose window has passed
            self._buckets = {k: b for k, b in self._buckets.items() if now <= b._last + self.per}
        return self.bucket(user_id).update_rate_limit(now)
