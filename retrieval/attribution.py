"""Attribute every passage to its speaker(s) by rules about English news prose.

Comments: the author speaks; the words a reply quotes belong to the commenter it quotes.
Paragraphs: a cue (a say- or judgement verb in any form, "according to", "was quoted as saying",
"declined to comment") outside quotation marks, and the noun phrase that is its subject: before it
("X said", "X, the minister, said"), or after it where news inverts ("“...,” said X"). The subject
is a name (merged with the article's people by ``people``), an outlet, a pronoun (the most recent
compatible speaker), or a role ("the Pakistani defense minister": the person introduced with it).
A paragraph that is all quotation and has no cue continues the previous paragraph's speaker.
Precision first: a subject that cannot be resolved leaves the paragraph unattributed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .article import Article, Passage
from .cues import BETWEEN, CUE_TAILS, INVERTIBLE, PHRASAL, PHRASAL_FORMS, VERB_FORMS, cue_base
from .lexicon import (DEMONYM_OF, DEMONYMS, DETERMINERS, FUNCTION_WORDS, NAME_LIKE, HONORIFICS, NOT_NAME, ORG_HEADS, PLACES, ROLE_HEADS,
                      is_plural_role)
from .people import (Entry, Registry, bare, gender_of, holds_role, is_organisation, is_place, is_title_word, looks_like_name,
                     role_key, split_title)
from .speakers import Attribution, Cast, Person
from .tokens import QUOTE_MARKS, Token, quoted_share, tokenize

_PRONOUNS = {"he": "male", "she": "female", "they": "group", "it": "group"}
_PARTICLES = {"bin", "ibn", "al", "el", "ul", "ud", "de", "van", "von", "der", "da", "di", "du", "la", "le"}
# Punctuation after which a cue may put its speaker after it: "“...,” said X", "..., added X".
_INVERSION_LEFT = {",", "”", '"', "’", ":", "—", "–", "-"}
_PREPOSITIONS = {"on", "in", "at", "from", "near", "for", "with", "to", "by", "into", "across", "outside", "inside",
                 "against", "about", "over", "under", "between", "among", "amid", "through", "towards", "toward"}
_PASSIVE_AUX = {"was", "were", "is", "are", "be", "been", "being"}
_MAX_MODIFIERS = 5
# Documents are not speakers, but name one: "according to figures published by NHS England".
_DOCUMENTS = {"figures", "data", "statistics", "report", "reports", "survey", "study", "poll", "estimates", "research",
              "analysis", "filing", "filings", "documents", "records", "numbers"}
_FLOATING_QUOTE_SHARE = 0.6


@dataclass
class _Phrase:
    """A noun phrase next to a cue: its words, and what kind of thing names the speaker."""

    words: list[str]
    kind: str  # "name", "nominal", "pronoun"
    prefix: list[str]  # a lowercase role written before a name: "union leader" Ahmed Shaikh
    start: int  # token index of its first word

    @property
    def text(self) -> str:
        return " ".join([*self.prefix, *self.words])


@dataclass
class _Found:
    position: int
    entry: Entry
    cue: str
    evidence: str
    resolved_by: str
    note: str | None = None


# --------------------------------------------------------------------------- noun phrases


def _is_name_word(t: Token) -> bool:
    # "US" is a name word although "us" is a function word.
    return t.is_word and t.is_capitalised and (t.low not in FUNCTION_WORDS or t.low in NAME_LIKE
                                               or (t.text.isupper() and len(t.text) > 1))


def _name_run_left(toks: list[Token], j: int) -> int:
    """Index of the first word of the capitalised run ending at ``j`` ("Iranian Defense Minister ... Hatami")."""
    k = j
    while k - 1 >= 0:
        prev = toks[k - 1]
        if _is_name_word(prev) and not prev.text.endswith(("’s", "'s")):
            k -= 1
        elif prev.low in _PARTICLES and k - 2 >= 0 and _is_name_word(toks[k - 2]):
            k -= 1
        elif prev.low == "of" and k - 2 >= 0 and _is_name_word(toks[k - 2]) and bare(toks[k - 2].text) in ORG_HEADS:
            k -= 1  # "Ministry of Foreign Affairs"
        else:
            break
    return k


def _trim_run(toks: list[Token], k: int, j: int, vocabulary: frozenset[str]) -> int:
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


def _role_words_left(toks: list[Token], k: int) -> tuple[list[str], int]:
    """A lowercase role written before position ``k``: "(his Pakistani) counterpart", "union leader"."""
    i = k - 1
    if i < 0 or not toks[i].is_word or bare(toks[i].text) not in ROLE_HEADS or toks[i].is_capitalised:
        return [], k
    words = [toks[i].text]
    i -= 1
    while i >= 0 and len(words) <= _MAX_MODIFIERS:
        t = toks[i]
        if not t.is_word or t.low in FUNCTION_WORDS or VERB_FORMS.get(t.low) or t.low.endswith("ly"):
            break
        if t.is_capitalised and not (bare(t.text) in PLACES or is_title_word(t.text) or _is_name_word(t)):
            break
        words.insert(0, t.text)
        i -= 1
    start = i + 1
    opens = start == 0 or toks[start - 1].sentence != toks[start].sentence or toks[start - 1].text in {"“", "«"}
    if opens and bare(words[0]) not in PLACES and bare(words[0]) not in DEMONYMS:
        words[0] = words[0].lower()  # "Union leader Ahmed Shaikh" opens a sentence: the role is "union leader"
    return words, start


def _nominal_left(toks: list[Token], j: int) -> _Phrase | None:
    """A role phrase ending at ``j``: "The Pakistani defense minister", "Pakistan's defence minister"."""
    head = bare(toks[j].text)
    if not (head in ROLE_HEADS or head in ORG_HEADS or is_plural_role(head)):
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
    return _Phrase([t.text for t in toks[start:j + 1]], "nominal", [], start)


def _phrase_left(toks: list[Token], j: int, vocabulary: frozenset[str]) -> _Phrase | None:
    if j < 0:
        return None
    t = toks[j]
    if t.low in _PRONOUNS and not t.quoted:
        return _Phrase([t.text], "pronoun", [], j)
    if _is_name_word(t) and not t.text.endswith(("’s", "'s")):
        k = _trim_run(toks, _name_run_left(toks, j), j, vocabulary)
        # "the chairman of the Karachi Port Trust said": the speaker is the chairman.
        m = k - 1
        if m >= 0 and toks[m].low == "the":
            m -= 1
        if m >= 1 and toks[m].low == "of":
            head = _nominal_left(toks, m - 1) if toks[m - 1].is_word else None
            if head is not None and bare(toks[m - 1].text) in ROLE_HEADS:
                words = [x.text for x in toks[head.start:j + 1]]
                return _Phrase(words, "nominal", [], head.start)
        if k >= 2 and toks[k - 1].low in {"of", "at"}:
            # "Colin Hughes of Shore Capital said": the name before the affiliation speaks; an affiliation
            # after a role ("an analyst at Shore Capital said") leaves no named speaker.
            inner = _phrase_left(toks, k - 2, vocabulary) if _is_name_word(toks[k - 2]) else None
            if inner is not None and inner.kind == "name" and not is_organisation(inner.words):
                return inner
            return None
        prefix, start = _role_words_left(toks, k)
        if start > 0 and toks[start - 1].low in _PREPOSITIONS:
            return None  # "Shop owners on Market Street warned": the name ends a prepositional phrase
        return _Phrase([x.text for x in toks[k:j + 1]], "name", prefix, start)
    if t.is_word and not t.is_capitalised:
        return _nominal_left(toks, j)
    return None


def _phrase_right(toks: list[Token], i: int) -> _Phrase | None:
    """The speaker after an inverted cue or "according to": "said Hatami", "said the union leader"."""
    if i >= len(toks):
        return None
    t = toks[i]
    if t.low in _PRONOUNS:
        return None  # "said he had" is a clause, not an inverted speaker
    k = i
    if t.low in DETERMINERS:
        k += 1
    if k < len(toks) and toks[k].low in _DOCUMENTS:
        # "according to figures published by NHS England", "a report from the IMF": the body that wrote it.
        for j in range(k + 1, min(k + 5, len(toks) - 1)):
            if not toks[j].is_word:
                break
            if toks[j].low in {"by", "from"}:
                found = _phrase_right(toks, j + 1)
                return found if found is not None and found.kind == "name" else None
        return None
    end = k
    while end < len(toks) and toks[end].is_word and end - k < 8:
        w = toks[end]
        if w.low in FUNCTION_WORDS and not (w.low in _PARTICLES | {"of"} and end + 1 < len(toks)
                                            and _is_name_word(toks[end + 1])) and not (
                w.low == "for" and end + 1 < len(toks) and _is_name_word(toks[end + 1]) and end > k
                and bare(toks[end - 1].text) in ORG_HEADS and toks[end - 1].is_capitalised):
            break  # "Office for Budget Responsibility" stays one name
        if cue_base(w.low) and not w.is_capitalised:
            break
        end += 1
    words = toks[i:end]
    if not words:
        return None
    # End on a name or a role head; "the union leader Ahmed" is cut at the last name word.
    while words and not (_is_name_word(words[-1]) or bare(words[-1].text) in ROLE_HEADS | ORG_HEADS
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
        while stop < len(toks) and _is_name_word(toks[stop]):
            stop += 1
        if stop > rest:
            words = toks[i:stop]
    texts = [w.text for w in words]
    if _is_name_word(words[-1]):
        # A name, perhaps after a lowercase role: "finance minister Asad Umar".
        k = len(words) - 1
        while k > 0 and (_is_name_word(words[k - 1]) or (
                k >= 2 and words[k - 1].low in {"of", "for"} | _PARTICLES and _is_name_word(words[k - 2]))):
            k -= 1
        prefix = [w.text for w in words[:k] if w.low not in DETERMINERS]
        if not prefix or bare(prefix[-1]) in ROLE_HEADS:
            return _Phrase([w.text for w in words[k:]], "name", prefix, i)
    return _Phrase(texts, "nominal", [], i)


# --------------------------------------------------------------------------- cues


@dataclass
class _Cue:
    position: int  # the cue verb
    text: str  # as evidence: "said", "was quoted as saying", "according to"
    subject_end: int | None  # last token before the cue where its subject may end
    right: int | None  # where a speaker after the cue starts (inversion, "according to")


def _skip_between(toks: list[Token], j: int) -> int:
    n = 0
    while j >= 0 and n < 3 and toks[j].is_word and (toks[j].low in BETWEEN or (
            toks[j].low.endswith("ly") and not toks[j].is_capitalised)):
        j -= 1
        n += 1
    return j


def _tail(toks: list[Token], i: int) -> str:
    following = " ".join(t.low for t in toks[i + 1:i + 5])
    for tail in CUE_TAILS:
        if following.startswith(tail):
            return " " + " ".join(t.text for t in toks[i + 1:i + 1 + len(tail.split())])
    return ""


def _cue_at(toks: list[Token], i: int) -> _Cue | None:
    t = toks[i]
    if t.quoted or not t.is_word:
        return None
    low = t.low
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if low == "according" and nxt == "to":
        return _Cue(i, "according to", None, i + 2)
    if low in {"declined", "declines", "refused", "refuses"} and " ".join(
            x.low for x in toks[i + 1:i + 3]) == "to comment":
        return _Cue(i, f"{t.text} to comment", _skip_between(toks, i - 1), None)
    if low in PHRASAL_FORMS and nxt == PHRASAL[PHRASAL_FORMS[low]]:
        text = f"{t.text} {toks[i + 1].text}"
        return _Cue(i, text, _skip_between(toks, i - 1), None)
    j = _skip_between(toks, i - 1)
    before = toks[j].low if j >= 0 else ""
    if low == "quoted" and before in _PASSIVE_AUX and " ".join(x.low for x in toks[i + 1:i + 3]) == "as saying":
        return _Cue(i, f"{toks[j].text} quoted as saying", _skip_between(toks, j - 1), None)
    base = cue_base(low)
    if base is None:
        return None
    if before in _PASSIVE_AUX and (low.endswith("ed") or low in {"said", "told", "written"}):
        return None  # passive: "was criticised by", "is said to"
    if before == "to" or before in DETERMINERS:
        return None  # infinitive or noun: "expected to say", "a call", "the reported deaths"
    inverted = base in INVERTIBLE and (i == 0 or toks[i - 1].text in _INVERSION_LEFT
                                       or toks[i - 1].sentence != t.sentence)
    return _Cue(i, t.text + _tail(toks, i), j, i + 1 if inverted else None)


# --------------------------------------------------------------------------- the reader


def _gender_fits(e: Entry, want: str) -> bool:
    """"she" never means a man the article shows as male, nor "he" a woman; unknown fits both."""
    return e.gender in (None, want)


def _by_gender(candidates: list[Entry], want: str) -> Entry:
    """The first (most recent) candidate known to have the pronoun's gender, else the first unknown one."""
    return next((e for e in candidates if e.gender == want), candidates[0])


class _Recency:
    """People who have spoken, most recent last, kept apart by gender so a pronoun finds its antecedent
    without rescanning everyone who spoke before: each lookup looks at the newest few entries only."""

    def __init__(self) -> None:
        self._order = 0
        self._buckets: dict[str | None, dict[Entry, tuple[int, str]]] = {"male": {}, "female": {}, None: {}}

    def spoke(self, e: Entry, pid: str) -> None:
        if e.kind != "person" or e.as_written:
            return
        for bucket in self._buckets.values():
            bucket.pop(e, None)
        self._order += 1
        self._buckets[e.gender if e.gender in self._buckets else None][e] = (self._order, pid)

    def latest(self, want: str) -> tuple[tuple[int, str, Entry] | None, tuple[int, str, Entry] | None]:
        """The most recent speaker known to be ``want``, and the most recent of unknown gender."""
        known = None
        for e, (order, pid) in reversed(self._buckets[want].items()):
            known = (order, pid, e)
            break
        unknown = None
        # A speaker's gender may become known after they spoke (a later "she" bound to them): those
        # still sit with the unknown ones until they speak again.
        for e, (order, pid) in reversed(self._buckets[None].items()):
            if e.gender is None and unknown is None:
                unknown = (order, pid, e)
            elif e.gender == want and (known is None or order > known[0]):
                known = (order, pid, e)
            if unknown is not None and (known is None or order < known[0]):
                break
        return known, unknown


class _Reader:
    """Reads the article in order, keeping who has spoken and who was mentioned."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.people = Registry()
        self.position = {p.id: i for i, p in enumerate(article.passages)}
        self.spoken: list[tuple[str, Entry]] = []  # (passage id, speaker) in reading order
        self.spoken_in: dict[str, list[Entry]] = {}  # the same by passage
        self.recency = _Recency()
        # (passage, sentence, first token, entry, possessive): who the article names, in order
        self.mentions: list[tuple[str, int, int, Entry, bool]] = []
        self.mentions_in: dict[str, list[tuple[str, int, int, Entry, bool]]] = {}
        # (passage, sentence, entry): people named as a sentence's subject, for a pronoun that follows
        self.subjects_in: dict[str, list[tuple[str, int, Entry]]] = {}
        words = re.findall(r"[A-Za-z]+", " ".join(p.text for p in article.paragraphs))
        self.vocabulary = frozenset(w for w in words if w.islower())

    def _passage(self, pid: str) -> Passage:
        return self.article.passages[self.position[pid]]

    def _mentioned(self, item: tuple[str, int, int, Entry, bool]) -> None:
        self.mentions.append(item)
        self.mentions_in.setdefault(item[0], []).append(item)

    def _spoke(self, pid: str, e: Entry) -> None:
        self.spoken.append((pid, e))
        self.spoken_in.setdefault(pid, []).append(e)
        self.recency.spoke(e, pid)

    # -- mentions: who the paragraph names, with the roles it gives them --------------------------
    def scan_mentions(self, p: Passage, toks: list[Token]) -> None:
        i = 0
        while i < len(toks):
            if not _is_name_word(toks[i]):
                i += 1
                continue
            end = i
            while end + 1 < len(toks) and (
                    (_is_name_word(toks[end + 1]) and not toks[end].text.endswith(("’s", "'s")))
                    or (toks[end + 1].low in _PARTICLES | {"of"} and end + 2 < len(toks)
                        and _is_name_word(toks[end + 2]) and (toks[end + 1].low != "of"
                                                             or bare(toks[end].text) in ORG_HEADS))):
                end += 1
            start = _trim_run(toks, i, end, self.vocabulary)
            self._mention(p, toks, start, end)
            i = end + 1

    def _mention(self, p: Passage, toks: list[Token], start: int, end: int) -> None:
        words = [t.text for t in toks[start:end + 1]]
        if is_organisation(words):
            entry = self.people.organisation(words, p.id)
            self._mentioned((p.id, toks[start].sentence, start, entry, False))
            return
        if is_place(words):
            return
        role = self._role_for(p, toks, start, end)
        derived = None
        if role and bare(role.split()[-1]) == "counterpart":
            derived = self._counterpart(role.split(), toks[start].sentence, p.id)
        titles, name = split_title(words)
        if len(name) >= 2:
            entry = self.people.person(words, p.id, role=derived or role)
        else:
            entry = self.people.resolve(words)
            if entry is not None and (derived or role):
                entry.add_role(derived or role)
        if entry is not None and derived and role:
            entry.add_role(role)  # "Pakistani counterpart" stays an alias
        if entry is not None:
            possessive = toks[end].text.endswith(("’s", "'s"))
            self._mentioned((p.id, toks[start].sentence, start, entry, possessive))
            if not possessive and entry.kind == "person" and self._opens_sentence(toks, start):
                self.subjects_in.setdefault(p.id, []).append((p.id, toks[start].sentence, entry))

    def _role_for(self, p: Passage, toks: list[Token], start: int, end: int) -> str | None:
        prefix, _ = _role_words_left(toks, start)
        if prefix:
            return " ".join(prefix)
        # Apposition after the name: "Khurram Dastagir Khan, Pakistan's defence minister, said".
        if end + 1 < len(toks) and toks[end + 1].text == ",":
            seg: list[Token] = []
            k = end + 2
            while k < len(toks) and toks[k].text not in {",", ".", ";", ":", "(", ")"} and len(seg) < 12:
                seg.append(toks[k])
                k += 1
            if seg and k < len(toks) and toks[k].text in {",", "."} and self._is_role(seg):
                words = [t.text for t in seg]
                if words[0].lower() in {"the", "a", "an"}:
                    words = words[1:]
                return " ".join(words)
        # Apposition before the name: "The port trust chairman, Rashid Memon, said".
        if start >= 2 and toks[start - 1].text == "," and end + 1 < len(toks) and toks[end + 1].text in {",", "."}:
            before = _phrase_left(toks, start - 2, self.vocabulary) if toks[start - 2].is_word else None
            if before is not None and before.kind == "nominal" and (
                    before.start == 0 or not toks[before.start - 1].is_word):
                words = before.words[1:] if before.words[0].lower() in DETERMINERS else before.words
                if role_key(" ".join(words))[1] is not None:
                    return " ".join(words)
        return None

    @staticmethod
    def _is_role(seg: list[Token]) -> bool:
        if any(cue_base(t.low) or t.low in {"who", "which", "that"} or t.quoted for t in seg):
            return False
        before_of = []
        for t in seg:
            if t.low == "of":
                break
            before_of.append(t)
        return any(bare(t.text) in ROLE_HEADS for t in before_of)

    def _recent_ids(self, p: Passage) -> set[str]:
        """This paragraph and the one before it."""
        at = self.position[p.id]
        return {p.id} | ({self.article.passages[at - 1].id} if at > 0 else set())

    def _counterpart(self, prefix: list[str], sentence: int, passage_id: str) -> str | None:
        """"his Pakistani counterpart X": X holds the office of the person whose counterpart he is, named
        in the same sentence, else the last one named in this or the previous paragraph."""
        near = self._recent_ids(self._passage(passage_id))
        for pid, sent, _, entry, _ in reversed(self.mentions):
            if pid not in near:
                break
            offices = [r for r, (k, h) in zip(entry.roles, entry.keys) if h and h != "counterpart"]
            if entry.kind == "person" and offices:
                nationality = [w for w in prefix[:-1] if bare(w) not in DETERMINERS]
                office = [w for w in offices[0].split() if bare(w) not in DEMONYMS and bare(w) not in DEMONYM_OF]
                return " ".join([*nationality, *(w.lower() for w in office)])
        return None

    # -- speakers --------------------------------------------------------------------------------
    def speaker(self, p: Passage, toks: list[Token], cue: _Cue) -> _Found | None:
        phrase = None
        if cue.subject_end is not None and cue.subject_end >= 0:
            j = cue.subject_end
            if toks[j].text == ",":
                phrase = self._across_comma(toks, j)
            else:
                phrase = _phrase_left(toks, j, self.vocabulary)
                if phrase is not None and phrase.kind == "nominal" and is_plural_role(phrase.words[-1]):
                    phrase = None
        if phrase is None and cue.right is not None:
            phrase = _phrase_right(toks, cue.right)
        if phrase is None:
            return None
        return self._resolve(p, toks, phrase, cue)

    def _across_comma(self, toks: list[Token], j: int) -> _Phrase | None:
        """"X, the minister, said" / "X, 45, a trader, said" / "X, who ..., said" / "X, meanwhile, said" /
        "The chairman of the trust, X, said"."""
        for _ in range(3):  # up to three comma-delimited segments between the speaker and the verb
            k = j - 1
            while k >= 0 and toks[k].text != "," and j - k <= 14:
                if toks[k].quoted or toks[k].text in QUOTE_MARKS or toks[k].text in {".", ";"}:
                    return None
                k -= 1
            if k < 1 or toks[k].text != ",":
                return None
            middle = toks[k + 1:j]
            if not middle:
                return None
            if all(_is_name_word(t) for t in middle) and looks_like_name(split_title([t.text for t in middle])[1]):
                before = _phrase_left(toks, k - 1, self.vocabulary)
                if before is not None and before.kind == "nominal":
                    return _Phrase([t.text for t in middle], "name", [], k + 1)
            first = middle[0].low
            filler = all(t.low in BETWEEN or t.low.endswith("ly") or t.low in {"meanwhile", "however", "though"}
                         for t in middle) or (first.endswith("ing") and not middle[0].is_capitalised)
            age = len(middle) == 1 and middle[0].text.isdigit()
            apposition = first in {"the", "a", "an", "who", "his", "her", "its", "their"} or bare(
                middle[0].text) in PLACES or self._is_role(middle)
            if not (filler or apposition or age):
                return None
            phrase = _phrase_left(toks, k - 1, self.vocabulary)
            if phrase is not None and phrase.kind in {"name", "nominal"}:
                return phrase
            j = k  # "X, 45, a dock worker, said": try the segment before
        return None

    def _resolve(self, p: Passage, toks: list[Token], phrase: _Phrase, cue: _Cue) -> _Found | None:
        where = toks[phrase.start]
        if phrase.kind == "pronoun":
            return self._pronoun(p, toks, phrase, cue)
        if phrase.kind == "name":
            words = phrase.words
            if is_organisation(words):
                entry = self.people.organisation(words, p.id)
                return _Found(cue.position, entry, cue.text, " ".join(words), "name")
            if is_place(words):
                return None
            titles, name = split_title(words)
            if len(name) == 1 and (is_plural_role(name[0]) or bare(name[0]) in ROLE_HEADS | ORG_HEADS):
                return None  # "Analysts said", "Officials say": a group, not one speaker
            if not looks_like_name(name):
                if all(is_title_word(w) for w in words):  # "Defense Minister said"
                    return self._nominal(p, _Phrase(words, "nominal", [], phrase.start), cue)
                return None
            entry = self.people.resolve(words) if len(name) == 1 else None
            if entry is None:
                if len(name) == 1 and self.people.candidates((bare(name[0]),)):
                    return None  # a surname two people share
                role = " ".join(phrase.prefix) if phrase.prefix else None
                entry = self.people.person(words, p.id, role=role, create_single=True)
            if entry is None:
                return None
            self._mentioned((p.id, where.sentence, phrase.start, entry, False))
            return _Found(cue.position, entry, cue.text, " ".join(words), "name")
        return self._nominal(p, phrase, cue)

    def _nominal(self, p: Passage, phrase: _Phrase, cue: _Cue) -> _Found | None:
        words = phrase.words
        determiner = words[0].lower() if words[0].lower() in DETERMINERS else None
        body = words[1:] if determiner else words
        if not body:
            return None
        text = " ".join(words)
        head = bare(body[-1])
        if head in ORG_HEADS and head not in ROLE_HEADS:
            orgs = self.people.organisations_with(head)
            if len(orgs) == 1 and determiner == "the":
                return _Found(cue.position, orgs[0], cue.text, text, "role",
                              f"“{text}” → {orgs[0].name}, the only {head} named before")
            return None
        if head not in ROLE_HEADS and head != "counterpart":
            return None
        found = [] if determiner in {"a", "an"} else self.people.by_role(" ".join(body), limit=2)
        if len(found) > 1:
            # Several fit ("the minister" with two ministers): only the one speaking just now.
            key, role_head = role_key(" ".join(body))
            recent = {e.name: e for pid, e in self.spoken[-3:] if holds_role(e, key, role_head)}
            found = list(recent.values()) if len(recent) == 1 else []
            if not found:
                return None
        if found:
            entry = found[0]
            bound = next(r for r, k in zip(entry.roles, entry.keys) if role_key(" ".join(body))[0] <= k[0])
            return _Found(cue.position, entry, cue.text, text, "role",
                          f"“{text}” → {entry.name}, introduced as “{bound}” in "
                          f"{self._passage(entry.introduced_in).citation}")
        # A different modifier, the same office: "The opposition leader" right after "Labour leader Keir
        # Starmer accused": the one person speaking in this or the previous paragraph whose role has
        # that head noun.
        if determiner == "the" and len(body) >= 2:
            head_noun = role_key(" ".join(body))[1]
            near = self._recent_ids(p)
            fits = {e.name: e for pid in sorted(near, key=self.position.__getitem__) for e in self.spoken_in.get(pid, ())
                    if e.kind == "person" and not e.as_written and any(h == head_noun for _, h in e.keys)}
            if head_noun is not None and len(fits) == 1:
                entry = next(iter(fits.values()))
                return _Found(cue.position, entry, cue.text, text, "role",
                              f"“{text}” → {entry.name}, the {head_noun} speaking just before")
        # Nobody in the article fits: report the speaker as the article names them.
        written = (text[0].lower() + text[1:]) if determiner else text
        entry = self.people.as_written(written, p.id)
        return _Found(cue.position, entry, cue.text, text, "as written")

    def _pronoun(self, p: Passage, toks: list[Token], phrase: _Phrase, cue: _Cue) -> _Found | None:
        word = phrase.words[0]
        want = _PRONOUNS[word.lower()]
        if want == "group":
            for pid, e in reversed(self.spoken):
                if e.kind == "organisation":
                    return _Found(cue.position, e, cue.text, word, "pronoun",
                                  f"{word} → {e.name}, the most recent organisation speaking")
                break
            return None

        last = self.spoken[-1][1] if self.spoken else None

        def fits(e: Entry) -> bool:
            # A nominal speaker as written ("a Treasury spokesman") is a pronoun's antecedent only while
            # they are the one speaking.
            return e.kind == "person" and (not e.as_written or e is last) and _gender_fits(e, want)

        here = toks[phrase.start].sentence
        # The subject of this sentence, when it opens the sentence: "Trump posted ..., in which he voiced";
        # then the subject of an earlier sentence of this paragraph: "Ayesha Siddiqa disagreed. ... she said".
        subjects = [(sent, e) for pid, sent, tok, e, possessive in self.mentions_in.get(p.id, ())
                    if sent <= here and tok < phrase.start and not possessive and fits(e)
                    and self._opens_sentence(toks, tok)]
        if subjects:
            sent = max(s for s, _ in subjects)
            e = _by_gender([e for s, e in subjects if s == sent], want)
            why = "the subject of the same sentence" if sent == here else "the subject of the sentence before"
            return self._bind(cue, e, word, why)
        # A paragraph that names someone as its subject but reports nobody's words ("Shesterkin shrugged
        # off the praise."), then a pronoun: the subject of that paragraph's last sentence with one.
        at = self.position[p.id]
        previous = self.article.passages[at - 1] if at > 0 else None
        if previous is not None and previous.kind == "paragraph" and previous.id not in self.spoken_in:
            before = [(sent, e) for pid, sent, e in self.subjects_in.get(previous.id, ()) if fits(e)]
            if before:
                sent = max(s for s, _ in before)
                e = _by_gender([e for s, e in before if s == sent], want)
                return self._bind(cue, e, word, f"the subject of {previous.citation}, where nobody is quoted")
        known, unknown = self.recency.latest(want)
        if last is not None and last.as_written and fits(last):
            # A nominal speaker as written is an antecedent only while speaking: the most recent of all.
            here_pid = self.spoken[-1][0]
            if last.gender == want:
                known = (float("inf"), here_pid, last)
            else:
                unknown = (float("inf"), here_pid, last)
        if known is None and unknown is None:
            return None
        newest = max((c for c in (known, unknown) if c is not None), key=lambda c: c[0])
        _, pid, e = known or unknown
        citation = self._passage(pid).citation
        return self._bind(cue, e, word, f"the most recent speaker ({citation})" if e is newest[2] else
                          f"the most recent speaker known to be {want} ({citation})")

    @staticmethod
    def _opens_sentence(toks: list[Token], tok: int) -> bool:
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

    @staticmethod
    def _bind(cue: _Cue, e: Entry, word: str, why: str) -> _Found:
        if e.gender is None and word.lower() in {"he", "she"}:
            e.gender = "male" if word.lower() == "he" else "female"
        return _Found(cue.position, e, cue.text, word, "pronoun", f"{word} → {e.name}, {why}")

    # -- passages --------------------------------------------------------------------------------
    def paragraph(self, p: Passage, previous: Passage | None) -> tuple[Attribution, ...]:
        toks = tokenize(p.text)
        self.scan_mentions(p, toks)
        found: list[_Found] = []
        for i in range(len(toks)):
            cue = _cue_at(toks, i)
            if cue is None:
                continue
            f = self.speaker(p, toks, cue)
            if f is not None and all(f.entry is not g.entry for g in found):
                found.append(f)
                self._spoke(p.id, f.entry)
        if not found and previous is not None and self._floating_quote(p, toks):
            last = self.spoken_in.get(previous.id, [])
            if last:
                e = last[0]
                found.append(_Found(0, e, "quotation", p.text.split()[0], "continuation",
                                    f"a quotation with no cue after {previous.citation}, whose speaker is {e.name}"))
                self._spoke(p.id, e)
        if not found:
            return (Attribution(None),)
        return tuple(self._attribution(f) for f in found)

    @staticmethod
    def _floating_quote(p: Passage, toks: list[Token]) -> bool:
        return p.text.lstrip()[:1] in {"“", '"'} and quoted_share(toks) >= _FLOATING_QUOTE_SHARE

    @staticmethod
    def _attribution(f: _Found) -> Attribution:
        return Attribution(f.entry.name, "text", f.cue, f.evidence, f.resolved_by, f.note)

    def comment(self, p: Passage) -> tuple[Attribution, ...]:
        author = self.people.commenter(p.author or "", p.id)
        attrs = [Attribution(author.name, "text", "wrote the comment", p.author, "author")]
        if p.quoted and p.reply_to:
            quoted = self.people.commenter(p.reply_to, None)
            attrs.append(Attribution(quoted.name, "quoted", "quoted in a reply", f"@{p.reply_to}", "reply",
                                     f"comment #{p.number} quotes {quoted.name}"))
        return tuple(attrs)


# --------------------------------------------------------------------------- the API


def attribute(article: Article) -> Cast:
    reader = _Reader(article)
    attributions: dict[str, tuple[Attribution, ...]] = {}
    previous: Passage | None = None
    # Commenters first, so a reply to someone who commented later still finds them.
    for p in article.comments:
        reader.people.commenter(p.author or "", p.id)
    for p in article.passages:
        if p.kind == "comment":
            attributions[p.id] = reader.comment(p)
        else:
            attributions[p.id] = reader.paragraph(p, previous)
            previous = p
    people = reader.people.people()
    return Cast(people, attributions, _lookup(people), _roles(reader.people))


_LEADING = re.compile(r"^(?:(?:the|a|an|his|her|their|its|commenter|reader|user)\s+|@)+", re.IGNORECASE)


def normalise_phrase(phrase: str, *, titles: bool = False) -> str:
    """How names compare in questions: lowercase, one space, no possessive, no leading article, and no
    leading title unless ``titles`` ("Ms Shaikh" tells two Shaikhs apart; "General Hatami" is Hatami)."""
    text = re.sub(r"\s+", " ", phrase.replace("\u00a0", " ").replace("’", "'")).strip(" ?!.,:;\"'“”‘").casefold()
    text = re.sub(r"'s?$", "", text)
    text = _LEADING.sub("", text).strip()
    words = [w.rstrip(".") if w.rstrip(".") in HONORIFICS else w for w in text.split()]
    while not titles and len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _lookup(people: tuple[Person, ...]) -> dict[str, str]:
    exact: dict[str, str] = {}
    forms: dict[str, set[str]] = {}
    for person in people:
        exact.setdefault(normalise_phrase(person.name), person.name)
        if person.kind == "commenter":
            continue
        keys = {normalise_phrase(a, titles=t) for a in person.aliases if a != person.role for t in (False, True)}
        if person.kind == "person" and " " in person.name:
            tokens = person.name.split()
            keys |= {normalise_phrase(tokens[0]), normalise_phrase(tokens[-1]),
                     normalise_phrase(" ".join(tokens[-2:]))}
        for key in keys:
            forms.setdefault(key, set()).add(person.name)
    lookup = {k: next(iter(v)) for k, v in forms.items() if len(v) == 1 and k}
    lookup.update(exact)
    return lookup


def _roles(registry: Registry) -> dict[str, tuple[tuple[frozenset[str], str | None], ...]]:
    return {e.name: tuple(e.keys) for e in registry.entries if e.keys and not e.as_written}


def find_person(cast: Cast, phrase: str) -> Person | None:
    """The person a question means by ``phrase`` (full name, alias, role, commenter name), or None."""
    want = normalise_phrase(phrase)
    if not want:
        return None
    titled = normalise_phrase(phrase, titles=True)
    name = cast.lookup.get(titled) or cast.lookup.get(want)
    if name is not None:
        return cast.person(name)
    words = titled.split()
    if len(words) == 2 and (gender := gender_of(words[:1], [], None)):
        # "Mr Shaikh" when a Mr and a Ms Shaikh are both in the article.
        fits = [p for p in cast.people if p.kind == "person" and p.gender == gender
                and p.name.casefold().split()[-1] == words[1]]
        return fits[0] if len(fits) == 1 else None
    if want in PLACES:
        return None  # countries and cities are not speakers
    titles, rest = split_title(want.split())
    if titles and rest and (name := cast.lookup.get(" ".join(rest))):
        # "President Trump": a title the article gives that person, before a name it uses.
        key = role_key(" ".join(titles))[0]
        if any(key <= k for k, _ in cast.roles.get(name, ())):
            return cast.person(name)
    key, head = role_key(want)
    if not key or head not in ROLE_HEADS:
        return None
    fits = [n for n, roles in cast.roles.items() if any(key <= k and head == h for k, h in roles)]
    return cast.person(fits[0]) if len(fits) == 1 else None
