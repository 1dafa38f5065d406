"""A "when" or "how many" question prefers, among close passages, the one that states a time or an
amount (retrieval/answer_type.py), through the real answerer."""
from __future__ import annotations

import pytest

from retrieval.answer_type import states, wanted
from retrieval.answerer import Answerer
from retrieval.load import load_article


@pytest.mark.parametrize("typed, kind", [
    ("when does the new runway open", "time"), ("what time cant planes land", "time"),
    ("how long will the roads be shut", "time"), ("how many homes were flooded", "amount"),
    ("how much did it cost", "amount"), ("who opened the runway", None), ("what did she say", None),
])
def test_what_a_question_asks_for(typed, kind):
    assert wanted(typed) == kind


@pytest.mark.parametrize("kind, text, stated", [
    ("time", "The runway is expected to open in 2029.", True),
    ("time", "Roads will stay closed until Thursday.", True),
    ("time", "The inquiry will report within six weeks.", True),
    ("time", "Construction is due to start next spring.", True),
    ("time", "They called for a rail link before the runway opens.", False),
    ("amount", "Charges had already crossed $2 million.", True),
    ("amount", "About 340 households were moved.", True),
    ("amount", "Thousands of workers stayed home.", True),
    ("amount", "Every day costs the country money.", False),
])
def test_whether_a_passage_states_it(kind, text, stated):
    assert states(kind, text) is stated


@pytest.fixture(scope="module")
def runway(tmp_path_factory):
    page = tmp_path_factory.mktemp("a") / "runway.yaml"
    page.write_text(
        "title: Runway approved\npublished: 2024-09-18\nparagraphs:\n"
        "  - Villagers said the new runway would bring noise, and asked for a new rail link before the runway opens.\n"
        "  - Building starts soon and the runway is expected to open in 2029.\n"
        "  - The new runway will carry many new flights to Asia.\n"
        "  - The new runway will carry 40 flights a day to Asia.\n", encoding="utf-8")
    return Answerer(load_article(page))


def test_a_when_question_takes_the_close_passage_that_gives_a_time(runway):
    assert runway.ask("when does the new runway open").passage_ids[0] == "p2"
    # without "when", the passage with more of the reader's words stays first
    assert runway.ask("does the new runway open").passage_ids[0] == "p1"


def test_a_how_many_question_takes_the_close_passage_that_gives_a_number(runway):
    assert runway.ask("how many flights will the new runway carry to asia").passage_ids[0] == "p4"
