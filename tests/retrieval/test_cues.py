"""The cue lexicon: every form, both spellings."""
from __future__ import annotations

import pytest

from retrieval.attribution.lexicon import INVERTIBLE, PHRASAL_FORMS, cue_base


@pytest.mark.parametrize("form, base", [
    ("said", "say"), ("says", "say"), ("told", "tell"), ("wrote", "write"), ("criticised", "criticize"),
    ("criticized", "criticize"), ("criticises", "criticize"), ("emphasised", "emphasize"), ("admitted", "admit"),
    ("quipped", "quip"), ("denied", "deny"), ("denies", "deny"), ("hailed", "hail"), ("welcomed", "welcome"),
    ("labelled", "label"), ("labeled", "label"), ("urged", "urge"), ("vowed", "vow"), ("tweeted", "tweet"),
    ("voiced", "voice"), ("accused", "accuse"), ("warns", "warn"), ("stressed", "stress"),
    ("underlined", "underline"), ("apologised", "apologize"),
])
def test_inflected_forms_map_to_their_base(form, base):
    assert cue_base(form) == base


@pytest.mark.parametrize("word", ["saying", "noting", "talks", "held", "met", "pointing", "admited", "sayed"])
def test_gerunds_and_non_cues_are_not_cues(word):
    assert cue_base(word) is None


def test_phrasal_and_inverted_cues():
    assert PHRASAL_FORMS["lashed"] == "lash" and PHRASAL_FORMS["hit"] == "hit"
    assert "say" in INVERTIBLE and "add" in INVERTIBLE and "tell" not in INVERTIBLE
