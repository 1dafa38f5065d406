"""Each attribution stage on its own: its input, its value type, its rule. Short sentences written for
the rule (no article's text), so a stage can fail without the others."""
from __future__ import annotations

import pytest

from retrieval.article import Article, Passage
from retrieval.attribution import attribute
from retrieval.attribution.cues import find_cues
from retrieval.attribution.link import link
from retrieval.attribution.mentions import find_mentions
from retrieval.attribution.reading import Reading
from retrieval.attribution.resolve import resolve
from retrieval.attribution.tokens import tokenize
from retrieval.load import parse_article


def article_of(*paragraphs: str) -> Article:
    return Article("A story", None, tuple(Passage(f"p{n}", "paragraph", n, text, n)
                                          for n, text in enumerate(paragraphs, start=1)), "<stages>")


def read(*paragraphs: str):
    text = "A story\n\nPublished: March 3, 2019\n\n" + "\n\n".join(paragraphs) + "\n"
    article = parse_article(text, "<snippet>")
    return article, attribute(article)


# ---------------------------------------------------------------- 1. tokens


def test_tokens_know_their_sentence_and_whether_they_are_quoted():
    toks = tokenize("“We will win. We always do,” Lee said. Then he left.")
    words = {t.text: t for t in toks}
    assert words["win"].quoted and words["always"].quoted and not words["Lee"].quoted
    # A sentence end inside a quotation does not end the sentence: the quotation belongs to its cue.
    assert words["win"].sentence == words["said"].sentence == 0 and words["Then"].sentence == 1
    assert (words["Lee"].low, words["Lee"].is_capitalised, words[","].is_word) == ("lee", True, False)


@pytest.mark.parametrize("text", [
    "“Somebody ought to stop her,\" the office said. Then he left.",  # curly opened, straight closed
    "\"Somebody ought to stop her,” the office said. Then he left.",  # straight opened, curly closed
])
def test_a_quotation_opened_with_one_kind_of_mark_closes_with_the_other(text):
    words = {t.text: t for t in tokenize(text)}
    assert words["stop"].quoted and not words["office"].quoted and not words["said"].quoted
    assert words["said"].sentence == 0 and words["Then"].sentence == 1


def test_a_straight_quotation_inside_a_curly_one_stays_inside_it():
    words = {t.text: t for t in tokenize("“He said \"no\" to us, twice,” Lee said.")}
    assert words["no"].quoted and words["twice"].quoted and not words["Lee"].quoted


def test_a_prosecutors_office_said_after_mixed_quotation_marks_is_the_office_named_before():
    article = parse_article("A story\n\nPublished: March 3, 2019\n\n"
                            "Tom Barr pleaded guilty, the U.S. Attorney’s Office for the Western District of Ohio said.\n\n"
                            "Barr faces ten years.\n\n"
                            "“Somebody ought to put a bullet in her,\" the prosecutor’s office said.\n", "<snippet>")
    cast = attribute(article)
    assert cast.speaker_of(article.paragraphs[2].id) == "U.S. Attorney’s Office for the Western District of Ohio"


def test_a_company_abbreviation_ends_a_sentence_only_before_a_capital():
    toks = tokenize("Acme Corp. said fares rise. Shares of Apple Inc. The firm denied it.")
    words = {t.text: t for t in toks}
    assert words["Corp."].sentence == words["said"].sentence == 0
    assert words["Inc"].sentence == 1 and words["firm"].sentence == 2


# ---------------------------------------------------------------- 2. mentions


def test_mentions_register_people_with_their_roles_and_skip_places():
    article = article_of("Union leader Ahmed Shaikh met Dana Wu, an analyst at Fenwick, in Trump Tower.")
    r = Reading(article)
    p = article.passages[0]
    found = find_mentions(r, p, tokenize(p.text))
    names = [m.entry.name for m in found]
    assert names[:2] == ["Ahmed Shaikh", "Dana Wu"] and "Trump Tower" not in names
    shaikh, wu = found[0].entry, found[1].entry
    assert shaikh.roles == ["union leader"] and wu.roles == ["analyst at Fenwick"]
    assert found[0].subject and not found[1].subject


@pytest.mark.parametrize("text, role", [
    ("Dr Sam Whitlow, a lighting engineer who advised the reserve at Galloway, said lamps help.", "lighting engineer"),
    ("Ana Ruiz, an economist whose work on rents is cited widely, said prices will fall.", "economist"),
    ("According to Dr Amara Okoye, a curator of West African art at the National Museum, objects remain.",
     "curator of West African art at the National Museum"),
])
def test_an_apposition_is_the_role_up_to_its_relative_clause(text, role):
    article = article_of(text)
    r = Reading(article)
    p = article.passages[0]
    assert find_mentions(r, p, tokenize(p.text))[0].entry.roles == [role]


@pytest.mark.parametrize("text, roles", [
    # a relative clause that says what the person does is no role ...
    ("Maria Kettering, who lives by the stadium, said the vote is on Monday.", []),
    ("Maria Kettering, who voted against the plan, said the vote is on Monday.", []),
    # ... unless its verb leads a body: then it is the office over that body
    ("Maria Kettering, who chairs the planning committee, said the vote is on Monday.",
     ["chair of the planning committee"]),
])
def test_a_relative_clause_after_a_name_is_a_role_only_when_it_leads_a_body(text, roles):
    article = article_of(text)
    r = Reading(article)
    p = article.passages[0]
    assert find_mentions(r, p, tokenize(p.text))[0].entry.roles == roles


# ---------------------------------------------------------------- 3. cues


def cues(text: str):
    toks = tokenize(text)
    return [(c.text, c.kind) for c in find_cues(toks)]


@pytest.mark.parametrize("text, expected", [
    ("Lee slammed the plan.", [("slammed", "speech")]),
    ("Critics dubbed it a tax.", [("dubbed", "speech")]),
    ("Ortiz echoed the warning and derided the deal.", [("echoed", "speech"), ("derided", "speech")]),
    ("The ministry issued a statement saying talks had failed.",
     [("issued a statement", "speech"), ("saying", "speech")]),
    ("Hale sent an email praising the staff.", [("sent an email", "speech"), ("praising", "speech")]),
    ("Polls show the race is tight.", [("show", "evidence")]),
    ("The report found widespread fraud.", [("found", "evidence")]),
    ("Lopez wants to cut taxes.", [("wants", "intent")]),
    ("The union plans to strike.", [("plans", "intent")]),
    ("Mayor Bell chimed in.", [("chimed in", "speech")]),
    ("Lee agreed, pointing out that fares rose.", [("pointing out", "speech")]),
    ("“We will not pay.” — Ana Ruiz, union president", [("—", "speech")]),
    ("“We will not pay” — words that rang out — were heard.", []),
])
def test_cues_in_every_form_with_their_kind(text, expected):
    assert cues(text) == expected


@pytest.mark.parametrize("text", [
    "The United States is a large country.",  # a name, not "states"
    "He read the Post every day.",  # an outlet, not a verb
    "Media reports said nothing.",  # "reports" is the subject noun; "said" is the cue
    "Police released the suspect.",  # a light verb with no communication noun
    "The plans were shelved.",  # a noun after a determiner
])
def test_a_noun_is_never_a_cue(text):
    found = cues(text)
    assert all(t not in {"states", "Post", "reports", "released", "plans"} for t, _ in found)


# ---------------------------------------------------------------- 4. linking


def linked(text: str) -> list[str | None]:
    toks = tokenize(text)
    out = []
    for cue in find_cues(toks):
        lk = link(toks, cue, frozenset())
        out.append(None if lk is None or lk.phrase is None else lk.phrase.text)
    return out


@pytest.mark.parametrize("text, source", [
    ("Lee on Monday accused the board of lying.", "Lee"),  # a time adverbial between
    ("Carver did not respond to questions.", "Carver"),  # an auxiliary and a negation
    ("Dana Ortiz, who has led the union since the strike of 2019 and its long aftermath, said it was over.",
     "Dana Ortiz"),  # a long relative clause
    ("“It is over,” said Dana Wu, an analyst at Fenwick.", "Dana Wu"),
    ("The vote was rigged, according to Fox's Ed Ray.", "Ed Ray"),  # an outlet's possessive
    ("The leak was first reported by The Journal.", "Journal"),  # the passive with "by"
    ("Ana Li, The Tribune: “We saw it.”", "Ana Li"),  # a colon cue
    ("Senator Hale is urging calm.", "Hale"),  # a progressive
])
def test_each_cue_finds_its_source(text, source):
    assert any(found and found.split()[-len(source.split()):] == source.split() for found in linked(text))


def test_a_participle_shares_the_main_clause_source():
    article, cast = read("Governor Amy Hale vetoed the bill, saying it was rushed.")
    assert cast.speaker_of("p1") == "Amy Hale"
    article, cast = read("Insisting the video was real, Mark Doyle released it.")
    assert cast.speaker_of("p1") == "Mark Doyle"


def test_an_evidence_cue_names_the_documents_author_or_nobody():
    _, cast = read("A survey by the Pew Research Center found that trust fell.")
    a = cast.attributions["p1"][0]
    assert (a.speaker, a.kind) == ("Pew Research Center", "evidence")
    assert cast.speaker_of("p1") is None  # evidence is not speech: "who said" does not answer with it
    _, cast = read("Polls show the race is tight.")
    assert cast.attributions["p1"][0].speaker is None


# ---------------------------------------------------------------- 5. resolving


def test_resolve_names_pronouns_and_roles_in_order():
    article = article_of("Union president Maria Lopez called the offer an insult.",
                         "“We will strike,” she said.", "The union leader later softened her tone.")
    r = Reading(article)
    results = []
    for p in article.passages:
        toks = tokenize(p.text)
        find_mentions(r, p, toks)
        links = [lk for c in find_cues(toks) if (lk := link(toks, c, r.vocabulary))]
        results.append(resolve(r, p, toks, links))
    assert [f.entry.name for f in results[0]] == ["Maria Lopez"]
    assert (results[1][0].entry.name, results[1][0].resolved_by) == ("Maria Lopez", "pronoun")


def test_a_place_sharing_a_persons_name_is_not_that_person():
    _, cast = read("Donald Trump spoke at length.", "Trump Tower said in a statement that it was closed.")
    assert cast.speaker_of("p2") is None


# ---------------------------------------------------------------- 6. quote spans


def test_quote_spans_split_a_paragraph_between_its_speakers():
    text = "“Prices will fall,” said Dana Wu. But Carl Moss warned that rents would rise."
    article, cast = read(text)
    spans = cast.quotes["p1"]
    assert [(s.text, s.speaker) for s in spans] == [
        ("Prices will fall,", "Dana Wu"), ("But Carl Moss warned that rents would rise.", "Carl Moss")]
    assert all(text[s.start:s.end] == s.text for s in spans)
    assert cast.speaker_of("p1") == "Dana Wu"  # the paragraph's main speaker stays the first


def test_a_quotation_left_open_continues_into_the_next_paragraph():
    _, cast = read("“The first thing is jobs,” Mayor Ana Costa said. “The second is housing.",
                   "“And the third is schools,” she added, as Tom Reyes looked on.",
                   "“We start today.”")
    assert cast.speaker_of("p3") == "Ana Costa"
    assert cast.quotes["p1"][-1].text.startswith("The second")


def test_a_paragraph_with_its_own_cue_never_inherits_a_quotation():
    _, cast = read("“We will win,” said Ana Costa.", "“We will see,” Tom Reyes replied.")
    assert cast.speaker_of("p2") == "Tom Reyes"


@pytest.mark.parametrize("paragraphs, expected", [
    # an organisation named in apposition, then "it" and "the company"
    (["The group that owns her music, Big Machine, says she may play.", "“We never said no,” it says.",
      "The company says it was misquoted."], ["Big Machine", "Big Machine", "Big Machine"]),
    # a particular organisation nominal is reported as written
    (["China's commerce ministry said tariffs must go."], ["China's commerce ministry"]),
    # a place after a place inside the apposition; "X and his team"
    (["“Water is rare,” study lead author Lucas Paganini, a scientist at NASA in Greenbelt, Maryland, said.",
      "Paganini and his team wrote that the plumes are rare."], ["Lucas Paganini", "Lucas Paganini"]),
    # a name run led by a place
    (["China’s ambassador to Britain Liu Xiaming has said that China will act."], ["Liu Xiaming"]),
    # initials are a name; an aside after a comma
    (["Coach P.J. Fleck said Morgan has improved."], ["P.J. Fleck"]),
    (["Sheldon Richardson, via USA Today, said that Rudolph started it."], ["Sheldon Richardson"]),
    # two forms of one forename; a surname shared by two: the one speaking just now
    (["Joshua Apte, a professor, explained the smog.", "Josh Apte posted a chart.",
      "“It overflows,” Apte said."], ["Joshua Apte", "Joshua Apte", "Joshua Apte"]),
    (["Ana Costa criticised the plan.", "Luis Costa praised it.", "“It is fine,” Costa said."],
     ["Ana Costa", "Luis Costa", "Luis Costa"]),
    # a bare present form after a singular name is a noun: no cue
    (["In a Tumblr post she thanked fans."], [None]),
])
def test_general_rules_on_news_sentences(paragraphs, expected):
    article, cast = read(*paragraphs)
    assert [cast.speaker_of(p.id) for p in article.paragraphs] == expected


def test_a_title_of_one_gender_picks_the_surname_sharer_not_known_to_be_the_other():
    # "Ms Okafor": Ngozi's forename says nothing to the lexicon; Peter is "Mr Okafor"
    _, cast = read("Chief executive Ngozi Okafor said the route lost money.",
                   "Transport minister Peter Okafor said a subsidy was possible.",
                   "Mr Okafor said a decision would come before Christmas.",
                   "Ms Okafor said the timetable would be reviewed in March.")
    assert [cast.speaker_of(f"p{n}") for n in (1, 2, 3, 4)] == [
        "Ngozi Okafor", "Peter Okafor", "Peter Okafor", "Ngozi Okafor"]


def test_a_dateline_in_capitals_is_no_speaker():
    _, cast = read("SKERRA: Northline Ferries will run one sailing a day, the company said on Wednesday.")
    assert cast.speaker_of("p1") == "Northline Ferries"
    assert "SKERRA" not in {p.name for p in cast.people}


def test_a_described_person_is_the_one_speaking_just_before_or_nobody():
    _, cast = read("Michael Webb was arrested on Friday, police said.", "Webb said he was innocent.",
                   "The suspect said he needed to get dressed.")
    assert cast.speaker_of("p3") == "Michael Webb"
    _, cast = read("The suspect said he needed to get dressed.")
    assert cast.speaker_of("p1") is None
    # a club is an organisation, never its chairman who spoke just before
    _, cast = read("Rovers chairman Dave Kettering said the lights go off at 10.30pm.",
                   "The club says the stadium will bring 400 jobs.")
    assert cast.speaker_of("p2") != "Dave Kettering"


def test_a_participle_after_a_preposition_shares_the_subject():
    _, cast = read("Taylor Swift thanked fans after accusing the label of bullying.")
    assert [a.speaker for a in cast.attributions["p1"]] == ["Taylor Swift"]
    assert [q.speaker for q in cast.quotes["p1"]] == ["Taylor Swift"]


def test_a_middle_initial_does_not_end_the_sentence():
    toks = tokenize("Dr. Silvia S. Martins commented on the study.")
    assert {t.sentence for t in toks if t.is_word} == {0}
    _, cast = read("Senior author Dr. Silvia S. Martins, a professor, commented: “Use is rising.”")
    assert cast.speaker_of("p1") == "Silvia S. Martins"


def test_a_plural_common_noun_opening_a_sentence_is_no_person():
    _, cast = read("Critics, including opposition councillor Nils Berg, said the vote was rushed.")
    assert cast.speaker_of("p1") is None
    assert all(p.name != "Critics" for p in cast.people)
    berg = next(p for p in cast.people if p.name == "Nils Berg")
    assert berg.role == "opposition councillor"  # "including" is not part of the role
    _, cast = read("Williams said the vote was rushed.")  # a surname ending in s is still a name
    assert cast.speaker_of("p1") == "Williams"
