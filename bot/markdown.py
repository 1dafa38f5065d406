"""Discord markdown and mentions made inert, without importing discord.

The CLI renders every answer exactly as the bot posts it, but importing discord.py (and aiohttp behind
it) costs more than the rest of the CLI together, only for these two helpers. They reproduce
``discord.utils.escape_markdown`` (default arguments) and ``discord.utils.escape_mentions`` character for
character, so the CLI and the bot print the same message; tests/bot/test_markdown.py compares them with
discord.py's own on generated text.
"""
from __future__ import annotations

import re

# Links stay as written: escaping inside a URL would break it. "<scheme:/...>" or a bare web address up
# to the last character that can end one.
_URL = r"(?P<url><[^: >]+:/[^ >]+>|(?:https?|steam)://[^\s<]+[^<.,:;\"'\]\s])"
# Characters that are markup anywhere, and constructs that are markup at a line's start (block quotes,
# headings, list items) or as a whole (masked links): each gets one backslash in front.
_MARKUP = r"(?P<markdown>[_\\~|*`]|^>(?:>>)?\s|\[.+\]\(.+\)|^#{1,3}|^\s*-)"
_ESCAPE = re.compile(f"(?:{_URL}|{_MARKUP})", re.MULTILINE)
# @everyone, @here, and user (<@!id>) or role (<@&id>) ids: a zero-width space after the @ defuses them.
_MENTION = re.compile(r"@(everyone|here|[!&]?[0-9]{17,20})")


def escape_markdown(text: str) -> str:
    """``text`` with Discord's markdown shown as written (links kept intact)."""
    return _ESCAPE.sub(lambda m: m.group("url") or "\\" + m.group("markdown"), text)


def escape_mentions(text: str) -> str:
    """``text`` with @everyone, @here and id mentions unable to ping anyone."""
    return _MENTION.sub("@\u200b\\1", text)
