"""What Discord's markdown makes live in a message: masked links and mentions, read as Discord reads them.

Discord's parser (simple-markdown) reads left to right: a backslash before any character that is not a
letter, digit or space shows that character as written (``\\[`` is a plain ``[``); an unescaped
``[text](url)`` is a masked link; ``<@id>``, ``<@!id>``, ``<@&id>``, ``<#id>``, ``@everyone`` and
``@here`` are mentions; inline code (between backticks) shows everything in it as written. The rules
here are Discord's link rule (from simple-markdown) and mention syntax, written again for the tests, so
that the renderer is judged by what Discord would show and not by how it escapes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# simple-markdown's link rule, as Discord uses it for masked links
_LINK = re.compile(r"\[((?:\[[^\]]*\]|[^\[\]]|\](?=[^\[]*\]))*)\]\(\s*<?((?:\([^)]*\)|[^\s\\])*?)>?"
                   r"(?:\s+['\"]([\s\S]*?)['\"])?\s*\)")
_MENTION = re.compile(r"<@!?\d+>|<@&\d+>|<#\d+>|</[\w -]+:\d+>|@everyone|@here")
_CODE = re.compile(r"(`+)([\s\S]*?[^`])\1(?!`)")


@dataclass(frozen=True)
class Live:
    kind: str  # "link" or "mention"
    text: str  # the link's shown text, or the mention
    target: str  # the link's address ("" for a mention)


def live(markdown: str) -> list[Live]:
    """Every masked link and mention Discord would make of ``markdown``."""
    found: list[Live] = []
    i, n = 0, len(markdown)
    while i < n:
        c = markdown[i]
        if c == "\\" and i + 1 < n and not (markdown[i + 1].isalnum() or markdown[i + 1].isspace()):
            i += 2
            continue
        if c == "`" and (code := _CODE.match(markdown, i)):
            i = code.end()
            continue
        if c == "[" and (link := _LINK.match(markdown, i)):
            found.append(Live("link", link.group(1), link.group(2)))
            found.extend(live(link.group(1)))  # the shown text is markdown too
            i = link.end()
            continue
        if c in "<@" and (mention := _MENTION.match(markdown, i)):
            found.append(Live("mention", mention.group(0), ""))
            i = mention.end()
            continue
        i += 1
    return found


def stray_backslashes(markdown: str) -> list[str]:
    """Lines ending in a backslash that escapes nothing (Discord shows it as written)."""
    return [line for line in markdown.splitlines() if (len(line) - len(line.rstrip("\\"))) % 2]
