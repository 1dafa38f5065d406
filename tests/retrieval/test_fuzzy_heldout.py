"""On the held-out speaker set (tests/data/dev, annotated before any rule was tuned), a typo'd or
foreign name never names the wrong speaker: the right person, a "did you mean", or nobody."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from retrieval.answerer import Answerer
from retrieval.load import load_article
from tests.conftest import DATA

DEV = DATA / "dev"
EXPECTED = yaml.safe_load((DEV / "expected.yaml").read_text(encoding="utf-8"))
PEOPLE = sorted({(article, row["speaker"]) for article, rows in EXPECTED.items() for row in rows
                 if row["speaker"] and len(row["speaker"].split()) == 2 and row["speaker"][0].isupper()
                 and not row["speaker"].startswith(("a ", "an ", "the "))})


@lru_cache(maxsize=None)
def answerer(article: str) -> Answerer:
    return Answerer(load_article(DEV / article))


def typos(word: str) -> list[str]:
    """A dropped letter, two letters swapped, a doubled letter, a vowel changed: each one edit."""
    w = word.casefold()
    out = {w[:i] + w[i + 1:] for i in range(1, len(w))}
    out |= {w[:i] + w[i + 1] + w[i] + w[i + 2:] for i in range(1, len(w) - 1)}
    out |= {w[:i] + w[i] + w[i:] for i in range(1, len(w))}
    out |= {w[:i] + ("a" if w[i] != "a" else "e") + w[i + 1:] for i in range(1, len(w)) if w[i] in "aeiou"}
    return sorted(out - {w})


def _named(a: Answerer, answer) -> str | None:
    """The article's person the answer names (an "isn't quoted" answer names only what was typed)."""
    return answer.speaker if answer.speaker and a.cast.person(answer.speaker) else None


def test_there_are_people_to_try():
    assert len(PEOPLE) >= 8


@pytest.mark.parametrize("article, name", PEOPLE, ids=[f"{a}:{n}" for a, n in PEOPLE])
def test_a_typo_names_that_person_or_asks(article, name):
    a = answerer(article)
    if a.find_person(name) is None or not any(s.speaker == name for s in a.segments):
        pytest.skip("attribution does not quote this person by this name")
    surname = name.split()[-1]
    for typo in typos(surname) + [f"{name.split()[0]} {t}" for t in typos(surname)[:3]]:
        answer = a.ask(f"what did {typo} say")
        assert _named(a, answer) in (name, None), f"{typo!r} named {answer.speaker}"
        if _named(a, answer) is None:
            assert answer.no_answer and not answer.quotes


@pytest.mark.parametrize("article, name", PEOPLE, ids=[f"{a}:{n}" for a, n in PEOPLE])
def test_another_forename_is_another_person(article, name):
    surname = name.split()[-1]
    for forename in ("imran", "olga", "bartholomew"):
        if forename == name.split()[0].casefold():
            continue
        a = answerer(article)
        answer = a.ask(f"what did {forename} {surname.casefold()} say")
        assert _named(a, answer) is None and answer.no_answer, f"{forename} {surname} named {answer.speaker}"
