"""What has been read of one article so far: its people, who spoke where, who was mentioned where.

The state the stages share while ``attribute`` reads the article in order. Every lookup is by passage
or by index (never a rescan of what was read before), so reading n passages costs O(n).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..article import Article, Passage
from .registry import Entry, Registry


@dataclass(frozen=True)
class Mention:
    """A person or organisation the article names: where, and whether as a possessive ("Trump's")."""

    passage: str
    sentence: int
    start: int  # token index of the first word
    entry: Entry
    possessive: bool = False
    subject: bool = False  # opens its sentence: the one a pronoun that follows most likely means


class Recency:
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


_NAME_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w’'-]*)"
_NAME_RUN = re.compile(rf"{_NAME_WORD}(?: (?:(?:of|for|the|bin|de|von|van) )*{_NAME_WORD})+")


_LONE = re.compile(r"\b[A-Z][a-z][\w’'-]*")


class Reading:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.people = Registry()
        self.position = {p.id: i for i, p in enumerate(article.passages)}
        self.spoken: list[tuple[str, Entry]] = []  # (passage id, speaker) in reading order
        self.spoken_in: dict[str, list[Entry]] = {}  # the same by passage
        self.recency = Recency()
        self.mentions: list[Mention] = []  # who the article names, in order
        self.mentions_in: dict[str, list[Mention]] = {}
        # "The suspect, Michael Webb," / "Webb, the driver,": a described person's noun -> who it named
        self.described_as: dict[str, dict[str, Entry]] = {}
        self.text = text = " ".join(p.text for p in article.passages if p.kind == "paragraph")
        words = re.findall(r"[A-Za-z]+", text)
        # Words the article writes in lowercase: a sentence's first word among them is no name ("Unlike").
        self.vocabulary = frozenset(filter(str.islower, set(words)))
        # Every run of two or more capitalised words the article writes ("Ali Hatami", "United States"),
        # lowercase: a short form's fullest spelling ("the U.S." -> "United States") and whether a lone
        # name ever ends a longer one ("Hatami said" before "Ali Hatami": a person's surname).
        self.name_runs = frozenset(m.lower() for m in _NAME_RUN.findall(text))
        self._surnames: frozenset[str] | None = None
        self._capitalised: frozenset[str] | None = None
        self.times_named: dict[str, int] = {}  # how often each organisation was named so far
        self.police_forces: tuple[str, ...] | None = None  # "<Place> police" the article writes, on first need
        # The name runs an acronym may abbreviate, by their first and last initials (``mentions``, on first need).
        self.runs_by_initials: dict[tuple[str, str], list[tuple[str, str]]] | None = None
        self._capitalised_by_letter: dict[str, list[str]] | None = None
        self._lower_text: str | None = None
        self._in_a_run: dict[str, bool] = {}
        self._organisations_by_usage: frozenset[tuple[str, ...]] | None = None

    def used_as_organisation(self, words: list[str] | tuple[str, ...]) -> bool:
        """Whether the article treats this name as an organisation's and never as a person's
        (``org_usage``; read once, on first need)."""
        if self._organisations_by_usage is None:
            from .org_usage import organisations_by_usage

            self._organisations_by_usage = organisations_by_usage(self.text)
        words = list(words)
        if words and words[0].lower() == "the":
            words = words[1:]
        if words:
            words[-1] = re.sub(r"['’]s?$", "", words[-1])
        from .lexicon import bare

        key = tuple(bare(w) for w in words)
        return bool(key) and key in self._organisations_by_usage

    @property
    def capitalised(self) -> frozenset[str]:
        """Every word the article writes capitalised and not in capitals ("Volkswagen", "WeWork")."""
        if self._capitalised is None:
            self._capitalised = frozenset(re.sub(r"['’]s?$", "", w) for w in _LONE.findall(self.text))
        return self._capitalised

    def capitalised_starting(self, letter: str) -> list[str]:
        """The ``capitalised`` words that start with this letter (grouped once, on first need)."""
        if self._capitalised_by_letter is None:
            self._capitalised_by_letter = {}
            for w in self.capitalised:
                self._capitalised_by_letter.setdefault(w[:1], []).append(w)
        return self._capitalised_by_letter.get(letter, [])

    @property
    def lower_text(self) -> str:
        """The article's paragraphs, lowercase (made once)."""
        if self._lower_text is None:
            self._lower_text = self.text.lower()
        return self._lower_text

    def in_a_name_run(self, phrase: str) -> bool:
        """Whether some run of capitalised words the article writes holds ``phrase`` (lowercase): read
        through the runs once per phrase, not once per mention."""
        if phrase not in self._in_a_run:
            self._in_a_run[phrase] = any(phrase in run for run in self.name_runs)
        return self._in_a_run[phrase]

    @property
    def surnames(self) -> frozenset[str]:
        """Lone words the article also writes as the last word of a person's name ("Michael Jordan",
        "Ali Hatami"): "Jordan said" may be that person, "Hatami" is one."""
        if self._surnames is None:
            from .lexicon import NOT_NAME, ORG_HEADS, PLACES, bare
            from .registry import is_title_word

            def personal(words: list[str]) -> bool:
                titled = False
                while len(words) > 1 and is_title_word(words[0]):
                    words, titled = words[1:], True  # "Coach Lena Jordan", "Mr. Trump"
                first = bare(words[0])
                if len(words) == 1 and not titled:
                    return False
                return (" ".join(words) not in PLACES and first not in PLACES and first not in NOT_NAME
                        and not any(bare(w) in ORG_HEADS for w in words))

            self._surnames = frozenset(bare(words[-1]) for run in self.name_runs
                                       if personal(words := run.split()))
        return self._surnames

    def passage(self, pid: str) -> Passage:
        return self.article.passages[self.position[pid]]

    def previous(self, p: Passage) -> Passage | None:
        at = self.position[p.id]
        return self.article.passages[at - 1] if at > 0 else None

    def recent_ids(self, p: Passage) -> set[str]:
        """This paragraph and the one before it."""
        before = self.previous(p)
        return {p.id} | ({before.id} if before is not None else set())

    def mentioned(self, m: Mention) -> None:
        self.mentions.append(m)
        self.mentions_in.setdefault(m.passage, []).append(m)
        if m.entry.kind == "organisation":
            key = m.entry.name.lower()
            self.times_named[key] = self.times_named.get(key, 0) + 1

    def spoke(self, pid: str, e: Entry) -> None:
        self.spoken.append((pid, e))
        self.spoken_in.setdefault(pid, []).append(e)
        self.recency.spoke(e, pid)
