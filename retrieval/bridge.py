"""The article's words for a reader's words, from Open English WordNet (CC BY 4.0; attribution in
retrieval/data/wordnet/README.md).

A question word that no passage has ("phone") is bridged to the article words that share a synset
with it or are derived from it ("telephone"; "dying" -> die -> "deaths"). Only words the article
lacks are bridged: a word a passage has is never replaced, so a bridged word can never outrank a
passage holding the reader's own word; the answerer weighs bridged words lower still.

WordNet also says whether a lowercase word is English at all: a chat question's "hatamy" is not, so
it may be a name or a typo, where "cost" is a word and never a typo of "coast".
"""
from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

_TABLE = ("data", "wordnet", "wordnet.tsv.gz")


@dataclass(frozen=True)
class WordNet:
    synsets: tuple[frozenset[str], ...]
    of_word: dict[str, tuple[int, ...]] = field(repr=False)  # word -> indexes into synsets
    derived: dict[str, frozenset[str]] = field(repr=False)  # both directions
    irregular: dict[str, frozenset[str]] = field(repr=False)  # form -> lemmas

    def is_word(self, word: str) -> bool:
        """Whether a lowercase word (in any inflected form) is an English word."""
        return bool(self.lemmas(word))

    def lemmas(self, word: str) -> tuple[str, ...]:
        """The dictionary forms a word may be: itself, an irregular form's lemma, or the word with a
        regular ending taken off (-s, -es, -ies, -ed, -ing, a doubled consonant, "safer"), when WordNet
        has it. A bare "-er" is not taken off: "leader", "speaker" and "owner" are people, not "lead"."""
        word = word.casefold()
        out = [word] if word in self.of_word else []
        if word in self.irregular:  # "dying" is "die", not also "dye"
            return tuple(dict.fromkeys(out + sorted(self.irregular[word])))
        for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                             ("ing", ""), ("ing", "e"), ("er", "e"), ("est", "e"), ("ier", "y"), ("iest", "y")):
            if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                stem = word[: -len(suffix)] + repl
                candidates = [stem]
                if suffix in ("ed", "ing") and len(stem) > 2 and stem[-1] == stem[-2]:
                    candidates.append(stem[:-1])  # "stopped" -> "stop"
                out += [c for c in candidates if c in self.of_word]
        return tuple(dict.fromkeys(out))

    def senses(self, word: str) -> int:
        """How many synsets a dictionary form belongs to: "go" 25, "telephone" 3."""
        return len(self.of_word.get(word, ()))

    def related(self, word: str) -> frozenset[str]:
        """Words sharing a synset with any lemma of ``word``, or derived from one (not the lemmas)."""
        lemmas = self.lemmas(word)
        out: set[str] = set()
        for lemma in lemmas:
            for i in self.of_word.get(lemma, ()):
                out |= self.synsets[i]
            out |= self.derived.get(lemma, frozenset())
        return frozenset(out - set(lemmas) - {word})


@lru_cache(maxsize=1)
def wordnet() -> WordNet:
    """The table, read once on first use (a question that needs no bridge never pays for it)."""
    path = resources.files("retrieval").joinpath(*_TABLE)
    synsets: list[frozenset[str]] = []
    of_word: dict[str, list[int]] = {}
    derived: dict[str, set[str]] = {}
    irregular: dict[str, set[str]] = {}
    with gzip.open(path.open("rb"), "rt", encoding="utf-8") as f:
        for line in f:
            kind, *cols = line.rstrip("\n").split("\t")
            if kind == "S":
                members = frozenset(cols[0].split())
                for w in members:
                    of_word.setdefault(w, []).append(len(synsets))
                synsets.append(members)
            elif kind == "D":
                derived.setdefault(cols[0], set()).add(cols[1])
                derived.setdefault(cols[1], set()).add(cols[0])
            elif kind == "I":
                irregular.setdefault(cols[0], set()).add(cols[1])
    return WordNet(tuple(synsets), {w: tuple(i) for w, i in of_word.items()},
                   {w: frozenset(s) for w, s in derived.items()}, {w: frozenset(s) for w, s in irregular.items()})


# Speech acts done by saying a formula rather than the verb: "X apologised" is reported as X saying
# "sorry", "X thanked" as "thank you" / "well done". WordNet relates neither (its "sorry" is "sad").
_SPEECH_ACTS: dict[str, tuple[str, ...]] = {
    "apologise": ("sorry", "apology", "apologies", "regret"), "apologize": ("sorry", "apology", "apologies", "regret"),
    "thank": ("thanks", "thank", "grateful", "gratitude"),
    "congratulate": ("congratulations", "congrats", "well done"),
}


def speech_act_words(verb: str) -> tuple[str, ...]:
    """The words that do the speech act a verb reports ("apologised" -> sorry, apology), or ()."""
    for lemma in wordnet().lemmas(verb.split()[0].casefold()):
        if lemma in _SPEECH_ACTS:
            return _SPEECH_ACTS[lemma]
    return ()


# Verbs that end a stopped state, asked about where the article states the state and its end: "when will
# the roads reopen" is answered by "the roads will stay closed until Thursday". WordNet has no antonyms.
_REVERSALS: dict[str, tuple[str, ...]] = {
    "reopen": ("close", "shut"), "resume": ("suspend", "halt", "pause", "stop"),
    "restart": ("stop", "halt", "suspend"), "unblock": ("block",), "reconnect": ("disconnect", "cut"),
}


def reversed_state_words(word: str) -> tuple[str, ...]:
    """The words of the state a verb ends ("reopen" -> close, shut), or ()."""
    for lemma in wordnet().lemmas(word.casefold()):
        if lemma in _REVERSALS:
            return _REVERSALS[lemma]
    return ()


# Converse verbs: one event told from the other side. "who bought the bakery" is answered by "the bakery
# has been sold to X"; WordNet relates neither (it has no antonyms, and these are not synonyms).
_CONVERSES: dict[str, tuple[str, ...]] = {
    "buy": ("sell", "sale"), "purchase": ("sell", "sale"), "sell": ("buy", "purchase", "buyer"),
    "lend": ("borrow", "loan"), "borrow": ("lend", "loan"), "teach": ("learn",), "rent": ("let",),
}


def converse_words(word: str) -> tuple[str, ...]:
    """The words telling the same event from the other side ("bought" -> sell, sale), or ()."""
    for lemma in wordnet().lemmas(word.casefold()):
        if lemma in _CONVERSES:
            return _CONVERSES[lemma]
    return ()


# Families of words and two-word phrases that name one event in everyday and formal words alike, where
# WordNet relates few of them (it has no "lose one's job", and its "redundant" is "superfluous"): losing a
# job, getting money back, calling something off. A phrase is a verb and its object, in any form, with at
# most one word between ("lose their jobs").
FAMILIES: tuple[tuple[str, ...], ...] = (
    ("fire", "sack", "dismiss", "redundant", "redundancy", "layoff", "lay off", "lose job", "job loss"),
    ("refund", "reimburse", "repay", "money back"),
    ("cancel", "call off", "scrap", "postpone", "put off", "postponement", "cancellation"),
)


@dataclass(frozen=True)
class FamilyMatch:
    start: int  # character span of the reader's words
    end: int
    family: int
    member: str


_WORD = re.compile(r"[A-Za-z]+")
# Only a word starting as a member does (or as an irregular form of one: "laid", "lost") is read by lemma.
_FAMILY_HEADS: dict[str, list[tuple[int, str, str | None]]] = {}  # a member's first word -> (family, member, second)
for _f, _members in enumerate(FAMILIES):
    for _member in _members:
        _head, *_rest = _member.split()
        _FAMILY_HEADS.setdefault(_head, []).append((_f, _member, _rest[0] if _rest else None))
_FAMILY_PREFIXES = frozenset({w[:3] for members in FAMILIES for m in members for w in m.split()} | {"lai", "los"})


def family_matches(text: str) -> list[FamilyMatch]:
    """The family members a text says ("lose there jobs" -> lose job, "fired" -> fire), by lemma."""
    words = [(m.start(), m.end(), {low, *wordnet().lemmas(low)} if low[:3] in _FAMILY_PREFIXES else {low})
             for m in _WORD.finditer(text) for low in [m.group(0).casefold()]]
    out: list[FamilyMatch] = []
    for i, (start, end, lemmas) in enumerate(words):
        for lemma in lemmas & _FAMILY_HEADS.keys():
            for f, member, second in _FAMILY_HEADS[lemma]:
                if second is None:
                    out.append(FamilyMatch(start, end, f, member))
                    continue
                for j in range(i + 1, min(i + 3, len(words))):
                    if second in words[j][2]:
                        out.append(FamilyMatch(start, words[j][1], f, member))
                        break
    return out
