"""People across articles: one entry a person, by full name or surname with the same role, never surname alone."""
from __future__ import annotations

from datetime import date

from retrieval.library_people import merge_people
from retrieval.speakers import Person


def person(name: str, role: str | None = None, kind: str = "person") -> Person:
    return Person(name, kind, role=role)  # type: ignore[arg-type]


def test_full_name_merges_across_articles_newest_first() -> None:
    people = merge_people([
        ("old", date(2018, 1, 5), [person("Ahmed Shaikh", "union leader")]),
        ("new", date(2024, 5, 10), [person("Ahmed Shaikh")]),
    ])
    (shaikh,) = people
    assert shaikh.articles == ("new", "old") and shaikh.role == "union leader"


def test_surname_with_the_same_role_merges_and_surname_alone_never_does() -> None:
    people = merge_people([
        ("a", date(2024, 1, 1), [person("Ali Hatami", "Iranian Defense Minister")]),
        ("b", date(2024, 2, 1), [person("Hatami", "Iran's defence minister")]),  # same role, other words
        ("c", date(2024, 3, 1), [person("Hatami", "bakery owner")]),  # same surname, another role
        ("d", date(2024, 4, 1), [person("Hatami")]),  # surname alone: not enough
    ])
    by_articles = sorted(p.articles for p in people)
    assert by_articles == [("b", "a"), ("c",), ("d",)]


def test_merging_is_transitive_and_kinds_stay_apart() -> None:
    people = merge_people([
        ("a", date(2024, 1, 1), [person("Ali Hatami")]),
        ("b", date(2024, 2, 1), [person("Ali Hatami", "Iranian Defense Minister")]),
        ("c", date(2024, 3, 1), [person("Hatami", "Iranian defense minister")]),
        ("d", date(2024, 4, 1), [person("Ali Hatami", kind="commenter")]),
    ])
    assert sorted((p.kind, p.articles) for p in people) == [
        ("commenter", ("d",)), ("person", ("c", "b", "a"))]
    assert people[0].name == "Ali Hatami"


def test_names_compare_without_case_accents_or_punctuation_and_commenters_by_exact_name() -> None:
    people = merge_people([
        ("a", None, [person("José Álvarez"), person("dev", kind="commenter")]),
        ("b", date(2024, 1, 1), [person("JOSE ALVAREZ"), person("Dev", kind="commenter")]),
    ])
    assert sorted(len(p.articles) for p in people) == [1, 1, 2]
    alvarez = next(p for p in people if len(p.articles) == 2)
    assert alvarez.articles == ("b", "a")  # an undated article last
