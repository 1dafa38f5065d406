"""The gold set for the core: real questions over the shipped article, answered by the real answerer."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.gold_scoring import general_miss

GOLD = yaml.safe_load((Path(__file__).parent / "gold" / "questions.yaml").read_text(encoding="utf-8"))
MIN_ACCURACY = 0.9


def correct(answerer, item: dict) -> bool:
    return general_miss(answerer.ask(item["q"]), item) is None


def test_gold_set_is_big_enough():
    assert len(GOLD) >= 30
    assert sum(1 for g in GOLD if g.get("no_answer")) >= 4


def test_gold_accuracy(answerer, score_report):
    misses = [g["q"] for g in GOLD if not correct(answerer, g)]
    accuracy = 1 - len(misses) / len(GOLD)
    score_report(f"gold questions: {len(GOLD) - len(misses)}/{len(GOLD)} = {accuracy:.1%}; misses: {misses}")
    assert accuracy >= MIN_ACCURACY, misses


@pytest.mark.parametrize("item", [g for g in GOLD if g.get("no_answer")], ids=lambda g: g["q"])
def test_questions_the_article_does_not_answer_quote_nothing(answerer, item):
    assert correct(answerer, item)
