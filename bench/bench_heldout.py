"""The held-out article: questions about an article nobody tunes on, answered by the real answerer.

``bench/heldout/port-ellery-wind-survey.txt`` was written for this measure only (issue 7: an unseen
article in the shipped format, >= 95% right) and ``bench/heldout/questions.yaml`` holds its questions,
written before the system was run on it. The score is all this prints: which questions were missed is
never shown, so that nobody tunes on them (read the issue's rules before changing that).

Each question is scored the way its shape is scored in ``tests/``: speaker questions as in
``tests/test_gold_speakers.py`` (right speaker, best quote among the expected passages, lead words),
general questions as in ``tests/test_gold_questions.py`` (best quote from the expected passage).

Run: python bench/bench_heldout.py
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from retrieval.answer import Answer  # noqa: E402
from retrieval.answerer import Answerer  # noqa: E402
from retrieval.load import load_article  # noqa: E402

HELDOUT = ROOT / "bench" / "heldout"
ARTICLE = HELDOUT / "port-ellery-wind-survey.txt"
QUESTIONS = HELDOUT / "questions.yaml"


def _same_name(got: str | None, want: str) -> bool:
    """Speaker names compare without case or a leading "the" (an outlet is "the Ellery Gazette" or
    "Ellery Gazette" alike)."""
    def norm(name: str) -> str:
        name = " ".join(name.casefold().split())
        return name[4:] if name.startswith("the ") else name
    return got is not None and norm(got) == norm(want)


def speaker_right(answer: Answer, item: dict) -> bool:
    """As tests/test_gold_speakers.py scores a speaker question."""
    if item.get("no_answer"):
        return answer.no_answer and not answer.quotes
    if answer.no_answer or not _same_name(answer.speaker, item["speaker"]):
        return False
    want = item.get("passages")
    ids = list(answer.passage_ids)
    if want:
        if item.get("all") and ids != want:
            return False
        if not ids or ids[0] not in want:
            return False
    return "lead" not in item or item["lead"] in answer.lead


def general_right(answer: Answer, item: dict) -> bool:
    """As tests/test_gold_questions.py scores a general question."""
    if item.get("no_answer"):
        return answer.no_answer and not answer.quotes
    if answer.no_answer:
        return False
    if "kind" in item and answer.kind != item["kind"]:
        return False
    if "lead" in item and item["lead"] not in answer.lead:
        return False
    if "answer" in item:
        return bool(answer.quotes) and answer.quotes[0].passage_id in {item["answer"], *item.get("also", ())}
    return True


def right(answerer: Answerer, item: dict) -> bool:
    answer = answerer.ask(item["q"])
    return speaker_right(answer, item) if "speaker" in item else general_right(answer, item)


def main() -> int:
    items = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))
    answerer = Answerer(load_article(ARTICLE))
    n_right = sum(right(answerer, item) for item in items)
    print(f"held-out article: {n_right}/{len(items)} = {n_right / len(items):.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
