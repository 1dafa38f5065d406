"""How a gold question's answer is judged: one scorer for the gold tests (``tests/test_gold_*.py``) and the
held-out bench (``bench/bench_heldout.py``), so every score means the same thing."""
from __future__ import annotations

from typing import Callable

from retrieval.answer import Answer


def speaker_miss(a: Answer, item: dict, same_name: Callable[[str | None, str], bool] = str.__eq__) -> str | None:
    """Why a speaker question's answer is wrong (speaker, best passage, lead words), or None when right."""
    if item.get("no_answer"):
        return None if a.no_answer and not a.quotes else f"expected no answer, got {a.speaker} {a.passage_ids}"
    if a.no_answer:
        return f"no answer: {a.lead}"
    if "speaker" in item and not (a.speaker is not None and same_name(a.speaker, item["speaker"])):
        return f"speaker {a.speaker!r}, expected {item['speaker']!r}"
    want = item.get("passages")
    if want:
        if item.get("all") and list(a.passage_ids) != want:
            return f"passages {a.passage_ids}, expected {want}"
        if not a.passage_ids or a.passage_ids[0] not in want:
            return f"best passage {a.passage_ids[:1]}, expected one of {want}"
    if "lead" in item and item["lead"] not in a.lead:
        return f"lead {a.lead!r} lacks {item['lead']!r}"
    return None


def general_miss(a: Answer, item: dict) -> str | None:
    """Why a general question's answer is wrong (kind, lead words, best quote's passage), or None."""
    if item.get("no_answer"):
        return None if a.no_answer and not a.quotes else f"expected no answer, got {a.passage_ids}"
    if a.no_answer:
        return f"no answer: {a.lead}"
    if "kind" in item and a.kind != item["kind"]:
        return f"kind {a.kind}, expected {item['kind']}"
    if "lead" in item and item["lead"] not in a.lead:
        return f"lead {a.lead!r} lacks {item['lead']!r}"
    if "answer" in item and not (a.quotes and a.quotes[0].passage_id in {item["answer"], *item.get("also", ())}):
        return f"best quote {a.passage_ids[:1]}, expected {item['answer']}"
    return None
