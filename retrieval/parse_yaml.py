"""Parse an article written by hand as YAML.

    title: ...                # required
    published: 2018-01-05     # optional
    url: https://...          # optional
    paragraphs: [...]         # required, at least one
    comments:                 # optional
      - author: cuban         # required
        posted: 2018-01-05 23:26   # optional
        text: ...             # required: the commenter's own words
        reply_to: Meraj shahab     # optional
        quoted: ...           # optional: words of reply_to that the reply quotes

Unknown and repeated keys, null values and a ``url`` that is not http(s) are refused, and every error
names the file and line. The YAML is read by ``yaml_read``, within its bounds on aliases and nesting.
"""
from __future__ import annotations

from datetime import date, datetime

import yaml

from . import yaml_read
from .article import Article, Passage, is_web_address
from .dates import parse_date, parse_datetime
from .errors import ArticleFormatError

_TOP_KEYS = {"title": True, "published": False, "url": False, "paragraphs": True, "comments": False}
_COMMENT_KEYS = {"author": True, "posted": False, "text": True, "reply_to": False, "quoted": False}


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _mapping(node: yaml.Node, keys: dict[str, bool], what: str, path: str) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        raise ArticleFormatError(path, _line(node), f"expected {what} as a mapping of keys to values")
    found: dict[str, yaml.Node] = {}
    for key, value in node.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else None
        if name not in keys:
            allowed = ", ".join(keys)
            raise ArticleFormatError(path, _line(key), f"unknown key {name!r} in {what}; expected one of: {allowed}")
        found[name] = value
    for name, required in keys.items():
        if required and name not in found:
            raise ArticleFormatError(path, _line(node), f"{what} is missing the required key {name!r}")
    return found


_NULL = "tag:yaml.org,2002:null"


def _text(node: yaml.Node, what: str, path: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.tag == _NULL or not str(node.value).strip():
        found = "null" if node.tag == _NULL else "a list" if isinstance(node, yaml.SequenceNode) else \
            "a mapping" if isinstance(node, yaml.MappingNode) else "nothing"
        raise ArticleFormatError(path, _line(node), f"expected {what} as non-empty text, found {found}")
    return str(node.value).strip()


def parse_yaml(text: str, path: str) -> Article:
    try:
        root = yaml_read.compose(text)
    except yaml_read.YamlError as exc:
        raise ArticleFormatError(path, exc.line, exc.reason) from exc
    if root is None:
        raise ArticleFormatError(path, None, "the file is empty; expected an article")
    top = _mapping(root, _TOP_KEYS, "the article", path)

    title = _text(top["title"], "'title'", path)
    published: date | None = None
    if "published" in top:
        raw = _text(top["published"], "'published'", path)
        published = parse_date(raw)
        if published is None:
            raise ArticleFormatError(path, _line(top["published"]),
                                     f"expected 'published' as a date such as 2018-01-05, found {raw!r}")
    url = None
    if "url" in top and top["url"].tag != _NULL:
        url = _text(top["url"], "'url'", path)
        # Citations link to it: a javascript: or data: address would be a live link in every answer.
        if not is_web_address(url):
            raise ArticleFormatError(path, _line(top["url"]), f"expected 'url' as an http(s) address, found {url[:60]!r}")

    paras = top["paragraphs"]
    if not isinstance(paras, yaml.SequenceNode) or not paras.value:
        raise ArticleFormatError(path, _line(paras), "expected 'paragraphs' as a list of at least one paragraph")
    passages = [
        Passage(id=f"p{n}", kind="paragraph", number=n, text=_text(node, f"paragraph {n}", path), line=_line(node))
        for n, node in enumerate(paras.value, start=1)
    ]

    comments = top.get("comments")
    count = 0
    if comments is not None and not (isinstance(comments, yaml.ScalarNode) and comments.tag == _NULL):
        if not isinstance(comments, yaml.SequenceNode):
            raise ArticleFormatError(path, _line(comments), "expected 'comments' as a list")
        for n, node in enumerate(comments.value, start=1):
            fields = _mapping(node, _COMMENT_KEYS, f"comment {n}", path)
            posted: datetime | None = None
            if "posted" in fields:
                raw = _text(fields["posted"], f"comment {n}'s 'posted'", path)
                posted = parse_datetime(raw)
                if posted is None:
                    raise ArticleFormatError(path, _line(fields["posted"]),
                                             f"expected comment {n}'s 'posted' as a date and time, found {raw!r}")
            optional = {k: _text(fields[k], f"comment {n}'s {k!r}", path) for k in ("reply_to", "quoted") if k in fields}
            if "quoted" in optional and "reply_to" not in optional:
                raise ArticleFormatError(path, _line(fields["quoted"]),
                                         f"comment {n} has 'quoted' words but no 'reply_to' naming whom it quotes")
            passages.append(Passage(
                id=f"c{n}", kind="comment", number=n, line=_line(node),
                author=_text(fields["author"], f"comment {n}'s 'author'", path),
                text=_text(fields["text"], f"comment {n}'s 'text'", path), posted=posted, **optional,
            ))
            count = n
    return Article(title=title, published=published, passages=tuple(passages), source=path, url=url,
                   comment_count=count)
