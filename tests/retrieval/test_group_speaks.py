""""what did the government promise": a group speaks where the article names it (issue 11)."""
from __future__ import annotations

import pytest

from retrieval.answerer import Answerer
from retrieval.load import load_article


@pytest.fixture(scope="module")
def strike(tmp_path_factory):
    page = tmp_path_factory.mktemp("a") / "strike.yaml"
    page.write_text(
        "title: Strike\npublished: 2024-01-05\nparagraphs:\n"
        "  - '\"Our families cannot eat promises,\" union leader Ahmed Shaikh said.'\n"
        "  - The federal government will pay the outstanding wages directly if the trust cannot settle by Monday.\n"
        "  - Shopkeepers near the port said trade had halved.\n", encoding="utf-8")
    return Answerer(load_article(page))


def test_the_passage_naming_the_group_answers_for_it(strike):
    # the reader's verb is the article's noun elsewhere ("promises"), but the government speaks in p2
    assert strike.ask("wat did the govt promise to do").passage_ids[0] == "p2"
    assert strike.ask("what did the shopkeepers say").passage_ids[0] == "p3"


def test_a_topic_the_group_never_mentions_is_no_answer(strike):
    assert strike.ask("what did the government say about oil prices").no_answer
