"""BM25 over an article's passages (rank-bm25's BM25Plus, bit for bit), returning positions and scores, never texts."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Collection, Mapping, Sequence

import numpy as np

# Why BM25Plus with delta=0, k1=1.2, b=0.75:
# - BM25Okapi's idf, log((N - df + .5) / (df + .5)), is 0 for a word in half the passages and
#   negative above that, where rank-bm25 floors it to epsilon * mean idf. On an article of ~15
#   passages that turns idf upside down: in the shipped article "Pakistan" (12 of 14 passages) would
#   outweigh "defense" (6 of 14), and a word in exactly 7 passages would count for nothing.
# - BM25L in rank-bm25 0.2.2 multiplies its saturated term by the raw term frequency, so repeating a
#   word grows the score without bound: not the saturation BM25 is chosen for.
# - BM25Plus uses idf = log((N + 1) / df), positive for every term that occurs. rank-bm25 adds its
#   delta to every passage for every question term (the paper adds it only where the term occurs), so
#   delta only shifts all scores equally; delta=0 keeps a passage with none of the words at exactly 0.
# - k1=1.2, b=0.75 are Robertson's standard values; passages here are one to five sentences.
K1 = 1.2
B = 0.75
DELTA = 0.0
MAX_K = 50


class _Stats:
    """rank-bm25 0.2.2's ``BM25Plus`` statistics (doc_freqs, doc_len, avgdl, idf), computed as it computes
    them. Importing rank_bm25 imports multiprocessing, a tenth of the CLI's cold start, for the few lines
    the index needs; tests/retrieval/test_index.py checks the scores against rank-bm25 itself."""

    def __init__(self, corpus: Sequence[Sequence[str]], k1: float, b: float, delta: float) -> None:
        self.k1, self.b, self.delta = k1, b, delta
        self.doc_freqs: list[dict[str, int]] = []
        self.doc_len: list[int] = []
        nd: dict[str, int] = {}  # word -> number of documents with it
        num_doc = 0
        for document in corpus:
            self.doc_len.append(len(document))
            num_doc += len(document)
            # Counter counts in C, in the same first-seen order as rank-bm25's loop.
            frequencies: dict[str, int] = dict(Counter(document))
            self.doc_freqs.append(frequencies)
            for word in frequencies:
                nd[word] = nd.get(word, 0) + 1
        self.avgdl = num_doc / len(self.doc_len)
        self.idf = {word: math.log((len(self.doc_len) + 1) / freq) for word, freq in nd.items()}


@dataclass(frozen=True)
class Hit:
    position: int  # index into the documents the index was built from
    score: float
    matched: frozenset[str]  # question terms found in the document


class BM25Index:
    """Ranks documents (lists of terms) for a question (a list of terms)."""

    def __init__(self, documents: Sequence[Sequence[str]]) -> None:
        self._docs = [list(d) for d in documents]
        # rank-bm25 divides by the mean length: an empty corpus (or all-empty documents) cannot be scored.
        self._bm25 = _Stats(self._docs, k1=K1, b=B, delta=DELTA) if any(self._docs) else None
        # Each document's terms: its term counts already hold them (a set per document cost a third of a
        # second at 40k passages); with no statistics every document is empty.
        self._vocab: Sequence[Collection[str]] = (
            self._bm25.doc_freqs if self._bm25 is not None else [frozenset()] * len(self._docs))
        # Postings (term -> the documents holding it and how often), so a question scores only the
        # documents that share a word with it: rank-bm25's get_scores walks all N documents in Python
        # for every term, 100 ms at 40k passages. numpy does the same arithmetic over the postings.
        self._postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        if self._bm25 is not None:
            bm = self._bm25
            postings: dict[str, tuple[list[int], list[int]]] = {}
            for pos, freqs in enumerate(bm.doc_freqs):
                for term, tf in freqs.items():
                    ids, tfs = postings.setdefault(term, ([], []))
                    ids.append(pos)
                    tfs.append(tf)
            self._postings = {t: (np.array(ids, dtype=np.int64), np.array(tfs, dtype=np.int64))
                              for t, (ids, tfs) in postings.items()}
            # Exactly rank-bm25's denominator term, element by element.
            self._norm = bm.k1 * (1 - bm.b + bm.b * np.array(bm.doc_len) / bm.avgdl)

    def __len__(self) -> int:
        return len(self._docs)

    def idf(self, term: str) -> float:
        """The term's weight; a term no passage has weighs as much as the rarest possible."""
        n = len(self._docs)
        if self._bm25 is not None and term in self._bm25.idf:
            return self._bm25.idf[term]
        return math.log(n + 1) if n else 0.0

    def known(self, term: str) -> bool:
        """Whether any document has the term."""
        return self._bm25 is not None and term in self._bm25.idf

    def contains(self, position: int, term: str) -> bool:
        return term in self._vocab[position]

    def holding(self, terms: Collection[str]) -> list[int]:
        """The documents holding any of the terms, in document order: from the postings, not a scan."""
        parts = [self._postings[t][0] for t in terms if t in self._postings]
        if not parts:
            return []
        hit = np.zeros(len(self._docs), dtype=bool)
        for ids in parts:
            hit[ids] = True
        return np.flatnonzero(hit).tolist()

    def scope(self, within: Collection[int]) -> "Scope":
        """The words of some documents, as a container (``term in scope``), without collecting them."""
        return Scope(self, within)

    def search(self, terms: Sequence[str], k: int = 5, within: Collection[int] | None = None,
               weights: Mapping[str, float] | None = None) -> list[Hit]:
        """The best ``k`` documents that share a term with the question, best first; ties keep document order.

        ``weights`` scales a term's share of the score (a bridged word counts less than the reader's own).
        """
        k = max(1, min(int(k), MAX_K))
        terms = list(dict.fromkeys(terms))
        if not terms or self._bm25 is None:
            return []
        bm = self._bm25
        scores = np.zeros(len(self._docs))
        touched_parts = []
        for t in terms:
            if t not in self._postings:
                continue
            ids, tf = self._postings[t]
            # rank-bm25's formula in its order of operations, on the postings only: the same floats.
            weight = weights.get(t, 1.0) if weights else 1.0  # a bridged word counts less than the reader's own
            scores[ids] += weight * (bm.idf.get(t) or 0) * (bm.delta + (tf * (bm.k1 + 1)) / (self._norm[ids] + tf))
            touched_parts.append(ids)
        if not touched_parts:
            return []
        # The touched documents, ascending (np.unique would import numpy.ma, 10 ms of a cold start).
        hit = np.zeros(len(self._docs), dtype=bool)
        for ids in touched_parts:
            hit[ids] = True
        touched = np.flatnonzero(hit)
        if within is not None:
            allowed = np.zeros(len(self._docs), dtype=bool)
            allowed[np.fromiter(within, dtype=np.int64)] = True
            touched = touched[allowed[touched]]
        # Best first; ties keep document order.
        order = np.lexsort((touched, -scores[touched]))[:k]
        return [Hit(int(pos), float(scores[pos]), frozenset(t for t in terms if t in self._vocab[pos]))
                for pos in touched[order]]


class Scope:
    """Whether a term is in any of some documents: its postings meet them. Asking costs the term's
    postings, not the documents' words (a question's scope may be every comment)."""

    def __init__(self, index: BM25Index, within: Collection[int]) -> None:
        self._postings = index._postings
        self._in = np.zeros(len(index), dtype=bool)
        if within:
            self._in[np.fromiter(within, dtype=np.int64)] = True

    def __contains__(self, term: object) -> bool:
        found = self._postings.get(term) if isinstance(term, str) else None
        return found is not None and bool(self._in[found[0]].any())
