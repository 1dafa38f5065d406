"""Opening an article builds a few million small objects that all live as long as the article: its
tokens' products, mentions, attributions, quote spans, index postings. Python's cyclic collector,
counting those allocations, walks everything built so far again and again while they are made (at
40k passages, six full passes: a tenth of the opening, and a share that grows faster than the
article). None of it is garbage yet, so the collector is paused while an article is built, and the
young objects are collected once at the end: one pass over what was built, not one per threshold.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Build without the cyclic collector; on leaving, collect the young generations once. Nested or
    with the collector already off (by the caller or another thread), it leaves the collector alone."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect(1)
