"""The parsed article: passages with stable citation ids, as plain frozen values."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

PassageKind = Literal["paragraph", "comment"]
_WEB_ADDRESS = re.compile(r"https?://[^\s<>\x00-\x1f]+", re.IGNORECASE)


def is_web_address(url: str) -> bool:
    """An http(s) address: the only kind an article's citations may link to (never javascript: or data:)."""
    return bool(_WEB_ADDRESS.fullmatch(url))


@dataclass(frozen=True)
class Passage:
    """One citable unit: a story paragraph (¶n) or a reader comment (comment #n).

    ``text`` keeps the original characters (curly quotes, NBSP) for quoting; only the
    analyser normalises. For a reply, ``quoted`` holds the words it quotes from
    ``reply_to`` and ``text`` holds the reply's own words.
    """

    id: str  # "p3" or "c4": stable, machine-friendly
    kind: PassageKind
    number: int  # 1-based within its kind
    text: str
    line: int  # where it starts in the source file (1-based)
    author: str | None = None  # comments only
    posted: datetime | None = None  # comments only
    reply_to: str | None = None  # the commenter a reply quotes
    quoted: str | None = None  # the quoted words of a reply

    @property
    def citation(self) -> str:
        return f"¶{self.number}" if self.kind == "paragraph" else f"comment #{self.number}"

    @property
    def full_text(self) -> str:
        """Everything the passage shows, quoted words first, as on the page."""
        if self.quoted:
            return f"@{self.reply_to}: {self.quoted}\n\n{self.text}"
        return self.text


@dataclass(frozen=True)
class Article:
    title: str
    published: date | None
    passages: tuple[Passage, ...]
    source: str  # the file it came from
    url: str | None = None
    comment_count: int | None = None  # as the page states it ("Reader Comments (N)")
    section: str | None = None  # "More in <section>"
    author: str | None = None  # the byline, when the page names one
    warnings: tuple[str, ...] = field(default=())

    @property
    def paragraphs(self) -> tuple[Passage, ...]:
        return tuple(p for p in self.passages if p.kind == "paragraph")

    @property
    def comments(self) -> tuple[Passage, ...]:
        return tuple(p for p in self.passages if p.kind == "comment")

    def passage(self, passage_id: str) -> Passage:
        for p in self.passages:
            if p.id == passage_id:
                return p
        raise KeyError(passage_id)
