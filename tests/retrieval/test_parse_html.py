"""Reading HTML pages written here in the markup of common publishing systems (never third-party pages)."""
from __future__ import annotations

import importlib
from datetime import date, datetime
from pathlib import Path

import pytest

from retrieval.answerer import Answerer
from retrieval.errors import ArticleFormatError
from retrieval.load import detect, load_article, read_article
from retrieval.parse_html import NO_ARTICLE, parse_html

PAGES = Path(__file__).parent / "pages"


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def test_trafilaturas_justext_fallback_imports_with_lxml_6():
    # lxml 6 moved lxml.html.clean out into lxml_html_clean; trafilatura's fallback path imports it.
    importlib.import_module("lxml_html_clean")
    importlib.import_module("lxml.html.clean")
    from lxml.html import fromstring
    from trafilatura.external import try_justext

    body = try_justext(fromstring(page("wordpress-harbour.html")), None, "en")  # the fallback itself, run
    assert "dredge the silted harbour channel" in " ".join(body.itertext())


def test_wordpress_page_paragraphs_metadata_and_threaded_comments():
    a = parse_html(page("wordpress-harbour.html"), "harbour.html", "https://lakeside-courier.example/?p=812")
    assert a.title == "Harbour dredging plan approved after long delay"
    assert a.published == date(2024, 5, 14)
    assert a.author == "Mara Quint"
    assert a.url == "https://lakeside-courier.example/2024/05/14/harbour-dredging-plan-approved/"  # canonical wins
    texts = [p.text for p in a.paragraphs]
    assert len(texts) == 5
    assert texts[0].startswith("The town council voted on Monday night")
    assert texts[1].startswith("“This is the day the harbour opens again,” said Councillor Ines Varga")
    assert texts[-1] == "The vote passed by nine votes to four. A public meeting about the timetable is planned for June."
    everything = "\n".join(texts)
    for chrome in ("Photo: Courier staff", "Share this", "Sea wall survey finds cracks", "Sign up now", "Posted in"):
        assert chrome not in everything
    assert [(c.author, c.posted, c.reply_to) for c in a.comments] == [
        ("Old Salt", datetime(2024, 5, 14, 9, 12), None),
        ("Harbour Watcher", datetime(2024, 5, 14, 10, 5), "Old Salt"),
        ("Greta L.", datetime(2024, 5, 15, 7, 40), None),
    ]
    assert a.comments[1].text == "Night work means nobody will sleep on the quay for three months.\n\nAsk the people who live there."
    assert "Reply" not in " ".join(c.text for c in a.comments)
    assert a.comment_count == 3
    assert [p.id for p in a.passages] == ["p1", "p2", "p3", "p4", "p5", "c1", "c2", "c3"]
    # Each passage knows the line of the page it starts on.
    lines = page("wordpress-harbour.html").splitlines()
    assert "The town council voted" in lines[a.passages[0].line - 1]
    assert 'id="comment-42"' in lines[a.comments[1].line - 1]


def test_arc_style_page_drops_share_bar_newsletter_related_links_caption_and_dateline():
    a = parse_html(page("arc-transit.html"), "transit.html")
    assert a.title == "City signs contract for electric buses"
    assert (a.published, a.author) == (date(2023, 11, 2), "Dev Okafor")
    texts = [p.text for p in a.paragraphs]
    assert len(texts) == 5 and texts[0].startswith("The city signed a contract on Thursday for 120 electric buses")
    assert texts[-1].startswith("The agency plans to test the first buses")
    joined = "\n".join(texts)
    for chrome in ("Sign up for Local Headlines", "Bus lanes on Fifth Avenue", "prototype bus at the Eastside",
                   "Gift Article", "November 2, 2023 at 2:45", "Terms of Service"):
        assert chrome not in joined
    assert a.comments == ()


def test_microdata_comments_in_a_legacy_charset_page():
    data = page("microdata-library.html").encode("iso-8859-1")  # the page says so in its <meta>
    loaded = read_article(data, "library.html")
    a = loaded.article
    assert loaded.format == "html"
    assert a.paragraphs[1].text.startswith("Head librarian Agnes Müller said")
    assert [(c.author, c.posted, c.reply_to, c.text) for c in a.comments] == [
        ("Pauline", datetime(2022, 2, 20, 18, 2), None, "Wonderful news for the children of the village."),
        ("Karl", datetime(2022, 2, 21, 7, 15), "Pauline", "Will the reading room be heated too, or only the desk?"),
    ]


def test_a_page_without_an_article_is_a_clear_error():
    with pytest.raises(ArticleFormatError) as err:
        parse_html(page("no-article.html"), "signin.html")
    assert err.value.reason == NO_ARTICLE == "I couldn't find an article on that page"


def test_load_tells_the_three_formats_apart_by_content(tmp_path):
    assert detect(page("arc-transit.html")) == "html"
    assert detect("title: Port strike\nparagraphs:\n  - words\n") == "yaml"
    assert detect("Port strike ends\nPublished: January 5, 2018\n\nWords.\n") == "text"
    odd_name = tmp_path / "story.txt"  # the name says text; the content is HTML
    odd_name.write_text(page("wordpress-harbour.html"), encoding="utf-8")
    assert load_article(odd_name).title == "Harbour dredging plan approved after long delay"


def test_answers_about_a_page_quote_its_speakers_and_commenters():
    answerer = Answerer(parse_html(page("wordpress-harbour.html"), "harbour.html"))
    answer = answerer.ask("Who said the harbour opens again?")
    assert answer.quotes[0].passage_id == "p2" and answer.speaker == "Ines Varga"
    answer = answerer.ask("What did Harbour Watcher say?")
    assert answer.quotes[0].passage_id == "c2"


def test_forum_style_comments_bylines_with_dates_and_no_reply_form():
    a = parse_html(page("forum-comments.html"), "forum.html")
    assert [(c.author, c.text) for c in a.comments] == [
        ("Woyzeck", "Good to see the sleepers back on this line."),  # the text box, not the byline around it
        ("Jamie Cassidy", "Will bikes be allowed on board?"),  # the name before its date
    ]  # and the "Leave a Reply" form is no comment
    assert len(a.paragraphs) == 3
