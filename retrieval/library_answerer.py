"""Answer questions across a whole library of articles: who said what, in which article.

It composes the per-article pieces rather than repeating them: each article's ``Answerer`` keeps its
passages, speakers and people (attribution stays one article at a time), and one ``ArchiveIndex``
ranks every passage of every article together, with BM25 statistics of the whole library. Each
indexed document is one of an answerer's segments, in order, so a hit's position is that segment.

- "Who said X?": the best passage in the library, its speaker and its article.
- "What did Y say (about Z)?": Y is resolved in every article and merged across them
  (``library_people``); without a topic their words are listed newest article first, with one the
  library's passages of theirs are ranked.
- "Who is Y?", "Which articles quote Y?", "Who is quoted?" (the people view): from the merged people.
- Anything else is a search. Every quote names its article, and quotes are grouped by article.

Blocking (it may open every article of the library once): adapters call it off the event loop.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Collection, Iterable, Mapping, Protocol, Sequence

from .analyzer import Analyzer
from .answer import Answer, ArticleRef, Quote
from .answerer import MIN_COVERAGE, RUNNER_UP_SHARE, Answerer
from .archive import ArchiveError, ArchiveHit, ArchiveIndex
from .library_people import LibraryPerson, merge_people
from .question import Question, parse_question

DEFAULT_K = 3
MAX_PER_ARTICLE = 3  # quotes of one person from one article in a listing
MAX_LISTED = 8  # quotes in a listing across the library
MAX_PEOPLE = 15  # people named in the people view

_WHICH_ARTICLES = re.compile(
    r"^(?:which|what)\s+(?:articles?|stories|story|pieces?|reports?)\s+(?:(?:do|does|did)\s+)?"
    r"(?:quotes?|quoted|mentions?|mentioned|cites?|cited|features?|featured|has|have|had)\s+(?P<subject>.+?)$"
    r"|^(?:where|in\s+which\s+articles?)\s+(?:is|was|has|have)\s+(?P<subject2>.+?)\s+(?:been\s+)?(?:quoted|cited)"
    r"(?:\s+in)?$",
    re.IGNORECASE,
)


class Shelf(Protocol):
    """Where the library's articles come from: their keys, and each one's answerer (opened on demand)."""

    def keys(self) -> Sequence[str]: ...

    def answerer(self, key: str) -> Answerer: ...


@dataclass(frozen=True)
class MappingShelf:
    """A shelf over answerers already open, or a function that opens them."""

    answerers: Mapping[str, Answerer] | None = None
    opener: Callable[[str], Answerer] | None = None
    listed: tuple[str, ...] = ()

    def keys(self) -> Sequence[str]:
        return tuple(self.answerers) if self.answerers is not None else self.listed

    def answerer(self, key: str) -> Answerer:
        if self.answerers is not None:
            return self.answerers[key]
        assert self.opener is not None
        return self.opener(key)


def documents(answerer: Answerer, analyzer: Analyzer) -> list[list[str]]:
    """What the library index keeps of an article: each segment's terms, in segment order."""
    return [analyzer.terms(s.text) for s in answerer.segments]


class LibraryAnswerer:
    def __init__(self, shelf: Shelf, index: ArchiveIndex, analyzer: Analyzer | None = None) -> None:
        self.shelf = shelf
        self.index = index
        self.analyzer = analyzer or Analyzer()
        self._people: tuple[LibraryPerson, ...] | None = None
        self._person_of: dict[tuple[str, str], LibraryPerson] = {}
        self._casts: dict[str, tuple] = {}  # key -> (published, speakers), see _people_of

    @classmethod
    def open(cls, shelf: Shelf, path: str | Path | None = None, analyzer: Analyzer | None = None) -> "LibraryAnswerer":
        """The library's index mapped from ``path`` and brought up to date with the shelf (articles
        added or removed since are added or removed, nothing else is rebuilt); built when missing."""
        analyzer = analyzer or Analyzer()
        index = None
        if path is not None and (Path(path) / "meta.json").exists():
            try:
                index = ArchiveIndex.open(path)
            except ArchiveError:
                index = None  # unreadable or an old format: build it again from the articles
        keys = list(shelf.keys())
        if index is None:
            index = ArchiveIndex.build(((k, documents(shelf.answerer(k), analyzer)) for k in keys), path)
        else:
            wanted = set(keys)
            for key in index.articles:
                if key not in wanted:
                    index.remove(key)
            for key in keys:
                if key not in index:
                    index.add(key, documents(shelf.answerer(key), analyzer))
        return cls(shelf, index, analyzer)

    # -- keeping up with the shelf ----------------------------------------------------------------
    def add(self, key: str) -> None:
        """Index an article the shelf now has (searchable at once)."""
        if key in self.index:
            self.index.remove(key)
        self.index.add(key, documents(self.shelf.answerer(key), self.analyzer))
        self._casts.pop(key, None)
        self._people = None

    def remove(self, key: str) -> None:
        if key in self.index:
            self.index.remove(key)
        self._casts.pop(key, None)
        self._people = None

    # -- the library's people ---------------------------------------------------------------------
    def _people_of(self, key: str) -> tuple:
        """An article's (published, speakers), kept once read: the people view and name lookups then
        need no article opened again (a large library's answerers do not all fit the adapters' cache)."""
        found = self._casts.get(key)
        if found is None:
            a = self.shelf.answerer(key)
            found = self._casts[key] = (a.article.published, a.speakers())
        return found

    def people(self) -> tuple[LibraryPerson, ...]:
        """Everyone quoted in the library, one entry a person, most articles first."""
        if self._people is None:
            rows = [(key, *self._people_of(key)) for key in self.index.articles]
            self._people = merge_people(rows)
            self._person_of = {(ap.article, ap.name): p for p in self._people for ap in p.appearances}
        return self._people

    def find_person(self, phrase: str) -> LibraryPerson | None:
        """Whom ``phrase`` means across the library: resolved in each article as that article would,
        then the merged person most articles point to (a surname shared by two people picks the one
        quoted more widely). Only articles with someone whose name, alias or role shares a word with
        the phrase are asked."""
        people = self.people()
        words = {w for w in re.findall(r"\w+", phrase.casefold()) if len(w) > 2}

        def shares_a_word(key: str) -> bool:
            return any(words & set(re.findall(r"\w+", " ".join((p.name, *p.aliases, p.role or "")).casefold()))
                       for p in self._people_of(key)[1])

        votes: dict[LibraryPerson, int] = {}
        for only_sharing in (True, False):  # then every article: a misspelt name shares no word
            for key in self.index.articles:
                if only_sharing and not shares_a_word(key):
                    continue
                found = self.shelf.answerer(key).find_person(phrase)
                person = self._person_of.get((key, found.name)) if found is not None else None
                if person is not None:
                    votes[person] = votes.get(person, 0) + 1
            if votes:
                break
        if not votes:
            return None
        rank = {p: i for i, p in enumerate(people)}
        return min(votes, key=lambda p: (-votes[p], rank[p]))

    # -- answering --------------------------------------------------------------------------------
    def ask(self, text: str, *, follow_up: Answer | None = None, k: int = DEFAULT_K) -> Answer:
        """``follow_up``: the answer a follow-up replies to; "what else did he say" takes its speaker."""
        body = re.sub(r"\s+", " ", (text or "").strip()).rstrip("?!. ")
        if m := _WHICH_ARTICLES.match(body):
            return self._which_articles(text.strip(), (m.group("subject") or m.group("subject2")).strip())
        q = parse_question(text)
        if q.subject_is_pronoun and follow_up is not None and follow_up.speaker:
            q = replace(q, subject=follow_up.speaker)
        if q.kind == "invalid":
            return self._invalid(q)
        if q.kind == "article":
            return self._about_library(q)
        if q.kind == "who_said":
            return self._who_said(q, k)
        if q.kind == "what_said" and q.subject and not q.subject_is_pronoun:
            return self._what_said(q, k)
        if q.kind == "who_is":
            return self._who_is(q, k)
        if q.kind == "what_said":  # "what do the commenters think about X?" / "what did he say": words only
            return self._search(Question(q.text, "search", q.topic or q.text), k)
        return self._search(q, k)

    def _invalid(self, q: Question) -> Answer:
        if q.problem == "too_long":
            lead = "That question is too long for me: please ask it in a sentence or two."
        elif q.problem == "incomplete":
            lead = "Said what? Give me some of the words, such as “Who called the deal a betrayal?”"
        else:
            lead = "Ask me about the articles in the library, such as “Who called the deal a betrayal?”"
        return Answer(q.text, "invalid", lead, no_answer=True)

    def _ref(self, key: str) -> ArticleRef:
        a = self.shelf.answerer(key).article
        return ArticleRef(key, a.title, a.published, a.url)

    def _quote(self, key: str, position: int, terms: Collection[str], score: float) -> Quote:
        answerer = self.shelf.answerer(key)
        quote = answerer._quote(answerer.segments[position], terms, score)
        return replace(quote, article=self._ref(key))

    def _quotes(self, hits: list[ArchiveHit], terms: Collection[str]) -> tuple[Quote, ...]:
        """Quotes grouped by article: the article of the best hit first, each group best first."""
        order: dict[str, list[ArchiveHit]] = {}
        for h in hits:
            order.setdefault(h.article, []).append(h)
        return tuple(self._quote(h.article, h.position, terms, h.score) for group in order.values() for h in group)

    def _rank(self, topic: str, k: int, within: Collection[int] | None = None,
              verb: str | None = None) -> tuple[list[ArchiveHit], list[str], bool]:
        """As ``Answerer._rank``, over the whole library with its statistics."""
        tokens = self.analyzer.tokens(topic)
        terms = list(dict.fromkeys(t.term for t in tokens))
        if verb:
            terms += [t for t in self.analyzer.terms(verb) if self.index.known(t) and t not in terms]
        hits = self.index.search(terms, k=max(k, 1) * 3, within=within) if terms else []
        hits = [h for h in hits if self._fits(h)]
        if not hits:
            return [], terms, False
        if any(t.start > 0 and topic[t.start].isupper() and not self.index.known(t.term) for t in tokens):
            return hits[:k], terms, False
        total = sum(self.index.idf(t) for t in terms)
        best = hits[0]
        covered = sum(self.index.idf(t) for t in best.matched)
        enough = total > 0 and covered / total >= MIN_COVERAGE
        kept = [h for h in hits if h.score >= best.score * RUNNER_UP_SHARE][:k]
        return kept, terms, enough

    def _fits(self, hit: ArchiveHit) -> bool:
        """Whether the hit still names a segment of its article (an article re-read since it was indexed
        may have changed: it is indexed again, and the stale hit dropped)."""
        if hit.position < len(self.shelf.answerer(hit.article).segments):
            return True
        self.add(hit.article)
        return False

    def _search(self, q: Question, k: int) -> Answer:
        hits, terms, enough = self._rank(q.topic, k)
        if not enough:
            return Answer(q.text, q.kind, "None of the articles in the library says.", no_answer=True)
        quotes = self._quotes(hits, terms)
        best = quotes[0]
        lead = f"The best match is {_where(best)}" + (f", from {best.speaker}." if best.speaker else ".")
        return Answer(q.text, q.kind, lead, quotes, speaker=best.speaker, speakers=_names(quotes),
                      matched_terms=_matched(hits))

    def _who_said(self, q: Question, k: int) -> Answer:
        topic = q.topic or (f"replied to {q.subject}" if q.subject else "")
        hits, terms, enough = self._rank(topic, k, verb=q.verb)
        if not enough:
            return Answer(q.text, q.kind, "None of the articles in the library says who said that.", no_answer=True)
        quotes = self._quotes(hits, terms)
        best = quotes[0]
        if best.speaker is None:
            lead = f"{_where(best)} says it in the article's own words; it doesn't name a speaker."
            return Answer(q.text, q.kind, lead, quotes, matched_terms=_matched(hits))
        assert best.article is not None
        local = self.shelf.answerer(best.article.key).cast.person(best.speaker)
        role = local.role if local else None
        who = f"{best.speaker} (a commenter)" if local and local.kind == "commenter" else (
            f"{best.speaker}, {role}," if role else best.speaker)
        names = _names(quotes)
        lead = f"{who} said it ({_where(best)})"
        lead += f"; {', '.join(names[1:])} also said something close." if len(names) > 1 else "."
        return Answer(q.text, q.kind, lead, quotes, speaker=best.speaker, speaker_role=role, speakers=names,
                      matched_terms=_matched(hits))

    def _mine(self, person: LibraryPerson) -> list[tuple[str, list[int]]]:
        """The person's segments in each article quoting them, newest article first."""
        out = []
        for ap in person.appearances:
            answerer = self.shelf.answerer(ap.article)
            positions = [i for i, s in enumerate(answerer.segments) if s.speaker == ap.name]
            if positions:
                out.append((ap.article, positions))
        return out

    def _what_said(self, q: Question, k: int) -> Answer:
        assert q.subject is not None
        person = self.find_person(q.subject)
        if person is None:
            return Answer(q.text, q.kind, f"{_display(q.subject)} isn't quoted in any article in the library.",
                          speaker=q.subject, no_answer=True)
        who = _who(person)
        mine = self._mine(person)
        if not mine:
            return Answer(q.text, q.kind, f"{person.name} is mentioned but not quoted in the library.",
                          speaker=person.name, speaker_role=person.role, no_answer=True)
        topic = q.topic or q.verb or ""
        if topic:
            within = [self.index.docs_of(key)[i] for key, positions in mine for i in positions]
            hits, terms, enough = self._rank(topic, k, within=within)
            if enough:
                quotes = self._quotes(hits, terms)
                lead = f"What {who} says about {topic}:" if q.topic else f"What {who} says:"
                return Answer(q.text, q.kind, lead, quotes, speaker=person.name, speaker_role=person.role,
                              speakers=(person.name,), matched_terms=_matched(hits))
            if q.topic:
                return Answer(q.text, q.kind, f"{person.name} doesn't say anything about {topic} in the library.",
                              speaker=person.name, speaker_role=person.role, no_answer=True)
        quotes: list[Quote] = []
        for key, positions in mine:  # newest article first, each in its own order
            for i in positions[:MAX_PER_ARTICLE]:
                if len(quotes) < MAX_LISTED:
                    quotes.append(self._quote(key, i, (), 0.0))
        n = len(mine)
        lead = f"What {who} says, newest article first ({_plural(n, 'article')}):"
        return Answer(q.text, q.kind, lead, tuple(quotes), speaker=person.name, speaker_role=person.role,
                      speakers=(person.name,))

    def _who_is(self, q: Question, k: int) -> Answer:
        person = self.find_person(q.subject or "")
        if person is None:
            return self._search(Question(q.text, "search", q.topic), k)
        newest = person.appearances[0]
        answerer = self.shelf.answerer(newest.article)
        local = answerer.cast.person(newest.name)
        quotes: tuple[Quote, ...] = ()
        if local is not None and local.introduced_in:
            at = next((i for i, s in enumerate(answerer.segments) if s.passage.id == local.introduced_in), None)
            if at is not None:
                terms = self.analyzer.terms(" ".join((local.name, *local.aliases)))
                quotes = (self._quote(newest.article, at, terms, 0.0),)
        n = len(person.articles)
        what = "a reader who commented" if person.kind == "commenter" else "quoted"
        lead = (f"{_who(person)} is {what} in {_plural(n, 'article')}: " + _titles(self, person.articles) + ".")
        return Answer(q.text, q.kind, lead, quotes, speaker=person.name, speaker_role=person.role,
                      speakers=(person.name,))

    def _which_articles(self, text: str, subject: str) -> Answer:
        person = self.find_person(subject)
        if person is None:
            return Answer(text, "article", f"{_display(subject)} isn't quoted in any article in the library.",
                          speaker=subject, no_answer=True)
        mine = self._mine(person)
        if not mine:
            return Answer(text, "article", f"{person.name} is mentioned but not quoted in the library.",
                          speaker=person.name, no_answer=True)
        quotes = tuple(self._quote(key, positions[0], (), 0.0) for key, positions in mine[:MAX_LISTED])
        verb = "quotes" if len(mine) == 1 else "quote"
        lead = (f"{_plural(len(mine), 'article')} {verb} {person.name}, newest first: "
                + _titles(self, [key for key, _ in mine]) + ".")
        return Answer(text, "article", lead, quotes, speaker=person.name, speaker_role=person.role,
                      speakers=(person.name,))

    def _about_library(self, q: Question) -> Answer:
        n = len(self.index.articles)
        if q.facet == "speakers":
            people = [p for p in self.people() if p.kind != "commenter"]
            if not people:
                return Answer(q.text, q.kind, "Nobody is quoted in the library's articles yet.", no_answer=True)
            shown = ", ".join(f"{p.name} ({_plural(len(p.articles), 'article')})" for p in people[:MAX_PEOPLE])
            more = f", and {len(people) - MAX_PEOPLE} more" if len(people) > MAX_PEOPLE else ""
            return Answer(q.text, q.kind, f"Quoted across {_plural(n, 'article')}: {shown}{more}.",
                          speakers=tuple(p.name for p in people[:MAX_PEOPLE]))
        return Answer(q.text, q.kind, f"The library has {_plural(n, 'article')}; ask that about one of them "
                                      "(choose the article) and I'll answer from it.", no_answer=True)


def _where(q: Quote) -> str:
    """"¶5 of “Port strike ends”"."""
    return f"{q.citation} of “{q.article.title}”" if q.article else q.citation


def _who(person: LibraryPerson) -> str:
    if person.kind == "commenter":
        return f"{person.name} (a commenter)"
    return f"{person.name}, {person.role}," if person.role else person.name


def _titles(library: LibraryAnswerer, keys: Iterable[str]) -> str:
    return "; ".join(f"“{library.shelf.answerer(k).article.title}”" for k in keys)


def _matched(hits: list[ArchiveHit]) -> tuple[str, ...]:
    return tuple(sorted(set().union(*(h.matched for h in hits)))) if hits else ()


def _names(quotes: tuple[Quote, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(q.speaker for q in quotes if q.speaker))


def _display(subject: str) -> str:
    return subject[:1].upper() + subject[1:]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")
