"""Stage 2 (with ``mentions``), the article's registry of people and organisations: names, the short
forms the article uses, roles, gender.

Filled in article order by ``mentions`` and ``resolve``. Names merge by their tokens: a short form
("Hatami", "Dastagir Khan") joins the one person whose full name holds it; a full name whose other
tokens differ ("Imran Khan" beside "Khurram Dastagir Khan") is another person, and a short form two
people share ("Khan") names neither.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import (DEMONYM_OF, DEMONYMS, FEMALE_HONORIFICS, FEMALE_NAMES, FEMALE_ROLES, FUNCTION_WORDS,
                      BARE_FAMILIES, HEAD_SYNONYMS, HONORIFICS, OFFICE_PHRASES, ROLE_FAMILIES, NAME_LIKE, NAME_PARTICLES, MALE_HONORIFICS, MALE_NAMES, MALE_ROLES, NOT_NAME, ORG_HEADS,
                      OUTLETS, PLACES, ROLE_HEADS, ROLE_MODIFIERS, bare)
from ..speakers import Person, SpeakerKind
from .tokens import capitalised

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def is_capitalised(word: str) -> bool:
    return capitalised(word)


# A name ending in one of these is a place: "Market Street", "Constitution Avenue".
_PLACE_HEADS = {"street", "road", "avenue", "lane", "square", "boulevard", "highway", "bridge", "wharf", "airport",
                "province", "district", "city", "valley", "river", "island", "islands", "county", "state",
                "tower", "towers", "building", "plaza", "stadium", "arena", "hotel", "station", "mall", "casino",
                "resort"}  # not Park, Hall, Lake: surnames too


def is_place(words: list[str]) -> bool:
    low = [bare(w) for w in words]
    return (" ".join(low) in PLACES or all(w in PLACES or w in NOT_NAME for w in low)
            or (len(low) > 1 and low[-1] in _PLACE_HEADS))


def is_organisation(words: list[str]) -> bool:
    low = [bare(w) for w in words]
    if not low:
        return False
    if len(low) == 1:
        w = _POSSESSIVE.sub("", words[0]).rstrip(".")
        # A lone acronym ("ISPR", "IRNA") names a body; "US", "UK" are places.
        return low[0] in OUTLETS or (w.isupper() and len(w) >= 2 and low[0] not in PLACES)
    if low[0] in MALE_NAMES or low[0] in FEMALE_NAMES:
        return False  # "Dawn Smith" is a person whatever her surname
    # An acronym with other words and no office: "NHS England", "CBS News" ("US President Trump" has one).
    acronym = any(w.isalpha() and w.isupper() and len(w) >= 2 and bare(w) not in PLACES for w in words)
    if acronym and not any(w in ROLE_HEADS or w in HONORIFICS for w in low):
        return True
    # "Bank of England", "Royal College of Midwives": a body's head before its "of" / "for" complement.
    complemented = any(w in ORG_HEADS and nxt in {"of", "for"} for w, nxt in zip(low, low[1:]))
    return (low[-1] in ORG_HEADS or complemented
            or (low[0] in OUTLETS and len(low) == 2))


def is_plural_noun(word: str) -> bool:
    """"Critics", "Residents", "Democrats": the plural of an English common noun (WordNet), a group and
    not a surname ("Williams", "Jones" are no English words)."""
    low = bare(word)
    if not low.endswith("s") or low.endswith("ss") or low in MALE_NAMES or low in FEMALE_NAMES:
        return False
    from ..bridge import wordnet  # loaded on first use: most articles never need it

    lemmas = wordnet().lemmas(low)
    return bool(lemmas) and low not in lemmas


def is_title_word(word: str) -> bool:
    w = bare(word)
    return (w in HONORIFICS or w in ROLE_HEADS or w in ROLE_MODIFIERS or w in DEMONYMS or w in DEMONYM_OF
            or w in {"vice", "prime", "deputy", "acting", "former", "late"})


def split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """"Iranian Defense Minister Brigadier General Ali Hatami" -> (titles, ["Ali", "Hatami"])."""
    i = 0
    while i < len(words) - 1 and is_title_word(words[i]):
        i += 1
    # An office whose qualifiers are not title words ends at its head: "Environment Secretary George
    # Eustice", "Clark County Prosecutor Dan Driscoll", "U.S. District Judge Ellen Marsh". The name after
    # the last head must itself look like a name.
    for k in range(len(words) - 2, i - 1, -1):
        if bare(words[k]) in ROLE_HEADS or bare(words[k]) in HONORIFICS:
            rest = words[k + 1:]
            if rest and looks_like_name(rest) and all(is_capitalised(w) for w in words[:k]):
                return words[:k + 1], rest
            break
    return words[:i], words[i:]


_PREFIXED = re.compile(r"(?:al|el|ad|as|ash|at|an|ar|az|ul|ud|bin|ibn|abu|abd|ben)-[A-Z][\w’'-]*")


def prefixed_name(word: str) -> bool:
    """"al-Assad", "bin-Laden": a name after a lowercase particle joined by a hyphen."""
    return "-" in word and _PREFIXED.fullmatch(word) is not None  # (asked of every lowercase word)


def looks_like_name(words: list[str]) -> bool:
    """Capitalised words none of which is a common word, a place, a nationality or a title."""
    if not words:
        return False
    forename = bare(words[0]) in MALE_NAMES or bare(words[0]) in FEMALE_NAMES
    for n, w in enumerate(words):
        b = bare(w)
        if b in NAME_PARTICLES and 0 < n < len(words) - 1:
            continue  # "Mohammed bin Salman", "Ursula von der Leyen"
        if forename and n > 0 and b in PLACES and is_capitalised(w) and not w.isupper():
            continue  # a forename, then a surname a place shares: "Kate York", "Denzel Washington"
        if not (is_capitalised(w) or prefixed_name(w)) or (b in NOT_NAME or b in PLACES or b in FUNCTION_WORDS) and b not in NAME_LIKE:
            return False
        if w.isupper() and len(w) > 1 and not re.fullmatch(r"(?:[A-Z]\.)+", w):  # "TEHRAN", "ISPR"; not "P.J."
            return False
    return not (len(words) == 1 and is_title_word(words[0]))


@lru_cache(maxsize=16384)  # an article names the same few roles over and over: each is read once
def role_key(role: str) -> tuple[frozenset[str], str | None]:
    """A role's comparable words and its head: "Pakistan's defence minister" -> ({pakistani, defense,
    minister}, "minister"). Countries become nationalities and British spellings American."""
    words = _offices([bare(w) for w in re.findall(r"[\w.’'-]+", role)])
    if words == ["justice"]:
        words = ["judge"]  # the title alone ("Mrs Justice Cole", "Justice Alito") is a judge's
    out: list[str] = []
    i = 0
    while i < len(words):
        two = " ".join(words[i:i + 2])
        if two in DEMONYM_OF:
            out.append(DEMONYM_OF[two])
            i += 2
            continue
        w = words[i]
        if w in DEMONYM_OF:
            out.append(DEMONYM_OF[w])
        elif w not in FUNCTION_WORDS:
            out.append(HEAD_SYNONYMS.get(w, w))
        i += 1
    head = None
    # The head is the office before any "of" complement: "chairman of the port trust".
    before_of = words[: words.index("of")] if "of" in words else words
    for w in reversed(before_of):
        w = HEAD_SYNONYMS.get(w, w)
        if w in ROLE_HEADS or w in {"president", "chairman", "spokesman"}:
            head = w
            break
    if head is None:
        nationalities = [w for w in out if w in DEMONYMS]
        head = nationalities[-1] if nationalities else None
    return frozenset(out), head


def _offices(words: list[str]) -> list[str]:
    """"CEO", "chief executive officer" -> "chief executive": an office in one spelling."""
    out: list[str] = []
    i = 0
    while i < len(words):
        for phrase, office in OFFICE_PHRASES.items():
            if tuple(words[i:i + len(phrase)]) == phrase:
                out.extend(office)
                i += len(phrase)
                break
        else:
            out.append(words[i])
            i += 1
    return out


def gender_of(titles: list[str], name: list[str], role: str | None) -> str | None:
    low_titles = {bare(t) for t in titles}
    if low_titles & MALE_HONORIFICS:
        return "male"
    if low_titles & FEMALE_HONORIFICS:
        return "female"
    role_words = set(bare(w) for w in (role or "").split())
    if role_words & FEMALE_ROLES:
        return "female"
    if role_words & MALE_ROLES:
        return "male"
    if len(name) >= 2:
        first = bare(name[0])
        if first in MALE_NAMES:
            return "male"
        if first in FEMALE_NAMES:
            return "female"
    return None


@dataclass(eq=False)  # identity: two entries are the same person only when they are one entry
class Entry:
    """One person or organisation while the article is read; frozen into a ``Person`` at the end."""

    name: str
    kind: SpeakerKind
    tokens: tuple[str, ...]
    introduced_in: str | None
    forms: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    keys: list[tuple[frozenset[str], str | None]] = field(default_factory=list)
    gender: str | None = None
    as_written: bool = False  # a nominal speaker nobody in the article fits ("a police spokesman")
    place: bool = False  # a country or capital speaking for its government ("China said")
    seq: int = 0  # order of registration: ties between candidates go to the earliest
    # The registry to tell when a role is bound, so its index by role head stays current.
    registry: Registry | None = field(default=None, repr=False, compare=False)

    def add_form(self, form: str) -> None:
        if form and form != self.name and form not in self.forms:
            self.forms.append(form)

    def add_role(self, role: str) -> None:
        role = role.strip(" ,")
        if not role or role in self.roles:
            return
        key = role_key(role)
        if not key[0] or key[1] is None:
            return
        self.roles.append(role)
        self.keys.append(key)
        if self.registry is not None:
            self.registry.role_bound(self, key[0])
        if self.gender is None:
            self.gender = gender_of([], [], role)


class Registry:
    """Every lookup goes through an index (name token, organisation tokens, commenter, role head), so
    registering n people costs n lookups, not n scans of everyone registered before."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self._by_token: dict[str, dict[int, Entry]] = {}  # people and organisations by each name token, by seq
        self._by_tokens: dict[tuple[str, ...], dict[int, Entry]] = {}  # the same by their whole name's tokens
        self._orgs: dict[tuple[str, ...], Entry] = {}
        self._commenters: dict[str, Entry] = {}
        self._written: dict[str, Entry] = {}
        self._written_orgs: dict[str, list[Entry]] = {}  # as-written organisations by head noun
        self._by_role_word: dict[str, dict[int, Entry]] = {}  # people by each word of a role bound to them

    def _add(self, entry: Entry) -> Entry:
        entry.seq = len(self.entries)
        entry.registry = self
        self.entries.append(entry)
        if entry.kind != "commenter" and not entry.as_written:
            self._index_tokens(entry)
        return entry

    def _index_tokens(self, entry: Entry) -> None:
        for t in set(entry.tokens):
            bucket = self._by_token.setdefault(t, {})
            if entry.seq not in bucket:
                last = next(reversed(bucket), -1)
                bucket[entry.seq] = entry
                if entry.seq < last:
                    # A renamed entry indexed under a new token after later ones: keep each bucket in
                    # order of registration, so a lookup never sorts it.
                    self._by_token[t] = dict(sorted(bucket.items()))
        self._by_tokens.setdefault(entry.tokens, {})[entry.seq] = entry

    def _rename(self, entry: Entry, name: str, tokens: tuple[str, ...]) -> None:
        same = self._by_tokens.get(entry.tokens, {})
        same.pop(entry.seq, None)
        if not same:
            self._by_tokens.pop(entry.tokens, None)
        entry.name, entry.tokens = name, tokens
        self._index_tokens(entry)

    def role_bound(self, entry: Entry, words: frozenset[str]) -> None:
        if not entry.as_written:
            for w in words:
                self._by_role_word.setdefault(w, {})[entry.seq] = entry

    def organisations_with(self, token: str, limit: int = 2) -> list[Entry]:
        """Organisations with this token in their name: at most ``limit`` (whether one or several is what
        a caller asks)."""
        return list(itertools.islice((e for e in self._by_token.get(token, {}).values()
                                      if e.kind == "organisation"), limit))

    # -- names ----------------------------------------------------------------------------------
    def candidates(self, tokens: tuple[str, ...]) -> list[Entry]:
        """People whose name holds these tokens in order, ending with the same surname when several."""
        if not tokens:
            return []
        exact = self._by_tokens.get(tokens)
        if exact:
            return [exact[min(exact)]]  # the first registered with exactly this name
        pool = self._by_token.get(tokens[-1], {}).values()  # in order of registration
        if len(tokens) == 1:
            return [e for e in pool if tokens[0] in e.tokens]
        return [e for e in pool if tokens[-1] == e.tokens[-1] and (
            _subsequence(tokens, e.tokens) or _short_forename(tokens, e.tokens))]

    def resolve(self, words: list[str]) -> Entry | None:
        """The one known person these name words mean, or None (unknown or shared by two)."""
        titles, name = split_title(words)
        tokens = tuple(bare(w) for w in name)
        found = self.candidates(tokens)
        gender = gender_of(titles, [], None) if len(found) > 1 else None
        if gender:
            # "Ms Shaikh" beside Ahmed Shaikh; "Ms Pirie" beside Mr Pirie when her forename told nothing.
            found = [e for e in found if e.gender == gender] or [e for e in found if e.gender is None]
        if len(found) != 1:
            return None
        entry = found[0]
        if gender and entry.gender is None:
            entry.gender = gender
        entry.add_form(" ".join(_strip_possessive(words)))
        return entry

    def person(self, words: list[str], passage_id: str, *, role: str | None = None,
               create_single: bool = False) -> Entry | None:
        """Register (or find) the person named by ``words`` (titles first), binding the role."""
        words = _strip_possessive(words)
        titles, name = split_title(words)
        if not looks_like_name(name):
            return None
        tokens = tuple(bare(w) for w in name)
        found = self.candidates(tokens)
        if len(found) > 1:
            exact = [e for e in found if e.tokens == tokens]
            if not exact:
                return None
            found = exact
        if not found:
            # A longer form of someone first named short: "Hatami said" ... "Ali Hatami".
            longer = [e for e in self._by_token.get(tokens[-1], {}).values() if e.kind == "person" and not e.as_written
                      and len(e.tokens) < len(tokens) and _subsequence(e.tokens, tokens)
                      and e.tokens[-1] == tokens[-1]]
            if len(longer) == 1 and len(tokens) > 1:
                entry = longer[0]
                shorter = entry.name
                self._rename(entry, " ".join(name), tokens)
                entry.add_form(shorter)
            elif len(tokens) == 1 and not create_single:
                return None
            else:
                entry = self._add(Entry(" ".join(name), "person", tokens, passage_id))
        else:
            entry = found[0]
        if titles or len(name) < len(entry.tokens):
            entry.add_form(" ".join(words))
        if len(name) == 1 or len(name) < len(entry.tokens):
            entry.add_form(" ".join(name))
        ranks = [t for t in titles if bare(t) in HONORIFICS]
        if ranks:
            # "Brigadier General Ali Hatami", "General Hatami": the forms a later sentence may use.
            entry.add_form(" ".join([*ranks, *name]))
            entry.add_form(" ".join([ranks[-1], name[-1]]))
        office = [t for t in titles if bare(t) not in HONORIFICS]
        if office:
            entry.add_role(" ".join(office))
        if role:
            entry.add_role(role)
        if entry.gender is None:
            entry.gender = gender_of(titles, name, role)
        return entry

    def organisation(self, words: list[str], passage_id: str) -> Entry:
        words = _strip_possessive(words)
        if words and bare(words[0]) in {"the"}:
            words = words[1:]
        name = " ".join(words)
        tokens = tuple(bare(w) for w in words)
        if tokens in self._orgs:
            return self._orgs[tokens]
        # A name first read as a person's ("Big Machine" in a list of names) that the article then uses
        # as an organisation ("The group ..., Big Machine, says") is that organisation: one entry.
        same = [e for e in self._by_tokens.get(tokens, {}).values() if e.kind == "person"
                and not e.as_written and not e.roles] if tokens else []
        if len(same) == 1:
            entry = same[0]
            entry.kind, entry.gender = "organisation", None
            self._orgs[tokens] = entry
            return entry
        entry = self._orgs[tokens] = self._add(Entry(name, "organisation", tokens, passage_id))
        return entry

    def alias_organisation(self, entry: Entry, words: list[str]) -> None:
        """``words`` name ``entry`` too: an acronym the article uses for it ("VW" for Volkswagen)."""
        self._orgs.setdefault(tuple(bare(w) for w in words), entry)
        entry.add_form(" ".join(words))

    def known_organisation(self, words: list[str]) -> Entry | None:
        """The organisation registered under exactly these words (a leading "the" and a possessive aside)."""
        words = _strip_possessive(words)
        if words and bare(words[0]) == "the":
            words = words[1:]
        return self._orgs.get(tuple(bare(w) for w in words))

    def commenter(self, author: str, passage_id: str | None) -> Entry:
        key = author.casefold()
        if key in self._commenters:
            return self._commenters[key]
        entry = self._commenters[key] = self._add(Entry(author, "commenter", (key,), passage_id))
        return entry

    def as_written(self, phrase: str, passage_id: str) -> Entry:
        if phrase in self._written:
            return self._written[phrase]
        entry = Entry(phrase, "person", tuple(bare(w) for w in phrase.split()), passage_id, as_written=True)
        entry.gender = gender_of([], [], phrase)
        self._written[phrase] = self._add(entry)
        return entry

    def as_written_organisation(self, phrase: str, passage_id: str) -> Entry:
        """A particular body as the article names it ("Hong Kong police", "China's commerce ministry"),
        found again by its head noun ("the city's police")."""
        entry = self.as_written(phrase, passage_id)
        if entry.kind != "organisation":
            entry.kind, entry.gender = "organisation", None
            self._written_orgs.setdefault(entry.tokens[-1], []).append(entry)
        return entry

    def written_organisations_with(self, head: str) -> list[Entry]:
        return self._written_orgs.get(head, [])

    def written(self) -> list[Entry]:
        """The speakers nobody in the article fitted when they spoke, as the article writes them."""
        return list(self._written.values())

    # -- roles ----------------------------------------------------------------------------------
    def by_role(self, phrase: str, kinds: tuple[str, ...] = ("person",), limit: int | None = None) -> list[Entry]:
        """People introduced with a role this phrase names: "the Pakistani defense minister" (at most
        ``limit`` of them: whether one or several fit is often all a caller needs)."""
        key, head = role_key(phrase)
        if not key or head is None:
            return []
        # Only people holding every word of the role can fit: look through the rarest word's holders.
        pool = min((self._by_role_word.get(w, {}) for w in key), key=len)
        found = []
        for e in pool.values():
            if e.kind in kinds and holds_role(e, key, head):
                found.append(e)
                if limit is not None and len(found) >= limit:
                    break
        return found

    def same_office(self, phrase: str, limit: int = 2) -> list[Entry]:
        """People holding the office this phrase names, whatever nationality either adds: "Austria's
        interior minister" is "Interior Minister X"; not "German Interior Minister Y" (another country)."""
        key, head = role_key(phrase)
        if head is None or head not in ROLE_HEADS:
            return []
        core, nations = key - DEMONYMS, key & DEMONYMS
        if not core:
            return []
        pool = min((self._by_role_word.get(w, {}) for w in core), key=len)
        found = (e for e in pool.values() if e.kind == "person" and not e.as_written and any(
            h == head and k - DEMONYMS == core and (not nations or not k & DEMONYMS or k & DEMONYMS == nations)
            for k, h in e.keys))
        return list(itertools.islice(found, limit))  # whether one or several hold it is all a caller needs

    def in_family(self, phrase: str, limit: int = 16) -> list[Entry]:
        """People whose office is this role's under another head of its family, with every other word of
        the role: "the union leader" is "union president X", "the Acme boss" "Acme CEO Y"."""
        key, head = role_key(phrase)
        family = next((f for f in ROLE_FAMILIES if head in f), None)
        rest = key - {head}
        if family is None or not rest and family not in BARE_FAMILIES:
            return []
        if not rest:
            # "the lawmaker", "the congressman": a legislator introduced as "Rep. X" or "Sen. Y".
            found = (e for h in sorted(family - {head}) for e in self._by_role_word.get(h, {}).values()
                     if e.kind == "person" and not e.as_written and any(k_h in family for _, k_h in e.keys)
                     and not (head in MALE_ROLES and e.gender == "female" or head in FEMALE_ROLES and e.gender == "male"))
            return list(dict.fromkeys(itertools.islice(found, limit)))
        pool = min((self._by_role_word.get(w, {}) for w in rest), key=len)
        found = (e for e in pool.values() if e.kind == "person" and not e.as_written and any(
            h in family and h != head and rest <= k for k, h in e.keys))
        return list(itertools.islice(found, limit))

    # -- the result -----------------------------------------------------------------------------
    def people(self) -> tuple[Person, ...]:
        out = []
        for e in self.entries:
            aliases = tuple(dict.fromkeys([*e.forms, *e.roles]))
            out.append(Person(e.name, e.kind, aliases, e.roles[0] if e.roles else None, e.introduced_in, e.gender))
        return tuple(out)


def holds_role(e: Entry, key: frozenset[str], head: str | None) -> bool:
    return not e.as_written and any(key <= k and head == h for k, h in e.keys)


def _short_forename(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """"Josh Apte" and "Joshua Apte": the same surname, and one forename the start of the other."""
    if len(a) != 2 or len(b) != 2 or a[0] == b[0]:
        return False
    short, full = sorted((a[0], b[0]), key=len)
    return len(short) >= 3 and full.startswith(short)


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(any(s == w for w in it) for s in short)


def _strip_possessive(words: list[str]) -> list[str]:
    return [*words[:-1], _POSSESSIVE.sub("", words[-1])] if words else words
