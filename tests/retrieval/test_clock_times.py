"""Times of day written in different ways are one time (retrieval/clock_times.py), so a reader's "3am"
finds the article's "three in the morning" (retrieval/reader_words.py), through the real answerer."""
from __future__ import annotations

import pytest

from retrieval.answerer import Answerer
from retrieval.clock_times import clock_times
from retrieval.load import load_article


@pytest.mark.parametrize("text, hour, minute", [
    ("they get up at three in the morning", 3, 0), ("at 3am", 3, 0), ("by 3 a.m. sharp", 3, 0),
    ("off by 10.30pm on match nights", 10, 30), ("at half past ten", 10, 30), ("from 22:30", 10, 30),
    ("a quarter to nine", 8, 45), ("at six o'clock", 6, 0), ("by noon", 0, 0), ("seven in the evening", 7, 0),
])
def test_a_time_of_day_is_its_hour_and_minute(text, hour, minute):
    [t] = clock_times(text)
    assert (t.hour, t.minute) == (hour, minute)


@pytest.mark.parametrize("text", ["in 2019 and 2021", "5.30 for the early boat", "three of the nine", "at ten"])
def test_years_amounts_and_bare_numbers_are_no_time_of_day(text):
    assert clock_times(text) == []


@pytest.fixture(scope="module")
def bakery(tmp_path_factory):
    page = tmp_path_factory.mktemp("b") / "bakery.yaml"
    page.write_text(
        "title: Bakery closes\npublished: 2025-02-27\nparagraphs:\n"
        "  - '“These are people who get up at three in the morning to bake,” said Gary Fenwick.'\n"
        "  - '“The lights go off by 10.30pm,” said Ana Ruiz.'\n"
        "  - '“People bake bread for the town all week,” said Tom Reyes.'\n", encoding="utf-8")
    return Answerer(load_article(page))


@pytest.mark.parametrize("typed, speaker", [
    ("who said workers get up at 3am to bake", "Gary Fenwick"),
    ("Who said the lights go off at half past ten?", "Ana Ruiz"),
])
def test_a_time_the_reader_writes_otherwise_finds_the_articles(bakery, typed, speaker):
    assert bakery.ask(typed).speaker == speaker


def test_a_time_the_article_does_not_state_is_not_read_as_another(bakery):
    reading = bakery.reader.read("the lights go off at 11pm")
    assert all(slot.word != "11pm" or set(slot.terms) == {"11pm"} for slot in reading.slots)
