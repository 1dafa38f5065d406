"""Discord's size limits: long answers are cut between quotes, never inside one, and never fail."""
from __future__ import annotations

from dataclasses import replace

import pytest

from bot.embeds import to_embeds
from bot.fuzzy import rank
from bot.render import render, shorten, to_messages, to_text

QUESTIONS = ["What did Verbose say?", "What did Rambler say?", "What did Mallory say?", "Who said the strike is over?"]


@pytest.fixture(scope="module")
def harbour(two_articles):
    return two_articles[1].get("harbour")


@pytest.mark.parametrize("question", QUESTIONS)
def test_embeds_stay_within_every_limit(harbour, question):
    rendered = render(harbour.ask(question), harbour.article)
    embeds = to_embeds(rendered)
    for embed in embeds:
        assert len(embed) <= 6000 and len(embed.fields) <= 25
        assert len(embed.description or "") <= 4096 and len(embed.title or "") <= 256
        assert all(len(f.name) <= 256 and len(f.value) <= 1024 for f in embed.fields)
    assert sum(len(e.fields) for e in embeds) == len(rendered.quotes)  # one field per quote, none lost
    assert embeds[-1].footer.text.startswith("Port strike ends after talks")


def test_a_quote_too_long_for_a_field_is_shortened_with_an_ellipsis(harbour):
    rendered = render(harbour.ask("What did Rambler say?"), harbour.article)
    # The core already cuts quotes to about 700 characters; a longer block still must not break the embed.
    block = rendered.quotes[0]
    rendered = replace(rendered, quotes=(replace(block, body=" ".join([block.body.rstrip(" …")] * 2)),))
    (field,) = to_embeds(rendered)[0].fields
    assert len(rendered.quotes[0].body) > 1024
    words, link = field.value.split("\n[↗ read it in the article](")
    assert words.endswith("…") and rendered.quotes[0].body.startswith(words[:-1])
    assert link.startswith("https://example.com/news/port-strike#:~:text=")


@pytest.mark.parametrize("question", QUESTIONS)
def test_messages_stay_within_2000_and_a_short_answer_is_exactly_the_cli_text(harbour, question):
    rendered = render(harbour.ask(question), harbour.article)
    messages = to_messages(rendered)
    assert all(len(m) <= 2000 for m in messages)
    if len(to_text(rendered)) <= 2000:
        assert messages == [to_text(rendered)]


def test_the_shipped_article_answers_fit_one_message_as_the_cli_prints_them(one_article):
    answerer = one_article[1].get()
    for question in ("Who called US policies evil and stupid?", "What did Raj say about China?"):
        rendered = render(answerer.ask(question), answerer.article)
        assert to_messages(rendered) == [to_text(rendered)]


@pytest.mark.parametrize("text, limit, expected", [
    ("short", 10, "short"),
    ("one two three four five", 12, "one two…"),
    ("aaa **bold word** and more words", 12, "aaa **bol**…"),
    ("aaa **bold** bbb cccc", 14, "aaa **bold**…"),
    (r"ab \*\*x\*\* tail words here", 12, r"ab \*\*x…"),
])
def test_shorten_cuts_at_words_and_keeps_markdown_whole(text, limit, expected):
    out = shorten(text, limit)
    assert out == expected and len(out) <= limit


def test_fuzzy_ranks_prefix_then_substring_then_letters():
    names = ["Ali Hatami", "Khurram Dastagir Khan", "Raj", "Meraj shahab"]
    assert rank("raj", names, key=lambda n: [n]) == ["Raj", "Meraj shahab"]
    assert rank("dstg", names, key=lambda n: [n]) == ["Khurram Dastagir Khan"]
    assert rank("", names, key=lambda n: [n], limit=2) == names[:2]
    assert len(rank("a", [f"a{n}" for n in range(40)], key=lambda n: [n])) == 25
