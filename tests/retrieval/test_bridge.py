"""WordNet bridges: the article's words for a reader's words, weighed below the reader's own."""
from __future__ import annotations

import io
import json

from bot.cli import main
from retrieval.answerer import Answerer
from retrieval.bridge import wordnet
from retrieval.load import load_article
from retrieval.reader_words import BRIDGE_WEIGHT


def test_the_table_knows_lemmas_relations_and_words():
    wn = wordnet()
    assert wn.lemmas("dying") == ("dying", "die")  # irregular form; not also "dye"
    assert "stop" in wn.lemmas("stopped") and "family" in wn.lemmas("families")
    assert "telephone" in wn.related("phone")
    assert "death" in wn.related("dying")  # die -> death, a derivation
    assert wn.is_word("cost") and wn.is_word("costs") and not wn.is_word("hatamy")
    assert not wn.is_word("putin")  # proper nouns were left out of the table


def test_a_word_the_article_lacks_is_bridged_at_a_lower_weight(answerer):
    answer = answerer.ask("who was talking to hatami on the phone")
    assert answer.passage_ids[0] == "p2"  # "in a telephone conversation"
    assert ("phone", "telephone") in answer.bridges
    reading = answerer.reader.read("phone")
    assert dict(reading.slots[0].terms) == {"telephon": BRIDGE_WEIGHT}
    died = answerer.ask("Which countries did civilians die in?")
    assert died.passage_ids[0] == "p5" and ("die", "deaths") in died.bridges


def _article(tmp_path, *paragraphs: str) -> Answerer:
    body = "\n".join(f"  - '{p}'" for p in paragraphs)
    path = tmp_path / "a.yaml"
    path.write_text(f"title: Calls\npublished: 2024-01-02\nparagraphs:\n{body}\n", encoding="utf-8")
    return Answerer(load_article(path))


def test_a_passage_with_the_readers_own_word_is_never_outranked(tmp_path):
    a = _article(tmp_path, "The minister spoke by telephone with the mayor on Monday.",
                 "The mayor said the phone lines were down.", "Nobody mentioned the budget.")
    answer = a.ask("what about the phone")
    assert answer.passage_ids[0] == "p2" and answer.bridges == ()  # "phone" is there: nothing is bridged
    assert a.reader.read("phone").slots[0].terms == {"phone": 1.0}


def test_a_word_with_no_article_word_near_it_stays_unanswered(tmp_path):
    a = _article(tmp_path, "The minister spoke by telephone with the mayor on Monday.")
    assert a.ask("what about the volcano").no_answer


def test_ask_json_shows_each_bridge_and_correction():
    out = io.StringIO()
    main(["ask", "--json", "who was talking to hatammi on the phone"], stdin=io.StringIO(), stdout=out,
         stderr=io.StringIO())
    data = json.loads(out.getvalue())
    assert {"word": "phone", "article_word": "telephone"} in data["bridges"]
    assert {"typed": "hatammi", "read_as": "hatami"} in data["corrections"]


def test_light_words_the_article_lacks_are_not_looked_for(tmp_path):
    a = _article(tmp_path, "His lawyer said the former mayor would not appeal the sentence.")
    assert [s.word for s in a.reader.read("is he going to appeal").slots] == ["appeal"]
    assert a.ask("is he gonna appeal").passage_ids == ("p1",)


def test_an_article_word_in_another_form_is_found_through_its_lemma(tmp_path):
    a = _article(tmp_path, "The mayor said the lanes would make the street safer for everyone.")
    reading = a.reader.read("safe")
    assert ("safe", "safer") in reading.bridges and a.ask("what about safe streets").passage_ids == ("p1",)


def test_a_phrasal_verb_is_bridged_to_the_articles_one_word(tmp_path):
    a = _article(tmp_path, "The judge ordered the former mayor to repay the money.",
                 "The mayor said he would not appeal.")
    answer = a.ask("does he have to pay back the money")
    assert answer.passage_ids[0] == "p1" and ("pay back", "repay") in answer.bridges
    # where the article has the reader's own verb, nothing is bridged: "pay" outranks "repay"
    b = _article(tmp_path, "The judge ordered him to repay the money.", "He said he would pay the money.")
    assert b.ask("will he pay back the money").passage_ids[0] == "p2"
    assert wordnet().of_word.get("pay_back")  # phrasal verbs are in the table, joined by "_"


def test_function_words_the_article_lacks_are_neither_names_nor_typos(tmp_path):
    # WordNet holds no conjunctions or prepositions: "whether" is not a missing name, nor "weather".
    a = _article(tmp_path, "Is the councillor really no relation of the club chairman?",
                 "The weather on match nights was cold.")
    assert [s.word for s in a.reader.read("whether the councillor is really no relation").slots] == [
        "councillor", "really", "relation"]
    answer = a.ask("Who asked whether the councillor is really no relation?")
    assert not answer.no_answer and answer.passage_ids[0] == "p1"


def test_the_readers_word_spelt_apart_joined_or_in_digits_is_the_articles(tmp_path):
    a = _article(tmp_path, "The firefighters carried her out at three in the morning.",
                 "The council keeps approving houses on the flood plain.", "The fire spread to the plain.")
    for typed in ("who said the fire fighters carried her out", "who said the fire-fighters carried her out"):
        answer = a.ask(typed)
        assert answer.passage_ids[0] == "p1" and answer.corrections[0][1] == "firefighters"
    answer = a.ask("who said houses were approved on the floodplain")
    assert answer.passage_ids[0] == "p2" and ("floodplain", "flood plain") in answer.corrections
    assert ("3", "three") in a.reader.read("carried out at 3").corrections
    # a word the article has is never read otherwise
    assert a.reader.read("fire plain").corrections == ()


def test_a_word_the_article_has_also_finds_its_irregular_forms(tmp_path):
    # "choose" is in the article too (p2), but the answer is where the hill was "chose"n
    a = _article(tmp_path, "“We chose this hill in 1962 because it was dark,” the director said.",
                 "Nobody wants to choose between science and football.")
    assert a.reader.read("choose").slots[0].terms == {"choos": 1.0, "chose": BRIDGE_WEIGHT}
    assert a.ask("When did they choose the hill?").passage_ids[0] == "p1"
    assert a.ask("who has to choose").passage_ids[0] == "p2"  # the reader's own form still ranks first


def test_a_word_the_speakers_passages_lack_is_bridged_to_theirs(tmp_path):
    a = _article(tmp_path, "Gordon Okafor said the barrier was overwhelmed by three days of record rainfall.",
                 "More rain is forecast on Tuesday, officials said.")
    answer = a.ask("okafors take on the rain")
    assert (answer.speaker, answer.passage_ids) == ("Gordon Okafor", ("p1",)) and ("rain", "rainfall") in answer.bridges
    # searching every passage, the reader's own word wins and nothing is bridged
    answer = a.ask("any news on the rain")
    assert answer.passage_ids[0] == "p2" and answer.bridges == ()


def test_a_possessive_in_the_article_is_its_word_for_bridges(tmp_path):
    a = _article(tmp_path, "They have traded our children’s sleep for more flights, Neville Oduya said.")
    answer = a.ask("what did oduya say about kids")
    assert answer.passage_ids == ("p1",) and ("kids", "children") in answer.bridges


def test_a_question_verb_no_passage_has_is_bridged_and_never_required(tmp_path):
    a = _article(tmp_path, "The annual fair, which the bakery has hosted since 1962, was postponed.",
                 "The bakery has been sold to a national chain, the family said.",
                 "The chain confirmed the purchase in a statement.")
    answer = a.ask("who bought the bakery")  # "buy": its converse "sold", its synonym "purchase"
    assert answer.passage_ids[0] == "p2"
    assert ("bought", "sold") in answer.bridges and ("bought", "purchase") in answer.bridges
    own = _article(tmp_path, "The bakery has been sold to a chain.", "A chain bought the bakery, the family said.")
    assert own.ask("who bought the bakery").passage_ids[0] == "p2"  # the reader's own verb wins
    assert own.ask("who bought the bakery").bridges == ()


def test_converse_verbs_tell_the_same_event_from_the_other_side():
    from retrieval.bridge import converse_words
    assert "sell" in converse_words("bought") and "buy" in converse_words("selling")
    assert converse_words("criticised") == ()


def test_an_event_in_the_readers_words_finds_the_articles_words_of_its_family(tmp_path):
    from retrieval.bridge import family_matches
    assert [m.member for m in family_matches("could lose there jobs")] == ["lose job"]
    assert [m.member for m in family_matches("he was fired")] == ["fire"]
    a = _article(tmp_path, "Eight staff will be made redundant, and Colin Ashdown learned he was losing his job from a notice.",
                 "Colin Ashdown has worked in the kitchen for twenty years.", "The festival was postponed.")
    answer = a.ask("how did colin find out he was fired")
    assert answer.passage_ids[0] == "p1" and ("fired", "redundant") in answer.bridges
    own = _article(tmp_path, "Colin was fired on Monday.", "Eight staff will be made redundant.")
    assert own.ask("who was fired").passage_ids[0] == "p1"  # the reader's own word wins
    assert not a.ask("who was promoted").passage_ids[:1] == ("p1",)


def test_a_phrase_whose_words_the_article_has_apart_is_still_bridged_to_its_family(tmp_path):
    a = _article(tmp_path, "About 40 drivers faced redundancy, the union said.",
                 "The routes had been losing money, and new jobs will be created in the depot.")
    answer = a.ask("how many drivers could lose their jobs")
    assert answer.passage_ids[0] == "p1" and ("lose their jobs", "redundancy") in answer.bridges
    said = _article(tmp_path, "About 40 drivers could lose their jobs.", "Ten drivers faced redundancy last year.")
    assert said.ask("how many drivers could lose their jobs").passage_ids[0] == "p1"
    assert said.ask("how many drivers could lose their jobs").bridges == ()
