"""Readers talking to each other: which comments answer whom, through reply links ("@Name: quoted
words", ``reply_to``) and @mentions anywhere in a comment ("Agreed, @Raj."). Built once per article, in
one pass over the comments, so "Who replied to Y?" and "What did X reply to Y?" are lookups.
"""
from __future__ import annotations

import re
from typing import Iterable

from .article import Passage
from .speakers import Cast

_AT = re.compile(r"(?<![\w@])@(\w)")
_MAX_NAME_WORDS = 4


def _commenters_by_first_word(cast: Cast) -> dict[str, list[str]]:
    by_first: dict[str, list[str]] = {}
    for p in cast.people:
        if p.kind == "commenter" and p.name.strip():
            by_first.setdefault(p.name.split()[0].casefold(), []).append(p.name)
    return by_first


def mentioned(text: str, by_first: dict[str, list[str]]) -> list[str]:
    """Commenters a text @mentions, in order: the longest commenter name that follows each "@"."""
    found: list[str] = []
    for m in _AT.finditer(text):
        rest = text[m.start(1):m.start(1) + 200]
        words = rest.split()[:_MAX_NAME_WORDS]
        first = re.sub(r"[^\w'’-]+$", "", words[0]).casefold() if words else ""
        best = None
        for name in by_first.get(first, ()):
            if rest.casefold().startswith(name.casefold()) and (best is None or len(name) > len(best)):
                after = rest[len(name):len(name) + 1]
                if not after or not after[0].isalnum():
                    best = name
        if best is not None and best not in found:
            found.append(best)
    return found


def replies_by_target(cast: Cast, segments: Iterable[tuple[int, Passage]]) -> dict[str, list[int]]:
    """Commenter name -> the positions of the comments that reply to or @mention them, in order."""
    by_first = _commenters_by_first_word(cast)
    targets: dict[str, list[int]] = {}
    for i, p in segments:
        if p.kind != "comment":
            continue
        names = []
        if p.reply_to:
            names.append(cast.lookup_commenter(p.reply_to) or p.reply_to)
        names += mentioned(p.text, by_first)
        for name in dict.fromkeys(names):
            if name != p.author:
                targets.setdefault(name, []).append(i)
    return targets


_QUOTATION = re.compile(r"“[^”]*”")


def asks(text: str) -> bool:
    """Whether a passage asks a question: a sentence ending in "?" outside the words it quotes."""
    return "?" in text and "?" in _QUOTATION.sub("", text)  # most passages have no "?" at all
