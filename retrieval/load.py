"""Read an article file of either supported format, detected from its content."""
from __future__ import annotations

import re
from pathlib import Path

from .article import Article
from .errors import ArticleFormatError
from .parse_page import parse_page
from .parse_yaml import parse_yaml

_YAML_START = re.compile(r"^(?:---\s*$|(?:title|published|url|paragraphs|comments)\s*:)")


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


def looks_like_yaml(text: str) -> bool:
    first = next((s for s in text.splitlines() if s.strip() and not s.lstrip().startswith("#")), "")
    return bool(_YAML_START.match(first))


def parse_article(text: str, path: str = "<text>") -> Article:
    return parse_yaml(text, path) if looks_like_yaml(text) else parse_page(text, path)


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
    text = decode(data, name)
    if not text.strip():
        raise ArticleFormatError(name, None, "the file is empty; expected an article")
    return parse_article(text, name)
