"""Text made inert for Discord's markdown: quoted words show as written, no masked link or mention in them
is live, and the matched words are marked in bold only after the text is escaped.

Why not ``discord.utils.escape_markdown``: it escapes with regular expressions that look at the text
around them (a masked link is escaped once, by the backslash before its first ``[``; a list marker's
``^\\s*-`` reaches back over the line break), so text escaped in pieces and joined again goes live (a
highlighted word inside a link's text splits the link, and neither piece holds a whole link to escape),
two links in one text leave the second live, and a list marker leaves a backslash at the end of the line
before. Here each character of the text gets its escape from the whole text at once, so bold marks can
go between any two characters afterwards without unlocking anything. (And the CLI needs no discord.)
"""
from __future__ import annotations

import re
from urllib.parse import quote

# Markup wherever it stands: emphasis, strike, spoilers, code, masked links ("[" starts one), and the
# <...> forms (user, role and channel mentions, slash commands, timestamps, emoji).
_ANYWHERE = frozenset("\\*_~|`[<")
# Inside a web address (which Discord links as it is, so escaping "_" there would break it): only what
# could end the address early and start a masked link.
_IN_ADDRESS = frozenset("\\[<`")
# Markup only at a line's start (after spaces): block quote, heading, subtext, list items; the character
# in the named group gets the backslash.
_LINE_START = re.compile(r"^[ \t]*(?:(?P<c>>|#)|(?P<s>-)#|(?P<l>[-+*])(?=[ \t])|\d+(?P<o>\.)(?=[ \t]))", re.MULTILINE)
# What Discord links by itself (as discord.py reads it).
_ADDRESS = re.compile(r"(?:https?|steam)://[^\s<]+[^<.,:;\"')\]\s]")
# Mentions that need no "<": a zero-width space after the "@" keeps them as text.
_AT_MENTION = re.compile(r"@(?=everyone|here|[!&]?[0-9]{17,20})")
ZERO_WIDTH_SPACE = "\u200b"
BOLD = "**"


def _pieces(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Each character of ``text`` as sent (escaped when it is markup), and the spans of web addresses."""
    addresses = [m.span() for m in _ADDRESS.finditer(text)]
    in_address = [False] * len(text)
    for start, end in addresses:
        in_address[start:end] = [True] * (end - start)
    pieces = [("\\" + c) if c in (_IN_ADDRESS if in_address[i] else _ANYWHERE) else c for i, c in enumerate(text)]
    # "](" closes a masked link that a "[" earlier in the message opened (the bot's own citation links
    # included), so the "(" of every "](" is escaped too, inside an address as well.
    for i in range(1, len(text)):
        if text[i] == "(" and text[i - 1] == "]":
            pieces[i] = "\\("
    for m in _LINE_START.finditer(text):
        i = m.start(m.lastgroup)
        if not pieces[i].startswith("\\"):
            pieces[i] = "\\" + pieces[i]
    for m in _AT_MENTION.finditer(text):
        pieces[m.start()] += ZERO_WIDTH_SPACE
    return pieces, addresses


def escape(text: str) -> str:
    """``text`` made inert: markdown shows as written, no link or mention is live, nobody is pinged."""
    return "".join(_pieces(text)[0])


def _bold_spans(text: str, spans: tuple[tuple[int, int], ...],
                addresses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans to mark: within one line each, without the spaces at their edges (Discord shows
    ``** word**`` as written), none inside a web address, overlaps dropped, and two separated by a single
    space joined (one bold phrase, not two)."""
    pieces: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        start, end = max(start, 0), min(end, len(text))
        for line in re.finditer(r"[^\n]+", text[start:end]):
            s, e = start + line.start(), start + line.end()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e and not any(a < e and s < b for a, b in addresses):
                pieces.append((s, e))
    marked: list[tuple[int, int]] = []
    for s, e in pieces:
        if marked and s < marked[-1][1]:
            continue
        if marked and (s == marked[-1][1] or text[marked[-1][1]:s] == " "):
            marked[-1] = (marked[-1][0], e)
        else:
            marked.append((s, e))
    return marked


def highlight(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """``text`` escaped, then the spans (character offsets into ``text``) marked in bold."""
    pieces, addresses = _pieces(text)
    out, pos = [], 0
    for start, end in _bold_spans(text, spans, addresses):
        out += pieces[pos:start]
        out += [BOLD, *pieces[start:end], BOLD]
        pos = end
    out += pieces[pos:]
    return "".join(out)


def link_target(url: str) -> str:
    """``url`` made safe to put in a markdown link, ``[text](url)`` or ``(<url>)``: what could close the
    link or open another (brackets, parentheses, spaces, quotes, backslashes) is percent-encoded."""
    return quote(url, safe=";/?:@&=+$,#%!*~-._")


_TOKEN = re.compile(r"\\.|\*\*|.", re.DOTALL)


def tokens(markdown: str) -> list[str]:
    """Escaped markdown as Discord reads it: an escape with its character, a bold mark, any other character."""
    return _TOKEN.findall(markdown)
