"""One person quoted in several articles is one entry: people across a library, merged by rule.

Two people from different articles are the same when
- their full names match (two or more name words, compared without case, accents or punctuation), or
- their surnames match and so do their roles (the same comparable role words, ``attribution.registry.role_key``:
  "Iran's defence minister" and "Iranian Defense Minister" agree).
A surname alone never merges: the Hatami who is a defence minister in one story and the Hatami who
runs a bakery in another are two people. Commenters are matched by their exact screen name (it is
the only name they have, and it is unique on its site); organisations by their full name. The rule
is transitive (union-find): "Ali Hatami" in one article, "Hatami, Iran's defence minister" in a
second and "Ali Hatami, Iranian Defense Minister" in a third are one entry.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from .attribution.registry import role_key
from .speakers import Person, SpeakerKind


@dataclass(frozen=True)
class Appearance:
    """A person as one article has them."""

    article: str  # the article's key
    name: str  # the article's canonical name for them
    role: str | None
    published: date | None


@dataclass(frozen=True)
class LibraryPerson:
    name: str  # the fullest name any article gives
    kind: SpeakerKind
    role: str | None  # as the newest article that gives one has it
    appearances: tuple[Appearance, ...]  # newest article first

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.article for a in self.appearances))


def _words(name: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() or name
    return re.findall(r"[a-z0-9]+", plain.casefold())


def _full_name(person: Person) -> str | None:
    words = _words(person.name)
    if person.kind == "commenter":
        return "commenter:" + person.name
    if person.kind == "organisation":
        return "organisation:" + " ".join(words) if words else None
    return "person:" + " ".join(words) if len(words) >= 2 else None


def _surname_role(person: Person) -> str | None:
    if person.kind != "person" or not person.role:
        return None
    words = _words(person.name)
    role_words, _ = role_key(person.role)
    if not words or not role_words:
        return None
    return words[-1] + "|" + " ".join(sorted(role_words))


def merge_people(articles: Iterable[tuple[str, date | None, Iterable[Person]]]) -> tuple[LibraryPerson, ...]:
    """The library's people from each article's ``(key, published, people)``: most articles first."""
    found: list[tuple[Person, Appearance]] = []
    for key, published, people in articles:
        for p in people:
            found.append((p, Appearance(key, p.name, p.role, published)))
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[str, int] = {}
    for i, (person, _) in enumerate(found):
        for key in (_full_name(person), _surname_role(person)):
            if key is None:
                continue
            if key in first_with:
                parent[root(i)] = root(first_with[key])
            else:
                first_with[key] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(found)):
        groups.setdefault(root(i), []).append(i)
    out = []
    for members in groups.values():
        people = [found[i][0] for i in members]
        seen = [found[i][1] for i in members]
        seen.sort(key=lambda a: (a.published is None, -(a.published.toordinal() if a.published else 0)))
        name = max((p.name for p in people), key=lambda n: (len(_words(n)), len(n)))
        role = next((a.role for a in seen if a.role), None)
        out.append(LibraryPerson(name, people[0].kind, role, tuple(seen)))
    out.sort(key=lambda p: (-len(p.articles), p.name.casefold()))
    return tuple(out)
