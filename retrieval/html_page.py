"""The page's own markup, read with lxml: reader comments, and the line each paragraph starts on.

Why lxml: it is the HTML parser trafilatura already stands on (so no new dependency), it is lenient
with broken markup, and it keeps each element's source line.

Comments are found by the classes of markup publishing systems give them, not by any one site's
layout: schema.org ``Comment`` microdata (``itemprop="author"``, ``dateCreated``, ``text``), WordPress's
``li.comment`` / ``.comment-author .fn`` / ``.comment-content`` / ``ol.children``, and the common
``comment`` containers with ``author`` / ``date`` / ``text`` parts. A comment nested inside another is a
reply to that one's author.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from lxml import html as lxml_html
from lxml.etree import ParserError, _Element

from .dates import parse_datetime

# A comment item: the class or id names one comment, not the comments area or a part of a comment.
_ITEM_CLASS = re.compile(r"^(?:comment|comment-item|comment-entry|single-comment|commentlist-item|c-comment)$", re.I)
_ITEM_ID = re.compile(r"^(?:li-)?comment-?\d+$|^c\d+$", re.I)
_AREA = re.compile(r"comment|discussion|respon", re.I)
_AUTHOR = re.compile(r"(?:^|[-_])(?:author|fn|user(?:name)?|name|commenter|nick)(?:$|[-_])", re.I)
_DATE = re.compile(r"(?:^|[-_])(?:date|time|timestamp|published|meta(?:data)?)(?:$|[-_])", re.I)
_TEXT = re.compile(r"(?:^|[-_])(?:content|text|message)(?:$|[-_])", re.I)
_BODY = re.compile(r"(?:^|[-_])body(?:$|[-_])", re.I)
_CHROME = re.compile(r"(?:^|[-_])(?:reply|respond|actions?|footer|vote|like|share|report|avatar|edit-link)(?:$|[-_])", re.I)
_NAME_THEN_DATE = re.compile(r"\s+(?:on|at|[-–—|,·])\s+(?=\S*\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\b).*$",
                             re.I | re.S)
_SAYS = re.compile(r"\s*(?:says|said|wrote)\s*:?\s*$", re.I)


@dataclass(frozen=True)
class PageComment:
    author: str
    posted: datetime | None
    text: str
    reply_to: str | None
    line: int


def parse_tree(text: str) -> _Element | None:
    try:
        return lxml_html.document_fromstring(text)
    except (ParserError, ValueError):
        return None


def _tokens(el: _Element) -> list[str]:
    return (el.get("class") or "").split() + ([el.get("id")] if el.get("id") else [])


def _is_item(el: _Element) -> bool:
    if not isinstance(el.tag, str):
        return False
    if "schema.org/Comment" in (el.get("itemtype") or "") or el.get("itemprop") == "comment":
        return True
    if any(_ITEM_CLASS.match(c) for c in (el.get("class") or "").split()):
        return True
    return bool(el.get("id") and _ITEM_ID.match(el.get("id")))


def _in_area(el: _Element) -> bool:
    for anc in el.iterancestors():
        if any(_AREA.search(t) for t in _tokens(anc)):
            return True
    return any(_AREA.search(t) for t in _tokens(el))


def _own(el: _Element, items: set[_Element]) -> list[_Element]:
    """The element's descendants that belong to it, not to a comment nested inside it."""
    out: list[_Element] = []
    stack = list(el)
    while stack:
        child = stack.pop(0)
        if not isinstance(child.tag, str) or child in items:
            continue
        out.append(child)
        stack[0:0] = list(child)
    return out


def _text(el: _Element) -> str:
    return re.sub(r"\s+", " ", el.text_content()).strip()


def _first(parts: list[_Element], test) -> _Element | None:
    return next((p for p in parts if test(p)), None)


def _author_element(parts: list[_Element]) -> _Element | None:
    el = _first(parts, lambda p: p.get("itemprop") in {"author", "creator"})
    if el is None:
        el = _first(parts, lambda p: any(_AUTHOR.search(t) for t in _tokens(p)) and p.find(".//time") is None)
    if el is None:
        el = _first(parts, lambda p: p.tag == "cite")
    return el


def _author(el: _Element | None) -> str | None:
    if el is None:
        return None
    named = el.find(".//*[@itemprop='name']")
    name = _SAYS.sub("", _text(named if named is not None else el)).strip(" :")
    # A byline that carries its date ("Jamie on November 15, 2018 at 10:12 am said:"): the name is before it.
    name = _NAME_THEN_DATE.sub("", name).strip(" :,")
    return name[:80] or None


def _posted(parts: list[_Element]) -> datetime | None:
    for p in parts:
        stamp = p.get("datetime") or (p.get("content") if p.get("itemprop") in {"dateCreated", "datePublished"} else None)
        if stamp:
            try:
                return datetime.fromisoformat(stamp.replace("Z", "+00:00")).replace(tzinfo=None)
            except ValueError:
                pass
    for p in parts:
        if p.tag == "time" or any(_DATE.search(t) for t in _tokens(p)):
            found = parse_datetime(_text(p))
            if found:
                return found
    return None


def _body(parts: list[_Element], items: set[_Element], byline: _Element | None) -> str:
    def text_box(p: _Element, pattern: re.Pattern) -> bool:
        # The text's own box: not the author's or date's, and not a wrapper holding the byline too.
        return (any(pattern.search(c) for c in p.classes)
                and not any(_AUTHOR.search(c) or _DATE.search(c) for c in p.classes)
                and not (byline is not None and byline in p.iterdescendants()))

    box = _first(parts, lambda p: p.get("itemprop") in {"text", "commentText"})
    for pattern in (_TEXT, _BODY):  # "comment-content" before a "comment-body" that also holds the byline
        box = box if box is not None else _first(parts, lambda p: text_box(p, pattern))
    scope = _own(box, items) if box is not None else parts
    paras = [p for p in scope if p.tag == "p" and not any(_CHROME.search(t) for t in _tokens(p))
             and not (byline is not None and (p is byline or byline in p.iterdescendants()))]
    if paras:
        return "\n\n".join(t for t in (_text(p) for p in paras) if t)
    return _text(box) if box is not None else ""


def comments(tree: _Element) -> list[PageComment]:
    """Every reader comment the page carries in its HTML, in page order."""
    items = [el for el in tree.iter() if _is_item(el) and _in_area(el)]
    # WordPress marks both the <li class="comment"> and, in some themes, an inner <article class="comment">:
    # the outermost of a nested pair without another comment's text between them is the one comment.
    item_set = set(items)
    found: list[PageComment] = []
    author_of: dict[_Element, str] = {}
    for el in items:
        parent = next((a for a in el.iterancestors() if a in item_set), None)
        parts = _own(el, item_set)
        if any(p.tag in {"form", "textarea", "input"} for p in parts):
            continue  # the reply form ("Leave a Reply"), not a comment
        byline = _author_element(parts)
        author = _author(byline)
        text = _body(parts, item_set, byline)
        if not author or not text:
            continue
        author_of[el] = author
        found.append(PageComment(author=author, posted=_posted(parts), text=text,
                                 reply_to=author_of.get(parent) if parent is not None else None,
                                 line=el.sourceline or 1))
    return found


def line_finder(tree: _Element | None):
    """A function from a paragraph's text to the source line of the element it starts in (1 if unknown)."""
    starts: dict[str, int] = {}
    if tree is not None:
        for el in tree.iter("p", "li", "blockquote", "h1", "h2", "h3", "h4", "td", "div", "pre"):
            key = _key(el.text_content())
            if key:  # document order: the innermost element starting with these words comes last
                starts[key] = el.sourceline or 1

    def line(text: str) -> int:
        return starts.get(_key(text), 1)

    return line


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower())[:8])
