"""Read an article in any supported format (scraped page text, YAML, HTML), detected from its content."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from .article import Article
from .errors import ArticleFormatError
from .parse_html import looks_like_html, parse_html
from .parse_page import parse_page
from .parse_yaml import parse_yaml

# YAML: a document marker, a list, or a lowercase key (ours or a misspelt one, which then gets its own
# error instead of being read as page text); a page's first line is its title, which is never one of these.
_YAML_START = re.compile(r"^(?:---(?:\s|$)|%YAML|-(?:\s|$)|[a-z_][a-z0-9_]*\s*:(?:\s|$))")
# Bounds on what is read, so that no file costs unbounded memory or time (finding the speakers costs about
# 1 s per 100 KB of dense quotation): a news page with its comments is a few hundred KB of text, its HTML a
# few MB. Reading stops past MAX_ARTICLE_BYTES (a device such as /dev/zero never ends).
MAX_ARTICLE_BYTES = 20_000_000
MAX_TEXT_CHARS = 2_000_000  # the text of a YAML or page-text file, and all passages together
MAX_PASSAGE_CHARS = 100_000  # one paragraph or comment
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


@dataclass(frozen=True)
class Loaded:
    """An article with the text it was read from and that text's format (``html``, ``text`` or ``yaml``)."""

    article: Article
    format: str
    text: str


def decode(data: bytes, path: str) -> str:
    """The file's text; a binary or non-UTF-8 file is an error naming the line."""
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ArticleFormatError(path, line, "this is a binary file; expected UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ArticleFormatError(
            path, line, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); save the file as UTF-8"
        ) from exc


def _codec(name: str | None) -> str | None:
    try:
        return codecs.lookup(name).name if name else None
    except LookupError:
        return None


def decode_page(data: bytes, charset: str | None = None) -> str:
    """An HTML page's text: the charset from the HTTP header, else from the page's <meta>, else UTF-8,
    else windows-1252 (what browsers assume for a page that names none)."""
    named = _codec(charset)
    if named is None:
        meta = _META_CHARSET.search(data[:4096])
        named = _codec(meta.group(1).decode("ascii", "ignore")) if meta else None
    for codec in (named, "utf-8"):
        if codec:
            try:
                return data.decode("utf-8-sig" if codec == "utf-8" else codec)
            except UnicodeDecodeError:
                continue
    return data.decode("cp1252", errors="replace")


def looks_like_yaml(text: str) -> bool:
    first = next((s for s in text.splitlines() if s.strip() and not s.lstrip().startswith("#")), "")
    return bool(_YAML_START.match(first))


def detect(text: str) -> str:
    """The format of an article's text: ``html``, ``yaml`` or ``text`` (the scraped page)."""
    if looks_like_html(text):
        return "html"
    return "yaml" if looks_like_yaml(text) else "text"


def parse_article(text: str, path: str = "<text>", url: str | None = None) -> Article:
    return _parse(text, detect(text), path, url)


def _parse(text: str, fmt: str, path: str, url: str | None) -> Article:
    if fmt != "html" and len(text) > MAX_TEXT_CHARS:
        raise ArticleFormatError(path, None, f"{len(text):,} characters of text; an article is at most "
                                             f"{MAX_TEXT_CHARS:,}")
    if fmt == "html":
        article = parse_html(text, path, url)
    else:
        article = parse_yaml(text, path) if fmt == "yaml" else parse_page(text, path)
    for p in article.passages:
        if len(p.full_text) > MAX_PASSAGE_CHARS:
            raise ArticleFormatError(path, p.line, f"{p.citation} is {len(p.full_text):,} characters long; a "
                                                   f"passage is at most {MAX_PASSAGE_CHARS:,}")
    total = sum(len(p.full_text) for p in article.passages)
    if total > MAX_TEXT_CHARS:
        raise ArticleFormatError(path, None, f"the passages hold {total:,} characters; an article is at most "
                                             f"{MAX_TEXT_CHARS:,}")
    return article


def read_article(data: bytes, name: str, *, url: str | None = None, charset: str | None = None) -> Loaded:
    """An article from bytes of any supported format (a fetched page, an attachment, a file).

    ``charset`` is the one an HTTP header named; ``url`` where the bytes came from.
    """
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleFormatError(name, None, f"larger than {MAX_ARTICLE_BYTES:,} bytes; expected one article")
    head = data[:4096].decode("ascii", errors="ignore")
    if looks_like_html(head):
        text = decode_page(data, charset)
    elif _codec(charset) not in (None, "utf-8", "ascii"):
        text = data.decode(_codec(charset), errors="replace")  # a text/plain page that names its charset
    else:
        text = decode(data, name)
    if not text.strip():
        raise ArticleFormatError(name, None, "the file is empty; expected an article")
    fmt = detect(text)
    return Loaded(_parse(text, fmt, name, url), fmt, text)


def load_article(path: str | Path) -> Article:
    return load_file(path).article


def load_file(path: str | Path) -> Loaded:
    """An article file read and parsed, with its text and format; errors name the file."""
    name = str(path)
    try:
        with Path(path).open("rb") as f:
            data = f.read(MAX_ARTICLE_BYTES + 1)
    except FileNotFoundError as exc:
        raise ArticleFormatError(name, None, "no such file") from exc
    except IsADirectoryError as exc:
        raise ArticleFormatError(name, None, "this is a folder; expected an article file") from exc
    except OSError as exc:
        raise ArticleFormatError(name, None, f"cannot read the file ({exc.strerror})") from exc
    return read_article(data, name)
