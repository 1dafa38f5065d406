"""The real-news speaker gold set (bench/realnews/annotations-*.yaml) is well-formed, and the scorer of
bench/bench_attribution_real.py matches names as it says. Where ../shared holds the pages, every span
also lies within its page's body on word boundaries."""
from __future__ import annotations

import functools
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "realnews"
# each split's pages by their id's first hex digit; dev2 took the pages the other two left, of any digit
SPLITS = {"dev": "01234567", "dev2": "0123456789abcdef", "test": "89abcdef"}
SPAN_KEYS = {"start", "end", "speaker", "cue", "kind", "named"}
KINDS = {"speech", "evidence", "intent"}
SHARED = next((d for d in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if d.is_dir()), None)


def _load(split: str) -> list:
    path = GOLD / f"annotations-{split}.yaml"
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, list), f"{path.name}: expected a list of pages"
    return data


ANNOTATED = {split: _load(split) for split in SPLITS}


def test_the_dev_split_exists():
    assert len(ANNOTATED["dev"]) >= 22


@pytest.mark.parametrize("split", SPLITS)
def test_pages_and_spans_are_well_formed(split):
    pages = []
    for entry in ANNOTATED[split]:
        assert set(entry) == {"page", "spans"}, entry.keys()
        page = entry["page"]
        assert re.fullmatch(r"[0-9a-f]{64}", str(page)), page
        assert page[0] in SPLITS[split], f"{page} belongs to the other split"
        pages.append(page)
        assert entry["spans"], f"{page}: no spans"
        previous_end = -1
        for span in sorted(entry["spans"], key=lambda s: s["start"]):
            assert set(span) == SPAN_KEYS, f"{page}: {sorted(span)}"
            assert isinstance(span["start"], int) and isinstance(span["end"], int)
            assert 0 <= span["start"] < span["end"], f"{page}: {span}"
            assert span["start"] >= previous_end, f"{page}: span at {span['start']} overlaps the one before"
            previous_end = span["end"]
            assert span["kind"] in KINDS, span["kind"]
            assert isinstance(span["named"], bool)
            assert isinstance(span["speaker"], str) and span["speaker"].strip()
            assert isinstance(span["cue"], str) and span["cue"].strip()
    assert len(pages) == len(set(pages)), f"{split}: a page is annotated twice"


def test_the_splits_share_no_page():
    pages = {split: {e["page"] for e in ANNOTATED[split]} for split in SPLITS}
    assert not pages["dev"] & pages["test"]
    assert not pages["dev2"] & (pages["dev"] | pages["test"])


@pytest.mark.skipif(SHARED is None, reason="../shared (the real pages) is absent")
@pytest.mark.parametrize("split", SPLITS)
def test_spans_lie_on_word_boundaries_within_the_body(split):
    pages = json.loads((SHARED / "pages" / "ground-truth.json").read_text(encoding="utf-8"))

    def inside_word(body: str, i: int) -> bool:
        return 0 < i < len(body) and body[i - 1].isalnum() and body[i].isalnum()

    for entry in ANNOTATED[split]:
        assert entry["page"] in pages, f"{entry['page']} is not in ground-truth.json"
        body = pages[entry["page"]]["articleBody"]
        for span in entry["spans"]:
            words = body[span["start"]:span["end"]]
            assert span["end"] <= len(body), f"{entry['page']}: {span} runs past the body ({len(body)})"
            assert words.strip() == words, f"{entry['page']}: {span} starts or ends on a space"
            assert not inside_word(body, span["start"]), f"{entry['page']}: {span} starts mid-word: {words[:30]!r}"
            assert not inside_word(body, span["end"]), f"{entry['page']}: {span} ends mid-word: {words[-30:]!r}"


@functools.cache
def _scorer():
    """The bench script as a module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location("bench_attribution_real", ROOT / "bench" / "bench_attribution_real.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("gold, predicted, same", [
    ("Ming-Chi Kuo", "Kuo", True),
    ("James P. Kennedy Jr.", "James Kennedy", True),
    ("Wolfgang Peschorn", "Interior Minister Wolfgang Peschorn", True),
    ("Wolfgang Peschorn", "Mr. Peschorn", True),
    ("The Wrap", "Wrap", True),
    ("The Hollywood Reporter", "hollywood reporter", True),
    ("Imran Khan", "Khurram Dastagir Khan", False),
    ("Bloomberg News", "Fox News", False),
    ("Wolfgang Peschorn", "Austria's interior minister", False),
    ("The Wrap", "Deadline", False),
])
def test_scorer_names_the_same_source(gold, predicted, same):
    assert _scorer().same_source(gold, predicted) is same


def test_scorer_refuses_test_misses(capsys):
    assert _scorer().main(["--misses", "test"]) == 2
    assert "test split is read only by its score" in capsys.readouterr().err


def test_scorer_lists_misses_of_either_dev_split(tmp_path, capsys):
    for split in ("dev", "dev2"):
        assert _scorer().main(["--shared", str(tmp_path), "--misses", split]) == 0
    assert "skipped" in capsys.readouterr().out
