"""Read a news page in HTML: the story's paragraphs, its metadata, and the reader comments in its markup.

Why trafilatura: it is kept up to date for exactly this job (main text and metadata from arbitrary
pages), it scores at the top of the public extraction benchmarks, and it drops captions, related-story
lists, newsletter boxes and share buttons by itself. Its title, date, author and canonical URL come
from the page's metadata (OpenGraph, JSON-LD, <meta>, <link rel=canonical>). Comments come from
``html_page``: trafilatura keeps only their text, and we need who wrote each one, when, and to whom.

With lxml 6, trafilatura's jusText fallback imports ``lxml.html.clean``, which ships apart as
``lxml_html_clean`` (a dependency in pyproject.toml; tests/retrieval/test_parse_html.py imports it).
"""
from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from .article import Article, Passage, is_web_address
from .errors import ArticleFormatError

if TYPE_CHECKING:
    from lxml.etree import _Element

NO_ARTICLE = "I couldn't find an article on that page"
_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<body|<meta|<title|<article)",
                         re.I | re.S)
# The elements of trafilatura's output that are passages: paragraphs, list items, block quotes, table rows
# and sub-headings (a sub-heading carries words a reader asks about; the title is not repeated).
_BLOCKS = {"p", "item", "quote", "head", "code", "row"}


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:4096]))


def _blocks(body: _Element) -> list[str]:
    out: list[str] = []
    for el in body.iter():
        if el.tag not in _BLOCKS:
            continue
        if el.tag in {"p", "row"} and any(a.tag in _BLOCKS for a in el.iterancestors()):
            continue  # a paragraph inside a quote, list item or table row is part of it
        if el.tag in {"item", "quote"} and any(a.tag in {"item", "quote"} for a in el.iterancestors()):
            continue
        if el.tag == "row":  # one passage a row, its cells side by side
            raw = " | ".join(" ".join(cell.itertext()).strip() for cell in el if cell.tag == "cell")
        else:
            raw = "".join(el.itertext())
        text = re.sub(r"[ \t\r\f\v]+", " ", raw)
        text = re.sub(r"\s*\n\s*", "\n", text).strip()
        if text and not _is_dateline(text):
            out.append(text)
    return out


_DATELINE_WORDS = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|"
    r"fri(?:day)?|sat(?:urday)?|sun(?:day)?|[ap]\.?m\.?|[a-z]?[sd]t|utc|gmt|at|on|updated|published|posted|"
    r"last|modified|\d+(?:st|nd|rd|th)?)\b", re.I)


def _is_dateline(text: str) -> bool:
    """A line that only says when the story ran ("November 2, 2023 at 2:45 p.m. EST", "Updated 14:05 GMT")."""
    words = re.findall(r"[\w.]+", text)
    if not words or len(words) > 12 or not re.search(r"\d", text):
        return False
    return not re.findall(r"[a-z]+", _DATELINE_WORDS.sub(" ", text.lower()))


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def extract(text: str, url: str | None = None):
    """trafilatura's reading of the page (None when it finds no main text)."""
    import trafilatura  # here, not at the top: loading it (and lxml) costs a cold CLI start 0.3 s

    return trafilatura.bare_extraction(text, url=url, with_metadata=True, include_comments=False,
                                       include_tables=True, include_images=False, include_links=False)


def parse_html(text: str, path: str = "<page>", url: str | None = None) -> Article:
    """The article on an HTML page; ``url`` is where it was fetched from (the canonical URL wins)."""
    from .html_page import comments as page_comments, line_finder, parse_tree  # lxml: only for HTML

    doc = extract(text, url)
    blocks = _blocks(doc.body) if doc is not None and doc.body is not None else []
    title = (doc.title or "").strip() if doc is not None else ""
    if blocks and title and _same(blocks[0], title):
        blocks = blocks[1:]
    if not blocks or sum(len(b) for b in blocks) < 80:
        raise ArticleFormatError(path, None, NO_ARTICLE)
    tree = parse_tree(text)
    line = line_finder(tree)
    passages = [Passage(id=f"p{n}", kind="paragraph", number=n, text=b, line=line(b))
                for n, b in enumerate(blocks, 1)]
    found = page_comments(tree) if tree is not None else []
    passages += [Passage(id=f"c{n}", kind="comment", number=n, text=c.text, line=c.line, author=c.author,
                         posted=c.posted, reply_to=c.reply_to) for n, c in enumerate(found, 1)]
    return Article(title=title or blocks[0][:80], published=_date(doc.date), passages=tuple(passages), source=path,
                   url=doc.url if doc.url and is_web_address(doc.url) else url, author=(doc.author or None), comment_count=len(found) or None)


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W+", " ", a).strip().lower() == re.sub(r"\W+", " ", b).strip().lower()
