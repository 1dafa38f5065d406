"""Reader phrasings of the question kinds, typed the way people chat (issue 11)."""
from __future__ import annotations

import pytest

from retrieval.question import parse_question


@pytest.mark.parametrize("typed, kind, subject, topic", [
    ("whats hatamis take on the US", "what_said", "hatamis", "the US"),
    ("what's Hatami's view on Israel?", "what_said", "Hatami", "Israel"),
    ("hatamis thoughts on economic growth", "what_said", "hatamis", "economic growth"),
    ("raj's position on china", "what_said", "raj", "china"),
    ("whats the union boss saying", "what_said", "the union boss", ""),
    ("what is Raj saying about China", "what_said", "Raj", "China"),
    ("what does raj think about china", "what_said", "raj", "china"),
    ("did hatami mention israel", "what_said", "hatami", "israel"),
    ("do u know what raj said about china", "what_said", "raj", "china"),
    ("so what did raj say", "what_said", "raj", ""),
    ("can u tell me who hatami is", "who_is", "hatami", "hatami"),
    ("ok but who is hatami again", "who_is", "hatami", "hatami"),
])
def test_what_someone_said_and_who_they_are(typed, kind, subject, topic):
    q = parse_question(typed)
    assert (q.kind, q.subject, q.topic) == (kind, subject, topic)


@pytest.mark.parametrize("typed, facet", [
    ("when was this published", "published"), ("when did this come out", "published"),
    ("when was it posted", "published"), ("how many ppl commented", "comments"),
    ("how many people left comments", "comments"), ("whats the headline", "title"),
    ("whats the article about", "summary"), ("whats this about", "summary"), ("summary pls", "summary"),
])
def test_this_is_the_article(typed, facet):
    q = parse_question(typed)
    assert (q.kind, q.facet) == ("article", facet)


@pytest.mark.parametrize("typed, topic", [
    ("did anyone mention china", "china"), ("anyone talk about the zionist regime??", "about the zionist regime"),
    ("anyone say anything about tehran", "about tehran"), ("did any1 mention roads", "roads"),
])
def test_did_anyone_mention_searches_and_says_who(typed, topic):
    q = parse_question(typed)
    assert (q.kind, q.subject, q.topic) == ("who_said", None, topic)


def test_the_progressive_who_question_and_comments_on():
    q = parse_question("who was talking to hatami on the phone")
    assert (q.kind, q.verb, q.topic) == ("who_said", None, "to hatami on the phone")
    q = parse_question("whos criticising trump")
    assert (q.kind, q.verb, q.topic) == ("who_said", "criticising", "trump")
    q = parse_question("any comments on china")
    assert (q.kind, q.scope, q.topic) == ("what_said", "comments", "china")
    assert parse_question("what r ppl saying about saudi arabia").scope == "comments"


def test_amount_words_are_not_searched_for():
    assert parse_question("how much has the strike cost so far").topic == "how has the strike cost"
    # the unit of the amount asked for is no word to find: the passage gives a sum ("£12 million")
    assert parse_question("how much money is the govt giving").topic == "how is the government giving"
    assert parse_question("how many pounds did it cost").topic == "how did it cost"
    assert parse_question("where did the money go").topic == "where did the money go"


def test_a_message_that_is_only_chat_is_empty():
    for typed in ("lol", "👍", "<@123456>", "@articlebot ??"):
        assert parse_question(typed).problem == "empty"


def test_report_as_a_verb_is_not_the_article():
    q = parse_question("when does the inquiry report")
    assert (q.kind, q.topic) == ("search", "when does the inquiry report")
    assert parse_question("when was the report published").facet == "published"
    assert parse_question("whats the link to this report").facet == "source"


@pytest.mark.parametrize("typed, kind, subject, topic", [
    ("anyone know what memon said", "what_said", "memon", ""),
    ("wat did tariq reckon", "what_said", "tariq", ""),
    ("what does memon reckon about the union", "what_said", "memon", "the union"),
    ("hows shaikh feel about the port trust", "what_said", "shaikh", "the port trust"),
    ("whats memon think about the union", "what_said", "memon", "the union"),
    ("memon said anything about the union?", "what_said", "memon", "the union"),
    ("where does memon stand on the union", "what_said", "memon", "the union"),
    ("whats memons problem with the union", "what_said", "memons", "the union"),
    ("what did siddiqui say re the wages", "what_said", "siddiqui", "the wages"),
    ("anything from the minister?", "what_said", "the minister", ""),
    ("what has memon been saying", "what_said", "memon", ""),
    ("whats imran j sayin", "what_said", "imran j", ""),
    ("what does the minister plan to do", "what_said", "the minister", ""),
    ("who tf is rashid memon", "who_is", "rashid memon", "rashid memon"),
    ("who even is nadia shaikh", "who_is", "nadia shaikh", "nadia shaikh"),
    ("whats the deal with demurrage", "search", None, "demurrage"),
    ("whats happening with the cranes", "search", None, "the cranes"),
    ("any news on the talks", "search", None, "the talks"),
    ("what happened at the east wharf", "search", None, "what happened at the east wharf"),
    ("whos against the union", "who_said", None, "the union"),
    ("who's in favour of paying the workers", "who_said", None, "paying the workers"),
])
def test_more_reader_phrasings(typed, kind, subject, topic):
    q = parse_question(typed)
    assert (q.kind, q.subject, q.topic) == (kind, subject, topic)


@pytest.mark.parametrize("typed, facet", [
    ("whens this from", "published"), ("how old is this", "published"), ("what happened", "summary"),
])
def test_more_ways_to_mean_the_article(typed, facet):
    assert (parse_question(typed).kind, parse_question(typed).facet) == ("article", facet)


@pytest.mark.parametrize("typed, kind, subject, verb", [
    ("what did becker call it", "what_said", "becker", "call"),
    ("what did olivers comment say", "what_said", "olivers", None),
    ("what did raj's post say", "what_said", "raj's", None),
    ("what did the comments say", "what_said", None, None),  # the crowd, not a commenter named "the"
    ("which paper reported it", "who_said", None, "reported"),
])
def test_a_writer_by_their_comment_an_object_pronoun_and_a_paper(typed, kind, subject, verb):
    q = parse_question(typed)
    assert (q.kind, q.subject, q.verb) == (kind, subject, verb)


@pytest.mark.parametrize("typed, kind, facet, subject, topic", [
    ("what does the article say about the barrier", "search", None, None, "the barrier"),
    ("does it say anything about the hospital", "search", None, None, "the hospital"),
    ("what does the story say", "article", "summary", None, ""),
    ("is okafor quoted", "what_said", None, "okafor", ""),
    ("is the hospital mentioned", "who_is", None, "the hospital", "the hospital"),
    ("is trump in this", "who_is", None, "trump", "trump"),
    ("who's quoted in this", "article", "speakers", None, ""),
    ("who wrote this", "article", "author", None, ""),
    ("who's the author", "article", "author", None, ""),
    ("where's this from", "article", "source", None, ""),
    ("link?", "article", "source", None, ""),
    ("what site is this from", "article", "source", None, ""),
])
def test_the_article_pointed_at(typed, kind, facet, subject, topic):
    q = parse_question(typed)
    assert (q.kind, q.facet, q.subject, q.topic) == (kind, facet, subject, topic)


def test_what_else_did_it_say_stays_a_follow_up():
    q = parse_question("what else did it say")
    assert (q.kind, q.subject, q.else_) == ("what_said", "it", True)


@pytest.mark.parametrize("typed, kind, subject", [
    ("hey bot who is hatami", "who_is", "hatami"), ("bot, who is hatami", "who_is", "hatami"),
    ("articlebot who is hatami", "who_is", "hatami"), ("quick q: what did raj say", "what_said", "raj"),
    ("question: what did raj say", "what_said", "raj"), ("so like what did raj say", "what_said", "raj"),
    ("ok so basically what did raj say", "what_said", "raj"), ("can someone tell me what hatami said", "what_said", "hatami"),
])
def test_the_bot_addressed_and_chat_openers(typed, kind, subject):
    q = parse_question(typed)
    assert (q.kind, q.subject) == (kind, subject)
    assert parse_question("botswana news").topic == "botswana news"  # only the whole word "bot"
