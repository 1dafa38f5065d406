"""Chat questions found by the chat set over the unseen articles (tests/gold/chat_unseen_questions.yaml),
each a class of question, checked with articles of their own through the real parser and answerer."""
from __future__ import annotations

import pytest

from retrieval.answer_type import counted, counts, states, wanted
from retrieval.answerer import Answerer
from retrieval.load import load_article
from retrieval.question import parse_question

TRAM = """\
title: City cuts tram services after budget shortfall
published: 2025-05-14
paragraphs:
  - Tram services on the Riverside line will run every thirty minutes instead of every ten from June.
  - Commuters on the Riverside line said the trams were already full at eight in the morning.
  - The operator Metrolink Trams blamed a shortfall in its budget for the cuts to the Riverside line.
  - Metrolink's chief executive, Dana Royce, said the firm had lost money on the line for three years.
  - '"We cannot run empty trams at night on borrowed money," Royce said.'
  - Passenger Liam Ortega, who has ridden the line for a decade, said he would go back to driving.
  - The city treasurer, Owen Castle, said the council had no money left to cover the gap.
  - Owen Castle's deputy, Chief Nora Vance, said the museum stop would stay open.
  - Museum director Ines Paley said the city museum would lose visitors if the trams stopped.
  - Eleven stops on the line will close, and four of its twenty trams will be sold.
  - Five stops already closed last year.
comments:
  - author: tramfan
    text: Why should the city pay for empty trams? Riverside trams are a waste.
"""


@pytest.fixture(scope="module")
def tram(tmp_path_factory):
    page = tmp_path_factory.mktemp("tram") / "tram.yaml"
    page.write_text(TRAM, encoding="utf-8")
    return Answerer(load_article(page))


@pytest.mark.parametrize("typed, kind", [
    ("why r they cutting the trams", "reason"), ("how come the line is closing", "reason"),
    ("whats the reason for the cuts", "reason"), ("what caused the shortfall", "reason"),
    ("who cut the trams", None), ("what did royce say about why", None),
])
def test_a_why_question_asks_for_a_reason(typed, kind):
    assert wanted(typed) == kind


@pytest.mark.parametrize("text, stated", [
    ("The operator blamed a shortfall in its budget.", True), ("It closed because of the floods.", True),
    ("Sailings stopped due to a lack of crew.", True), ("Citing rising costs, the firm shut the shop.", True),
    ("Why should the city pay for empty trams?", False), ("The trams run every ten minutes.", False),
])
def test_whether_a_passage_gives_a_reason(text, stated):
    assert states("reason", text) is stated


def test_a_why_question_takes_the_passage_that_gives_the_reason_among_as_close_ones(tram):
    assert tram.ask("why r they cutting the riverside trams").passage_ids[0] == "p3"
    # without "why", the words alone decide
    assert tram.ask("riverside trams").passage_ids[0] != "p3"


@pytest.mark.parametrize("typed, thing", [
    ("how many stops r closing", "stops"), ("how many of the trams are sold", "trams"), ("how much money", None),
])
def test_the_thing_a_how_many_question_counts(typed, thing):
    assert counted(typed) == thing


def test_a_passage_counts_a_thing_by_a_number_just_before_it(tram):
    terms = tram.analyzer.terms
    assert counts({"tram"}, "four of its twenty trams will be sold", terms)
    assert counts({"stop"}, "Eleven stops on the line will close", terms)
    assert not counts({"stop"}, "The trams run every ten minutes and stop at night", terms)


def test_a_how_many_question_takes_the_passage_that_counts_that_thing(tram):
    # p1 and p10 give numbers; only p10 gives a number of stops
    assert tram.ask("how many stops on the line will close").passage_ids[0] == "p10"


def test_a_role_names_its_company_by_a_short_form_and_means_the_whole_name(tram):
    # "Metrolink's chief executive": the head of Metrolink Trams, so "the tram company boss"
    assert tram.ask("wat did the tram ceo say").speaker == "Dana Royce"
    assert tram.ask("what did the trams boss say").speaker == "Dana Royce"


def test_an_informal_head_is_the_one_whose_own_role_has_the_readers_word(tram):
    # Chief Nora Vance is introduced in a paragraph that mentions the museum; Ines Paley is its director
    assert tram.ask("wat did the museum boss say").speaker == "Ines Paley"


@pytest.mark.parametrize("typed", ["whats the treasurers problem with it", "whats the treasurers take on the trams"])
def test_a_role_s_possessive_typed_without_its_apostrophe(tram, typed):
    assert parse_question(typed).possessive
    assert tram.ask(typed).speaker == "Owen Castle"


def test_a_plural_role_outside_a_possessive_is_not_read_as_one():
    assert not parse_question("what did the treasurers say").possessive


@pytest.mark.parametrize("typed, kind", [
    ("how far is ashford", "distance"), ("how many miles is the drive", "distance"), ("how old is she", "age"),
    ("what age was he", "age"), ("how many shops", "amount"),
])
def test_a_distance_or_an_age_is_asked_for(typed, kind):
    assert wanted(typed) == kind


@pytest.mark.parametrize("kind, text, stated", [
    ("distance", "Mothers will be sent to Ashford, 48 miles away.", True),
    ("distance", "The pass is two kilometres long.", True),
    ("distance", "She was born in 2022 after two hours.", False),
    ("distance", "The firm lost $30m last year.", False),
    ("age", "Pensioner Jean Whitaker, 81, said she was sad.", True),
    ("age", "My daughter is 14 years old.", True),
    ("age", "The unit has 14 beds.", False),
])
def test_whether_a_passage_states_a_distance_or_an_age(kind, text, stated):
    assert states(kind, text) is stated


def test_how_far_takes_the_passage_that_gives_a_distance(tmp_path):
    page = tmp_path / "unit.yaml"
    page.write_text(
        "title: Births to end at Glenmore\npublished: 2024-06-18\nparagraphs:\n"
        "  - Kerry Dunn said she would never have reached Ashford in time, after a labour of two hours.\n"
        "  - Mothers will now be sent to Ashford General, 48 miles away.\n", encoding="utf-8")
    assert Answerer(load_article(page)).ask("how far is ashford").passage_ids[0] == "p2"


GOVERNMENT = """\
title: Trust to end births at rural unit
published: 2024-06-18
paragraphs:
  - The health trust will stop births at the unit from September.
  - A spokesperson for the Department of Health said decisions about local services were a matter for the trust.
  - The Royal College of Midwives said in a statement that rural units would face the same fate.
"""


def test_the_government_is_the_one_government_department_quoted(tmp_path):
    page = tmp_path / "unit.yaml"
    page.write_text(GOVERNMENT, encoding="utf-8")
    answer = Answerer(load_article(page)).ask("what did the govt say")
    assert answer.speaker == "Department of Health" and answer.passage_ids[0] == "p2"


def test_the_government_where_the_article_says_government_is_read_from_its_words(tmp_path):
    page = tmp_path / "unit.yaml"
    page.write_text(GOVERNMENT + "  - The government promised a review of rural maternity care.\n", encoding="utf-8")
    assert Answerer(load_article(page)).ask("what did the government say").passage_ids[0] == "p4"


def test_how_long_takes_a_length_of_time_before_a_point_in_time(tmp_path):
    page = tmp_path / "ruling.yaml"
    page.write_text(
        "title: Licensing scheme quashed\npublished: 2024-10-03\nparagraphs:\n"
        "  - Councils will be checking tonight how long their consultation ran for, a lawyer said.\n"
        "  - The judge said the consultation had run for only four weeks over the summer.\n", encoding="utf-8")
    answerer = Answerer(load_article(page))
    assert wanted("how long did the consultation run") == "duration"
    assert answerer.ask("How long did the consultation run?").passage_ids[0] == "p2"


def test_the_number_of_a_thing_counts_it(tram):
    terms = tram.analyzer.terms
    assert counts({"peopl"} | set(terms("people")), "The number of people waiting has risen to a record 7.75 million.", terms)
    assert not counts(set(terms("people")), "The number of people waiting has risen sharply.", terms)


LANES = """\
title: City council approves new bike lanes despite opposition
published: 2022-05-18
paragraphs:
  - The City Council voted 6-3 on Monday to add protected bike lanes on Congress Street.
  - Mayor Kate Snyder said the lanes would make the street safer for everyone.
  - Councilor Mark Dion said the city had not consulted shop owners about parking.
"""


def test_a_speaker_asked_about_the_story_s_subject_is_answered_by_its_words_they_use(tmp_path):
    page = tmp_path / "lanes.yaml"
    page.write_text(LANES, encoding="utf-8")
    answerer = Answerer(load_article(page))
    answer = answerer.ask("whats the mayors take on the bike lanes")
    assert answer.speaker == "Kate Snyder" and answer.passage_ids == ("p2",)
    # a word neither the speaker nor the story's opening has still means she doesn't say
    assert answerer.ask("what did the mayor say about the bike tax").no_answer
    # nor does a word only someone else says
    assert answerer.ask("what did the mayor say about parking").no_answer


SCHOOL = """\
title: Primary school closes classrooms after crumbling concrete found
published: 2025-09-05
paragraphs:
  - Ashgrove Primary School will teach its pupils in cabins after surveyors found crumbling concrete in six classrooms.
  - Headteacher Joanne Pike said staff had moved desks and books into the hall.
  - The concrete, known as RAAC, was used widely in public buildings and can collapse with little warning.
  - The Department for Education said it would fund RAAC repairs in every school.
"""


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    page = tmp_path_factory.mktemp("school") / "school.yaml"
    page.write_text(SCHOOL, encoding="utf-8")
    return Answerer(load_article(page))


def test_two_words_the_article_writes_as_one_name_its_role(school):
    assert school.ask("wat did the head teacher say").speaker == "Joanne Pike"


@pytest.mark.parametrize("typed, term", [
    ("whats raac", "raac"), ("what is a bailiff", "bailiff"), ("what's going on", None), ("whats up", None),
])
def test_the_term_a_what_is_question_asks_to_define(typed, term):
    from retrieval.answer_type import defined
    assert defined(typed) == term


@pytest.mark.parametrize("text, says", [
    ("The concrete, known as RAAC, was used widely.", True), ("RAAC is a lightweight concrete.", True),
    ("RAAC (reinforced autoclaved aerated concrete) was used.", True), ("It would fund RAAC repairs.", False),
])
def test_whether_a_passage_says_what_a_term_is(text, says):
    from retrieval.answer_type import defines
    assert defines("raac", text) is says


def test_what_is_x_takes_the_passage_that_says_what_x_is(school):
    assert school.ask("whats raac").passage_ids[0] == "p3"


def test_a_share_of_a_thing_is_not_its_number(tram):
    # "how many pupils": "the number of pupils who felt sad fell from 19% to 14%" gives shares, not a count
    terms = tram.analyzer.terms
    pupils = set(terms("pupils"))
    assert not counts(pupils, "The study found a drop in the number of pupils who felt sad, from 19% to 14%.", terms)
    assert not counts(pupils, "The number of pupils fell by 12 per cent.", terms)
    assert counts(pupils, "The study followed 2,400 pupils at twelve schools.", terms)
