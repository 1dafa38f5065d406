"""A body's spokesperson named by the body's kind ("a council spokesperson") and a judge styled by
title ("Mrs Justice Cole" ... "the judge"): the rules on short articles written for these tests, found
by the third fresh unseen batch (tests/gold/unseen_fresh3_questions.yaml)."""
from __future__ import annotations

import pytest

from retrieval.answerer import Answerer
from retrieval.attribution import attribute
from retrieval.load import parse_article


def read(*paragraphs: str):
    text = "A story\n\nPublished: March 3, 2019\n\n" + "\n\n".join(paragraphs) + "\n"
    article = parse_article(text, "<snippet>")
    return article, attribute(article)


def speakers(*paragraphs: str) -> list[str | None]:
    article, cast = read(*paragraphs)
    return [cast.speaker_of(p.id) for p in article.paragraphs]


@pytest.mark.parametrize("paragraphs, expected", [
    # the one council the article names speaks through "a council spokesperson"
    (["Harlow District Council approved the plan on Monday.", "A council spokesperson said it was too early to say."],
     [None, "Harlow District Council"]),
    # the firm the story is about speaks through "a company spokesman"
    (["Quillon Ltd will close its plant in May.", "A company spokesman said the decision was final."],
     [None, "Quillon Ltd"]),
    # two councils: which one is not known, so the words stay as written
    (["Harlow District Council and Essex County Council met.", "A council spokesperson said talks would go on."],
     [None, "a council spokesperson"]),
])
def test_a_spokesperson_named_by_the_kind_of_body_speaks_for_the_one_body_of_that_kind(paragraphs, expected):
    assert speakers(*paragraphs) == expected


def test_a_judge_styled_justice_is_the_judge():
    got = speakers("Mrs Justice Harriet Cole said the consultation was too short.",
                   '"Nobody renting in this town was asked," the judge wrote in her ruling.')
    assert got == ["Harriet Cole", "Harriet Cole"]


def test_the_judge_asked_about_is_the_one_styled_justice(tmp_path):
    page = tmp_path / "ruling.yaml"
    page.write_text("title: Scheme quashed\npublished: 2024-10-03\nparagraphs:\n"
                    "  - Mrs Justice Harriet Cole said the consultation had run for only four weeks.\n"
                    "  - Landlord Trevor Oakes said the fee was a tax.\n"
                    "comments:\n  - author: Lucy P\n    text: The judge is right.\n", encoding="utf-8")
    answer = Answerer(parse_article(page.read_text(encoding="utf-8"), str(page))).ask("What did the judge say?")
    assert answer.speaker == "Harriet Cole" and answer.passage_ids[0] == "p1"


def test_the_justice_minister_is_not_the_judge():
    article, cast = read("Justice Minister Ana Ruiz said the courts were slow.",
                         "The judge said the case would be heard in June.")
    assert cast.speaker_of("p2") != "Ana Ruiz"


def test_whose_office_before_a_name_is_that_body_s_office():
    article, cast = read("The challenge was brought by the Marlow Landlords Association, whose chairman, "
                         "Trevor Oakes, owns eleven flats.", "Oakes said the fee was a tax.")
    assert cast.person("Trevor Oakes").role == "chairman of the Marlow Landlords Association"
    assert cast.speaker_of("p2") == "Trevor Oakes"


def test_whose_before_a_plain_noun_gives_no_role():
    article, cast = read("The charity, whose offices, Dale House and Mill Court, were sold, said it would move.")
    assert cast.person("Dale House") is None or not cast.person("Dale House").role


@pytest.mark.parametrize("sentence, office", [
    ("Councillor Ruth Agnew, who chairs the county council's health committee, said it would meet.",
     "chair of the county council's health committee"),
    ("County councillor Maria Kettering, who chairs the planning committee, said both sides would be heard.",
     "chair of the planning committee"),
    ("Ana Ruiz, who heads the Harbour Trust, said the berth would reopen.", "head of the Harbour Trust"),
])
def test_who_chairs_a_body_is_an_office_over_it(sentence, office):
    article, cast = read(sentence)
    person = cast.speakers()[0]
    assert office in (person.role, *person.aliases)


@pytest.mark.parametrize("sentence", [
    "Ana Ruiz, who runs a bakery in town, said bread would cost more.",  # runs: heads only a named body
    "Ana Ruiz, who led the protest, said the march would go on.",
])
def test_leading_something_that_is_no_body_is_no_office(sentence):
    article, cast = read(sentence)
    person = cast.speakers()[0]
    assert not any(form.startswith(("head of", "leader of")) for form in (person.role or "", *person.aliases))


def test_a_title_opening_a_sentence_keeps_the_name_of_its_body():
    article, cast = read("Westmoor Rovers chairman Dave Kettering said the lights would be off by 10.30pm.",
                         "Union leader Ahmed Shaikh said the strike would go on.")
    assert cast.person("Dave Kettering").role == "Westmoor Rovers chairman"
    assert cast.person("Ahmed Shaikh").role == "union leader"


def test_he_after_the_one_speaker_just_before_whose_forename_tells_no_gender():
    got = speakers("Club chairman Dave Kettering said the lights would be off by 10.30pm.",
                   "The council will vote on November 14.",
                   "Residents have collected 2,000 signatures, the organisers said.",
                   "Dr Sam Whitlow, a lighting engineer, said shielded lamps could cut the spill of light.",
                   "But he warned that the pitch would reflect the light. “The grass becomes a mirror,” he said.")
    assert got[3:] == ["Sam Whitlow", "Sam Whitlow"]


def test_he_still_skips_a_speaker_just_before_when_the_man_spoke_in_the_paragraph_before_that():
    # Kettering spoke two paragraphs up (within the previous one's reach): the known man stays the antecedent
    got = speakers("Club chairman Dave Kettering said the lights would be off by 10.30pm.",
                   "Dr Sam Whitlow, a lighting engineer, said shielded lamps could cut the spill of light.",
                   "But he warned that the club would not pay for them.")
    assert got[2] == "Dave Kettering"


@pytest.mark.parametrize("sentence, office", [
    ("Rosa Jimenez, who owns a bakery on the street, said she would lose parking.", "owner of a bakery"),
    ("Ana Ruiz, who founded the charity in 2010, said it would close.", "founder of the charity"),
])
def test_who_owns_or_founded_a_business_is_its_owner_or_founder(sentence, office):
    article, cast = read(sentence)
    assert cast.speakers()[0].role == office
