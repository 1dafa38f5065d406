"""A construction grid for attribution: the grammar of attribution in English news, crossed systematically
rather than sampled from any one article's misses.

Three grids, each case a short article we compose from templates with invented people:

- ``ORDERS``: every source form (full name, title + name, lowercase role + name, apposition, relative
  clause, organisation, government, outlet, an unnamed spokesperson for an organisation) in every word
  order news uses ("X said", "said X", "“...,” X said", "according to X", "..., saying", "X: “...”", ...);
- ``LATER``: a source named again later (surname alone, a role of the same family, a pronoun in the next
  sentence or paragraph, an organisation's "it"), in the word orders a later mention takes;
- ``VERBS``: every cue verb of the lexicon in every inflection and both spellings, plus light-verb cues.

Each case asserts who says one stretch of words (scored as ``bench/bench_attribution_real.py`` scores
a gold span: the speaker of the quote span overlapping it most, else the paragraph's speaker), and that
a person named in the same paragraph who says nothing is not given those words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from retrieval.article import Article, Passage
from retrieval.attribution import attribute

# ----------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Case:
    id: str
    paragraphs: tuple[str, ...]
    target: int  # index of the paragraph holding the words
    words: str  # the words whose speaker is asked
    speaker: tuple[str, ...]  # acceptable names of the speaker
    distractor: str  # named in the target paragraph, says nothing


_DROP = frozenset("""
the mr mrs ms dr sen rep gov prof president senator union harbour master spokesperson spokesman spokeswoman jr mayor
""".split())


def _key(name: str) -> tuple[str, ...]:
    words = re.findall(r"[a-z]+", name.lower())
    return tuple(w for w in words if w not in _DROP) or tuple(words)


def _same(expected: str, predicted: str | None) -> bool:
    return predicted is not None and _key(expected) == _key(predicted)


def speaker_of(case: Case) -> str | None:
    """The speaker the core gives ``case.words``: the quote span overlapping them most, else (when the
    paragraph has no quote spans) the paragraph's speaker."""
    passages = tuple(Passage(f"p{n}", "paragraph", n, text, n) for n, text in enumerate(case.paragraphs, start=1))
    cast = attribute(Article("Harbour fares", None, passages, "<grid>"))
    p = passages[case.target]
    start = p.text.index(case.words)
    end = start + len(case.words)
    spans = cast.quotes.get(p.id, ())
    if not spans:
        return cast.speaker_of(p.id)
    best = max(spans, key=lambda q: min(end, q.end) - max(start, q.start))
    return best.speaker if min(end, best.end) - max(start, best.start) > 0 else None


def check(case: Case) -> None:
    got = speaker_of(case)
    assert not _same(case.distractor, got), f"{case.distractor!r}, who says nothing, was given the words"
    assert any(_same(s, got) for s in case.speaker), f"speaker {got!r}, expected {case.speaker[0]!r}"


# ----------------------------------------------------------------------------- sources and word orders

DISTRACTOR = "Victor Hale"
BEFORE = "The fare plan was drawn up by Victor Hale last spring."  # a person named, not speaking
AFTER = "Victor Hale was not at the meeting."

REPORTED = "the ferry fares would rise in the spring"
HEARD = "ferry fares would rise in the spring"  # the reported words asked about, whatever their capital
QUOTE = "The fares will rise in the spring"
QUOTE2 = "Nobody wants this, but we have no choice."
QUOTE3 = "We have no choice"


@dataclass(frozen=True)
class Source:
    id: str
    subject: str  # first mention, as a clause's subject (sentence-initial capital added when needed)
    after: str  # first mention after an inverted cue or "according to"
    speaker: tuple[str, ...]
    person: bool = True


SOURCES = [
    Source("full-name", "Maria Okafor", "Maria Okafor", ("Maria Okafor",)),
    Source("title-sen", "Sen. Dale Prior", "Sen. Dale Prior", ("Dale Prior",)),
    Source("title-dr", "Dr. Ines Vale", "Dr. Ines Vale", ("Ines Vale",)),
    Source("role-harbour-master", "harbour master Tom Reyes", "harbour master Tom Reyes", ("Tom Reyes",)),
    Source("role-union-president", "union president Ana Ruiz", "union president Ana Ruiz", ("Ana Ruiz",)),
    Source("apposition", "Ana Ruiz, the union's president,", "Ana Ruiz, the union's president,", ("Ana Ruiz",)),
    Source("relative", "Ana Ruiz, who leads the union,", "Ana Ruiz, who leads the union,", ("Ana Ruiz",)),
    Source("capital-title", "Union President Ana Ruiz", "Union President Ana Ruiz", ("Ana Ruiz",)),
    Source("title-mayor", "Mayor Jo Banks", "Mayor Jo Banks", ("Jo Banks",)),
    Source("particle-name", "Ursula von Bremen", "Ursula von Bremen", ("Ursula von Bremen",)),
    Source("hyphen-name", "Anne-Marie Dufort", "Anne-Marie Dufort", ("Anne-Marie Dufort",)),
    Source("apostrophe-name", "Sean O'Neill", "Sean O'Neill", ("Sean O'Neill",)),
    Source("initials-name", "J.R. Tolland", "J.R. Tolland", ("J.R. Tolland",)),
    Source("suffix-name", "Dale Prior Jr.", "Dale Prior Jr.", ("Dale Prior Jr.", "Dale Prior")),
    Source("age", "Maria Okafor, 52,", "Maria Okafor, 52,", ("Maria Okafor",)),
    Source("named-spokesperson", "Maria Okafor, a spokesperson for Northfield Council,",
           "Maria Okafor, a spokesperson for Northfield Council,", ("Maria Okafor",)),
    Source("name-of-org", "Maria Okafor of Northfield Council", "Maria Okafor of Northfield Council",
           ("Maria Okafor",)),
    Source("org-council", "Northfield Council", "Northfield Council", ("Northfield Council",), False),
    Source("org-the-authority", "the Harbour Authority", "the Harbour Authority", ("Harbour Authority",), False),
    Source("org-corp", "Acme Corp.", "Acme Corp.", ("Acme Corp.", "Acme Corp", "Acme"), False),
    Source("government", "the Canadian government", "the Canadian government",
           ("Canadian government", "Canada", "government of Canada"), False),
    # Unnamed: the words are the organisation's (its name is no abbreviation, so this class stays apart
    # from "Acme Corp.").
    Source("spokesperson-for-org", "a spokesperson for Northfield Council", "a spokesperson for Northfield Council",
           ("Northfield Council",), False),
]


def _cap(s: str) -> str:
    return s[0].upper() + s[1:]


def _sub(s: str) -> str:
    """A subject phrase mid-sentence: an apposition's closing comma goes where the template has none."""
    return s.rstrip(",")


# (id, template, the words asked about); {S} subject, {A} source after its cue. Templates put the
# distractor sentence before or after the attributed sentence.
ORDER_TEMPLATES = [
    ("X-said", f"{BEFORE} {{S}} said {REPORTED}.", HEARD),
    ("X-said-that", f"{BEFORE} {{S}} said that {REPORTED}.", HEARD),
    ("quote-X-said", f"{BEFORE} “{QUOTE},” {{s}} said.", QUOTE),
    ("quote-said-X", f"“{QUOTE},” said {{A_end}}. {AFTER}", QUOTE),
    ("split-quote-first", f"“{QUOTE},” {{s}} said. “{QUOTE2}” {AFTER}", QUOTE),
    ("split-quote-second", f"“{QUOTE},” {{s}} said. “{QUOTE2}” {AFTER}", QUOTE2),
    ("X-said-colon-quote", f"{BEFORE} {{S}} said: “{QUOTE}.”", QUOTE),
    ("X-told-reporters", f"{BEFORE} {{S}} told reporters {REPORTED}.", HEARD),
    ("according-to-X-first", f"{BEFORE} According to {{A}} {REPORTED}.", HEARD),
    ("according-to-X-last", f"{BEFORE} {_cap(REPORTED)}, according to {{A_end}}.", HEARD),
    ("X-on-Monday-said", f"{BEFORE} {{S}} on Monday said {REPORTED}.", HEARD),
    ("X-did-not-say", f"{BEFORE} {{S}} did not say whether {REPORTED}.", HEARD),
    ("X-has-repeatedly-said", f"{BEFORE} {{S}} has repeatedly said {REPORTED}.", HEARD),
    ("reported-X-said-in-statement", f"{BEFORE} {_cap(REPORTED)}, {{s}} said in a statement.", HEARD),
    ("quote-X-said-in-statement", f"“{QUOTE},” {{s}} said in a statement. {AFTER}", QUOTE),
    ("X-colon-quote", f"{BEFORE} {{S_colon}}: “{QUOTE}.”", QUOTE),
    ("X-comma-saying", f"{BEFORE} {{S}} criticised the plan, saying {REPORTED}.", HEARD),
    ("X-issued-statement-saying", f"{BEFORE} {{S}} issued a statement saying {REPORTED}.", HEARD),
    ("X-aside-said", f"{BEFORE} {{S}}, speaking at the harbour on Monday, said {REPORTED}.", HEARD),
    ("passive-criticised-by-X", f"{BEFORE} The fare rise was criticised by {{A_end}}.", "The fare rise was criticised"),
    ("fronted-time-X-said", f"{BEFORE} On Monday, {{s}} said {REPORTED}.", HEARD),
    ("fronted-statement-X-said", f"{BEFORE} In a statement, {{s}} said {REPORTED}.", HEARD),
    ("fronted-asked-X-said", f"{BEFORE} Asked about the harbour, {{s}} said {REPORTED}.", HEARD),
    ("X-said-weekday", f"{BEFORE} {{S}} said Tuesday {REPORTED}.", HEARD),
    ("X-also-said", f"{BEFORE} {{S}} also said {REPORTED}.", HEARD),
    ("X-says", f"{BEFORE} {{S}} says {REPORTED}.", HEARD),
    ("X-told-outlet", f"{BEFORE} {{S}} told The Ledger {REPORTED}.", HEARD),
    ("X-said-on-social", f"{BEFORE} {{S}} said on social media {REPORTED}.", HEARD),
    ("quote-X-said-adding", f"“{QUOTE},” {{s}} said, adding that {REPORTED}. {AFTER}", HEARD),
    ("quote-X-explained", f"“{QUOTE},” {{s}} explained. {AFTER}", QUOTE),
    ("quote-added-X", f"“{QUOTE},” added {{A_end}}. {AFTER}", QUOTE),
    ("partial-quote", f"{BEFORE} {{S}} said the fares were “far too high” and would rise.", "far too high"),
    ("quote-then-X-said-colon", f"{BEFORE} {{S}} put it bluntly: “{QUOTE}.”", QUOTE),
    ("straight-quotes", f'"{QUOTE}," {{s}} said. {AFTER}', QUOTE),
    ("straight-quotes-said-X", f'"{QUOTE}," said {{A_end}}. {AFTER}', QUOTE),
    ("single-quotes", f"‘{QUOTE},’ {{s}} said. {AFTER}", QUOTE),
    ("question-asked", f"“Why should islanders pay more?” {{s}} asked. {AFTER}", "Why should islanders pay more?"),
    ("exclamation-shouted", f"“Not one penny more!” {{s}} shouted. {AFTER}", "Not one penny more!"),
    ("multi-sentence-quote", f"“{QUOTE}. {QUOTE2}” {{s}} said. {AFTER}", QUOTE2),
    ("quote-X-told-outlet", f"“{QUOTE},” {{s}} told The Ledger. {AFTER}", QUOTE),
    ("quote-X-said-in-interview", f"“{QUOTE},” {{s}} said in an interview with The Ledger. {AFTER}", QUOTE),
    ("fronted-interview-X-said", f"{BEFORE} In an interview with The Ledger, {{s}} said {REPORTED}.", HEARD),
    ("X-said-in-email-that", f"{BEFORE} {{S}} said in an email that {REPORTED}.", HEARD),
    ("no-cue-then-quote", f"{BEFORE} {{S}} was blunt. “{QUOTE}.”", QUOTE),
    ("dash-attribution", f"{BEFORE} “{QUOTE}.” — {{A_end}}", QUOTE),
]


def _fill(template: str, src: Source) -> str:
    """{S} a sentence's subject, {s} a subject after a quotation, {A}/{A_end} a source after its cue with
    or without the comma that closes a clause after it. An apposition keeps its closing comma before a
    verb ("Ana Ruiz, the union's president, said") and drops it before a full stop."""
    text = template.replace("{S},", _cap(_sub(src.subject)) + ",")
    text = text.replace("{S_colon}", _cap(_sub(src.subject))).replace("{S}", _cap(src.subject))
    text = text.replace("{s}", src.subject).replace("{A_end}", _sub(src.after))
    text = text.replace("{A}", src.after if src.after.endswith(",") else src.after + ",")
    return text.replace("..", ".")  # "according to Acme Corp."


def _order_cases() -> list[Case]:
    cases = []
    for tid, template, words in ORDER_TEMPLATES:
        for src in SOURCES:
            if tid == "X-colon-quote" and not src.person:
                continue  # "Acme Corp.: “...”" is a heading, not a cue
            text = _fill(template, src)
            cases.append(Case(f"{tid}/{src.id}", (text,), 0, words, src.speaker, DISTRACTOR))
    return cases


# ----------------------------------------------------------------------------- later mentions

INTRO_RUIZ = "Union president Ana Ruiz met ferry operators at the harbour on Monday."
INTRO_REYES = "Harbour master Tom Reyes inspected the ferries on Monday."
INTRO_PRIOR = "Sen. Dale Prior toured the harbour on Monday."
INTRO_COUNCIL = "Northfield Council met on Monday to discuss the fares."
INTRO_BANKS = "Mayor Jo Banks opened the new terminal on Monday."
INTRO_CHEN = "Finance Minister Liu Chen visited the harbour on Monday."
INTRO_ACME = "Acme Corp. runs the ferries to the islands."
INTRO_OKAFOR = "Ms. Maria Okafor, who runs the ferry company, met the union on Monday."
MALE_DISTRACTOR = "Victor Hale"
FEMALE_DISTRACTOR = "Laura Lund"


@dataclass(frozen=True)
class Later:
    id: str
    intro: str  # the paragraph that introduces the source (None-speaking)
    form: str  # how the target paragraph names them
    speaker: str
    distractor: str  # opposite gender where the form is a pronoun
    same_paragraph: bool = False  # the intro sentence opens the target paragraph


LATER_FORMS = [
    Later("surname", INTRO_RUIZ, "Ruiz", "Ana Ruiz", MALE_DISTRACTOR),
    Later("surname-title", INTRO_PRIOR, "Prior", "Dale Prior", FEMALE_DISTRACTOR),
    Later("role-same-words", INTRO_RUIZ, "the union president", "Ana Ruiz", MALE_DISTRACTOR),
    Later("role-family-leader", INTRO_RUIZ, "the union leader", "Ana Ruiz", MALE_DISTRACTOR),
    Later("role-family-chief", INTRO_RUIZ, "the union chief", "Ana Ruiz", MALE_DISTRACTOR),
    Later("role-harbour-master", INTRO_REYES, "the harbour master", "Tom Reyes", FEMALE_DISTRACTOR),
    Later("role-senator", INTRO_PRIOR, "the senator", "Dale Prior", FEMALE_DISTRACTOR),
    Later("pronoun-she-next-sentence", INTRO_RUIZ, "she", "Ana Ruiz", MALE_DISTRACTOR, True),
    Later("pronoun-he-next-sentence", INTRO_REYES, "he", "Tom Reyes", FEMALE_DISTRACTOR, True),
    Later("pronoun-she-next-paragraph", INTRO_RUIZ, "she", "Ana Ruiz", MALE_DISTRACTOR),
    Later("pronoun-he-next-paragraph", INTRO_REYES, "he", "Tom Reyes", FEMALE_DISTRACTOR),
    Later("org-it", INTRO_COUNCIL, "it", "Northfield Council", MALE_DISTRACTOR, True),
    Later("org-the-council", INTRO_COUNCIL, "the council", "Northfield Council", MALE_DISTRACTOR),
    Later("honorific-surname", INTRO_OKAFOR, "Ms. Okafor", "Maria Okafor", MALE_DISTRACTOR),
    Later("honorific-surname-mr", INTRO_REYES, "Mr. Reyes", "Tom Reyes", FEMALE_DISTRACTOR),
    Later("role-mayor", INTRO_BANKS, "the mayor", "Jo Banks", MALE_DISTRACTOR),
    Later("role-minister", INTRO_CHEN, "the minister", "Liu Chen", FEMALE_DISTRACTOR),
    Later("role-finance-minister", INTRO_CHEN, "the finance minister", "Liu Chen", FEMALE_DISTRACTOR),
    Later("org-the-company", INTRO_ACME, "the company", "Acme Corp.", MALE_DISTRACTOR),
    Later("org-they", INTRO_COUNCIL, "they", "Northfield Council", MALE_DISTRACTOR, True),
]

# The distractor is named in the target paragraph after the source's words, saying nothing: {D}.
LATER_TEMPLATES = [
    ("X-said", f"{{X}} said {REPORTED}. {{D}} was not at the meeting.", HEARD),
    ("quote-X-said", f"“{QUOTE},” {{x}} said. {{D}} was not at the meeting.", QUOTE),
    ("quote-said-X", f"“{QUOTE},” said {{x}}. {{D}} was not at the meeting.", QUOTE),
    ("X-told-reporters", f"{{X}} told reporters {REPORTED}. {{D}} was not at the meeting.", HEARD),
    ("according-to-X", f"{_cap(REPORTED)}, according to {{x}}. {{D}} was not at the meeting.", HEARD),
    ("X-on-Monday-said", f"{{X}} on Monday said {REPORTED}. {{D}} was not at the meeting.", HEARD),
    ("X-has-repeatedly-said", f"{{X}} has repeatedly said {REPORTED}. {{D}} was not at the meeting.", HEARD),
    ("X-comma-saying", f"{{X}} criticised the plan, saying {REPORTED}. {{D}} was not at the meeting.", HEARD),
    ("split-quote-second", f"“{QUOTE},” {{x}} said. “{QUOTE2}” {{D}} was not at the meeting.", QUOTE2),
    ("quote-X-added", f"{{D}} was not at the meeting. “{QUOTE},” {{x}} added.", QUOTE),
    ("X-also-said", f"{{X}} also said {REPORTED}. {{D}} was not at the meeting.", HEARD),
    ("quote-X-said-of", f"“{QUOTE},” {{x}} said of the plan. {{D}} was not at the meeting.", QUOTE),
]


def _later_cases() -> list[Case]:
    cases = []
    for tid, template, words in LATER_TEMPLATES:
        for form in LATER_FORMS:
            if tid == "quote-said-X" and form.form in {"he", "she", "it", "they"}:
                continue  # "said he" is rare and archaic in news
            if tid == "according-to-X" and form.form in {"it", "they"}:
                continue  # "according to it" is not news English
            if tid == "according-to-X" and form.form in {"he", "she"}:
                form = Later(form.id, form.intro, {"he": "him", "she": "her"}[form.form],
                             form.speaker, form.distractor, form.same_paragraph)
            text = template.replace("{X}", _cap(form.form)).replace("{x}", form.form).replace("{D}", form.distractor)
            if form.same_paragraph:
                paragraphs: tuple[str, ...] = (f"{form.intro} {text}",)
            else:
                paragraphs = (form.intro, text)
            cases.append(Case(f"{tid}/later-{form.id}", paragraphs, len(paragraphs) - 1, words, (form.speaker,),
                              form.distractor))
    return cases


# ----------------------------------------------------------------------------- several paragraphs, several speakers


def _flow_cases() -> list[Case]:
    """A quotation paragraph with no cue after an attributed one (the "floating quote"), a quotation
    left open at a paragraph's end, and two speakers in one sentence or paragraph."""
    said = f"“{QUOTE},” Ana Ruiz said. Victor Hale listened."
    return [
        Case("floating-quote", (said, f"“{QUOTE2}”"), 1, QUOTE2, ("Ana Ruiz",), DISTRACTOR),
        Case("floating-quote-after-reported", (f"Ana Ruiz said {REPORTED}.", f"“{QUOTE2}”"), 1, QUOTE2,
             ("Ana Ruiz",), DISTRACTOR),
        Case("quote-left-open", (f"Ana Ruiz said: “{QUOTE}.", f"“{QUOTE2}”"), 1, QUOTE2, ("Ana Ruiz",), DISTRACTOR),
        Case("own-cue-breaks-floating", (said, f"“{QUOTE3},” Victor Hale said."), 1, QUOTE3, ("Victor Hale",),
             "Ana Ruiz"),
        Case("two-speakers-but-first", (f"Ana Ruiz said {REPORTED}, but Tom Reyes said they would fall.",), 0,
             HEARD, ("Ana Ruiz",), "Tom Reyes"),
        Case("two-speakers-but-second", (f"Ana Ruiz said {REPORTED}, but Tom Reyes said they would fall.",), 0,
             "they would fall", ("Tom Reyes",), "Ana Ruiz"),
        Case("two-speakers-sentences", (f"“{QUOTE},” Ana Ruiz said. “{QUOTE3},” Tom Reyes replied.",), 0,
             QUOTE3, ("Tom Reyes",), "Ana Ruiz"),
        Case("two-speakers-while", (f"Ana Ruiz said {REPORTED}, while Tom Reyes insisted they would fall.",), 0,
             "they would fall", ("Tom Reyes",), "Ana Ruiz"),
        Case("pronoun-after-other-speaker", (said, f"Tom Reyes disagreed. “{QUOTE3},” he said."), 1, QUOTE3,
             ("Tom Reyes",), "Ana Ruiz"),
        Case("pronoun-picks-gender", ("Tom Reyes met Ana Ruiz on Monday.", f"“{QUOTE3},” she said."), 1, QUOTE3,
             ("Ana Ruiz",), "Tom Reyes"),
    ]


# ----------------------------------------------------------------------------- cue verbs

# Say-verbs take a reported clause; judgement verbs an object. Both lists are ATTRIBUTION.md's.
SAY_VERBS = """
say tell add note state explain claim insist argue assert stress emphasize underline reiterate repeat
point_out warn caution urge demand appeal vow pledge promise threaten reply respond retort ask question
comment remark announce confirm deny admit acknowledge concede predict suggest write tweet post report
quip joke boast
""".split()
JUDGEMENT_VERBS = """
hail welcome praise applaud commend congratulate thank criticize condemn denounce slam blast lash_out
hit_out attack accuse blame decry deplore dismiss reject rule_out call describe label brand dub express voice
""".split()
# The verbs real news uses that the field's lists lack (issue 7), and more say-verbs of the lexicon.
MORE_SAY_VERBS = """
fume gush sigh crow chime_in declare maintain observe mention complain allege contend exclaim conclude
testify counter
""".split()
MORE_OBJECT_VERBS = """
endorse cite lobby portray refer discuss highlight signal deride echo recount recommend propose reveal
""".split()

# A complement each verb takes in news prose (default: a that-clause for say-verbs, the plan for the rest).
COMPLEMENT = {
    "tell": "reporters that the fares were too high",
    "urge": "the council to freeze the fares",
    "appeal": "for calm over the fares",
    "reply": "that the fares were too high",
    "respond": "to the plan with a warning about the fares",
    "ask": "whether the fares were too high",
    "question": "whether the fares were too high",
    "comment": "on the fares at length",
    "demand": "a freeze on the fares",
    "vow": "to freeze the fares",
    "pledge": "to freeze the fares",
    "promise": "to freeze the fares",
    "threaten": "to strike over the fares",
    "deny": "that the fares were too high",
    "lash_out": "at the fare plan",
    "hit_out": "at the fare plan",
    "rule_out": "a freeze on the fares",
    "congratulate": "the crews on the fare deal",
    "thank": "the crews for their patience over the fares",
    "accuse": "the council of raising the fares",
    "blame": "the council for the fares",
    "call": "the fare plan a disgrace",
    "describe": "the fare plan as a disgrace",
    "label": "the fare plan a disgrace",
    "brand": "the fare plan a disgrace",
    "dub": "the fare plan a tax on islanders",
    "express": "concern about the fares",
    "voice": "concern about the fares",
    "cite": "the fare rise as a reason to strike",
    "lobby": "for a freeze on the fares",
    "portray": "the fare plan as a tax on islanders",
    "refer": "to the fare plan as a tax on islanders",
    "signal": "support for the fare plan",
    "echo": "the criticism of the fare plan",
    "recount": "how the fares rose last spring",
    "mention": "that the fares were too high",
    "testify": "that the fares were too high",
    "counter": "that the fares were too high",
}

# Forms no rule makes: (3rd person, past, participle).
IRREGULAR = {"say": ("says", "said", "said"), "tell": ("tells", "told", "told"), "write": ("writes", "wrote", "written"),
             "hit": ("hits", "hit", "hit")}
DOUBLED = {"admit", "quip", "slam", "dub", "rebut", "refer"}
BRITISH_L = {"label", "signal"}


def _forms(base: str) -> dict[str, str]:
    """The verb's inflections in news: "says", "said", "has said", "saying"."""
    if base in IRREGULAR:
        third, past, part = IRREGULAR[base]
    else:
        third = base + "es" if base.endswith(("s", "sh", "ch", "x", "z", "o")) else (
            base[:-1] + "ies" if base.endswith("y") and base[-2] not in "aeiou" else base + "s")
        if base.endswith("e"):
            past = base + "d"
        elif base.endswith("y") and base[-2] not in "aeiou":
            past = base[:-1] + "ied"
        elif base in DOUBLED:
            past = base + base[-1] + "ed"
        else:
            past = base + "ed"
        part = past
    if base.endswith("ie"):
        ing = base[:-2] + "ying"
    elif base.endswith("e") and base not in {"be", "see"}:
        ing = base[:-1] + "ing"
    elif base in DOUBLED or base == "hit":
        ing = base + base[-1] + "ing"
    else:
        ing = base + "ing"
    forms = {"third": third, "past": past, "perfect": "has " + part, "gerund": ing}
    if base in BRITISH_L:
        forms["past-british"] = base + "led"
    return forms


def _spellings(base: str) -> list[tuple[str, str]]:
    if base.endswith("ize"):
        return [("us", base), ("uk", base[:-3] + "ise")]
    return [("", base)]


def _verb_cases() -> list[Case]:
    cases = []
    for base in SAY_VERBS + JUDGEMENT_VERBS + MORE_SAY_VERBS + MORE_OBJECT_VERBS:
        verb, _, particle = base.partition("_")
        complement = COMPLEMENT.get(base) or ("that the fares were too high" if base in SAY_VERBS + MORE_SAY_VERBS
                                              else "the fare plan")
        words = complement.split(" ", 1)[-1] if complement.startswith("that ") else complement
        for spelling, spelled in _spellings(verb):
            for form_id, form in _forms(spelled).items():
                cue = f"{form} {particle}".strip()
                if form_id == "gerund":
                    text = f"{BEFORE} Maria Okafor stood outside the town hall on Monday, {cue} {complement}."
                else:
                    text = f"{BEFORE} Maria Okafor {cue} {complement}."
                cid = f"{base}/{spelling + '-' if spelling else ''}{form_id}"
                cases.append(Case(cid, (text,), 0, words, ("Maria Okafor",), DISTRACTOR))
    # Light verbs with a communication noun: the cue is the phrase.
    for light in ("issued a statement saying", "released a statement saying", "sent an email saying",
                  "sent a letter warning", "offered condolences, saying", "posted a video saying",
                  "gave a speech warning", "made a statement saying", "published a letter arguing",
                  "sent an email praising", "released a video criticising", "delivered a speech urging",
                  "shared a post claiming", "issued a warning that", "filed a complaint saying"):
        text = f"{BEFORE} Maria Okafor {light} that the fares were too high."
        cases.append(Case(f"light/{light.replace(' ', '-').replace(',', '')}", (text,), 0,
                          "the fares were too high", ("Maria Okafor",), DISTRACTOR))
    return cases


ORDERS = _order_cases()
LATER = _later_cases()
FLOW = _flow_cases()
VERBS = _verb_cases()

# Constructions the core does not handle yet, one case id a line: expected failures, so the grid lands
# green and every other case guards what works. Not strict: two other streams of work fix classes of
# the grid too, and a gap they close must not turn their landing red; delete a line when it passes.
GAPS_FILE = Path(__file__).with_name("attribution_grid_gaps.txt")
GAPS = frozenset(line.strip() for line in GAPS_FILE.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#"))


def _params(cases: list[Case]) -> list:
    return [pytest.param(c, id=c.id, marks=pytest.mark.xfail(strict=False, reason="a known gap of the grid"))
            if c.id in GAPS else pytest.param(c, id=c.id) for c in cases]


def test_every_known_gap_is_a_case_of_the_grid():
    assert GAPS <= {c.id for c in ORDERS + LATER + FLOW + VERBS}


@pytest.mark.parametrize("case", _params(ORDERS))
def test_word_order_and_source_form(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("case", _params(LATER))
def test_later_mention(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("case", _params(FLOW))
def test_paragraphs_and_speakers(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("case", _params(VERBS))
def test_cue_verb_in_every_form(case: Case) -> None:
    check(case)
