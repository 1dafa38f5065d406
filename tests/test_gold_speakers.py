"""The speaker gold set: who-said / what-did-Y-say / who-is questions over two articles, answered by the
real ``Answerer.ask`` on real parsing and attribution. Scores the set and holds a floor."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from retrieval.answerer import Answerer
from retrieval.load import load_article
from tests.conftest import DATA, SHIPPED
from tests.gold_scoring import speaker_miss

GOLD = yaml.safe_load((Path(__file__).parent / "gold" / "speaker_questions.yaml").read_text(encoding="utf-8"))
MIN_ACCURACY = 0.9
_KEYS = {"article", "q", "speaker", "passages", "all", "no_answer", "lead", "must", "xfail"}


@lru_cache(maxsize=None)
def answerer_for(article: str) -> Answerer:
    return Answerer(load_article(SHIPPED if article == "shipped" else DATA / article))


def miss(item: dict) -> str | None:
    """Why the answer is wrong, or None when it is right."""
    return speaker_miss(answerer_for(item["article"]).ask(item["q"]), item)


def test_gold_items_are_well_formed():
    for item in GOLD:
        assert set(item) <= _KEYS, f"{item['q']}: unknown keys {set(item) - _KEYS}"
        assert item["article"] == "shipped" or (DATA / item["article"]).is_file(), item
        assert "speaker" in item, item["q"]
        assert item.get("no_answer") or item.get("passages") or item.get("lead"), item["q"]


def test_gold_set_is_big_enough():
    assert len(GOLD) >= 30
    assert {g["article"] for g in GOLD} >= {"shipped", "port-strike.txt"}
    assert sum(1 for g in GOLD if g.get("no_answer")) >= 4


def test_gold_speaker_accuracy(score_report):
    results = [(g, miss(g)) for g in GOLD]
    scored = [(g, m) for g, m in results if not g.get("xfail")]
    right = sum(1 for _, m in scored if m is None)
    accuracy = right / len(scored)
    all_right = sum(1 for _, m in results if m is None)
    line = (f"speaker gold: {right}/{len(scored)} = {accuracy:.1%} scored "
            f"({all_right}/{len(results)} counting {len(results) - len(scored)} xfail)")
    score_report(line)
    misses = [f"{g['q']}: {m}" for g, m in scored if m is not None]
    assert accuracy >= MIN_ACCURACY, f"{line}; misses: {misses}"


@pytest.mark.parametrize("item", [g for g in GOLD if g.get("must")], ids=lambda g: g["q"])
def test_must_have_speaker_answers(item):
    assert miss(item) is None
