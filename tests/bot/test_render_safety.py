"""Quoted text never turns against the server: no live masked link, no live mention, no stray markup, in
every field the bot sends (embeds and plain text), whatever words the question highlights.

Judged by ``discord_markdown.live`` (what Discord's parser would make live), not by how the renderer
escapes. The article ``articles/bot-links.yaml`` holds comments written to attack the bot.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from discord_markdown import live, stray_backslashes
from fakediscord import NO_EMBEDS, FakeDiscord, feed_interaction, in_guild, settle

from bot.discord_app import create_bot
from bot.embeds import to_embeds
from bot.library import Library, open_article
from bot.render import render, render_article_card, to_messages, to_text
from retrieval.answer import Answer

LINKS = Path(__file__).parent / "articles" / "bot-links.yaml"
ARTICLE_URL = "https://example.com/news/ferry-timetable"
QUESTIONS = [
    "What did Trickster say about the timetable?",  # matched words inside the masked links' text
    "What did Trickster say about the board minutes?",
    "What did Trickster say?",  # nothing highlighted: two links in one comment
    "What did Lister say about the ferry?",  # a matched word at a line's end, markup on the next lines
    "Who mentioned crossing prices?",  # a commenter whose name is a masked link, mentions in the text
    "What did Nadia Rahman say?",
]


@pytest.fixture(scope="module")
def links():
    return open_article(LINKS)


def sent_texts(rendered) -> list[str]:
    """Every markdown text the bot would send for this answer: plain messages and every embed part
    Discord renders as markdown (title, description, field names and values)."""
    texts = list(to_messages(rendered))
    for embed in to_embeds(rendered):
        texts += [embed.title or "", embed.description or ""]
        texts += [t for f in embed.fields for t in (f.name, f.value)]
    return texts


def only_our_links(texts: list[str]) -> list:
    """What is live apart from the bot's own links to the quoted words on the article's page."""
    return [x for t in texts for x in live(t)
            if not (x.kind == "link" and x.target.strip("<>").startswith(ARTICLE_URL + "#:~:text="))]


@pytest.mark.parametrize("question", QUESTIONS)
def test_nothing_quoted_is_live_in_any_field(links, question):
    answer = links.ask(question)
    assert answer.quotes, answer.lead
    texts = sent_texts(render(answer, links.article))
    assert only_our_links(texts) == []
    assert [line for t in texts for line in stray_backslashes(t)] == []


def test_a_highlighted_word_inside_a_masked_link_stays_highlighted_and_inert(links):
    answer = links.ask("What did Trickster say about the timetable?")
    (block,) = render(answer, links.article).quotes
    assert block.body.count("**timetable**") == 2  # still marked
    assert live(block.body) == []


def test_a_highlighted_word_at_a_lines_end_leaves_no_backslash(links):
    (block,) = render(links.ask("What did Lister say about the ferry?"), links.article).quotes
    first, *rest = block.body.splitlines()
    assert first == "Cheaper than the **ferry**"
    assert rest[0].endswith("said nobody") and not rest[0].startswith("-")  # the list marker is inert


def test_the_lead_title_and_headings_are_inert_too():
    answer = Answer("q", "search", lead="[a](https://evil.example/1) and [b](https://evil.example/2) <#123>",
                    speaker="[Boss](https://evil.example/3)", speaker_role="@everyone")
    links = open_article(LINKS)
    texts = sent_texts(render(answer, links.article))
    assert only_our_links(texts) == []


def test_an_article_address_cannot_break_out_of_the_bots_own_links(links):
    article = replace(links.article, url="https://example.com/a_(b)) [x](https://evil.example/")
    rendered = render(links.ask("What did Trickster say?"), article)
    for text in sent_texts(rendered):
        for found in live(text):
            assert found.kind == "link" and "evil" not in found.text and found.target.strip("<>").startswith(
                "https://example.com/a_%28b%29%29%20%5Bx%5D%28https://evil.example/"), found


def test_the_article_card_title_and_lead_are_inert(links):
    article = replace(links.article, title="[Read me](https://evil.example) @everyone")
    rendered = render_article_card(article, links.speakers())
    assert only_our_links(sent_texts(rendered)) == []
    assert live(to_text(rendered)) == []


# -- end to end: what the bot actually sends through discord.py -------------------------------------------
@pytest.fixture
def links_bot(one_article):
    settings, _ = one_article
    return create_bot(settings, Library({"links": open_article(LINKS)}, "links"))


@pytest.mark.asyncio
@pytest.mark.parametrize("permissions", [None, NO_EMBEDS], ids=["embeds", "plain text"])
async def test_what_the_bot_sends_has_nothing_live(links_bot, permissions):
    fake = FakeDiscord()
    async with in_guild(links_bot, fake) as bot:
        for question in QUESTIONS:
            feed_interaction(bot, "ask", {"question": question},
                             **({"app_permissions": permissions} if permissions else {}))
        await settle()
    bodies = [r.json for r in fake.requests if r.method == "POST" and r.path.startswith("/webhooks/")]
    assert len(bodies) == len(QUESTIONS)
    texts = [b.get("content") or "" for b in bodies]
    texts += [t for b in bodies for e in b.get("embeds") or []
              for t in (e.get("title", ""), e.get("description", ""),
                        *(x for f in e.get("fields", []) for x in (f["name"], f["value"])))]
    assert only_our_links(texts) == []


@pytest.mark.asyncio
async def test_an_unknown_article_name_is_echoed_inert(two_articles):
    fake = FakeDiscord()
    async with in_guild(create_bot(*two_articles), fake) as bot:
        feed_interaction(bot, "ask", {"question": "Who said it?",
                                      "article": "[a](https://evil.example/1) [b](https://evil.example/2)"})
        await settle()
    (told,) = [r.json["content"] for r in fake.requests if r.method == "POST" and r.path.startswith("/webhooks/")]
    assert "I don't know an article called" in told and live(told) == []


def test_a_quote_holding_a_link_close_never_captures_the_citation_link_before_it():
    # Found by the render fuzz: quoted text "]()" after a citation "[¶1](<url>)" made the citation and
    # everything up to the quote one masked link with an empty target.
    from retrieval.answer import Quote
    quote = Quote(passage_id="p1", citation="¶1", kind="paragraph", part="text", speaker=None, author=None,
                  posted=None, reply_to=None, text="see ]() and ](https://evil.example)",
                  excerpt="see ]() and ](https://evil.example)", highlights=(), score=1.0)
    answer = Answer(question="q", kind="search", lead="Found it.", quotes=(quote, quote))
    rendered = render(answer, replace(open_article(LINKS).article, url=ARTICLE_URL))
    assert only_our_links(sent_texts(rendered)) == []
