from __future__ import annotations

import math

import pytest
from rank_bm25 import BM25Okapi, BM25Plus

from retrieval import index as index_module
from retrieval.analyzer import Analyzer
from retrieval.index import BM25Index


@pytest.fixture(scope="module")
def docs(shipped):
    a = Analyzer()
    return [a.terms(p.text) for p in shipped.passages]


def test_bm25_variant_and_parameters_are_pinned():
    assert (index_module.K1, index_module.B, index_module.DELTA) == (1.2, 0.75, 0.0)


def test_idf_falls_as_words_get_commoner_unlike_okapi(docs):
    df = {t: sum(t in d for d in docs) for t in ("pakistan", "defens")}
    assert df["pakistan"] > len(docs) / 2 > df["defens"] - 1  # most passages vs about half
    ours = BM25Index(docs)
    assert ours.idf("pakistan") == pytest.approx(math.log((len(docs) + 1) / df["pakistan"]))
    assert 0 < ours.idf("pakistan") < ours.idf("defens")
    # The trap the choice avoids: Okapi floors the negative idf and so ranks the commoner word higher.
    okapi = BM25Okapi(docs)
    assert okapi.idf["pakistan"] == pytest.approx(okapi.epsilon * okapi.average_idf)
    assert okapi.idf["pakistan"] > okapi.idf["defens"]


def test_scores_follow_bm25_with_positive_idf(docs):
    idx = BM25Index(docs)
    avgdl = sum(map(len, docs)) / len(docs)
    hits = idx.search(["china"], k=50)
    for h in hits:
        d = docs[h.position]
        tf = d.count("china")
        expected = idx.idf("china") * tf * (1.2 + 1) / (tf + 1.2 * (1 - 0.75 + 0.75 * len(d) / avgdl))
        assert h.score == pytest.approx(expected)
    # comment #1 says "China" twice and wins; then Raj and Meraj shahab, in article order on ties.
    assert [h.position for h in hits][0] == 9
    assert {h.position for h in hits} == {9, 11, 12}


def test_only_passages_sharing_a_word_are_returned_best_first(docs):
    idx = BM25Index(docs)
    hits = idx.search(Analyzer().terms("evil stupid policies"), k=5)
    assert [h.position for h in hits] == [4]  # ¶5 alone says it
    assert hits[0].matched == frozenset({"evil", "stupid", "polici"})


def test_ties_keep_passage_order():
    idx = BM25Index([["a", "x"], ["b"], ["a", "x"], ["a", "x"]])
    assert [h.position for h in idx.search(["a"], k=3)] == [0, 2, 3]


def test_k_is_clamped_and_empty_inputs_are_handled(docs):
    idx = BM25Index(docs)
    assert len(idx.search(["pakistan"], k=0)) == 1
    assert len(idx.search(["pakistan"], k=10_000)) == sum("pakistan" in d for d in docs)
    assert idx.search([], k=3) == []
    assert BM25Index([]).search(["x"]) == []
    assert BM25Index([[], []]).search(["x"]) == []  # rank-bm25 itself divides by zero here


def test_search_within_a_subset(docs):
    idx = BM25Index(docs)
    assert [h.position for h in idx.search(["china"], within=[11, 12, 0])] == [11, 12]


def test_scores_only_the_passages_sharing_a_word_yet_equal_rank_bm25_bit_for_bit(docs):
    # Scoring through postings skips the passages without any question word; the scores it gives the
    # others must be rank-bm25's own, to the last bit, and in the same order.
    idx = BM25Index(docs)
    reference = BM25Plus(docs, k1=index_module.K1, b=index_module.B, delta=index_module.DELTA)
    for terms in (["china", "pakistan"], ["defens", "iran", "trump", "tweet"], ["alli", "militari", "turkey"]):
        full = reference.get_scores(terms)
        hits = idx.search(terms, k=50)
        assert hits and all(h.score == float(full[h.position]) for h in hits)
        expected = sorted((p for p in range(len(docs)) if set(terms) & set(docs[p])), key=lambda p: (-full[p], p))
        assert [h.position for h in hits] == expected


def test_idf_and_lengths_are_rank_bm25s(docs):
    idx = BM25Index(docs)
    reference = BM25Plus(docs, k1=index_module.K1, b=index_module.B, delta=index_module.DELTA)
    assert all(idx.idf(t) == reference.idf[t] for d in docs for t in d)
    assert idx._bm25.avgdl == reference.avgdl and idx._bm25.doc_freqs == reference.doc_freqs


def test_documents_holding_words_and_a_scopes_words_come_from_the_postings(docs):
    idx = BM25Index(docs)
    wanted = {"china", "pakistan"}
    assert idx.holding(wanted) == [i for i, d in enumerate(docs) if wanted & set(d)]
    assert idx.holding({"nosuchword"}) == []
    within = [0, 2, len(docs) - 1]
    scope = idx.scope(within)
    vocabulary = {t for d in docs for t in d}
    assert {t for t in vocabulary if t in scope} == {t for i in within for t in docs[i]}
    assert "nosuchword" not in scope
    assert not any(t in idx.scope([]) for t in vocabulary)
