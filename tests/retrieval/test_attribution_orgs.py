"""Organisations, companies, governments and countries as sources: the rules on short articles written
for these tests."""
from __future__ import annotations

import pytest

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
    # a country or a capital as a speech cue's subject speaks for its government
    (["Norway said on Monday it would expel two envoys."], ["Norway"]),
    (["The UK has urged both sides to talk."], ["UK"]),
    (["Beijing denied the report."], ["Beijing"]),
    (["Chile argued for years that the border was fixed."], ["Chile"]),
    # its short form is the name the article spells out
    (["The United States and Peru met in Lima.", "The U.S. said the talks had gone well."],
     [None, "United States"]),
    # a place in any other role never speaks
    (["Talks with Norway resumed, but nothing was said."], [None]),
    (["Protesters in Lima chanted slogans."], [None]),
    (["The trade gap was shared by Peru and Chile, he said."], [None]),
    # a place that does something says nothing
    (["Peru maintains tariffs on imported steel."], [None]),
    # a place in the clause another source reports is that source's words
    (["Minister Ana Ruiz said Peru would protest the ruling."], ["Ana Ruiz"]),
    # "Peru's ambassador said": the place qualifies the speaker
    (["Peru's ambassador said the vote was fair."], ["Peru's ambassador"]),
])
def test_a_country_or_capital_speaks_only_as_the_subject_of_a_speech_cue(paragraphs, expected):
    assert speakers(*paragraphs) == expected


def test_a_place_that_is_also_a_persons_surname_is_not_the_place():
    # "Jordan" ends a person's name in the article: "Jordan said" is not the country (and, the surname
    # being a place, not surely her either: nobody).
    assert speakers("Coach Lena Jordan praised her squad.", "Jordan said the team was ready.") == [None, None]
    assert speakers("Jordan said the border would stay open.") == ["Jordan"]


def test_a_name_read_as_a_persons_then_used_as_an_organisation_is_one_organisation():
    article, cast = read(
        "The fans of Red Kettle and Lena Moss waited all night.",
        "The label that signed her, Red Kettle, says the tour will go ahead.",
        "Red Kettle have twice denied cancelling it.",
        "“We never cancelled anything,” they said in a statement.",
    )
    assert [cast.speaker_of(p.id) for p in article.paragraphs] == [None, "Red Kettle", "Red Kettle", "Red Kettle"]
    assert cast.person("Red Kettle").kind == "organisation"


def test_a_relative_clause_with_which_between_an_organisation_and_its_cue():
    assert speakers("The regulator is investigating Fernhill Bank, according to two people.",
                    "Fernhill Bank, which faces heavy losses, confirmed on Monday that it had been contacted.")[1] \
        == "Fernhill Bank"


def test_an_acronym_reports_the_name_the_article_spells_out():
    article, cast = read(
        "Brightwater’s first electric van will not arrive until next year, the carmaker said.",
        "BW says the van will charge in twenty minutes.",
        "The Office of Rail Safety (ORS) is reviewing the brakes. ORS said the review would take a month.",
    )
    assert [cast.speaker_of(p.id) for p in article.paragraphs][1:] == ["Brightwater", "Office of Rail Safety"]
    assert "BW" in cast.person("Brightwater").aliases


def test_an_acronym_two_names_could_abbreviate_stays_as_written():
    article, cast = read("Brightwater and Bluewing make vans.", "BW said sales rose.")
    assert cast.speaker_of("p2") == "BW"


def test_the_company_is_the_organisation_the_article_names_most():
    article, cast = read(
        "Regulators are investigating Fernhill Bank and its rival, Quayside Group.",
        "Fernhill Bank’s shares fell on Monday.",
        "The company said it would cooperate fully.",
    )
    assert cast.speaker_of("p3") == "Fernhill Bank"
    # named as often as another: no guess
    article, cast = read("Regulators are investigating Fernhill Bank and Quayside Group.",
                         "The company said it would cooperate.")
    assert cast.speaker_of("p2") is None
    # "the agency" after an acronym named in the same sentence
    article, cast = read("The probe is a priority in ESA's search for ice, according to the agency.")
    assert cast.speaker_of("p1") == "ESA"


def test_the_company_never_means_a_person_or_a_place():
    article, cast = read("Maria Lopez visited Lima on Monday.", "The company said it would expand.")
    assert cast.speaker_of("p2") is None


def test_the_second_verb_of_a_coordination_shares_its_subject():
    article, cast = read(
        "Harbour City police have sealed off the port, stopping all traffic, and threatened to arrest strikers.",
        "The Dockers Union said it would not back down, while the city's police deny any brutality and say they"
        " acted lawfully.",
    )
    assert cast.speaker_of("p1") == "Harbour City police"
    spans = [(q.text, q.speaker) for q in cast.quotes["p2"]]
    assert spans[0] == ("The Dockers Union said it would not back down, while", "Dockers Union")
    assert spans[1:] == [("the city's police deny any brutality and say they acted lawfully.", "Harbour City police")]


def test_the_citys_police_is_the_one_police_force_named_before_and_no_other_body():
    article, cast = read("Harbour City police said the road was closed.", "The city's police later said it had reopened.",
                         "The president's office said nothing.")
    assert [cast.speaker_of(p.id) for p in article.paragraphs] == [
        "Harbour City police", "Harbour City police", "the president's office"]


def test_an_embassy_is_named_with_its_city():
    assert speakers("The Chilean Embassy in Lima said the visa rules would change.",
                    "The Peruvian Embassy in Santiago keeps its own list and published it on Monday.") == [
        "Chilean Embassy in Lima", None]


@pytest.mark.parametrize("text, expected", [
    # a body's name runs on through "of" and "for" after its head, with an office-holder's possessive
    ("Carl Doe pleaded guilty, the U.S. Attorney’s Office for the Southern District of Ohio said.",
     "U.S. Attorney’s Office for the Southern District of Ohio"),
    ("The University of Leeds said fees would rise.", "University of Leeds"),
    # a person of a body is the person; a role of a body is the role; someone at a body is nobody named
    ("Dan Ray of the Department of Health said no.", "Dan Ray"),
    ("The governor of the Bank of Leeds said rates would rise.", "the governor of the Bank of Leeds"),
    ("An analyst at the Bank of Leeds said rates would rise.", None),
])
def test_an_organisations_name_with_of_and_for(text, expected):
    assert speakers(text) == [expected]


def test_the_bodys_short_description_is_the_body_named_before():
    article, cast = read("Carl Doe pleaded guilty, the U.S. Attorney’s Office for the Southern District of Ohio said.",
                         "The U.S. attorney's office said more charges could follow.")
    assert cast.speaker_of("p2") == "U.S. Attorney’s Office for the Southern District of Ohio"


def test_a_document_speaks_for_the_body_whose_possessive_it_carries():
    assert speakers("The Ledger’s report today claims that the mayor will resign.") == ["Ledger"]
    assert speakers("The report said inflation would rise.") == [None]


def test_his_office_is_the_office_of_the_man_named_last_before_it():
    article, cast = read("Governor Eric Dunmore spoke at noon.",
                         "“We are listening,” Speaker Ana Ruiz said.",
                         "Teachers did not see Dunmore at the rally. His office said he was travelling.")
    assert cast.speaker_of("p3") == "Eric Dunmore’s office"
    assert cast.person("Eric Dunmore’s office").kind == "organisation"


def test_a_bodys_name_in_apposition_may_hold_a_capitalised_function_word():
    article, cast = read("DeskHub’s parent company, The We Group, announced on Sept. 30 that it was withdrawing its "
                         "listing.")
    assert cast.speaker_of("p1") == "We Group"
    assert cast.quotes["p1"][0].text.endswith("withdrawing its listing.")  # "Sept. 30" ends no sentence


def test_police_is_the_one_police_force_the_article_names():
    article, cast = read("This comes after police said the students had to surrender. Talks stalled in Lima.",
                         "Harbour City police have sealed the campus and threatened to use force.")
    assert [cast.speaker_of(p.id) for p in article.paragraphs] == ["Harbour City police", "Harbour City police"]
    # two forces named: "police" is neither
    article, cast = read("Police said the road was shut.", "Harbour City police and Lima police met.")
    assert cast.speaker_of("p1") is None


# -- a name without a legal suffix that the article itself treats as a company's ----------------------
@pytest.mark.parametrize("paragraphs, expected", [
    # "the company" in the sentence it opens, or the next
    (["Norland Energy will cut 200 jobs, the company said on Monday.", "Norland Energy said the cuts were needed."],
     ["Norland Energy", "Norland Energy"]),
    (["Norland Energy said demand had weakened.", "The company said it would cut jobs."],
     ["Norland Energy", "Norland Energy"]),
    # what only a business has: shares, a chief executive; "its shares"
    (["Shares in Norland Energy fell 4% on Monday.", "The company said demand had weakened."],
     [None, "Norland Energy"]),
    (["Norland Energy reported a loss. Its shares fell.", "The company said demand had weakened."],
     ["Norland Energy", "Norland Energy"]),
    (["Apple's chief executive, Tim Cook, spoke.", "Apple said demand had weakened.", "The firm said it would cut jobs."],
     ["Tim Cook", "Apple", "Apple"]),
    # a legal suffix elsewhere, a company noun before it, a company noun in apposition
    (["Quillon said orders rose.", "Quillon Ltd makes brakes.", "The company said it would hire."],
     ["Quillon", None, "Quillon"]),
    (["The retailer Marrow Home closed ten shops.", "Marrow Home said rents were too high.",
      "The firm said more could close."], [None, "Marrow Home", "Marrow Home"]),
    (["Tallis Brook, the carmaker, has built 9,000 vans.", "Tallis Brook said no one was hurt.",
      "The company said the fault was fixed."], [None, "Tallis Brook", "Tallis Brook"]),
])
def test_a_name_the_article_treats_as_a_companys_is_an_organisation(paragraphs, expected):
    article, cast = read(*paragraphs)
    assert [cast.speaker_of(p.id) for p in article.paragraphs] == expected
    assert cast.person(expected[-1]).kind == "organisation"


@pytest.mark.parametrize("paragraphs, person", [
    # a title or a forename anywhere makes the name a person's, whatever else the article does with it
    (["The bakery chain Brennan's will close six shops, the retailer said.", "Ms Brennan said she was sad."],
     "Brennan"),
    (["Shares in Corlett fell on Monday.", "Adam Corlett said the market was nervous."], "Adam Corlett"),
    (["Dana Whitcombe left the firm in May.", "Whitcombe said the company had been fair."], "Dana Whitcombe"),
    # a person who is the subject before "the company said" stays a person
    (["Priya Venn joined in 2019, the company said.", "Venn said she was proud."], "Priya Venn"),
])
def test_a_person_never_becomes_an_organisation_by_usage(paragraphs, person):
    article, cast = read(*paragraphs)
    assert cast.person(person).kind == "person"
    assert cast.speaker_of(article.paragraphs[-1].id) == person


def test_a_company_named_as_often_as_another_still_needs_the_article_to_say_which():
    # both companies by usage: "the company" stays unresolved (named as often)
    article, cast = read("Shares in Norland Energy and shares in Quillon fell.", "The company said it would cut jobs.")
    assert cast.speaker_of("p2") is None


def test_a_short_form_used_as_a_company_is_the_company_named_in_full():
    article, cast = read("Quillon Ltd makes brakes.", "Quillon said orders rose.")
    assert cast.speaker_of("p2") == "Quillon Ltd"
    article, cast = read("Northline Ferries will cut sailings, the company said.",
                         "Northline's chief executive, Ana Pirie, spoke on Monday.",
                         "According to Northline, freight will not be affected.")
    assert cast.speaker_of("p3") == "Northline Ferries"
    assert "Northline" in cast.person("Northline Ferries").aliases


def test_the_common_noun_a_name_ends_with_means_that_name_as_an_organisation():
    # "Ashcombe Zoo" has no title, forename or pronoun: "The zoo said" makes it the organisation speaking
    article, cast = read("A panda escaped from Ashcombe Zoo on Monday.",
                         "The zoo said the enclosure would stay closed until Saturday.")
    assert cast.speaker_of(article.paragraphs[1].id) == "Ashcombe Zoo"
    assert [e.kind for e in cast.people if e.name == "Ashcombe Zoo"] == ["organisation"]
    # a person is never "the" + the common noun their surname is
    article, cast = read("John Baker opened a shop on Monday.", "The baker said the bread sold out by noon.")
    assert cast.speaker_of(article.paragraphs[1].id) != "John Baker"


@pytest.mark.parametrize("sentence", [
    "Crustworks’ regional manager, Priya Sandhu, said the chain bakes centrally.",
    "Crustworks' regional manager, Priya Sandhu, defended the cuts, arguing that the chain bakes centrally.",
])
def test_a_names_possessive_by_the_apostrophe_alone_is_a_possessive_not_a_quotation(sentence):
    from retrieval.attribution.tokens import tokenize
    assert tokenize(sentence)[0].text in ("Crustworks’", "Crustworks'")
    assert speakers(sentence) == ["Priya Sandhu"]
    assert [t.text for t in tokenize("‘Save the buses’ campaigners said")][:5] == ["‘", "Save", "the", "buses", "’"]
