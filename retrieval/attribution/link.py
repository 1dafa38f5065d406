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
from .lexicon import (POSSESSIVE_ENDINGS, BETWEEN, DOCUMENT_NOUNS, FUNCTION_WORDS, ORG_HEADS, ORG_NOMINALS, PLACES, bare, cue_base,
                      is_plural_role)
from .phrases import OBJECT_PRONOUNS, PRONOUNS, SAID_IN, Phrase, is_name_word, is_role, name_run_left, phrase_left, phrase_right
from .registry import is_organisation, looks_like_name, split_title
from .tokens import QUOTE_MARKS, Token

_ASIDE_PREPOSITIONS = {"via", "in", "on", "at", "during", "after", "before", "through", "for", "with", "like",
                       "unlike", "too", "of", "from", "when", "while", "if", "as"}  # "X, of Dayton, said"
_DASHES = {"—", "–"}
_SEGMENT = 24  # words in one comma-delimited apposition or relative clause between a speaker and the verb


@dataclass(frozen=True)
class Link:
    """A cue and the phrase naming its source; ``same_as_main`` when a participle shares the main
    clause's source (resolved to whoever that clause's cue named)."""

    cue: Cue
    phrase: Phrase | None
    same_as_main: bool = False
    coordinated: bool = False  # "X deny ... and say": the source of the cue just before it, else ``phrase``


def link(toks: list[Token], cue: Cue, vocabulary: frozenset[str]) -> Link | None:
    if cue.participle:
        return _participle(toks, cue, vocabulary)
    if cue.after_with is not None:
        # "with Audi suggesting that ...": the phrase between "with" and the cue, read up to the cue.
        found = phrase_right(toks[:cue.position], cue.after_with + 1)
        return Link(cue, found) if found is not None else None
    if cue.text == ":":
        # "Ana Li, The Tribune: “...”", "Buckley, who phoned in, had a similar experience: “...”": the
        # name, pronoun or body ("a spokesperson for the council") that opens the clause, after any
        # quotation closed before it ("“...” Smith agreed: “...”"); a thing ("The sign read: “...”") is nobody.
        found = _sentence_subject(toks, cue.position, after_quotes=True)
        if found is None or found.kind not in {"name", "pronoun", "organisation"} or (
                len(found.words) == 1 and found.words[0].lower() in vocabulary):
            return None  # "Job cuts will come:" opens with a common word, not a name
        return Link(cue, found)
    phrase = None
    if cue.subject_end is not None and cue.subject_end >= 0 and toks[cue.subject_end].low in {"and", "but"} and (
            cue.kind == "speech" and cue.right is None):
        # The second verb of a coordination ("Hong Kong police have laid siege ... and threatened", "the
        # city's police deny ... and say"): the subject the verbs share.
        return Link(cue, _sentence_subject(toks, cue.position), same_as_main=True, coordinated=True)
    if cue.subject_end is not None and cue.subject_end >= 0:
        j = cue.subject_end
        if cue.kind == "evidence":
            return _document_author(toks, cue, vocabulary)
        if (toks[j].low in DOCUMENT_NOUNS or toks[j].low in SAID_IN) and j >= 1 and toks[j - 1].text.endswith(
                ("’s", "'s")) and toks[j - 1].is_capitalised:
            # "The Wrap's report claims", "Whitfield's statement said": the author's words.
            return _document_author(toks, cue, vocabulary)
        if _said_in_from(toks, j):
            # "A statement from Acme said", "a letter by the mayor said": the author's words.
            return _document_author(toks, cue, vocabulary)
        if toks[j].low == "who" and j >= 2 and toks[j - 1].text == "," and is_name_word(toks[j - 2]):
            # "the view of Dana Whitfield, who says ...": the name the relative clause is about.
            found = phrase_left(toks, j - 2, vocabulary)
            return Link(cue, found) if found is not None and found.kind == "name" else None
        j = _before_dashes(toks, j)
        if toks[j].text == "," and j >= 1 and toks[j].start > toks[j - 1].end and toks[j - 1].is_word:
            # "Senate President Bukola Saraki , said": a comma set off by spaces, with nothing between it
            # and the verb, is the page's spacing, not an apposition's end.
            phrase = _across_comma(toks, j, vocabulary)
            if phrase is None and (left := phrase_left(toks, j - 1, vocabulary)) is not None and (
                    left.kind in {"name", "organisation"}):
                phrase = left
        elif toks[j].text == ",":
            phrase = _across_comma(toks, j, vocabulary)
            phrase = _relative_clauses_head(toks, j, phrase, vocabulary) or phrase
        else:
            phrase = phrase_left(toks, j, vocabulary)
            if phrase is not None and phrase.kind == "nominal" and is_plural_role(phrase.words[-1]):
                phrase = None
            if phrase is None or phrase.kind not in {"name", "pronoun"}:
                phrase = _unclosed_apposition(toks, cue, vocabulary) or phrase
    if phrase is None and cue.right is not None:
        phrase = phrase_right(toks, cue.right)
        k = cue.right
        if phrase is None and (cue.text == "according to" or cue.text.endswith(" by")) and k < len(toks) and (
                toks[k].low in OBJECT_PRONOUNS and (k + 1 == len(toks) or not toks[k + 1].is_word)):
            # "..., according to her.", "was criticised by him,": a pronoun as the object (not "her lawyer").
            phrase = Phrase([toks[k].text], "pronoun", [], k)
        if phrase is not None and phrase.kind == "nominal":
            phrase = _named_after(toks, phrase) or phrase
    return Link(cue, phrase) if phrase is not None else None


def _named_after(toks: list[Token], nominal: Phrase) -> Phrase | None:
    """"“...,” said her deputy, Tom Barr.": the name in apposition after the role is the speaker."""
    k = nominal.start + len(nominal.words)
    if k + 1 >= len(toks) or toks[k].text != "," or not is_name_word(toks[k + 1]):
        return None
    end = k + 1
    while end + 1 < len(toks) and is_name_word(toks[end + 1]):
        end += 1
    words = [t.text for t in toks[k + 1:end + 1]]
    if end + 1 < len(toks) and toks[end + 1].is_word or not looks_like_name(split_title(words)[1]):
        return None  # "said the minister, Ali Khan of ..." reads on; "said the agency, Reuters" is no person
    return Phrase(words, "name", [w for w in nominal.words if w.lower() not in {"the", "a", "an"}], k + 1)


# (A single ’ is also an apostrophe: it breaks a clause only as a quotation mark, that is when quoted.)
_DOUBLE_MARKS = QUOTE_MARKS - {"‘", "’"}
_CLAUSE_BREAKS = {",", ";", ":", "—", "–", "(", ")"} | _DOUBLE_MARKS
_CONTRAST = {"but", "while", "whereas", "although", "though", "yet"}


def outer_only(toks: list[Token], links: list[Link]) -> list[Link]:
    """Drop the cues inside another source's reported clause: in "Volker said the call made him realize
    the president still believed ...", "Zoghlin said that Carlineo never intended ...", the words are
    Volker's and Zoghlin's (a nested attribution is the outer source's). A cue is nested when it follows
    a speech cue whose subject precedes it in the same sentence with no clause break between them (a
    comma, a dash, a quotation, "but", "while")."""
    kept: list[Link] = []
    outer: Link | None = None
    for lk in links:
        cue = lk.cue
        if outer is not None and toks[outer.cue.position].sentence == toks[cue.position].sentence and not cue.participle:
            start = lk.phrase.start if lk.phrase is not None and lk.phrase.start < cue.position else cue.position
            between = toks[outer.cue.position + 1:start]
            if start > outer.cue.position and not any(
                    t.text in _CLAUSE_BREAKS or t.quoted and t.text in QUOTE_MARKS for t in between) and not (
                    start >= 1 and toks[start - 1].low in _CONTRAST):
                continue
        kept.append(lk)
        if (cue.kind == "speech" and not cue.participle and cue.text != ":" and lk.phrase is not None
                and lk.phrase.start < cue.position):
            outer = lk
        elif outer is not None and toks[outer.cue.position].sentence != toks[cue.position].sentence:
            outer = None
    return kept


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


def _sentence_subject(toks: list[Token], i: int, after_quotes: bool = False) -> Phrase | None:
    """The noun phrase that opens the sentence holding token ``i`` (after a dateline); with
    ``after_quotes``, after the last quotation closed on a sentence end before ``i``."""
    s = i
    while s > 0 and toks[s - 1].sentence == toks[i].sentence:
        if after_quotes and s >= 2 and toks[s - 1].text in {"”", '"', "»"} and toks[s - 2].text in {".", "!", "?"}:
            break
        s -= 1
    if s + 1 < i and toks[s].text.isupper() and toks[s + 1].text in {":", "—", "–"}:
        s += 2  # "LONDON: ..."
    if toks[s].quoted:
        return None
    if toks[s].low in PRONOUNS:
        return Phrase([toks[s].text], "pronoun", [], s)
    return phrase_right(toks, s)


_RELATIVES = frozenset({"which", "who", "whose"})


def _relative_clauses_head(toks: list[Token], j: int, found: Phrase | None, vocabulary: frozenset[str]) -> Phrase | None:
    """"The company, whose shares have fallen since the chief executive, Tom Reyes, resigned, confirmed":
    a source found inside a relative clause that follows the sentence's opening phrase is not the
    verb's subject; that opening phrase is (the comma at ``j`` closes the clause). None when the sentence
    does not open so, or the source found stands before the clause."""
    s = j
    while s > 0 and toks[s - 1].sentence == toks[j].sentence:
        s -= 1
    k = next((k for k in range(s + 2, j) if toks[k].low in _RELATIVES and toks[k - 1].text == ","), None)
    if k is None or found is not None and found.start < k or any(t.quoted for t in toks[s:j]):
        return None
    head = phrase_left(toks, k - 2, vocabulary)
    if head is None or head.start != s and not (head.start == s + 1 and toks[s].low == "the"):
        return None
    return head


def _said_in_from(toks: list[Token], j: int) -> bool:
    """Whether the subject ending at ``j`` is what a source says its words in, from or by a name ("A
    statement from Acme Corp", "a letter by Tom Reyes"): a word like "statement" opening the subject,
    "from" or "by" after it, and only words to the verb."""
    k = j
    while k >= 1 and toks[k].is_word and not toks[k].quoted and j - k <= 6:
        if toks[k].low in {"by", "from"} and toks[k - 1].low in SAID_IN:
            return k - 1 == 0 or toks[k - 2].sentence != toks[k].sentence or toks[k - 2].low in {"a", "an", "the"}
        k -= 1
    return False


def _document_author(toks: list[Token], cue: Cue, vocabulary: frozenset[str]) -> Link | None:
    """"a report by the IMF found", "Gallup's poll shows", "a Pew Research Center survey found"."""
    j = cue.subject_end
    assert j is not None
    head = j
    k = head - 1
    while k >= 0 and toks[k].is_word and not toks[k].quoted and head - k <= 6:
        if toks[k].low in DOCUMENT_NOUNS or toks[k].low in SAID_IN and toks[k + 1].low in {"by", "from"}:
            head = k  # "the report by the IMF found", "a statement from Acme said": walk back to the document
        k -= 1
    # "by/from X" between the document and the verb.
    for n in range(head + 1, j):
        if toks[n].low in {"by", "from"}:
            found = phrase_right(toks, n + 1)
            if found is not None and found.kind == "name":
                return Link(cue, found)
    # A name just before the document: "Gallup's poll", "The Wrap's report", "a Pew Research Center survey".
    if head >= 1 and is_name_word(toks[head - 1]):
        if toks[head - 1].text.endswith(POSSESSIVE_ENDINGS):
            s = name_run_left(toks, head - 1)
            return Link(cue, Phrase([t.text for t in toks[s:head]], "name", [], s))
        found = phrase_left(toks, head - 1, vocabulary)
        if found is not None and found.kind == "name":
            return Link(cue, found)
    return None


def _across_comma(toks: list[Token], j: int, vocabulary: frozenset[str]) -> Phrase | None:
    """"X, the minister, said" / "X, 45, a trader, said" / "X, who ..., said" / "X, meanwhile, said" /
    "The chairman of the trust, X, said" / "X, a scientist at Y in Greenbelt, Maryland, and Z, said" /
    "X, the brother of the heir, Charles, said" / "Sen. X, R-Texas, said"."""
    passed = False  # a segment was passed over (a place, a list's "and ...", a name inside an apposition)
    for _ in range(5):  # up to five comma-delimited segments between the speaker and the verb
        k = _segment_start(toks, j)
        if k is None:
            return None
        if k < 1 or toks[k].text != ",":
            if passed and k <= 0 or (k >= 0 and toks[k].sentence != toks[j].sentence):
                # The segments passed over follow the sentence's opening phrase: "Sen. X, R-Texas, said".
                phrase = phrase_left(toks, j - 1, vocabulary)
                return phrase if phrase is not None and phrase.kind == "name" else None
            return None
        middle = toks[k + 1:j]
        if not middle:
            return None
        named = middle[1:] if middle[0].low == "the" and len(middle) > 1 else middle  # "The We Company"
        described = _described_name(named)  # "That chairman, property developer Victor Hale, said"
        if described is not None:
            named = described
        texts = [t.text for t in named]
        # A body's name may hold a capitalised function word: "The We Company", "This American Life".
        if (all(is_name_word(t) for t in named) and looks_like_name(split_title(texts)[1])) or (
                all(t.is_word and t.is_capitalised for t in named) and is_organisation(texts)):
            before = phrase_left(toks, k - 1, vocabulary)
            # "The chairman of the trust, X, said"; "The group that owns her music, Big Machine, says".
            opening = _opens_with_determiner(toks, k)
            if before is not None and before.kind == "nominal" and (
                    _first_words(toks, before.start) or toks[before.start - 1].text == ",") or opening is not None:
                # Named in apposition to "the company", "the group": an organisation whatever its name.
                head = bare(before.words[-1]) if before is not None and before.kind == "nominal" else opening
                kind = "organisation" if head in ORG_NOMINALS | ORG_HEADS else "name"
                return Phrase([t.text for t in named], kind, [], k + 1 + len(middle) - len(named))
            earlier = _segment_start(toks, k)
            if earlier is not None and earlier >= 1 and toks[earlier].text == "," and _is_apposition(toks[earlier + 1:k]):
                # "X, the brother of the heir, Charles, said": a name closing the apposition before it.
                j, passed = k, True
                continue
        first = middle[0].low
        filler = all(t.low in BETWEEN or t.low.endswith("ly") or t.low in {"meanwhile", "however", "though"}
                     for t in middle) or (first.endswith(("ing", "ed")) and not middle[0].is_capitalised) or (
            first in _ASIDE_PREPOSITIONS)  # "X, via USA Today, said", "X, in a statement, said"
        age = len(middle) == 1 and middle[0].text.isdigit()
        apposition = _is_apposition(middle)
        place = len(middle) <= 3 and all(is_name_word(t) for t in middle) and j - k > 1 and k >= 1 and (
            toks[k - 1].is_capitalised)  # "... in Greenbelt, Maryland, said": a place after a place
        listed = first == "and"  # "X, a scientist at Y, Maryland, and Z University, said"
        if not (filler or apposition or age or place or listed):
            return _relative_clause(toks, k, vocabulary)
        if (place or listed) and not (filler or apposition or age):
            j, passed = k, True
            continue
        phrase = phrase_left(toks, k - 1, vocabulary)
        if phrase is not None and phrase.kind in {"name", "nominal"}:
            return phrase
        j, passed = k, True  # "X, 45, a dock worker, said": try the segment before
    return None


def _unclosed_apposition(toks: list[Token], cue: Cue, vocabulary: frozenset[str]) -> Phrase | None:
    """"“...,” Kurinji Selvaraj, a research analyst at the Delhi-based Council on Energy, Environment and
    Water think tank told CBS News": after a quotation, the name that opens the attribution, with an
    apposition the writer never closed before the verb. Between a closing quotation and its speech
    verb only the speaker and their description stand."""
    if cue.kind != "speech":
        return None
    i = cue.position
    k = i - 1
    while k >= 0 and i - k <= 2 * _SEGMENT and toks[k].sentence == toks[i].sentence:
        if toks[k].quoted or toks[k].text in QUOTE_MARKS:
            break
        k -= 1
    else:
        return None
    if k < 0 or not (toks[k].quoted or toks[k].text in QUOTE_MARKS):
        return None
    s = k + 1
    while s < i and toks[s].text in QUOTE_MARKS | {","}:
        s += 1
    e = s
    while e < i and is_name_word(toks[e]):
        e += 1
    if e == s or e >= i - 1 or toks[e].text != "," or not _is_apposition(toks[e + 1:i]):
        return None
    if any(t.low in {"who", "whose", "which", "that"} for t in toks[e + 1:i]):
        return None  # a clause, not a bare description: its verb may be the cue's real subject's
    phrase = phrase_left(toks, e - 1, vocabulary)
    return phrase if phrase is not None and phrase.kind == "name" and phrase.start == s else None


def _before_dashes(toks: list[Token], j: int) -> int:
    """Back over an aside between dashes or in brackets: "Andy Beshear — whose father was governor —
    promised", "Sen. Mark Rowe (R-Ohio) said"."""
    if j < 2 or toks[j].text not in _DASHES | {")"}:
        return j
    opening = _DASHES if toks[j].text in _DASHES else {"("}
    k = j - 1
    while k >= 0 and j - k <= _SEGMENT and toks[k].sentence == toks[j].sentence and not toks[k].quoted:
        if toks[k].text in opening:
            return k - 1 if k >= 1 else j
        k -= 1
    return j


def _first_words(toks: list[Token], k: int) -> bool:
    """Whether token ``k`` opens its sentence (or a quotation)."""
    return k == 0 or toks[k - 1].sentence != toks[k].sentence or toks[k - 1].text in {"“", "«", '"'}


def _relative_clause(toks: list[Token], k: int, vocabulary: frozenset[str]) -> Phrase | None:
    """"X, whose company, Acme, employs 500 people, said": a relative clause opened by ", who", ", whose"
    or ", which" after a name earlier in the sentence runs on to the verb."""
    n = k - 1
    while n >= 1 and k - n <= _SEGMENT and toks[n].sentence == toks[k].sentence and not toks[n].quoted:
        if toks[n].low in {"who", "whose"} and toks[n - 1].text == ",":
            phrase = phrase_left(toks, n - 2, vocabulary) if n >= 2 else None
            return phrase if phrase is not None and phrase.kind == "name" else None
        n -= 1
    return None


def _segment_start(toks: list[Token], j: int) -> int | None:
    """The comma opening the segment that ends before ``j`` (or the sentence's first word's index - 1 when
    none does); None when a quotation or a sentence end stands between."""
    k = j - 1
    while k >= 0 and toks[k].text != "," and j - k <= _SEGMENT:
        if toks[k].quoted or toks[k].text in _DOUBLE_MARKS or toks[k].text in {".", ";"}:
            return None
        if toks[k].sentence != toks[j].sentence:
            return k
        k -= 1
    return k if k < 0 or toks[k].text == "," else None


def _described_name(middle: list[Token]) -> list[Token] | None:
    """The name after a few lowercase words that describe its bearer, as a title does: "property developer
    Victor Hale", "former striker Tom Barr"; None when the segment is not that."""
    n = 0
    while n < len(middle) and n < 4 and middle[n].is_word and not middle[n].is_capitalised:
        t = middle[n]
        if t.low in FUNCTION_WORDS or t.low.endswith("ly") or cue_base(t.low) or t.quoted:
            return None
        n += 1
    rest = middle[n:]
    if n == 0 or not rest or not all(is_name_word(t) for t in rest):
        return None
    return rest if looks_like_name(split_title([t.text for t in rest])[1]) else None


def _is_apposition(middle: list[Token]) -> bool:
    """"the minister", "a trader", "who chairs it", "another deportee", "Vindman's superior", "Karachi"."""
    if not middle:
        return False
    first = middle[0]
    return first.low in {"the", "a", "an", "who", "whose", "which", "his", "her", "its", "their", "another",
                         "one"} or bare(
        first.text) in PLACES or is_role(middle) or (
        len(middle) >= 2 and first.is_capitalised and first.text.endswith(POSSESSIVE_ENDINGS)) or _described_by(middle)


def _described_by(middle: list[Token]) -> bool:
    """A description with no article: "mother of three", "professor at Yale", "head of research"."""
    first = middle[0]
    return (first.is_word and not first.is_capitalised and first.low not in FUNCTION_WORDS
            and not first.low.endswith(("ly", "ing", "ed")) and cue_base(first.low) is None
            and any(t.low in {"of", "at", "for"} for t in middle[1:3]) and len(middle) <= 8
            and not any(cue_base(t.low) or t.quoted for t in middle))


_OPENING_MARKS = {"“", '"', "«"}


def introduced_quotations(toks: list[Token], cues: tuple[Cue, ...]) -> list[Link]:
    """A quotation with no cue, right after a sentence with no cue whose subject is a person or body:
    "Maria Okafor was blunt. “The fares will rise.”": the one the sentence before is about speaks.
    The link's cue is the quotation's opening mark; its phrase is that sentence's subject."""
    with_cue = {toks[c.position].sentence for c in cues}
    sentences: dict[int, list[int]] = {}
    for i, t in enumerate(toks):
        sentences.setdefault(t.sentence, []).append(i)
    found: list[Link] = []
    for s, idx in sentences.items():
        before = sentences.get(s - 1)
        if before is None or s in with_cue or s - 1 in with_cue or toks[idx[0]].text not in _OPENING_MARKS:
            continue
        words = [i for i in idx if toks[i].is_word]
        if not words or sum(toks[i].quoted for i in words) * 3 < len(words) * 2:
            continue  # mostly the quotation's own words
        if toks[before[0]].quoted or sum(toks[i].is_word for i in before) > 20:
            continue  # a short sentence of the writer's own, not a quotation, introduces it
        subject = _sentence_subject(toks, before[0])
        if subject is None or subject.kind not in {"name", "pronoun", "organisation"}:
            continue
        found.append(Link(Cue(idx[0], toks[idx[0]].text), subject))
    return found
