"""A "when" or "how many" question prefers, among close passages, the one that states a time or an
amount (retrieval/answer_type.py), through the real answerer."""
from __future__ import annotations

import pytest

from retrieval.answer_type import asks_money, states, states_money, sums, wanted
from retrieval.answerer import Answerer
from retrieval.load import load_article


@pytest.mark.parametrize("typed, kind", [
    ("when does the new runway open", "time"), ("what time cant planes land", "time"),
    ("how long will the roads be shut", "duration"), ("how many homes were flooded", "amount"),
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
    ("time", "The lights would be switched off by 10.30pm on match nights.", True),
    ("time", "The ferry leaves at 7 a.m. on weekdays.", True),
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


@pytest.mark.parametrize("typed, money", [
    ("How much will the ambulance cost?", True), ("how much did the museum pay for the masks", True),
    ("how much money is the govt giving", True), ("How much compensation are farmers asking for?", True),
    ("How much did the company lose last year?", True), ("how much did the river rise", False), ("how many homes were flooded", False),
    ("what did the ambulance cost", False),
])
def test_which_how_much_questions_ask_for_a_sum_of_money(typed, money):
    assert asks_money(typed) is money


@pytest.mark.parametrize("text, stated", [
    ("The company lost £1.4 million on the route.", True), ("Tickets cost 12 pounds.", True),
    ("Fees rose by 15 per cent.", True), ("The bill was Rs 4,000.", True), ("It cost $30m.", True),
    ("A flat costs more than in Ashford.", False), ("Eleven masks will go home.", False),
    ("Visitors are down since the fees went up.", False),
])
def test_whether_a_passage_states_a_sum_of_money(text, stated):
    assert states_money(text) is stated


@pytest.fixture(scope="module")
def clinic(tmp_path_factory):
    page = tmp_path_factory.mktemp("c") / "clinic.yaml"
    page.write_text(
        "title: Clinic to close\npublished: 2024-06-18\nparagraphs:\n"
        "  - The trust will pay for an ambulance to be based in the town overnight.\n"
        "  - Eleven ambulance crews will cover the valley from September.\n"
        "  - A one-bedroom flat costs more than in the city, the council said.\n"
        "comments:\n  - author: Ann\n    posted: 2024-06-18 10:00\n    text: The new ambulance will cost the trust £400,000 a year.\n",
        encoding="utf-8")
    return Answerer(load_article(page))


def test_a_how_much_money_question_no_close_passage_gives_a_sum_for_is_not_answered(clinic, tmp_path):
    page = tmp_path / "no-sum.yaml"
    page.write_text(
        "title: Clinic to close\npublished: 2024-06-18\nparagraphs:\n"
        "  - The trust will pay for an ambulance to be based in the town overnight.\n"
        "  - Eleven ambulance crews will cover the valley from September.\n"
        "  - A one-bedroom flat costs more than in the city, the council said.\n", encoding="utf-8")
    answer = Answerer(load_article(page)).ask("How much will the ambulance cost?")
    assert answer.no_answer and not answer.quotes  # "eleven" is an amount, but not a sum of money
    # with a sum stated, the passage that states it answers
    assert clinic.ask("How much will the ambulance cost?").passage_ids[0] == "c1"



@pytest.mark.parametrize("text, found", [
    ("a loss of £380,000 last year", ["£380,000"]), ("lost £1.4 million on the route", ["£1.4 million"]),
    ("It cost $30m, or 12 pounds a head.", ["$30m", "12 pounds"]), ("the bill was Rs 4,000", ["Rs 4,000"]),
    ("310 births in 2015", []), ("up 40 per cent", []),
])
def test_the_sums_of_money_a_passage_states(text, found):
    assert sums(text) == found


def test_a_word_of_money_is_said_by_the_passage_that_states_a_sum(tmp_path):
    page = tmp_path / "ferry.yaml"
    page.write_text(
        "title: Ferry cuts\npublished: 2023-11-08\nparagraphs:\n"
        "  - Alison Pirie said the company had lost £1,400,000 on the route last year.\n"
        "  - Callum Ross said the route was the island's lifeline.\n"
        "  - Morag Linklater said the firm had lost the trust of the island.\n", encoding="utf-8")
    answerer = Answerer(load_article(page))
    assert answerer.ask("Who said the company lost money on the route?").speaker == "Alison Pirie"
    assert answerer.ask("Who talked about money?").speaker == "Alison Pirie"  # no passage says "money"
    assert answerer.ask("How much did the company lose last year?").passage_ids[0] == "p1"
