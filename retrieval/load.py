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

_YAML_START = re.compile(r"^(?:---\s*$|(?:title|published|url|paragraphs|comments)\s*:)")
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
    if fmt == "html":
        return parse_html(text, path, url)
    return parse_yaml(text, path) if fmt == "yaml" else parse_page(text, path)


def read_article(data: bytes, name: str, *, url: str | None = None, charset: str | None = None) -> Loaded:
    """An article from bytes of any supported format (a fetched page, an attachment, a file).

    ``charset`` is the one an HTTP header named; ``url`` where the bytes came from.
    """
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
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise ArticleFormatError(name, None, "no such file") from exc
    except IsADirectoryError as exc:
        raise ArticleFormatError(name, None, "this is a folder; expected an article file") from exc
    except OSError as exc:
        raise ArticleFormatError(name, None, f"cannot read the file ({exc.strerror})") from exc
    return read_article(data, name).article
