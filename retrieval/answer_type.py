"""What a "when" or "how much / how many" question asks for, and whether a passage states it.

"when does the new runway open" is answered by the passage that gives a time ("open in 2029"), not by
one that only uses the same words ("before the runway opens"); "how many homes ..." by one that gives
a number. The answerer puts such passages first among those close enough to answer (as it does for a
reader's verb), so the asked-for kind decides between near ties and never raises a weak match.
"""
from __future__ import annotations

import re
from typing import Literal

Wanted = Literal["time", "amount"]

_ASKS_TIME = re.compile(r"^(?:when|what\s+(?:time|date|day|year|month)|how\s+long|how\s+soon|until\s+when|"
                        r"by\s+when|since\s+when)\b", re.IGNORECASE)
_ASKS_AMOUNT = re.compile(r"^how\s+(?:much|many|big|high|large|far|deep|old)\b", re.IGNORECASE)

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec")
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# A time the passage states: a year, a date, a weekday, a clock time, a season or period named with
# next/last/this, a relative day, or a span ("within six weeks", "for three days").
_TIME = re.compile(
    rf"\b(?:1[89]\d\d|20\d\d|(?:{_MONTHS})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTHS})|{_DAYS}|"
    r"\d{1,2}(?::\d{2})?\s*(?:am|pm)|noon|midnight|today|tomorrow|yesterday|tonight|overnight|"
    r"(?:next|last|this|coming)\s+(?:week|month|year|spring|summer|autumn|fall|winter|weekend)|"
    r"(?:within|for|after|in|over)\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(?:minutes?|hours?|days?|weeks?|months?|years?|decades?))\b", re.IGNORECASE)
_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
                 "fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half")
# An amount the passage states: digits (with a currency sign or not), a number word, a percentage.
_AMOUNT = re.compile(rf"[$£€¥₹]\s*\d|\b(?:Rs\.?\s*)?\d[\d,.]*\b|\b(?:{_NUMBER_WORDS})\b|\bper\s*cent\b",
                     re.IGNORECASE)


def wanted(question: str) -> Wanted | None:
    """What kind of answer a question asks for, from its opening words; None for any other question."""
    text = question.strip()
    if _ASKS_TIME.match(text):
        return "time"
    if _ASKS_AMOUNT.match(text):
        return "amount"
    return None


def states(kind: Wanted, text: str) -> bool:
    """Whether a passage states a time (``kind`` "time") or an amount ("amount")."""
    return bool((_TIME if kind == "time" else _AMOUNT).search(text))
