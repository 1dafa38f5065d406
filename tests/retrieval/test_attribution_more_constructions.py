"""Attribution constructions found missing on the real-news dev split after it was tuned (session of
2026-11-28, attr-dev3), each as a class of English news prose, tested on sentences written for the rule
(no page's text)."""
from __future__ import annotations

import pytest

from tests.retrieval.test_attribution_constructions import speaker_of

# ------------------------------------------------ an apposition the writer never closed before the verb


@pytest.mark.parametrize("sentence, speaker", [
    ("“The tide turned early,” Dana Wu, a researcher at the Vale Institute for Coasts, Rivers and Lakes told "
     "the Gazette.", "Dana Wu"),
    ("“We are ready,” Tom Barr, a lawyer for the families told reporters.", "Tom Barr"),
    ("“It will pass,” Ana Ruiz, the harbour master on Monday said.", "Ana Ruiz"),
])
def test_a_name_after_a_quotation_speaks_through_an_unclosed_apposition(sentence, speaker):
    assert speaker_of(sentence.split("“")[1].split(",”")[0], sentence) == speaker


def test_an_unclosed_relative_clause_is_not_read_as_a_description():
    # The clause's own subject is not the quotation's speaker: nothing is guessed.
    sentence = "“It will pass,” Ana Ruiz, a friend who knows the mayor said."
    assert speaker_of("It will pass", sentence) != "Ana Ruiz"
