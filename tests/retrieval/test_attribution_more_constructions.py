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


# ------------------------------------------------ a described person named in apposition: "The suspect, X,"


@pytest.mark.parametrize("intro", [
    "The suspect, Michael Webb, was convicted last Thursday.",
    "Michael Webb, the suspect, was convicted last Thursday.",
])
def test_the_described_person_is_the_one_the_article_set_beside_that_noun(intro):
    paragraphs = (intro, "Officers found the girl in a hotel, Ana Ruiz said.", "The suspect said he needed to get dressed.")
    assert speaker_of("he needed to get dressed", *paragraphs) == "Michael Webb"


def test_two_people_set_beside_the_same_noun_leave_it_unresolved():
    paragraphs = ("The suspect, Michael Webb, was convicted.", "A second suspect, Carl Dunn, was freed.",
                  "The river rose overnight.", "The suspect said he needed to get dressed.")
    assert speaker_of("he needed to get dressed", *paragraphs) is None


def test_a_noun_beside_a_name_inside_a_longer_phrase_binds_nothing():
    # "the lawyer for the suspect, Michael Webb," sets the name beside "the lawyer for the suspect".
    paragraphs = ("Ana Ruiz, the lawyer for the suspect, Michael Webb, spoke first.", "The river rose overnight.",
                  "The suspect said he needed to get dressed.")
    assert speaker_of("he needed to get dressed", *paragraphs) is None


# ------------------------------------------------ "took to / turned to" a platform "to" speak


@pytest.mark.parametrize("sentence, speaker", [
    ("Mayor Ana Ruiz turned to Twitter last month to describe the harbour as a “disgrace.”", "Ana Ruiz"),
    ("Tom Barr took to social media to slam the council over the ferry fares.", "Tom Barr"),
    ("Harbour Motors took to the airwaves on Monday to deny the recall.", "Harbour Motors"),
])
def test_taking_to_a_platform_passes_the_subject_to_the_infinitive_cue(sentence, speaker):
    claim = sentence.split(" to ")[-1].rstrip(".")
    assert speaker_of(claim, sentence) == speaker


def test_turning_to_anything_else_passes_no_subject():
    sentence = "Ana Ruiz turned to the page to describe the plan."
    assert speaker_of("the plan", sentence) is None


# ------------------------------------------------ "introduced / views / regards X as “...”"


@pytest.mark.parametrize("sentence, words, speaker", [
    ("Dana Wu introduced Tom Barr to the crowd as “the man who saved our harbour.”", "the man who saved our harbour", "Dana Wu"),
    ("Harbour Motors views the old ferry as “a piece of our history” and keeps it running.", "a piece of our history",
     "Harbour Motors"),
    ("Ana Ruiz regards the plan as a “disgrace.”", "disgrace", "Ana Ruiz"),
])
def test_a_verb_that_casts_its_object_as_a_quotation_reports_it(sentence, words, speaker):
    assert speaker_of(words, sentence) == speaker


@pytest.mark.parametrize("sentence", [
    "Ana Ruiz introduced a bill on Monday.",
    "Tom Barr views the bay as a gift from his father.",
    "Dana Wu regards the ferry with suspicion.",
])
def test_those_verbs_without_a_quotation_after_as_are_no_cue(sentence):
    from retrieval.attribution.cues import find_cues
    from retrieval.attribution.tokens import tokenize
    assert find_cues(tokenize(sentence)) == ()


# ------------------------------------------------ a name in apposition behind lowercase words that describe it


@pytest.mark.parametrize("sentence, speaker", [
    ("That chairman, property developer Victor Hale, said the fee was “a statement of intent”.", "Victor Hale"),
    ("Its coach, former striker Tom Barr, said the club was “ready to fight”.", "Tom Barr"),
    ("The group that owns the club, investment firm Harbour Capital, said it was “a statement of intent”.",
     "Harbour Capital"),
])
def test_a_described_name_in_apposition_to_a_nominal_speaks(sentence, speaker):
    quoted = sentence.split("“")[1].split("”")[0]
    assert speaker_of(quoted, sentence) == speaker


def test_lowercase_words_before_a_name_that_are_not_a_description_name_no_one():
    # A clause, not a description, sits between the nominal and the name: nothing is guessed from it.
    sentence = "The chairman, who met Victor Hale, said the fee was “a statement of intent”."
    assert speaker_of("a statement of intent", sentence) != "Victor Hale"


def test_the_nominal_before_a_described_name_is_that_persons_office():
    # "That chairman, property developer Victor Hale," makes him the chairman a later "the chairman" means,
    # though the sentence in between speaks of the trust's chair.
    paragraphs = ("That chairman, property developer Victor Hale, said the fee was “a statement”.",
                  "The trust's chair, Imogen Carr, said fans were “paying more”.",
                  "The chairman said “nobody in our academy is leaving”.")
    assert speaker_of("nobody in our academy is leaving", *paragraphs) == "Victor Hale"


# ------------------------------------------------ "the analyst" is the named one, not "an analyst" who asked


def test_the_role_is_the_named_holder_before_an_unnamed_one_of_that_office():
    from retrieval.article import Article, Passage
    from retrieval.attribution import attribute, find_person

    texts = ("Asked by an analyst whether the dividend was safe, Rob Kettering said the board had “no intention” of cutting it.",
             "Retail analyst Jonathan Pike said the results were “hard to read”.")
    passages = tuple(Passage(f"p{n}", "paragraph", n, t, n) for n, t in enumerate(texts, start=1))
    cast = attribute(Article("Results", None, passages, "<constructions>"))
    assert find_person(cast, "the analyst").name == "Jonathan Pike"
    assert find_person(cast, "the retail analyst").name == "Jonathan Pike"
