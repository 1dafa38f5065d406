"""One renderer: turns an ``Answer`` into what the Discord bot and the CLI show, so both say the same.

``render`` builds a neutral layout (title, lead, quote blocks, footer); the Discord adapter maps it
onto an embed, and ``to_text`` onto the plain message the bot falls back to and the CLI prints.
Everything taken from the article or the question (quotes, names, titles, the lead) is escaped
(``escape``), so that markdown, links and mentions in reader comments show as written, in every field.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import quote as percent

from retrieval.answer import Answer, Quote
from retrieval.article import Article
from retrieval.speakers import Person

from .escape import BOLD, escape, highlight, link_target, tokens

FRAGMENT_WORDS = 4


@dataclass(frozen=True)
class QuoteBlock:
    heading: str  # "¶5 · Ali Hatami" / "comment #4 by cuban · Jan 5, 2018 6:31 PM"
    body: str  # the excerpt, escaped, matched words in bold
    link: str | None  # the quoted words on the article's page (text fragment), when its URL is known; safe in
    # a markdown link (``link_target``)


@dataclass(frozen=True)
class RenderedAnswer:
    title: str | None  # the speaker and role, when the answer has one
    lead: str
    quotes: tuple[QuoteBlock, ...]
    footer: str  # the article's title and date
    url: str | None
    no_answer: bool


def fragment_link(url: str | None, excerpt: str) -> str | None:
    """``url#:~:text=first words,last words`` so a click opens the page on the highlighted quote (made safe
    for a markdown link: an address holding ")" or "[" cannot close the bot's link or open another)."""
    if not url:
        return None
    url = link_target(url)
    piece = max((p.strip() for p in excerpt.split("…")), key=len)
    words = piece.split()
    if not words:
        return url

    def enc(ws: list[str]) -> str:
        # The fragment syntax gives "-", "," and "&" meanings of their own: they must be percent-encoded.
        return percent(" ".join(ws), safe="").replace("-", "%2D")

    if len(words) <= 2 * FRAGMENT_WORDS:
        return f"{url.split('#')[0]}#:~:text={enc(words)}"
    return f"{url.split('#')[0]}#:~:text={enc(words[:FRAGMENT_WORDS])},{enc(words[-FRAGMENT_WORDS:])}"


def _when(q: Quote) -> str:
    if q.posted is None:
        return ""
    hour = q.posted.strftime("%I:%M %p").lstrip("0")
    return f" · {q.posted:%b} {q.posted.day}, {q.posted.year} {hour}"


def heading(q: Quote) -> str:
    if q.kind == "comment":
        if q.part == "quoted":
            return f"{q.citation} by {q.author}, quoting {q.speaker}"
        reply = f", replying to {q.reply_to}" if q.reply_to else ""
        return f"{q.citation} by {q.author}{reply}{_when(q)}"
    return f"{q.citation} · {q.speaker}" if q.speaker else q.citation


def _date(d) -> str:
    return f"{d:%B} {d.day}, {d.year}"


def quote_heading(q: Quote) -> str:
    """Where a quote comes from; a library quote names its article first:
    "“Port strike ends” (March 2, 2024) · ¶3 · Ahmed Shaikh"."""
    if q.article is None:
        return heading(q)
    when = f" ({_date(q.article.published)})" if q.article.published else ""
    return f"“{q.article.title}”{when} · {heading(q)}"


def library_footer(answer: Answer) -> str:
    n = len({q.article.key for q in answer.quotes if q.article})
    return "Across the library" + (f" · quotes from {n} article{'s' if n != 1 else ''}" if n else "")


def render(answer: Answer, article: Article | None) -> RenderedAnswer:
    """``article``: the one article asked about, or None for an answer across the library, whose quotes
    each name their own article (they come grouped by article)."""
    title = None
    if answer.speaker and not answer.no_answer:
        title = escape(f"{answer.speaker} — {answer.speaker_role}" if answer.speaker_role else answer.speaker)
    blocks = tuple(
        QuoteBlock(escape(quote_heading(q)), highlight(q.excerpt, q.highlights),
                   fragment_link(q.article.url if q.article else article.url if article else None, q.excerpt))
        for q in answer.quotes
    )
    if article is None:
        return RenderedAnswer(title, escape(answer.lead), blocks, library_footer(answer), None, answer.no_answer)
    footer = article.title + (f" · {_date(article.published)}" if article.published else "")
    return RenderedAnswer(title, escape(answer.lead), blocks, footer, article.url, answer.no_answer)


def quote_text(block: QuoteBlock) -> str:
    """One quote as plain message text: the words as a block quote, then where they come from."""
    body = "\n".join(f"> {line}" if line else ">" for line in block.body.splitlines())
    source = f"[{block.heading}](<{block.link}>)" if block.link else block.heading
    return f"{body}\n— {source}"


def to_text(r: RenderedAnswer) -> str:
    """The whole answer as one plain message (no embed), as the CLI prints it."""
    parts = [r.lead, *(quote_text(b) for b in r.quotes)]
    parts.append(f"-# {escape(r.footer)}")
    return "\n\n".join(parts)


# -- Discord's limits --------------------------------------------------------------------------------
MESSAGE_LIMIT = 2000  # characters in one message
ELLIPSIS = "…"


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters at a word boundary, marked with "…", its bold markers balanced.

    Only for one quote (or lead) longer than a whole message or embed field: answers are split between
    quotes, never inside one, and this is the last resort when a single quote cannot fit.
    """
    if len(text) <= limit:
        return text
    budget = max(limit - 3, 0)  # room for a closing "**" and the ellipsis
    kept: list[str] = []  # whole tokens only: never half an escape, nor half a bold mark
    size = 0
    for token in tokens(text):
        if size + len(token) > budget:
            break
        kept.append(token)
        size += len(token)
    spaces = [i for i, token in enumerate(kept) if token.isspace()]
    if spaces and sum(map(len, kept[:spaces[-1]])) > size // 2:  # at a word boundary, unless it loses half
        del kept[spaces[-1]:]

    def trim() -> None:
        while kept and kept[-1].isspace():
            kept.pop()

    trim()
    if kept.count(BOLD) % 2:  # a bold phrase cut in two: close it, or drop a mark that opens nothing
        if kept[-1] == BOLD:
            kept.pop()
            trim()
        else:
            kept.append(BOLD)
    return "".join(kept) + ELLIPSIS


def _fit_quote(block: QuoteBlock, limit: int) -> str:
    text = quote_text(block)
    budget = len(block.body) - (len(text) - limit)
    while len(text) > limit and budget > 0:
        text = quote_text(replace(block, body=shorten(block.body, budget)))
        budget -= max(len(text) - limit, 1)
    return text


def to_messages(r: RenderedAnswer, limit: int = MESSAGE_LIMIT) -> list[str]:
    """``to_text`` split into messages of at most ``limit`` characters, between quotes and never inside one.

    An answer that fits is exactly ``to_text``; a single quote longer than a message is shortened.
    """
    parts = [shorten(r.lead, limit), *(_fit_quote(b, limit) for b in r.quotes), shorten(f"-# {escape(r.footer)}", limit)]
    messages: list[str] = []
    for part in parts:
        if messages and len(messages[-1]) + 2 + len(part) <= limit:
            messages[-1] += "\n\n" + part
        else:
            messages.append(part)
    return messages


def render_article_card(article: Article, people: tuple[Person, ...]) -> RenderedAnswer:
    """What ``/article`` shows: date, link, counts and who is quoted, in the same layout as an answer."""
    paragraphs = sum(1 for p in article.passages if p.kind == "paragraph")
    comments = sum(1 for p in article.passages if p.kind == "comment")
    when = f"Published {article.published:%B} {article.published.day}, {article.published.year}" \
        if article.published else "Publication date unknown"
    counted = f" (the page counts {article.comment_count})" \
        if article.comment_count is not None and article.comment_count != comments else ""
    lead = f"{when} · {paragraphs} paragraph{'s' * (paragraphs != 1)} · {comments} reader comment" \
           f"{'s' * (comments != 1)}{counted}"
    quoted = [(f"{p.name} — {p.role}" if p.role else p.name) for p in people if p.kind != "commenter"]
    commenters = [p.name for p in people if p.kind == "commenter"]
    blocks = (
        QuoteBlock("Quoted in the story", escape(", ".join(quoted) or "nobody"), None),
        QuoteBlock("Commenters", escape(", ".join(commenters) or "none"), None),
    )
    lead = escape(lead) + (f"\n<{link_target(article.url)}>" if article.url else "")  # the address: ours, not escaped
    return RenderedAnswer(escape(article.title), lead, blocks, article.title, article.url, False)
