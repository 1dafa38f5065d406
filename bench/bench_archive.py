"""The library index at 10k, 100k and 1M passages, beside rank-bm25 (the reference) and bm25s, in one run.

Prints, per size: build time and peak resident memory (each engine in its own process, so the peaks do
not mix), p50 / p95 per question for natural questions (stop words kept) and content-word questions,
the time to add one 30-passage article and find it, the time to start a fresh process on the index
already on disk (imports, mapping, first answer), ratios against rank-bm25 and bm25s, and the share of
top-10s identical to rank-bm25's (ids in order, scores within 1e-9 relative).

The corpus: articles of 30 passages, 10-110 words each, words drawn with Zipfian frequencies
(Zipf-Mandelbrot, s = 1) over real English words: the words of this repository's own articles, most
frequent first (so the stop words lead, as in English), then single-word lemmas from Open English
WordNet when its tables are found (``--wordnet``; the shared copy by default). Tokens are fed as they
are generated, stop words included, to all three engines alike: natural questions then read the
longest postings lists there are. (The bot's analyser drops stop words, so its own questions are the
lighter, content kind.)

bm25s runs as ``method="bm25+"`` with the same k1, b and delta=0, its numba backend, one thread.
rank-bm25 is timed on every size up to 100k; at 1M it builds once and scores ``--exact-1m`` questions
of each kind, only to check the top-10s (it needs about 1.5 s a question there).

The machine is shared, and two processes minutes apart meet different loads: so last, both indexes are
read back from disk into one process and each question is asked of one and then the other (which
first alternates), and that line's ratios are the ones to quote.

Run: python bench/bench_archive.py [--sizes 10000,100000,1000000] [--queries 300]
The machine is shared: run it when the load is low, and read the load average printed at the start.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

PASSAGES_PER_ARTICLE = 30
SEED = 20261128
WORDNET = Path("/work/shared/wordnet")


# -- the corpus ----------------------------------------------------------------------------------
def vocabulary(wordnet: Path | None) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "bot" / "data").rglob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data").rglob("*.txt"))]
    counts = Counter(w.lower() for t in texts for w in re.findall(r"[A-Za-z]+", t) if len(w) > 1 or w in "aI")
    words = [w for w, _ in counts.most_common()]
    seen = set(words)
    if wordnet and (wordnet / "synsets.tsv.gz").exists():
        extra = set()
        with gzip.open(wordnet / "synsets.tsv.gz", "rt", encoding="utf-8") as f:
            next(f)
            for line in f:
                for lemma in line.rstrip("\n").split("\t")[2].split("|"):
                    if lemma.isalpha() and lemma.islower() and lemma not in seen:
                        extra.add(lemma)
        tail = sorted(extra)
        np.random.default_rng(SEED).shuffle(tail)
        words += tail
    return words


class Corpus:
    def __init__(self, words: list[str]) -> None:
        self.words = words
        ranks = np.arange(1, len(words) + 1, dtype=np.float64)
        p = 1.0 / (ranks + 2.7)
        self.cdf = np.cumsum(p / p.sum())

    def article(self, n: int) -> list[list[str]]:
        rng = np.random.default_rng((SEED, n))
        lengths = rng.integers(10, 111, size=PASSAGES_PER_ARTICLE)
        ids = np.searchsorted(self.cdf, rng.random(int(lengths.sum())))
        ids = np.minimum(ids, len(self.words) - 1)
        words = self.words
        out, at = [], 0
        for length in lengths:
            out.append([words[i] for i in ids[at:at + length]])
            at += length
        return out

    def articles(self, n_passages: int):
        for a in range(n_passages // PASSAGES_PER_ARTICLE):
            yield f"a{a}", self.article(a)

    def questions(self, n: int, kind: str, stopwords: frozenset[str]) -> list[list[str]]:
        rng = np.random.default_rng((SEED, 7, kind == "natural"))
        content = [i for i, w in enumerate(self.words) if w not in stopwords]
        weights = 1.0 / (np.array(content, dtype=np.float64) + 3.7)
        weights /= weights.sum()
        stops = [w for w in self.words[:400] if w in stopwords]
        out = []
        for _ in range(n):
            picked = [self.words[i] for i in rng.choice(content, size=int(rng.integers(3, 6)), p=weights)]
            if kind == "natural":  # "what did the ... say about ..." style: 2-4 stop words among them
                picked += [stops[int(i)] for i in rng.integers(0, min(40, len(stops)), size=int(rng.integers(2, 5)))]
                rng.shuffle(picked)
            out.append(list(dict.fromkeys(picked)))
        return out


# -- workers (one engine per process) -------------------------------------------------------------
def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def summary(samples: list[float], cpu: list[float] | None = None) -> dict:
    s = sorted(samples)
    out = {"p50": statistics.median(s) * 1e3, "p95": s[min(len(s) - 1, int(0.95 * len(s)))] * 1e3}
    out["cpu50"] = statistics.median(cpu) * 1e3 if cpu else float("nan")
    return out


def timed_call(fn, *args, **kwargs):
    """fn's result, wall seconds, and this thread's CPU seconds (less sensitive to a shared machine)."""
    c, t = time.thread_time(), time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - t, time.thread_time() - c


def work_archive(n: int, corpus: Corpus, questions: dict, folder: Path) -> dict:
    from retrieval.archive import ArchiveIndex

    generating = [0.0]

    def timed(articles):  # the time spent making the token lists is the corpus's, not the index's
        it = iter(articles)
        while True:
            t = time.perf_counter()
            item = next(it, None)
            generating[0] += time.perf_counter() - t
            if item is None:
                return
            yield item

    t = time.perf_counter()
    index = ArchiveIndex.build(timed(corpus.articles(n)), folder)
    build = time.perf_counter() - t - generating[0]
    rss_build = peak_rss_mib()
    out: dict = {"build_s": build, "rss_mib": rss_build, "top": {}, "generate_s": generating[0]}
    for kind, qs in questions.items():
        for q in qs[:5]:
            index.search(q, k=10)
        samples, cpu, tops = [], [], []
        for q in qs:
            hits, wall, used = timed_call(index.search, q, k=10)
            samples.append(wall)
            cpu.append(used)
            tops.append([[int(h.article[1:]) * PASSAGES_PER_ARTICLE + h.position, h.score] for h in hits])
        out[kind] = summary(samples, cpu)
        out["top"][kind] = tops
    # Five more articles, one at a time: each added, then found by its own rarest words.
    adds, found = [], True
    for a in range(5):
        new = corpus.article(10**7 + a)
        probe = sorted(set(new[0]), key=lambda w: index.df(w))[:3]
        t = time.perf_counter()
        index.add(f"new{a}", new)
        hits = index.search(probe, k=10)
        adds.append((time.perf_counter() - t) * 1e3)
        found &= any(h.article == f"new{a}" for h in hits)
    out["add_ms"] = statistics.median(adds)
    out["add_max_ms"] = max(adds)
    out["add_found"] = found
    out["segments"] = index.segments
    for a in range(5):
        index.remove(f"new{a}")
    return out


def work_start(folder: Path, question: list[str]) -> dict:
    t = time.perf_counter()
    from retrieval.archive import ArchiveIndex

    index = ArchiveIndex.open(folder)
    index.search(question, k=10)
    return {"start_s": time.perf_counter() - t, "rss_mib": peak_rss_mib()}


def _top10(scores: np.ndarray) -> list[list]:
    touched = np.flatnonzero(scores)  # argpartition on a mostly-zero vector is slow: touched ones only
    order = touched[np.lexsort((touched, -scores[touched]))][:10]
    return [[int(i), float(scores[i])] for i in order]


def work_rank_bm25(n: int, corpus: Corpus, questions: dict, limit: int | None) -> dict:
    from rank_bm25 import BM25Plus

    from retrieval.index import B, DELTA, K1

    docs = [d for _, ds in corpus.articles(n) for d in ds]
    t = time.perf_counter()
    ref = BM25Plus(docs, k1=K1, b=B, delta=DELTA)
    out: dict = {"build_s": time.perf_counter() - t, "rss_mib": peak_rss_mib(), "top": {}}
    for kind, qs in questions.items():
        samples, cpu, tops = [], [], []
        for q in qs[:limit]:
            top, wall, used = timed_call(lambda: _top10(ref.get_scores(q)))
            samples.append(wall)
            cpu.append(used)
            tops.append(top)
        out[kind] = summary(samples, cpu)
        out["top"][kind] = tops
    return out


def work_bm25s(n: int, corpus: Corpus, questions: dict, folder: Path) -> dict:
    import bm25s

    from retrieval.index import B, K1

    docs = [d for _, ds in corpus.articles(n) for d in ds]
    t = time.perf_counter()
    model = bm25s.BM25(method="bm25+", k1=K1, b=B, delta=0.0, backend="numba")
    model.index(docs, show_progress=False)
    out: dict = {"build_s": time.perf_counter() - t, "rss_mib": peak_rss_mib(), "top": {}}
    del docs
    for kind, qs in questions.items():
        for q in qs[:5]:
            model.retrieve([q], k=10, show_progress=False, n_threads=1)
        samples, cpu, tops = [], [], []
        for q in qs:
            (ids, scores), wall, used = timed_call(model.retrieve, [q], k=10, show_progress=False, n_threads=1)
            samples.append(wall)
            cpu.append(used)
            tops.append([[int(i), float(s)] for i, s in zip(ids[0], scores[0]) if s > 0])
        out[kind] = summary(samples, cpu)
        out["top"][kind] = tops
    model.save(str(folder.parent / "bm25s"))  # for the side-by-side worker
    return out


def work_side_by_side(folder: Path, questions: dict) -> dict:
    """Both indexes read back from disk into one process, each question asked of one and then the other
    (which first alternates): on a shared machine the two meet the same load, which two processes run
    minutes apart do not."""
    import bm25s

    from retrieval.archive import ArchiveIndex

    index = ArchiveIndex.open(folder)
    model = bm25s.BM25.load(str(folder.parent / "bm25s"), mmap=False)
    engines = {"archive": lambda q: index.search(q, k=10),
               "bm25s": lambda q: model.retrieve([q], k=10, show_progress=False, n_threads=1)}
    out: dict = {name: {} for name in engines}
    for kind, qs in questions.items():
        for q in qs[:5]:
            for ask in engines.values():
                ask(q)
        wall: dict = {name: [] for name in engines}
        cpu: dict = {name: [] for name in engines}
        for i, q in enumerate(qs):
            for name in (list(engines) if i % 2 == 0 else list(engines)[::-1]):
                _, w, c = timed_call(engines[name], q)
                wall[name].append(w)
                cpu[name].append(c)
        for name in engines:
            out[name][kind] = summary(wall[name], cpu[name])
    out["load"] = os.getloadavg()[0]
    return out


def worker(args: argparse.Namespace) -> None:
    from retrieval.analyzer import STOPWORDS

    corpus = Corpus(vocabulary(args.wordnet))
    questions = {kind: corpus.questions(args.queries, kind, STOPWORDS) for kind in ("natural", "content")}
    folder = Path(args.folder)
    if args.worker == "archive":
        result = work_archive(args.n, corpus, questions, folder)
    elif args.worker == "start":
        result = work_start(folder, questions["content"][0])
    elif args.worker == "side_by_side":
        result = work_side_by_side(folder, questions)
    elif args.worker == "rank_bm25":
        result = work_rank_bm25(args.n, corpus, questions, args.limit)
    else:
        result = work_bm25s(args.n, corpus, questions, folder)
    Path(args.out).write_text(json.dumps(result))


# -- the run ---------------------------------------------------------------------------------------
def run_worker(name: str, n: int, args: argparse.Namespace, folder: Path, limit: int | None = None) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        out = Path(f.name)
    cmd = [sys.executable, __file__, "--worker", name, "--n", str(n), "--queries", str(args.queries),
           "--folder", str(folder), "--out", str(out), "--wordnet", str(args.wordnet or "")]
    if limit:
        cmd += ["--limit", str(limit)]
    subprocess.run(cmd, check=True)
    result = json.loads(out.read_text())
    out.unlink()
    return result


def same_top(a: list, b: list, rel: float | None = 1e-9) -> bool:
    """Same ids in the same order, and (unless ``rel`` is None) scores within ``rel`` relative."""
    if [i for i, _ in a] != [i for i, _ in b]:
        return False
    return rel is None or all(abs(x - y) <= rel * max(abs(x), abs(y)) for (_, x), (_, y) in zip(a, b))


def share_same(tops: list, ref: list, rel: float | None = 1e-9) -> float:
    pairs = list(zip(tops, ref))
    return sum(same_top(a, b, rel) for a, b in pairs) / len(pairs) if pairs else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--queries", type=int, default=300, help="questions of each kind")
    parser.add_argument("--exact-1m", type=int, default=20, help="rank-bm25 questions of each kind above 100k")
    parser.add_argument("--no-bm25s", action="store_true")
    parser.add_argument("--wordnet", type=Path, default=WORDNET if WORDNET.exists() else None)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.wordnet is not None and not str(args.wordnet):
        args.wordnet = None
    if args.worker:
        return worker(args)

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; vocabulary "
          f"{len(vocabulary(args.wordnet)):,} words; {args.queries} questions of each kind", flush=True)
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "index"
            ours = run_worker("archive", n, args, folder)
            start = run_worker("start", n, args, folder)
            limit = None if n <= 100_000 else args.exact_1m
            ref = run_worker("rank_bm25", n, args, folder, limit=limit) if limit != 0 else None
            other = None if args.no_bm25s else run_worker("bm25s", n, args, folder)
            both = None if args.no_bm25s else run_worker("side_by_side", n, args, folder)
        rows.append((n, ours, start, ref, other))
        print_size(n, ours, start, ref, other, limit)
        if both:
            print_side_by_side(both)


def print_size(n: int, ours: dict, start: dict, ref: dict | None, other: dict | None, limit: int | None) -> None:
    print(f"\n## {n:,} passages")
    print("| engine | build s | peak RSS MiB | natural p50 / p95 (CPU p50) ms | content p50 / p95 (CPU p50) ms "
          "| top-10 = rank-bm25: ids and scores (ids only), natural / content |")
    print("|---|---|---|---|---|---|")

    def line(name: str, r: dict, same: str) -> None:
        print(f"| {name} | {r['build_s']:.2f} | {r['rss_mib']:.0f} "
              f"| {r['natural']['p50']:.2f} / {r['natural']['p95']:.2f} ({r['natural']['cpu50']:.2f}) "
              f"| {r['content']['p50']:.2f} / {r['content']['p95']:.2f} ({r['content']['cpu50']:.2f}) | {same} |")

    def sameness(r: dict) -> str:
        if ref is None:
            return "n/a"
        cut = {k: r["top"][k][:len(ref["top"][k])] for k in ("natural", "content")}
        return " / ".join(f"{share_same(cut[k], ref['top'][k]):.0%} ({share_same(cut[k], ref['top'][k], None):.0%})"
                          for k in ("natural", "content"))

    line("archive (this)", ours, sameness(ours))
    if other:
        line("bm25s 0.3 (bm25+, numba)", other, sameness(other))
    if ref:
        note = f" ({limit} questions)" if limit else ""
        line("rank-bm25 BM25Plus" + note, ref, "reference")
    ratios = []
    for name, r in (("bm25s", other), ("rank-bm25", ref)):
        if r:
            ratios.append(f"{name}/archive p50: natural {r['natural']['p50'] / ours['natural']['p50']:.1f}x, "
                          f"content {r['content']['p50'] / ours['content']['p50']:.1f}x, "
                          f"build {r['build_s'] / ours['build_s']:.1f}x")
    print("\n".join(ratios))
    print(f"index build excludes {ours['generate_s']:.1f} s spent generating the token lists")
    print(f"add a {PASSAGES_PER_ARTICLE}-passage article and find it: median {ours['add_ms']:.1f} ms, "
          f"worst {ours['add_max_ms']:.1f} ms of 5 (all found: {ours['add_found']}); segments after: {ours['segments']}")
    print(f"start with the index on disk (import, map, first answer): {start['start_s']:.2f} s, "
          f"{start['rss_mib']:.0f} MiB resident", flush=True)


def print_side_by_side(both: dict) -> None:
    ours, other = both["archive"], both["bm25s"]
    print(f"side by side (one process, questions alternated, load {both['load']:.1f}): "
          + "; ".join(f"{kind} p50 {ours[kind]['p50']:.2f} vs {other[kind]['p50']:.2f} ms "
                      f"(CPU {ours[kind]['cpu50']:.2f} vs {other[kind]['cpu50']:.2f}): "
                      f"bm25s/archive {other[kind]['p50'] / ours[kind]['p50']:.2f}x "
                      f"(CPU {other[kind]['cpu50'] / ours[kind]['cpu50']:.2f}x)"
                      for kind in ("natural", "content")), flush=True)


if __name__ == "__main__":
    main()
