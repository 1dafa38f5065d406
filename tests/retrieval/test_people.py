"""People, aliases and roles of both test articles, and ``find_person`` over them."""
from __future__ import annotations

import pytest

from retrieval.attribution import attribute, find_person
from retrieval.load import load_article
from retrieval.attribution.registry import Registry, role_key
from tests.conftest import DATA, SHIPPED


@pytest.fixture(scope="module")
def shipped_cast():
    return attribute(load_article(SHIPPED))


@pytest.fixture(scope="module")
def port_cast():
    return attribute(load_article(DATA / "port-strike.txt"))


def test_canonical_names_are_full_names_and_titles_stay_aliases(shipped_cast):
    hatami = shipped_cast.person("Ali Hatami")
    assert hatami.kind == "person" and hatami.introduced_in == "p2"
    assert hatami.role == "Iranian Defense Minister"
    assert {"Hatami", "General Hatami", "Brigadier General Ali Hatami"} <= set(hatami.aliases)
    assert shipped_cast.person("Brigadier General Ali Hatami") is None
    assert shipped_cast.person("Hatami") is None


def test_counterpart_takes_the_office_of_the_person_it_is_counterpart_to(shipped_cast):
    khan = shipped_cast.person("Khurram Dastagir Khan")
    assert khan.role == "Pakistani defense minister" and khan.introduced_in == "p2"
    assert {"Dastagir", "Pakistani counterpart"} <= set(khan.aliases)


def test_titles_before_a_name_become_the_role(shipped_cast):
    assert shipped_cast.person("Donald Trump").role == "US President"
    assert shipped_cast.person("Press TV").kind == "organisation"


def test_countries_and_cities_are_not_people(shipped_cast):
    names = {p.name for p in shipped_cast.people}
    assert not names & {"Iran", "Pakistan", "Tehran", "TEHRAN", "Islamabad", "United States", "Afghanistan"}


def test_a_shared_surname_never_merges_two_people():
    reg = Registry()
    khurram = reg.person(["Khurram", "Dastagir", "Khan"], "p1")
    imran = reg.person(["Imran", "Khan"], "p2")
    assert khurram is not imran and imran.name == "Imran Khan"
    assert reg.resolve(["Khan"]) is None  # two people hold it
    assert reg.resolve(["Dastagir"]) is khurram
    assert reg.resolve(["Dastagir", "Khan"]) is khurram


def test_a_longer_form_later_becomes_the_canonical_name():
    reg = Registry()
    short = reg.person(["Hatami"], "p1", create_single=True)
    full = reg.person(["Ali", "Hatami"], "p2")
    assert short is full and full.name == "Ali Hatami" and "Hatami" in full.forms


def test_a_renamed_person_is_found_by_the_new_name_only_and_lookups_keep_the_order_of_registration():
    reg = Registry()
    short = reg.person(["Hatami"], "p1", create_single=True)
    ali = reg.person(["Ali", "Khan"], "p2")
    reg.person(["Ali", "Hatami"], "p3")  # Hatami becomes Ali Hatami, indexed under "ali" after Ali Khan
    assert reg.candidates(("ali",)) == [short, ali]  # registered first, listed first
    assert reg.candidates(("ali", "hatami")) == [short]
    assert reg.candidates(("hatami",)) == [short]
    assert reg.resolve(["Ali"]) is None  # two people hold it


def test_a_person_read_first_becomes_the_organisation_of_the_same_words():
    reg = Registry()
    band = reg.person(["Big", "Machine"], "p1")
    assert reg.organisation(["Big", "Machine"], "p2") is band and band.kind == "organisation"
    assert reg.organisations_with("machine") == [band]


def test_port_strike_people(port_cast):
    assert port_cast.person("Ahmed Shaikh").role == "union leader"
    assert port_cast.person("Rashid Memon").role == "chairman of the Karachi Port Trust"
    nadia = port_cast.person("Nadia Shaikh")
    assert nadia.gender == "female" and "Ms Shaikh" in nadia.aliases
    assert port_cast.person("Farooq Siddiqui").role == "Maritime Affairs Minister"
    assert port_cast.person("Ayesha Memon").kind == "commenter"  # a reader, not the chairman


def test_role_keys_join_countries_nationalities_and_spellings():
    assert role_key("Pakistan's defence minister") == role_key("the Pakistani defense minister")
    assert role_key("chairman of the Karachi Port Trust")[1] == "chairman"
    assert role_key("the US President") == (frozenset({"american", "president"}), "president")


SHIPPED_FIND = [
    ("Ali Hatami", "Ali Hatami"), ("Hatami", "Ali Hatami"), ("General Hatami", "Ali Hatami"),
    ("Brigadier General Ali Hatami", "Ali Hatami"), ("Hatami's", "Ali Hatami"), ("ali hatami", "Ali Hatami"),
    ("Iranian Defense Minister", "Ali Hatami"), ("Iran's defence minister", "Ali Hatami"),
    ("the Iranian minister", "Ali Hatami"), ("the Iranian defence minister", "Ali Hatami"),
    ("Khurram Dastagir Khan", "Khurram Dastagir Khan"), ("Dastagir", "Khurram Dastagir Khan"),
    ("Khan", "Khurram Dastagir Khan"), ("the Pakistani defense minister", "Khurram Dastagir Khan"),
    ("Pakistan's defence minister", "Khurram Dastagir Khan"), ("his Pakistani counterpart", "Khurram Dastagir Khan"),
    ("the Pakistani minister", "Khurram Dastagir Khan"),
    ("Trump", "Donald Trump"), ("the US president", "Donald Trump"), ("President Trump", "Donald Trump"),
    ("Press TV", "Press TV"), ("Meraj Shahab", "Meraj shahab"), ("meraj shahab", "Meraj shahab"),
    ("CUBAN", "cuban"), ("@cuban", "cuban"), ("the commenter Raj", "Raj"), ("Bahrooni Saazish", "Bahrooni Saazish"),
]


@pytest.mark.parametrize("phrase, name", SHIPPED_FIND)
def test_find_person_on_the_shipped_article(shipped_cast, phrase, name):
    person = find_person(shipped_cast, phrase)
    assert person is not None and person.name == name


@pytest.mark.parametrize("phrase", [
    "Vladimir Putin", "Putin", "Imran Khan", "Mr Imran Khan", "the minister", "the defense minister",
    "Pakistan", "Iran", "Tehran", "the Saudi minister", "", "  ", "the", "Ali Khan",
])
def test_find_person_returns_none_for_people_the_article_does_not_have(shipped_cast, phrase):
    assert find_person(shipped_cast, phrase) is None


PORT_FIND = [
    ("Ms Shaikh", "Nadia Shaikh"), ("Mr Shaikh", "Ahmed Shaikh"), ("Mr. Shaikh", "Ahmed Shaikh"),
    ("Nadia", "Nadia Shaikh"), ("the union leader", "Ahmed Shaikh"), ("the port trust chairman", "Rashid Memon"),
    ("Memon", "Rashid Memon"), ("Ayesha Memon", "Ayesha Memon"), ("the spokeswoman", "Nadia Shaikh"),
    ("the maritime affairs minister", "Farooq Siddiqui"), ("the minister", "Farooq Siddiqui"),
    ("Dawn News", "Dawn News"), ("Tariq", "Tariq"),
]


@pytest.mark.parametrize("phrase, name", PORT_FIND)
def test_find_person_on_the_port_strike(port_cast, phrase, name):
    person = find_person(port_cast, phrase)
    assert person is not None and person.name == name


@pytest.mark.parametrize("phrase", ["Shaikh", "Karachi", "Imran Khan", "the chairman of PIA"])
def test_find_person_port_strike_negatives(port_cast, phrase):
    assert find_person(port_cast, phrase) is None


def test_an_organisation_is_found_by_its_head_word_when_only_one_has_it(tmp_path):
    page = tmp_path / "a.yaml"
    page.write_text("title: T\npublished: 2024-01-02\nparagraphs:\n"
                    "  - The museum will return the masks, the Calder Bay Herald reported.\n"
                    "  - The Port Trust said it paid, the Ellery Gazette reported.\n"
                    "  - The Harbour Trust said it did not.\n", encoding="utf-8")
    cast = attribute(load_article(page))
    assert find_person(cast, "the Herald").name == "Calder Bay Herald"
    assert find_person(cast, "Gazette").name == "Ellery Gazette"
    assert find_person(cast, "the Trust") is None  # two trusts: which one?
