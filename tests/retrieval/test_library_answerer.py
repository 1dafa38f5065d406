"""Questions across a library of real (hand-written) articles: the right article and paragraph, the speaker,
people merged across articles, newest first; the index kept on disk and brought up to date."""
from __future__ import annotations

import pytest

from retrieval.answerer import Answerer
from retrieval.archive import ArchiveIndex
from retrieval.library_answerer import LibraryAnswerer, MappingShelf
from retrieval.load import load_article
from tests.conftest import DATA

FILES = {"port-2018": "port-strike.txt", "port-ends": "library/port-strike-ends.yaml",
         "port-auto": "library/port-automation.yaml", "council": "council-vote.yaml"}


@pytest.fixture(scope="module")
def answerers() -> dict[str, Answerer]:
    return {key: Answerer(load_article(DATA / name)) for key, name in FILES.items()}


@pytest.fixture(scope="module")
def library(answerers) -> LibraryAnswerer:
    return LibraryAnswerer.open(MappingShelf(answerers))


def cited(answer) -> list[tuple[str, str, str | None]]:
    return [(q.article.key, q.citation, q.speaker) for q in answer.quotes]


def test_who_said_names_the_speaker_and_the_article(library) -> None:
    answer = library.ask("Who called the plan a betrayal?")
    assert answer.kind == "who_said" and answer.speaker == "Ahmed Shaikh"
    assert cited(answer)[0] == ("port-auto", "¶3", "Ahmed Shaikh")
    assert answer.lead.startswith("Ahmed Shaikh said it (¶3 of “Port trust chairman defends automation plan”)")
    assert answer.quotes[0].article.url == "https://news.example.org/2024/05/port-automation-plan"


def test_what_did_y_say_lists_newest_articles_first_across_the_library(library) -> None:
    answer = library.ask("What did Ahmed Shaikh say?")
    keys = [q.article.key for q in answer.quotes]
    assert keys[0] == "port-auto" and keys.index("port-ends") < keys.index("port-2018")
    assert keys == sorted(keys, key=["port-auto", "port-ends", "port-2018"].index)  # grouped by article
    assert {q.speaker for q in answer.quotes} == {"Ahmed Shaikh"}
    assert "3 articles" in answer.lead


def test_what_did_y_say_about_a_topic_ranks_their_words_only(library) -> None:
    answer = library.ask("What did Memon say about automation?")
    assert answer.speaker == "Rashid Memon"
    assert cited(answer) == [("port-auto", "¶2", "Rashid Memon")]
    assert library.ask("What did Memon say about bus lanes?").no_answer


def test_which_articles_quote_y(library) -> None:
    answer = library.ask("Which articles quote Rashid Memon?")
    assert answer.lead.startswith("3 articles quote Rashid Memon, newest first: “Port trust chairman defends")
    assert [q.article.key for q in answer.quotes] == ["port-auto", "port-ends", "port-2018"]
    assert library.ask("Which articles quote Vladimir Putin?").no_answer
    assert library.ask("Which articles quote Memmon?").speaker == "Rashid Memon"  # misspelt: every article asked
    assert library.ask("Which articles quote Lina Park?").lead.startswith("1 article quotes Lina Park")


def test_people_view_counts_articles_and_keeps_same_surnames_apart(library) -> None:
    people = {p.name: p for p in library.people()}
    assert people["Ahmed Shaikh"].articles == ("port-auto", "port-ends", "port-2018")
    assert len(people["Farah Shaikh"].articles) == 1 and len(people["Nadia Shaikh"].articles) == 1
    answer = library.ask("Who is quoted?")
    assert "Ahmed Shaikh (3 articles)" in answer.lead and "Lina Park (1 article)" in answer.lead
    who = library.ask("Who is Farah Shaikh?")
    assert who.speaker == "Farah Shaikh" and "1 article" in who.lead and cited(who)[0][:2] == ("port-auto", "¶5")


def test_search_and_no_answer(library) -> None:
    answer = library.ask("bus lanes on main roads")
    assert cited(answer)[0][:2] == ("council", "¶1")
    assert library.ask("What did Vladimir Putin say?").no_answer
    assert library.ask("Who said the moon is made of cheese?").no_answer


def test_index_on_disk_is_mapped_back_and_kept_up_to_date(answerers, tmp_path) -> None:
    path = tmp_path / "index"
    three = {k: answerers[k] for k in ("port-2018", "port-ends", "council")}
    LibraryAnswerer.open(MappingShelf(three), path)
    assert ArchiveIndex.open(path).articles == ("port-2018", "port-ends", "council")
    # Later: one article more and one fewer; opening maps the index and adds/removes only those.
    later = {k: answerers[k] for k in ("port-2018", "port-ends", "port-auto")}
    library = LibraryAnswerer.open(MappingShelf(later), path)
    assert set(library.index.articles) == set(later)
    assert cited(library.ask("Who called the plan a betrayal?"))[0] == ("port-auto", "¶3", "Ahmed Shaikh")
    assert library.ask("bus lanes on main roads").no_answer
    fresh = LibraryAnswerer.open(MappingShelf(later))
    for q in ("Who said the cranes are moving?", "What did Shaikh say about machines?"):
        assert [(x.passage_id, x.score) for x in library.ask(q).quotes] == [
            (x.passage_id, x.score) for x in fresh.ask(q).quotes]
