"""The core's one small error tree. "The article doesn't say" is an Answer, never an exception."""
from __future__ import annotations


class ArticlebotError(Exception):
    """Root of every error the core raises on purpose."""


class ArticleFormatError(ArticlebotError):
    """An article file that cannot be read; the message names the file and line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.reason = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")
