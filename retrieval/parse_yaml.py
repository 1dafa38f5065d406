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

Unknown keys are refused, and every error names the file and line.
"""
from __future__ import annotations

from datetime import date, datetime

import yaml

from .article import Article, Passage
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


def _text(node: yaml.Node, what: str, path: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise ArticleFormatError(path, _line(node), f"expected {what} as non-empty text")
    return str(node.value).strip()


def parse_yaml(text: str, path: str) -> Article:
    try:
        root = yaml.compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ArticleFormatError(path, mark.line + 1 if mark else None, f"not valid YAML: {exc.problem}") from exc
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
    url = _text(top["url"], "'url'", path) if "url" in top else None

    paras = top["paragraphs"]
    if not isinstance(paras, yaml.SequenceNode) or not paras.value:
        raise ArticleFormatError(path, _line(paras), "expected 'paragraphs' as a list of at least one paragraph")
    passages = [
        Passage(id=f"p{n}", kind="paragraph", number=n, text=_text(node, f"paragraph {n}", path), line=_line(node))
        for n, node in enumerate(paras.value, start=1)
    ]

    comments = top.get("comments")
    count = 0
    if comments is not None and not (isinstance(comments, yaml.ScalarNode) and comments.value in ("", "null", "~")):
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
