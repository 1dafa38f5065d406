"""How questions name people: a phrase ("Mr Shaikh", "the Pakistani defense minister", "@Raj") to
the one person of a ``Cast`` it means, through lookups built once per article.
"""
from __future__ import annotations

import itertools
import re

from ..speakers import Cast, Person
from .lexicon import HONORIFICS, ORG_HEADS, PLACES, ROLE_HEADS, bare
from .registry import Registry, gender_of, role_key, split_title


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


def build_lookup(people: tuple[Person, ...]) -> dict[str, str]:
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
        if person.kind == "organisation" and " " in person.name and bare(person.name.split()[-1]) in ORG_HEADS:
            # "the Herald" is the Calder Bay Herald, "the Trust" the Karachi Port Trust: when only one has it.
            keys.add(normalise_phrase(person.name.split()[-1]))
        for key in keys:
            forms.setdefault(key, set()).add(person.name)
    lookup = {k: next(iter(v)) for k, v in forms.items() if len(v) == 1 and k}
    lookup.update(exact)
    return lookup


def build_roles(registry: Registry) -> dict[str, tuple[tuple[frozenset[str], str | None], ...]]:
    return {e.name: tuple(e.keys) for e in registry.entries if e.keys and not e.as_written}


def find_person(cast: Cast, phrase: str) -> Person | None:
    """The person a question means by ``phrase`` (full name, alias, role, commenter name), or None."""
    want = normalise_phrase(phrase)
    if not want:
        return None
    titled = normalise_phrase(phrase, titles=True)
    name = cast.lookup.get(titled) or cast.lookup.get(want)
    if name is not None:
        found = cast.person(name)
        if found is not None and found.kind == "organisation" and (holder := _role_holder(cast, want)) is not None:
            return holder  # "the MP": an office written in capitals, held by one person the article names
        if found is not None and found.name.casefold().startswith(("a ", "an ")) and (
                holder := _role_holder(cast, want)) is not None and holder.name != found.name:
            # "the analyst": the one the article names in that office ("Retail analyst Jonathan Pike"), not
            # someone it never names ("Asked by an analyst whether ...").
            return holder
        return found
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
    return _role_holder(cast, want)


def _role_holder(cast: Cast, want: str) -> Person | None:
    """The one person holding the role ``want`` names ("the treasurer", "the area's MP"), or None."""
    key, head = role_key(want)
    if not key or head not in ROLE_HEADS:
        return None
    # Whether one or several hold it is all that counts: look no further than a second holder.
    fits = list(itertools.islice((n for n in cast.role_holders(key, head) if any(
        key <= k and head == h for k, h in cast.roles[n])), 2))
    return cast.person(fits[0]) if len(fits) == 1 else None
