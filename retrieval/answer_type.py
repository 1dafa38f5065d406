"""What a "when" or "how much / how many" question asks for, and whether a passage states it.

"when does the new runway open" is answered by the passage that gives a time ("open in 2029"), not by
one that only uses the same words ("before the runway opens"); "how many homes ..." by one that gives
a number, and "how much did it cost" by one that gives a sum of money. A question of money that no
close passage answers with a sum is not answered: "How much will the ambulance cost?" is not answered
by "a flat costs more than in Ashford". The answerer puts such passages first among those close enough to answer (as it does for a
reader's verb), so the asked-for kind decides between near ties and never raises a weak match.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Literal

Wanted = Literal["time", "duration", "amount", "reason", "distance", "age"]

_ASKS_DURATION = re.compile(r"^(?:how\s+long|for\s+how\s+long|how\s+many\s+(?:years|months|weeks|days|hours|minutes))\b",
                            re.IGNORECASE)
_ASKS_TIME = re.compile(r"^(?:when|what\s+(?:time|date|day|year|month)|how\s+soon|until\s+when|"
                        r"by\s+when|since\s+when)\b", re.IGNORECASE)
_ASKS_AMOUNT = re.compile(r"^how\s+(?:much|many|big|high|large|far|deep|old)\b", re.IGNORECASE)
# "how far is Ashford": a distance, in units of length; "how old is she": an age
_ASKS_DISTANCE = re.compile(r"^how\s+(?:far|many\s+(?:miles|kilometres|kilometers|km|metres|meters|feet|yards))\b",
                            re.IGNORECASE)
_ASKS_AGE = re.compile(r"^(?:how\s+old|what\s+age)\b", re.IGNORECASE)
_ASKS_REASON = re.compile(r"^(?:why|how\s+come|what(?:'s|’s|s|\s+is|\s+was|\s+were|\s+are)\s+the\s+(?:reasons?|cause)\b|"
                          r"what\s+(?:caused|led\s+to|made))\b", re.IGNORECASE)
# A reason a passage gives: a cause named with its connective ("because", "due to", "blaming rising
# fuel costs", "citing", "as a result of", "in order to").
_REASON = re.compile(
    r"\b(?:because|'cause|cos|due\s+to|owing\s+to|thanks\s+to|as\s+a\s+result|result\s+of|caused\s+by|"
    r"blam(?:e|es|ed|ing)|cit(?:e|es|ed|ing)|reasons?|in\s+order\s+to|so\s+that|on\s+the\s+grounds|"
    r"driven\s+by|the\s+cause)\b", re.IGNORECASE)

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec")
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# A time the passage states: a year, a date, a weekday, a clock time, a season or period named with
# next/last/this, a relative day, or a span ("within six weeks", "for three days").
_TIME = re.compile(
    rf"\b(?:1[89]\d\d|20\d\d|(?:{_MONTHS})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTHS})|{_DAYS}|"
    r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\b\.?)|noon|midnight|today|tomorrow|yesterday|tonight|overnight|"
    r"(?:next|last|this|coming)\s+(?:week|month|year|spring|summer|autumn|fall|winter|weekend)|"
    r"(?:within|for|after|in|over)\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(?:minutes?|hours?|days?|weeks?|months?|years?|decades?))\b", re.IGNORECASE)
_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
                 "fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half")
# An amount the passage states: digits (with a currency sign or not), a number word, a percentage.
_AMOUNT = re.compile(rf"[$£€¥₹]\s*\d|\b(?:Rs\.?\s*)?\d[\d,.]*\b|\b(?:{_NUMBER_WORDS})\b|\bper\s*cent\b",
                     re.IGNORECASE)


# "how much ... cost / pay / spend / money / worth / compensation": a sum of money is asked for.
_ASKS_MONEY = re.compile(
    r"^how\s+much\b.*\b(?:cost|costs|costing|costed|pay|pays|paid|paying|spend|spends|spent|spending|price|"
    r"prices|priced|money|cash|worth|charge|charges|charged|fund|funds|funding|funded|compensation|budget|"
    r"owe|owes|owed|earn|earns|earned|lose|loses|lost|losing|loss|losses|salary|wage|wages|fine|fined|ransom)\b", re.IGNORECASE)
_CURRENCY = (r"pounds?|dollars?|euros?|rupees?|yen|yuan|francs?|pence|cents?|quid|bucks|dinars?|dirhams?|"
             r"riyals?|rials?|naira|rand|pesos?|krona|kronor|kroner|lira")
# A sum of money a passage states: a currency sign or code before a number, a currency named after one,
# or a share ("cost 10 per cent more").
_MONEY = re.compile(
    rf"[$£€¥₹]\s*\d|\b(?:Rs|USD|GBP|EUR|INR|PKR)\.?\s*\d|\d[\d,.]*\s*(?:m|bn|k|million|billion|thousand|"
    rf"hundred)?\s*(?:{_CURRENCY})\b|\b(?:{_NUMBER_WORDS})\s+(?:{_CURRENCY})\b|\d\s*%|\bper\s*cent\b",
    re.IGNORECASE)


# A sum written out in full: "£380,000", "£1.4 million", "$30m", "12 pounds", "Rs 4,000".
_SUM = re.compile(
    rf"[$£€¥₹]\s*\d[\d,.]*(?:\s*(?:m|bn|k|million|billion|thousand)\b)?|\b(?:Rs|USD|GBP|EUR|INR|PKR)\.?\s*\d[\d,.]*"
    rf"(?:\s*(?:million|billion|thousand)\b)?|\b\d[\d,.]*\s*(?:million|billion|thousand)?\s*(?:{_CURRENCY})\b",
    re.IGNORECASE)
# Words that speak of money: a passage stating a sum says something about them ("the firm lost money",
# "how much did it lose" and "a loss of £380,000").
MONEY_WORDS = frozenset("""
money cash sum sums cost costs costing pay pays paid paying spend spends spent spending price prices fee fees
lose loses lost losing loss losses earn earns earned earning profit profits fund funds funding worth
""".split())


def sums(text: str) -> list[str]:
    """The sums of money ``text`` states, as written."""
    return [m.group(0) for m in _SUM.finditer(text)]


def asks_money(question: str) -> bool:
    """Whether a "how much" question asks for a sum of money ("how much did the museum pay")."""
    return bool(_ASKS_MONEY.match(question.strip()))


def states_money(text: str) -> bool:
    """Whether a passage states a sum of money (or a share of one)."""
    return bool(_MONEY.search(text))


_UNITS_OF_LENGTH = r"miles?|kilomet(?:re|er)s?|km|met(?:re|er)s?|feet|foot|ft|yards?|inches|nautical\s+miles"
# A distance a passage states: a number and a unit of length ("48 miles away", "a mile", "two kilometres").
_DISTANCE = re.compile(rf"(?:\b\d[\d,.]*|\b(?:{_NUMBER_WORDS}|a|an))[\s-]*(?:{_UNITS_OF_LENGTH})\b", re.IGNORECASE)
_UNITS_OF_TIME = r"seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|centuries|century|" \
                 r"winters?|summers?|seasons?|terms?"
# A length of time a passage states: "four weeks", "for only four weeks", "a five-year licence", "two
# winters", "for years", "nineteen years".
_DURATION = re.compile(
    rf"\b(?:\d[\d,.]*|(?:{_NUMBER_WORDS})|a|an|several|a\s+few|many|some)(?:\s+more)?[\s-]+(?:{_UNITS_OF_TIME})\b|"
    rf"\bfor\s+(?:years|months|weeks|days|hours|decades|ages)\b", re.IGNORECASE)
# An age a passage states: "47 years old", "aged 81", "a 14-year-old", "Claire Brennan, 47,".
_AGE = re.compile(r"\b(?:\d{1,3}|(?:" + _NUMBER_WORDS + r"))[\s-]+years?[\s-]+old\b|\baged\s+\d{1,3}\b|"
                  r"[A-Z][a-z]+,\s+\d{1,3}[,.]")


def wanted(question: str) -> Wanted | None:
    """What kind of answer a question asks for, from its opening words; None for any other question."""
    text = question.strip()
    if _ASKS_DURATION.match(text):
        return "duration"
    if _ASKS_TIME.match(text):
        return "time"
    if _ASKS_DISTANCE.match(text):
        return "distance"
    if _ASKS_AGE.match(text):
        return "age"
    if _ASKS_AMOUNT.match(text):
        return "amount"
    if _ASKS_REASON.match(text):
        return "reason"
    return None


def states(kind: Wanted, text: str) -> bool:
    """Whether a passage states a time (``kind`` "time"), a length of time ("duration"), an amount ("amount"), a reason ("reason"), a
    distance ("distance") or an age ("age")."""
    if kind == "duration":  # "how long will the roads be shut": "for three days", or "until Thursday"
        return bool(_DURATION.search(text) or _TIME.search(text))
    return bool({"time": _TIME, "amount": _AMOUNT, "reason": _REASON, "distance": _DISTANCE,
                 "age": _AGE}[kind].search(text))


_COUNTED = re.compile(r"^how\s+many\s+(?:of\s+(?:the|their|its|his|her)\s+)?(?P<noun>[a-z]+)", re.IGNORECASE)
# Words that end what a number counts ("ten minutes and ..."); "of" does not ("eight of its shops").
_BREAKS = frozenset("and or but to in at on for with by from than as a an the".split())
_COUNT = rf"(?:\d[\d,.]*|(?:{_NUMBER_WORDS})(?:-\w+)?)"


# "what's RAAC", "what is a bailiff": the thing to define (one word, or two)
_ASKS_DEFINITION = re.compile(
    r"^what(?:'s|’s|s|\s+is|\s+are|\s+was)\s+(?:a\s+|an\s+)?(?P<term>[A-Za-z][\w&-]*(?:\s+[A-Za-z][\w&-]*)?)\s*\??$",
    re.IGNORECASE)
_NOT_DEFINED = frozenset("""going happening up new wrong this that it happened the there he she they you up with
next left on""".split())


def defined(question: str) -> str | None:
    """The term a "what's X" question asks to define ("whats raac" -> "raac"), or None."""
    m = _ASKS_DEFINITION.match(question.strip())
    if m is None or m.group("term").split()[0].casefold() in _NOT_DEFINED:
        return None
    return m.group("term")


def defines(term: str, text: str) -> bool:
    """Whether a passage says what ``term`` is: "The concrete, known as RAAC, ...", "RAAC is a ...",
    "RAAC (reinforced autoclaved aerated concrete)", "a lightweight concrete called RAAC"."""
    t = re.escape(term)
    return bool(re.search(
        rf"\b(?:known\s+as|called|named|dubbed)\s+(?:the\s+)?{t}\b|\b{t}\s*,?\s+(?:is|are|was|were|means|refers\s+to)\s+"
        rf"(?:a|an|the|one)\b|\b{t}\s*\(|\({t}\)|\b{t},\s+(?:a|an)\s", text, re.IGNORECASE))


def states_duration(text: str) -> bool:
    """Whether a passage states a length of time ("for only four weeks"), not only a point in time."""
    return bool(_DURATION.search(text))


def counted(question: str) -> str | None:
    """The thing a "how many" question counts ("how many shops are shutting" -> "shops"), or None."""
    m = _COUNTED.match(question.strip())
    return m.group("noun") if m else None


def counts(noun: Collection[str], text: str, terms: Callable[[str], list[str]]) -> bool:
    """Whether a passage gives a number of the counted thing (``noun``, as search terms): a number up
    to three words before it ("eight of its fourteen shops", "eleven carved wooden masks"). ``terms``
    is the analyzer's, so "shops" and "shop" are one thing."""
    words = re.findall(r"[\w’'-]+|[^\w\s]", text)

    def counted_at(i: int) -> bool:
        for w in words[i + 1:i + 4]:
            if any(t in noun for t in terms(w)):
                return True
            if not w[0].isalnum() or w.casefold() in _BREAKS:
                return False  # "ten minutes and stop": the number counts something else
        return False

    if any(re.fullmatch(_COUNT, word, re.IGNORECASE) and counted_at(i) for i, word in enumerate(words)):
        return True
    # "The number of people waiting ... has risen to a record 7.75 million": the count in the sentence
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        m = re.search(r"\b(?:number|numbers|total|count)\s+of\s+([\w’'-]+)", sentence, re.IGNORECASE)
        if m and any(t in noun for t in terms(m.group(1))) and re.search(
                rf"\b{_COUNT}\b(?!\s*%|\s*per\s*cent|\s*percent)", sentence[m.end():], re.IGNORECASE):
            # (a share is not a count: "the number of pupils who felt sad fell from 19% to 14%")
            return True
    return False
