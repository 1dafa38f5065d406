"""Times of day however they are written: "3am", "3 a.m.", "three in the morning", "03:00"; "10.30pm",
"half past ten", "10:30"; "noon", "midnight". Each is read as its hour on a 12-hour clock and its minute,
so a reader's "3am" finds the article's "three in the morning" (``reader_words``)."""
from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_HOUR = rf"(?:\d{{1,2}}|{'|'.join(w for w in _NUMBER if w != 'zero')})"
_TIME = re.compile(
    rf"\b(?P<half>half|quarter)\s+(?P<rel>past|to)\s+(?P<h1>{_HOUR})\b"
    rf"|\b(?P<h2>\d{{1,2}})(?:[:.](?P<m2>\d{{2}}))?\s*(?P<ampm>[ap]\.?m\b\.?)"
    rf"|\b(?P<h3>\d{{1,2}})[:](?P<m3>\d{{2}})\b"
    rf"|\b(?P<h4>{_HOUR})(?:\s+o['’]clock)?\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b"
    rf"|\b(?P<h5>{_HOUR})\s+o['’]clock\b"
    rf"|\b(?P<noon>noon|midday|midnight)\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class ClockTime:
    start: int
    end: int
    hour: int  # on a 12-hour clock: 0-11
    minute: int


def _hour(word: str) -> int | None:
    n = int(word) if word.isdigit() else _NUMBER.get(word.casefold())
    return n if n is not None and 0 <= n <= 24 else None


def clock_times(text: str) -> list[ClockTime]:
    """The times of day ``text`` states, in order."""
    out: list[ClockTime] = []
    for m in _TIME.finditer(text):
        g = m.groupdict()
        if g["half"]:
            hour, minute = _hour(g["h1"]), 30 if g["half"].casefold() == "half" else 15
            if hour is not None and g["rel"].casefold() == "to":
                hour, minute = hour - 1, 60 - minute
        elif g["h2"]:
            hour, minute = _hour(g["h2"]), int(g["m2"] or 0)
        elif g["h3"]:
            hour, minute = _hour(g["h3"]), int(g["m3"])
        elif g["h4"] or g["h5"]:
            hour, minute = _hour(g["h4"] or g["h5"]), 0
        else:
            hour, minute = 0, 0
        if hour is not None and minute < 60:
            out.append(ClockTime(m.start(), m.end(), hour % 12, minute))
    return out
