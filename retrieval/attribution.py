"""Attribute every passage to its speaker(s) by rules about English news prose.

(First cut: comments by author, paragraphs by "<Name> said" / "said <Name>" and pronouns.)
"""
from __future__ import annotations

import re

from .article import Article
from .speakers import Attribution, Cast, Person

_NAME = r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)"
_SAID_AFTER = re.compile(_NAME + r",?\s+(?:was quoted as saying|said|says|told|added|reported)\b")
_SAID_BEFORE = re.compile(r"\b(?:said|says|added)\s+" + _NAME)
_PRONOUN = re.compile(r"\b(?P<name>he|she|they)\s+(?:said|says|added)\b", re.IGNORECASE)


def attribute(article: Article) -> Cast:
    people: dict[str, Person] = {}
    attributions: dict[str, tuple[Attribution, ...]] = {}
    last: str | None = None
    for p in article.passages:
        if p.kind == "comment":
            people.setdefault(p.author, Person(p.author, "commenter", (p.author,), None, p.id))
            attrs = [Attribution(p.author, "text", "wrote the comment", p.author, "author")]
            if p.quoted and p.reply_to:
                people.setdefault(p.reply_to, Person(p.reply_to, "commenter", (p.reply_to,), None, None))
                attrs.append(Attribution(p.reply_to, "quoted", "quoted in a reply", f"@{p.reply_to}", "reply"))
            attributions[p.id] = tuple(attrs)
            continue
        match = _SAID_AFTER.search(p.text) or _SAID_BEFORE.search(p.text)
        if match:
            name = match.group("name")
            people.setdefault(name, Person(name, "person", (name,), None, p.id))
            last = name
            attributions[p.id] = (Attribution(name, "text", "said", name, "name"),)
        elif (pm := _PRONOUN.search(p.text)) and last:
            attributions[p.id] = (Attribution(last, "text", "said", pm.group("name"), "pronoun"),)
        else:
            attributions[p.id] = (Attribution(None),)
    return Cast(tuple(people.values()), attributions)


def find_person(cast: Cast, phrase: str) -> Person | None:
    """The person a question means by ``phrase`` (full name, alias, role, commenter name), or None."""
    want = re.sub(r"\s+", " ", phrase).strip().casefold()
    want = re.sub(r"^the\s+", "", want)
    for person in cast.people:
        if want == person.name.casefold() or want in (a.casefold() for a in person.aliases):
            return person
    return None
