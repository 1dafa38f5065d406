"""The chat gold set (issue 11): questions typed the way people chat, answered by the real
``Answerer.ask`` over real articles. Scores a DEV split (misses shown, to work from) and a TEST split
(only its score is printed: its misses are never read), each held to a floor."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from retrieval.answerer import Answerer
from retrieval.load import load_article
from tests.conftest import SHIPPED
from tests.gold_scoring import speaker_miss

TESTS = Path(__file__).resolve().parent
GOLD = yaml.safe_load((TESTS / "gold" / "chat_questions.yaml").read_text(encoding="utf-8"))
# Fresh DEV material written after the first round of fixes (two new articles, tests/data/chat_dev/):
# always DEV, so tuning on the first DEV split's last misses is not the only evidence.
FRESH = yaml.safe_load((TESTS / "gold" / "chat_dev_questions.yaml").read_text(encoding="utf-8"))
# A second fresh DEV set (three more new articles, tests/data/chat_dev2/), written before the fixes it
# measures: always DEV too.
FRESH2 = yaml.safe_load((TESTS / "gold" / "chat_dev2_questions.yaml").read_text(encoding="utf-8"))
# A third fresh DEV set (three more new articles, tests/data/chat_dev3/: a housing row, a hospital strike, a
# football club takeover), written before the fixes it measures: always DEV too.
FRESH3 = yaml.safe_load((TESTS / "gold" / "chat_dev3_questions.yaml").read_text(encoding="utf-8"))
# A vocabulary DEV set (two more new articles, tests/data/chat_words/: a bakery sold, a village surgery's
# doctor resigning; 47 questions in the reader's own words for the article's words, with traps), written
# before the fixes it measures: always DEV too.
FRESH_WORDS = yaml.safe_load((TESTS / "gold" / "chat_words_questions.yaml").read_text(encoding="utf-8"))
# Chat-typed questions over the issue-7 unseen articles (tests/data/unseen/), written before they were run:
# always DEV.
FRESH_UNSEEN = yaml.safe_load((TESTS / "gold" / "chat_unseen_questions.yaml").read_text(encoding="utf-8"))
_KEYS = {"article", "q", "speaker", "passages", "no_answer", "lead"}
UNSEEN = "data/chat/"
# Floors: the scores this code reaches; a change may raise them, never lower them.
# Baseline before any change (1820c9b): DEV 18/40 = 45.0%, TEST 15/38 = 39.5%.
# With chat text, typos, names and WordNet bridges: DEV 38/40 = 95.0%, TEST 35/38 = 92.1%; with
# lemma-aware bridges, informal and misspelt roles, light words: DEV 38/40, TEST 34/38 = 89.5%.
# Fresh DEV (written then, 69 questions on two new articles): 56/69 before any change; handles and
# bare-forename possessives, "report" as a verb, "when"/"how many" take the passage stating a time or
# an amount: fresh DEV 60/69, DEV 38/40, TEST 35/38 = 92.1%; "how much money", a person described
# ("the guy who runs the water authority"): fresh DEV 64/69, DEV 38/40, TEST 35/38; more phrasings,
# spellings, scope-aware bridges, a group speaks where it is named, "who runs X": fresh DEV 64/69,
# DEV 39/40, TEST 35/38 = 92.1%.
# Fresh DEV2 (81 questions on three more new articles, tests/data/chat_dev2/), before any change: 47/81.
# "what time" / "how many times" ask for a kind of answer; a cue's verb needs the reader's other words; a
# light word the article has ("get") counts for little; "the hospital boss" is the one leading office
# introduced with that body; "the council lady" by a word her role is made from; "piece" is the article
# only as "this piece": fresh DEV2 53/81, DEV 39/40, fresh DEV 64/69, TEST 35/38 = 92.1%; "X of Ashcombe
# police said" is X, everyday person words are roles ("Pensioner X", "Patient X", "a lecturer at Y"):
# fresh DEV2 56/81, DEV 39/40, fresh DEV 64/69, TEST 35/38 = 92.1%; "whats X's excuse / explanation /
# concerns", "the mayor of leeds" is someone not quoted, "nobody"/"nothing" are not searched for:
# fresh DEV2 60/81, DEV 39/40, fresh DEV 64/69, TEST 35/38 = 92.1%; informal words ("cops", "ops"), "the
# cyber expert" by the role's other words, a count or a time from the story before a comment: fresh DEV2
# 63/81, DEV 39/40, fresh DEV 64/69, TEST 35/38 = 92.1%; a phrasal verb read as the article's phrasal
# verb of the same sense ("stay off" -> keep off): fresh DEV 65/69, fresh DEV2 63/81, DEV 39/40, TEST 35/38;
# "feel about it" names nothing, "people in the comments", "whats the source", "the vet" nobody here is:
# all splits unchanged (found on new questions of our own over the DEV articles); "who apologised" finds
# "sorry", "when does X reopen" finds "closed until": fresh DEV 66/69, fresh DEV2 65/81, DEV 39/40,
# TEST 35/38 = 92.1%; "how many people" asks for a count of people, not for the word: fresh DEV2 66/81,
# fresh DEV 66/69, DEV 39/40, TEST 35/38 = 92.1%.
# Chat over the unseen articles (42 questions, written then), before any change: 32/42. A "why" question
# takes the close passage that gives a reason, "how many X" the one that gives a number of X, "the museum
# boss" is the leader whose own role has "museum", a role naming its company by a short form
# ("Northline's chief executive") means the company's whole name ("the ferry ceo"), "whats the
# treasurers problem" is the treasurer's: 36/42; fresh DEV2 66 -> 67/81, DEV 39/40, fresh DEV 66/69,
# TEST 35/38 = 92.1%. A second batch (24 questions on glenmore-maternity.txt, written then): 21/24 before
# any change; "how far" takes the passage giving a distance, "how old" an age, "the government" is the one
# government department quoted where the article never says "government": unseen 59/66, TEST 35/38.
# Fresh DEV3 (92 questions on three more new articles, tests/data/chat_dev3/), before any change: 70/92 =
# 76.1% (an unseen figure: DEV 39/40, fresh DEV 66/69, fresh DEV2 67/81, TEST 35/38 = 92.1% then); 71/92 after
# other landings. "going to" is the future, "how big" a measure, a speaker's plan is what they said, a forename
# cut short ("geoff lamb"), a body's initials ("the efl"), "the old chairman" (outgoing), "the newt expert", an
# amount from the story before a short comment, a number of the very thing counted, people by age ("the old
# fan"), everyday words for an office ("the cop", "the prosecutor", "the manager"), the story before a short
# comment on the same words: fresh DEV3 83/92, fresh DEV2 68/81, DEV 39/40, TEST 35/38 = 92.1%. "the education
# secretary" is no department's statement, "who" before a passage naming no one, a reply matching only on
# what it quotes gives way to the comment it quotes, "the medic", "the bakery lady" never a man: fresh DEV2
# 71/81 (with others' landings; floor 0.82 -> 0.87), fresh DEV3 83/92, TEST 35/38 = 92.1%.
# A third batch (18 on observatory-floodlights.yaml, written then): 12/18 before any change; "who chairs
# the planning committee" is an office over it beside a title, "10.30pm" is a clock time, "Westmoor
# Rovers chairman" keeps its capital: unseen 72/84 (both earlier batches unchanged), TEST 35/38.
# A fourth batch (27 on five short articles of the attribution dev set, written then): 20/27 before any
# change; "the number of people ... 7.75 million" counts people, a speaker asked about the story's own
# subject ("the bike lanes") is answered by the words of it they use ("the lanes"), "who owns a bakery"
# is its owner: 23/27; all four batches 96/111 = 86.5%, TEST 35/38.
# A fifth batch (20 on a new article, tests/data/chat_unseen/ashgrove-school.txt, written then): 12/20
# before any change; two words the article writes as one ("head teacher" -> Headteacher), "whats raac"
# takes the passage saying what it is: 14/20 (one answer widened after the first run: "who found the
# concrete" is answered by "surveyors found crumbling concrete" too); all five batches 110/131, TEST 35/38.
# Fresh WORDS (47 questions on two new articles, tests/data/chat_words/, vocabulary), before any change:
# 34/47 = 72.3% (DEV 39/40, fresh DEV 66/69, fresh DEV2 68/81, fresh DEV3 82/92, unseen 112/131, TEST 35/38).
# A question's verb no passage has bridged (as a light slot) and by its converse ("who bought" -> sold), event
# families ("fired", "lose their jobs" -> redundant, losing his job): fresh WORDS 36/47 = 76.6%, fresh DEV2
# 68 -> 71/81, DEV 39/40, fresh DEV 66/69, fresh DEV3 83/92, unseen chat 115/131, TEST 35/38 = 92.1%.
# A name's possessive by the apostrophe alone ("Crustworks’ regional manager, Priya Sandhu, said") is no
# closing quotation: fresh WORDS 37 -> 40/47 = 85.1% (37 after other landings), all other splits unchanged.
MIN_FRESH_UNSEEN = 0.84
MIN_DEV = 0.97
MIN_TEST = 0.92
MIN_FRESH = 0.95
MIN_FRESH2 = 0.87
MIN_FRESH3 = 0.9
MIN_FRESH_WORDS = 0.85


def split(gold: list[dict]) -> tuple[list[dict], list[dict]]:
    """(dev, test), by the rule fixed before any run: unseen articles are TEST; of the rest, every
    third question in file order is TEST."""
    dev: list[dict] = []
    test: list[dict] = []
    seen = [g for g in gold if not g["article"].startswith(UNSEEN)]
    for i, item in enumerate(seen):
        (test if i % 3 == 2 else dev).append(item)
    test += [g for g in gold if g["article"].startswith(UNSEEN)]
    return dev, test


@lru_cache(maxsize=None)
def answerer_for(article: str) -> Answerer:
    return Answerer(load_article(SHIPPED if article == "shipped" else TESTS / article))


def miss(item: dict) -> str | None:
    """Why the answer is wrong, or None when it is right."""
    return speaker_miss(answerer_for(item["article"]).ask(item["q"]), item)


def test_gold_items_are_well_formed():
    for item in GOLD + FRESH + FRESH2 + FRESH3 + FRESH_WORDS + FRESH_UNSEEN:
        assert set(item) <= _KEYS, f"{item['q']}: unknown keys {set(item) - _KEYS}"
        assert item["article"] == "shipped" or (TESTS / item["article"]).is_file(), item
        assert item.get("no_answer") or item.get("passages") or item.get("lead"), item["q"]


def test_gold_set_is_big_enough():
    dev, test = split(GOLD)
    assert len(GOLD) >= 60 and len(test) >= len(GOLD) / 3
    assert sum(1 for g in test if g["article"].startswith(UNSEEN)) >= 15
    assert len(FRESH) >= 40 and not any(g["article"].startswith(UNSEEN) for g in FRESH)
    assert len(FRESH2) >= 60 and not any(g["article"].startswith(UNSEEN) for g in FRESH2)
    assert len(FRESH3) >= 80 and not any(g["article"].startswith(UNSEEN) for g in FRESH3)
    assert len(FRESH_WORDS) >= 40 and not any(g["article"].startswith(UNSEEN) for g in FRESH_WORDS)


def test_chat_gold_dev(score_report):
    dev, _ = split(GOLD)
    misses = [f"{g['q']}: {m}" for g in dev if (m := miss(g)) is not None]
    accuracy = 1 - len(misses) / len(dev)
    score_report(f"chat gold DEV: {len(dev) - len(misses)}/{len(dev)} = {accuracy:.1%}; misses: {misses}")
    assert accuracy >= MIN_DEV, misses


def test_chat_gold_fresh_dev(score_report):
    misses = [f"{g['q']}: {m}" for g in FRESH if (m := miss(g)) is not None]
    accuracy = 1 - len(misses) / len(FRESH)
    score_report(f"chat gold fresh DEV: {len(FRESH) - len(misses)}/{len(FRESH)} = {accuracy:.1%}; misses: {misses}")
    assert accuracy >= MIN_FRESH, misses


def test_chat_gold_fresh_dev2(score_report):
    misses = [f"{g['q']}: {m}" for g in FRESH2 if (m := miss(g)) is not None]
    accuracy = 1 - len(misses) / len(FRESH2)
    score_report(f"chat gold fresh DEV2: {len(FRESH2) - len(misses)}/{len(FRESH2)} = {accuracy:.1%}; misses: {misses}")
    assert accuracy >= MIN_FRESH2, misses


def test_chat_gold_fresh_dev3(score_report):
    misses = [f"{g['q']}: {m}" for g in FRESH3 if (m := miss(g)) is not None]
    accuracy = 1 - len(misses) / len(FRESH3)
    score_report(f"chat gold fresh DEV3: {len(FRESH3) - len(misses)}/{len(FRESH3)} = {accuracy:.1%}; misses: {misses}")
    assert accuracy >= MIN_FRESH3, misses


def test_chat_gold_fresh_words(score_report):
    misses = [f"{g['q']}: {m}" for g in FRESH_WORDS if (m := miss(g)) is not None]
    accuracy = 1 - len(misses) / len(FRESH_WORDS)
    score_report(f"chat gold fresh WORDS: {len(FRESH_WORDS) - len(misses)}/{len(FRESH_WORDS)} = {accuracy:.1%}; "
                 f"misses: {misses}")
    assert accuracy >= MIN_FRESH_WORDS, misses


def test_chat_gold_fresh_unseen(score_report):
    misses = [f"{g['q']}: {m}" for g in FRESH_UNSEEN if (m := miss(g)) is not None]
    accuracy = 1 - len(misses) / len(FRESH_UNSEEN)
    score_report(f"chat gold over the unseen articles (DEV): {len(FRESH_UNSEEN) - len(misses)}/{len(FRESH_UNSEEN)} = "
                 f"{accuracy:.1%}; misses: {misses}")
    assert accuracy >= MIN_FRESH_UNSEEN, misses


def test_chat_gold_test_score_only(score_report):
    _, test = split(GOLD)
    right = sum(1 for g in test if miss(g) is None)
    accuracy = right / len(test)
    score_report(f"chat gold TEST: {right}/{len(test)} = {accuracy:.1%}")  # the score only, never the misses
    assert accuracy >= MIN_TEST, f"TEST score {accuracy:.1%} under its floor"
