"""The library index against rank-bm25 (the reference): random corpora and questions, top-10 ids and scores,
as articles are built, added, removed, merged, saved and mapped back."""
from __future__ import annotations

import json
import random

import numpy as np
import pytest
from rank_bm25 import BM25Plus

from retrieval.archive import MAX_SEGMENTS, ArchiveError, ArchiveIndex
from retrieval.index import B, DELTA, K1

REL = 1e-9


def random_library(rng: random.Random, n_articles: int, vocab: int = 120) -> list[tuple[str, list[list[str]]]]:
    """Articles of 0-12 documents of 0-25 terms, Zipf-like so some terms are in most documents."""
    words = [f"w{i}" for i in range(vocab)]
    weights = [1 / (i + 1) for i in range(vocab)]
    return [(f"a{a}", [rng.choices(words, weights, k=rng.randint(0, 25)) for _ in range(rng.randint(0, 12))])
            for a in range(n_articles)]


def reference_top(library, query: list[str], k: int = 10) -> list[tuple[tuple[str, int], float]]:
    """rank-bm25 on the same documents: (article, position) and score, best first, ties in corpus order."""
    where = [(key, i) for key, docs in library for i in range(len(docs))]
    corpus = [d for _, docs in library for d in docs]
    scores = BM25Plus(corpus, k1=K1, b=B, delta=DELTA).get_scores(query)
    order = sorted((i for i in range(len(corpus)) if any(t in corpus[i] for t in query)),
                   key=lambda i: (-scores[i], i))
    return [(where[i], float(scores[i])) for i in order[:k]]


def assert_same_top(index: ArchiveIndex, library, query: list[str], k: int = 10) -> None:
    got = [((h.article, h.position), h.score) for h in index.search(query, k=k)]
    want = reference_top(library, query, k)
    assert [g[0] for g in got] == [w[0] for w in want], query
    for (_, a), (_, b) in zip(got, want):
        assert abs(a - b) <= REL * max(abs(a), abs(b)), (query, a, b)


def random_queries(rng: random.Random, n: int, vocab: int = 120) -> list[list[str]]:
    # Common and rare words, some no document has, 1-8 terms with no repeats (the index dedupes).
    return [list(dict.fromkeys(f"w{rng.randint(0, vocab + 10)}" for _ in range(rng.randint(1, 8)))) for _ in range(n)]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_top10_matches_rank_bm25_on_random_corpora(seed: int) -> None:
    rng = random.Random(seed)
    library = random_library(rng, 40)
    index = ArchiveIndex.build(library)
    corpus = [d for _, docs in library for d in docs]
    reference = BM25Plus(corpus, k1=K1, b=B, delta=DELTA)
    for query in random_queries(rng, 60):
        assert_same_top(index, library, query)
        assert np.array_equal(index.scores(query), reference.get_scores(query))  # bit for bit


def test_scores_stay_exact_as_articles_are_added_and_removed(tmp_path) -> None:
    rng = random.Random(7)
    library = random_library(rng, 60)
    index = ArchiveIndex.build(library[:20], tmp_path / "ix")
    live = list(library[:20])
    for n, (key, docs) in enumerate(library[20:]):
        index.add(key, docs)
        live.append((key, docs))
        if n % 4 == 3:  # remove an older one now and then: N, df and avgdl all move
            gone = live.pop(rng.randrange(len(live)))
            index.remove(gone[0])
        assert index.segments <= MAX_SEGMENTS
        for query in random_queries(rng, 3):
            assert_same_top(index, live, query)
    assert len(index) == sum(len(d) for _, d in live)
    reopened = ArchiveIndex.open(tmp_path / "ix")
    for query in random_queries(rng, 30):
        assert_same_top(reopened, live, query)
    index.compact()
    assert index.segments == 1
    for query in random_queries(rng, 30):
        assert_same_top(index, live, query)
        assert_same_top(ArchiveIndex.open(tmp_path / "ix"), live, query)


def test_ties_keep_the_order_articles_were_added() -> None:
    same = [["harbour", "strike"], ["harbour", "strike"]]
    index = ArchiveIndex.build([("first", same), ("second", same)])
    index.add("third", same)
    hits = index.search(["strike"], k=10)
    assert [(h.article, h.position) for h in hits] == [
        ("first", 0), ("first", 1), ("second", 0), ("second", 1), ("third", 0), ("third", 1)]
    assert len({h.score for h in hits}) == 1


def test_a_removed_article_is_gone_and_a_new_one_found_at_once(tmp_path) -> None:
    index = ArchiveIndex.build([("port", [["dock", "workers", "strike"], ["union", "talks"]]),
                                ("school", [["fees", "rise"], ["parents", "protest", "fees"]])], tmp_path / "ix")
    index.add("council", [["council", "vote", "fees"]])
    assert {h.article for h in index.search(["fees"])} == {"school", "council"}
    index.remove("school")
    assert [h.article for h in index.search(["fees"])] == ["council"]
    assert index.search(["parents"]) == []
    assert not index.known("parents") and index.df("fees") == 1
    reopened = ArchiveIndex.open(tmp_path / "ix")
    assert [h.article for h in reopened.search(["fees"])] == ["council"]
    assert reopened.articles == ("port", "council")


def test_matched_terms_and_within() -> None:
    index = ArchiveIndex.build([("a", [["trade", "deal", "betrayal"], ["trade", "talks"], ["weather"]]),
                                ("b", [["deal", "betrayal", "betrayal"]])])
    hits = index.search(["betrayal", "trade", "nowhere"])
    assert hits[0].matched == frozenset({"betrayal", "trade"})
    only_b = index.search(["betrayal", "trade"], within=index.docs_of("b"))
    assert [(h.article, h.position, h.matched) for h in only_b] == [("b", 0, frozenset({"betrayal"}))]
    assert index.search(["weather"], within=[]) == []


def test_idf_is_rank_bm25s() -> None:
    library = random_library(random.Random(3), 10)
    corpus = [d for _, docs in library for d in docs]
    reference = BM25Plus(corpus, k1=K1, b=B, delta=DELTA)
    index = ArchiveIndex.build(library)
    for term, idf in reference.idf.items():
        assert index.idf(term) == idf


def test_bad_input_is_refused_and_changes_nothing(tmp_path) -> None:
    index = ArchiveIndex.build([("a", [["one", "two"]])], tmp_path / "ix")
    with pytest.raises(TypeError):
        index.add("b", ["a string, not terms"])
    with pytest.raises(ArchiveError, match="already"):
        index.add("a", [["three"]])
    with pytest.raises(ArchiveError, match="not in the index"):
        index.remove("zzz")
    with pytest.raises(ArchiveError, match="line breaks"):
        index.add("c", [["two\nlines"]])
    assert index.articles == ("a",) and len(index) == 1
    assert [h.article for h in ArchiveIndex.open(tmp_path / "ix").search(["one"])] == ["a"]
    with pytest.raises(ArchiveError, match="no readable index"):
        ArchiveIndex.open(tmp_path / "missing")
    meta = tmp_path / "ix" / "meta.json"
    data = json.loads(meta.read_text())
    meta.write_text(json.dumps({**data, "format": 99}))
    with pytest.raises(ArchiveError, match="format"):
        ArchiveIndex.open(tmp_path / "ix")


def test_empty_index_and_empty_documents() -> None:
    assert ArchiveIndex.build([]).search(["x"]) == []
    assert ArchiveIndex.build([("a", [[]])]).search(["x"]) == []  # passages, but not one term
    index = ArchiveIndex.build([("a", []), ("b", [[], ["x"]])])
    assert [(h.article, h.position) for h in index.search(["x"])] == [("b", 1)]
    index.remove("a")
    assert [(h.article, h.position) for h in index.search(["x"])] == [("b", 1)]


def test_block_bounds_never_underestimate_a_weight() -> None:
    """Every posting's weight is within its block's bound and every block's within its term's, at the
    avgdl the index was built with and at others (articles come and go after a segment is written)."""
    from retrieval import archive_kernels as kern

    rng = random.Random(11)
    library = random_library(rng, 150, vocab=30)  # common terms span several blocks of kern.BLOCK
    index = ArchiveIndex.build(library)
    (seg,) = index._segments
    assert (np.diff(seg.bptr) > 1).any()
    slack = 1 + 1e-12
    for avgdl in (index.avgdl, index.avgdl / 3, index.avgdl * 3):
        a, c = K1 * (1 - B), K1 * B / avgdl
        for s in range(seg.terms.shape[0]):
            idf = 0.5 + s / 7
            term_bound = idf * (DELTA + (K1 + 1) / (1 + a / seg.tmaxtf[s] + c * seg.tratio[s]))
            for bi in range(seg.bptr[s], seg.bptr[s + 1]):
                block_bound = idf * (DELTA + (K1 + 1) / (1 + a / seg.bmaxtf[bi] + c * seg.bratio[bi]))
                assert block_bound <= term_bound * slack
                lo = seg.ptr[s] + (bi - seg.bptr[s]) * kern.BLOCK
                hi = min(lo + kern.BLOCK, seg.ptr[s + 1])
                assert seg.blast[bi] == seg.docs[hi - 1]
                for j in range(lo, hi):
                    assert seg.pdl[j] == min(int(seg.dl[seg.docs[j]]), 255)  # a lower bound of the length
                    length = int(seg.dl[seg.docs[j]])
                    w = kern.weight(idf, float(seg.tfs[j]), length, avgdl, K1, B, 1 - B, K1 + 1, DELTA)
                    assert w <= block_bound * slack


def test_top10_matches_rank_bm25_where_lists_span_many_blocks(tmp_path) -> None:
    """Long posting lists, so block bounds prune: top-10s still rank-bm25's, as the statistics move."""
    rng = random.Random(5)
    library = random_library(rng, 260, vocab=60)
    words = [f"w{i}" for i in range(60)]
    for key, docs in library[::9]:  # some passages longer than the 255 a posting's length is capped at
        docs.append(rng.choices(words, [1 / (i + 1) for i in range(60)], k=rng.randint(256, 400)))
    index = ArchiveIndex.build(library[:200], tmp_path / "ix")
    live = list(library[:200])
    for query in random_queries(rng, 25, vocab=60):
        assert_same_top(index, live, query)
    for key, docs in library[200:]:
        index.add(key, docs)
        live.append((key, docs))
    for gone in ("a3", "a50", "a120", "a201"):
        index.remove(gone)
        live = [(k, d) for k, d in live if k != gone]
    for query in random_queries(rng, 25, vocab=60):
        assert_same_top(index, live, query)
        assert_same_top(index, live, query, k=3)


def test_top10_matches_rank_bm25_with_stop_words_and_tied_passages() -> None:
    """Natural questions: a few words in most passages, the rest Zipfian, and every article twice, so
    passages tie at the k-th place. Once k passages are held, the weakest term that still proposes
    passages proposes only those whose tf could lift a passage alone (tf floors by length) and is looked
    up for the rest: ids, order (ties by id) and scores stay rank-bm25's, for k from 1 to 10."""
    rng = random.Random(13)
    stops = [f"s{i}" for i in range(4)]
    words = [f"w{i}" for i in range(80)]
    weights = [1 / (i + 1) for i in range(80)]
    library = []
    for a in range(120):
        docs = []
        for _ in range(rng.randint(1, 8)):
            doc = rng.choices(words, weights, k=rng.randint(1, 30))
            doc += [s for s in stops if rng.random() < 0.8] * rng.randint(1, 3)
            rng.shuffle(doc)
            docs.append(doc)
        library.append((f"a{a}", docs))
        library.append((f"a{a}-copy", [list(d) for d in docs]))
    index = ArchiveIndex.build(library)
    for query in random_queries(rng, 60, vocab=80):
        query = query + rng.sample(stops, rng.randint(1, 3))
        for k in (1, 3, 10):
            assert_same_top(index, library, query, k=k)
