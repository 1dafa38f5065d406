"""A person described, not named ("the guy who runs the water authority"): the one quoted person the
best-fitting introduction introduces, through the real answerer; two there, or none, is no guess."""
from __future__ import annotations

import pytest

from retrieval.answerer import Answerer
from retrieval.load import load_article

ARTICLE = """\
title: Flood barrier fails
published: 2024-02-11
paragraphs:
  - Gordon Okafor, the chief executive of the Tarn Valley Water Authority, said the barrier was overwhelmed.
  - '"Our crews worked through the night at the water works," Okafor told reporters.'
  - Bakery owner Marta Kowalczyk said she lost every oven in her shop.
  - Harbour pilots Jon Ames and Ravi Lal said the river had never been so high.
  - The county council said 340 households were moved to shelters.
"""


@pytest.fixture(scope="module")
def flood(tmp_path_factory):
    page = tmp_path_factory.mktemp("a") / "flood.yaml"
    page.write_text(ARTICLE, encoding="utf-8")
    return Answerer(load_article(page))


def test_who_is_the_guy_who_runs_it(flood):
    answer = flood.ask("whos the guy who runs the water authority")
    assert (answer.kind, answer.speaker, answer.passage_ids) == ("who_is", "Gordon Okafor", ("p1",))
    # the paragraph with more of the description's words ("water works") introduces nobody: not it
    assert "I read “the guy who runs the water authority” as Gordon Okafor" in answer.lead


def test_what_did_the_lady_from_the_bakery_say(flood):
    answer = flood.ask("wat did the lady from the bakery say")
    assert (answer.speaker, answer.passage_ids) == ("Marta Kowalczyk", ("p3",))


def test_two_people_introduced_together_are_not_guessed_between(flood):
    answer = flood.ask("what did the guy from the harbour say")
    assert not answer.corrections and "I read" not in answer.lead


def test_a_description_that_fits_no_introduction_names_nobody(flood):
    answer = flood.ask("who is the guy who works for the council")
    assert answer.speaker is None


def test_a_group_named_like_a_person_is_not_the_person_described(tmp_path):
    page = tmp_path / "runway.yaml"
    page.write_text("title: Runway\npublished: 2024-09-18\nparagraphs:\n"
                    "  - Campaign group Quiet Skies, led by retired teacher Neville Oduya, said it would go to court.\n",
                    encoding="utf-8")
    answer = Answerer(load_article(page)).ask("whos the guy leading the campaign group")
    assert answer.speaker == "Neville Oduya"



@pytest.mark.parametrize("typed", ["who runs the water authority", "whos in charge of the water authority",
                                   "who's the boss of the water authority", "who heads the water authority"])
def test_who_runs_a_body_is_the_one_whose_role_heads_it(flood, typed):
    answer = flood.ask(typed)
    assert (answer.kind, answer.speaker, answer.passage_ids) == ("who_is", "Gordon Okafor", ("p1",))


def test_who_owns_it_and_a_body_nobody_heads(flood):
    assert flood.ask("who owns the bakery").speaker == "Marta Kowalczyk"
    assert flood.ask("who runs the county council").speaker is None  # the council speaks, nobody heads it here
