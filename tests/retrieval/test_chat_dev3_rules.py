"""Chat phrasings found by the third fresh DEV set (issue 11, tests/data/chat_dev3/), each a class of
question, checked with sentences of their own through the real parser and answerer."""
from __future__ import annotations

import pytest

from retrieval.answerer import Answerer
from retrieval.load import load_article
from retrieval.question import parse_question

PIER = """\
title: Seafront pier to close for repairs
published: 2025-05-10
paragraphs:
  - The Victorian pier at Selcombe will close for eight months from June while its legs are replaced, the council said.
  - The pier's manager, Hetty Oduya, said the decking would be widened to twelve metres.
  - '"We are going to rebuild it properly, not patch it again," Oduya said.'
  - The stallholders' association said its members would lose a whole summer of trade.
comments:
  - author: SelcombeSue
    text: Going to miss the chips on the pier this summer.
"""


@pytest.fixture(scope="module")
def pier(tmp_path_factory):
    page = tmp_path_factory.mktemp("pier") / "pier.yaml"
    page.write_text(PIER, encoding="utf-8")
    return Answerer(load_article(page))


@pytest.mark.parametrize("typed", ["r there gonna be more closures", "is the council going to pay",
                                   "are they going to widen it"])
def test_going_to_before_a_verb_is_the_future_and_names_nothing(typed):
    assert "going" not in parse_question(typed).topic.split()


@pytest.mark.parametrize("typed, kept", [("is he going to the meeting", "going"),
                                         ("who is going to the pier", "pier")])
def test_going_to_a_place_is_still_asked_about(typed, kept):
    q = parse_question(typed)
    assert kept in (q.topic + " " + (q.subject or "")).split()


@pytest.mark.parametrize("typed, gone", [("how big is the pier gonna be", "big"), ("how wide is the decking", "wide"),
                                         ("how high is the sea wall", "high"), ("how deep is the water", "deep")])
def test_how_big_asks_for_a_measure_and_names_nothing(typed, gone):
    assert gone not in parse_question(typed).topic.split()


def test_a_measure_asked_with_how_big_finds_the_passage_giving_it(pier):
    assert pier.ask("how wide is the decking gonna be").passage_ids[0] == "p2"


@pytest.mark.parametrize("typed, subject, topic", [
    ("whats oduyas plan for the pier", "oduyas", "the pier"),
    ("oduyas plans for the decking", "oduyas", "the decking"),
    ("what is hettys idea for the summer", "hettys", "the summer"),
    ("whats the managers promise", "the managers", ""),
])
def test_a_speakers_plan_or_promise_is_what_they_said(typed, subject, topic):
    q = parse_question(typed)
    assert (q.kind, q.subject, q.topic) == ("what_said", subject, topic)


def test_a_speakers_plan_is_answered_from_their_words(pier):
    answer = pier.ask("whats oduyas plan for the pier")
    assert answer.speaker == "Hetty Oduya" and answer.passage_ids[0] in ("p2", "p3")


@pytest.mark.parametrize("typed", ["whats the plan", "whats the plan for the pier", "what is the issue with the pier"])
def test_a_view_word_after_a_bare_determiner_names_nobody(typed):
    q = parse_question(typed)
    assert q.kind == "search" and q.subject is None


CLUB = """\
title: Club sold
published: 2025-07-21
paragraphs:
  - Harbourside FC has been sold to businessman Clayton Reese, the club announced.
  - Outgoing chairman Geoffrey Lamb said selling had been "the most painful decision of my life".
  - '"It needs somebody with deeper pockets than mine," Lamb said.'
  - Coach Geoffrey Stokes said the squad needed two new strikers.
  - The English Football League said Reese had passed its owners' test.
  - The Health Workers Union said its members at the club would not be affected.
"""


@pytest.fixture(scope="module")
def club(tmp_path_factory):
    page = tmp_path_factory.mktemp("club") / "club.yaml"
    page.write_text(CLUB, encoding="utf-8")
    return Answerer(load_article(page))


@pytest.mark.parametrize("typed, speaker", [("what did geoff lamb say", "Geoffrey Lamb"),
                                            ("wat did geoff stokes say", "Geoffrey Stokes")])
def test_a_forename_cut_short_beside_the_surname_is_that_person(club, typed, speaker):
    answer = club.ask(typed)
    assert answer.speaker == speaker and "Geoffrey" in answer.lead


def test_a_forename_cut_short_alone_names_no_one(club):
    # two Geoffreys, and "geoff" alone is not read as either without the surname
    assert club.find_person("geoff") is None
    assert club.find_person("lam") is None  # a surname cut short is not a name


@pytest.mark.parametrize("typed, body", [("did the efl say anything", "English Football League"),
                                         ("what did hwu say", "Health Workers Union")])
def test_a_body_typed_by_its_initials_is_that_body(club, typed, body):
    answer = club.ask(typed)
    assert answer.speaker == body and not answer.no_answer


@pytest.mark.parametrize("typed", ["the man", "she", "the ef", "the hwx"])
def test_initials_are_read_only_as_the_one_body_they_spell(club, typed):
    assert club.find_person(typed) is None


@pytest.mark.parametrize("typed", ["wat did the old chairman say", "what did the former chairman say",
                                   "whats the outgoing chairman saying"])
def test_an_office_with_a_word_for_when_it_was_held_is_its_holder(club, typed):
    assert club.ask(typed).speaker == "Geoffrey Lamb"


TWO_CHAIRS = """\
title: Two chairmen
published: 2025-07-21
paragraphs:
  - Outgoing chairman Ruth Pell said the board had done its best.
  - Its new chairman, Omar Saleh, said the club would be run differently.
  - Ruth Pell's brother said little.
"""


def test_of_two_holders_the_one_introduced_in_that_sense(tmp_path):
    page = tmp_path / "chairs.yaml"
    page.write_text(TWO_CHAIRS, encoding="utf-8")
    bot = Answerer(load_article(page))
    assert bot.ask("what did the old chairman say").speaker == "Ruth Pell"
    assert bot.find_person("the ex chairman").name == "Ruth Pell"
    assert bot.find_person("the old coach") is None  # no coach at all: no one


def test_an_expert_is_whoever_the_story_introduces_with_the_field(tmp_path):
    page = tmp_path / "newts.yaml"
    page.write_text("""\
title: Homes approved
published: 2026-04-08
paragraphs:
  - Councillor Priya Nandra said the town needed the homes.
  - Ecologist Dr Helen Vasquez said the fields were home to great crested newts.
  - '"You cannot move a skylark," she said.'
""", encoding="utf-8")
    bot = Answerer(load_article(page))
    assert bot.ask("wat did the newt expert say").speaker == "Helen Vasquez"
    assert bot.ask("what did the tax expert say").no_answer  # nobody is introduced with tax


HOMES = """\
title: Homes approved
published: 2026-04-08
paragraphs:
  - Plans to build 1,200 homes on farmland at Thornbury Fields were approved on Tuesday night after a long and noisy meeting of the full council in the town hall.
  - The planning committee voted nine to four in favour of the scheme, which will include a primary school, a GP surgery, a new bus route into the town centre and 360 affordable homes.
  - Castlegate's chief executive, Marcus Ellery, said young families could not afford to live in the town.
comments:
  - author: Tom Askew
    text: 360 affordable out of 1,200. Affordable for who?
"""


def test_an_amount_asked_for_is_the_storys_to_state_before_a_short_comment(tmp_path):
    page = tmp_path / "homes.yaml"
    page.write_text(HOMES, encoding="utf-8")
    bot = Answerer(load_article(page))
    # the comment scores higher on "affordable" (it is short), the story states the number
    assert bot.index.search({"afford": 1.0}, k=1)[0].position == bot._first_segment["c1"]
    assert bot.ask("how many of them are affordable").passage_ids[0] == "p2"
    # a question asking for no time or amount still takes the best match
    assert bot.ask("affordable for who").passage_ids[0] == "c1"


STRIKE = """\
title: Nurses strike
published: 2026-02-11
paragraphs:
  - About 1,100 nurses at St Aldhelm's Hospital began a 48-hour strike on Wednesday.
  - The hospital said 340 outpatient appointments and 62 planned operations had been moved to later dates.
  - '"If you have not heard from us, your appointment is going ahead," the chief nurse said.'
  - Two hundred people joined the picket line.
comments:
  - author: Colin Barr
    text: My knee op was one of the 62. Third time it has been cancelled.
"""


def test_a_number_of_the_very_thing_counted_answers_how_many(tmp_path):
    page = tmp_path / "strike.yaml"
    page.write_text(STRIKE, encoding="utf-8")
    bot = Answerer(load_article(page))
    # the comment has the reader's verb and a number of nothing asked; the second paragraph a number of
    # appointments, though "moved to later dates"
    assert bot.ask("how many appointments got cancelled").passage_ids[0] == "p2"
    # "people" is what any count may be of: the reader's other words decide
    assert bot.ask("how many people got cancelled").passage_ids[0] == "c1"


AGES = """\
title: Bus routes cut
published: 2025-01-14
paragraphs:
  - Redvale Buses will withdraw 14 routes, the company said.
  - Pensioner Edna Whitworth, from Hepton Bridge, said she would be stuck without the 47.
  - Season ticket holder Terry Walsh, 71, said he had ridden the route since 1970.
  - Kieran Doyle, a 29-year-old nurse, said he would have to buy a car.
  - Driver Amira Haddad, 31, said the drivers had not been told.
"""


@pytest.fixture(scope="module")
def ages(tmp_path_factory):
    page = tmp_path_factory.mktemp("ages") / "ages.yaml"
    page.write_text(AGES, encoding="utf-8")
    return Answerer(load_article(page))


@pytest.mark.parametrize("typed, speaker", [
    ("wat did the old lady say", "Edna Whitworth"),  # a pensioner, and the one woman of the two old people
    ("what did the old man say", "Terry Walsh"),  # 71
    ("what did the young guy say", "Kieran Doyle"),  # a 29-year-old
    ("wat did the old guy say about 1970", "Terry Walsh"),
])
def test_a_person_described_by_age_is_the_one_the_story_gives_that_age(ages, typed, speaker):
    assert ages.ask(typed).speaker == speaker


def test_two_people_of_that_age_and_nothing_else_to_tell_them_apart_is_no_one(ages):
    assert ages.find_person("the old one") is None  # Edna Whitworth and Terry Walsh


def test_old_before_an_office_is_its_former_holder_not_the_oldest_person(tmp_path):
    page = tmp_path / "old.yaml"
    page.write_text("""\
title: Club sold
published: 2025-07-21
paragraphs:
  - Outgoing chairman Geoffrey Lamb said selling had been painful.
  - Season ticket holder Terry Walsh, 71, said he would believe the promises when he saw the new stand.
""", encoding="utf-8")
    bot = Answerer(load_article(page))
    assert bot.ask("wat did the old chairman say").speaker == "Geoffrey Lamb"
    assert bot.ask("wat did the old fan say").speaker == "Terry Walsh"


def test_the_cop_is_the_one_person_with_a_police_rank(tmp_path):
    page = tmp_path / "cop.yaml"
    page.write_text("""\
title: Hospital hacked
published: 2025-10-22
paragraphs:
  - Hackers stole the details of 90,000 patients, the trust said.
  - Detective Superintendent Carla Vance urged patients to be wary of phone calls asking for bank details.
  - Patient Graham Tully said he had heard about the attack on the radio.
""", encoding="utf-8")
    bot = Answerer(load_article(page))
    for typed in ("what did the cop say", "whats the police officer saying", "what did the police say"):
        assert bot.ask(typed).speaker == "Carla Vance", typed
    assert bot.find_person("the patient cop") is None  # words beyond a police officer's: not this rule


def test_two_police_officers_are_no_one_in_particular(tmp_path):
    page = tmp_path / "cops.yaml"
    page.write_text("""\
title: Panda escapes
published: 2025-06-03
paragraphs:
  - Inspector Rachel Obi said officers had received 60 calls.
  - Detective Sergeant Tom Pryor said one caller had reported a cat in a hat.
""", encoding="utf-8")
    assert Answerer(load_article(page)).find_person("the cop") is None


COURT = """\
title: Former mayor sentenced
published: 2021-06-09
paragraphs:
  - His attorney, Daniel Kessler, said his client would not appeal.
  - Acting U.S. Attorney Maria Gonzalez said the sentence sent a clear message.
  - Head coach Luis Ferreira said the club needed two new strikers.
"""


@pytest.mark.parametrize("typed, speaker", [("wat did the prosecutor say", "Maria Gonzalez"),
                                            ("what did the manager say", "Luis Ferreira"),
                                            ("whats the gaffer saying", "Luis Ferreira")])
def test_an_everyday_word_for_an_office_is_its_one_holder(tmp_path, typed, speaker):
    page = tmp_path / "court.yaml"
    page.write_text(COURT, encoding="utf-8")
    assert Answerer(load_article(page)).ask(typed).speaker == speaker


def test_an_everyday_word_two_people_fit_is_no_one(tmp_path):
    page = tmp_path / "two.yaml"
    page.write_text(COURT + "  - Jo Amis, the club's general manager, said tickets were sold out.\n"
                    + "  - Assistant coach Ray Bell said little.\n", encoding="utf-8")
    bot = Answerer(load_article(page))
    assert bot.find_person("the manager").name == "Jo Amis"  # the role itself comes first
    assert bot.find_person("the gaffer") is None  # a head coach and a manager: no one in particular


NEWTS = """\
title: Homes approved
published: 2026-04-08
paragraphs:
  - Plans to build 1,200 homes on farmland at Thornbury Fields were approved on Tuesday night after a long meeting.
  - Castlegate said it would create a 14-hectare nature park on the western edge of the site and move the newts to new ponds before any digging begins.
comments:
  - author: newt_watcher
    text: Moving newts to new ponds almost never works.
  - author: FieldMouse72
    text: The nature park is a fig leaf for a housing estate on the last green fields in this town.
"""


def test_the_story_reports_what_is_done_before_a_short_comment_on_it(tmp_path):
    page = tmp_path / "newts.yaml"
    page.write_text(NEWTS, encoding="utf-8")
    bot = Answerer(load_article(page))
    assert bot.index.search({"newt": 1.0}, k=1)[0].position == bot._first_segment["c1"]  # the comment scores higher
    assert bot.ask("what r they doing about the newts").passage_ids[0] == "p2"
    # a comment that holds more of the question than any paragraph still comes first
    assert bot.ask("is the nature park a fig leaf").passage_ids[0] == "c2"


def test_one_person_by_an_office_is_not_the_body_that_speaks_in_a_statement(tmp_path):
    page = tmp_path / "raac.yaml"
    page.write_text("""\
title: School closes classrooms
published: 2025-09-05
paragraphs:
  - Ashgrove Primary School will teach its 310 pupils in portable cabins for a term, the county council said.
  - The Department for Education said in a statement that it would fund the repairs in full.
  - A spokesman for the Department for Education said every school built with RAAC had been identified.
""", encoding="utf-8")
    bot = Answerer(load_article(page))
    answer = bot.ask("wat did the education secretary say")
    assert answer.no_answer and answer.speaker != "Department for Education"
    # the department itself, or its spokesman, is the department
    assert bot.ask("what did the education department say").speaker == "Department for Education"
    assert bot.ask("what did the education spokesman say").speaker == "Department for Education"


def test_who_asks_for_someone_before_a_passage_that_names_no_one(tmp_path):
    page = tmp_path / "lanes.yaml"
    page.write_text("""\
title: Council approves bike lanes
published: 2022-05-18
paragraphs:
  - The City Council voted 6-3 on Monday night to add protected bike lanes on Congress Street, a plan some business owners say will hurt trade.
  - Councilor Mark Dion, who voted against the plan, said the city had not consulted shop owners.
  - Cycling groups welcomed the vote.
""", encoding="utf-8")
    bot = Answerer(load_article(page))
    assert bot.index.search({"vote": 1.0}, k=1)[0].position == bot._first_segment["p3"]  # the short one scores best
    answer = bot.ask("who voted against it")
    assert (answer.speaker, answer.passage_ids[0]) == ("Mark Dion", "p2")
    # a question the story answers in its own words still gets them
    assert bot.ask("who welcomed the vote").passage_ids[0] == "p3"


def test_a_reply_matching_only_on_the_words_it_quotes_answers_the_comment_that_said_them(tmp_path):
    page = tmp_path / "buses.yaml"
    page.write_text("""\
title: Bus routes cut
published: 2025-01-14
paragraphs:
  - Redvale Buses will withdraw 14 routes across the valley from March.
comments:
  - author: J. Okonkwo
    text: Three passengers a trip is not a service, it's a taxi with a subsidy. Put on a minibus you can book instead.
  - author: Lynne_W
    reply_to: J. Okonkwo
    quoted: a minibus you can book
    text: And how does an 84 year old book a minibus?
""", encoding="utf-8")
    bot = Answerer(load_article(page))
    assert bot.ask("did anyone suggest minibuses").speaker == "J. Okonkwo"
    # the reply's own words are the reply's
    assert bot.ask("who asked how an 84 year old books a minibus").speaker == "Lynne_W"


def test_the_medic_is_the_one_doctor_by_any_name_of_the_office(tmp_path):
    page = tmp_path / "clinic.yaml"
    page.write_text("""\
title: Village surgery to close
published: 2025-03-01
paragraphs:
  - Dr Helen Okafor, the village's family physician, said she had been told on Monday.
  - Pharmacist Anil Desai said the pharmacy would stay open.
""", encoding="utf-8")
    bot = Answerer(load_article(page))
    assert bot.ask("what did the medic say").speaker == "Helen Okafor"
    assert bot.ask("whats the doc saying").speaker == "Helen Okafor"


def test_a_described_lady_is_never_a_man_whose_paragraph_has_the_word(tmp_path):
    page = tmp_path / "bakery.yaml"
    page.write_text("""\
title: Bakery sold
published: 2025-03-11
paragraphs:
  - Hobbs & Daughters, the bakery on the high street since 1935, has been sold to a national chain.
  - Councillor Dennis Moyo, who chairs the festival committee, said he was sad. "The bakery is the festival," he said.
  - Jane Oduya, who runs the cafe next door, said she would look for work.
""", encoding="utf-8")
    bot = Answerer(load_article(page))
    assert bot.find_person("the bakery guy").name == "Dennis Moyo"
    assert bot.find_person("the bakery lady") is None  # not Moyo, whose paragraph says it twice
