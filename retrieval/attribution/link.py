"""Stage 4, linking: each cue to the noun phrase that is its source.

- The subject before the cue, past auxiliaries, negations and adverbials ("Lee on Monday accused",
  "did not respond"), and past appositions and relative clauses ("Ortiz, who ..., said", "X, 45, a
  trader, said", "The chairman of the trust, X, said", "X of Org said").
- The speaker after an inverted cue, "according to" or a passive "by" ("“...,” said Dana Wu, an
  analyst", "according to Fox's Ed Ray", "first reported by The Journal", "emails released by X").
- A participle ("..., saying that ...", "Insisting it was real, Hale ...") takes the main clause's
  subject; an evidence cue ("the report by X found") takes the document's author, or nobody.
"""
from __future__ import annotations

from dataclasses import dataclass

from .cues import Cue
from .lexicon import BETWEEN, DOCUMENT_NOUNS, ORG_HEADS, ORG_NOMINALS, PLACES, bare, is_plural_role
from .phrases import PRONOUNS, Phrase, is_name_word, is_role, phrase_left, phrase_right
from .registry import is_organisation, looks_like_name, split_title
from .tokens import QUOTE_MARKS, Token

_ASIDE_PREPOSITIONS = {"via", "in", "on", "at", "during", "after", "before", "through", "for", "with", "like",
                       "unlike", "too"}
_SEGMENT = 24  # words in one comma-delimited apposition or relative clause between a speaker and the verb


@dataclass(frozen=True)
class Link:
    """A cue and the phrase naming its source; ``same_as_main`` when a participle shares the main
    clause's source (resolved to whoever that clause's cue named)."""

    cue: Cue
    phrase: Phrase | None
    same_as_main: bool = False


def link(toks: list[Token], cue: Cue, vocabulary: frozenset[str]) -> Link | None:
    if cue.participle:
        return _participle(toks, cue, vocabulary)
    if cue.text == ":":
        # "Ana Li, The Tribune: “...”": the name that opens the line, before any outlet after it.
        found = _sentence_subject(toks, cue.position)
        return Link(cue, found) if found is not None else None
    phrase = None
    if cue.subject_end is not None and cue.subject_end >= 0:
        j = cue.subject_end
        if cue.kind == "evidence":
            return _document_author(toks, cue, vocabulary)
        if toks[j].text == ",":
            phrase = _across_comma(toks, j, vocabulary)
        else:
            phrase = phrase_left(toks, j, vocabulary)
            if phrase is not None and phrase.kind == "nominal" and is_plural_role(phrase.words[-1]):
                phrase = None
    if phrase is None and cue.right is not None:
        phrase = phrase_right(toks, cue.right)
    return Link(cue, phrase) if phrase is not None else None


def _opens_with_determiner(toks: list[Token], k: int) -> str | None:
    """When the clause before the comma at ``k`` is one noun phrase opening its sentence with a
    determiner ("The group that owns most of her music"), its head noun ("group"); else None."""
    s = k
    while s > 0 and toks[s - 1].sentence == toks[k].sentence:
        s -= 1
    if toks[s].low in {"the", "a", "an"} and s + 1 < k and not any(
            t.text in {",", ";", ":"} or t.quoted for t in toks[s:k]):
        return toks[s + 1].low
    return None


def _participle(toks: list[Token], cue: Cue, vocabulary: frozenset[str]) -> Link | None:
    i = cue.position
    sentence = toks[i].sentence
    start = i
    while start > 0 and toks[start - 1].sentence == sentence:
        start -= 1
    if start == i or toks[start].text in QUOTE_MARKS and start + 1 == i:
        # "Insisting it was real, Hale ...": the subject after the participle's clause.
        k = i + 1
        while k < len(toks) and toks[k].sentence == sentence and toks[k].text != ",":
            if toks[k].quoted:
                return None
            k += 1
        if k + 1 >= len(toks) or toks[k].text != ",":
            return None
        if toks[k + 1].low in PRONOUNS:
            return Link(cue, Phrase([toks[k + 1].text], "pronoun", [], k + 1))
        found = phrase_right(toks, k + 1)
        return Link(cue, found) if found is not None else None
    # "..., saying that": the source the main clause's cue named, else its subject.
    return Link(cue, _sentence_subject(toks, i), same_as_main=True)


def _sentence_subject(toks: list[Token], i: int) -> Phrase | None:
    """The noun phrase that opens the sentence holding token ``i`` (after a dateline)."""
    s = i
    while s > 0 and toks[s - 1].sentence == toks[i].sentence:
        s -= 1
    if s + 1 < i and toks[s].text.isupper() and toks[s + 1].text in {":", "—", "–"}:
        s += 2  # "LONDON: ..."
    if toks[s].quoted:
        return None
    if toks[s].low in PRONOUNS:
        return Phrase([toks[s].text], "pronoun", [], s)
    return phrase_right(toks, s)


def _document_author(toks: list[Token], cue: Cue, vocabulary: frozenset[str]) -> Link | None:
    """"a report by the IMF found", "Gallup's poll shows", "a Pew Research Center survey found"."""
    j = cue.subject_end
    assert j is not None
    head = j
    k = head - 1
    while k >= 0 and toks[k].is_word and not toks[k].quoted and head - k <= 6:
        if toks[k].low in DOCUMENT_NOUNS:
            head = k  # "the report by the IMF found": walk back to the document
        k -= 1
    # "by/from X" between the document and the verb.
    for n in range(head + 1, j):
        if toks[n].low in {"by", "from"}:
            found = phrase_right(toks, n + 1)
            if found is not None and found.kind == "name":
                return Link(cue, found)
    # A name just before the document: "Gallup's poll", "a Pew Research Center survey".
    if head >= 1 and is_name_word(toks[head - 1]):
        found = phrase_left(toks, head - 1, vocabulary)
        if found is not None and found.kind == "name":
            return Link(cue, found)
    return None


def _across_comma(toks: list[Token], j: int, vocabulary: frozenset[str]) -> Phrase | None:
    """"X, the minister, said" / "X, 45, a trader, said" / "X, who ..., said" / "X, meanwhile, said" /
    "The chairman of the trust, X, said"."""
    for _ in range(4):  # up to four comma-delimited segments between the speaker and the verb
        k = j - 1
        while k >= 0 and toks[k].text != "," and j - k <= _SEGMENT:
            if toks[k].quoted or toks[k].text in QUOTE_MARKS or toks[k].text in {".", ";"}:
                return None
            k -= 1
        if k < 1 or toks[k].text != ",":
            return None
        middle = toks[k + 1:j]
        if not middle:
            return None
        named = middle[1:] if middle[0].low == "the" and len(middle) > 1 else middle  # "The We Company"
        if all(is_name_word(t) for t in named) and (looks_like_name(split_title([t.text for t in named])[1])
                                                    or is_organisation([t.text for t in named])):
            before = phrase_left(toks, k - 1, vocabulary)
            # "The chairman of the trust, X, said"; "The group that owns her music, Big Machine, says".
            opening = _opens_with_determiner(toks, k)
            if before is not None and before.kind == "nominal" or opening is not None:
                # Named in apposition to "the company", "the group": an organisation whatever its name.
                head = bare(before.words[-1]) if before is not None and before.kind == "nominal" else opening
                kind = "organisation" if head in ORG_NOMINALS | ORG_HEADS else "name"
                return Phrase([t.text for t in named], kind, [], k + 1 + len(middle) - len(named))
        first = middle[0].low
        filler = all(t.low in BETWEEN or t.low.endswith("ly") or t.low in {"meanwhile", "however", "though"}
                     for t in middle) or (first.endswith("ing") and not middle[0].is_capitalised) or (
            first in _ASIDE_PREPOSITIONS)  # "X, via USA Today, said", "X, in a statement, said"
        age = len(middle) == 1 and middle[0].text.isdigit()
        apposition = first in {"the", "a", "an", "who", "his", "her", "its", "their"} or bare(
            middle[0].text) in PLACES or is_role(middle)
        place = len(middle) <= 3 and all(is_name_word(t) for t in middle) and j - k > 1 and k >= 1 and (
            toks[k - 1].is_capitalised)  # "... in Greenbelt, Maryland, said": a place after a place
        if not (filler or apposition or age or place):
            return None
        if place and not (filler or apposition or age):
            j = k
            continue
        phrase = phrase_left(toks, k - 1, vocabulary)
        if phrase is not None and phrase.kind in {"name", "nominal"}:
            return phrase
        j = k  # "X, 45, a dock worker, said": try the segment before
    return None

