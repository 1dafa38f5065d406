"""Body-text F1 of the project's HTML reading against plain trafilatura, on real pages.

The pages (``../shared/pages``: gzipped HTML and ``ground-truth.json``) come from a public extraction
benchmark and stay outside the repo; without them this script says so and exits 0. The metric is that
benchmark's: ``\\w+`` tokens, 4-token shingles counted per page, precision and recall per page, averaged
over pages, then F1 from the two averages.

    python bench/bench_extraction.py [PAGES_DIR]
"""
from __future__ import annotations

import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from retrieval.errors import ArticleFormatError  # noqa: E402
from retrieval.parse_html import parse_html  # noqa: E402

# ``../shared/pages`` beside the repo (or beside a folder of worktrees).
DEFAULT_PAGES = next((d / "shared" / "pages" for d in ROOT.parents if (d / "shared" / "pages").is_dir()),
                     ROOT.parent / "shared" / "pages")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = re.findall(r"\w+", text.lower())
    return Counter(tuple(tokens[i:i + n]) for i in range(max(0, len(tokens) - n + 1)))


def precision_recall(predicted: str, truth: str) -> tuple[float, float]:
    p, t = shingles(predicted), shingles(truth)
    tp = sum((p & t).values())
    fp, fn = sum(p.values()) - tp, sum(t.values()) - tp
    precision = tp / (tp + fp) if tp + fp else (1.0 if not t else 0.0)
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def ours(html: str, url: str) -> str:
    try:
        article = parse_html(html, "page", url)
    except ArticleFormatError:
        return ""
    return "\n".join(p.text for p in article.paragraphs)


def plain(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url) or ""


def main(argv: list[str]) -> int:
    pages = Path(argv[1]) if len(argv) > 1 else DEFAULT_PAGES
    truth_file = pages / "ground-truth.json"
    if not truth_file.exists():
        print(f"skipped: no benchmark pages at {pages} (needs html/*.html.gz and ground-truth.json)")
        return 0
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    systems = {"articlebot (parse_html)": ours, "plain trafilatura.extract": plain}
    scores = {name: [] for name in systems}
    seconds = {name: 0.0 for name in systems}
    for page_id, gold in sorted(truth.items()):
        html = gzip.decompress((pages / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8", "replace")
        for name, system in systems.items():
            start = time.perf_counter()
            text = system(html, gold.get("url"))
            seconds[name] += time.perf_counter() - start
            scores[name].append(precision_recall(text, gold["articleBody"]))
    print(f"{len(truth)} pages; F1 over 4-word shingles of the body text (precision, recall averaged per page)")
    print(f"{'system':28} {'precision':>9} {'recall':>7} {'F1':>6} {'ms/page':>8}")
    for name, pr in scores.items():
        p = sum(x for x, _ in pr) / len(pr)
        r = sum(y for _, y in pr) / len(pr)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{name:28} {p:9.3f} {r:7.3f} {f1:6.3f} {1000 * seconds[name] / len(pr):8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
