"""Noun phrases next to a cue or a name, walked left and right over the tokens: name runs ("Iranian
Defense Minister ... Ali Hatami"), lowercase roles before a name ("union leader Ahmed Shaikh"), nominal
phrases ("the Pakistani defense minister"), the speaker after an inverted cue ("said Hatami"). Shared by
``mentions`` (who the article names) and ``link`` (whose words a cue reports).
"""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import (POSSESSIVE_ENDINGS, DEMONYMS, DETERMINERS, DOCUMENT_NOUNS, FUNCTION_WORDS, NAME_LIKE, NOT_NAME, ORG_HEADS, PLACES,
                      ROLE_HEADS, ROLE_MODIFIERS, VERB_FORMS, bare, cue_base, is_plural_role)
from .registry import is_organisation, is_title_word, looks_like_name, prefixed_name, split_title
from .tokens import Token

PRONOUNS = {"he": "male", "she": "female", "they": "group", "it": "group"}
# After "according to" or a passive's "by" the pronoun is an object: "according to her, ...".
OBJECT_PRONOUNS = {"him": "male", "her": "female", "them": "group"}
PARTICLES = {"bin", "ibn", "al", "el", "ul", "ud", "de", "van", "von", "der", "da", "di", "du", "la", "le"}
_PREPOSITIONS = {"on", "in", "at", "from", "near", "for", "with", "to", "by", "into", "across", "outside", "inside",
                 "against", "about", "over", "under", "between", "among", "amid", "through", "towards", "toward"}
_MAX_MODIFIERS = 5
_TEAM = {"team", "colleagues", "co-authors", "coauthors", "staff", "aides", "lawyers", "attorneys"}
_MISSIONS = {"embassy", "consulate", "mission", "high commission"}
# Who speaks for a body without a name of their own: "a spokesperson for Northfield Council said" is the
# council's word (news names the body as the source; the spokesperson is its voice, not a person we know).
_VOICES = {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen", "spokeswomen"}
PhraseKind = str  # "name", "nominal", "pronoun"


@dataclass(frozen=True)
class Phrase:
    """A noun phrase next to a cue: its words, and what kind of thing names the source."""

    words: tuple[str, ...]
    kind: str  # "name", "nominal", "pronoun"
    prefix: tuple[str, ...]  # a lowercase role written before a name: "union leader" Ahmed Shaikh
    start: int  # token index of its first word

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", tuple(self.words))
        object.__setattr__(self, "prefix", tuple(self.prefix))

    @property
    def text(self) -> str:
        return " ".join([*self.prefix, *self.words])


def is_name_word(t: Token) -> bool:
    # "US" is a name word although "us" is a function word.
    if t.is_word and not t.is_capitalised:
        return prefixed_name(t.text)  # "Bashar al-Assad"
    return t.is_word and t.is_capitalised and (t.low not in FUNCTION_WORDS or t.low in NAME_LIKE
                                               or (t.text.isupper() and len(t.text) > 1))


def name_run_left(toks: list[Token], j: int) -> int:
    """Index of the first word of the capitalised run ending at ``j`` ("Iranian Defense Minister ... Hatami")."""
    k = j
    while k - 1 >= 0:
        prev = toks[k - 1]
        if is_name_word(prev) and not prev.text.endswith(POSSESSIVE_ENDINGS):
            k -= 1
        elif prev.low in PARTICLES and k - 2 >= 0 and is_name_word(toks[k - 2]):
            k -= 1
        elif prev.low == "of" and k - 2 >= 0 and is_name_word(toks[k - 2]) and bare(toks[k - 2].text) in ORG_HEADS:
            k -= 1  # "Ministry of Foreign Affairs"
        else:
            break
    return k


def trim_run(toks: list[Token], k: int, j: int, vocabulary: frozenset[str]) -> int:
    """Drop leading words that only look like names: "Meanwhile", or a sentence's first word the
    article also writes in lowercase ("Unlike Trump")."""
    while k < j:
        t = toks[k]
        first_in_sentence = k == 0 or toks[k - 1].sentence != t.sentence or toks[k - 1].text in {"“", "«"}
        if bare(t.text) in NOT_NAME and not is_title_word(t.text):
            k += 1
        elif first_in_sentence and not is_title_word(t.text) and (
                t.low in vocabulary or t.low.endswith(("ly", "ing"))):
            k += 1
        else:
            break
    return k


def posted_to(toks: list[Token], k: int) -> bool:
    """Whether the place at ``k`` completes a lowercase office before it: "ambassador to Britain",
    "envoy to Iran"."""
    return (k >= 2 and bare(toks[k].text) in PLACES and toks[k - 1].low == "to" and toks[k - 2].is_word
            and not toks[k - 2].is_capitalised and bare(toks[k - 2].text) in ROLE_HEADS)


def role_words_left(toks: list[Token], k: int) -> tuple[list[str], int]:
    """A lowercase role written before position ``k``: "(his Pakistani) counterpart", "union leader"."""
    i = k - 1
    if i < 0 or not toks[i].is_word or bare(toks[i].text) not in ROLE_HEADS or toks[i].is_capitalised:
        return [], k
    words = [toks[i].text]
    i -= 1
    while i >= 0 and len(words) <= _MAX_MODIFIERS:
        t = toks[i]
        if not t.is_word or t.low in FUNCTION_WORDS or VERB_FORMS.get(t.low) or (
                t.low.endswith(("ly", "ing")) and bare(t.text) not in ROLE_MODIFIERS):
            break  # "including opposition councillor X": the role starts after "including" ("managing director" is one)
        if t.is_capitalised and not (bare(t.text) in PLACES or is_title_word(t.text) or is_name_word(t)):
            break
        words.insert(0, t.text)
        i -= 1
    start = i + 1
    opens = start == 0 or toks[start - 1].sentence != toks[start].sentence or toks[start - 1].text in {"“", "«"}
    if opens and bare(words[0]) not in PLACES and bare(words[0]) not in DEMONYMS and (
            len(words) == 1 or not words[1][:1].isupper()):
        # "Union leader Ahmed Shaikh" opens a sentence: the role is "union leader"; "Westmoor Rovers
        # chairman" keeps the name of the club it opens with
        words[0] = words[0].lower()
    return words, start


def nominal_left(toks: list[Token], j: int) -> Phrase | None:
    """A role phrase ending at ``j``: "The Pakistani defense minister", "Pakistan's defence minister"."""
    head = bare(toks[j].text)
    if not (head in ROLE_HEADS or head in ORG_HEADS or is_plural_role(head) or _described(toks, j)):
        return None
    i = j - 1
    count = 0
    while i >= 0 and count < _MAX_MODIFIERS:
        t = toks[i]
        if not t.is_word or t.quoted != toks[j].quoted:
            break
        if t.low in DETERMINERS:
            i -= 1
            break
        if t.low in FUNCTION_WORDS or cue_base(t.low) or t.low.endswith("ly"):
            break
        i -= 1
        count += 1
    start = i + 1
    return Phrase([t.text for t in toks[start:j + 1]], "nominal", [], start)


def _described(toks: list[Token], j: int) -> bool:
    """"the suspect", "the 55-year-old", "the singer": a singular person described, not named; "the"
    within three words before it and nothing but modifiers between."""
    t = toks[j]
    if t.is_capitalised or not t.is_word or t.low in FUNCTION_WORDS or t.low in DOCUMENT_NOUNS or (
            t.low.endswith("s") and not t.low.endswith("ss")) or cue_base(t.low) or VERB_FORMS.get(t.low):
        return False
    for k in range(j - 1, max(-1, j - 4), -1):
        if toks[k].low == "the":
            return True
        if not toks[k].is_word or toks[k].low in FUNCTION_WORDS or (
                toks[k].is_capitalised and bare(toks[k].text) not in DEMONYMS):  # "the British royal"
            return False
    return False


def _organisation_chain(toks: list[Token], k: int) -> int | None:
    """Where an organisation's name starts when the name run at ``k`` completes it after "of" or "for"
    ("University of California", "U.S. Attorney's Office for the Western District of New York"): a run
    ending in an organisation's head before the "of" or "for" (with an office-holder's possessive before
    it: "Attorney's Office"); else None ("Colin Hughes of Shore Capital" is a person and his firm)."""
    start, found = k, False
    while True:
        m = start - 1
        if m >= 0 and toks[m].low == "the":
            m -= 1
        if m < 1 or toks[m].low not in {"of", "for"} or not is_name_word(toks[m - 1]) or toks[m - 1].text.endswith(
                ("’s", "'s")) or bare(toks[m - 1].text) not in ORG_HEADS | _DIVISIONS:
            break
        s = name_run_left(toks, m - 1)
        if s >= 1 and toks[s - 1].is_capitalised and toks[s - 1].text.endswith(POSSESSIVE_ENDINGS) and (
                is_title_word(toks[s - 1].text)):
            s = name_run_left(toks, s - 1)
        start, found = s, found or bare(toks[m - 1].text) in ORG_HEADS
    return start if found else None


# A territory inside an organisation's name: "the Western District of New York", "the Ninth Circuit".
_DIVISIONS = frozenset({"district", "county", "state", "province", "region", "circuit", "division"})


def phrase_left(toks: list[Token], j: int, vocabulary: frozenset[str]) -> Phrase | None:
    if j < 0:
        return None
    t = toks[j]
    if t.low in PRONOUNS and not t.quoted:
        return Phrase([t.text], "pronoun", [], j)
    if is_name_word(t) and not t.text.endswith(POSSESSIVE_ENDINGS):
        k = trim_run(toks, name_run_left(toks, j), j, vocabulary)
        chain = _organisation_chain(toks, k)
        first = k if chain is None else chain
        m = first - 1 if first >= 1 and toks[first - 1].low != "the" else first - 2
        if m >= 1 and toks[m].low in {"of", "at"} and (chain is not None or toks[first - 1].low == "the"):
            if is_name_word(toks[m - 1]):
                # "Dan Ray of the Department of Health said": the person, not the body he works for.
                inner = phrase_left(toks, m - 1, vocabulary)
                return inner if inner is not None and inner.kind == "name" and not is_organisation(
                    inner.words) else None
            if toks[m].low == "at":
                return None  # "an analyst at the Bank of England said": nobody named
        if chain is not None:
            if m >= 1 and toks[m].low in {"of", "at"}:
                # "the president of the Bank of England said": the president; "an analyst at the Bank of
                # England said": nobody named.
                head = nominal_left(toks, m - 1) if toks[m].low == "of" and toks[m - 1].is_word else None
                if head is not None and bare(toks[m - 1].text) in ROLE_HEADS:
                    return Phrase([x.text for x in toks[head.start:j + 1]], "nominal", [], head.start)
                return None
            # "the U.S. Attorney's Office for the Western District of New York said": one body's name.
            return Phrase([x.text for x in toks[chain:j + 1]], "organisation", [], chain)
        # "the chairman of the Karachi Port Trust said": the speaker is the chairman.
        m = k - 1
        if m >= 0 and toks[m].low == "the":
            m -= 1
        if m >= 1 and toks[m].low == "of":
            head = nominal_left(toks, m - 1) if toks[m - 1].is_word else None
            if head is not None and bare(toks[m - 1].text) in ROLE_HEADS:
                words = [x.text for x in toks[head.start:j + 1]]
                return Phrase(words, "nominal", [], head.start)
        if k >= 2 and toks[k - 1].low in {"of", "at"}:
            # "Colin Hughes of Shore Capital said": the name before the affiliation speaks; an affiliation
            # after a role ("an analyst at Shore Capital said") leaves no named speaker.
            inner = phrase_left(toks, k - 2, vocabulary) if is_name_word(toks[k - 2]) else None
            if inner is not None and inner.kind == "name" and not is_organisation(inner.words):
                return inner
            return None
        run = [x.text for x in toks[k:j + 1]]
        if k >= 1 and toks[k - 1].low in DETERMINERS and bare(run[-1]) in ROLE_HEADS:
            # "the Prime Minister", "the CEO", "the California Democrat": an office written with capitals
            # after an article is a role, not a name.
            return Phrase([toks[k - 1].text, *run], "nominal", [], k - 1)
        lead = next((n for n in range(1, len(run) - 1) if bare(run[n - 1]) in PLACES), None)
        if lead is not None and all(x[:1].isupper() for x in run[lead:]) and not any(
                bare(x) in PLACES for x in run[lead:]):
            # "ambassador to Britain Liu Xiaming": a place, then the person's name.
            return Phrase(run[lead:], "name", [], k + lead)
        if posted_to(toks, k):
            # "China's ambassador to Britain accused": the ambassador, not Britain.
            head = nominal_left(toks, k - 2)
            if head is not None:
                return Phrase([x.text for x in toks[head.start:j + 1]], "nominal", [], head.start)
        prefix, start = role_words_left(toks, k)
        if start >= 2 and toks[start - 1].low == "and" and is_name_word(toks[start - 2]):
            return None  # "Barr and Ode said": two people at once, neither alone
        if start > 1 and toks[start - 1].low == "in" and bare(toks[start - 2].text) in _MISSIONS and (
                toks[start - 2].is_capitalised):
            # "The British Embassy in Paris said": the mission, named with its city.
            m = name_run_left(toks, start - 2)
            return Phrase([x.text for x in toks[m:j + 1]], "organisation", [], m)
        body = _voice_of(toks, k, j)
        if body is not None:
            return body
        if start > 0 and toks[start - 1].low in _PREPOSITIONS:
            return None  # "Shop owners on Market Street warned": the name ends a prepositional phrase
        return Phrase([x.text for x in toks[k:j + 1]], "name", prefix, start)
    if t.low in _TEAM and j >= 3 and toks[j - 1].low in {"his", "her", "their"} and toks[j - 2].low == "and":
        return phrase_left(toks, j - 3, vocabulary)  # "Paganini and his team wrote": Paganini
    if t.is_word and not t.is_capitalised:
        nominal = nominal_left(toks, j)
        m = nominal.start - 1 if nominal is not None else -1
        if m >= 1 and toks[m].low == "of" and is_name_word(toks[m - 1]):
            # "Inspector Rachel Obi of Ashcombe police said", "Jo Park of the city's police said": the
            # person before the affiliation speaks, as with a capitalised body ("Dan Ray of the Department").
            inner = phrase_left(toks, m - 1, vocabulary)
            if inner is not None and inner.kind == "name" and not is_organisation(inner.words):
                return inner
        return nominal
    return None


# What a source says its words in: "according to a statement from Acme", "an email by the mayor".
SAID_IN = frozenset({"statement", "statements", "letter", "letters", "email", "emails", "e-mail", "memo", "message",
                     "messages", "post", "posts", "tweet", "tweets", "remarks", "testimony", "interview", "briefing",
                     "speech", "filing", "note", "notice", "announcement", "release", "press release"})


# Unnamed sources whose words reach the article through a named one: "according to industry sources cited
# by DigiTimes", "two people quoted by Reuters".
_RELAYED_SOURCES = frozenset({"sources", "people", "officials", "insiders", "analysts", "executives", "persons",
                              "experts", "diplomats", "source", "official", "insider", "person"})
_RELAYING = frozenset({"cited", "quoted", "interviewed", "contacted", "polled", "surveyed", "consulted"})


def _relayed_by(toks: list[Token], k: int) -> Phrase | None:
    """"industry sources cited by hit-or-miss Taiwanese publication DigiTimes": the named body or person
    who relays unnamed sources (at most three modifiers before the sources); else None."""
    for j in range(k, min(k + 4, len(toks) - 3)):
        if not toks[j].is_word or toks[j].is_capitalised and j > k:
            return None
        if toks[j].low in _RELAYED_SOURCES:
            if toks[j + 1].low in _RELAYING and toks[j + 2].low == "by":
                found = phrase_right(toks, j + 3)
                return found if found is not None and found.kind in {"name", "organisation"} else None
            return None
    return None


def phrase_right(toks: list[Token], i: int) -> Phrase | None:
    """The speaker after an inverted cue or "according to": "said Hatami", "said the union leader"."""
    if i >= len(toks):
        return None
    t = toks[i]
    if t.low in PRONOUNS:
        return None  # "said he had" is a clause, not an inverted speaker
    k = i
    if t.low in DETERMINERS - {"that", "this"}:  # "said that Rudolph ...": a clause, not "that Rudolph"
        k += 1
    elif t.low in {"that", "this"}:
        return None
    if k < len(toks) and (toks[k].low in DOCUMENT_NOUNS or toks[k].low in SAID_IN) and not (
            k + 1 < len(toks) and bare(toks[k + 1].text) in ROLE_HEADS):  # "study co-author X" is a person
        # "according to figures published by NHS England", "a report from the IMF": the body that wrote it.
        for j in range(k + 1, min(k + 5, len(toks) - 1)):
            if not toks[j].is_word:
                break
            if toks[j].low in {"by", "from"}:
                found = phrase_right(toks, j + 1)
                return found if found is not None and found.kind == "name" else None
        return None
    relayed = _relayed_by(toks, k)
    if relayed is not None:
        return relayed
    end = k
    while end < len(toks) and toks[end].is_word and end - k < 8:
        w = toks[end]
        if w.low in FUNCTION_WORDS and not (w.low in PARTICLES and end + 1 < len(toks)
                                            and is_name_word(toks[end + 1])) and not (
                # "Bank of England", "Secretary of State"; not "Rosaly Lopes of NASA"
                w.low == "of" and end > k and end + 1 < len(toks) and is_name_word(toks[end + 1])
                and _joins_of(toks[end - 1])) and not (
                # "The We Company": a capitalised function word between name words
                w.is_capitalised and end > i and end + 1 < len(toks) and is_name_word(toks[end + 1])) and not (
                w.low == "for" and end + 1 < len(toks) and is_name_word(toks[end + 1]) and end > k
                and bare(toks[end - 1].text) in ORG_HEADS and toks[end - 1].is_capitalised):
            break  # "Office for Budget Responsibility" stays one name
        if cue_base(w.low) and not w.is_capitalised:
            break
        end += 1
    words = toks[i:end]
    if not words:
        return None
    # End on a name or a role head; "the union leader Ahmed" is cut at the last name word.
    while words and not (is_name_word(words[-1]) or bare(words[-1].text) in ROLE_HEADS | ORG_HEADS
                         or is_plural_role(words[-1].text)):
        words = words[:-1]
    if not words:
        return None
    # "of the Karachi Port Trust" after a role head belongs to the role.
    if end < len(toks) and toks[end].low == "of" and bare(words[-1].text) in ROLE_HEADS:
        rest = end + 1
        if rest < len(toks) and toks[rest].low == "the":
            rest += 1
        stop = rest
        while stop < len(toks) and is_name_word(toks[stop]):
            stop += 1
        if stop > rest:
            words = toks[i:stop]
    if end < len(toks) and toks[end].low == "for" and bare(words[-1].text) in _VOICES:
        # "said a spokeswoman for Northfield Council": the council.
        rest = end + 2 if end + 2 < len(toks) and toks[end + 1].low == "the" else end + 1
        stop = rest
        while stop < len(toks) and is_name_word(toks[stop]) and not toks[stop].text.endswith(POSSESSIVE_ENDINGS):
            stop += 1
        if stop > rest and (body := _voice_of(toks, rest, stop - 1)) is not None:
            return body
    # "The US Embassy in New Delhi", "the Consulate in Lagos": a mission's name holds its city.
    last = i + len(words)
    if bare(words[-1].text) in _MISSIONS and words[-1].is_capitalised and last + 1 < len(toks) and (
            toks[last].low == "in" and is_name_word(toks[last + 1])):
        stop = last + 1
        while stop < len(toks) and is_name_word(toks[stop]):
            stop += 1
        return Phrase([t.text for t in toks[i:stop] if t.low != "the"], "organisation", [], i)
    texts = [w.text for w in words]
    if is_name_word(words[-1]):
        # A name, perhaps after a lowercase role: "finance minister Asad Umar".
        k = len(words) - 1
        while k > 0 and (is_name_word(words[k - 1]) or (
                k >= 2 and words[k - 1].low in {"of", "for"} | PARTICLES and is_name_word(words[k - 2]))):
            k -= 1
        # "Fox's Ed Ray", "the Journal's Ana Li": the name after an outlet's possessive is the person.
        cut = max((n + 1 for n in range(k, len(words) - 1) if words[n].text.endswith(POSSESSIVE_ENDINGS)), default=k)
        if cut > k:
            return Phrase([w.text for w in words[cut:]], "name", [], i + cut)
        prefix = [w.text for w in words[:k] if w.low not in DETERMINERS]
        # A lowercase description before the name is its role: "said planetary geologist Rosa Lomas".
        if not prefix or bare(prefix[-1]) in ROLE_HEADS or prefix[-1].isalpha() and prefix[-1].islower():
            return Phrase([w.text for w in words[k:]], "name", prefix, i)
    return Phrase(texts, "nominal", [], i)


def _voice_of(toks: list[Token], k: int, j: int) -> Phrase | None:
    """The body a spokesperson speaks for, when the name run ``k``..``j`` follows "a spokesperson for
    (the)": an organisation, never a person ("a spokesman for Dale Prior" leaves the words unattributed)."""
    m = k - 2 if k >= 2 and toks[k - 1].low == "the" else k - 1
    if m < 1 or toks[m].low != "for" or bare(toks[m - 1].text) not in _VOICES:
        return None
    words = [t.text for t in toks[k:j + 1]]
    if not is_organisation(words) and looks_like_name(split_title(words)[1]):
        return None
    return Phrase(words, "organisation", [], k)


def _joins_of(t: Token) -> bool:
    """Whether "of" after ``t`` stays inside a name: after an organisation's or an office's head
    ("Bank of England", "Secretary of State"), not after a person's name ("Lopes of NASA")."""
    w = bare(t.text)
    return w in ORG_HEADS or w in ROLE_HEADS or not is_name_word(t)


def is_role(seg: list[Token]) -> bool:
    if any(cue_base(t.low) or t.low in {"who", "which", "that"} or t.quoted for t in seg):
        return False
    before_of = []
    for t in seg:
        if t.low == "of":
            break
        before_of.append(t)
    return any(bare(t.text) in ROLE_HEADS for t in before_of)


def opens_sentence(toks: list[Token], tok: int) -> bool:
    k = tok - 1
    while k >= 0 and toks[k].sentence == toks[tok].sentence and (
            is_title_word(toks[k].text) or bare(toks[k].text) in ROLE_HEADS or toks[k].low in DETERMINERS):
        k -= 1
    if k < 0 or toks[k].sentence != toks[tok].sentence:
        return True
    # A dateline before the subject: "LONDON: Chancellor X", "NEWARK, N.J. — X".
    if toks[k].text in {":", "—", "–"} and k >= 1:
        head = [t for t in toks[:k] if t.sentence == toks[tok].sentence]
        return (len(head) == k and head[0].text.isupper() and len(head[0].text) > 1
                and all(not t.is_word or t.is_capitalised for t in head))
    return False


# Words that open an introductory adverbial before a sentence's subject: "As of October, Emirates ...",
# "On Monday, the airline ...", "Last year, Acme ...".
_INTRODUCTORY = _PREPOSITIONS | {"as", "after", "before", "since", "during", "last", "this", "earlier", "later",
                                 "until", "despite", "following", "within", "throughout", "in", "by", "when"}
_MAX_INTRODUCTORY = 10
_CONJUNCTIONS = frozenset({"but", "and", "yet", "so", "still", "meanwhile", "now", "then"})


def opens_clause(toks: list[Token], tok: int) -> bool:
    """Whether the words at ``tok`` are their sentence's subject: they open it, or follow a short
    introductory adverbial closed by a comma ("As of October, Emirates had ...")."""
    if opens_sentence(toks, tok):
        return True
    k = tok - 1
    while k >= 0 and toks[k].sentence == toks[tok].sentence and toks[k].low in DETERMINERS:
        k -= 1
    if k >= 0 and toks[k].low in _CONJUNCTIONS and (k == 0 or toks[k - 1].sentence != toks[tok].sentence):
        return True  # "But Emirates cut its order"
    if k < 1 or toks[k].text != ",":
        return False
    first = k - 1
    while first > 0 and toks[first - 1].sentence == toks[tok].sentence:
        first -= 1
    head = toks[first:k]
    return (toks[first].low in _INTRODUCTORY and len(head) <= _MAX_INTRODUCTORY
            and not any(t.text in {",", ";", ":"} or t.quoted for t in head))
