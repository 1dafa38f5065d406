"""Who a reader means, however they type it: the same matching for "Who is Hatamy?", "What did
hatamy say?", "whats hatamis take" and the bot's autocomplete.

In order, the first that finds one person wins:
1. the article's own forms (``find_person``: name, surname, alias, role, commenter name);
2. a possessive typed without its apostrophe ("hatamis", "cubans", "jens" for Jen M);
3. every typed word found among one person's name words ("ayesha" -> Ayesha Memon, "rob" -> Rob_1974), typos allowed
   word by word (``fuzzy``), but never one real name for another: every typed word must match, so
   "Imran Khan" is not "Khurram Dastagir Khan", and a known forename never stands for another
   forename of the other sex ("Nadia" is not "Nadim");
4. a role, more loosely than ``find_person``: the one role that is exactly the typed words when
   several contain them ("the chancellor" is the Chancellor, not the Shadow Chancellor); an informal
   head ("the port chief", "the union boss") that only says "whoever is in charge", left to the role's
   other words; role words with a typo or another spelling ("councillor" / "Councilor").
A match one edit too far, or two people equally close, is not answered on: the caller asks back
"Did you mean …?".
"""
from __future__ import annotations

import bisect
import itertools
import re
import weakref
from functools import lru_cache

from dataclasses import dataclass
from typing import Callable, Iterator, Literal

from .attribution import find_person, normalise_phrase
from .bridge import wordnet
from .fuzzy import allowed_edits, distance
from .attribution.lexicon import DEMONYMS, FEMALE_NAMES, HONORIFICS, MALE_NAMES, ORG_HEADS, ORG_NOMINALS
from .attribution.registry import role_key
from .speakers import Cast, Person

How = Literal["name", "possessive", "words", "typo", "initials", "role", "description", "none"]

# WordNet's "head, chief, top dog" and "foreman, chief, gaffer, honcho, boss": heads that say only
# that someone is in charge, so the role's other words ("port", "union") decide who.
IN_CHARGE = frozenset({"boss", "chief", "head", "honcho", "top", "bigwig", "gaffer"})
_IN_CHARGE = IN_CHARGE
# The heads of offices that lead a body, which an informal head ("the hospital boss") may stand for.
LEADING_OFFICES = frozenset("""director executive chairman chairwoman chairperson chair chief head leader
president manager boss owner founder governor principal commissioner ceo""".split())
# Words that say what kind of body an office belongs to, not which one ("the club", "the party").
_ORG_KINDS = ORG_HEADS | ORG_NOMINALS | frozenset(
    "club team side museum gallery library school college hospital observatory society charity".split())
# ... and the words that say only "someone who knows the field" ("the cyber expert": the role's other words decide)
_GENERIC = frozenset({"person", "people", "one", "guy", "man", "woman", "lady", "dude", "someone", "official",
                      "expert", "specialist", "pro"})


@dataclass(frozen=True)
class PersonMatch:
    typed: str
    person: Person | None = None
    how: How = "none"
    suggestions: tuple[str, ...] = ()  # canonical names to offer as "Did you mean …?"

    @property
    def corrected(self) -> bool:
        """Whether the reader's words were read as someone's name other than as written."""
        return self.how in ("typo", "possessive", "description", "initials")


def _words(text: str) -> list[str]:
    # Letters only: a commenter's handle is read as the names in it ("Rob_1974" is "rob", as a reader
    # types it); its digits and underscores name no one.
    words = [w for w in re.findall(r"[^\W\d_](?:[^\W\d_]|[’'.-])*", normalise_phrase(text)) if w not in HONORIFICS]
    return [re.sub(r"['’]s?$", "", w).strip(".") for w in words if w.strip(".")]


def _gender(word: str) -> str | None:
    return "male" if word in MALE_NAMES else "female" if word in FEMALE_NAMES else None


def _word_edits(typed: str, word: str) -> int | None:
    """Edits from a typed word to a name word, or None when it cannot be that word."""
    if typed == word:
        return 0
    limit = allowed_edits(typed)
    if not limit or allowed_edits(word) == 0:
        return None
    g1, g2 = _gender(typed), _gender(word)
    if g1 and g2 and g1 != g2:
        return None  # two real names, not a typo
    d = distance(typed, word)
    return d if d <= limit + 1 else None


@lru_cache(maxsize=1 << 16)  # per person, not per question: a question is matched against every person
def _name_forms(person: Person) -> tuple[tuple[str, ...], ...]:
    """The person's name and the aliases made only of its words ("Hatami"): titles and roles are
    matched as roles, never letter by letter ("ministers" is not a typo of a minister's name)."""
    name = _words(person.name)
    forms = [name] + [w for a in person.aliases if (w := _words(a)) and set(w) <= set(name) and w != name]
    if person.kind == "commenter" and (camel := _words(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", person.name))) != name:
        forms.append(camel)  # a handle's words as a reader types them apart: "BramptonMum" is "brampton mum"
    return tuple(tuple(f) for f in forms if f)


def name_edits(typed: str, name: str) -> tuple[int, bool] | None:
    """(total edits, every word within its allowed edits) when every typed word is one of the name's
    words, typos allowed; None when some typed word is none of them. Autocomplete uses it too."""
    return _form_edits(_words(typed), _words(name))


def _short_forename(typed: str, forename: str) -> bool:
    """Whether a typed word is a forename cut short ("geoff" for Geoffrey, "chris" for Christopher):
    the forename's first letters, at least three and two or more short of it, of no other sex."""
    g1, g2 = _gender(typed), _gender(forename)
    return (len(typed) >= 3 and len(forename) - len(typed) >= 2 and forename.startswith(typed)
            and typed.isalpha() and not (g1 and g2 and g1 != g2))


def _form_edits(typed: list[str], form: list[str]) -> tuple[int, bool] | None:
    if not typed or not form:
        return None
    total, sure = 0, True
    for n, t in enumerate(typed):
        edits = [e for w in form if (e := _word_edits(t, w)) is not None]
        # a forename cut short counts as one edit, and only beside the rest of the name ("geoff lamb"
        # is Geoffrey Lamb; "geoff" alone, or "car" for Carla, is no one's name by itself)
        if len(typed) >= 2 and len(form) >= 2 and n == 0 and _short_forename(t, form[0]):
            edits.append(1)
        if not edits:
            return None
        total += min(edits)
        sure = sure and min(edits) <= allowed_edits(t)
    return total, sure


def _fit(typed: list[str], person: Person) -> tuple[int, bool] | None:
    """(total edits, all within the allowed edits) for the person's best-fitting name form."""
    fits = [f for form in _name_forms(person) if (f := _form_edits(typed, form)) is not None]
    return min(fits, key=lambda f: (f[0], not f[1])) if fits else None


_INDEXES: dict[int, tuple[weakref.ref, dict[str, list[int]], list[str]]] = {}


def _word_index(cast: Cast) -> tuple[dict[str, list[int]], list[str]]:
    """Each name word of the cast's people and commenters -> their positions in ``cast.people``; built
    once per cast, so matching a question's name looks only at people with a near word."""
    held = _INDEXES.get(id(cast))
    if held is not None and held[0]() is cast:
        return held[1], held[2]
    index: dict[str, list[int]] = {}
    for n, p in enumerate(cast.people):
        if p.kind in ("person", "commenter"):
            for w in dict.fromkeys(w for form in _name_forms(p) for w in form):
                index.setdefault(w, []).append(n)
    vocabulary = list(index)
    if len(_INDEXES) > 64:
        _INDEXES.clear()
    _INDEXES[id(cast)] = (weakref.ref(cast), index, vocabulary)
    return index, vocabulary


_SORTED: dict[int, tuple[weakref.ref, list[str]]] = {}


def _sorted_words(cast: Cast, vocabulary: list[str]) -> list[str]:
    """The cast's name words in order (made once per cast), so the words a typed word begins are a range."""
    held = _SORTED.get(id(cast))
    if held is not None and held[0]() is cast:
        return held[1]
    if len(_SORTED) > 64:
        _SORTED.clear()
    ordered = sorted(vocabulary)
    _SORTED[id(cast)] = (weakref.ref(cast), ordered)
    return ordered


def _near_people(cast: Cast, typed: list[str]) -> list[Person]:
    """People with, for every typed word, a name word it could be a typo of (a superset of those
    ``_fit`` accepts: within one edit more than allowed), in cast order."""
    from rapidfuzz import process  # on a typo's first search only, as in fuzzy.py: a cold start skips it
    from rapidfuzz.distance import OSA

    index, vocabulary = _word_index(cast)
    ordered = _sorted_words(cast, vocabulary)
    keep: set[int] | None = None
    for t in typed:
        near = {t} if t in index else set()
        if allowed_edits(t):
            near |= {w for w, _, _ in process.extract(t, vocabulary, scorer=OSA.distance,
                                                      score_cutoff=allowed_edits(t) + 1, limit=None)}
        if len(typed) >= 2 and t == typed[0] and len(t) >= 3:  # a forename cut short ("geoff lamb")
            at = bisect.bisect_left(ordered, t)
            while at < len(ordered) and ordered[at].startswith(t):
                near.add(ordered[at])
                at += 1
        found = {n for w in near for n in index[w]}
        keep = found if keep is None else keep & found
    return [cast.people[n] for n in sorted(keep or ())]


def _by_words(cast: Cast, phrase: str) -> PersonMatch | None:
    typed = _words(phrase)
    if not typed or len(typed) > 4:
        return None
    fits = sorted(((f, p) for p in _near_people(cast, typed) if (f := _fit(typed, p))), key=lambda fp: fp[0][0])
    if not fits:
        return None
    (edits, sure), person = fits[0]
    tied = [p.name for (e, _), p in fits if e == edits]
    if len(tied) > 1:
        return PersonMatch(phrase, None, "none", tuple(tied))
    if not sure:
        return PersonMatch(phrase, None, "none", (person.name,))
    return PersonMatch(phrase, person, "words" if edits == 0 else "typo")


_ROLE_INDEXES: dict[int, tuple[weakref.ref, dict[str, set[str]], list[str], dict[str, int]]] = {}


def _near_role_holders(cast: Cast, key: frozenset[str]) -> list[str]:
    """People whose roles have, for every typed role word, a word within its allowed edits (a superset of
    the close fits, in ``cast.roles`` order): an index of role words built once per cast, not a scan."""
    held = _ROLE_INDEXES.get(id(cast))
    if held is None or held[0]() is not cast:
        index: dict[str, set[str]] = {}
        for n, roles in cast.roles.items():
            for k, _ in roles:
                for w in k:
                    index.setdefault(w, set()).add(n)
        if len(_ROLE_INDEXES) > 64:
            _ROLE_INDEXES.clear()
        held = _ROLE_INDEXES[id(cast)] = (weakref.ref(cast), index, list(index), {n: i for i, n in enumerate(cast.roles)})
    _, index, vocabulary, order = held
    from rapidfuzz import process  # on a typo's first search only, as in fuzzy.py: a cold start skips it
    from rapidfuzz.distance import OSA

    keep: set[str] | None = None
    for t in key:
        near = {t} if t in index else set()
        if allowed_edits(t):
            near |= {w for w, _, _ in process.extract(t, vocabulary, scorer=OSA.distance,
                                                      score_cutoff=allowed_edits(t), limit=None)}
        found = set().union(*(index[w] for w in near)) if near else set()
        keep = found if keep is None else keep & found
    return sorted(keep or (), key=order.__getitem__)


def _by_role(cast: Cast, phrase: str, in_article: Callable[[str], bool] | None) -> PersonMatch | None:
    key, head = role_key(phrase)
    if not key:
        return None
    # Each test below asks whether one person fits: the holders of the role's rarest word are looked
    # through (``Cast.role_holders``), and no further than a second fit.
    exact = _first_two(n for n in cast.role_holders(key) if any(k == key for k, _ in cast.roles[n]))
    if len(exact) == 1 and (person := cast.person(exact[0])) is not None:
        return PersonMatch(phrase, person, "role")
    words = set(key) - _IN_CHARGE - _GENERIC
    last = phrase.split()[-1].casefold() if phrase.split() else ""
    if words and (last in _IN_CHARGE or last in _GENERIC or head is None):
        fits = _first_two(n for n in cast.role_holders(words) if any(words <= k for k, _ in cast.roles[n]))
        if len(fits) == 1 and (person := cast.person(fits[0])) is not None:
            return PersonMatch(phrase, person, "role")
    # Every typed role word is a word of one person's role, allowing a typo or spelling per word; a
    # plural is a group, not a typo ("the ministers" is not the one minister).
    known: dict[tuple[str, str], bool] = {}  # many holders share a role's words: each pair is read once

    def near(t: str, w: str) -> bool:
        if (t, w) not in known:
            e = _word_edits(t, w)
            plural = w in wordnet().lemmas(t) or t in (f"{w}s", f"{w}es")  # "americans" is not "American"
            known[t, w] = e is not None and e <= allowed_edits(t) and (e == 0 or not plural)
        return known[t, w]

    close = _first_two(n for n in _near_role_holders(cast, key)
                       if any(all(any(near(t, w) for w in k) for t in key) for k, _ in cast.roles[n]))
    if len(close) == 1 and (person := cast.person(close[0])) is not None:
        return PersonMatch(phrase, person, "typo")
    # "the club chairman", "the museum director": a word that only names the kind of organisation fits
    # the one person holding that office, unless their role names another kind ("the party chairman" is
    # not the chairman of the port trust).
    kinds = set(key) - {head}
    if head and kinds and kinds <= _ORG_KINDS:
        holders = _first_two(n for n in cast.role_holders(head=head)
                             if any(h == head and not (k & _ORG_KINDS) - kinds for k, h in cast.roles[n]))
        if len(holders) == 1 and (person := cast.person(holders[0])) is not None:
            return PersonMatch(phrase, person, "role")
    # "the rangers coach" when the article has two coaches and neither is the Rangers': ask which, when
    # the reader's other words are the article's ("the prime minister of India" is someone else).
    # A nationality the reader gives must not contradict the role's ("the president of Iran" is not
    # the US President).
    nations = key & DEMONYMS
    same_office = list(itertools.islice((n for n in cast.role_holders(head=head) if any(
        h == head and not (nations and (k & DEMONYMS) - nations) for k, h in cast.roles[n])), 4)) if head else []
    if head and 1 <= len(same_office) <= 3 and in_article is not None and all(in_article(w) for w in key - {head}):
        return PersonMatch(phrase, None, "none", tuple(same_office))
    return None


def _first_two(names: Iterator[str]) -> list[str]:
    """Enough of ``names`` to tell one from several."""
    return list(itertools.islice(names, 2))


def match_person(cast: Cast, phrase: str, in_article: Callable[[str], bool] | None = None) -> PersonMatch:
    """Who ``phrase`` means: see the module's docstring. ``in_article`` says whether a word is the
    article's; without it, an unfitting role is never offered back."""
    phrase = phrase.strip()
    if not phrase:
        return PersonMatch(phrase)
    if person := find_person(cast, phrase):
        return PersonMatch(phrase, person, "name")
    last = phrase.split()[-1]
    if len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        # "hatamis take": a name's possessive, never a plural role ("the ministers" is not the minister)
        person = find_person(cast, phrase[:-1])
        if person is not None and any(last[:-1].casefold() in form for form in _name_forms(person)):
            return PersonMatch(phrase, person, "possessive")
        # "jens take": a forename only one person's name has, with its possessive's s ("Jen M")
        bare = _by_words(cast, phrase[:-1])
        if bare is not None and bare.how == "words":
            return PersonMatch(phrase, bare.person, "possessive")
    if (found := _by_words(cast, phrase)) is not None and (found.person or found.suggestions):
        return found
    if (role := _by_role(cast, phrase, in_article)) is not None:
        return role
    if (body := _by_initials(cast, phrase)) is not None:
        return PersonMatch(phrase, body, "initials")
    return found or PersonMatch(phrase)


_JOINING = frozenset({"of", "the", "and", "for", "&", "de", "du", "la"})


def _by_initials(cast: Cast, phrase: str) -> Person | None:
    """"the efl" when the article names the English Football League but never writes "EFL": the one
    organisation whose name's initials (its joining words left out, or kept) are the typed short form."""
    words = phrase.casefold().split()
    if words and words[0] in ("the", "a"):
        words = words[1:]
    # three letters or more, and no English word ("the hwu", never "the man" or "she")
    if len(words) != 1 or not words[0].isalpha() or not 3 <= len(words[0]) <= 6 or wordnet().is_word(words[0]):
        return None
    typed = words[0]
    fits = []
    for p in cast.people:
        if p.kind != "organisation":
            continue
        name = [w for w in re.findall(r"[^\W\d_]+", p.name.casefold())]
        if len(name) < 2:
            continue
        forms = {"".join(w[0] for w in name), "".join(w[0] for w in name if w not in _JOINING)}
        if typed in forms:
            fits.append(p)
            if len(fits) > 1:
                return None
    return fits[0] if fits else None
