"""The answer to a question, as a value every adapter renders the same way."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .article import PassageKind
from .question import QuestionKind
from .speakers import Part


@dataclass(frozen=True)
class ArticleRef:
    """Which article a quote comes from, in an answer drawn from a whole library."""

    key: str
    title: str
    published: date | None
    url: str | None


@dataclass(frozen=True)
class Quote:
    passage_id: str  # "p5", "c4"
    citation: str  # "¶5", "comment #4"
    kind: PassageKind
    part: Part  # "quoted" when these are words a reply quotes from another commenter
    speaker: str | None  # whose words these are (canonical name)
    author: str | None  # for a comment, who wrote it
    posted: datetime | None
    reply_to: str | None
    text: str  # the passage's words (original characters)
    excerpt: str  # what is quoted: the whole text, or its matching sentences with "…" at the cuts
    highlights: tuple[tuple[int, int], ...]  # spans of matched words in ``excerpt``
    score: float  # BM25 (0 when the passage was chosen without ranking)
    article: ArticleRef | None = None  # set in answers across a library; None: the one article asked about


@dataclass(frozen=True)
class Answer:
    question: str
    kind: QuestionKind
    lead: str  # one plain sentence: who said it, or why there is no answer
    quotes: tuple[Quote, ...] = ()  # best first (article order when nothing was ranked)
    speaker: str | None = None  # who said it, or whom the question asked about
    speaker_role: str | None = None
    speakers: tuple[str, ...] = ()  # everyone the answer names, speaker first
    no_answer: bool = False
    matched_terms: tuple[str, ...] = ()  # the question's analysed terms that passages matched
    # How the reader's words were read: (typed, as read) for a typo or a name ("hatamy" -> "Ali Hatami"),
    # and (reader's word, article's word) for a WordNet bridge ("phone" -> "telephone").
    corrections: tuple[tuple[str, str], ...] = ()
    bridges: tuple[tuple[str, str], ...] = ()

    @property
    def passage_ids(self) -> tuple[str, ...]:
        return tuple(q.passage_id for q in self.quotes)
