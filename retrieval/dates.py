"""Dates as news pages print them ("January 5, 2018", "Jan 5, 2018 - 5:13PM")."""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d")
_TIME_FORMATS = ("%I:%M%p", "%H:%M", "%H:%M:%S")


_SPACES = re.compile(r"\s+")
_SEPT = re.compile(r"\b(Sept)\b\.?")
_ABBREVIATED = re.compile(r"\b([A-Z][a-z]{2})\.")
_ISO = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2}(?::\d{2})?)")
_STAMP = re.compile(r"(.+?)\s*(?:-|–|—|,|at)\s*(\d{1,2}:\d{2}(?::\d{2})?)\s*([AaPp]\.?[Mm]\.?)?")


def _tidy(text: str) -> str:
    text = _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()
    text = _SEPT.sub("Sep", text)
    return _ABBREVIATED.sub(r"\1", text)  # "Jan." -> "Jan"


# Cached: strptime is slow (it tries each format and raises), and a page repeats its dates: every
# comment of a day shares the date, and the comment parser reads each date line twice (once to see
# that a bullet starts a comment, once to take its timestamp). Results are immutable.
@lru_cache(maxsize=8192)
def parse_date(text: str) -> date | None:
    """A calendar date, or None when ``text`` is not one."""
    text = _tidy(text)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


@lru_cache(maxsize=8192)
def parse_datetime(text: str) -> datetime | None:
    """A comment's timestamp ("Jan 5, 2018 - 5:13PM"), or None when ``text`` is not one."""
    text = _tidy(text)
    iso = _ISO.fullmatch(text)
    if iso:
        text = f"{iso.group(1)} - {iso.group(2)}"
    match = _STAMP.fullmatch(text)
    if not match:
        day = parse_date(text)
        return datetime(day.year, day.month, day.day) if day else None
    day = parse_date(match.group(1))
    if day is None:
        return None
    clock = match.group(2) + (match.group(3) or "").replace(".", "").upper()
    for fmt in _TIME_FORMATS:
        try:
            t = datetime.strptime(clock, fmt).time()
        except ValueError:
            continue
        return datetime.combine(day, t)
    return None
