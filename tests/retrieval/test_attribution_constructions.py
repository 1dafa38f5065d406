"""Attribution constructions found missing on the fresh real-news dev split (dev2), each as a class of
English news prose, tested on sentences written for the rule (no page's text): who says a stretch of
words is the speaker of the quote span that overlaps it most, as bench/bench_attribution_real.py scores it."""
from __future__ import annotations

import pytest

from retrieval.article import Article, Passage
from retrieval.attribution import attribute
from retrieval.attribution.cues import find_cues
from retrieval.attribution.tokens import tokenize


def speaker_of(words: str, *paragraphs: str) -> str | None:
    """The speaker the core gives ``words`` (the quote span overlapping them most), or None."""
    passages = tuple(Passage(f"p{n}", "paragraph", n, text, n) for n, text in enumerate(paragraphs, start=1))
    cast = attribute(Article("Harbour cars", None, passages, "<constructions>"))
    for p in passages:
        at = p.text.find(words)
        if at < 0:
            continue
        end = at + len(words)
        best, overlap = None, 0
        for q in cast.quotes.get(p.id, ()):
            size = min(end, q.end) - max(at, q.start)
            if size > overlap:
                best, overlap = q.speaker, size
        return best
    raise AssertionError(f"{words!r} is in no paragraph")


def cue_words(sentence: str) -> list[str]:
    return [c.text for c in find_cues(tokenize(sentence))]


# ------------------------------------------------ an absolute clause: "with X suggesting that ..."


@pytest.mark.parametrize("sentence, speaker", [
    ("Charging is quick, with Harbour Motors suggesting that the Tern can fill up in ten minutes.", "Harbour Motors"),
    ("The vote passed on Monday, with Tom Barr warning that strikes would follow.", "Tom Barr"),
    ("Fares rose again, with Ana Ruiz also insisting that the ferry would stay open.", "Ana Ruiz"),
])
def test_the_noun_phrase_after_with_speaks_its_participle(sentence, speaker):
    claim = sentence.split("that ", 1)[1].rstrip(".")
    assert speaker_of(claim, sentence) == speaker


def test_with_and_a_participle_that_reports_nothing_is_no_cue():
    assert cue_words("She walked home with friends singing in the rain.") == []
    assert cue_words("The ferry left with Tom Barr waving from the deck.") == []


# ------------------------------------------------ an infinitive cue needs someone moved to speak


def test_an_infinitive_cue_after_a_prompting_verb_is_its_objects_words():
    text = "The flooding prompted Dana Wu to castigate the council over its harbour plan."
    assert speaker_of("the council over its harbour plan", text) == "Dana Wu"


@pytest.mark.parametrize("sentence", [
    "The new lamps allow the Tern Sportback to highlight markings on the road.",
    "Its sensors let the Harbour Tern to signal a turn early.",
    "The update is expected to say little about range.",
])
def test_an_infinitive_after_a_thing_is_no_cue(sentence):
    assert not any(c in {"highlight", "signal", "say"} for c in cue_words(sentence))


def test_a_parenthetical_cue_keeps_its_whole_sentence_when_an_infinitive_follows():
    text = "That, Harbour Motors says, allows the Tern Sportback to highlight markings on the road."
    assert speaker_of("highlight markings on the road", text) == "Harbour Motors"


# ------------------------------------------------ camel-case names: "iFixit", "eBay"


@pytest.mark.parametrize("sentence, words, speaker", [
    ("As iFixit points out in its teardown, the new keyboard is the old one.", "the new keyboard is the old one", "iFixit"),
    ("eBay said that fees would fall next year.", "fees would fall next year", "eBay"),
])
def test_a_camel_case_brand_is_a_name(sentence, words, speaker):
    assert speaker_of(words, sentence) == speaker


def test_camel_case_needs_a_lowercase_letter_after_the_capital():
    toks = {t.text: t for t in tokenize("The iOS update and the e-tron model and the iFixit guide.")}
    assert toks["iFixit"].is_capitalised
    assert not toks["iOS"].is_capitalised and not toks["e-tron"].is_capitalised


# ------------------------------------------------ "shared (with X) that ...": words passed on


@pytest.mark.parametrize("sentence", [
    "Harbour Motors engineer Fumio Tanabe shared with the Gazette that they have stiffened the frame.",
    "Harbour Motors engineer Fumio Tanabe shared that they have stiffened the frame.",
])
def test_shared_with_a_that_clause_is_a_cue(sentence):
    assert speaker_of("they have stiffened the frame", sentence) == "Fumio Tanabe"


@pytest.mark.parametrize("sentence", [
    "Fumio Tanabe shared a photo of the frame with the Gazette.",
    "They shared the cost with the city that year.",
])
def test_shared_without_a_that_clause_is_no_cue(sentence):
    assert not any(c.startswith("shared") for c in cue_words(sentence))


# ------------------------------------------------ a web address ends no sentence


def test_a_web_address_is_one_word_and_ends_no_sentence():
    toks = tokenize("Fumio Tanabe told Harbour.com that they have stiffened the frame. Then he left.")
    words = {t.text: t for t in toks}
    assert "Harbour.com" in words
    assert words["told"].sentence == words["frame"].sentence != words["Then"].sentence


def test_a_claim_told_to_a_website_is_its_speakers():
    text = "To make up for the roof, engineer Fumio Tanabe shared with Harbour.com that they stiffened the frame."
    assert speaker_of("they stiffened the frame", text) == "Fumio Tanabe"


# ------------------------------------------------ a cue-less quotation after a sentence about its speaker


@pytest.mark.parametrize("text, speaker", [
    ("The plan was drawn up by Victor Hale. Maria Okafor was blunt. “The fares will rise in the spring.”",
     "Maria Okafor"),
    ("Harbour master Tom Reyes has no doubts. “The ferries are safe and they will stay safe.”", "Tom Reyes"),
    ("Tom Reyes runs the harbour. He has no doubts. “The ferries are safe.”", "Tom Reyes"),
])
def test_a_quotation_with_no_cue_is_the_words_of_the_sentence_before_it(text, speaker):
    quotation = text.split("“", 1)[1].rstrip("”").rstrip(".")
    assert speaker_of(quotation, text) == speaker


@pytest.mark.parametrize("text", [
    "The ferry was late again on Monday. “Nobody cares about the islands.”",  # a thing is nobody
    "“Nobody cares about the islands.” Maria Okafor left the meeting early.",  # the quotation comes first
    # the sentence before quotes someone else: its cue's speaker, not its subject, goes on
    "Maria Okafor met the union. “We will not pay,” Tom Reyes said. “Nobody cares about the islands.”",
])
def test_a_quotation_after_a_sentence_about_a_thing_or_with_its_own_cue_is_not_given_to_its_subject(text):
    assert speaker_of("Nobody cares about the islands", text) in {None, "Tom Reyes"}
    assert speaker_of("Nobody cares about the islands", text) != "Maria Okafor"


# ------------------------------------------------ more cue forms: raising verbs, "made clear that", a statement's author


@pytest.mark.parametrize("sentence, words", [
    ("Lena Strand appeared to rule out a deal with the unions.", "a deal with the unions"),
    ("Lena Strand seemed to suggest that she would stay.", "she would stay"),
    ("Lena Strand went on to say that Sweden would act.", "Sweden would act"),
    ("Lena Strand made clear that Sweden would act.", "Sweden would act"),
    ("Lena Strand made it clear that Sweden would act.", "Sweden would act"),
])
def test_a_cue_after_a_raising_verb_or_made_clear_is_the_subjects(sentence, words):
    assert speaker_of(words, sentence) == "Lena Strand"


@pytest.mark.parametrize("sentence", [
    "The talks seemed to falter on Monday.",
    "Lena Strand is expected to say little at the summit.",
    "Lena Strand made a clear choice that day.",
    "Lena Strand went on to win the vote.",
])
def test_raising_verbs_and_make_without_a_cue_or_that_clause_are_no_cue(sentence):
    assert cue_words(sentence) == []


@pytest.mark.parametrize("sentence", [
    "According to a statement from Norland Energy, the plant will close next year.",
    "According to an email by Norland Energy, the plant will close next year.",
])
def test_according_to_a_statement_from_a_body_is_the_bodys_words(sentence):
    assert speaker_of("the plant will close next year", sentence) == "Norland Energy"


# ------------------------------------------------ a legislator's office under another word of its family


@pytest.mark.parametrize("title, later", [
    ("Rep.", "the congressman"), ("Rep.", "the lawmaker"), ("Sen.", "the lawmaker"), ("Sen.", "the senator"),
])
def test_a_bare_legislators_role_is_the_one_legislator_named(title, later):
    intro = f"{title} Alan Grier introduced the fares bill on Monday."
    assert speaker_of("It is long overdue", intro, f"“It is long overdue,” {later} said.") == "Alan Grier"


def test_a_bare_legislators_role_with_two_legislators_is_nobody():
    intro = "Sen. Alan Grier and Rep. Mia Cole introduced the fares bill on Monday."
    assert speaker_of("It is long overdue", intro, "“It is long overdue,” the lawmaker said.") is None


def test_a_bare_leaders_role_still_needs_its_other_words():
    intro = "Union president Ana Ruiz met ferry operators on Monday."
    assert speaker_of("We will strike", intro, "“We will strike,” the leader said.") != "Ana Ruiz"


# ------------------------------------------------ a party and state after a legislator's name ends no sentence


@pytest.mark.parametrize("sentence, speaker", [
    ("Sen. Lindsey Hale, R-S.C., said the inquiry was a sham.", "Lindsey Hale"),
    ("Sen. Lindsey Hale (R-S.C.) said the inquiry was a sham.", "Lindsey Hale"),
    ("House Speaker Nora Pell (D-Calif.) said Tuesday that the inquiry was a sham.", "Nora Pell"),
])
def test_a_party_and_state_tag_keeps_the_legislator_with_the_cue(sentence, speaker):
    assert speaker_of("the inquiry was a sham", sentence) == speaker


def test_a_party_and_state_tag_is_one_token_but_a_sentence_may_end_after_it():
    toks = tokenize("Nora Pell (D-Calif.) said so. She thanked Rep. Al Green, D-Texas. Then she left.")
    words = {t.text: t for t in toks}
    assert "D-Calif." in words and words["Pell"].sentence == words["said"].sentence
    assert words["Then"].sentence > words["Green"].sentence


# ------------------------------------------------ verbs that report words beside a quotation or before "that"


@pytest.mark.parametrize("sentence, words", [
    ("Tom Reyes met the union. “It is over,” Reyes agreed.", "It is over"),
    ("Tom Reyes agreed that the fares were too high.", "the fares were too high"),
    ("Tom Reyes reminded reporters that the fares were too high.", "the fares were too high"),
    ("Tom Reyes swore that he had never seen the letter.", "he had never seen the letter"),
    ("Tom Reyes met the union. “Get out,” Reyes snapped.", "Get out"),
    ("Tom Reyes elaborated on the plan, saying the fares would fall.", "the fares would fall"),
])
def test_verbs_that_report_beside_a_quotation_or_before_that(sentence, words):
    assert speaker_of(words, sentence) == "Tom Reyes"


@pytest.mark.parametrize("sentence", [
    "The two sides agreed to a deal on Monday.",
    "Tom Reyes snapped a photo of the ferry.",
    "The song reminded Tom Reyes of home.",
    "Tom Reyes cried at the funeral.",
])
def test_those_verbs_without_a_quotation_or_that_clause_are_no_cue(sentence):
    assert cue_words(sentence) == []


def test_a_quotation_closed_before_a_cue_with_a_colon_stays_with_the_speaker_before():
    text = ("“It is a different job,” Ana Ruiz said. “You have to step back.” Tom Reyes agreed: "
            "“It is wide open.”")
    assert speaker_of("You have to step back", text) == "Ana Ruiz"
    assert speaker_of("It is wide open", text) == "Tom Reyes"


# ------------------------------------------------ a page's loose spacing: "Saraki , said"


def test_a_comma_set_off_by_spaces_before_the_verb_is_spacing():
    text = "Senate President Bola Sarin , said the letters had been read ."
    assert speaker_of("the letters had been read", text) == "Bola Sarin"


def test_a_tight_comma_before_the_verb_still_names_nobody():
    assert speaker_of("the letters had been read", "Bola Sarin, said the letters had been read.") is None


def test_a_quotation_paragraph_after_a_paragraph_ending_on_its_speaker_is_theirs():
    words = "The fares will rise in the spring"
    assert speaker_of(words, "The plan was drawn up last spring. Maria Okafor was blunt.",
                      "“The fares will rise in the spring. Nobody wants this.”") == "Maria Okafor"


@pytest.mark.parametrize("before", [
    "The ferry was late again on Monday.",  # about a thing
    "Maria Okafor was blunt. The ferry was late again on Monday.",  # the last sentence is not about her
    "Maria Okafor met the union, whose members voted late on Monday night on a long list of motions about fares, ferries, wages and the harbour.",
])
def test_a_quotation_paragraph_after_a_paragraph_not_ending_on_a_person_is_nobodys(before):
    assert speaker_of("Nobody cares about the islands", before, "“Nobody cares about the islands.”") is None


# ------------------------------------------------ "says" is never a noun; a statement's author; ", who says"


@pytest.mark.parametrize("sentence, words", [
    ("Dana Whitfield says demand has doubled.", "demand has doubled"),
    ("Dana Whitfield insists calls for help have tripled.", "calls for help have tripled"),
])
def test_a_say_verb_before_a_noun_that_is_also_a_verb_is_still_a_cue(sentence, words):
    assert speaker_of(words, sentence) == "Dana Whitfield"


def test_a_plural_noun_before_a_verb_is_still_no_cue():
    assert cue_words("Media reports said the bank had closed.") == ["said"]
    assert speaker_of("the bank had closed", "Media reports said the bank had closed.") is None


@pytest.mark.parametrize("sentence, speaker", [
    ("Dana Whitfield runs the bank. Whitfield's post said demand had doubled.", "Dana Whitfield"),
    ("Norland Energy's statement said demand had doubled.", "Norland Energy"),
])
def test_a_statement_written_by_a_named_source_is_their_words(sentence, speaker):
    assert speaker_of("demand had doubled", sentence) == speaker


def test_a_relative_clause_cue_is_its_antecedents():
    text = "Volunteers met Dana Whitfield, who says demand has doubled."
    assert speaker_of("demand has doubled", text) == "Dana Whitfield"


# ------------------------------------------------ "as X put it", "in X's words", "in the words of X"


@pytest.mark.parametrize("sentence", [
    "As Omar Haddad put it, “We will not back down.”",
    "Omar Haddad put it bluntly: “We will not back down.”",
    "In Omar Haddad's words, “We will not back down.”",
    "In the words of Omar Haddad, “We will not back down.”",
])
def test_idioms_that_give_the_words_to_a_named_source(sentence):
    assert speaker_of("We will not back down", sentence) == "Omar Haddad"


@pytest.mark.parametrize("sentence", [
    "Omar Haddad put it on the table.",
    "He found the words in Omar Haddad's old notebook.",
])
def test_put_it_and_words_without_the_idiom_are_no_cue(sentence):
    assert cue_words(sentence) == []


# ------------------------------------------------ a role stated by a copula, or after an age


@pytest.mark.parametrize("intro", [
    "Omar Haddad is the mayor of Vale.",
    "Omar Haddad became mayor of Vale in 2019.",
    "Omar Haddad has been mayor of Vale since 2019.",
])
def test_a_role_stated_by_a_copula_is_the_persons(intro):
    assert speaker_of("The port stays open", intro, "“The port stays open,” the mayor said.") == "Omar Haddad"


def test_a_role_after_an_age_is_the_persons():
    intro = "Omar Haddad, 34, a teacher, joined the protest."
    assert speaker_of("The port stays open", intro, "“The port stays open,” the teacher said.") == "Omar Haddad"


@pytest.mark.parametrize("intro", [
    "Omar Haddad is the son of the mayor of Vale.",  # a relation, not his office
    "The mayor of Vale thanked Omar Haddad.",  # he is not the mayor
])
def test_a_copula_that_states_no_office_of_the_person_gives_none(intro):
    assert speaker_of("The port stays open", intro, "“The port stays open,” the mayor said.") != "Omar Haddad"
