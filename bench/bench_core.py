"""Core speed and memory: time to open the shipped article, and per-question answer time.

Prints medians and 95th percentiles over many repeats, and the ratio of a large article's answer
time to the shipped one's, measured side by side in this one run. Run: python bench/bench_core.py
"""
from __future__ import annotations

import statistics
import sys
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from retrieval.answerer import Answerer  # noqa: E402
from retrieval.load import load_article  # noqa: E402

SHIPPED = ROOT / "bot" / "data" / "articles" / "iran-pakistan-defense-ties.txt"
GOLD = ROOT / "tests" / "gold" / "questions.yaml"
REPEATS = 200


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def time_questions(answerer: Answerer, questions: list[str]) -> list[float]:
    """Seconds per ask(), every question REPEATS times, interleaved so noise spreads evenly."""
    for q in questions:
        answerer.ask(q)  # warm caches once
    samples = []
    for _ in range(REPEATS):
        for q in questions:
            t = time.perf_counter()
            answerer.ask(q)
            samples.append(time.perf_counter() - t)
    return samples


def large_article(n_comments: int) -> Answerer:
    """The shipped article with its comments repeated until there are ``n_comments``."""
    base = load_article(SHIPPED)
    comments = base.comments
    extra = tuple(
        replace(comments[i % len(comments)], id=f"c{i + 1}", number=i + 1) for i in range(n_comments)
    )
    return Answerer(replace(base, passages=base.paragraphs + extra))


def main() -> None:
    questions = [g["q"] for g in yaml.safe_load(GOLD.read_text(encoding="utf-8"))]
    speaker_gold = ROOT / "tests" / "gold" / "speaker_questions.yaml"
    if speaker_gold.exists():
        questions += [g["q"] for g in yaml.safe_load(speaker_gold.read_text(encoding="utf-8"))
                      if g.get("article", "shipped") in ("shipped", None)]

    opens = []
    for _ in range(20):
        t = time.perf_counter()
        Answerer(load_article(SHIPPED))
        opens.append(time.perf_counter() - t)
    tracemalloc.start()
    answerer = Answerer(load_article(SHIPPED))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    small = time_questions(answerer, questions)
    big_answerer = large_article(2000)
    big = time_questions(big_answerer, questions[:10])
    small_same = time_questions(answerer, questions[:10])

    ms = 1000
    print(f"questions: {len(questions)} x {REPEATS} repeats")
    print(f"open shipped article (parse + attribute + index): median {statistics.median(opens) * ms:.2f} ms")
    print(f"memory to open it (tracemalloc peak): {peak / 1024:.0f} KiB")
    print(f"answer, shipped article: median {statistics.median(small) * 1e6:.0f} us, "
          f"p95 {percentile(small, 0.95) * 1e6:.0f} us, max {max(small) * 1e6:.0f} us")
    print(f"answer, {len(big_answerer.article.passages)}-passage article: median {statistics.median(big) * 1e6:.0f} us, "
          f"p95 {percentile(big, 0.95) * 1e6:.0f} us "
          f"({statistics.median(big) / statistics.median(small_same):.1f}x the shipped article's median, same questions)")


if __name__ == "__main__":
    main()
