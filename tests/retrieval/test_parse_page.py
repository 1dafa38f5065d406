from __future__ import annotations

from datetime import date, datetime

import pytest

from retrieval.errors import ArticleFormatError
from retrieval.load import load_article, parse_article
from retrieval.parse_page import is_related_headline

from tests.conftest import DATA


def test_shipped_article_metadata(shipped):
    assert shipped.title == "Iran, Pakistan discuss defense ties amid US threats"
    assert shipped.published == date(2018, 1, 5)
    assert shipped.comment_count == 5
    assert shipped.section == "Pakistan"
    assert shipped.warnings == ()


def test_shipped_article_has_nine_story_paragraphs_in_order(shipped):
    paras = shipped.paragraphs
    assert [p.id for p in paras] == [f"p{n}" for n in range(1, 10)]
    assert [p.citation for p in paras][:2] == ["¶1", "¶2"]
    assert paras[0].text.startswith("TEHRAN:\u00a0The Iranian and Pakistani")  # NBSP kept for quoting
    assert paras[3].text.startswith("“The Americans always blame")  # curly quotes kept
    assert paras[8].text.startswith("Trump posted a series of tweets")
    assert paras[0].line == 6


def test_related_headlines_and_page_chrome_are_not_passages(shipped):
    texts = [p.text for p in shipped.passages]
    for outsider in ("Why Trump’s strategy on Pakistan may not work",
                     "Pakistan’s top civil-military leaders join heads over Trump’s tweet",
                     "Facebook Conversations", "More in Pakistan"):
        assert all(outsider not in t for t in texts)


def test_shipped_comments_authors_dates_and_recommend_label(shipped):
    comments = shipped.comments
    assert [c.author for c in comments] == ["Bahrooni Saazish", "cuban", "Raj", "Meraj shahab", "cuban"]
    assert [c.id for c in comments] == ["c1", "c2", "c3", "c4", "c5"]
    assert comments[0].posted == datetime(2018, 1, 5, 17, 13)
    assert comments[4].posted == datetime(2018, 1, 5, 23, 26)
    assert comments[0].text.endswith("But Iran of all nations?!")
    assert all("Recommend" not in c.text for c in comments)
    assert comments[4].citation == "comment #5"


def test_reply_records_whom_it_quotes_and_keeps_the_quote_apart(shipped):
    reply = shipped.comments[4]
    assert reply.reply_to == "Meraj shahab"
    assert reply.quoted == "Pakistan + Iran +Turkey are destined to form a military alliance within 1-3 years."
    assert reply.text.startswith("If you were Iran or Turkey")
    assert "destined" not in reply.text
    assert all(c.reply_to is None for c in shipped.comments[:4])


def test_second_article_quirks():
    a = load_article(DATA / "school-fees.txt")
    assert a.title == "Parents protest fee hike at city schools"  # leading blank line, extra spaces
    assert a.published == date(2021, 3, 3)
    # A paragraph wrapped over two lines is one passage; "Share" and both headlines are dropped,
    # including the one that ends with a question mark... only when it is a lone short line.
    texts = [p.text for p in a.paragraphs]
    assert texts[0].endswith("rise in private school fees. The protest lasted four hours.")
    assert "Fee regulator to review hike" not in " ".join(texts)
    assert texts[-1] == "Officials said the increase followed rising costs."
    # '*' bullets, a full month name, "pm" in lower case, multi-paragraph comment text.
    c = a.comments
    assert [x.author for x in c] == ["Omar", "Hina K.", "Zed"]
    assert c[0].text == "Fees are out of control.\n\nSomething must change."
    assert c[1].posted == datetime(2021, 3, 3, 22, 40)
    # A reply that quotes Omar's words keeps them apart from its own.
    assert (c[1].reply_to, c[1].quoted, c[1].text) == ("Omar", "Fees are out of control.",
                                                      "Agreed, and the regulator is asleep.")
    # "@Hina K.: nonsense..." addresses Hina but quotes nothing she wrote: the words are Zed's own.
    assert (c[2].reply_to, c[2].quoted, c[2].text) == ("Hina K.", None, "nonsense, costs went up for everyone")
    assert a.section == "Lahore"


def test_comment_count_mismatch_is_a_warning_not_an_error():
    a = load_article(DATA / "school-fees.txt")
    assert len(a.comments) == 3
    assert len(a.warnings) == 1
    assert "counts 4 comments but shows 3" in a.warnings[0]
    assert "school-fees.txt:" in a.warnings[0]


@pytest.mark.parametrize("line, headline", [
    ("Why Trump’s strategy on Pakistan may not work", True),
    ("Pakistan’s top civil-military leaders join heads over Trump’s tweet", True),
    ("Officials said the increase followed rising costs.", False),
    ("“We cannot pay this much,” said Sara Malik.", False),
])
def test_related_headline_rule(line, headline):
    assert is_related_headline(line) is headline


def _error(tmp_path, content: bytes | str, name: str = "bad.txt") -> ArticleFormatError:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(ArticleFormatError) as info:
        load_article(path)
    assert str(path) in str(info.value)
    return info.value


GOOD_HEAD = "A title\n\nPublished: May 1, 2020\n\nA paragraph that says something.\n\n"


@pytest.mark.parametrize("content, line, words", [
    ("", None, "empty"),
    ("   \n\n", None, "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", 3, "binary"),
    ("Title\n\nPublished: May 1, 2020\n\ncaf\xe9".encode("latin-1"), 5, "not UTF-8"),
    ("Published: May 1, 2020\n\nText.\n", 1, "title"),
    ("A title\n\nPublished: someday\n\nText.\n", 3, "expected a date"),
    ("A title\n\nPublished: May 1, 2020\n\nReader Comments (1)\n", 5, "paragraphs"),
    (GOOD_HEAD + "Reader Comments (1)\n\n  • Ann\n\n    Nice piece.\n", 11, "date line of the comment by 'Ann'"),
    (GOOD_HEAD + "Reader Comments (1)\n\n    Jan 5, 2018 - 5:13PM\n\n    Nice.\n", 9, "starting '• <author>'"),
    (GOOD_HEAD + "Reader Comments (1)\n\n  • Ann\n    Jan 5, 2018 - 5:13PM\n\n", 9, "has no text"),
])
def test_malformed_files_name_the_line_and_what_was_expected(tmp_path, content, line, words):
    err = _error(tmp_path, content)
    assert err.line == line
    assert words in str(err)
    if line is not None:
        assert f"bad.txt:{line}:" in str(err)


def test_missing_file_and_folder_are_clear_errors(tmp_path):
    with pytest.raises(ArticleFormatError, match="no such file"):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleFormatError, match="folder"):
        load_article(tmp_path)


def test_missing_published_line_is_a_warning():
    a = parse_article("A title\n\nSome paragraph here.\n", "x.txt")
    assert a.published is None
    assert a.paragraphs[0].text == "Some paragraph here."
    assert any("Published" in w for w in a.warnings)


@pytest.mark.parametrize("header", [
    "By Priti Desai, Business Reporter\n\nPublished: November 6, 2025\n",
    "Published: November 6, 2025\n\nBy Priti Desai\n",
])
def test_a_byline_before_or_after_the_date_names_the_author_and_is_not_story(header):
    text = f"Norland profits slide\n\n{header}\n\nBy the close, shares in Norland had fallen 7%.\n\nMore in Business\n"
    article = parse_article(text, "norland.txt")
    assert (article.author, article.published, article.warnings) == ("Priti Desai", date(2025, 11, 6), ())
    assert [p.text for p in article.paragraphs] == ["By the close, shares in Norland had fallen 7%."]


def test_a_page_without_a_byline_has_no_author(shipped):
    assert shipped.author is None
