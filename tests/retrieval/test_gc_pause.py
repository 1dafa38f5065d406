"""The cyclic collector is paused while an article is built and given back as it was."""
from __future__ import annotations

import gc

import pytest

from retrieval.answerer import Answerer
from retrieval.gc_pause import collector_paused
from retrieval.load import load_article
from tests.conftest import SHIPPED


def test_paused_inside_and_on_again_after_even_on_an_error():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the outer one gives it back
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError
    assert gc.isenabled()


def test_a_collector_someone_else_turned_off_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_building_an_answerer_pauses_it_and_leaves_it_on():
    article = load_article(SHIPPED)
    seen = []
    gc.callbacks.append(cb := lambda phase, info: seen.append(phase))
    try:
        answerer = Answerer(article)
    finally:
        gc.callbacks.remove(cb)
    assert gc.isenabled()
    assert seen == ["start", "stop"]  # one collection, on leaving, whatever the article's size
    assert answerer.ask("Who is Ali Hatami?").quotes
