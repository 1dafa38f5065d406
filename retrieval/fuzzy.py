"""Typos: a typed word matched to the article's own words by edit distance.

rapidfuzz because it is a small, well-kept C++ library with the distance we want (optimal string
alignment: one edit, or two neighbouring letters swapped, costs 1) and a fast search over a whole
vocabulary; nothing else here needs it, so it is imported in this module only, and only when a typo
is looked for (most questions never need it: the CLI's cold start doesn't pay its 25 ms).

A typed word is matched only where one candidate is clearly closest: within the edit distance its
length allows, and strictly closer than any other candidate. One edit more than that is a guess,
offered back as "Did you mean …?", never answered on.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

MIN_LENGTH = 4  # "ali" / "ala" / "al": too short for one edit to be a typo rather than another word


def allowed_edits(word: str) -> int:
    """Edits a typo of this length may have: one up to seven letters, two from eight."""
    if len(word) < MIN_LENGTH:
        return 0
    return 1 if len(word) <= 7 else 2


def distance(a: str, b: str) -> int:
    from rapidfuzz.distance import OSA

    return OSA.distance(a.casefold(), b.casefold())


@dataclass(frozen=True)
class Near:
    typed: str
    found: str  # the candidate, as given
    edits: int
    sure: bool  # within the allowed edits; otherwise one more: a "did you mean"


def closest(typed: str, candidates: Iterable[str]) -> Near | None:
    """The one candidate clearly closest to ``typed``, or None (too far, or two equally close)."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    limit = allowed_edits(typed)
    if not limit:
        return None
    pool = list(dict.fromkeys(c for c in candidates if c and c.casefold() != typed.casefold()))
    found = process.extract(typed.casefold(), [c.casefold() for c in pool], scorer=OSA.distance,
                            score_cutoff=limit + 1, limit=2)
    if not found or (len(found) > 1 and found[1][1] <= found[0][1]):
        return None
    _, edits, index = found[0]
    return Near(typed, pool[index], int(edits), edits <= limit)
