"""Read YAML within bounds: the one module that calls PyYAML, for articles and settings alike.

PyYAML because it is the maintained YAML parser for Python and its safe loader builds only plain data
(no tags that run code). Its defaults trust the file too much for text that anyone may hand the bot:
aliases expand without limit ("billion laughs": a few KB that stand for gigabytes), nesting recurses
until Python's stack gives out, and some of its errors (control characters, impossible dates) are not
``MarkedYAMLError``. Here every such file gets one ``YamlError`` with the line and what is wrong.
"""
from __future__ import annotations

import yaml

from .errors import ArticlebotError

MAX_DEPTH = 64  # nested collections; hand-written articles and settings use four or five
# Aliases may repeat at most this many characters of the file's own text beyond its length: enough to
# reuse a block a few times, far too little for an alias bomb.
ALIAS_ALLOWANCE = 100_000


class YamlError(ArticlebotError):
    """YAML that cannot be read safely; ``line`` is 1-based (None when the file as a whole is at fault)."""

    def __init__(self, line: int | None, reason: str) -> None:
        self.line = line
        self.reason = reason
        super().__init__(f"line {line}: {reason}" if line is not None else reason)


def _line(mark: yaml.Mark | None) -> int | None:
    return mark.line + 1 if mark is not None else None


class _BoundedLoader(yaml.SafeLoader):
    """The safe loader, refusing deep nesting and duplicate keys as it composes, and naming the line of
    any value it cannot construct."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.depth = 0
        self.first_alias: yaml.Mark | None = None

    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's signature
        if self.check_event(yaml.AliasEvent) and self.first_alias is None:
            self.first_alias = self.peek_event().start_mark
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise YamlError(_line(self.peek_event().start_mark),
                                f"nested more than {MAX_DEPTH} levels deep; expected a flatter file")
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def compose_mapping_node(self, anchor):  # noqa: ANN001
        node = super().compose_mapping_node(anchor)
        seen: set[tuple[str, str]] = set()
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode):
                if (key.tag, key.value) in seen:
                    raise YamlError(_line(key.start_mark), f"the key {_short(key.value)} appears twice in one mapping")
                seen.add((key.tag, key.value))
        return node

    def construct_object(self, node, deep=False):  # noqa: ANN001
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, OverflowError) as exc:  # e.g. the timestamp 2024-02-30
            raise YamlError(_line(node.start_mark), f"cannot read the value {_short(str(node.value))}: {exc}") from exc


def _short(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "…")


def _expanded_size(root: yaml.Node, limit: int) -> int:
    """Characters the document stands for with every alias expanded, counted once per distinct node and
    stopping as soon as ``limit`` is passed (so a bomb costs no more than its own size to measure)."""
    sizes: dict[int, int] = {}

    def size(node: yaml.Node) -> int:
        known = sizes.get(id(node))
        if known is not None:
            return known
        if isinstance(node, yaml.ScalarNode):
            total = len(node.value) + 1
        elif isinstance(node, yaml.SequenceNode):
            total = 1 + sum(size(child) for child in node.value)
        else:
            total = 1 + sum(size(k) + size(v) for k, v in node.value)
        sizes[id(node)] = min(total, limit + 1)
        return sizes[id(node)]

    return size(root)


def _error(exc: Exception, text: str) -> YamlError:
    if isinstance(exc, YamlError):
        return exc
    if isinstance(exc, yaml.reader.ReaderError):  # a control character or NUL; not a MarkedYAMLError
        line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
        what = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        return YamlError(line, f"the control character {what} is not allowed in YAML; remove it")
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        return YamlError(_line(mark), f"not valid YAML: {exc.problem or exc.context}")
    if isinstance(exc, RecursionError):
        return YamlError(None, "nested too deeply to read; expected a flatter file")
    return YamlError(None, f"not valid YAML: {exc}")


def _compose(loader: _BoundedLoader, text: str) -> yaml.Node | None:
    root = loader.get_single_node()
    if root is not None and loader.first_alias is not None:
        limit = len(text) + ALIAS_ALLOWANCE
        if _expanded_size(root, limit) > limit:
            raise YamlError(_line(loader.first_alias),
                            f"aliases (*name) here expand the file past {limit:,} characters; write the text out")
    return root


def compose(text: str) -> yaml.Node | None:
    """The document's node tree (None for an empty document), within the bounds above."""
    loader = None
    try:
        loader = _BoundedLoader(text)  # the reader checks for control characters here
        return _compose(loader, text)
    except (yaml.YAMLError, YamlError, RecursionError) as exc:
        raise _error(exc, text) from exc
    finally:
        if loader is not None:
            loader.dispose()


def load(text: str) -> object:
    """The document as plain Python data (safe tags only), within the bounds above."""
    loader = None
    try:
        loader = _BoundedLoader(text)
        root = _compose(loader, text)
        return None if root is None else loader.construct_document(root)
    except (yaml.YAMLError, YamlError, RecursionError) as exc:
        raise _error(exc, text) from exc
    finally:
        if loader is not None:
            loader.dispose()
