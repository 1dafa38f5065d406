"""The one renderer's text: escaping of quoted text, matched words in bold, links to the quote."""
from __future__ import annotations

from dataclasses import replace
from urllib.parse import unquote

from bot.render import escape, fragment_link, highlight, render, to_text
from retrieval.answerer import Answerer
from retrieval.load import load_article
from tests.conftest import DATA


def test_escape_makes_mentions_and_markdown_inert():
    text = escape("@everyone look **here** <@123456789012345678> @here _x_\n# Heading\n> quote")
    assert "@everyone" not in text and "@here" not in text  # a zero-width space breaks each mention
    assert "<@123456789012345678>" not in text
    assert "\\*\\*here\\*\\*" in text and "\\_x\\_" in text
    assert "\n\\# Heading" in text and "\n\\> quote" in text


def test_highlight_bolds_spans_and_escapes_between():
    assert highlight("a *b* evil", ((6, 10),)) == "a \\*b\\* **evil**"
    assert highlight("evil and stupid", ((0, 4), (9, 15))) == "**evil** and **stupid**"
    assert highlight("evil stupid", ((0, 4), (5, 11))) == "**evil stupid**"  # adjacent spans merge


def test_fragment_link_points_at_the_quoted_words():
    url = "https://news.example.org/a"
    link = fragment_link(url, "“Buses carry more people than cars ever will,” Mayor Lina Park said after the vote.")
    assert link.startswith(url + "#:~:text=")
    start, end = link.split("#:~:text=")[1].split(",")
    assert unquote(start) == "“Buses carry more people"
    assert unquote(end) == "said after the vote."
    assert "-" not in fragment_link(url, "a 7-2 vote").split("=")[1]  # dashes are encoded, as the spec needs
    assert fragment_link(None, "words") is None


def test_rendered_answer_from_a_yaml_article_links_citations():
    answerer = Answerer(load_article(DATA / "council-vote.yaml"))
    answer = answerer.ask("What about potholes?")
    rendered = render(answer, answerer.article)
    assert rendered.quotes[0].link.startswith("https://news.example.org/2023/06/council-bus-lanes#:~:text=")
    text = to_text(rendered)
    assert "**potholes**" in text
    assert f"(<{rendered.quotes[0].link}>)" in text
    assert text.endswith("-# Council approves new bus lanes · June 14, 2023")


def test_quoted_comment_with_mentions_is_shown_harmlessly(answerer):
    answer = answerer.ask("What does Pakistan get out of defense ties with Iran?")
    quote = answer.quotes[0]
    hostile = replace(answer, quotes=(replace(quote, excerpt="@everyone **ties** <@123456789012345678>",
                                              highlights=((12, 16),)),))
    text = to_text(render(hostile, answerer.article))
    assert "@everyone" not in text and "<@123456789012345678>" not in text
    assert "\\*\\***ties**\\*\\*" in text
