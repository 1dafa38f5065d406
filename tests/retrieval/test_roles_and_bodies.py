"""Roles and bodies an article states in ways the unseen gold showed were missed (issue 7): an occupation
given in a relative clause, an office written in capitals before the name, a body named with an "of"
complement after its head. Each on short articles written for these tests."""
from __future__ import annotations

import pytest

from retrieval.answerer import Answerer
from retrieval.attribution import attribute
from retrieval.load import parse_article


def read(*paragraphs: str):
    text = "A story\n\nPublished: March 3, 2019\n\n" + "\n\n".join(paragraphs) + "\n"
    article = parse_article(text, "<snippet>")
    return article, attribute(article)


def role_of(name: str, *paragraphs: str) -> str | None:
    _, cast = read(*paragraphs)
    person = cast.person(name)
    return person.role if person else None


@pytest.mark.parametrize("paragraph, role", [
    ("Lena Ward, who has worked as a nurse at the clinic for ten years, said the queues were longer.", "nurse"),
    ("Omar Field, who works as a surveyor for the county, said the bridge was sound.", "surveyor"),
    ("Joan Tilly, who served as mayor until 2019, said the plan was rushed.", "mayor"),
    ("Ray Dunmore, who is a lawyer for the family, said they would appeal.", "lawyer"),
    ("Ines Cole, who is now chief executive of the port, said trade had doubled.", "chief executive of the port"),
])
def test_a_relative_clause_that_states_an_occupation_is_the_persons_role(paragraph, role):
    assert role_of(paragraph.split(",")[0], paragraph) == role


@pytest.mark.parametrize("paragraph", [
    "Tom Reyes, who met the mayor on Monday, said the talks went well.",  # meets one: holds no office
    "Tom Reyes, who was born in Leeds, said the town had changed.",
    "Tom Reyes, who works in the harbour, said the boats were idle.",  # no office named
])
def test_a_relative_clause_that_names_no_occupation_of_the_person_gives_no_role(paragraph):
    assert role_of("Tom Reyes", paragraph) is None


def test_an_occupation_from_a_relative_clause_answers_the_role_question():
    article = parse_article("A story\n\nPublished: March 3, 2019\n\n"
                            "Lena Ward, who has worked as a nurse at the clinic for ten years, said the queues "
                            "were longer.\n\n“Nobody listens to us,” Ward said.\n", "<snippet>")
    answer = Answerer(article).ask("What did the nurse say?")
    assert answer.speaker == "Lena Ward" and answer.passage_ids == ("p1", "p2")
    assert "nurse" in Answerer(article).ask("who's lena ward").lead


def test_an_office_in_capitals_before_the_name_is_the_persons_role():
    article = parse_article("A story\n\nPublished: March 3, 2019\n\n"
                            "The town's MP, Dana Holt, said the closure was a mistake.\n\n"
                            "She said she would raise it in Parliament.\n", "<snippet>")
    answerer = Answerer(article)
    assert answerer.cast.person("Dana Holt").role == "town's MP"
    said = answerer.ask("what did the MP say")
    assert said.speaker == "Dana Holt" and said.passage_ids == ("p1", "p2")
    assert "MP" in answerer.ask("Who is Dana Holt?").lead


def test_an_office_in_capitals_held_by_nobody_named_stays_what_the_article_says():
    article = parse_article("A story\n\nPublished: March 3, 2019\n\n"
                            "The MP said the closure was a mistake.\n", "<snippet>")
    assert Answerer(article).ask("Who is Dana Holt?").no_answer


@pytest.mark.parametrize("paragraph, body", [
    ("The Royal College of Nursing said in a statement that pay had fallen.", "Royal College of Nursing"),
    ("The Royal Bank of Scotland said it would close twelve branches.", "Royal Bank of Scotland"),
    ("The Welsh Society for the Blind said the crossing was dangerous.", "Welsh Society for the Blind"),
])
def test_a_body_named_with_a_complement_after_its_head_is_one_organisation(paragraph, body):
    article, cast = read(paragraph)
    assert cast.speaker_of("p1") == body
    assert cast.person(body).kind == "organisation"


@pytest.mark.parametrize("paragraph, name, role", [
    ("“We had no choice,” said managing director Claire Brennan, 47.", "Claire Brennan", "managing director"),
    ("Acting governor Ray Pell said the roads were open.", "Ray Pell", "acting governor"),
    ("Speaking to reporters, union leader Ana Ruiz said the strike was over.", "Ana Ruiz", "union leader"),
])
def test_an_office_whose_modifier_ends_in_ing_keeps_it(paragraph, name, role):
    assert role_of(name, paragraph) == role


def test_a_relative_named_in_apposition_is_found_by_the_readers_word_for_them():
    article = parse_article("A story\n\nPublished: March 3, 2019\n\n"
                            "“We had no choice,” said managing director Claire Brennan.\n\n"
                            "Her father, Desmond Brennan, said he supported the decision.\n", "<snippet>")
    answerer = Answerer(article)
    assert answerer.cast.person("Desmond Brennan").role == "father"
    for typed in ("what did her dad say", "What did her father say?"):
        answer = answerer.ask(typed)
        assert answer.speaker == "Desmond Brennan" and answer.passage_ids == ("p2",)
    assert answerer.ask("what did her mum say").no_answer  # nobody is introduced as her mother
