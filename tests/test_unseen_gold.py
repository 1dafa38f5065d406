"""The unseen gold set (issue 7): three articles written for it, two in the shipped page format and one in
YAML, with questions written before the system was run on them (batch by batch), answered by the real ``Answerer.ask`` and judged by
``tests/gold_scoring.py`` like the other gold sets. Holds the score it reached as a floor.

A fresh batch (``gold/unseen_fresh_questions.yaml``): a fourth article in the scraped-page format with its
questions in members' own wording, written before anything was run on it; scored the same way, with its
own floor (baseline before any change made for it: 47/55 = 85.5%; with roles from relative clauses,
an office in capitals before the name and bodies named "X of Y": 53/55 = 96.4%; with sums of money and
numbers that "how much ... cost" and "how many" ask for: 54/55 = 98.2%)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from retrieval.answerer import Answerer
from retrieval.load import load_article
from tests.conftest import DATA
from tests.gold_scoring import general_miss, speaker_miss

UNSEEN = DATA / "unseen"
GOLD = yaml.safe_load((Path(__file__).parent / "gold" / "unseen_questions.yaml").read_text(encoding="utf-8"))
FRESH = yaml.safe_load((Path(__file__).parent / "gold" / "unseen_fresh_questions.yaml").read_text(encoding="utf-8"))
# A second fresh batch, a fifth article, written the same way after the first fresh batch's fixes.
FRESH2 = yaml.safe_load((Path(__file__).parent / "gold" / "unseen_fresh2_questions.yaml").read_text(encoding="utf-8"))
# A third fresh batch, a sixth article (landlord-licensing.txt), 26 questions written before it was run:
# 20/26 before any change; "Mrs Justice Cole" is the judge, "a council spokesperson" the one council named,
# "how long" takes a length of time: 24/26.
FRESH3 = yaml.safe_load((Path(__file__).parent / "gold" / "unseen_fresh3_questions.yaml").read_text(encoding="utf-8"))
MIN_FRESH3 = 0.92
# A fourth fresh batch: three more articles (a transfer, a study, a results call), 64 questions written
# before anything was run on them: 51/64 before any change made for it; a byline "By <name>" read as the
# author: 52/64; "agent" and medical specialists as offices: 55/64; a described name in apposition ("That
# chairman, property developer Victor Hale, said"): 57/64, and that nominal his office: 58/64; "the
# analyst" the named one before "an analyst": 59/64; a share is not a count ("how many pupils"): 60/64.
FRESH4 = yaml.safe_load((Path(__file__).parent / "gold" / "unseen_fresh4_questions.yaml").read_text(encoding="utf-8"))
MIN_FRESH4 = 0.93
MIN_ACCURACY = 0.96  # 154/162 until "he" after the one speaker just before of unknown gender: 157/162
MIN_FRESH = 0.98
MIN_FRESH2 = 0.96  # baseline before any change made for it: 41/50 = 82.0%; then 43/50, 46/50, 47/50, 48/50
_SPEAKER_KEYS = {"article", "q", "speaker", "passages", "all", "no_answer", "lead"}
_GENERAL_KEYS = {"article", "q", "answer", "also", "kind", "lead", "no_answer"}


@lru_cache(maxsize=None)
def answerer_for(article: str) -> Answerer:
    return Answerer(load_article(UNSEEN / article))


def same_name(got: str | None, want: str) -> bool:
    """Names compare without case or a leading "the" ("the Calder Bay Herald" is "Calder Bay Herald")."""
    def norm(name: str) -> str:
        name = " ".join(name.casefold().split())
        return name[4:] if name.startswith("the ") else name
    return got is not None and norm(got) == norm(want)


def miss(item: dict) -> str | None:
    """Why the answer is wrong, or None when it is right."""
    answer = answerer_for(item["article"]).ask(item["q"])
    return speaker_miss(answer, item, same_name) if "speaker" in item else general_miss(answer, item)


def test_gold_items_are_well_formed_and_name_real_passages():
    every = GOLD + FRESH + FRESH2 + FRESH3 + FRESH4
    assert len({(g["article"], g["q"]) for g in every}) == len(every)
    for item in every:
        keys = _SPEAKER_KEYS if "speaker" in item else _GENERAL_KEYS
        assert set(item) <= keys, f"{item['q']}: unknown keys {set(item) - keys}"
        ids = {p.id for p in answerer_for(item["article"]).article.passages}
        named = [*item.get("passages", ()), *([item["answer"]] if "answer" in item else ()), *item.get("also", ())]
        assert set(named) <= ids, item["q"]
        assert item.get("no_answer") or named or item.get("lead"), item["q"]


def test_gold_set_covers_both_formats_and_every_kind():
    by_article = {g["article"] for g in GOLD}
    assert by_article == {"museum-masks.txt", "observatory-floodlights.yaml", "island-ferry.txt"}
    for article in by_article:
        items = [g for g in GOLD if g["article"] == article]
        assert len(items) >= 20
        assert sum(1 for g in items if g.get("no_answer")) >= 2
        assert sum(1 for g in items if "speaker" not in g) >= 5


def test_unseen_gold_accuracy(score_report):
    misses = [f"{g['article']}: {g['q']}: {m}" for g in GOLD if (m := miss(g)) is not None]
    accuracy = 1 - len(misses) / len(GOLD)
    line = f"unseen gold: {len(GOLD) - len(misses)}/{len(GOLD)} = {accuracy:.1%}"
    score_report(f"{line}; misses: {misses}")
    assert accuracy >= MIN_ACCURACY, f"{line}; misses: {misses}"


@pytest.mark.parametrize("batch", [FRESH, FRESH2], ids=["fresh", "fresh2"])
def test_fresh_batch_is_a_new_article_with_every_kind(batch):
    articles = {g["article"] for g in batch}
    others = [g for g in GOLD + FRESH + FRESH2 if g not in batch]
    assert len(articles) == 1 and not articles & {g["article"] for g in others}
    assert len(batch) >= 40
    assert sum(1 for g in batch if g.get("no_answer")) >= 2
    assert sum(1 for g in batch if g.get("kind") == "article") >= 4
    assert sum(1 for g in batch if g.get("passages", [""])[0].startswith("c")) >= 5


def test_fourth_fresh_batch_is_three_new_articles_with_every_kind():
    articles = {g["article"] for g in FRESH4}
    assert len(articles) == 3 and not articles & {g["article"] for g in GOLD + FRESH + FRESH2 + FRESH3}
    for article in articles:
        items = [g for g in FRESH4 if g["article"] == article]
        assert len(items) >= 20
        assert any(g.get("no_answer") for g in items) and any(g.get("kind") == "article" for g in items)
        assert any(g.get("passages", [""])[0].startswith("c") for g in items)
        assert sum(1 for g in items if "answer" in g) >= 2


@pytest.mark.parametrize("name, batch, floor", [("fresh batch", FRESH, MIN_FRESH), ("fresh batch 2", FRESH2, MIN_FRESH2),
                                                 ("fresh batch 3", FRESH3, MIN_FRESH3),
                                                 ("fresh batch 4", FRESH4, MIN_FRESH4)],
                         ids=["fresh", "fresh2", "fresh3", "fresh4"])
def test_unseen_fresh_accuracy(score_report, name, batch, floor):
    misses = [f"{g['q']}: {m}" for g in batch if (m := miss(g)) is not None]
    accuracy = 1 - len(misses) / len(batch)
    line = f"unseen {name}: {len(batch) - len(misses)}/{len(batch)} = {accuracy:.1%}"
    score_report(f"{line}; misses: {misses}")
    assert accuracy >= floor, f"{line}; misses: {misses}"
