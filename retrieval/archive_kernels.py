"""The archive index's inner loops, compiled with numba.

Why numba, and only here:
- A library-wide question walks the sorted postings of its terms document at a time (block-max
  MaxScore, see ``top_k``): per passage a few comparisons, bound checks, sometimes a weight and a
  galloping search. Block-max (bounds per 64 postings) rather than MaxScore's bounds per term alone,
  because natural questions' stop words have lists of most of the library: with per-term bounds
  nearly every passage met had to be looked up in them (5 ms a question at a million passages).
  That is branchy, data-dependent work that numpy cannot express as whole-array passes without
  touching every posting of every term several times (and a scatter-add, ``np.add.at``, that is slow
  in itself); compiled, it is one pass that skips what cannot matter. scipy.sparse would hold the same
  CSC arrays but its column sums are that multi-pass numpy work, and it cannot score lazily (below).
- Scores are computed from term frequencies at query time, not stored, so that adding or removing an
  article changes N, df and the mean length without rewriting a single posting. Each weight is
  computed with exactly rank-bm25's order of floating-point operations (``weight``) and summed in query
  order, which is what keeps every score equal to rank-bm25's, bit for bit.
- The top k is kept in the same compiled loop (insertion into k slots): ``np.argpartition`` over a
  mostly-tied score vector is pathologically slow, and a Python-level sort is slower still.
- Building (counting terms per passage, scattering into term order) and merging segments are single
  passes over integer arrays, the same kind of loop.
- ``cache=True`` keeps the compiled code beside this file, so a restart loads it instead of compiling
  (the first run compiles, about ten seconds); ``nogil=True`` lets a bot thread search while the event
  loop runs.

Nothing here knows about terms or articles: these are loops over integer and float arrays.
"""
from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True, nogil=True)
def weight(idf, tf, dl, avgdl, k1, b, omb, k1p1, delta):
    """rank-bm25's BM25Plus term weight, with its operations in its order:
    ``idf * (delta + (tf * (k1 + 1)) / (k1 * (1 - b + b * dl / avgdl) + tf))``, where ``1 - b`` (``omb``)
    and ``k1 + 1`` (``k1p1``) are the Python floats rank-bm25 computes, and ``dl`` is an integer."""
    norm = k1 * (omb + b * dl / avgdl)
    return idf * (delta + (tf * k1p1) / (norm + tf))


@njit(cache=True, nogil=True)
def accumulate(ptr, docs, tfs, base, slots, idfs, dl, avgdl, k1, b, omb, k1p1, delta, score):
    """Every passage's score, term by term in query order into a dense array, as rank-bm25's
    ``score += ...`` does (a passage without the term gains exactly 0.0 there, which changes nothing)."""
    for qi in range(slots.shape[0]):
        s = slots[qi]
        if s < 0:
            continue
        for j in range(ptr[s], ptr[s + 1]):
            d = base + docs[j]
            score[d] += weight(idfs[qi], np.float64(tfs[j]), dl[d], avgdl, k1, b, omb, k1p1, delta)


# Bounds. A weight is idf * (delta + k1p1 / (1 + k1 (1 - b) / tf + (k1 b / avgdl) (dl / tf))): it grows
# with tf and shrinks with dl / tf. So the largest tf and the smallest dl / tf of a set of postings bound
# every weight in it, whatever N, df and avgdl are when the question comes (idf and avgdl enter only at
# query time): the bounds are kept per term and per block of BLOCK postings, and never rewritten.
# Sums taken in another order than the final one, and the bound's own rounding, may differ from an exact
# weight in the last bits; this slack covers that (every comparison with a bound is ``bound * _SLACK <
# theta``, so a passage is only ever dropped when it scores below the k-th, never when it ties).
_SLACK = 1.0 + 1e-12
_NO_DOC = np.iinfo(np.int32).max
BLOCK_SHIFT = 6
BLOCK = 1 << BLOCK_SHIFT  # 64 postings: PISA's default; a bound a block stays under 1% of the postings' size


@njit(cache=True, nogil=True)
def _gallop(docs, pos, end, target):
    """The first position in ``docs[pos:end]`` (ascending) whose passage is >= ``target``."""
    if pos >= end or docs[pos] >= target:
        return pos
    step = 1
    lo = pos
    hi = pos + 1
    while hi < end and docs[hi] < target:
        lo = hi
        step *= 2
        hi = pos + step
    if hi > end:
        hi = end
    while lo + 1 < hi:  # docs[lo] < target, and docs[hi] >= target or hi == end
        mid = (lo + hi) // 2
        if docs[mid] < target:
            lo = mid
        else:
            hi = mid
    return hi


@njit(cache=True, nogil=True)
def block_bounds(ptr, docs, tfs, dl, bptr, blast, bmaxtf, bratio, tmaxtf, tratio, pdl):
    """Per block of ``BLOCK`` postings (term by term, ``bptr`` its first block): its last passage, its
    largest tf and its smallest dl / tf; the same per term. ``dl`` is indexed by the postings' ids.
    ``pdl``: each posting's passage length, capped at 255 (a lower bound of it, beside the posting)."""
    for s in range(ptr.shape[0] - 1):
        tm = 0.0
        tr = np.inf
        bi = bptr[s]
        start = ptr[s]
        stop_all = ptr[s + 1]
        while start < stop_all:
            stop = min(start + BLOCK, stop_all)
            mx = 0.0
            r = np.inf
            for j in range(start, stop):
                tf = np.float64(tfs[j])
                length = dl[docs[j]]
                pdl[j] = min(length, 255)
                ratio = length / tf
                if tf > mx:
                    mx = tf
                if ratio < r:
                    r = ratio
            blast[bi] = docs[stop - 1]
            bmaxtf[bi] = mx
            bratio[bi] = r
            bi += 1
            if mx > tm:
                tm = mx
            if r < tr:
                tr = r
            start = stop
        tmaxtf[s] = tm
        tratio[s] = tr


@njit(cache=True, nogil=True)
def _netab(idf, tmaxtf, slots, term, ess, A, C, k1p1, delta, netab):
    """netab[0, l]: what the terms sorted < ``ess`` could add to a passage of capped length l, each at its
    largest tf; netab[1, l]: the same without the last of them (the filtered term, when there is one)."""
    for ln in range(256):
        nb = A + C * ln
        t = 0.0
        for i in range(ess):
            if i == ess - 1:
                netab[1, ln] = t
            t += idf[i] * (delta + k1p1 / (1.0 + nb / tmaxtf[slots[term[i]]]))
        netab[0, ln] = t


@njit(cache=True, nogil=True)
def _tf_floor(idf_fe, rest, A, C, k1p1, delta, theta, ftab):
    """ftab[l]: the least tf with which a term of idf ``idf_fe`` could lift a passage of capped length l
    that has no stronger term to ``theta``, with the weaker terms at their largest tf at that length
    (``rest[l]``) (0: any tf; more than any tf: none). A weight grows with tf, so a smaller tf cannot.
    256 divisions: cheap enough to remake whenever the k-th best rises."""
    for ln in range(256):
        nb = A + C * ln
        y = (theta / _SLACK - rest[ln]) / idf_fe - delta  # what tf * k1p1 / (tf + nb) must reach
        if y <= 0.0:
            ftab[ln] = 0
        elif y >= k1p1:
            ftab[ln] = 1 << 40
        else:  # tf >= y nb / (k1p1 - y); rounded down by far more than any rounding error, never up
            v = y * nb / (k1p1 - y) * (1.0 - 1e-9)
            ftab[ln] = np.int64(np.ceil(v)) if v < 1e12 else np.int64(1 << 40)


@njit(cache=True, nogil=True, inline='always')
def _passing(tfs, pdl, ftab, j, end):
    """The first posting from ``j`` whose tf reaches its length's floor (``end`` if none)."""
    while j < end and np.int64(tfs[j]) < ftab[pdl[j]]:
        j += 1
    return j


@njit(cache=True, nogil=True, inline='always')
def _bub(idf, maxtf, ratio, A, C, k1p1, delta):
    """The bound of postings whose largest tf is ``maxtf`` and smallest dl / tf ``ratio``."""
    return idf * (delta + k1p1 / (1.0 + A / maxtf + C * ratio))

@njit(cache=True, nogil=True)
def top_k(ptr, docs, tfs, bptr, blast, bmaxtf, bratio, tmaxtf, tratio, pdl, base, slots, idfs, dl, avgdl, k1, b, omb,
          k1p1, delta, allowed, k, m, out_ids, out_scores, out_masks, only_strongest):
    """The best ``k`` passages of one segment merged into ``out_*`` (holding ``m`` from earlier segments).

    Document at a time over the question terms' sorted postings: block-max MaxScore (Turtle & Flood
    1995; Chakrabarti et al. 2011; as in PISA, Mallia et al. 2019), exact. Terms are sorted by their
    bound. Once the k-th best score exceeds what the weakest terms could add up to, those terms stop
    proposing passages (non-essential) and are only looked up for passages the others propose. A
    proposed passage is dropped as early as its bounds allow, cheapest check first:
    1. the blocks of the essential terms it has, plus the non-essential terms' bounds (no memory
       touched beyond the postings being walked);
    2. its essential terms at their own tf and at the passage's length, read beside the posting
       (``pdl``, capped at 255), plus a table of the non-essential terms' bounds by length;
    3. the same, with each non-essential term at the largest tf of its block around the passage (its
       last-passage array only; one division a term), before any lookup;
    4. the lookups, strongest first, each only while the rest could still lift it to the k-th.
    The capped length is the length itself below the cap, so a kept passage's length is read from the
    array indexed by passage only at 255 and over.

    Natural questions' stop words (hundreds of thousands of postings each) are only ever looked up. What
    was left was the weakest essential term: a common word such as "reader" or "out" (50-110k postings),
    all of whose passages were proposed and almost all dropped at check 2. Once k passages are held it
    is filtered instead (``_tf_floor``): it proposes only postings whose tf, at their capped length,
    could lift a passage that has no stronger term to the k-th best with every weaker term at its
    bound, and is looked up (a gallop, usually in lines its filter just read) for passages the others
    propose. The filter is a loop of three loads a posting (``_passing``). At a million passages this
    halved the passages met in a natural question (46k to 24k, same 5.8k reaching the lookups) and,
    with check 3 at the passage's length, took the kernel from 1.9 to 1.4 ms (same run). A passage
    that is kept is scored in query order, as rank-bm25 sums, so scores are bit for bit rank-bm25's;
    ties go to the lower id. Returns the new ``m``.

    ``only_strongest``: let only the strongest (rarest) term propose passages. A first pass so scores
    every passage that has it; the k-th best of those is a lower bound of the true k-th best, so the
    second, full pass starts with the weak terms already non-essential. A passage met in both passes
    is kept once.
    """
    q = slots.shape[0]
    n = 0
    for qi in range(q):
        if slots[qi] >= 0:
            n += 1
    if n == 0:
        return m
    A = k1 * omb  # the bound's constants for this question's avgdl (see _bub)
    C = k1 * b / avgdl
    present = np.empty(n, dtype=np.int64)
    ubs = np.empty(n, dtype=np.float64)
    j = 0
    for qi in range(q):
        s = slots[qi]
        if s >= 0:
            present[j] = qi
            ubs[j] = _bub(idfs[qi], tmaxtf[s], tratio[s], A, C, k1p1, delta)
            j += 1
    order = np.argsort(ubs)  # weakest first
    term = present[order]
    cum = np.empty(n + 1, dtype=np.float64)  # cum[i]: bound of sorted terms < i
    pos = np.empty(n, dtype=np.int64)
    end = np.empty(n, dtype=np.int64)
    p0 = np.empty(n, dtype=np.int64)
    b0 = np.empty(n, dtype=np.int64)
    bend = np.empty(n, dtype=np.int64)
    idf = np.empty(n, dtype=np.float64)
    ub = np.empty(n, dtype=np.float64)
    blk = np.empty(n, dtype=np.int64)  # each term's current block (never behind its cursor's)
    bub = np.empty(n, dtype=np.float64)  # ... and that block's bound (0: the term has no passage left)
    nbd = np.empty(n + 1, dtype=np.float64)  # nbd[i]: the non-essential bounds of sorted terms < i
    cum[0] = 0.0
    for i in range(n):
        qi = term[i]
        s = slots[qi]
        ub[i] = ubs[order[i]]
        cum[i + 1] = cum[i] + ub[i]
        pos[i] = ptr[s]
        p0[i] = ptr[s]
        end[i] = ptr[s + 1]
        b0[i] = bptr[s]
        bend[i] = bptr[s + 1]
        idf[i] = idfs[qi]
        blk[i] = bptr[s]
        bub[i] = _bub(idf[i], bmaxtf[blk[i]], bratio[blk[i]], A, C, k1p1, delta)
    rank = np.full(q, -1, dtype=np.int64)
    for i in range(n):
        rank[term[i]] = i
    contrib = np.zeros(n, dtype=np.float64)
    has = np.zeros(n, dtype=np.bool_)
    theta = out_scores[k - 1] if m == k else 0.0
    first = n - 1 if only_strongest else 0
    while m == k and first < n and cum[first + 1] * _SLACK < theta:
        first += 1
    # netab[l]: what the non-essential terms (sorted < netab_for) could add to a passage of length >= l,
    # each at its largest tf: a table of 256 lengths, remade when the essential set shrinks (a few times).
    netab = np.zeros((2, 256), dtype=np.float64)
    netab_for = -1
    at = np.empty(n, dtype=np.int64)
    cur = np.empty(n, dtype=np.int64)
    for i in range(n):
        cur[i] = docs[pos[i]] if pos[i] < end[i] else _NO_DOC
    # Once k passages are held, the weakest essential term (``fe``, sorted index ``first``) is looked up as a
    # non-essential one, and proposes only its postings that could lift a passage with no other essential
    # term to the k-th best: at the passage's capped length l, a tf of at least ftab[l] (``_tf_floor``).
    # Terms from ``ess`` on propose every posting. Its proposing cursor (``fpos``, passage ``fcur``) runs
    # ahead of its lookup cursor (``pos[fe]``) through the postings it drops, a tight loop of three loads.
    ftab = np.zeros(256, dtype=np.int64)
    fe = -1
    ftheta = -1.0
    fpos = 0
    fcur = _NO_DOC
    ess = first
    while first < n:
        if m == k and (fe != first or theta != ftheta):
            if fe != first:
                fe = first
                fpos = pos[fe]
                ess = fe + 1
                _netab(idf, tmaxtf, slots, term, ess, A, C, k1p1, delta, netab)
                netab_for = ess
            ftheta = theta
            _tf_floor(idf[fe], netab[1], A, C, k1p1, delta, theta, ftab)
            fpos = _passing(tfs, pdl, ftab, fpos, end[fe])
            fcur = docs[fpos] if fpos < end[fe] else _NO_DOC
        d = fcur
        for i in range(ess, n):
            if cur[i] < d:
                d = cur[i]
        if d == _NO_DOC:
            break
        fhit = fcur == d
        g = base + d
        found = 0
        bound = 0.0
        for i in range(ess, n):
            if cur[i] == d:
                at[found] = i
                found += 1
                bi = b0[i] + ((pos[i] - p0[i]) >> BLOCK_SHIFT)
                if bi != blk[i]:
                    blk[i] = bi
                    bub[i] = _bub(idf[i], bmaxtf[bi], bratio[bi], A, C, k1p1, delta)
                bound += bub[i]
        ne = ess  # the terms looked up for this passage: sorted < ne
        if fe >= 0:  # the filtered term: at its proposing posting, or looked up at once (an essential term here)
            ne = fe
            pos[fe] = fpos if fhit else _gallop(docs, pos[fe], end[fe], d)
            if pos[fe] < end[fe] and docs[pos[fe]] == d:
                at[found] = fe
                found += 1
                bi = b0[fe] + ((pos[fe] - p0[fe]) >> BLOCK_SHIFT)
                if bi != blk[fe]:
                    blk[fe] = bi
                    bub[fe] = _bub(idf[fe], bmaxtf[bi], bratio[bi], A, C, k1p1, delta)
                bound += bub[fe]
        skip = not allowed[g]
        shallow = False
        if not skip and m == k:
            if (bound + cum[ne]) * _SLACK < theta:
                skip = True
            else:
                # The passage's length (a lower bound, capped at 255) sits beside each posting: its
                # essential terms at their own tf and that length, the rest from the table. No passage
                # array is touched, and most passages that have only weak terms stop here.
                if netab_for != ess:
                    _netab(idf, tmaxtf, slots, term, ess, A, C, k1p1, delta, netab)
                    netab_for = ess
                ln = pdl[pos[at[0]]]
                nb = A + C * ln
                own2 = 0.0  # its essential terms' bounds at their tf and its length
                for j in range(found):
                    i = at[j]
                    own2 += idf[i] * (delta + k1p1 / (1.0 + nb / np.float64(tfs[pos[i]])))
                if (own2 + netab[1 if ne < ess else 0, ln]) * _SLACK < theta:
                    skip = True
        if not skip and m == k:  # the non-essential terms' blocks around it
            shallow = True
            nbd[0] = 0.0
            for i in range(ne):
                bi = blk[i]
                if bi < bend[i] and blast[bi] < d:
                    bi += 1
                    while bi < bend[i] and blast[bi] < d:
                        bi += 1
                    blk[i] = bi
                    bub[i] = 1.0 if bi < bend[i] else 0.0  # (for a non-essential term: 0 once it has no passage left)
                # its block's largest tf at this passage's capped length: the weight's bound in that block
                nbd[i + 1] = nbd[i] + (idf[i] * (delta + k1p1 / (1.0 + nb / bmaxtf[bi])) if bi < bend[i] else 0.0)
            if (own2 + nbd[ne]) * _SLACK < theta:
                skip = True
        if fhit:
            fpos = _passing(tfs, pdl, ftab, fpos + 1, end[fe])
            fcur = docs[fpos] if fpos < end[fe] else _NO_DOC
        if skip:
            for j in range(found):
                i = at[j]
                pos[i] += 1
                cur[i] = docs[pos[i]] if pos[i] < end[i] else _NO_DOC
            continue
        for i in range(n):
            has[i] = False
        partial = 0.0
        dlg = pdl[pos[at[0]]]  # the length beside the posting is the length itself below the cap
        if dlg == 255:
            dlg = dl[g]
        for j in range(found):
            i = at[j]
            c = weight(idf[i], np.float64(tfs[pos[i]]), dlg, avgdl, k1, b, omb, k1p1, delta)
            contrib[i] = c
            has[i] = True
            partial += c
            pos[i] += 1
            cur[i] = docs[pos[i]] if pos[i] < end[i] else _NO_DOC
        keep = True
        if shallow and dlg >= 255:  # the bounds above were at the capped length: again at the length itself
            norm = k1 * (omb + b * dlg / avgdl)
            for i in range(ne):
                mt = bmaxtf[blk[i]] if bub[i] > 0.0 else 0.0
                nbd[i + 1] = nbd[i] + (idf[i] * (delta + (mt * k1p1) / (norm + mt)) if mt > 0.0 else 0.0)
        if shallow and (partial + nbd[ne]) * _SLACK < theta:
            keep = False
        for i in range(ne - 1 if keep else -1, -1, -1):
            if shallow:
                if (partial + nbd[i + 1]) * _SLACK < theta:
                    keep = False
                    break
                if bub[i] == 0.0:
                    continue
                bs = p0[i] + ((blk[i] - b0[i]) << BLOCK_SHIFT)
                if pos[i] < bs:
                    pos[i] = bs
                pos[i] = _gallop(docs, pos[i], min(bs + BLOCK, end[i]), d)
            else:
                if m == k and (partial + cum[i + 1]) * _SLACK < theta:
                    keep = False
                    break
                pos[i] = _gallop(docs, pos[i], end[i], d)
            if pos[i] < end[i] and docs[pos[i]] == d:
                c = weight(idf[i], np.float64(tfs[pos[i]]), dlg, avgdl, k1, b, omb, k1p1, delta)
                contrib[i] = c
                has[i] = True
                partial += c
        if not keep or (m == k and partial * _SLACK < theta):
            continue
        s = 0.0
        mask = np.uint64(0)
        for qi in range(q):
            i = rank[qi]
            if i >= 0 and has[i]:
                s += contrib[i]
                mask |= np.uint64(1) << np.uint64(qi)
        if m == k and (s < theta or (s == theta and g > out_ids[k - 1])):
            continue
        seen = False
        for p in range(m):
            if out_ids[p] == g:
                seen = True
        if seen:
            continue
        if m < k:
            p = m
            m += 1
        else:
            p = k - 1
        while p > 0 and (out_scores[p - 1] < s or (out_scores[p - 1] == s and out_ids[p - 1] > g)):
            out_ids[p] = out_ids[p - 1]
            out_scores[p] = out_scores[p - 1]
            out_masks[p] = out_masks[p - 1]
            p -= 1
        out_ids[p] = g
        out_scores[p] = s
        out_masks[p] = mask
        if m == k:
            theta = out_scores[k - 1]
            while first < n and cum[first + 1] * _SLACK < theta:
                first += 1
    return m


@njit(cache=True, nogil=True)
def count_terms(tokens, doc_starts, first_doc, last_seen, slot, out_terms, out_tfs, out_ptr):
    """Doc-major (term, tf) rows for a chunk of passages given as term ids.

    ``last_seen`` holds, per term, the last passage (global number) it was seen in, so no per-passage
    clearing is needed; ``slot`` where that passage's row for the term is. Returns the postings written.
    """
    w = 0
    n_docs = doc_starts.shape[0] - 1
    for d in range(n_docs):
        g = first_doc + d
        out_ptr[d] = w
        for j in range(doc_starts[d], doc_starts[d + 1]):
            t = tokens[j]
            if last_seen[t] != g:
                last_seen[t] = g
                slot[t] = w
                out_terms[w] = t
                out_tfs[w] = 1
                w += 1
            else:
                out_tfs[slot[t]] += 1
    out_ptr[n_docs] = w
    return w


@njit(cache=True, nogil=True)
def scatter_rows(row_ptr, row_terms, row_tfs, first_doc, cursor, out_docs, out_tfs):
    """Doc-major rows into term-major postings; chunks arrive in passage order, so each term's list is sorted."""
    for d in range(row_ptr.shape[0] - 1):
        for j in range(row_ptr[d], row_ptr[d + 1]):
            t = row_terms[j]
            p = cursor[t]
            out_docs[p] = first_doc + d
            out_tfs[p] = row_tfs[j]
            cursor[t] = p + 1


@njit(cache=True, nogil=True)
def count_live(terms, ptr, docs, base, alive, counts):
    """Per global term, how many of this segment's postings belong to live passages (added to ``counts``)."""
    for i in range(terms.shape[0]):
        c = 0
        for j in range(ptr[i], ptr[i + 1]):
            if alive[base + docs[j]]:
                c += 1
        counts[terms[i]] += c


@njit(cache=True, nogil=True)
def copy_live(terms, ptr, docs, tfs, base, alive, new_id, new_base, cursor, out_docs, out_tfs):
    """This segment's live postings, renumbered, appended after each term's earlier ones."""
    for i in range(terms.shape[0]):
        t = terms[i]
        p = cursor[t]
        for j in range(ptr[i], ptr[i + 1]):
            d = base + docs[j]
            if alive[d]:
                out_docs[p] = new_id[d] - new_base
                out_tfs[p] = tfs[j]
                p += 1
        cursor[t] = p


@njit(cache=True, nogil=True)
def df_in_range(terms, ptr, docs, base, lo, hi, counts):
    """Per global term, how many postings fall on passages ``lo <= id < hi`` (added to ``counts``)."""
    for i in range(terms.shape[0]):
        c = 0
        for j in range(ptr[i], ptr[i + 1]):
            d = base + docs[j]
            if lo <= d < hi:
                c += 1
        if c:
            counts[terms[i]] += c



@njit(cache=True, nogil=True)
def top_k_search(ptr, docs, tfs, bptr, blast, bmaxtf, bratio, tmaxtf, tratio, pdl, base, slots, idfs, dl, avgdl, k1, b,
                 omb, k1p1, delta, allowed, k, m, out_ids, out_scores, out_masks):
    """``top_k``'s two passes over one segment in one call (a compiled call from Python costs tens of
    microseconds, as much as a whole question on a small library)."""
    m = top_k(ptr, docs, tfs, bptr, blast, bmaxtf, bratio, tmaxtf, tratio, pdl, base, slots, idfs, dl, avgdl, k1, b,
              omb, k1p1, delta, allowed, k, m, out_ids, out_scores, out_masks, True)
    return top_k(ptr, docs, tfs, bptr, blast, bmaxtf, bratio, tmaxtf, tratio, pdl, base, slots, idfs, dl, avgdl, k1, b,
                 omb, k1p1, delta, allowed, k, m, out_ids, out_scores, out_masks, False)


@njit(cache=True, nogil=True)
def distinct(keys):
    """Group equal non-zero keys (object addresses): each key's group (0, 1, ... in order of first
    appearance) and where each group first appears. Open addressing with linear probing, keys kept in
    the table itself (one cache line a probe), doubled when half full: one pass, no sort (``np.unique``
    sorts, several times slower on a chunk of four million)."""
    n = keys.shape[0]
    bits = 12
    slots = np.zeros(1 << bits, dtype=np.int64)  # 0: empty
    groups = np.empty(1 << bits, dtype=np.int32)
    firsts = np.empty(16, dtype=np.int64)
    group = np.empty(n, dtype=np.int32)
    u = 0
    mask = (1 << bits) - 1
    for j in range(n):
        key = keys[j]
        s = ((key >> 4) * -7046029254386353131 >> (64 - bits)) & mask  # Fibonacci hashing; addresses are 16-aligned
        while slots[s] != 0 and slots[s] != key:
            s = (s + 1) & mask
        if slots[s] == key:
            group[j] = groups[s]
            continue
        if u == firsts.shape[0]:
            grown = np.empty(2 * u, dtype=np.int64)
            grown[:u] = firsts
            firsts = grown
        firsts[u] = j
        slots[s] = key
        groups[s] = u
        group[j] = u
        u += 1
        if 2 * u > (1 << bits):  # rehash into a table twice the size
            bits += 1
            mask = (1 << bits) - 1
            slots = np.zeros(1 << bits, dtype=np.int64)
            groups = np.empty(1 << bits, dtype=np.int32)
            for g in range(u):
                key2 = keys[firsts[g]]
                s = ((key2 >> 4) * -7046029254386353131 >> (64 - bits)) & mask
                while slots[s] != 0:
                    s = (s + 1) & mask
                slots[s] = key2
                groups[s] = g
    return group, firsts[:u].copy()
