"""An answer as a terminal shows it: plain readable text, not Discord markdown.

The bot's message (``render.to_text``) is markdown with every quoted character escaped; printed as is,
a terminal shows the backslashes, ``**`` and ``-#``. Here the same answer is laid out from the ``Answer``
itself: the lead, each quote indented with its source under it, then the article. Matched words are
bold only on a terminal that shows it (ANSI, not when NO_COLOR is set). Control characters from the
article (an escape sequence in a reader comment could rewrite the screen) never reach the terminal.
"""
from __future__ import annotations

import re
import textwrap

from retrieval.answer import Answer
from retrieval.article import Article

from .render import fragment_link, heading, library_footer, quote_heading

BOLD, PLAIN = "\033[1m", "\033[0m"
# C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a line seems to say.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` without characters a terminal would act on instead of showing (tabs and newlines stay)."""
    return _CONTROL.sub("", text)


def _marked(text: str, spans: tuple[tuple[int, int], ...], bold: bool) -> str:
    if not bold:
        return printable(text)
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out += [printable(text[pos:start]), BOLD, printable(text[start:end]), PLAIN]
        pos = end
    out.append(printable(text[pos:]))
    return "".join(out)


def _indented(text: str, prefix: str, width: int | None) -> str:
    lines = []
    for line in text.splitlines() or [""]:
        if width and not any(c == "\033" for c in line):  # wrapping would count the escape codes
            lines += textwrap.wrap(line, width=max(width - len(prefix), 20)) or [""]
        else:
            lines.append(line)
    return "\n".join(prefix + line if line else prefix.rstrip() for line in lines)


def to_terminal(answer: Answer, article: Article | None, *, bold: bool = False, width: int | None = None) -> str:
    """The answer as readable text; ``width`` wraps long lines (a terminal's columns), None leaves them.
    ``article`` None: an answer across the library, whose quotes each name their article."""
    parts = [_indented(printable(answer.lead), "", width)]
    for q in answer.quotes:
        block = _indented(_marked(q.excerpt, q.highlights, bold), "    ", width)
        source = f"    — {printable(quote_heading(q))}"
        link = fragment_link(q.article.url if q.article else article.url if article else None, q.excerpt)
        parts.append(block + "\n" + source + (f"\n      {link}" if link else ""))
    if article is None:
        parts.append(library_footer(answer))
        return "\n\n".join(parts)
    when = f" · {article.published:%B} {article.published.day}, {article.published.year}" if article.published else ""
    parts.append(printable(article.title) + when)
    return "\n\n".join(parts)
