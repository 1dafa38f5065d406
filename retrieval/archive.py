"""BM25 over a whole library of articles: exact, incremental, and kept on disk.

``index.BM25Index`` serves one article through rank-bm25, which loops in Python over every passage for
every question word: fine for 30 passages, 1.5 s a question at a million. This index answers the same
scores (rank-bm25's ``BM25Plus`` with ``index.K1``, ``index.B``, ``index.DELTA``, bit for bit on the same
tokens) at a cost that follows the postings of the question's own words.

How it is built, and why:
- **Postings, term-major (CSC).** For each term, the passages that have it and how often (``docs``
  int32, ``tfs`` uint16, or uint32 if a passage repeats a word 65,536 times), found through ``ptr``.
  A question reads only its own terms' lists. 7 bytes a posting with ``pdl`` (below): 0.38 GiB on disk at
  a million passages.
- **Lazy weights.** Postings keep term frequencies, not BM25 weights; the weight is computed as the
  question is scored, with rank-bm25's operations in rank-bm25's order (``archive_kernels.accumulate``).
  So N, df and the mean passage length may change with every article added or removed, and the scores
  are still exactly what rank-bm25 would give on the library as it is now, with no posting rewritten.
  (An index of precomputed weights must be rebuilt on every change: about 20 s at a million.)
- **Bounds per block of 64 postings, and per term** (block-max MaxScore, ``archive_kernels.top_k``):
  the largest tf and the smallest passage length / tf of each block. A weight grows with tf and
  shrinks with length / tf, so these bound every weight in the block whatever N, df and avgdl become;
  they are written once with the segment and stay valid as articles come and go (bounds of weights
  would go stale). 20 bytes a block, 0.3 bytes a posting. And beside each posting its passage's
  length capped at 255 (``pdl``, 1 byte): a bound at the passage's own length without reading an
  array indexed by passage, which is what drops most passages that have only common words.
- **Segments.** ``build`` writes one segment; ``add`` writes a small new one (its own file set) and
  refreshes only df and the passage lengths. Removing an article marks its passages dead and takes
  their terms out of df; a merge (a suffix of segments, smaller ones first, as in Lucene's tiered
  merging) drops dead passages and keeps the number of segments small. Passage ids only move inside
  a merge, and keep their order, so ties stay in the order articles were added.
- **On disk, mapped back.** Each segment is one file of raw little arrays, mapped with ``np.memmap``:
  a restart maps the files instead of rebuilding, and the OS keeps the hot lists in memory. One file
  of arrays a segment, not one per array, because creating files is the slowest part of adding an
  article on a busy disk. ``meta.json`` (written to a temporary file and renamed over the old one, so a crash
  leaves the previous state) lists the segments with their arrays' places and the dead ranges; each
  segment's articles are in ``<name>.articles``, written once with it (so adding an article
  rewrites nothing about the others); ``vocab.txt`` holds the terms, one a line, appended to.
- **numpy + numba, not scipy.sparse or bm25s.** The arrays are plain numpy; the loops over them are
  numba (why: ``archive_kernels``). scipy.sparse would store the same CSC arrays but adds nothing the
  kernels need. bm25s bakes float32 weights into its matrix (no incremental add, scores not equal to
  rank-bm25's: 45-95% of its top-10s match at a million passages), and at a million passages its build
  took 7x as long in 3.4x the memory (bench/bench_archive.py). With block-max pruning, and the weakest
  essential term filtered by tf floors (``archive_kernels.top_k``), this index answers at a million
  passages (p50, bm25s / this): content questions 2.3x faster, natural ones (stop words kept) 1.2x,
  each engine in its own process; 1.55x and 1.06x when both answer each question in turn in one
  process, where bm25s's sums over whole lists (megabytes a natural question) push this index's postings
  out of the cache between questions. bm25s's weights are precomputed, so a common word's long list
  costs it a streamed sum where it costs this index lookups.

One index serves a whole library; its methods take a lock, so bot threads can share it.
"""
from __future__ import annotations

import bisect
import ctypes
import itertools
import json
import math
import os
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Collection, Iterable, Sequence

import numpy as np

from .index import B, DELTA, K1

FORMAT = 4  # 3: block bounds in each segment; 4: each posting's passage length, capped
MAX_SEGMENTS = 8
MAX_TERMS = 64  # question terms beyond this are ignored (a 300-character question has far fewer)
_CHUNK_TOKENS = 1 << 22  # tokens mapped to ids before a chunk is counted: bounds the build's memory


class _Kernels:
    """``archive_kernels``, imported on first use: importing numba takes half a second, which a process
    that never touches the library index (the CLI on one article) should not pay."""

    def __getattr__(self, name: str):
        from . import archive_kernels

        return getattr(archive_kernels, name)


kern = _Kernels()


class ArchiveError(Exception):
    """An index directory that cannot be opened or an article that cannot be added or removed."""


@dataclass(frozen=True)
class ArchiveHit:
    article: str  # the article's key
    position: int  # which of the article's documents (0-based, as given to ``add``)
    doc: int  # the passage's id in the index (for ``within``); changes only in a merge
    score: float
    matched: frozenset[str]  # question terms found in the passage


@dataclass
class _Segment:
    name: str
    base: int  # global id of its first passage
    terms: np.ndarray  # int32 global term ids that have postings here, ascending
    ptr: np.ndarray  # int64, len(terms) + 1
    docs: np.ndarray  # int32 passage ids local to the segment, ascending within each term
    tfs: np.ndarray  # uint16 / uint32
    dl: np.ndarray  # int32 passage lengths (tokens)
    # Bounds for pruning (see archive_kernels.block_bounds): per block of kern.BLOCK postings of a term
    # (``bptr`` per term, as ``ptr``), its last passage, largest tf and smallest dl / tf; the same per term.
    bptr: np.ndarray  # int64, len(terms) + 1
    blast: np.ndarray  # int32
    bmaxtf: np.ndarray  # float64
    bratio: np.ndarray  # float64
    tmaxtf: np.ndarray  # float64, per term
    tratio: np.ndarray  # float64, per term
    pdl: np.ndarray  # uint8, per posting: its passage's length capped at 255 (a bound read beside the posting)
    articles: list = field(default_factory=list)  # [key, lo, hi] of the articles it holds (global ids)

    @property
    def n_docs(self) -> int:
        return int(self.dl.shape[0])

    def slots(self, gids: np.ndarray) -> np.ndarray:
        """Where each global term id sits in this segment's ``terms`` (-1: no postings here)."""
        if self.terms.shape[0] == 0:
            return np.full(gids.shape[0], -1, dtype=np.int64)
        gids = gids.astype(self.terms.dtype)  # as ``terms``: searchsorted would convert all of ``terms`` to int64
        at = np.minimum(np.searchsorted(self.terms, gids), self.terms.shape[0] - 1)
        return np.where((gids >= 0) & (self.terms[at] == gids), at, -1).astype(np.int64)

    _ARRAYS = ("terms", "ptr", "docs", "tfs", "dl", "bptr", "blast", "bmaxtf", "bratio", "tmaxtf", "tratio", "pdl")

    def save(self, root: Path) -> dict:
        """Write the arrays into one file (one file creation per article added: on a busy disk each
        costs milliseconds) and return where each lies, for meta.json."""
        layout, offset = {}, 0
        with open(root / f"{self.name}.seg", "wb") as f:
            for field in self._ARRAYS:
                a = np.ascontiguousarray(getattr(self, field))
                pad = -offset % 64  # every array starts aligned
                f.write(b"\0" * pad)
                offset += pad
                layout[field] = [a.dtype.str, int(a.shape[0]), offset]
                f.write(memoryview(a).cast("B"))  # no copy (tobytes copied the whole posting list first)
                offset += a.nbytes
        return layout

    @classmethod
    def load(cls, root: Path, name: str, base: int, layout: dict) -> "_Segment":
        path = root / f"{name}.seg"
        try:
            # A plain ndarray over the mapping (np.memmap's own indexing is slower, and nothing here needs it).
            raw = np.asarray(np.memmap(path, dtype=np.uint8, mode="r")) if path.stat().st_size else np.zeros(0, np.uint8)
            arrays = {}
            for field in cls._ARRAYS:
                dtype, length, offset = layout[field]
                size = np.dtype(dtype).itemsize * length
                if offset + size > raw.shape[0]:
                    raise ValueError(f"{field} runs past the end of the file")
                arrays[field] = raw[offset:offset + size].view(np.dtype(dtype))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ArchiveError(f"{path}: cannot read the index segment ({exc})") from None
        return cls(name, base, **arrays)


def _bounds(ptr: np.ndarray, docs: np.ndarray, tfs: np.ndarray, dl: np.ndarray) -> tuple[np.ndarray, ...]:
    """A new segment's block and term bounds (``_Segment.bptr`` ... ``pdl``): one pass over its postings."""
    lengths = np.diff(ptr)
    bptr = np.zeros(lengths.shape[0] + 1, dtype=np.int64)
    np.cumsum((lengths + kern.BLOCK - 1) >> kern.BLOCK_SHIFT, out=bptr[1:])
    n_blocks = int(bptr[-1])
    blast = np.empty(n_blocks, dtype=np.int32)
    bmaxtf = np.empty(n_blocks, dtype=np.float64)
    bratio = np.empty(n_blocks, dtype=np.float64)
    tmaxtf = np.empty(lengths.shape[0], dtype=np.float64)
    tratio = np.empty(lengths.shape[0], dtype=np.float64)
    pdl = np.empty(docs.shape[0], dtype=np.uint8)
    kern.block_bounds(ptr, docs, tfs, dl, bptr, blast, bmaxtf, bratio, tmaxtf, tratio, pdl)
    return bptr, blast, bmaxtf, bratio, tmaxtf, tratio, pdl


def _grow(a: np.ndarray, size: int, fill: int | float = 0) -> np.ndarray:
    """``a`` with room for ``size`` entries (doubling, so appends stay amortised O(1))."""
    if a.shape[0] >= size:
        return a
    out = np.full(max(size, 2 * a.shape[0], 16), fill, dtype=a.dtype)
    out[: a.shape[0]] = a
    return out


class ArchiveIndex:
    """Exact BM25Plus over the passages of many articles, searchable as articles come and go."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self._lock = threading.RLock()
        self._vocab: dict[str, int] = {}
        self._terms: list[str] = []
        self._df = np.zeros(0, dtype=np.int64)  # live passages per term
        self._segments: list[_Segment] = []
        self._alive = np.zeros(0, dtype=np.uint8)  # per global id
        self._dl = np.zeros(0, dtype=np.int32)  # per global id (int32: half the cache misses of int64, same weights)
        self._n_total = 0  # global ids handed out
        self._n_live = 0
        self._total_len = 0  # tokens in live passages
        self._articles: dict[str, tuple[int, int]] = {}  # key -> [lo, hi) global ids
        self._starts: list[tuple[int, str]] = []  # (lo, key) of non-empty articles, sorted: id -> article
        self._lookup: tuple[np.ndarray, list[str]] | None = None  # _starts as an array, made when needed
        self._dead: list[dict] = []  # {"key", "lo", "hi", "file"}: removed articles still in segments
        self._next_name = 0
        self._layouts: dict[str, dict] = {}  # segment name -> where its arrays lie in its file
        self._vocab_saved = 0  # terms already in vocab.txt
        self._pending_deletes: list[str] = []  # files a merge replaced, deleted once meta.json no longer names them

    # -- facts ------------------------------------------------------------------------------------
    def __len__(self) -> int:
        """Live passages."""
        return self._n_live

    def __contains__(self, key: object) -> bool:
        return key in self._articles

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(self._articles)

    @property
    def segments(self) -> int:
        return len(self._segments)

    @property
    def avgdl(self) -> float:
        return self._total_len / self._n_live if self._n_live else 0.0

    def docs_of(self, key: str) -> range:
        """The global ids of an article's passages, in order (for ``within``)."""
        lo, hi = self._articles[key]
        return range(lo, hi)

    def df(self, term: str) -> int:
        gid = self._vocab.get(term, -1)
        return int(self._df[gid]) if gid >= 0 else 0

    def known(self, term: str) -> bool:
        return self.df(term) > 0

    def idf(self, term: str) -> float:
        """rank-bm25's BM25Plus idf, log((N + 1) / df); a term no passage has weighs as the rarest could."""
        n, df = self._n_live, self.df(term)
        if df:
            return math.log((n + 1) / df)
        return math.log(n + 1) if n else 0.0

    # -- building ---------------------------------------------------------------------------------
    @classmethod
    def build(cls, articles: Iterable[tuple[str, Iterable[Sequence[str]]]],
              path: str | Path | None = None) -> "ArchiveIndex":
        """An index of ``(key, documents)`` pairs, each document a sequence of terms, in one segment.

        The documents are read once, as a stream, in chunks: memory holds the postings being built,
        not the texts. A document is read when its chunk is full, so a caller must not reuse one list
        for several documents. With ``path``, the directory is (re)created and the index lives there.
        """
        index = cls(path)
        if index.path is not None:
            if index.path.exists():
                shutil.rmtree(index.path)
            index.path.mkdir(parents=True)
        with index._lock:
            index._append_segment(index._build_segment(articles))
            index._merge_if_needed()
            index._save_meta()
        return index

    def add(self, key: str, documents: Sequence[Sequence[str]]) -> None:
        """Make an article searchable: its own small segment; nothing else is rewritten."""
        with self._lock:
            if key in self._articles:
                raise ArchiveError(f"article {key!r} is already in the index; remove it first")
            self._append_segment(self._build_segment([(key, documents)]))
            self._merge_if_needed()
            self._save_meta()

    def remove(self, key: str) -> None:
        """Take an article out: its passages stop scoring and stop counting in N, df and avgdl at once."""
        with self._lock:
            if key not in self._articles:
                raise ArchiveError(f"article {key!r} is not in the index")
            lo, hi = self._articles.pop(key)
            if hi > lo:
                self._starts.remove((lo, key))
                self._lookup = None
            counts = np.zeros(len(self._terms), dtype=np.int64)
            for seg in self._segments:
                if seg.base < hi and lo < seg.base + seg.n_docs:
                    kern.df_in_range(seg.terms, seg.ptr, seg.docs, seg.base, lo, hi, counts)
            self._df[: counts.shape[0]] -= counts
            self._alive[lo:hi] = 0
            self._n_live -= hi - lo
            self._total_len -= int(self._dl[lo:hi].sum())
            terms = np.flatnonzero(counts).astype(np.int32)
            entry = {"key": key, "lo": lo, "hi": hi, "file": None}
            if self.path is not None:
                entry["file"] = f"dead-{self._take_name()}.npy"
                np.save(self.path / entry["file"], np.stack([terms, counts[terms].astype(np.int32)]))
            self._dead.append(entry)
            self._save_meta()

    def compact(self) -> None:
        """Merge every segment into one, dropping removed passages (a few seconds at a million)."""
        with self._lock:
            if len(self._segments) > 1 or self._dead:
                self._merge_suffix(0)
                self._save_meta()

    def _take_name(self) -> str:
        self._next_name += 1
        return f"{self._next_name:06d}"

    def _build_segment(self, articles: Iterable[tuple[str, Iterable[Sequence[str]]]]) -> _Segment:
        first = self._n_total
        chunks: list[tuple[np.ndarray, np.ndarray, np.ndarray, int]] = []  # rows per chunk, first id
        lengths: list[int] = []
        pending: list[Sequence[str]] = []  # the chunk's documents, as given
        pending_tokens = 0
        new_articles: list[tuple[str, int, int]] = []
        keys = set(self._articles)
        last_seen = np.full(len(self._terms), -1, dtype=np.int64)
        slot = np.zeros(len(self._terms), dtype=np.int64)
        chunk_first = first

        def flush() -> None:
            nonlocal last_seen, slot, chunk_first, pending, pending_tokens
            n = first + len(lengths) - chunk_first
            if n == 0:
                return
            tokens = self._token_ids(pending, pending_tokens)
            pending, pending_tokens = [], 0
            starts = np.zeros(n + 1, dtype=np.int64)
            np.cumsum(lengths[chunk_first - first:], out=starts[1:])
            last_seen = _grow(last_seen, len(self._terms), -1)
            slot = _grow(slot, len(self._terms))
            rows_t = np.empty(tokens.shape[0], dtype=np.int32)
            rows_f = np.empty(tokens.shape[0], dtype=np.uint32)
            rows_p = np.empty(n + 1, dtype=np.int64)
            w = kern.count_terms(tokens, starts, chunk_first, last_seen, slot, rows_t, rows_f, rows_p)
            rows_f = rows_f[:w]
            small = rows_f.max(initial=0) < 1 << 16
            chunks.append((rows_p, rows_t[:w].copy(), rows_f.astype(np.uint16) if small else rows_f.copy(),
                           chunk_first))
            chunk_first += n

        for key, documents in articles:
            if key in keys:
                raise ArchiveError(f"article {key!r} is given twice")
            keys.add(key)
            lo = first + len(lengths)
            for doc in documents:
                if isinstance(doc, str):  # rank-bm25 would read it letter by letter; never what is meant
                    raise TypeError("a document is a sequence of terms, not a string")
                if not isinstance(doc, (list, tuple)):
                    doc = list(doc)
                pending.append(doc)  # mapped to term ids a chunk at a time (_token_ids)
                lengths.append(len(doc))
                pending_tokens += len(doc)
                if pending_tokens >= _CHUNK_TOKENS:
                    flush()
            new_articles.append((key, lo, first + len(lengths)))
        flush()

        n_docs = len(lengths)
        dl = np.array(lengths, dtype=np.int32)
        n_terms = len(self._terms)
        counts = np.zeros(n_terms, dtype=np.int64)
        for _, rows_t, _, _ in chunks:
            counts += np.bincount(rows_t, minlength=n_terms)
        terms = np.flatnonzero(counts).astype(np.int32)
        ptr = np.zeros(terms.shape[0] + 1, dtype=np.int64)
        np.cumsum(counts[terms], out=ptr[1:])
        wide = any(c[2].dtype == np.uint32 for c in chunks)
        docs = np.empty(int(ptr[-1]), dtype=np.int32)
        tfs = np.empty(int(ptr[-1]), dtype=np.uint32 if wide else np.uint16)
        cursor = np.zeros(n_terms, dtype=np.int64)
        cursor[terms] = ptr[:-1]
        while chunks:  # oldest first, freeing each as it is copied
            rows_p, rows_t, rows_f, chunk_first = chunks.pop(0)
            kern.scatter_rows(rows_p, rows_t, rows_f.astype(tfs.dtype, copy=False), chunk_first - first,
                              cursor, docs, tfs)
            del rows_p, rows_t, rows_f
        seg = _Segment(self._take_name(), first, terms, ptr, docs, tfs, dl, *_bounds(ptr, docs, tfs, dl))
        seg.articles = [[key, lo, hi] for key, lo, hi in new_articles]
        # Statistics move only once the segment is whole, so a failed build leaves the index as it was.
        self._df = _grow(self._df, n_terms)
        self._df[:n_terms] += counts
        for key, lo, hi in new_articles:
            self._articles[key] = (lo, hi)
            if hi > lo:
                bisect.insort(self._starts, (lo, key))
                self._lookup = None
        return seg

    def _token_ids(self, documents: list[Sequence[str]], n_tokens: int) -> np.ndarray:
        """The term ids of a chunk's tokens, one dictionary lookup per distinct token OBJECT, not per token.

        A dictionary lookup a token was half of a million-passage build (60M tokens at 100-200 ns, most
        of it cache misses on the token and the table). But tokens repeat as objects: the analyser
        caches its terms (``lru_cache``), so every "harbour" in a chunk is the same ``str``. An object
        array is numpy's block of object pointers; while it lives the pointers are the objects'
        identities, and the same pointer is the same string. ``kern.distinct`` groups equal pointers
        with a hash table (compiled, about 10 ns a token), and only each group's first token is looked
        up. Equal strings that are different objects still meet in the dictionary, so this is exact
        for any input; it is only faster when objects repeat.
        """
        # Straight from the documents into one array: each token is touched once (a list of the chunk's
        # tokens first cost a second pass and as much again).
        objects = np.fromiter(itertools.chain.from_iterable(documents), dtype=object, count=n_tokens)
        if n_tokens == 0:
            return np.zeros(0, dtype=np.int32)
        address = objects.__array_interface__["data"][0]
        pointers = np.frombuffer((ctypes.c_char * objects.nbytes).from_address(address), dtype=np.intp)
        local, firsts = kern.distinct(pointers)
        term_id = self._term_id
        ids = np.fromiter((term_id(objects[i]) for i in firsts.tolist()), dtype=np.int32, count=firsts.shape[0])
        del pointers, objects  # the pointers are not read once the objects may go
        return ids[local]

    def _term_id(self, term: str) -> int:
        gid = self._vocab.get(term)
        if gid is None:
            if not isinstance(term, str) or "\n" in term or "\r" in term:
                raise ArchiveError(f"a term must be a string without line breaks: {term!r}")
            gid = self._vocab[term] = len(self._terms)
            self._terms.append(term)
        return gid

    def _write_segment(self, seg: _Segment) -> _Segment:
        """The segment on disk, mapped back; its articles beside it (``<name>.articles``), so meta.json stays
        small however many articles the library has, and adding one rewrites nothing of the others."""
        assert self.path is not None
        layout = seg.save(self.path)
        (self.path / f"{seg.name}.articles").write_text(json.dumps(seg.articles), encoding="utf-8")
        loaded = _Segment.load(self.path, seg.name, seg.base, layout)
        self._layouts[seg.name] = layout
        return loaded

    def _append_segment(self, seg: _Segment) -> None:
        if self.path is not None:
            seg = self._write_segment(seg)
            with open(self.path / "vocab.txt", "a", encoding="utf-8") as f:
                f.write("".join(t + "\n" for t in self._terms[self._vocab_saved:]))
            self._vocab_saved = len(self._terms)
        self._segments.append(seg)
        n = seg.n_docs
        end = seg.base + n
        self._alive = _grow(self._alive, end)
        self._alive[seg.base:end] = 1
        self._dl = _grow(self._dl, end)
        self._dl[seg.base:end] = seg.dl
        self._n_total = end
        self._n_live += n
        self._total_len += int(np.asarray(seg.dl, dtype=np.int64).sum())

    # -- merging ----------------------------------------------------------------------------------
    def _merge_if_needed(self) -> None:
        if len(self._segments) <= MAX_SEGMENTS:
            return
        # Merge the newest segments, reaching back while the next older one is no bigger than them
        # together: segment sizes stay roughly geometric, so each passage is copied O(log n) times.
        i = len(self._segments) - 2
        tail = self._segments[-1].n_docs + self._segments[-2].n_docs
        while i > 1 and self._segments[i - 1].n_docs <= tail:
            i -= 1
            tail += self._segments[i].n_docs
        self._merge_suffix(i)

    def _merge_suffix(self, i: int) -> None:
        """Merge segments[i:] into one, dropping their dead passages (ids after them never exist)."""
        old = self._segments[i:]
        if not old:
            return
        lo, hi = old[0].base, self._n_total
        alive = np.ascontiguousarray(self._alive[lo:hi])
        new_id = (np.cumsum(alive, dtype=np.int64) - 1).astype(np.int32)
        n_terms = len(self._terms)
        counts = np.zeros(n_terms, dtype=np.int64)
        for seg in old:
            kern.count_live(seg.terms, seg.ptr, seg.docs, seg.base - lo, alive, counts)
        terms = np.flatnonzero(counts).astype(np.int32)
        ptr = np.zeros(terms.shape[0] + 1, dtype=np.int64)
        np.cumsum(counts[terms], out=ptr[1:])
        wide = any(seg.tfs.dtype == np.uint32 for seg in old)
        docs = np.empty(int(ptr[-1]), dtype=np.int32)
        tfs = np.empty(int(ptr[-1]), dtype=np.uint32 if wide else np.uint16)
        cursor = np.zeros(n_terms, dtype=np.int64)
        cursor[terms] = ptr[:-1]
        for seg in old:
            kern.copy_live(seg.terms, seg.ptr, seg.docs, seg.tfs.astype(tfs.dtype, copy=False), seg.base - lo,
                           alive, new_id, 0, cursor, docs, tfs)
        dl = np.asarray(self._dl[lo:hi][alive == 1], dtype=np.int32)
        seg = _Segment(self._take_name(), lo, terms, ptr, docs, tfs, dl, *_bounds(ptr, docs, tfs, dl))
        for key, (a, b) in list(self._articles.items()):
            if a >= lo:
                na = lo + int(new_id[a - lo]) if b > a else lo + int(alive[: a - lo].sum())
                self._articles[key] = (na, na + (b - a))
                seg.articles.append([key, na, na + (b - a)])
        if self.path is not None:
            seg = self._write_segment(seg)
        del self._segments[i:]
        self._segments.append(seg)
        end = lo + seg.n_docs
        self._alive[lo:] = 0
        self._alive[lo:end] = 1
        self._dl[lo:] = 0
        self._dl[lo:end] = seg.dl
        self._n_total = end
        self._starts = sorted((a, k) for k, (a, b) in self._articles.items() if b > a)
        self._lookup = None
        gone = [d for d in self._dead if d["lo"] >= lo]
        self._dead = [d for d in self._dead if d["lo"] < lo]
        self._pending_deletes = ([f"{s.name}.seg" for s in old] + [f"{s.name}.articles" for s in old]
                                 + [d["file"] for d in gone if d["file"]])

    # -- persistence ------------------------------------------------------------------------------
    def _read_meta(self) -> dict:
        assert self.path is not None
        try:
            meta = json.loads((self.path / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ArchiveError(f"{self.path}: no readable index here ({exc})") from None
        if meta.get("format") != FORMAT:
            raise ArchiveError(f"{self.path}: index format {meta.get('format')!r}, expected {FORMAT}; rebuild it")
        return meta

    def _save_meta(self) -> None:
        if self.path is None:
            self._pending_deletes = []
            return
        meta = {
            "format": FORMAT,
            "vocab_size": len(self._terms),
            "next_name": self._next_name,
            "segments": [{"name": s.name, "base": s.base, "layout": self._layouts[s.name]} for s in self._segments],
            "dead": self._dead,
        }
        tmp = self.path / "meta.json.tmp"
        tmp.write_text(json.dumps(meta), encoding="utf-8")
        os.replace(tmp, self.path / "meta.json")
        for name in self._pending_deletes:  # files the new meta no longer names
            (self.path / name).unlink(missing_ok=True)
            if name.endswith(".seg"):
                self._layouts.pop(name.removesuffix(".seg"), None)
        self._pending_deletes = []

    @classmethod
    def open(cls, path: str | Path) -> "ArchiveIndex":
        """Map an index saved by ``build`` / ``add`` back: no postings are read until a question needs them."""
        index = cls(path)
        assert index.path is not None
        meta = index._read_meta()
        try:
            with open(index.path / "vocab.txt", encoding="utf-8", newline="\n") as f:
                terms = f.read().split("\n")[: meta["vocab_size"]]
        except OSError as exc:
            raise ArchiveError(f"{index.path}: cannot read vocab.txt ({exc})") from None
        if len(terms) != meta["vocab_size"]:
            raise ArchiveError(f"{index.path}: vocab.txt has {len(terms)} terms, meta.json expects {meta['vocab_size']}")
        index._terms = terms
        index._vocab_saved = len(terms)
        index._vocab = {t: i for i, t in enumerate(terms)}
        index._next_name = meta["next_name"]
        index._df = np.zeros(len(terms), dtype=np.int64)
        removed = {(d["key"], d["lo"], d["hi"]) for d in meta["dead"]}
        for s in meta["segments"]:
            seg = _Segment.load(index.path, s["name"], s["base"], s["layout"])
            index._layouts[seg.name] = s["layout"]
            index._append_segment_loaded(seg)
            index._df[np.asarray(seg.terms)] += np.diff(np.asarray(seg.ptr))
            try:
                listed = json.loads((index.path / f"{seg.name}.articles").read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise ArchiveError(f"{index.path}: cannot read {seg.name}.articles ({exc})") from None
            for key, lo, hi in listed:
                if (key, lo, hi) not in removed:
                    index._articles[key] = (lo, hi)
                    if hi > lo:
                        index._starts.append((lo, key))
        index._starts.sort()
        for d in meta["dead"]:
            lo, hi = d["lo"], d["hi"]
            index._alive[lo:hi] = 0
            index._n_live -= hi - lo
            index._total_len -= int(index._dl[lo:hi].sum())
            pairs = np.load(index.path / d["file"], allow_pickle=False)
            np.subtract.at(index._df, pairs[0], pairs[1].astype(np.int64))
            index._dead.append(d)
        return index

    def _append_segment_loaded(self, seg: _Segment) -> None:
        self._segments.append(seg)
        end = seg.base + seg.n_docs
        self._alive = _grow(self._alive, end)
        self._alive[seg.base:end] = 1
        self._dl = _grow(self._dl, end)
        self._dl[seg.base:end] = seg.dl
        self._n_total = end
        self._n_live += seg.n_docs
        self._total_len += int(np.asarray(seg.dl, dtype=np.int64).sum())

    # -- searching --------------------------------------------------------------------------------
    def _prepare(self, terms: Sequence[str]) -> tuple[list[str], np.ndarray, np.ndarray, tuple] | None:
        if self._n_live == 0:
            return None
        terms = list(dict.fromkeys(terms))[:MAX_TERMS]
        vocab, n = self._vocab, self._n_live
        gids = np.array([vocab.get(t, -1) for t in terms], dtype=np.int64)
        dfs = np.where(gids >= 0, self._df[gids], 0).tolist() if len(self._terms) else [0] * len(terms)  # (-1: masked)
        # rank-bm25: idf = math.log((corpus_size + 1) / freq), and 0 for a term it has never seen.
        idfs = np.array([math.log((n + 1) / df) if df > 0 else 0.0 for df in dfs], dtype=np.float64)
        gids[idfs == 0.0] = -1
        # rank-bm25's avgdl is num_doc / corpus_size, Python's int / int; 1 - b and k1 + 1 are Python floats.
        params = (self._dl, self._total_len / n, K1, B, 1 - B, K1 + 1, DELTA)
        return terms, gids, idfs, params

    def search(self, terms: Sequence[str], k: int = 10, within: Collection[int] | None = None) -> list[ArchiveHit]:
        """The best ``k`` live passages that share a term with the question, best first; ties by id."""
        k = max(1, int(k))
        with self._lock:
            prepared = self._prepare(terms)
            if prepared is None:
                return []
            terms, gids, idfs, params = prepared
            allowed = self._alive
            if within is not None:
                allowed = np.zeros_like(self._alive)
                ids = np.fromiter((d for d in within if 0 <= d < self._n_total), dtype=np.int64)
                allowed[ids] = self._alive[ids]
            out_ids = np.empty(k, dtype=np.int64)
            out_scores = np.empty(k, dtype=np.float64)
            out_masks = np.empty(k, dtype=np.uint64)
            m = 0
            segments = [(seg, slots) for seg in self._segments if ((slots := seg.slots(gids)) >= 0).any()]
            for seg, slots in segments:  # see kern.top_k: a lower bound first, then the exact pass
                m = kern.top_k_search(seg.ptr, seg.docs, seg.tfs, seg.bptr, seg.blast, seg.bmaxtf, seg.bratio,
                                      seg.tmaxtf, seg.tratio, seg.pdl, seg.base, slots, idfs, *params, allowed, k, m,
                                      out_ids, out_scores, out_masks)
            return self._hits(out_ids[:m], out_scores[:m], out_masks[:m], terms)

    def scores(self, terms: Sequence[str]) -> np.ndarray:
        """Every live passage's score, in id order: what rank-bm25's ``get_scores`` returns (for checking)."""
        with self._lock:
            prepared = self._prepare(terms)
            if prepared is None:
                return np.zeros(0)
            _, gids, idfs, params = prepared
            score = np.zeros(self._n_total, dtype=np.float64)
            for seg in self._segments:
                kern.accumulate(seg.ptr, seg.docs, seg.tfs, seg.base, seg.slots(gids), idfs, *params, score)
            return score[self._alive[: self._n_total] == 1]

    def _hits(self, ids: np.ndarray, scores: np.ndarray, masks: np.ndarray, terms: list[str]) -> list[ArchiveHit]:
        if self._lookup is None:
            self._lookup = (np.array([lo for lo, _ in self._starts], dtype=np.int64), [k for _, k in self._starts])
        starts, keys = self._lookup
        at = (np.searchsorted(starts, ids, side="right") - 1).tolist()  # the last article starting at or before
        first = starts[at].tolist()
        out = []
        for doc, score, mask, a, lo in zip(ids.tolist(), scores.tolist(), masks.tolist(), at, first):
            matched = frozenset(t for i, t in enumerate(terms) if mask >> i & 1)
            out.append(ArchiveHit(keys[a], doc - lo, doc, score, matched))
        return out
