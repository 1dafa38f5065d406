"""Hostile and odd article files: each gets one error naming the file and line, or is read as meant.

Never a traceback, never unbounded memory or time: what is read is capped, YAML aliases and nesting are
bounded, and the misreadings (a YAML file taken for page text, a comment line taken for a new comment,
a null title, a javascript: link) are gone.
"""
from __future__ import annotations

import pytest

from retrieval.answerer import Answerer
from retrieval.errors import ArticleFormatError
from retrieval.load import MAX_PASSAGE_CHARS, MAX_TEXT_CHARS, load_article, parse_article

YAML_OK = "title: Harbour cranes idle\nparagraphs:\n  - The cranes stood idle, the harbour master said.\n"


def refused(tmp_path, content: str | bytes, name: str = "article.yaml") -> ArticleFormatError:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    with pytest.raises(ArticleFormatError) as info:
        load_article(path)
    message = str(info.value)
    assert message.startswith(str(path)) and "\n" not in message and len(message) < 300, message
    return info.value


# -- inputs that would exhaust memory or time -------------------------------------------------------------

def test_dev_zero_is_refused_after_reading_a_bounded_amount():
    with pytest.raises(ArticleFormatError, match="larger than"):
        load_article("/dev/zero")


def test_a_5_mb_paragraph_is_refused_at_once_with_the_limit():
    para = " ".join(f"The minister said policy {i} was evil and stupid." for i in range(100_000))
    with pytest.raises(ArticleFormatError, match=f"an article is at most {MAX_TEXT_CHARS:,}"):
        parse_article(f"Big\nPublished: January 5, 2018\n\n{para}\n", "big.txt")


def test_one_overlong_passage_is_refused_naming_its_line():
    para = "The minister said it was evil. " * (MAX_PASSAGE_CHARS // 30)
    with pytest.raises(ArticleFormatError) as info:
        parse_article(f"Big\nPublished: January 5, 2018\n\nShort one.\n\n{para}\n", "big.txt")
    assert info.value.line == 6 and "¶2 is" in str(info.value)


def test_a_long_paragraph_of_matching_sentences_is_excerpted_within_the_cap():
    para = " ".join(f"The minister said policy {i} was evil and stupid." for i in range(1500))
    answer = Answerer(parse_article(f"Long\nPublished: January 5, 2018\n\n{para}\n", "long.txt")).ask(
        "Who called the policies evil?")
    assert answer.quotes and len(answer.quotes[0].excerpt) <= 720
    assert answer.quotes[0].excerpt.startswith("The minister said policy 0 was evil")


def test_an_alias_bomb_is_refused_before_it_expands(tmp_path):
    anchor = "x" * 95_000
    text = (f"title: Bomb\nextra: &a {anchor}\nparagraphs:\n"
            + "".join("  - *a\n" for _ in range(5000)))
    error = refused(tmp_path, text)
    assert error.line == 4 and "aliases" in error.reason


def test_billion_laughs_in_an_article_is_refused(tmp_path):
    lines = ["title: Laughs", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 9)}]" for n in range(8)]
    lines += ["paragraphs: *i"]
    assert "aliases" in refused(tmp_path, "\n".join(lines) + "\n").reason


def test_a_few_aliases_are_still_fine(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("title: &t Cranes idle\nparagraphs:\n  - *t\n  - The harbour master said so.\n")
    assert [p.text for p in load_article(path).paragraphs] == ["Cranes idle", "The harbour master said so."]


def test_yaml_nested_5000_deep_is_refused(tmp_path):
    error = refused(tmp_path, "title: Deep\nparagraphs:\n  - " + "[" * 5000 + "]" * 5000 + "\n")
    assert error.line == 3 and "nested more than" in error.reason


@pytest.mark.parametrize("char", ["\x01", "\x07", "\x1b", "\x7f"])
def test_control_characters_in_yaml_name_the_line(tmp_path, char):
    error = refused(tmp_path, YAML_OK + f"  - Second{char} paragraph.\n")
    assert error.line == 4 and f"U+{ord(char):04X}" in error.reason


def test_nul_in_yaml_names_the_line(tmp_path):
    assert refused(tmp_path, YAML_OK + "  - Second\x00 paragraph.\n").line == 4


# -- misreadings --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("content,line,words", [
    ("headline: Cranes idle\nparagraphs:\n  - The cranes stood idle.\n", 1, "unknown key 'headline'"),
    ("# a comment first\ntitel: Cranes idle\nparagraphs: [x]\n", 2, "unknown key 'titel'"),
    ("- title: Cranes idle\n  paragraphs: [x]\n", 1, "expected the article as a mapping"),
    ("---\n- one\n- two\n", 2, "expected the article as a mapping"),
    ("title: ~\nparagraphs: [x]\n", 1, "expected 'title' as non-empty text, found null"),
    ("title: null\nparagraphs: [x]\n", 1, "found null"),
    ("title: Cranes\nparagraphs:\n  - ~\n", 3, "expected paragraph 1 as non-empty text, found null"),
    ("title: One\ntitle: Two\nparagraphs: [x]\n", 2, "the key 'title' appears twice"),
    ("title: T\nparagraphs: [x]\ncomments:\n  - author: A\n    text: hi\n    author: B\n", 6, "'author' appears twice"),
    ("title: T\nurl: javascript:alert(1)\nparagraphs: [x]\n", 2, "expected 'url' as an http(s) address"),
    ("title: T\nurl: 'data:text/html,hi'\nparagraphs: [x]\n", 2, "http(s) address"),
    ("title: T\nurl: https://example.com/a b\nparagraphs: [x]\n", 2, "http(s) address"),
])
def test_yaml_misreadings_are_refused_with_file_and_line(tmp_path, content, line, words):
    error = refused(tmp_path, content, name="article.txt")  # detected from content, whatever the name
    assert error.line == line and words in error.reason, str(error)


def test_a_null_url_is_no_url(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("title: T\nurl: null\nparagraphs: [x]\ncomments: ~\n")
    article = load_article(path)
    assert article.url is None and article.comments == ()


def test_a_page_title_with_a_colon_is_still_page_text(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("Exclusive: cranes idle at the harbour\nPublished: January 5, 2018\n\n"
                    "The cranes stood idle on Friday, the harbour master said.\n")
    article = load_article(path)
    assert article.title == "Exclusive: cranes idle at the harbour" and len(article.paragraphs) == 1


PAGE_WITH_LISTS = """Harbour cranes idle
Published: January 5, 2018

The cranes stood idle on Friday, the harbour master said.

Reader Comments (2)

  • Karachiwala
    Jan 5, 2018 - 3:10PM

    Three things must happen:
    - pay the workers
    * fix the cranes
    - open the gates. Recommend

  • Sana R
    Jan 5, 2018 - 4:22PM

    - Agreed with every point.Recommend

More in Business
"""


def test_comment_lines_starting_with_a_dash_or_star_stay_in_the_comment(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE_WITH_LISTS)
    article = load_article(path)
    assert [c.author for c in article.comments] == ["Karachiwala", "Sana R"]
    first = article.comments[0].text
    assert "- pay the workers" in first and "* fix the cranes" in first and first.endswith("open the gates.")
    assert article.comments[1].text == "- Agreed with every point."
    assert article.warnings == ()
