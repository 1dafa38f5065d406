"""Fuzzy matching of what a user typed against names, for autocomplete (pure: no Discord here).

Like RoboDanny's ``cogs/utils/fuzzy.finder``: a name that starts with the typed text ranks first, then
one containing it, then one containing its letters in order (closest together first), then one whose
words the typed words are with typos (fewest edits first), by the same rule questions use
(``retrieval.names``), so "hatamy" offers Ali Hatami as "Who is Hatamy?" finds him.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, TypeVar

from retrieval.names import name_edits

T = TypeVar("T")


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.casefold()).strip()


def rank(typed: str, items: Iterable[T], key: Callable[[T], Iterable[str]], limit: int = 25) -> list[T]:
    """The items matching ``typed`` best first (original order among equals); all of them when nothing is typed.

    ``key`` gives every name an item answers to (a person's name and aliases).
    """
    items = list(items)
    needle = _fold(typed)
    if not needle:
        return items[:limit]
    letters = re.compile(".*?".join(map(re.escape, needle.replace(" ", ""))))
    scored: list[tuple[tuple[int, int], int, T]] = []
    for position, item in enumerate(items):
        best: tuple[int, int] | None = None
        for name in key(item):
            name = _fold(name)
            words = name.split()
            if name.startswith(needle) or any(w.startswith(needle) for w in words):
                score = (0, len(name))
            elif needle in name:
                score = (1, name.index(needle))
            elif m := letters.search(name.replace(" ", "")):
                score = (2, len(m.group()))
            elif edits := name_edits(needle, name):
                score = (3, edits[0])
            else:
                continue
            best = score if best is None else min(best, score)
        if best is not None:
            scored.append((best, position, item))
    scored.sort(key=lambda s: (s[0], s[1]))
    return [item for _, _, item in scored[:limit]]
