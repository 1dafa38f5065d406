"""Dates as news pages print them ("January 5, 2018", "Jan 5, 2018 - 5:13PM")."""
from __future__ import annotations

import re
from datetime import date, datetime

_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d")
_TIME_FORMATS = ("%I:%M%p", "%H:%M", "%H:%M:%S")


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
    text = re.sub(r"\b(Sept)\b\.?", "Sep", text)
    return re.sub(r"\b([A-Z][a-z]{2})\.", r"\1", text)  # "Jan." -> "Jan"


def parse_date(text: str) -> date | None:
    """A calendar date, or None when ``text`` is not one."""
    text = _tidy(text)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_datetime(text: str) -> datetime | None:
    """A comment's timestamp ("Jan 5, 2018 - 5:13PM"), or None when ``text`` is not one."""
    text = _tidy(text)
    iso = re.fullmatch(r"(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2}(?::\d{2})?)", text)
    if iso:
        text = f"{iso.group(1)} - {iso.group(2)}"
    match = re.fullmatch(r"(.+?)\s*(?:-|–|—|,|at)\s*(\d{1,2}:\d{2}(?::\d{2})?)\s*([AaPp]\.?[Mm]\.?)?", text)
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
