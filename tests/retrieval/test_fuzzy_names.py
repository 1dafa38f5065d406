"""Typos and names: rapidfuzz's edit distance behind one rule for questions and autocomplete."""
from __future__ import annotations

import pytest

from bot.fuzzy import rank
from retrieval.answerer import Answerer
from retrieval.attribution import attribute
from retrieval.fuzzy import allowed_edits, closest
from retrieval.load import load_article
from retrieval.names import match_person
from tests.conftest import DATA, SHIPPED


@pytest.fixture(scope="module")
def shipped_cast():
    return attribute(load_article(SHIPPED))


@pytest.fixture(scope="module")
def port_cast():
    return attribute(load_article(DATA / "port-strike.txt"))


def test_allowed_edits_grow_with_length():
    assert [allowed_edits(w) for w in ("ali", "iran", "hatami", "dastagir")] == [0, 1, 1, 2]


def test_closest_needs_one_clear_winner():
    assert closest("hatamy", ["hatami", "pakistan"]).found == "hatami"
    assert closest("hatamy", ["hatami"]).sure
    assert closest("hatmy", ["hatami"]).sure is False  # two edits on five letters: only a "did you mean"
    assert closest("cart", ["card", "care"]) is None  # two equally close
    assert closest("ali", ["alia"]) is None  # too short to be a typo
    assert closest("zebra", ["hatami"]) is None


@pytest.mark.parametrize("typed, name, how", [
    ("Hatamy", "Ali Hatami", "typo"),
    ("hatamis", "Ali Hatami", "possessive"),
    ("khuram dastgir", "Khurram Dastagir Khan", "typo"),
    ("cubans", "cuban", "possessive"),
    ("bahrooni", "Bahrooni Saazish", "words"),
])
def test_names_typed_otherwise_find_the_person(shipped_cast, typed, name, how):
    m = match_person(shipped_cast, typed)
    assert (m.person.name, m.how) == (name, how)


def test_never_across_a_real_name(shipped_cast, port_cast):
    # "Khan" alone is his name; "Imran" is no word of it, so "Imran Khan" is someone else.
    assert match_person(shipped_cast, "Imran Khan").person is None
    assert match_person(shipped_cast, "imran khan").suggestions == ()
    assert match_person(port_cast, "imran khan").person is None  # not "Imran J" either
    assert match_person(shipped_cast, "putin").person is None


def test_two_people_equally_close_are_offered_not_guessed(port_cast):
    m = match_person(port_cast, "shaikh")
    assert m.person is None and set(m.suggestions) == {"Ahmed Shaikh", "Nadia Shaikh"}
    assert match_person(port_cast, "ayesha").person.name == "Ayesha Memon"


def test_a_forename_of_the_other_sex_is_another_person(tmp_path):
    page = tmp_path / "a.yaml"
    page.write_text("title: T\npublished: 2024-01-02\nparagraphs:\n  - '\"We will win,\" Samira Khan said.'\n",
                    encoding="utf-8")
    cast = attribute(load_article(page))
    assert match_person(cast, "samira khan").person.name == "Samira Khan"
    assert match_person(cast, "samir khan").person is None  # Samir is a man's name, not a typo of hers
    assert match_person(cast, "samra khan").person.name == "Samira Khan"


@pytest.mark.parametrize("typed, name", [("the port chief", "Rashid Memon"), ("the union boss", "Ahmed Shaikh"),
                                         ("the maritime minister", "Farooq Siddiqui")])
def test_informal_roles(port_cast, typed, name):
    assert match_person(port_cast, typed).person.name == name


def test_the_same_names_everywhere_in_the_answerer(answerer):
    who = answerer.ask("Who is Hatamy?")
    said = answerer.ask("What did Hatamy say?")
    assert who.speaker == said.speaker == "Ali Hatami" and not said.no_answer
    assert ("Hatamy", "Ali Hatami") in said.corrections and "Hatamy" in said.lead
    unsure = answerer.ask("what did hatmy say")
    assert unsure.no_answer and unsure.lead == "Did you mean Ali Hatami?" and not unsure.quotes
    assert answerer.ask("did imran khan say anything about iran").no_answer
    assert answerer.ask("what did putin say").lead == "Putin isn't quoted in this article."


def test_zero_width_characters_inside_words_still_match(answerer):
    plain = answerer.ask("Who called US policies evil and stupid?")
    hidden = answerer.ask("Who called US pol\u200bicies ev\u200cil and stu\u2060pid?")
    assert hidden.passage_ids == plain.passage_ids and hidden.speaker == "Ali Hatami"
    assert answerer.ask("Who is Ha\u200btami?").speaker == "Ali Hatami"


def test_autocomplete_offers_the_name_a_typo_means():
    names = ["Ali Hatami", "Khurram Dastagir Khan", "Raj", "Meraj shahab"]
    assert rank("hatamy", names, key=lambda n: [n]) == ["Ali Hatami"]
    assert rank("khuram", names, key=lambda n: [n]) == ["Khurram Dastagir Khan"]
    assert rank("imran khan", names, key=lambda n: [n]) == []
    assert rank("raj", names, key=lambda n: [n]) == ["Raj", "Meraj shahab"]  # exact tiers still first


def test_a_word_typo_is_read_as_the_articles_word():
    a = Answerer(load_article(DATA / "port-strike.txt"))
    answer = a.ask("who said familys cant eat promisses")
    assert answer.speaker == "Ahmed Shaikh" and answer.passage_ids[0] == "p3"
    assert ("promisses", "promises") in answer.corrections
    # "coast" is an English word: never a typo of the article's "cost"/"costs"
    assert all(typed != "coast" for typed, _ in a.ask("who talked about the coast").corrections)


def test_roles_loosely():
    fuel = Answerer(load_article(DATA / "dev" / "politics-fuel-duty.txt"))
    assert fuel.ask("wat did the chancellor say").speaker == "Rachel Whitfield"  # not the Shadow Chancellor
    assert fuel.ask("what did the shadow chancellor say").speaker == "Tom Barker"
    bikes = Answerer(load_article(DATA / "dev" / "local-bike-lanes.txt"))
    assert bikes.ask("wat did the councillor say").speaker == "Mark Dion"  # the article spells "Councilor"
    hockey = Answerer(load_article(DATA / "dev" / "sport-overtime.txt"))
    unsure = hockey.ask("wat did the rangers coach say")  # two coaches, neither "the Rangers coach"
    assert unsure.no_answer and unsure.lead == "Did you mean Gerard Gallant or Bruce Cassidy?"


def test_the_prime_minister_of_somewhere_else_is_not_offered_a_minister(answerer):
    answer = answerer.ask("Who is the prime minister of India?")
    assert answer.no_answer and "Did you mean" not in answer.lead


def test_did_someone_say_something_without_about(answerer):
    answer = answerer.ask("did hatami mention israel")
    assert (answer.kind, answer.speaker, answer.passage_ids[:1]) == ("what_said", "Ali Hatami", ("p4",))


def test_a_plural_role_is_a_group_not_a_typo_or_a_possessive(port_cast):
    assert match_person(port_cast, "the ministers").person is None
    assert match_person(port_cast, "the ministr").person.name == "Farooq Siddiqui"
    assert match_person(port_cast, "rashid memons").how == "possessive"


def test_the_answerers_find_person_reads_names_as_questions_do(answerer):
    # the adapters (the library, /quotes) resolve names through it
    assert answerer.find_person("hatamy").name == "Ali Hatami"
    assert answerer.find_person("imran khan") is None


def test_an_office_in_another_country_is_not_offered(answerer):
    assert "Trump" not in answerer.ask("who is the president of iran").lead
    assert answerer.ask("who's the defence minister").lead == "Did you mean Ali Hatami or Khurram Dastagir Khan?"


def test_a_handle_is_read_as_the_name_in_it_and_a_bare_forename_takes_a_possessive(tmp_path):
    page = tmp_path / "a.yaml"
    page.write_text("title: T\npublished: 2024-01-02\nparagraphs:\n  - Talks ended.\ncomments:\n"
                    "  - {author: Rob_1974, posted: 2024-01-02 10:00, text: Build the wall first.}\n"
                    "  - {author: Jen M, posted: 2024-01-02 11:00, text: Nobody answered the letters.}\n"
                    "  - {author: Robyn, posted: 2024-01-02 12:00, text: Same here.}\n", encoding="utf-8")
    cast = attribute(load_article(page))
    assert match_person(cast, "rob").person.name == "Rob_1974"
    assert match_person(cast, "Rob_1974").person.name == "Rob_1974"
    assert (match_person(cast, "jens").person.name, match_person(cast, "jens").how) == ("Jen M", "possessive")
    assert match_person(cast, "robyns").person.name == "Robyn"
    answer = Answerer(load_article(page)).ask("jens take on the letters")
    assert (answer.speaker, answer.passage_ids[:1]) == ("Jen M", ("c2",))


def test_a_role_qualified_by_the_kind_of_body_is_its_one_holder(tmp_path):
    def cast_of(*paragraphs: str):
        page = tmp_path / "a.yaml"
        page.write_text("title: T\npublished: 2024-01-02\nparagraphs:\n" + "".join(f"  - {p}\n" for p in paragraphs),
                        encoding="utf-8")
        return attribute(load_article(page))

    club = "Westmoor Rovers chairman Dave Kettering said the lights would go off at 10.30pm."
    trust = "Rashid Memon, the chairman of the Karachi Port Trust, said the wages were paid."
    other = "Kestrel Lions chairman Omar Tahir said the vote was fair."
    assert match_person(cast_of(club), "the club chairman").person.name == "Dave Kettering"
    # the port trust's chairman is no club's: the one chairman left fits
    assert match_person(cast_of(club, trust), "the club chairman").person.name == "Dave Kettering"
    assert match_person(cast_of(trust), "the club chairman").person is None
    # two chairmen whose roles name no other kind: the reader must say which
    assert match_person(cast_of(club, other), "the club chairman").person is None


def test_a_camel_case_handle_is_its_words_typed_apart(tmp_path):
    page = tmp_path / "a.yaml"
    page.write_text("title: T\npublished: 2024-01-02\nparagraphs:\n  - Talks ended.\ncomments:\n"
                    "  - {author: BramptonMum, posted: 2024-01-02 10:00, text: Come and live under the flight path.}\n",
                    encoding="utf-8")
    cast = attribute(load_article(page))
    for typed in ("bramptonmum", "brampton mum", "the mum"):
        assert match_person(cast, typed).person.name == "BramptonMum", typed
    assert match_person(cast, "the dad").person is None


def test_a_plural_demonym_is_a_people_not_a_typo_of_a_role(answerer):
    assert answerer.find_person("the americans") is None
    assert answerer.ask("what did the americans say").speaker != "Donald Trump"


def test_a_bare_name_is_what_they_said(answerer):
    answer = answerer.ask("raj?")  # a commenter's name is in no passage's words
    assert (answer.kind, answer.speaker, answer.passage_ids) == ("what_said", "Raj", ("c3",))
    assert answerer.ask("putin?").no_answer


def test_the_one_holder_of_an_office_is_found_by_words_of_the_passage_introducing_them():
    a = Answerer(load_article(DATA / "unseen" / "museum-masks.txt"))
    answer = a.ask("What did the Ebiri chief say about his father?")  # "Chief Ogbonna Eze, who has led the Ebiri claim"
    assert (answer.speaker, answer.passage_ids[:1]) == ("Ogbonna Eze", ("p6",))
    assert a.ask("what did the Lagos chief say").no_answer  # Lagos is in the article, not where he is introduced
