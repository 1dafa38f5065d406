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

from retrieval.answerer import Answerer  # noqa: E402
from retrieval.load import load_article  # noqa: E402
from tests.gold_scoring import general_miss, speaker_miss  # noqa: E402

HELDOUT = ROOT / "bench" / "heldout"
ARTICLE = HELDOUT / "port-ellery-wind-survey.txt"
QUESTIONS = HELDOUT / "questions.yaml"


def _same_name(got: str, want: str) -> bool:
    """Speaker names compare without case or a leading "the" (an outlet is "the Ellery Gazette" or
    "Ellery Gazette" alike)."""
    def norm(name: str) -> str:
        name = " ".join(name.casefold().split())
        return name[4:] if name.startswith("the ") else name
    return norm(got) == norm(want)


def right(answerer: Answerer, item: dict) -> bool:
    answer = answerer.ask(item["q"])
    miss = speaker_miss(answer, item, _same_name) if "speaker" in item else general_miss(answer, item)
    return miss is None


def main() -> int:
    items = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))
    answerer = Answerer(load_article(ARTICLE))
    n_right = sum(right(answerer, item) for item in items)
    print(f"held-out article: {n_right}/{len(items)} = {n_right / len(items):.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
