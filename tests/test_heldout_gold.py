"""The held-out article and its questions (bench/bench_heldout.py) are well-formed: the article loads
in the scraped-page format with every paragraph and comment, and every question names passages that
exist. Scoring lives in the bench script only, which prints the score and never the misses."""
from __future__ import annotations

from pathlib import Path

import yaml

from retrieval.load import load_article

HELDOUT = Path(__file__).resolve().parent.parent / "bench" / "heldout"
ARTICLE = HELDOUT / "port-ellery-wind-survey.txt"
QUESTIONS = yaml.safe_load((HELDOUT / "questions.yaml").read_text(encoding="utf-8"))
SPEAKER_KEYS = {"q", "speaker", "passages", "all", "no_answer", "lead"}
GENERAL_KEYS = {"q", "answer", "also", "kind", "lead", "no_answer"}


def test_the_article_loads_with_its_paragraphs_and_comments():
    article = load_article(ARTICLE)
    ids = [p.id for p in article.passages]
    assert ids == [f"p{n}" for n in range(1, 18)] + [f"c{n}" for n in range(1, 11)]


def test_questions_are_well_formed_and_name_real_passages():
    ids = {p.id for p in load_article(ARTICLE).passages}
    assert len(QUESTIONS) == 25
    assert len({item["q"] for item in QUESTIONS}) == len(QUESTIONS)
    for item in QUESTIONS:
        keys = SPEAKER_KEYS if "speaker" in item else GENERAL_KEYS
        assert set(item) <= keys, f"{item['q']}: unknown keys {set(item) - keys}"
        named = [*item.get("passages", ()), *([item["answer"]] if "answer" in item else ()), *item.get("also", ())]
        assert set(named) <= ids, item["q"]
        assert item.get("no_answer") or named or item.get("lead"), item["q"]
