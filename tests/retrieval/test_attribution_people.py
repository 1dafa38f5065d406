"""People as sources: the constructions that link a cue to a person and resolve who that person is.
Every text here is written for its rule (no article's text); each case fails without its rule."""
from __future__ import annotations

import pytest

from retrieval.article import Article, Passage
from retrieval.attribution import attribute
from retrieval.load import parse_article


def cast_of(*paragraphs: str):
    text = "A story\n\nPublished: March 3, 2019\n\n" + "\n\n".join(paragraphs) + "\n"
    article = parse_article(text, "<snippet>")
    return article, attribute(article)


def speakers_of(*paragraphs: str) -> list[str | None]:
    article, cast = cast_of(*paragraphs)
    return [cast.speaker_of(p.id) for p in article.paragraphs]


def quoted_by(*paragraphs: str) -> list[tuple[str, str | None]]:
    """(words, speaker) of every quote span, in order."""
    article, cast = cast_of(*paragraphs)
    return [(q.text, q.speaker) for p in article.paragraphs for q in cast.quotes.get(p.id, ())]


# ---------------------------------------------------------------- linking: subject before the verb


@pytest.mark.parametrize("text, speaker", [
    # a suffix before the apposition's comma does not end the sentence
    ("Hector R. Vale Jr., the county prosecutor, said the charges would stand.", "Hector R. Vale Jr."),
    # a month or a year between the subject and its verb
    ("Mayor Lena Ortiz in October revealed plans to widen the bridge.", "Lena Ortiz"),
    ("Tomas Brek in 2018 promised a new stadium.", "Tomas Brek"),
    # a doubled consonant the lexicon used to miss
    ("Councillor Jo Pratt begged the board to keep the library open.", "Jo Pratt"),
    # appositions: "another ...", a possessive, a place after the state, a list joined by "and"
    ("Ravi Mehta, another passenger, said the train had stopped twice.", "Ravi Mehta"),
    ("Dale Ortner, Pratt's deputy, said the budget was tight.", "Dale Ortner"),
    ("Sen. Nora Blake, R-Idaho, said the vote was rushed.", "Nora Blake"),
    ("Lead author Lucas Moreno, a chemist at the Hale Institute in Greenbelt, Maryland, and Lyle University in "
     "Springfield, said in a statement the samples were clean.", "Lucas Moreno"),
    # a name closing the apposition before it is not the subject
    ("Prince Edwin, the younger brother of the heir to the throne, Charles, has reportedly told friends the "
     "visit went well.", "Edwin"),
    # an aside between dashes
    ("In Ohio, the Democratic candidate, Dana Wu — whose mother, also a judge, ran the court — promised to "
     "protect the park.", "Dana Wu"),
])
def test_the_subject_across_asides(text, speaker):
    assert speakers_of(text) == [speaker]


# ---------------------------------------------------------------- linking: the speaker after the verb


@pytest.mark.parametrize("text, speaker", [
    # an affiliation after a person's name is not part of the name; a lowercase description is a role
    ("“It is vital,” said planetary geologist Rosa Lomas of Kestrel's Deep Space Laboratory in Ohio.", "Rosa Lomas"),
    # a document noun before a role is a modifier: "study co-author"
    ("Rain falls everywhere, said study co-author Ana Sola, a research fellow.", "Ana Sola"),
    # a capitalised function word inside an organisation's name; the person after its possessive
    ("Cuts will come, said The We Bakery's recently named executive chair Marco Clara in an email.", "Marco Clara"),
])
def test_the_speaker_after_an_inverted_cue(text, speaker):
    assert speakers_of(text) == [speaker]


# ---------------------------------------------------------------- resolving roles


def test_an_abbreviated_title_is_the_office_and_two_holders_are_told_apart_by_who_was_just_named():
    assert speakers_of(
        "Gov. Eric Dunmore and Kentucky Gov. Matt Fenn met on Monday.",
        "Teachers did not see Dunmore at the rally.",
        "The governor said he was waiting for a pay commission.",
    ) == [None, None, "Eric Dunmore"]


def test_the_plain_title_is_its_plain_holder_not_the_president_of_a_bank():
    assert speakers_of(
        "President Mbeki met traders on Monday.",
        "Ola Williams, the president of the Federal Reserve Bank of Lagos, praised the talks.",
        "The president says his approach has worked.",
    ) == [None, "Ola Williams", "Mbeki"]


def test_two_holders_nobody_can_tell_apart_are_nobody():
    assert speakers_of(
        "Gov. Eric Dunmore and Gov. Matt Fenn met on Monday.",
        "The governor said the talks went well.",
    ) == [None, None]


# ---------------------------------------------------------------- nested attributions


def test_a_cue_inside_a_reported_clause_is_the_outer_speakers():
    spans = quoted_by("Rina Osei said in an email to the paper that her client never intended to harm anyone.",
                      "However, Ken Walsh said the call made him realize Pike and the mayor still believed the "
                      "deal was done.")
    assert [s for _, s in spans] == ["Rina Osei", "Ken Walsh"]


def test_a_second_clause_after_a_break_keeps_its_own_speaker():
    spans = quoted_by("Rina Osei said the fares were too high, but Ken Walsh hopes to freeze them.")
    assert [s for _, s in spans] == ["Rina Osei", "Ken Walsh"]


# ---------------------------------------------------------------- pronouns


def test_a_pronoun_means_the_speaker_earlier_in_its_paragraph_before_a_speaker_known_to_be_male():
    spans = quoted_by(
        "Omar Farooq said prices would rise.",
        "In a letter, Robin Ashe, the head of the growers' bureau, said farms were failing. He urged the minister "
        "to act, saying time was short.",
    )
    assert [s for _, s in spans] == ["Omar Farooq", "Robin Ashe", "Robin Ashe"]
    assert spans[2][0] == "He urged the minister to act, saying time was short."


def test_a_pronoun_means_the_one_person_named_before_it_in_its_paragraph():
    assert speakers_of(
        "When aides of President Okafor suggested a smaller deal, Mr. Okafor was not satisfied. In a long retelling, "
        "he said he had asked for more.") == ["Okafor"]


def test_a_person_named_inside_a_quotation_is_not_the_pronoun_s_antecedent():
    assert speakers_of(
        "Mary Ostrow said she would sing.",
        "Ostrow's son laughed at the memory. “It could have been easy for Mary Ostrow to coast,” she said.",
    ) == ["Mary Ostrow", "Mary Ostrow"]


# ---------------------------------------------------------------- names, places, colons


def test_a_surname_a_city_shares_is_the_person_once_the_article_names_them():
    assert speakers_of("Songwriters Carla Dent and Kate Paris came to the project early. “It is a different "
                       "muscle,” Paris said.") == ["Kate Paris"]


def test_a_colon_before_a_quotation_is_the_clause_subject_s_and_the_quotation_before_stays_with_its_speaker():
    assert quoted_by("“It is a different muscle,” Dent said. “You have to step back.” Lowe agreed: “It is "
                     "another job.”") == [("It is a different muscle,", "Dent"), ("You have to step back.", "Dent"),
                                         ("It is another job.", "Lowe")]


def test_a_colon_after_a_thing_is_nobody_s():
    assert speakers_of("The sign on the door read: “Closed for good.”") == [None]


# ---------------------------------------------------------------- roles named later


def test_a_role_written_first_is_the_person_named_later_with_that_office():
    article, cast = cast_of(
        "The old mill will become a museum, Norway's culture minister said on Tuesday.",
        "“It will never again stand empty,” Culture Minister Ida Brekke said.",
    )
    assert [cast.speaker_of(p.id) for p in article.paragraphs] == ["Ida Brekke", "Ida Brekke"]
    assert "Norway's culture minister" not in {p.name for p in cast.people}


def test_an_office_posted_to_a_country_is_the_person_named_with_it():
    assert speakers_of(
        "Chile's ambassador to Britain accused critics of meddling.",
        "Chile's ambassador to Britain Pablo Ruiz has said the talks will go on.",
    ) == ["Pablo Ruiz", "Pablo Ruiz"]


def test_a_role_in_another_country_is_not_the_person_named_later():
    assert speakers_of(
        "The bridge will close, Norway's culture minister said.",
        "Swedish Culture Minister Ida Brekke said she was surprised.",
    ) == ["Norway's culture minister", "Ida Brekke"]


# ---------------------------------------------------------------- reported speech beside a quotation


def test_reported_words_before_a_quotation_in_the_same_sentence_are_the_speaker_s():
    assert quoted_by("Lena Voss said that the army could be sent in, warning: “They are already there.”") == [
        ("They are already there.", "Lena Voss"), ("the army could be sent in", "Lena Voss")]


# ---------------------------------------------------------------- more cues and descriptions


def test_a_room_named_with_a_title_word_is_no_person_and_leaves_the_pronoun_to_the_person():
    article, cast = cast_of("When aides of President Okafor made an offer, Mr. Okafor was not satisfied. In a "
                            "retelling in the Cabinet Room, he said he wanted more.")
    assert cast.speaker_of("p1") == "Okafor"
    assert "Room" not in {p.name for p in cast.people}


def test_a_participle_joined_by_and_continues_the_participle_clause_before_it():
    assert speakers_of(
        "Mayor Ken Walsh spoke on Monday.",
        "He has brought drama to the talks, publicly threatening rivals with fines and suggesting he might walk "
        "away.") == ["Ken Walsh", "Ken Walsh"]


def test_a_person_described_with_a_nationality_is_the_one_speaking_just_before():
    assert speakers_of("Prince Edwin has told friends the interview went well.",
                       "In it, the British royal blankly denied any wrongdoing.") == ["Edwin", "Edwin"]


@pytest.mark.parametrize("verb", ["thought", "chided", "lambasted", "bemoaned", "speculated"])
def test_judgement_and_thought_verbs_are_cues(verb):
    assert speakers_of(f"Mayor Ken Walsh {verb} that the voters would reject the plan.") == ["Ken Walsh"]


# ---------------------------------------------------------------- offices under other words


@pytest.mark.parametrize("intro, later", [
    ("Prime Minister Ana Holt spoke on Monday.", "The Prime Minister said the plan was sound."),  # capitals
    ("Jane Ode, the chief executive officer of Acme, spoke.", "The CEO said the plan was sound."),  # initials
    ("Jane Ode, the Acme CEO, spoke.", "The Acme boss said the plan was sound."),  # a family's other head
    ("Union president Tom Reyes spoke.", "The union leader said the plan was sound."),
    ("Tom Reyes, president of the dock workers union, spoke.", "“We will strike,” the union leader said."),
])
def test_an_office_named_again_under_another_word_is_its_holder(intro, later):
    first = speakers_of(intro)[0]
    assert first is not None and speakers_of(intro, later) == [first, first]


def test_a_family_head_alone_says_too_little_to_name_anyone():
    assert speakers_of("Union president Tom Reyes spoke.", "The leader said the plan was sound.") == [
        "Tom Reyes", "the leader"]


# ---------------------------------------------------------------- party and state, brackets


@pytest.mark.parametrize("text, speaker", [
    ("House Speaker Mike Dorn, R-La., said the vote would go ahead.", "Mike Dorn"),
    ("Sen. Mark Rowe (R-Ohio) said the bill would pass.", "Mark Rowe"),
    ("Ode (pictured) said profits fell.", "Ode"),
])
def test_an_affiliation_after_the_name_is_passed_over(text, speaker):
    assert speakers_of(text) == [speaker]


def test_two_people_as_one_subject_are_neither():
    assert speakers_of("Tom Barr and Lina Ode said in a joint statement that talks were over.") == [None]


# ---------------------------------------------------------------- verbs that report only beside a quotation


@pytest.mark.parametrize("second", ["“Nobody can,” she continued.", "“Nobody can,” she went on.",
                                    "“Nobody can,” she laughed.", "She went on: “Nobody can.”"])
def test_continue_and_laugh_report_beside_a_quotation(second):
    assert speakers_of("“We cannot afford this,” Lina Park said.", second) == ["Lina Park", "Lina Park"]


def test_continue_away_from_a_quotation_reports_nothing():
    assert speakers_of("Lina Park said rents had doubled.", "The fighting continued into the night.") == [
        "Lina Park", None]


# ---------------------------------------------------------------- appositions after an inverted cue, places of origin


def test_a_name_in_apposition_after_an_inverted_role_is_the_speaker():
    assert speakers_of("Jane Ode said profits fell.", "“We will recover,” said her deputy, Tom Barr.") == [
        "Jane Ode", "Tom Barr"]


@pytest.mark.parametrize("text", ["Lee Sun, 45, of Dayton, said patients recover.",
                                  "Lee Sun, of Dayton, Ohio, said patients recover.",
                                  "Lee Sun, mother of three, said patients recover."])
def test_a_hometown_or_a_bare_description_after_the_name_is_passed_over(text):
    assert speakers_of(text) == ["Lee Sun"]


def test_a_plea_is_no_speech():
    assert speakers_of("Tom Barr, 55, of Dayton, pleaded guilty to fraud on Monday.") == [None]


# ---------------------------------------------------------------- a pronoun after a paragraph that quotes nobody


def test_a_pronoun_after_a_paragraph_quoting_nobody_means_the_one_person_it_names():
    assert speakers_of("Kim Aldo said the raid was legal.", "Police arrested Tom Barr on Monday.",
                       "He told officers he was innocent.") == ["Kim Aldo", None, "Tom Barr"]


def test_a_paragraph_that_carries_its_own_he_keeps_the_earlier_referent():
    assert speakers_of("Prince Edwin told the host he had no regrets.",
                       "During the visit, he was seen walking with Tom Barr.",
                       "He told the interviewer he had gone to end the friendship.") == ["Edwin", None, "Edwin"]


# ---------------------------------------------------------------- quoted by someone, inverted forms, parties


@pytest.mark.parametrize("text", ["The state news agency quoted Tom Barr as saying the deal was off.",
                                  "Tom Barr was cited as saying the deal was off."])
def test_the_person_quoted_as_saying_speaks(text):
    assert speakers_of(text) == ["Tom Barr"]


@pytest.mark.parametrize("text", ["The talks had failed, the port chief, Raj Kumar, insisted.",
                                  "Kumar, reached by phone on Monday, said the talks had failed.",
                                  "Kumar, when reached by phone, said the talks had failed.",
                                  "“We were bad,” acknowledged Kumar, 31."])
def test_more_asides_and_inversions(text):
    assert speakers_of(text)[0].endswith("Kumar")


def test_a_party_member_is_a_role_not_a_name_and_a_party_in_the_plural_is_a_group():
    assert speakers_of("Sen. Ann Lee, a Democrat, spoke.", "The Democrat said the plan was sound.") == [
        "Ann Lee", "Ann Lee"]
    assert speakers_of("Republicans said the plan was sound.") == [None]


def test_reported_words_before_the_source_in_a_quoting_sentence_are_the_speaker_s():
    assert quoted_by("Job cuts will come this week, said Marco Clara, adding: “It is painful.”") == [
        ("It is painful.", "Marco Clara"), ("Job cuts will come this week", "Marco Clara")]


# ---------------------------------------------------------------- British single quotes, Arabic particles


def test_single_quotation_marks_quote_and_an_apostrophe_does_not_close_them():
    assert quoted_by("‘We will not back down. Not now,’ said Maria Lopez, the head of the union.") == [
        ("We will not back down. Not now,", "Maria Lopez")]
    assert quoted_by("Tom Barr said the Joneses’ car was red.", "‘It was red. Very red.’") == [
        ("Tom Barr said the Joneses’ car was red.", "Tom Barr"), ("It was red. Very red.", "Tom Barr")]


def test_an_opening_single_mark_before_a_number_opens_nothing():
    assert speakers_of("Tom Barr, a fan of ‘90s music, said the band was back.") == ["Tom Barr"]


def test_a_particle_joined_by_a_hyphen_is_part_of_the_name_and_the_short_form_is_the_same_person():
    assert speakers_of("Syrian President Bashar al-Assad spoke on Monday.", "Assad said the war was over.") == [
        "Bashar al-Assad", "Bashar al-Assad"]


# ---------------------------------------------------------------- interview lines


def test_an_interview_line_is_its_speaker_s_to_the_end_of_the_paragraph():
    assert quoted_by("Jessie Barton: I loved the song. It was the one.", "Barton: Because it was home.") == [
        ("I loved the song.", "Jessie Barton"), ("It was the one.", "Jessie Barton"),
        ("Because it was home.", "Jessie Barton")]


@pytest.mark.parametrize("line", ["Brexit: what happens next", "LONDON: The talks failed.", "Q: Why now?"])
def test_a_heading_a_dateline_or_a_question_mark_is_no_interview_line(line):
    article = Article("A story", None, (Passage("p1", "paragraph", 1, line, 1),), "<lines>")
    assert attribute(article).speaker_of("p1") is None


def test_a_relative_clause_with_its_own_commas_runs_on_to_the_verb():
    assert speakers_of("Tom Barr, whose company, Acme, employs 500 people, said the plan was sound.") == ["Tom Barr"]


def test_a_dash_after_a_closed_quotation_names_its_speaker():
    assert quoted_by("“The plan is sound.” — Tom Barr, in a statement.") == [("The plan is sound.", "Tom Barr")]
