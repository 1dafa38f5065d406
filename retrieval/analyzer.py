"""One analyser for passages and questions: normalise, lowercase, split, drop stopwords, stem.

Tokens keep their character spans in the original text, so a quote can show which words matched
without the original characters (curly quotes, non-breaking spaces) ever being rewritten.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from .attribution.lexicon import DEMONYM_OF

# Snowball's English stopword list, plus contractions written without apostrophes.
STOPWORDS = frozenset("""
a about above after again against all am an and any are aren't as at be because been before being below
between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each
few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself
him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most
mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own same shan't
she she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves then
there there's these they they'd they'll they're they've this those through to too under until up very was
wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who who's
whom why why's with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves
dont doesnt didnt isnt arent wasnt werent cant couldnt wont wouldnt shouldnt also just will shall may might
must us
""".split())

# Place names written as abbreviations collide with stopwords ("US" is not "us").
_UPPERCASE_PLACES = {"US": "usa", "U.S.": "usa", "U.S": "usa", "USA": "usa", "U.S.A.": "usa",
                     "UK": "uk", "U.K.": "uk", "UN": "un_org", "U.N.": "un_org", "EU": "eu", "E.U.": "eu"}
_PLACE_BIGRAMS = {("united", "states"): "usa", ("united", "kingdom"): "uk", ("united", "nations"): "un_org"}
_BIGRAM_SECONDS = frozenset(second for _, second in _PLACE_BIGRAMS)

# Nationality adjectives and their countries meet ("Iranian minister" / "Iran's minister"), from the
# one country list attribution uses too. Adjectives that are mostly other words stay themselves.
_COUNTRY_TERM = {"american": "usa", "british": "uk", "emirati": "uae", "european": "europe", "saudi": "saudi"}
_NOT_NATIONALITY = {"english", "polish", "georgian"}


def _demonyms() -> dict[str, str]:
    table = {"america": "usa", "britain": "uk"}
    for country, adjective in DEMONYM_OF.items():
        if " " in adjective or adjective in _NOT_NATIONALITY:
            continue
        target = _COUNTRY_TERM.get(adjective) or (country if country.isalpha() else None)
        if target:
            table.setdefault(adjective, target)
            if adjective.endswith(("an", "i")):  # "Iranians", "Pakistanis"
                table.setdefault(adjective + "s", target)
    return table


_DEMONYMS = _demonyms()

# Irregular forms the stemmer cannot join to their verb; speech verbs matter most in news.
_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "spoke": "speak", "spoken": "speak",
              "wrote": "write", "written": "write", "thought": "think", "sought": "seek",
              "fought": "fight", "won": "win", "lost": "lose", "met": "meet", "led": "lead",
              "held": "hold", "began": "begin", "begun": "begin", "gave": "give", "given": "give"}

# British -> American spelling, applied to both passages and questions before stemming, so
# "criticised" meets "criticized" and "defence" meets "defense". Both sides are rewritten the
# same way, so a word that is "-ise" in both spellings ("promise") only changes form, never meaning.
_SPELLING = (
    (re.compile(r"^(\w{3,})is(e|es|ed|ing|ation|ations|er|ers|able)$"), r"\1iz\2"),
    (re.compile(r"^(\w{2,})ys(e|es|ed|ing|er|ers)$"), r"\1yz\2"),
    (re.compile(r"^(\w+)(?<=[aeiou][bcdfghjklmnpqrstvwxyz])our(s|ed|ing|ite|ites|able|ful|less)?$"), r"\1or\2"),
    (re.compile(r"^(def|off|pret|lic)ence(s)?$"), r"\1ense\2"),
    (re.compile(r"^(\w{3,})tre(s)?$"), r"\1ter\2"),
    (re.compile(r"^(\w{3,})ogue(s)?$"), r"\1og\2"),
)

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:['’][^\W_]+)*")
_TRANSLATE = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "„": '"'})


@dataclass(frozen=True)
class Token:
    term: str  # the analysed form used for ranking
    start: int  # span in the original text
    end: int


def normalise(text: str) -> str:
    """Compatibility-normalised text: curly quotes straightened, NBSP made spaces."""
    return unicodedata.normalize("NFKC", text).translate(_TRANSLATE)


def american(word: str) -> str:
    for pattern, repl in _SPELLING:
        new = pattern.sub(repl, word)
        if new != word:
            return new
    return word


class Analyzer:
    """Turns text into search terms; the same instance serves passages and questions."""

    def __init__(self, language: str = "english") -> None:
        self._stemmer = Stemmer.Stemmer(language)
        self._term = lru_cache(maxsize=50_000)(self._term_uncached)

    def _term_uncached(self, surface: str) -> str | None:
        if surface in _UPPERCASE_PLACES:
            return _UPPERCASE_PLACES[surface]
        word = normalise(surface).casefold()
        if word.endswith("'s"):
            word = word[:-2]
        word = word.replace("'", "")
        if not word or word in STOPWORDS:
            return None
        word = _IRREGULAR.get(word, word)
        word = _DEMONYMS.get(word, word)
        return self._stemmer.stemWord(american(word))

    def tokens(self, text: str) -> list[Token]:
        out: list[Token] = []
        lowered: list[str] = []
        for match in _WORD.finditer(text):
            surface = match.group()
            low = surface.casefold()
            if lowered and (lowered[-1], low) in _PLACE_BIGRAMS and out and out[-1].end <= match.start():
                prev = out[-1]
                if prev.term == self._term(lowered[-1]):
                    out[-1] = Token(_PLACE_BIGRAMS[(lowered[-1], low)], prev.start, match.end())
                    lowered.append(low)
                    continue
            lowered.append(low)
            term = self._term(surface)
            if term:
                out.append(Token(term, match.start(), match.end()))
        return out

    def terms(self, text: str) -> list[str]:
        """``[t.term for t in self.tokens(text)]`` without the spans: opening an article runs this on
        every passage, and building a Token and a match object per word was most of its cost."""
        out: list[str] = []
        term = self._term
        prev_low = ""
        for surface in _WORD.findall(text):
            low = surface.casefold()
            # As in tokens(): a place bigram replaces its first word's term when that word was kept.
            if low in _BIGRAM_SECONDS and (prev_low, low) in _PLACE_BIGRAMS and out and out[-1] == term(prev_low):
                out[-1] = _PLACE_BIGRAMS[(prev_low, low)]
                prev_low = low
                continue
            prev_low = low
            t = term(surface)
            if t:
                out.append(t)
        return out
