"""The reader's words as search terms for one article: each typed word is a slot of weighted terms.

A word some passage has is itself, at full weight, and its other forms the stemmer can't join ("choose",
"chose") at ``BRIDGE_WEIGHT``. A word no passage has is, in order:
- a time of day the article writes otherwise ("3am" -> three in the morning, "half past ten" -> 10.30pm:
  ``clock_times``), read as the article's words for it at full weight;
- the article's word spelt otherwise: apart or hyphenated ("fire fighters" -> firefighters), joined
  ("floodplain" -> flood plain) or a number in digits or words ("3" -> three), at full weight;
- a typo of an article word (``fuzzy``), when it is not an English word or a known forename ("hatamy"
  -> hatami; "cost" is a word and stays itself), read as that word at full weight;
- bridged (``bridge``) to the article words WordNet relates it to ("phone" -> telephone), each at
  ``BRIDGE_WEIGHT``. Only words no passage has are bridged, so a bridged word never outranks a
  passage holding the reader's own word;
- dropped when it is a light word, too vague to look for ("going", "get", "take": more WordNet
  senses than ``MAX_SENSES``), or a function word WordNet doesn't hold ("whether", "among", "without"):
  never a name the article lacks, nor a typo of an article word ("whether" is not "weather");
- otherwise a name the article lacks when it is not English ("putin", "imran"): no answer then,
  however well the other words match; or left as it is (it weighs in the total and matches nothing).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Collection, Mapping, Sequence

from .analyzer import STOPWORDS, Analyzer
from .bridge import FamilyMatch, converse_words, family_matches, reversed_state_words, wordnet
from .answer_type import MONEY_WORDS, sums
from .clock_times import clock_times
from .fuzzy import closest
from .index import BM25Index
from .attribution.lexicon import FEMALE_NAMES, MALE_NAMES

# A bridged word counts half: WordNet relates senses, and the reader may have meant another one.
BRIDGE_WEIGHT = 0.5
# A word with more senses than this ("go", "break", "pass", "charge") is too vague to stand in for the
# reader's word, or to be it in another form.
MAX_SENSES = 20


# Closed-class words (conjunctions, prepositions, pronouns) that are neither stopwords nor in WordNet,
# which holds only nouns, verbs, adjectives and adverbs: without this list they would read as names the
# article lacks ("Who asked whether ..." answered "doesn't say").
FUNCTION_WORDS = frozenset("""
whether although though unless whereas whilst toward towards among amongst upon onto unto without within
whose whoever whomever whichever whenever wherever whatever since via per beside amid amidst versus vs
anyone anybody everyone everybody anything something everything somewhere anywhere everywhere
""".split())

# Numbers as words and as digits: the reader's "3 days" is the article's "three days", and back.
_NUMBERS = {w: str(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())} | {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60",
                                                     "seventy": "70", "eighty": "80", "ninety": "90", "hundred": "100"}
_DIGITS = {d: w for w, d in _NUMBERS.items()}

# A cheap first look for the event families' words in a question, before reading them by lemma.
_FAMILY_HINT = re.compile(r"\b(?:fir|sack|dismiss|redundan|lay|laid|layoff|los|lost|job|refund|reimburs|repa|money|"
                          r"cancel|call|scrap|postpon|put)", re.IGNORECASE)

_PHRASAL = re.compile(r"\b([a-z]+)\s+(up|down|out|off|back|in|on|over|away|through|along|around|about)\b", re.I)


@dataclass(frozen=True)
class Slot:
    word: str  # as typed
    terms: Mapping[str, float]  # analysed terms it stands for, with their weights
    missing_name: bool = False  # a name no passage has
    light: bool = False  # a light word the article has ("get"): ranks, but no answer wants it


@dataclass(frozen=True)
class Reading:
    slots: tuple[Slot, ...]
    corrections: tuple[tuple[str, str], ...] = ()  # (typed, article word)
    bridges: tuple[tuple[str, str], ...] = ()  # (reader word, article word)
    suggestions: tuple[str, ...] = field(default=())  # article words one edit too far to be sure of

    @property
    def terms(self) -> list[str]:
        return list(dict.fromkeys(t for s in self.slots for t in s.terms))

    @property
    def weights(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for s in self.slots:
            for t, w in s.terms.items():
                out[t] = max(out.get(t, 0.0), w)
        return out


def _light(word: str) -> bool:
    """A lowercase English word too vague to be what a question asks about ("get", "take", "make"): more
    WordNet senses than ``MAX_SENSES`` in every dictionary form it may be."""
    low = word.casefold()
    lemmas = wordnet().lemmas(low) if low.isalpha() and word[:1].islower() else ()
    return bool(lemmas) and min(wordnet().senses(m) for m in lemmas) > MAX_SENSES


class WordReader:
    """Reads questions against one article's index; its vocabulary is built on first need."""

    def __init__(self, analyzer: Analyzer, index: BM25Index, texts: Sequence[str]) -> None:
        self.analyzer = analyzer
        self.index = index
        self._texts = texts
        self._vocab: dict[str, str] | None = None  # surface word (casefolded) -> term
        self._by_lemma: dict[str, dict[str, str]] | None = None  # WordNet lemma -> {term: article word}
        self._times: dict[tuple[int, int], dict[str, str]] | None = None  # (hour, minute) -> {term: as written}
        self._sums: dict[str, str] | None = None  # the terms of the sums of money the article states
        self._family: list[tuple[FamilyMatch, str]] | None = None  # the article's words of event families

    def vocabulary(self) -> dict[str, str]:
        if self._vocab is None:
            vocab: dict[str, str] = {}
            for text in self._texts:
                for tok in self.analyzer.tokens(text):
                    word = text[tok.start:tok.end].casefold().replace("’", "'")
                    if word.endswith(("'s", "s'")):  # "children's", "nan's": the word, for bridges and typos
                        word = word[:-2] if word.endswith("'s") else word[:-1]
                    if word.isalpha():
                        vocab.setdefault(word, tok.term)
            self._vocab = vocab
        return self._vocab

    def by_lemma(self) -> dict[str, dict[str, str]]:
        """The article's words by their dictionary forms ("safer" under "safe"), built on first need."""
        if self._by_lemma is None:
            table: dict[str, dict[str, str]] = {}
            for word, term in self.vocabulary().items():
                for lemma in wordnet().lemmas(word):
                    table.setdefault(lemma, {}).setdefault(term, word)
            self._by_lemma = table
        return self._by_lemma

    def article_times(self) -> dict[tuple[int, int], dict[str, str]]:
        """The times of day the article states, by (hour on a 12-hour clock, minute): their terms."""
        if self._times is None:
            table: dict[tuple[int, int], dict[str, str]] = {}
            for text in self._texts:
                for t in clock_times(text):
                    written = text[t.start:t.end]
                    for term in self.analyzer.terms(written):
                        table.setdefault((t.hour, t.minute), {}).setdefault(term, written)
            self._times = table
        return self._times

    def article_sums(self) -> dict[str, str]:
        """The distinctive terms of the sums of money the article states ("£380,000" -> 380, 000), with the
        sum as written; a lone digit ("£1.4 million": 1, 4) says too little to count."""
        if self._sums is None:
            table: dict[str, str] = {}
            for text in self._texts:
                for written in sums(text):
                    for term in self.analyzer.terms(written):
                        if len(term) >= 3:
                            table.setdefault(term, written)
            self._sums = table
        return self._sums

    def _clock(self, topic: str, known: Callable[[str], bool]) -> tuple[list[Slot], list[tuple[str, str]], list[tuple[int, int]]]:
        """Times of day the reader writes otherwise than the article ("3am" for "three in the morning"):
        a slot each, of the article's words for that time, and the character spans they take."""
        slots: list[Slot] = []
        read_as: list[tuple[str, str]] = []
        spans: list[tuple[int, int]] = []
        for t in clock_times(topic):
            typed = topic[t.start:t.end]
            theirs = {term: w for term, w in self.article_times().get((t.hour, t.minute), {}).items() if known(term)}
            if not theirs or set(self.analyzer.terms(typed)) <= set(theirs):
                continue  # the article has no such time, or writes it as the reader does
            slots.append(Slot(typed, {term: 1.0 for term in theirs}))
            read_as += [(typed, w) for w in dict.fromkeys(theirs.values())]
            spans.append((t.start, t.end))
        return slots, read_as, spans

    def _other_forms(self, word: str, term: str) -> dict[str, float]:
        """The article's other forms of a word it has, which the stemmer can't join ("choose" and "chose",
        "buy" and "bought"): weighed as bridges, so the reader's own form still ranks first."""
        low = word.casefold()
        if not low.isalpha() or not wordnet().is_word(low):
            return {}
        lemmas = [m for m in wordnet().lemmas(low) if wordnet().senses(m) <= MAX_SENSES]
        return {t: BRIDGE_WEIGHT for m in lemmas for t in self.by_lemma().get(m, {}) if t != term}

    def _phrasal(self, topic: str, known: Callable[[str], bool]) -> tuple[list[Slot], list[tuple[str, str]], set[int]]:
        """Phrasal verbs the article has in one word ("going up" -> rise, "pay back" -> repay): a slot
        each, and the character spans of the words they take."""
        slots: list[Slot] = []
        bridges: list[tuple[str, str]] = []
        taken: set[int] = set()
        for m in _PHRASAL.finditer(topic):
            verb, particle = m.group(1).casefold(), m.group(2).casefold()
            if known(self.analyzer.terms(verb)[0] if self.analyzer.terms(verb) else "") and (
                    self._has_phrase(verb, particle) or not self._has_phrase_synonym(verb, particle)):
                # the article has the reader's own verb, and their phrase or no other for it ("stay off"
                # where the article has "stay closed" and "keep off": "keep off" is the reader's meaning)
                continue
            targets: dict[str, str] = {}
            for lemma in wordnet().lemmas(verb):
                for i in wordnet().of_word.get(f"{lemma}_{particle}", ()):
                    for other in wordnet().synsets[i]:
                        if "_" not in other and wordnet().senses(other) <= MAX_SENSES:
                            for term, article_word in self.by_lemma().get(other, {}).items():
                                if known(term):
                                    targets.setdefault(term, article_word)
                        elif "_" in other and other != f"{lemma}_{particle}" and self._has_phrase(*other.split("_", 1)):
                            # a phrasal verb of the same sense that the article writes ("stay off" -> keep off)
                            for term in self.analyzer.terms(other.split("_")[0]):
                                if known(term):
                                    targets.setdefault(term, other.replace("_", " "))
            if targets:
                slots.append(Slot(m.group(0), {t: BRIDGE_WEIGHT for t in targets}))
                bridges += [(m.group(0), w) for w in targets.values()]
                taken |= set(range(m.start(), m.end()))
        return slots, bridges, taken

    def _families(self, topic: str, known: Callable[[str], bool]) -> tuple[list[Slot], list[tuple[str, str]], set[int]]:
        """The reader's words for an event the article names with other words of its family ("fired",
        "lose their jobs" -> redundancy, "losing his job"): a slot each at a bridge's weight, and the
        character positions they take. Only where the article lacks one of the reader's words."""
        slots: list[Slot] = []
        bridges: list[tuple[str, str]] = []
        taken: set[int] = set()
        for m in family_matches(topic):
            if taken & set(range(m.start, m.end)):
                continue
            typed = topic[m.start:m.end]
            article = self.family_phrases()
            if (all(known(t) for t in self.analyzer.terms(typed)) and " " not in m.member) or any(
                    a.member == m.member and all(known(t) for t in self.analyzer.terms(w)) for a, w in article):
                continue  # the passages searched say it the reader's way
            targets: dict[str, str] = {}
            for a, written in article:
                if a.family == m.family:
                    for term in self.analyzer.terms(written):
                        if known(term):
                            targets.setdefault(term, written)
            if targets:
                slots.append(Slot(typed, {t: BRIDGE_WEIGHT for t in targets}))
                bridges += [(typed, w) for w in dict.fromkeys(targets.values())]
                taken |= set(range(m.start, m.end))
        return slots, bridges, taken

    def family_phrases(self) -> list[tuple[FamilyMatch, str]]:
        """The article's words of the event families (``bridge.FAMILIES``), as written; built on first need."""
        if self._family is None:
            self._family = [(a, text[a.start:a.end]) for text in self._texts for a in family_matches(text)]
        return self._family

    def _has_phrase(self, verb: str, rest: str) -> bool:
        """Whether some passage writes the phrasal verb, in any regular form of its verb ("keep off",
        "keeps off", "keeping off")."""
        forms = {verb, *wordnet().lemmas(verb)}
        pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(forms)))})\w*\s+{re.escape(rest.replace('_', ' '))}\b",
                             re.IGNORECASE)
        return any(pattern.search(text) for text in self._texts)

    def _has_phrase_synonym(self, verb: str, particle: str) -> bool:
        """Whether WordNet has another phrasal verb for the reader's ("stay off": keep off) that the article writes."""
        for lemma in wordnet().lemmas(verb):
            for i in wordnet().of_word.get(f"{lemma}_{particle}", ()):
                if any("_" in o and o != f"{lemma}_{particle}" and self._has_phrase(*o.split("_", 1))
                       for o in wordnet().synsets[i]):
                    return True
        return False

    def _spelt_otherwise(self, topic: str, tokens: list,
                         known: Callable[[str], bool]) -> tuple[list[Slot], list[tuple[str, str]], set[int]]:
        """The reader's own word spelt otherwise than the article spells it: apart or hyphenated where the
        article joins it ("fire fighters", "fire-fighters" -> firefighters), joined where the article
        writes two words ("floodplain" -> flood plain), or a number in digits or in words ("3" -> three).
        A slot each at full weight (the same word, not a related one), and the token starts they take."""
        slots: list[Slot] = []
        read_as: list[tuple[str, str]] = []
        taken: set[int] = set()
        vocab = self.vocabulary()
        for n, tok in enumerate(tokens):
            if tok.start in taken:
                continue
            word = topic[tok.start:tok.end]
            low = word.casefold()
            nxt = tokens[n + 1] if n + 1 < len(tokens) else None
            if (nxt is not None and topic[tok.end:nxt.start] in (" ", "-") and word.isalpha()
                    and not (known(tok.term) and known(nxt.term))):
                joined = low + topic[nxt.start:nxt.end].casefold()
                if joined in vocab:
                    typed = topic[tok.start:nxt.end]
                    slots.append(Slot(typed, {vocab[joined]: 1.0}))
                    read_as.append((typed, joined))
                    taken |= {tok.start, nxt.start}
                    continue
            if known(tok.term):
                continue
            other = _NUMBERS.get(low) or _DIGITS.get(low)
            if other is not None and other in vocab:
                slots.append(Slot(word, {vocab[other]: 1.0}))
                read_as.append((word, other))
                taken.add(tok.start)
                continue
            if low.isalpha() and len(low) >= 6:
                for cut in range(3, len(low) - 2):
                    head, tail = low[:cut], low[cut:]
                    if head in vocab and tail in vocab and any(
                            re.search(rf"\b{head}[\s-]+{tail}\b", text, re.IGNORECASE) for text in self._texts):
                        slots += [Slot(word, {vocab[head]: 1.0}), Slot(word, {vocab[tail]: 1.0})]
                        read_as.append((word, f"{head} {tail}"))
                        taken.add(tok.start)
                        break
        return slots, read_as, taken

    def read(self, topic: str, scope: Collection[str] | None = None) -> Reading:
        """The topic's words as weighted terms. ``scope``: the terms of the passages searched, when not
        all of them ("what did X say about Y": X's own); a word they lack is read as one the article lacks
        ("okafors take on the rain": his word is "rainfall")."""
        known: Callable[[str], bool] = self.index.known if scope is None else scope.__contains__
        slots: list[Slot] = []
        corrections: list[tuple[str, str]] = []
        bridges: list[tuple[str, str]] = []
        suggestions: list[str] = []
        tokens = self.analyzer.tokens(topic)
        if any(not known(t.term) for t in tokens):
            slots, corrections, spans = self._clock(topic, known)
            tokens = [t for t in tokens if not any(a <= t.start < b for a, b in spans)]
        if _PHRASAL.search(topic):
            phrasal, bridges, taken = self._phrasal(topic, known)
            slots += phrasal
            tokens = [t for t in tokens if t.start not in taken]
        if _FAMILY_HINT.search(topic):
            family, family_bridges, taken = self._families(topic, known)
            slots += family
            bridges += family_bridges
            tokens = [t for t in tokens if t.start not in taken]
        if any(not known(t.term) for t in tokens):
            spelt, spelt_as, taken = self._spelt_otherwise(topic, tokens, known)
            corrections += spelt_as
            slots += spelt
            tokens = [t for t in tokens if t.start not in taken]
        for tok in tokens:
            word = topic[tok.start:tok.end]
            low = word.casefold()
            # A word of money ("lost", "money") is said by a passage that states a sum: its terms, as a bridge.
            money = ({t: BRIDGE_WEIGHT for t in self.article_sums() if known(t) and t != tok.term}
                     if low in MONEY_WORDS else {})
            if money:
                bridges += [(word, w) for w in dict.fromkeys(self.article_sums()[t] for t in money)]
            if known(tok.term):
                light = _light(word)
                weight = BRIDGE_WEIGHT if light else 1.0
                slots.append(Slot(word, {tok.term: weight, **({} if light else self._other_forms(word, tok.term)),
                                         **money}, light=light))
                continue
            if money:
                slots.append(Slot(word, money))
                continue
            if low in FUNCTION_WORDS:
                continue
            capitalised = tok.start > 0 and word[:1].isupper()
            english = low.isalpha() and wordnet().is_word(low)
            if low.isalpha() and not english and low not in MALE_NAMES and low not in FEMALE_NAMES:
                near = closest(low, self.vocabulary())
                if near is not None and near.sure:
                    corrections.append((word, near.found))
                    slots.append(Slot(word, {self.vocabulary()[near.found]: 1.0}))
                    continue
                if near is not None:
                    suggestions.append(near.found)
            if english and not capitalised and max(wordnet().senses(m) for m in wordnet().lemmas(low)) > MAX_SENSES:
                continue  # "going", "get", "take": too vague to look for, or to count against an answer
            if english and not capitalised:
                # The reader's word in a form the stemmer can't join ("mice"/"mouse", "safer"/"safe"):
                # weighed as a bridge, since the form may be another word ("shipping" is not "ships").
                same = {t: w for lemma in wordnet().lemmas(low) if wordnet().senses(lemma) <= MAX_SENSES
                        for t, w in self.by_lemma().get(lemma, {}).items() if known(t)}
                if same:
                    bridges += [(word, w) for w in same.values()]
                    slots.append(Slot(word, {t: BRIDGE_WEIGHT for t in same}))
                    continue
                targets = {t: w for t, w in self._bridge(low).items() if known(t)}
                if targets:
                    bridges += [(word, w) for w in targets.values()]
                    slots.append(Slot(word, {t: BRIDGE_WEIGHT for t in targets}))
                    continue
            name_like = capitalised or (low.isalpha() and len(low) > 2 and not english)
            slots.append(Slot(word, {tok.term: 1.0}, missing_name=name_like))
        return Reading(tuple(slots), tuple(corrections), tuple(bridges), tuple(dict.fromkeys(suggestions)))

    def _bridge(self, word: str) -> dict[str, str]:
        """Article terms WordNet relates to ``word`` -> the article's word (for showing the bridge)."""
        out: dict[str, str] = {}
        for lemma in (*reversed_state_words(word), *converse_words(word)):  # "reopen" -> "closed ... until"
            for term, article_word in self.by_lemma().get(lemma, {}).items():
                out.setdefault(term, article_word)
        for lemma in sorted(wordnet().related(word)):
            if lemma in STOPWORDS or wordnet().senses(lemma) > MAX_SENSES:
                continue
            for term, article_word in self.by_lemma().get(lemma, {}).items():
                out.setdefault(term, article_word)
        return out

    def verb_bridge(self, verb: str, known: Callable[[str], bool]) -> dict[str, str]:
        """The article's words for a question's verb that no passage has ("bought" -> purchase, sold):
        its other forms, else the words WordNet relates to it, else its converse; {} for a light verb."""
        low = verb.split()[0].casefold()
        if not low.isalpha() or not wordnet().is_word(low) or _light(low):
            return {}
        same = {t: w for lemma in wordnet().lemmas(low) if wordnet().senses(lemma) <= MAX_SENSES
                for t, w in self.by_lemma().get(lemma, {}).items() if known(t)}
        return same or {t: w for t, w in self._bridge(low).items() if known(t)}

    def coverage(self, reading: Reading, matched: frozenset[str]) -> float:
        """The share of the question's weight (idf x weight, the best term of each slot) ``matched`` holds."""
        total = covered = 0.0
        seen: set[frozenset[str]] = set()
        slots = [s for s in reading.slots if not s.light] or reading.slots
        for slot in slots:
            key = frozenset(slot.terms)
            if key in seen:
                continue
            seen.add(key)
            weights = {t: w * self.index.idf(t) for t, w in slot.terms.items()}
            total += max(weights.values())
            covered += max((v for t, v in weights.items() if t in matched), default=0.0)
        return covered / total if total > 0 else 0.0
