"""Answers built on quote-level attribution: a paragraph that quotes two people is quoted by the span
asked about, with that span's speaker."""
from __future__ import annotations

import pytest

from retrieval.answerer import Answerer
from retrieval.load import parse_article

TWO_VOICES = """Rents and the housing plan

Published: May 2, 2024

The council adopted its housing plan on Tuesday after a long debate.

“Prices will fall within a year,” said Dana Wu, the housing secretary. But landlord Carl Moss warned that rents would rise for students and nurses.

Moss later met tenants at the town hall.
"""


@pytest.fixture(scope="module")
def answerer():
    return Answerer(parse_article(TWO_VOICES, "<two voices>"))


def test_who_said_names_the_speaker_of_the_matching_span(answerer):
    a = answerer.ask("Who warned that rents would rise?")
    assert a.speaker == "Carl Moss"
    assert a.quotes[0].excerpt.startswith("But landlord Carl Moss warned") and "Prices" not in a.quotes[0].excerpt
    b = answerer.ask("Who said prices will fall?")
    assert b.speaker == "Dana Wu" and b.quotes[0].excerpt == "Prices will fall within a year,"


def test_what_did_the_second_speaker_say_finds_and_quotes_only_their_words(answerer):
    a = answerer.ask("What did Carl Moss say?")
    assert not a.no_answer and [q.passage_id for q in a.quotes] == ["p2"]
    assert "rents would rise" in a.quotes[0].excerpt and "Prices" not in a.quotes[0].excerpt
    assert a.quotes[0].speaker == "Carl Moss"
