from __future__ import annotations

import pytest

from retrieval.question import MAX_QUESTION_CHARS, parse_question


@pytest.mark.parametrize("text, kind, subject, topic", [
    ("Who called US policies evil and stupid?", "who_said", None, "US policies evil and stupid"),
    ("who criticised Trump’s tweets", "who_said", None, "Trump’s tweets"),
    ("Which commenter mentioned Turkey?", "who_said", None, "Turkey"),
    ("What did Raj say about China?", "what_said", "Raj", "China"),
    ("What does cuban think of Iran?", "what_said", "cuban", "Iran"),
    ("What did the Pakistani defense minister say?", "what_said", "the Pakistani defense minister", ""),
    ("What did Trump tweet about?", "what_said", "Trump", ""),
    ("What was Raj's view on China?", "what_said", "Raj", "China"),
    ("Show me the comments by Meraj shahab", "what_said", "Meraj shahab", ""),
    ("what else did he say?", "what_said", "he", ""),
    ("Who is Ali Hatami?", "who_is", "Ali Hatami", "Ali Hatami"),
    ("What is the capital of France?", "search", None, "What is the capital of France"),
    ("Did anyone mention China?", "who_said", None, "China"),
])
def test_question_kinds(text, kind, subject, topic):
    q = parse_question(text)
    assert (q.kind, q.subject, q.topic) == (kind, subject, topic)


@pytest.mark.parametrize("text, facet", [
    ("What is the title of the article?", "title"),
    ("When was the article published?", "published"),
    ("How many comments are there?", "comments"),
    ("What is this article about?", "summary"),
    ("Who is quoted in the article?", "speakers"),
    ("Where can I read the article?", "source"),
])
def test_questions_about_the_article(text, facet):
    q = parse_question(text)
    assert (q.kind, q.facet) == ("article", facet)


@pytest.mark.parametrize("text, problem", [
    ("", "empty"), ("   ", "empty"), ("?!", "empty"), (None, "empty"),
    ("x" * (MAX_QUESTION_CHARS + 1), "too_long"),
    ("Who said?", "incomplete"), ("who said ", "incomplete"),
])
def test_empty_and_overlong_questions(text, problem):
    q = parse_question(text)
    assert (q.kind, q.problem) == ("invalid", problem)


def test_else_and_pronoun_subjects():
    q = parse_question("What else did she say about Iran?")
    assert q.else_ and q.subject_is_pronoun and q.topic == "Iran"
