from __future__ import annotations

from datetime import date, datetime

import pytest

from retrieval.errors import ArticleFormatError
from retrieval.load import load_article, looks_like_yaml
from tests.conftest import DATA


def test_yaml_article_is_detected_and_parsed():
    a = load_article(DATA / "council-vote.yaml")
    assert a.title == "Council approves new bus lanes"
    assert a.published == date(2023, 6, 14)
    assert a.url == "https://news.example.org/2023/06/council-bus-lanes"
    assert [p.id for p in a.passages] == ["p1", "p2", "p3", "c1", "c2"]
    assert a.paragraphs[1].text.startswith("“Buses carry")
    assert a.paragraphs[1].line == 7
    reply = a.comments[1]
    assert (reply.author, reply.reply_to, reply.quoted) == ("Maria", "Dev", "Finally some common sense")
    assert reply.posted == datetime(2023, 6, 14, 9, 10)
    assert a.comment_count == 2


def test_format_is_detected_from_content_not_extension(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("title: Short one\nparagraphs:\n  - Only paragraph.\n", encoding="utf-8")
    assert load_article(path).paragraphs[0].text == "Only paragraph."
    assert not looks_like_yaml((DATA / "school-fees.txt").read_text(encoding="utf-8"))


@pytest.mark.parametrize("content, line, words", [
    ("title: T\n", 1, "missing the required key 'paragraphs'"),
    ("paragraphs: [a]\n", 1, "missing the required key 'title'"),
    ("title: T\nparagraphs: []\n", 2, "at least one paragraph"),
    ("title: T\nparagraphs: [a]\nauthor: me\n", 3, "unknown key 'author'"),
    ("title: T\nparagraphs: [a]\ncomments:\n  - text: hi\n", 4, "comment 1 is missing the required key 'author'"),
    ("title: T\nparagraphs: [a]\ncomments:\n  - author: A\n    text: hi\n    posted: later\n", 6, "'posted'"),
    ("title: T\npublished: soon\nparagraphs: [a]\n", 2, "'published' as a date"),
    ("title: T\nparagraphs:\n  - a\n  - [oops\n", 5, "not valid YAML"),
    ("title: T\nparagraphs: [a]\ncomments:\n  - author: A\n    quoted: x\n    text: y\n", 5, "no 'reply_to'"),
])
def test_bad_yaml_names_line_and_key(tmp_path, content, line, words):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ArticleFormatError) as info:
        load_article(path)
    assert info.value.line == line, str(info.value)
    assert words in str(info.value)
    assert str(info.value).startswith(f"{path}:{line}: ")
