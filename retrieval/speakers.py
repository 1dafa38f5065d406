"""Who speaks in an article: people with their aliases, and each passage's attributed speaker(s).

Values only; the rules that fill them live in ``attribution``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Collection, Iterator, Literal, Mapping

SpeakerKind = Literal["person", "organisation", "commenter"]
Part = Literal["text", "quoted"]
# What an attribution reports: someone's words (speech), a document's findings (evidence: "polls
# show"), or what someone means to do (intent: "X wants"). "Who said" answers from speech.
AttributionKind = Literal["speech", "evidence", "intent"]


@dataclass(frozen=True)
class Person:
    name: str  # canonical: the longest, earliest full form
    kind: SpeakerKind
    aliases: tuple[str, ...] = ()  # every form the article uses: surname, title + surname, role
    role: str | None = None  # as introduced: "Iranian Defense Minister"
    introduced_in: str | None = None  # passage id that introduces them
    gender: str | None = None  # "male" / "female" when the article shows it (honorific, forename, role word)


@dataclass(frozen=True)
class Attribution:
    """Who says the words of one part of a passage, and the evidence a reader can check."""

    speaker: str | None  # canonical name, or None when unattributed
    part: Part = "text"  # "quoted" for the words a reply quotes
    cue: str | None = None  # "said", "was quoted as saying", "wrote the comment"
    evidence: str | None = None  # the words that named the speaker: "he", "The Pakistani defense minister"
    resolved_by: str | None = None  # "name", "pronoun", "role", "continuation", "author", "reply", "as written"
    note: str | None = None  # how a pronoun or role was resolved: "he -> Ali Hatami, the speaker of ¶4"
    kind: AttributionKind = "speech"


@dataclass(frozen=True)
class QuoteSpan:
    """One attributed stretch of a passage: a quotation or a sentence of reported speech, with offsets
    into the passage's text."""

    start: int
    end: int
    text: str
    speaker: str | None
    cue: str | None  # "said", "according to", "quotation" (a quotation continuing the one before)
    kind: AttributionKind = "speech"
    evidence: str | None = None  # the words that named the speaker


@dataclass(frozen=True)
class Cast:
    people: tuple[Person, ...]
    attributions: Mapping[str, tuple[Attribution, ...]] = field(default_factory=dict)
    # Precomputed for ``find_person``: every normalised name form -> canonical name (forms two people
    # share are left out), and each person's roles as (comparable words, head word).
    lookup: Mapping[str, str] = field(default_factory=dict)
    roles: Mapping[str, tuple[tuple[frozenset[str], str | None], ...]] = field(default_factory=dict)
    quotes: Mapping[str, tuple[QuoteSpan, ...]] = field(default_factory=dict)  # by passage id
    _by_name: Mapping[str, Person] = field(init=False, repr=False, compare=False)
    _speakers: tuple[Person, ...] = field(init=False, repr=False, compare=False)
    _by_role_word: Mapping[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    _by_role_head: Mapping[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Indexes built once, so naming a person or listing the speakers never rescans the article.
        by_name: dict[str, Person] = {}
        for p in self.people:
            by_name.setdefault(p.name, p)
        order: dict[str, None] = {}
        for attrs in self.attributions.values():
            for a in attrs:
                if a.speaker and a.kind == "speech":
                    order.setdefault(a.speaker)
        object.__setattr__(self, "_by_name", by_name)
        object.__setattr__(self, "_speakers", tuple(p for name in order if (p := by_name.get(name)) is not None))
        # Role holders by each word of a role and by its head, in ``roles`` order: naming someone by a
        # role looks through the holders of its rarest word, never through everyone.
        by_word: dict[str, dict[str, None]] = {}
        by_head: dict[str, dict[str, None]] = {}
        for name, roles in self.roles.items():
            for words, head in roles:
                for w in words:
                    by_word.setdefault(w, {})[name] = None
                if head is not None:
                    by_head.setdefault(head, {})[name] = None
        object.__setattr__(self, "_by_role_word", {w: tuple(names) for w, names in by_word.items()})
        object.__setattr__(self, "_by_role_head", {h: tuple(names) for h, names in by_head.items()})

    def person(self, name: str) -> Person | None:
        """The person with this canonical name."""
        return self._by_name.get(name)

    def role_holders(self, words: Collection[str] = (), head: str | None = None) -> Iterator[str]:
        """Names that may hold a role with every one of ``words`` (and the head ``head``), in ``roles``
        order: the holders of the rarest of them, a superset the caller narrows with its own test."""
        lists = [self._by_role_word.get(w, ()) for w in words]
        if head is not None:
            lists.append(self._by_role_head.get(head, ()))
        return iter(min(lists, key=len)) if lists else iter(self.roles)

    def speaker_of(self, passage_id: str, part: Part = "text") -> str | None:
        """The passage's main speaker: the first whose words it reports."""
        for a in self.attributions.get(passage_id, ()):
            if a.part == part and a.speaker and a.kind == "speech":
                return a.speaker
        return None

    def speakers_in(self, passage_id: str) -> tuple[str, ...]:
        """Everyone whose words the passage reports, main speaker first."""
        names = [a.speaker for a in self.attributions.get(passage_id, ())
                 if a.part == "text" and a.speaker and a.kind == "speech"]
        names += [q.speaker for q in self.quotes.get(passage_id, ()) if q.speaker and q.kind == "speech"]
        return tuple(dict.fromkeys(names))

    def lookup_commenter(self, name: str) -> str | None:
        """The canonical name of the commenter called ``name`` (any case), or None."""
        person = self._by_name.get(name)
        if person is not None and person.kind == "commenter":
            return person.name
        found = self.lookup.get(name.casefold())
        return found if found is not None and (p := self._by_name.get(found)) and p.kind == "commenter" else None

    def speakers(self) -> tuple[Person, ...]:
        """People who say something in the article (attributed at least one passage), in order of first words."""
        return self._speakers
