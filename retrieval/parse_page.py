"""Parse an article as scraped from a news page.

The format, top to bottom: the title (first line); an optional byline ``By <name>[, <role>]`` before
or after ``Published: <date>``; the story's
paragraphs separated by blank lines, with one-line headlines of related stories between them
(links, not story); page chrome such as "Facebook Conversations"; ``Reader Comments (N)``;
comments, each ``• Author`` / date line / text ending in the page's "Recommend" label, a
reply opening ``@Name: quoted words``; a ``More in <section>`` footer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .article import Article, Passage
from .dates import parse_date, parse_datetime
from .errors import ArticleFormatError

_PUBLISHED = re.compile(r"^\s*Published\s*:\s*(?P<date>.*\S)?\s*$", re.IGNORECASE)
# A byline: "By Dan Whitcombe" or "By Priti Desai, Business Reporter" (the name is up to the comma or "and").
_BYLINE = re.compile(r"^\s*By\s+(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|da|del|and))*)\s*(?:,[^.!?]*)?$")
_COMMENTS_HEADER = re.compile(r"^\s*(?:Reader\s+)?Comments\s*\((?P<n>\d+)\)\s*$", re.IGNORECASE)
_FOOTER = re.compile(r"^\s*More\s+in\s+(?P<section>.+?)\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[•*·▪◦‣-]\s+(?P<author>\S.*?)\s*$")
_RECOMMEND = re.compile(r"\s*Recommend\s*$")
_REPLY = re.compile(r"^@(?P<name>[^:\n]{1,60}?)\s*:\s*(?P<rest>.*)$", re.DOTALL)
# Lines a page prints around the story that are never part of it.
_CHROME = {"facebook conversations", "share", "tweet", "email", "print", "advertisement"}
# A story paragraph ends a sentence; a related-story headline does not.
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]\s*$")
_HEADLINE_MAX_WORDS = 20


@dataclass
class _Block:
    line: int
    lines: list[str]

    @property
    def text(self) -> str:
        return " ".join(s.strip() for s in self.lines)


def _blocks(lines: list[str], start: int, stop: int) -> list[_Block]:
    """Runs of non-blank lines between ``start`` and ``stop`` (0-based, stop exclusive)."""
    blocks: list[_Block] = []
    current: _Block | None = None
    for i in range(start, stop):
        if lines[i].strip():
            if current is None:
                current = _Block(i + 1, [])
                blocks.append(current)
            current.lines.append(lines[i])
        else:
            current = None
    return blocks


def is_related_headline(text: str) -> bool:
    """A one-line link to another story: short and not ending a sentence."""
    return not _SENTENCE_END.search(text) and len(text.split()) <= _HEADLINE_MAX_WORDS


def parse_page(text: str, path: str) -> Article:
    lines = text.splitlines()
    warnings: list[str] = []

    first = next((i for i, s in enumerate(lines) if s.strip()), None)
    if first is None:
        raise ArticleFormatError(path, None, "the file is empty; expected a title on the first line")
    if _PUBLISHED.match(lines[first]):
        raise ArticleFormatError(path, first + 1, "expected the article's title before the 'Published:' line")
    title = lines[first].strip()

    published = None
    author = None
    body_start = first + 1
    seen_date = False
    for i in range(first + 1, len(lines)):
        if not lines[i].strip():
            continue
        byline = _BYLINE.match(lines[i]) if author is None and len(lines[i].split()) <= 12 else None
        if byline:
            author = byline.group("name")
            body_start = i + 1
            continue
        match = None if seen_date else _PUBLISHED.match(lines[i])
        if match:
            published = parse_date(match.group("date") or "")
            if published is None:
                raise ArticleFormatError(
                    path, i + 1, f"expected a date such as 'Published: January 5, 2018', found {lines[i].strip()!r}"
                )
            body_start = i + 1
            seen_date = True
            continue
        if not seen_date:
            warnings.append(f"{path}:{i + 1}: no 'Published:' date line after the title")
        break

    header_at = next((i for i in range(body_start, len(lines)) if _COMMENTS_HEADER.match(lines[i])), None)
    footer_at = next(
        (i for i in range(header_at if header_at is not None else body_start, len(lines)) if _FOOTER.match(lines[i])),
        None,
    )
    story_stop = header_at if header_at is not None else (footer_at if footer_at is not None else len(lines))

    passages: list[Passage] = []
    for block in _blocks(lines, body_start, story_stop):
        block.lines = [s for s in block.lines if s.strip().lower().strip(" :") not in _CHROME]
        if not block.lines:
            continue
        body = block.text
        if len(block.lines) == 1 and is_related_headline(body):
            continue
        passages.append(Passage(id=f"p{len(passages) + 1}", kind="paragraph", number=len(passages) + 1,
                                text=body, line=block.line))
    if not passages:
        where = next((i + 1 for i in range(body_start, len(lines)) if lines[i].strip()), None)
        raise ArticleFormatError(path, where, "expected the story's paragraphs after the title and date; found none")

    comment_count = None
    if header_at is not None:
        comment_count = int(_COMMENTS_HEADER.match(lines[header_at]).group("n"))
        stop = footer_at if footer_at is not None else len(lines)
        comments = _parse_comments(lines, header_at + 1, stop, path)
        for n, c in enumerate(comments, start=1):
            passages.append(Passage(id=f"c{n}", kind="comment", number=n, **c))
        if comment_count != len(comments):
            warnings.append(
                f"{path}:{header_at + 1}: the page counts {comment_count} comments but shows {len(comments)}"
            )

    section = _FOOTER.match(lines[footer_at]).group("section") if footer_at is not None else None
    return Article(title=title, published=published, passages=tuple(passages), source=path,
                   comment_count=comment_count, section=section, author=author, warnings=tuple(warnings))


def _starts_comment(lines: list[str], i: int, stop: int) -> bool:
    """A bullet line followed by a date line: a comment's own lines may start "- " or "* " too."""
    if not _BULLET.match(lines[i]):
        return False
    j = next((n for n in range(i + 1, stop) if lines[n].strip()), None)
    return j is not None and parse_datetime(lines[j]) is not None


def _parse_comments(lines: list[str], start: int, stop: int, path: str) -> list[dict]:
    comments: list[dict] = []
    by_author: dict[str, list[str]] = {}  # each author's earlier comments, squashed: a reply looks up only theirs
    i = start
    while i < stop:
        if not lines[i].strip():
            i += 1
            continue
        bullet = _BULLET.match(lines[i])
        if not bullet:
            raise ArticleFormatError(path, i + 1, f"expected a comment starting '• <author>', found {lines[i].strip()!r}")
        author_line = i
        j = i + 1
        while j < stop and not lines[j].strip():
            j += 1
        posted = parse_datetime(lines[j]) if j < stop else None
        if posted is None:
            found = repr(lines[j].strip()) if j < stop else "the end of the comments"
            raise ArticleFormatError(
                path, j + 1 if j < stop else author_line + 1,
                f"expected the date line of the comment by {bullet.group('author')!r} "
                f"(such as 'Jan 5, 2018 - 5:13PM'), found {found}",
            )
        k = j + 1
        while k < stop and not _starts_comment(lines, k, stop):
            k += 1
        paragraphs = [b.text for b in _blocks(lines, j + 1, k)]
        if paragraphs:
            paragraphs[-1] = _RECOMMEND.sub("", paragraphs[-1])
            paragraphs = [p for p in paragraphs if p]
        if not paragraphs:
            raise ArticleFormatError(path, author_line + 1, f"the comment by {bullet.group('author')!r} has no text")
        first_text_line = next(n for n in range(j + 1, k) if lines[n].strip()) + 1
        comment = _comment(bullet.group("author"), posted, paragraphs, author_line + 1, first_text_line, by_author)
        comments.append(comment)
        by_author.setdefault(comment["author"].casefold(), []).append(_squash(comment["text"]))
        i = k
    return comments


_SPACES = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip().casefold()


def _comment(author: str, posted, paragraphs: list[str], line: int, text_line: int,
             earlier: dict[str, list[str]]) -> dict:
    """A comment; a reply ``@Name: words`` keeps the words it quotes apart from its own."""
    fields = dict(author=author, posted=posted, line=line, text="\n\n".join(paragraphs))
    reply = _REPLY.match(paragraphs[0])
    if not reply:
        return fields
    name, rest = reply.group("name").strip(), reply.group("rest").strip()
    earlier_text = earlier.get(name.casefold(), [])
    squashed = _squash(rest)
    quotes_earlier = bool(rest) and any(squashed in t for t in earlier_text)
    # "@Name: words" quotes Name when the words are Name's (found in an earlier comment), or when
    # the reply goes on in paragraphs of its own; otherwise the words are the reply's, addressed to Name.
    if quotes_earlier or (rest and len(paragraphs) > 1):
        own = "\n\n".join(paragraphs[1:])
        return {**fields, "reply_to": name, "quoted": rest, "text": own or rest}
    return {**fields, "reply_to": name, "text": "\n\n".join([rest, *paragraphs[1:]]).strip() or paragraphs[0]}
