"""Cut a long passage down to the sentences that match, marking each cut with "…"."""
from __future__ import annotations

import re
from typing import Collection

from .analyzer import Analyzer

WHOLE_PASSAGE_CHARS = 320  # quote shorter passages whole
MAX_EXCERPT_CHARS = 700
ELLIPSIS = "…"
_SENTENCE = re.compile(r"[^.!?…]*(?:[.!?…]+[\"”’)\]]*|$)\s*")


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences in ``text`` (never empty for non-blank text)."""
    spans = []
    for m in _SENTENCE.finditer(text):
        if m.group().strip():
            start = m.start() + (len(m.group()) - len(m.group().lstrip()))
            spans.append((start, m.start() + len(m.group().rstrip())))
    return spans or [(0, len(text))]


def excerpt(text: str, terms: Collection[str], analyzer: Analyzer) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The words to quote from ``text`` for these question terms, and the spans of matched words in it."""
    spans = sentences(text)
    if len(text) > WHOLE_PASSAGE_CHARS and len(spans) > 1:
        keep = [i for i, (s, e) in enumerate(spans) if any(t.term in terms for t in analyzer.tokens(text[s:e]))]
        if not keep:
            keep = [0]
        # The first matching sentences that fit (at least one), in one pass: a 5 MB paragraph has tens of
        # thousands of matching sentences, and re-summing them per sentence dropped was quadratic.
        total, fits = 0, 0
        for i in keep:
            total += spans[i][1] - spans[i][0]
            if total > MAX_EXCERPT_CHARS and fits:
                break
            fits += 1
        keep = keep[:fits]
        pieces: list[str] = []
        if keep[0] > 0:
            pieces.append(ELLIPSIS)
        for n, i in enumerate(keep):
            if n and i != keep[n - 1] + 1:
                pieces.append(ELLIPSIS)
            pieces.append(text[spans[i][0]:spans[i][1]])
        if keep[-1] < len(spans) - 1:
            pieces.append(ELLIPSIS)
        quoted = " ".join(pieces)
    else:
        quoted = text
    if len(quoted) > MAX_EXCERPT_CHARS:  # one endless sentence: keep its start, cut at a word
        cut = quoted[:MAX_EXCERPT_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:–—-")
        quoted = cut + " " + ELLIPSIS
    highlights = tuple((t.start, t.end) for t in analyzer.tokens(quoted) if t.term in terms)
    return quoted, highlights
