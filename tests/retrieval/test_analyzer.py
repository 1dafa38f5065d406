from __future__ import annotations

import pytest

from retrieval.analyzer import Analyzer, normalise


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer()


@pytest.mark.parametrize("a, b", [
    ("criticised", "criticized"),
    ("criticise", "criticizes"),
    ("destabilising", "destabilize"),
    ("utilise", "utilized"),
    ("defence", "defense"),
    ("analysed", "analyzing"),
    ("colour", "colors"),
    ("centre", "center"),
    ("said", "says"),
    ("told", "tell"),
    ("Iranian", "Iran"),
    ("Pakistan’s", "Pakistan's"),
    ("Americans", "US"),
    ("United States", "U.S."),
    ("tweets", "tweeted"),
])
def test_variants_meet(analyzer, a, b):
    assert analyzer.terms(a) == analyzer.terms(b) != []


def test_stopwords_dropped_but_us_the_country_kept(analyzer):
    assert analyzer.terms("What did they tell us about it?") == ["tell"]
    assert analyzer.terms("evil and stupid policies of the United States") == ["evil", "stupid", "polici", "usa"]
    assert analyzer.terms("US policies") == ["usa", "polici"]


def test_different_words_stay_apart(analyzer):
    assert analyzer.terms("Khan") != analyzer.terms("Khurram")
    assert analyzer.terms("promise") != analyzer.terms("premise")
    assert analyzer.terms("four hour") == ["four", "hour"]  # "-our" words that are not British spellings


def test_tokens_keep_spans_of_the_original_text(analyzer):
    text = "TEHRAN:\u00a0The “evil and stupid policies of the United States”"
    tokens = analyzer.tokens(text)
    assert [text[t.start:t.end] for t in tokens] == ["TEHRAN", "evil", "stupid", "policies", "United States"]
    assert tokens[-1].term == "usa"


def test_normalise_straightens_quotes_and_nbsp():
    assert normalise("“Trump’s”\u00a0tweets") == "\"Trump's\" tweets"


def test_empty_and_symbol_only_text(analyzer):
    assert analyzer.terms("") == []
    assert analyzer.terms("?!… – +") == []
