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


# ---------------------------------------------------------------- readers talking to each other

THREAD = """title: Bus lanes
published: 2024-03-02
paragraphs:
  - The council voted for bus lanes on Tuesday.
comments:
  - author: Ayesha
    text: Will the lanes run past the hospital? Nobody has said.
  - author: Bilal
    text: Buses are always late anyway.
  - author: Omar
    text: "@Bilal is wrong, the new buses kept time all winter."
  - author: Dana
    reply_to: Bilal
    text: Late buses are still better than no buses.
"""


@pytest.fixture(scope="module")
def thread():
    return Answerer(parse_article(THREAD, "<thread>"))


def test_who_asked_about_a_topic_is_the_reader_who_asked_a_question_about_it(shipped_answerer, thread):
    a = shipped_answerer.ask("Who asked about China?")
    assert (a.speaker, a.quotes[0].passage_id) == ("Bahrooni Saazish", "c1")
    assert a.lead.startswith("Bahrooni Saazish (a commenter) asked about China")
    assert thread.ask("Who asked about the hospital?").speaker == "Ayesha"
    # Bilal's comment has the words but asks nothing: only a question counts.
    assert thread.ask("Who asked about buses being late?").no_answer


def test_who_asked_whether_is_the_reader_who_asked_it_in_the_readers_words(thread):
    a = thread.ask("Who asked whether the lanes will run past the hospital?")
    assert (a.speaker, a.quotes[0].passage_id) == ("Ayesha", "c1")
    assert a.lead.startswith("Ayesha (a commenter) asked whether the lanes will run past the hospital (comment #1)")


def test_who_replied_disagreed_or_answered_by_reply_links_and_mentions(shipped_answerer, thread):
    a = shipped_answerer.ask("Who disagreed with Meraj shahab?")
    assert (a.speaker, a.lead) == ("cuban", "cuban disagreed with Meraj shahab.")
    b = thread.ask("Who replied to Bilal?")
    assert [q.passage_id for q in b.quotes] == ["c3", "c4"]  # an @mention and a reply link
    assert b.speakers == ("Omar", "Dana")


def test_what_did_x_reply_to_y(shipped_answerer, thread):
    a = shipped_answerer.ask("What did cuban reply to Meraj?")
    assert [q.passage_id for q in a.quotes] == ["c5"] and a.lead == "What cuban replied to Meraj shahab:"
    assert thread.ask("What did Omar say to Bilal?").quotes[0].passage_id == "c3"
    assert thread.ask("What did Omar reply to Ayesha?").no_answer


def test_who_disagreed_with_something_that_is_not_a_reader_searches_the_words(shipped_answerer):
    a = shipped_answerer.ask("Who disagreed with the US policies?")
    assert a.speaker == "Ali Hatami"


@pytest.fixture(scope="module")
def shipped_answerer(shipped):
    return Answerer(shipped)


def test_intent_questions_answer_from_intent_and_each_clause_has_its_source():
    text = ("Fares\n\nPublished: March 3, 2019\n\nMayor Ana Lopez wants to cut the bus fares by half.\n\n"
            "Lopez said the fares were too high, and council leader Tom Reyes hopes to freeze them.\n")
    answerer = Answerer(parse_article(text, "<fares>"))
    spans = [(q.speaker, q.kind, q.text) for q in answerer.cast.quotes["p2"]]
    assert spans == [("Ana Lopez", "speech", "Lopez said the fares were too high, and"),
                     ("Tom Reyes", "intent", "council leader Tom Reyes hopes to freeze them.")]
    a = answerer.ask("Who hopes to freeze the fares?")
    assert (a.speaker, a.lead) == ("Tom Reyes", "Tom Reyes, council leader, hopes that (¶2).")
    b = answerer.ask("Who wants to cut the bus fares?")
    assert b.speaker == "Ana Lopez" and answerer.cast.speaker_of("p1") is None  # intent is not speech


def test_who_did_it_with_that_verb_prefers_the_passage_whose_source_used_it():
    text = ("Vote\n\nPublished: March 3, 2019\n\n"
            "The city council on Tuesday approved a $40 million plan to dredge the harbour, despite warnings from "
            "fishermen that the work would destroy spawning grounds, the Halden Courier reported.\n\n"
            "Mayor Ingrid Solberg defended the plan.\n\n"
            "“Nobody on the council read the full report,” Nils Berg said.\n")
    answerer = Answerer(parse_article(text, "<vote>"))
    # Berg's short paragraph ranks higher on the words; the Courier is the one that reported.
    hits, _, _, _ = answerer._rank("the council vote", 3, verb="reported")
    assert answerer.segments[hits[0].position].passage.id == "p3"
    assert answerer.ask("Who reported the council vote?").speaker == "Halden Courier"
