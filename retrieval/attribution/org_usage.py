"""Stage 2 (with ``mentions``): names the article itself treats as an organisation's, whatever their
ending ("Norland Energy", "Apple", "Brennan's").

A capitalised name is an organisation's when the article uses it as one somewhere: with a legal suffix
("Apple Inc."), with a business's possessions ("Apple's shares", "Norland Energy's chief executive",
"WeWork's founder"),
"shares in X", after a company noun ("the retailer Brennan's", "tech giant Apple"), in apposition to one
("Norland Energy, the utility,"), or as the subject of a sentence that ends ", the company said" or
whose next opens "The company ..." or "Its shares ...". Precision
first: a name the article also gives a person, with a forename or a title ("Ms Brennan", "Tim Apple"),
is never an organisation by usage. One pass of a few regular expressions over the article's text.
"""
from __future__ import annotations

import re

from ..bridge import wordnet
from .registry import is_plural_noun
from .lexicon import FEMALE_NAMES, FUNCTION_WORDS, HONORIFICS, MALE_NAMES, NOT_NAME, bare

_WORD = r"[A-Z][\w’'&-]*"
_RUN = rf"{_WORD}(?: (?:of |and |& )?{_WORD})*"
_NAME = rf"(?P<name>{_RUN})"

# Nouns that call a business by what it is ("the retailer Brennan's", "Norland Energy, the utility,").
_BUSINESS_NOUNS = (
    "company companies firm group label network outlet airline carrier manufacturer publication newspaper studio "
    "retailer bank startup automaker carmaker planemaker chipmaker insurer lender website magazine utility "
    "supplier chain giant conglomerate brewer supermarket operator provider").split()
_NOUN = "(?:" + "|".join(_BUSINESS_NOUNS) + ")"
# What only a business has: "X's shares", "X's chief executive".
_HOLDINGS = (r"(?:founder|co-founder|cofounder|shares|stock|share price|chief executive|chief executive officer|CEO|CFO|chief financial officer|"
             r"board of directors|headquarters|shareholders|subsidiary|parent company|stores|factories|"
             r"profits?|revenues?|earnings|market value|market share|annual report|workforce|dividend)")
_LEGAL = {"inc", "ltd", "plc", "corp", "llc", "co", "holdings", "limited", "corporation"}

_PATTERNS = (
    re.compile(rf"\b{_NAME}['’]s? {_HOLDINGS}\b"),
    re.compile(rf"\b[Ss]hares (?:in|of) (?:the )?{_NAME}"),
    re.compile(rf"(?<![A-Za-z])(?:[a-z]+ )?{_NOUN},? (?:the )?{_NAME}"),  # "tech giant Apple", "the firm, Acme"
    re.compile(rf"\b{_NAME}, (?:the|a|an) (?:[\w-]+ ){{0,3}}{_NOUN}(?=[,.;]| that | which | whose )"),
    re.compile(rf"\b{_NAME}(?:['’]s)? (?:\w+ ){{0,2}}its {_HOLDINGS}\b"),
)
# The subject of a sentence that this or the next sentence calls "the company" (the weakest evidence:
# no "he" or "she" in either, and a name of several words ends in an English word, "Norland Energy").
_SUBJECT_THEN_NOUN = re.compile(
    rf"(?:^|[.!?”] )(?:The )?{_NAME} (?!(?:in|of|at|on|for|from|to|with|by|and|or|as) )[a-z][^.!?]*?"
    rf"(?:[.!?] The {_NOUN}|, the {_NOUN}|[.!?] Its {_HOLDINGS})\b")
_PERSONAL_PRONOUN = re.compile(r"\b(?:he|she|his|her|him|hers)\b", re.IGNORECASE)


def _key(name: str) -> tuple[str, ...]:
    words = name.split()
    if words and words[0] == "The":
        words = words[1:]
    if words and bare(words[-1].rstrip(".")) in _LEGAL:
        words = words[:-1]
    return tuple(bare(w) for w in words)


def _suffixes(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The run and the shorter runs it ends with that start on a name word: "Shares Norland Energy" may
    be "Norland Energy" (the mention's own leading words are trimmed the same way)."""
    return [key[i:] for i in range(len(key)) if key[i] not in FUNCTION_WORDS and key[i:][0] not in {"and", "of"}]


def organisations_by_usage(text: str) -> frozenset[tuple[str, ...]]:
    """The names (lowercase word tuples) this article treats as an organisation's and never as a
    person's."""
    found: set[tuple[str, ...]] = set()
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            found.update(_suffixes(_key(m.group("name"))))
    for m in _SUBJECT_THEN_NOUN.finditer(text):
        key = _key(m.group("name"))
        if _PERSONAL_PRONOUN.search(m.group(0)) or len(key) > 1 and not wordnet().is_word(key[-1]):
            continue
        found.update(_suffixes(key))
    # A legal suffix anywhere: "Apple Inc." makes "Apple" a company.
    for m in re.finditer(rf"\b{_NAME}\b", text):
        words = m.group("name").split()
        if len(words) >= 2 and bare(words[-1].rstrip(".")) in _LEGAL:
            found.update(_suffixes(_key(m.group("name"))))
    lowercase = set(re.findall(r"\b[a-z]+\b", text))
    found = {k for k in found if k and not (len(k) == 1 and (k[0] in NOT_NAME or k[0] in FUNCTION_WORDS
                                                              or k[0] in lowercase or is_plural_noun(k[0])))}
    return frozenset(k for k in found if not _personal(k, text, found, 0))


def _personal(key: tuple[str, ...], text: str, found: set[tuple[str, ...]], depth: int) -> bool:
    """Whether the article writes this name as a person's: opening with a forename, or after a title or
    another capitalised word that is no part of an organisation's name ("Ms Brennan", "Mr. Apple",
    "Siobhan Brennan")."""
    if key[0] in MALE_NAMES or key[0] in FEMALE_NAMES:
        return True
    words = r" ".join(re.escape(w) for w in key)
    for m in re.finditer(rf"\b(?P<before>[\w’'-]+)(?P<dot>\.?) {words}\b", text, re.IGNORECASE):
        raw = m.group("before")
        before = bare(raw)
        if not raw[0].isupper():
            continue
        if before in HONORIFICS:
            return True
        longer = (before, *key)
        if not m.group("dot") and before not in FUNCTION_WORDS and before not in NOT_NAME and (
                longer not in found or depth < 3 and _personal(longer, text, found, depth + 1)):
            return True
    return False
