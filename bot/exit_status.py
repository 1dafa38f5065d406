"""The CLI's exit statuses, shared by every command."""
from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2  # argparse's own
    BAD_ARTICLE = 3
    BAD_SETTINGS = 4
