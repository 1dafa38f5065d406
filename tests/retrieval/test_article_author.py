""""who wrote this": the article's byline, or a plain answer that it names none (issue 11)."""
from __future__ import annotations

from dataclasses import replace

from retrieval.answerer import Answerer
from retrieval.load import load_article


def test_who_wrote_it_names_the_byline_or_says_there_is_none(tmp_path):
    page = tmp_path / "a.yaml"
    page.write_text("title: Flood\npublished: 2024-02-11\nparagraphs:\n  - The river burst its banks.\n", encoding="utf-8")
    article = load_article(page)
    assert Answerer(article).ask("who wrote this").lead == "The article doesn't name its author."
    assert Answerer(replace(article, author="Sam Reed")).ask("who wrote the article").lead == "The article is by Sam Reed."
