"""An organisation's "it" / "they" and nominals moved to speak: the rules on short articles written for
these tests."""
from __future__ import annotations

import pytest

from retrieval.attribution import attribute
from retrieval.load import parse_article


def speakers(*paragraphs: str) -> list[str | None]:
    text = "A story\n\nPublished: March 3, 2019\n\n" + "\n\n".join(paragraphs) + "\n"
    article = parse_article(text, "<snippet>")
    cast = attribute(article)
    return [cast.speaker_of(p.id) for p in article.paragraphs]


@pytest.mark.parametrize("paragraphs, expected", [
    # the organisation is the subject of an earlier sentence of the paragraph, and has not spoken
    (["Sales fell in May. Acme Corp makes widgets in Ohio. It announced on Monday that the plant would close."], ["Acme Corp"]),
    # ... after an introductory adverbial
    (["As of October, Acme Corp had a fleet of 270 trucks. In addition to its order of vans, it announced "
      "an order of 50 buses."], ["Acme Corp"]),
    (["On Monday, Acme Corp cut its forecast. They said demand had fallen."], ["Acme Corp"]),
    # ... after a conjunction
    (["But Acme Corp kept its plant open. It said demand had recovered."], ["Acme Corp"]),
    # ... of the previous paragraph
    (["Sales fell in May. Acme Corp had a fleet of 270 trucks.", "In addition, it announced an order of 50 buses."],
     [None, "Acme Corp"]),
])
def test_it_is_the_organisation_that_is_the_subject_of_a_sentence_before(paragraphs, expected):
    assert speakers(*paragraphs) == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # an organisation that is no subject ("from Acme Corp") is not what "it" means
    (["Tom Reyes bought trucks from Acme Corp. It said the deal was done."], [None]),
    # a person who is the latest subject stands in the way
    # (an organisation opening the paragraph is what it is about: that rule is older and wider)
    (["Sales fell. Acme Corp had a fleet of trucks. Tom Reyes runs the depot. It said the deal was done."], [None]),
    # a possessive is no subject
    (["Sales fell. Acme Corp's trucks were sold. It said the deal was done."], [None]),
    # "it" after its cue is no subject ("said it would")
    (["Acme Corp had a fleet of trucks. Officials said it would grow."], [None]),
    # a long opening clause is no introductory adverbial
    (["When the lorries that the drivers of the depot had kept for years broke down, Acme Corp bought vans. "
      "It said the deal was done."], [None]),
])
def test_it_means_no_organisation_that_is_not_a_subject(paragraphs, expected):
    assert speakers(*paragraphs) == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # "led/prompted X to announce": the infinitive's subject is X, a name or a nominal resolved to the
    # body or the person named before
    (["Acme Corp cut its orders. The cutback led the company to announce that it would close a plant."],
     ["Acme Corp"]),
    (["Defense Minister Ana Ruiz toured the base. The attack prompted the minister to say the army would "
      "respond."], ["Ana Ruiz"]),
    (["The cutback forced Acme Corp to announce it would close a plant."], ["Acme Corp"]),
    # nothing moved to speak: no cue
    (["The design allows the company to highlight its trucks."], [None]),
])
def test_the_one_moved_to_speak_is_the_infinitives_subject(paragraphs, expected):
    assert speakers(*paragraphs) == expected


def test_the_company_is_the_one_of_two_bodies_named_as_often_that_the_article_uses_as_a_business():
    # "X's founder" makes X a business; a regulator named as often is not "the company", nor is a relative
    # clause between the company and its verb in the way.
    story = ["The State Attorney General (SAG) is investigating Brightloom, according to two people.",
             "The company, which is expected to lay off thousands of workers this week as it faces losses, "
             "confirmed on Monday that it had been contacted.",
             "Among the issues the SAG is examining is whether Brightloom's founder enriched himself."]
    assert speakers(*story) == [None, "Brightloom", None]
    # both used as businesses: no guess
    both = [story[0].replace("The State Attorney General (SAG)", "On Friday, Fenwick Capital"), story[1],
            "Brightloom's founder and Fenwick Capital's shares were in the news."]
    assert speakers(*both) == [None, None, None]


@pytest.mark.parametrize("paragraphs, expected", [
    # the outlet that reported it is no company: "a company spokesperson" speaks for the company
    (["Brightloom Corp is being investigated. According to Reuters, regulators asked for its records.",
      "Brightloom Corp is based in Ohio. A company spokesperson said it was cooperating."],
     ["Reuters", "Brightloom Corp"]),
    (["Brightloom Corp is being investigated. According to The Calder Times, regulators asked for records.",
      "Brightloom Corp is based in Ohio. The company said it was cooperating."],
     ["Calder Times", "Brightloom Corp"]),
    # "the newspaper" may mean the outlet
    (["Brightloom Corp is being investigated. According to The Calder Times, regulators asked for records.",
      "Last year, the newspaper said the inquiry would widen."],
     ["Calder Times", "Calder Times"]),
])
def test_a_company_nominal_never_means_the_news_outlet_that_reported(paragraphs, expected):
    assert speakers(*paragraphs) == expected


def quote_speakers(text: str) -> list[tuple[str, str | None, str]]:
    article = parse_article("A story\n\nPublished: March 3, 2019\n\n" + text + "\n", "<snippet>")
    cast = attribute(article)
    return [(q.text.split()[0], q.speaker, q.kind) for q in cast.quotes[article.paragraphs[0].id]]


@pytest.mark.parametrize("text, expected", [
    # unnamed sources relayed by a named one: the named one
    ("Acme Corp plans to release a new truck in 2020, according to industry sources cited by Taiwanese "
     "publication Gridline.", [("Acme", "Gridline", "speech")]),
    ("Acme Corp will close a plant, according to two people quoted by Reuters.", [("Acme", "Reuters", "speech")]),
    # unnamed sources alone: nobody named
    ("Acme Corp will close a plant, according to two people familiar with the matter.", []),
])
def test_according_to_sources_relayed_by_a_named_outlet_is_that_outlets_account(text, expected):
    assert quote_speakers(text) == expected


def test_a_speakers_own_words_before_according_to_stay_theirs():
    assert quote_speakers("Tom Reyes said the plant would close, according to Reuters.")[0][:2] == ("Tom", "Tom Reyes")


@pytest.mark.parametrize("paragraphs, expected", [
    # what a source says its words in, from or by them, speaks for them
    (["A statement from Acme Corp said the plant would close."], ["Acme Corp"]),
    (["On Monday, a letter from Tom Reyes said the plant would close."], ["Tom Reyes"]),
    # a verb or adjective that passes its subject on to the infinitive cue
    (["Ana Ruiz met workers.", "Ruiz was quick to say the plant would close."], [None, "Ana Ruiz"]),
    (["Ana Ruiz met workers.", "Ruiz has been keen to stress that the plant would close."], [None, "Ana Ruiz"]),
    (["Ana Ruiz met workers.", "Ruiz continued to insist that the plant would close."], [None, "Ana Ruiz"]),
    # ... not one that says nobody spoke
    (["Ana Ruiz met workers.", "Ruiz was unwilling to say whether the plant would close."], [None, None]),
])
def test_statements_from_a_source_and_subjects_passed_on_to_an_infinitive(paragraphs, expected):
    assert speakers(*paragraphs) == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # a name inside a relative clause after the sentence's opening phrase is not the verb's subject
    (["Acme Corp grew.", "The company, whose shares have fallen 40% since the chief executive, Tom Reyes, "
      "resigned in May, confirmed on Monday that it had been contacted."], [None, "Acme Corp"]),
    (["Acme Corp grew.", "Acme Corp, which hired Tom Reyes, a banker, in May, said it was over."],
     [None, "Acme Corp"]),
    (["Tom Reyes met Ana Ruiz.", "Tom Reyes, who met Ana Ruiz, the mayor, in May, said it was over."],
     [None, "Tom Reyes"]),
])
def test_the_subject_before_a_relative_clause_that_names_others_speaks(paragraphs, expected):
    assert speakers(*paragraphs) == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # a platform's name as a cue's subject is the company behind it
    (["Facebook declined to comment on the report."], ["Facebook"]),
    (["Twitter, which banned him in May, said the account was closed."], ["Twitter"]),
    # where something is posted names no one
    (["Ana Ruiz met workers.", "The video was shared on YouTube, Ruiz said."], [None, "Ana Ruiz"]),
    (["The video was posted on Facebook on Monday."], [None]),
])
def test_a_platform_speaks_only_as_a_cues_subject(paragraphs, expected):
    assert speakers(*paragraphs) == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # a newspaper called by its short name is the one named in full, else as written
    (["The Calder Post reported the plan.", "The Post said the plant would close."], ["Calder Post", "Calder Post"]),
    (["The Guardian reported that the plant would close."], ["The Guardian"]),
    # a guardian who is a person is no newspaper
    (["Her guardian said the plant would close."], [None]),
])
def test_a_newspaper_called_by_its_short_name(paragraphs, expected):
    assert speakers(*paragraphs) == expected
