"""Held-out dev set: paragraph speaker precision and recall over short fresh news articles
(tests/data/dev, annotated in expected.yaml before the rules were tuned). Prints the figures
without -s and holds floors. Precision: right speakers / paragraphs given a speaker; recall:
right speakers / paragraphs the annotation gives a speaker."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from retrieval.attribution import attribute
from retrieval.load import load_article

DEV = Path(__file__).resolve().parent.parent / "data" / "dev"
EXPECTED = yaml.safe_load((DEV / "expected.yaml").read_text(encoding="utf-8"))
MIN_PRECISION = 0.9
MIN_RECALL = 0.9


def _norm(name: str | None) -> str | None:
    if name is None:
        return None
    text = re.sub(r"\s+", " ", name.replace("’", "'")).strip().casefold()
    return re.sub(r"^(?:the|a|an) ", "", text)


def _rows():
    for file, paragraphs in EXPECTED.items():
        article = load_article(DEV / file)
        cast = attribute(article)
        got = list(article.paragraphs)
        assert len(got) == len(paragraphs), f"{file}: {len(got)} paragraphs, {len(paragraphs)} annotated"
        for p, want in zip(got, paragraphs):
            assert p.text.startswith(want["at"]), f"{file} {p.id}: {p.text[:40]!r} is not {want['at']!r}"
            yield file, p.id, want["speaker"], cast.speaker_of(p.id)


@pytest.fixture(scope="module")
def scored():
    return list(_rows())


def test_dev_files_are_all_annotated():
    assert {f.name for f in DEV.glob("*.txt")} == set(EXPECTED)


def test_dev_precision_and_recall(scored, score_report):
    predicted = [r for r in scored if r[3] is not None]
    gold = [r for r in scored if r[2] is not None]
    right = [r for r in predicted if _norm(r[3]) == _norm(r[2])]
    precision = len(right) / len(predicted) if predicted else 1.0
    recall = len(right) / len(gold) if gold else 1.0
    wrong = [r for r in scored if _norm(r[3]) != _norm(r[2])]
    score_report(f"dev attribution: precision {precision:.3f} ({len(right)}/{len(predicted)}), "
                 f"recall {recall:.3f} ({len(right)}/{len(gold)}) over {len(scored)} paragraphs")
    for file, pid, want, got in wrong:
        score_report(f"  {file} {pid}: expected {want!r}, got {got!r}")
    assert precision >= MIN_PRECISION
    assert recall >= MIN_RECALL
