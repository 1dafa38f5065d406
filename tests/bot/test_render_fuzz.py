"""Fuzz: random reader comments, names, titles, leads and highlighted spans, through the renderer and the
Discord embeds, and through the real core (parsing a comment, answering a question about its words).

Whatever the text, what the bot would send has no live mention, no live masked link but the bot's own
links to the quoted words on the article's page, no stray backslash at a line's end, and passes every
limit Discord checks (``fakediscord.check_message``: 2000 characters a message, each embed part, 25
fields, 6000 an embed); no quote is lost.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from discord_markdown import live, stray_backslashes
from fakediscord import check_message
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.embeds import to_embeds
from bot.escape import link_target
from bot.library import open_article
from bot.render import render, render_article_card, to_messages
from retrieval.answer import Answer, Quote
from retrieval.answerer import Answerer
from retrieval.article import Passage

LINKS = open_article(Path(__file__).parent / "articles" / "bot-links.yaml")

# Text made of what attacks Discord's markdown, and ordinary words for the questions to find.
ATTACKS = ["[click here](https://evil.example)", "[x](<https://evil.example/a>)", "](", "[", "]", "(", ")",
           "https://evil.example/a_b*c", "<https://evil.example>", "<@123456789012345678>", "<@!123456789012345678>",
           "<@&234567890123456789>", "<#345678901234567890>", "</ask:456789012345678901>", "@everyone", "@here",
           "**", "__", "*", "_", "~~", "||", "`", "```", "\\", "\\\\", "> ", ">>> ", "# ", "## ", "-# ", "- ", "* ",
           "+ ", "1. ", "\n", "\n\n", "  ", "@", "<", ">", "#", "-", ":", "…", "\u200b", "é", "🚢"]
WORDS = ["ferry", "timetable", "harbour", "board", "minutes", "crossing", "prices", "click", "here"]
piece = st.one_of(st.sampled_from(ATTACKS), st.sampled_from(WORDS).map(lambda w: w + " "),
                  st.text(alphabet="ab []()<>@#*_~|`\\-.!\n", max_size=6))
text = st.lists(piece, max_size=40).map("".join)
nonblank = text.filter(lambda t: t.strip())
name = st.lists(piece, min_size=1, max_size=6).map("".join).filter(lambda t: t.strip())
address = st.sampled_from(["https://example.com/news/a", "https://example.com/a_(b)) [x](https://evil.example/",
                           "https://example.com/<@123456789012345678>", "https://example.com/q?a=1&b=[2]#frag"])


@st.composite
def quotes(draw) -> Quote:
    excerpt = draw(nonblank)
    spans = draw(st.lists(st.tuples(st.integers(0, len(excerpt)), st.integers(0, len(excerpt))), max_size=6))
    comment = draw(st.booleans())
    return Quote(passage_id="c1" if comment else "p1", citation="comment #1" if comment else "¶1",
                 kind="comment" if comment else "paragraph", part=draw(st.sampled_from(["text", "quoted"])),
                 speaker=draw(st.none() | name), author=draw(name) if comment else None,
                 posted=datetime(2024, 5, 20, 9, 0) if comment else None, reply_to=draw(st.none() | name),
                 text=excerpt, excerpt=excerpt, highlights=tuple((min(s), max(s)) for s in spans if s[0] != s[1]),
                 score=1.0)


@st.composite
def answers(draw) -> Answer:
    return Answer(question=draw(text), kind="search", lead=draw(nonblank),
                  quotes=tuple(draw(st.lists(quotes(), max_size=12))), speaker=draw(st.none() | name),
                  speaker_role=draw(st.none() | name), no_answer=draw(st.booleans()))


def assert_inert_and_within_limits(rendered, url: str | None) -> None:
    # The bot's own links: the quoted words on the page (the page's own fragment goes), or the page itself
    # when a quote has no words to point at (an excerpt of only "…").
    ours = (link_target(url.split("#")[0]) + "#:~:text=") if url else None
    page = link_target(url) if url else None
    texts = []
    for message in to_messages(rendered):
        check_message({"content": message})
        texts.append(message)
    embeds = to_embeds(rendered)
    for embed in embeds:
        check_message({"embeds": [embed.to_dict()]})
        texts += [embed.title or "", embed.description or ""]
        texts += [t for f in embed.fields for t in (f.name, f.value)]
    assert sum(len(e.fields) for e in embeds) == len(rendered.quotes)
    for t in texts:
        for found in live(t):
            target = found.target.strip("<>")
            assert found.kind == "link" and ours and (target.startswith(ours) or target == page), (found, t)
        assert stray_backslashes(t) == [], t


fuzz = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fuzz
@given(answer=answers(), title=name, url=st.none() | address)
@example(answer=Answer(question="", kind="search", lead=ATTACKS[0], quotes=(
    Quote("p1", "¶1", "paragraph", "text", None, None, None, None, ATTACKS[0], ATTACKS[0], (), 1.0),
    Quote("p1", "¶1", "paragraph", "text", None, None, None, None, "…", "…", (), 1.0))),
    title=ATTACKS[0], url="https://example.com/news/a")  # found by the fuzz: a quote of only "…" links the page
def test_any_answer_renders_inert_and_within_discords_limits(answer, title, url):
    article = replace(LINKS.article, title=title, url=url)
    assert_inert_and_within_limits(render(answer, article), url)


@fuzz
@given(title=name, url=st.none() | address)
def test_any_article_card_renders_inert(title, url):
    article = replace(LINKS.article, title=title, url=url)
    assert_inert_and_within_limits(render_article_card(article, LINKS.speakers()), url)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(comment=nonblank, author=name, words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=3),
       url=st.none() | address)
def test_any_comment_answered_by_the_core_renders_inert(comment, author, words, url):
    """The real path: the comment is a passage of the article, the core ranks and excerpts it and marks
    the matched words, and the renderer shows it."""
    passages = LINKS.article.paragraphs + (Passage("c1", "comment", 1, comment, 1, author=author,
                                                   posted=datetime(2024, 5, 20, 9, 0)),)
    answerer = Answerer(replace(LINKS.article, passages=passages, url=url))
    for question in (f"What did {author} say about {' '.join(words)}?", f"Who said {' '.join(words)}?",
                     " ".join(words)):
        assert_inert_and_within_limits(render(answerer.ask(question), answerer.article), url)
