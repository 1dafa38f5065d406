"""Fuzzing the whole path with hypothesis: random articles (page text, YAML and HTML, well-formed and not),
settings and questions through the parser, the core, the renderer and the terminal view.

What must hold for every input: parsing either gives an article or one ArticleFormatError / SettingsError
(one line, naming the file); answering and rendering never raise; no example hangs (an alarm turns a hang
into a failure); no message can ping anyone.
"""
from __future__ import annotations

import re
import signal
from contextlib import contextmanager

import yaml
from hypothesis import HealthCheck, event, given, settings, strategies as st

from bot.render import render, to_messages, to_text
from bot.settings import KEYS, SettingsError, load_settings
from bot.terminal import to_terminal
from retrieval.answerer import Answerer
from retrieval.errors import ArticleFormatError
from retrieval.load import parse_article

FUZZ = settings(max_examples=int(__import__("os").environ.get("FUZZ_EXAMPLES", 40)), deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words and marks that matter to the parsers, the question reader, markdown and Discord.
WORDS = st.sampled_from([
    "the", "minister", "said", "says", "told", "Hatami", "Ali", "Raj", "Khan", "“", "”", '"', "'", ",", ".", "?", ":",
    "@everyone", "@here", "<@123456789012345678>", "**", "_", "`", "~~", "||", "#", "> ", "- ", "* ", "[click](https://evil.example)",
    "https://example.com/a_b", "\u200b", "\u202e", "\x1b[2J", "\t", "é", "ß", "İ", "日本", "🙂", "Published:", "Recommend",
    "Reader Comments (2)", "More in World", "•", "Jan 5, 2018 - 5:13PM", "2024-03-02", "who", "what", "did", "say", "about",
    "US", "policies", "evil", "stupid", "according to", "he", "she", "they",
])
SENTENCE = st.lists(WORDS, min_size=1, max_size=25).map(" ".join)
QUESTION = st.one_of(SENTENCE, st.text(max_size=80), st.sampled_from([
    "", "?", "Who said it?", "What did Hatamy say?", "Who is Ali Hatami?", "How many comments are there?",
    "what else did he say?", "x" * 400]))


@contextmanager
def no_hang(seconds: int = 20):
    def fail(*_):
        raise AssertionError(f"no answer within {seconds} s")

    old = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@st.composite
def page_articles(draw) -> str:
    lines = [draw(SENTENCE).replace("\n", " ") or "Title"]
    if draw(st.booleans()):
        lines.append("Published: January 5, 2018")
    for para in draw(st.lists(SENTENCE, min_size=1, max_size=6)):
        lines += ["", para]
    comments = draw(st.lists(st.tuples(SENTENCE, SENTENCE), max_size=4))
    if comments:
        lines += ["", f"Reader Comments ({len(comments)})"]
        for author, text in comments:
            lines += ["", f"  • {author.splitlines()[0][:30] or 'A'}", "    Jan 5, 2018 - 5:13PM", "", f"    {text}Recommend"]
    if draw(st.booleans()):
        lines += ["", "More in World"]
    return "\n".join(lines) + "\n"


@st.composite
def yaml_articles(draw) -> str:
    data = {"title": draw(SENTENCE), "paragraphs": draw(st.lists(SENTENCE, min_size=1, max_size=5))}
    if draw(st.booleans()):
        data["url"] = draw(st.sampled_from(["https://example.com/story", "javascript:alert(1)", None, ""]))
    comments = draw(st.lists(st.tuples(SENTENCE, SENTENCE, st.booleans()), max_size=4))
    if comments:
        data["comments"] = [{"author": a, "text": t, **({"reply_to": comments[0][0]} if r else {})}
                            for a, t, r in comments]
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if draw(st.booleans()):  # and sometimes broken: lines dropped, duplicated or cut
        lines = text.splitlines()
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "dup", "cut"]))
        lines = lines[:i] + ([] if action == "drop" else [lines[i]] * 2 if action == "dup" else [lines[i][: len(lines[i]) // 2]]) + lines[i + 1:]
        text = "\n".join(lines) + "\n"
    return text


@st.composite
def html_articles(draw) -> str:
    paras = "".join(f"<p>{p}</p>" for p in draw(st.lists(SENTENCE, min_size=1, max_size=6)))
    comments = "".join(f'<div class="comment"><span class="author">{a}</span><p>{t}</p></div>'
                       for a, t in draw(st.lists(st.tuples(SENTENCE, SENTENCE), max_size=3)))
    return (f"<!doctype html><html><head><title>{draw(SENTENCE)}</title></head><body><article><h1>{draw(SENTENCE)}"
            f"</h1>{paras}</article><section id=\"comments\">{comments}</section></body></html>")


ARTICLES = st.one_of(page_articles(), yaml_articles(), html_articles(), st.text(max_size=300))


def _check_message(text: str) -> None:
    assert not re.search(r"@(everyone|here)\b", text), text
    assert not re.search(r"<@[!&]?\d+>", text.replace("<@\u200b", "")) or "@\u200b" in text


@FUZZ
@given(ARTICLES, st.lists(QUESTION, min_size=1, max_size=3))
def test_any_article_and_questions_answer_or_fail_cleanly(text, questions):
    with no_hang():
        try:
            article = parse_article(text, "fuzz.txt")
        except ArticleFormatError as exc:
            assert str(exc).startswith("fuzz.txt") and "\n" not in str(exc)
            event("article refused")
            return
        event("article parsed")
        answerer = Answerer(article)
        last = None
        for question in questions:
            answer = answerer.ask(question, follow_up=last)
            last = answer
            rendered = render(answer, article)
            message = to_text(rendered)
            _check_message(message)
            for part in to_messages(rendered):
                assert len(part) <= 2000
                _check_message(part)
            shown = to_terminal(answer, article, bold=True, width=80)
            assert "\x1b[2J" not in shown and "\u202e" not in shown


SETTING_VALUES = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**20), st.floats(allow_nan=True),
                           st.text(max_size=20), st.lists(st.integers(), max_size=3),
                           st.dictionaries(st.text(max_size=5), st.integers(), max_size=2))


@FUZZ
@given(st.dictionaries(st.sampled_from([f"{s}.{k}" if s else k for s, keys in KEYS.items() for k in keys]
                                       + ["articles", "unknown", "token"]), SETTING_VALUES, max_size=5))
def test_any_settings_load_or_give_one_line(tmp_path_factory, values):
    data: dict = {"articles": {"a": {"path": "x.txt"}}}
    for dotted, value in values.items():
        section, _, key = dotted.rpartition(".")
        target = data.setdefault(section, {}) if section else data
        if isinstance(target, dict):
            target[key] = value
    path = tmp_path_factory.mktemp("settings") / "s.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with no_hang():
        try:
            load_settings(path)
        except SettingsError as exc:
            assert str(exc).startswith(str(path)) and "\n" not in str(exc) and len(str(exc)) < 400
