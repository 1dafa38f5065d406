"""Answer questions about one article: rank its passages with BM25 and quote the best, with speakers."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Callable, Collection, Sequence

from .analyzer import STOPWORDS, Analyzer
from .answer import Answer, Quote
from .answer_type import Wanted, asks_money, counted, counts, defined, defines, states, states_duration, states_money, wanted
from .article import Article, Passage
from .attribution import attribute, find_person
from .bridge import speech_act_words, wordnet
from .chat_text import normalise_chat
from .excerpt import excerpt
from .gc_pause import collector_paused
from .index import BM25Index, Hit
from .names import IN_CHARGE, LEADING_OFFICES, PersonMatch, match_person
from .question import Question, parse_question, search_topic
from .reader_words import BRIDGE_WEIGHT, Reading, Slot, WordReader
from .attribution.lexicon import FEMALE_NAMES, INTENT_VERBS, MALE_NAMES, ROLE_HEADS, VERB_FORMS
from .attribution.registry import role_key
from .replies import asks, replies_by_target
from .speakers import Cast, Part, Person, QuoteSpan

DEFAULT_K = 3
# The best passage must hold at least this share of the question's idf weight to count as an answer:
# evidence about the words themselves, not a raw BM25 cut that moves with corpus size.
MIN_COVERAGE = 0.5
# "why ...?", "when ...?", "how many ...?": how many passages are looked at for one that states what is
# asked, and how near the best score such a passage must be (with as much of the question matched)
_KIND_POOL = 8
_NEAR_TIE = 0.5
# A story paragraph within this share of a comment's score, holding as much of the question, is read first.
_STORY_NEAR = 0.7
# Other passages are quoted beside the best while they score at least this share of it.
RUNNER_UP_SHARE = 0.6
# How many quotes a "what did Y say" lists when no topic narrows it.
MAX_LISTED = 6


@dataclass(frozen=True)
class Segment:
    """One indexed unit: a passage's own words, or the words a reply quotes."""

    passage: Passage
    part: Part
    text: str
    speaker: str | None


class Answerer:
    def __init__(self, article: Article, analyzer: Analyzer | None = None) -> None:
        with collector_paused():  # (``gc_pause``: a big article is a few million objects, none garbage)
            self._build(article, analyzer)

    def _build(self, article: Article, analyzer: Analyzer | None) -> None:
        self.article = article
        self.analyzer = analyzer or Analyzer()
        self.cast: Cast = attribute(article)
        self.segments: list[Segment] = []
        shown, squashed = _comments_by_author(article), {}
        for p in article.passages:
            # A reply's quoted words are indexed as the quoted commenter's own only when their comment
            # is not on the page; otherwise that comment answers, and the reply stays a reply.
            if p.quoted and not _quotes_shown_comment(shown, p, squashed):
                self.segments.append(Segment(p, "quoted", p.quoted, self.cast.speaker_of(p.id, "quoted")))
            self.segments.append(Segment(p, "text", p.text, self.cast.speaker_of(p.id, "text")))
        self.index = BM25Index([self.analyzer.terms(s.text) for s in self.segments])
        # Built once so that no question scans every passage: segments by speaker, the comments, the
        # first segment of each passage, and replies by the commenter they answer.
        self._by_speaker: dict[str, list[int]] = {}
        self._first_segment: dict[str, int] = {}
        for i, seg in enumerate(self.segments):
            # Everyone a paragraph quotes, not only its main speaker: "what did Y say" finds Y's words
            # in a paragraph that quotes X first.
            names = (seg.speaker,) if seg.part == "quoted" else (seg.speaker, *self.cast.speakers_in(seg.passage.id))
            for name in dict.fromkeys(n for n in names if n):
                self._by_speaker.setdefault(name, []).append(i)
            self._first_segment.setdefault(seg.passage.id, i)
        # Readers talking to each other: replies and @mentions by the commenter they answer, and the
        # passages that ask a question ("Who asked about China?").
        self._replies_to = replies_by_target(self.cast, ((i, s.passage) for i, s in enumerate(self.segments)
                                                         if s.part == "text"))
        self._asking = [i for i, s in enumerate(self.segments) if s.part == "text" and asks(s.text)]
        self._comment_segments = [i for i, s in enumerate(self.segments) if s.passage.kind == "comment"]
        self._comments_shown = sum(1 for p in article.passages if p.kind == "comment")
        self.reader = WordReader(self.analyzer, self.index, [s.text for s in self.segments])
        # Who a reader may describe ("the council lady"), listed on first need (``_speaking_people``).
        self._speaking: list[Person] | None = None
        self._introduced: dict[int, list[Person]] | None = None
        self._leading: list[tuple[Person, int]] | None = None
        self._by_role_word: tuple[dict[str, list[int]], list[str]] | None = None
        self._role_terms_of: dict[str, set[str]] = {}
        self._orgs: list[Person] | None = None

    # -- what the adapters can list -------------------------------------------------------------
    def speakers(self) -> tuple[Person, ...]:
        return self.cast.speakers()

    def find_person(self, phrase: str) -> Person | None:
        """Who ``phrase`` means, as every question reads names (``names``: typos, informal roles)."""
        return self._match(phrase).person

    def _match(self, phrase: str) -> PersonMatch:
        """Who the reader means, typos and informal roles allowed (``names``), or described ("the guy who
        runs the water authority": ``_described``)."""
        match = match_person(self.cast, phrase, lambda word: any(self.index.known(t) for t in self.analyzer.terms(word)))
        if match.person is None and not match.suggestions and (joined := self._joined(phrase)) is not None:
            # "the head teacher" when the story writes "Headteacher Joanne Pike"
            if (whole := match_person(self.cast, joined)).person is not None:
                return PersonMatch(phrase, whole.person, "role")
        if match.person is None and len(match.suggestions) == 1 and (one := self._introduced_as(phrase, match.suggestions[0])):
            return PersonMatch(phrase, one, "role")
        # "the old chairman" is the outgoing one before it is the oldest person quoted
        if match.person is None and not match.suggestions and (person := self._in_office_then(phrase)) is not None:
            return PersonMatch(phrase, person, "role")
        if match.person is None and not match.suggestions and (person := self._by_age(phrase)) is not None:
            return PersonMatch(phrase, person, "description")
        if match.person is None and not match.suggestions and (person := self._informal_office(phrase)) is not None:
            return PersonMatch(phrase, person, "description")
        if match.person is None and not match.suggestions and (person := self._described(phrase)) is not None:
            return PersonMatch(phrase, person, "description")
        if match.person is None and not match.suggestions and (person := self._head_of(phrase)) is not None:
            return PersonMatch(phrase, person, "description")
        return match

    def _age_of(self, person: Person) -> int | None:
        """The age the story gives a person where it introduces them ("Terry Walsh, 71,", "a 29-year-old
        nurse ... Kieran Doyle", "Edna Whitworth, aged 84"), or None."""
        at = self._first_segment.get(person.introduced_in or "")
        if at is None:
            return None
        text = self.segments[at].text
        for name in dict.fromkeys((person.name, person.name.split()[-1])):
            n = re.escape(name)
            if m := (re.search(rf"{n},\s+(?:aged\s+)?(\d{{1,3}})\b(?!,\d)", text)
                     or re.search(rf"\b(\d{{1,3}})-year-old\b(?:\s+[\w'’-]+){{0,4}}?\s+{n}\b", text)
                     or re.search(rf"{n},\s+(?:a|an)\s+(\d{{1,3}})-year-old\b", text)):
                return int(m.group(1))
        return None

    def _informal_office(self, phrase: str) -> Person | None:
        """"the cop", "the police officer", "the prosecutor", "the manager" (of a football side): a reader's
        everyday word for an office the story names formally is the one person holding such an office
        ("Detective Superintendent Carla Vance", "Acting U.S. Attorney Maria Gonzalez", "head coach Luis
        Ferreira"); two such, or none, is no one (``_INFORMAL_OFFICES``)."""
        words = frozenset(w for w in phrase.casefold().split() if w not in _DETERMINERS)
        office = next((holds for said, holds in _INFORMAL_OFFICES if words and words <= said), None)
        if office is None:
            return None
        fits = [p for p in self._speaking_people() if any(office(k) for k, _ in self.cast.roles.get(p.name, ()))][:2]
        return fits[0] if len(fits) == 1 else None

    def _by_age(self, phrase: str) -> Person | None:
        """"the old lady", "the old fan", "the young nurse": of the people the story gives an age (or calls a
        pensioner), the one old (60 or more) or young (under 30) as the reader says, of the sex a person word
        gives ("lady", "guy"); when several are, the one introduced with the reader's other words."""
        words = [w.casefold() for w in phrase.split()]
        if not (2 <= len(words) <= 4 and words[0] in _DETERMINERS):
            return None
        sense = next((_AGE_WORDS[w] for w in words if w in _AGE_WORDS), None)
        if sense is None:
            return None
        sex = next((_SEX_WORDS[w] for w in words if w in _SEX_WORDS), None)
        fits = []
        for person in self._speaking_people():
            if sex and person.gender and person.gender != sex:
                continue
            age = self._age_of(person)
            at = self._first_segment.get(person.introduced_in or "")
            pensioner = at is not None and re.search(r"\b(?:pensioner|retired|retiree|grandmother|grandfather|OAP)\b",
                                                     self.segments[at].text, re.IGNORECASE)
            if (sense == "old" and (age is not None and age >= 60 or pensioner)) or (
                    sense == "young" and age is not None and age < 30):
                fits.append(person)
        if sex and len(fits) > 1 and (known := [p for p in fits if p.gender == sex]):
            fits = known  # "the old man": the man the story says is one, before someone of no known sex
        if len(fits) > 1:
            others = " ".join(w for w in words[1:] if w not in _AGE_WORDS and w not in _SEX_WORDS and w not in _PERSON
                              and w not in _GLUE)
            fits = [p for p in fits if others and self._introduced_with(p, others)]
        return fits[0] if len(fits) == 1 else None

    def _in_office_then(self, phrase: str) -> Person | None:
        """"the old chairman", "the outgoing mayor", "the new boss": an office with a word for when it was
        held is that office's holder; of several holders, the one whose introducing paragraph says so in
        the same sense ("Outgoing chairman Geoffrey Lamb" for "the old chairman")."""
        words = phrase.split()
        at = next((i for i, w in enumerate(words[:2]) if w.casefold() in _THEN), None)
        if at is None or len(words) - 1 < at + 1 or words[-1].casefold() in _THEN:
            return None
        sense = _THEN[words[at].casefold()]
        rest = " ".join(words[:at] + words[at + 1:])
        match = match_person(self.cast, rest, lambda word: any(self.index.known(t) for t in self.analyzer.terms(word)))
        if match.person is not None:
            return match.person
        said_so = [p for name in match.suggestions if (p := self.cast.person(name)) is not None
                   and (at_ := self._first_segment.get(p.introduced_in or "")) is not None
                   and {w.casefold() for w in re.findall(r"[\w-]+", self.segments[at_].text)} & _THEN_WORDS[sense]]
        return said_so[0] if len(said_so) == 1 else None

    def _joined(self, phrase: str) -> str | None:
        """The phrase with two neighbouring words written as the one word the article has ("head
        teacher" -> "headteacher", "spokes person" -> "spokesperson"), or None when no such pair."""
        words = phrase.split()
        for i in range(len(words) - 1):
            one = words[i] + words[i + 1]
            if len(one) >= 6 and words[i].isalpha() and words[i + 1].isalpha() and any(
                    self.index.known(t) for t in self.analyzer.terms(one)):
                return " ".join([*words[:i], one, *words[i + 2:]])
        return None

    def _speaking_people(self) -> list[Person]:
        """The people a reader may describe: quoted, or given a role; not a group named like a person.
        Listed once per article, on the first question that describes someone, not once per question."""
        if self._speaking is None:
            quoted = {p.name for p in self.speakers()}
            self._speaking = [p for p in self.cast.people if p.kind == "person" and not _group_name(p.name)
                              and (p.name in quoted or p.role)]
        return self._speaking

    def _introducing(self) -> dict[int, list[Person]]:
        """The segments that introduce someone a reader may describe -> those people (made once)."""
        if self._introduced is None:
            self._introduced = {}
            for person in self._speaking_people():
                if (i := self._first_segment.get(person.introduced_in or "")) is not None:
                    self._introduced.setdefault(i, []).append(person)
        return self._introduced

    def _leaders(self) -> list[tuple[Person, int]]:
        """The describable people whose office leads a body, with the segment introducing them (made once)."""
        if self._leading is None:
            self._leading = [(person, at) for person in self._speaking_people()
                             if {h for _, h in self.cast.roles.get(person.name, ())} & LEADING_OFFICES
                             and (at := self._first_segment.get(person.introduced_in or "")) is not None]
        return self._leading

    def _role_words(self) -> tuple[dict[str, list[int]], list[str]]:
        """Each word of a describable person's roles -> their places in ``_speaking_people``, and those
        words sorted (made once)."""
        if self._by_role_word is None:
            index: dict[str, list[int]] = {}
            for n, p in enumerate(self._speaking_people()):
                for key, _ in self.cast.roles.get(p.name, ()):
                    for word in key:
                        if not index.get(word) or index[word][-1] != n:
                            index.setdefault(word, []).append(n)
            self._by_role_word = index, sorted(index)
        return self._by_role_word

    def _holding_role_of(self, topic: str) -> Person | None:
        """"the council lady" when the article's one councillor is Bernadette Hoyle: the one person whose
        role has a word made from the reader's ("council" -> councillor, "police" -> policeman, "bank"
        -> banker); two such people, or none, is nobody."""
        typed = [w for w in topic.casefold().split() if len(w) >= 4 and w.isalpha()]
        # Through the role words (indexed once; sorted, so the words a typed word starts are a range of
        # them), not through every person's roles.
        index, words = self._role_words()
        if any(t in index for t in typed):
            return None  # a role has the reader's own word ("port trust chairman"): not "porter"; rank instead
        fits: set[int] = set()
        for t in typed:
            at = bisect.bisect_left(words, t)
            while at < len(words) and words[at].startswith(t):
                if words[at] != t:
                    fits.update(index[words[at]])
                at += 1
        return self._speaking_people()[fits.pop()] if len(fits) == 1 else None

    def _head_of(self, phrase: str) -> Person | None:
        """"the hospital boss", "the bus company chief": an informal head says only "whoever is in
        charge", so it is the one person whose office leads a body (director, chief executive,
        chairman, ...) where the story introduces them with the reader's other words, in the paragraph
        that introduces them or the one before it (where the story names the body: "Kingsmere
        University Hospitals, the trust said" then "The trust's chief executive, Dr Anand Mehra").
        Two such people, or none, is nobody."""
        words = phrase.casefold().split()
        if not (len(words) >= 2 and words[0] in _DETERMINERS and words[-1] in IN_CHARGE):
            return None
        typed = " ".join(w for w in words[1:-1] if w not in _GLUE)
        if not self.analyzer.terms(typed):
            return None
        fits = []
        for person, _ in self._leaders():
            if self._introduced_with(person, typed):
                fits.append(person)
                if len(fits) > 1:
                    break  # two fit: nobody in particular, unless one holds an office named so
        if len(fits) > 1:
            # "the museum boss" when the museum's director and a chief who spoke of the museum both fit:
            # the one leader whose own role has the reader's words (of the two found, else through the
            # role-word index, not every leader); two such, or none, is nobody in particular
            wanted = set(self.analyzer.terms(typed))
            if len(owning := [p for p in fits if wanted <= self._role_terms(p)]) == 1:
                return owning[0]
            index, _ = self._role_words()
            holders = [set(index.get(w, ())) for w in typed.split()]
            people = self._speaking_people()
            owners = [people[n] for n in sorted(set.intersection(*holders))] if holders else []
            fits = [p for p in owners if {h for _, h in self.cast.roles.get(p.name, ())} & LEADING_OFFICES
                    and self._introduced_with(p, typed)][:2]
        return fits[0] if len(fits) == 1 else None

    def _holds_as_asked(self, person: Person, phrase: str) -> bool:
        """Whether the person holds the office a phrase names ("the professor") and the phrase's other
        words are where the story introduces them ("the airline director" is not the ferry firm's)."""
        words = [w for w in phrase.casefold().split()[1:-1] if w not in _GLUE]
        return _holds(person, phrase.split()[-1]) and (not words or self._introduced_with(person, " ".join(words)))

    def _introduced_with(self, person: Person, typed: str) -> bool:
        """Whether every word of ``typed`` is, as itself or in another form ("bus" in "Buses"), in the
        person's role, the paragraph that introduces them, or the one before it (where a story names the
        body before its officer: "Redvale Buses will withdraw ..." then "The firm's managing director")."""
        at = self._first_segment.get(person.introduced_in or "")
        if at is None:
            return False
        seen = set(self.analyzer.terms(self.segments[at].text)) | self._role_terms(person)
        before = self.segments[at].passage.number - 1 if self.segments[at].passage.kind == "paragraph" else 0
        if before >= 1 and (prev := self._first_segment.get(f"p{before}")) is not None:
            seen |= set(self.analyzer.terms(self.segments[prev].text))
        reading = self.reader.read(typed, frozenset(seen))
        return bool(reading.slots) and all(any(t in seen for t in slot.terms) for slot in reading.slots)

    def _role_terms(self, person: Person) -> set[str]:
        """The terms of a person's role, with the full name of an organisation the role names by a short
        form ("Northline's chief executive" is the chief executive of Northline Ferries, so "the ferry
        boss"). Made once per person."""
        if (found := self._role_terms_of.get(person.name)) is None:
            found = set(self.analyzer.terms(person.role or ""))
            if found:
                for org in self._organisations():
                    if any((named := set(self.analyzer.terms(form))) and named <= found
                           for form in (org.name, *org.aliases)):
                        found |= set(self.analyzer.terms(org.name))
            self._role_terms_of[person.name] = found
        return found

    def _organisations(self) -> list[Person]:
        if self._orgs is None:
            self._orgs = [p for p in self.cast.people if p.kind == "organisation"]
        return self._orgs

    def _described(self, phrase: str) -> Person | None:
        """"the guy who runs the water authority", "the residents group lady": a person described, not
        named. A person is described where the story introduces them, so the description's own words
        rank the paragraphs that introduce someone quoted; the one person the best of them introduces
        is the one meant: two or more people there, or one neither quoted nor given a role, is nobody,
        rather than a guess. A name made like a group's ("Quiet Skies", "Eastgate Residents") is no person."""
        words = phrase.split()
        # a person word ("the council lady"); not an office ("the vet" is not whoever a paragraph that
        # mentions a vet introduces)
        if not (words and words[0].casefold() in _DETERMINERS and any(w.casefold() in _PERSON for w in words)):
            return None
        # an age is told by ``_by_age``, never by the word "old" in "a 29-year-old nurse"
        topic = " ".join(w for w in words if w.casefold() not in _PERSON | _DETERMINERS | _GLUE | _AGE_WORDS.keys())
        # Only someone quoted or given a role is described: a body named like a person ("Better Buses
        # Calder") introduced in a paragraph with the reader's words is nobody they mean.
        introducing = self._introducing()
        if not topic or not introducing:
            return None
        sex = next((_SEX_WORDS[w.casefold()] for w in words if w.casefold() in _SEX_WORDS), None)
        if (held := self._holding_role_of(topic)) is not None:
            return held if not (sex and held.gender and held.gender != sex) else None
        # "the bakery lady" is not a man whose paragraph has the word: introductions of someone of the other
        # sex are not in the running
        within = sorted(i for i, people in introducing.items()
                        if not (sex and len(people) == 1 and people[0].gender and people[0].gender != sex))
        if not within:
            return None
        hits, _, enough, _ = self._rank(topic, 2, within=within)
        if not enough or len(hits) > 1 and hits[1].score >= hits[0].score * _CLEARLY_BEST:
            return None  # two introductions fit about as well: no guess between them
        introduced = introducing[hits[0].position]
        return introduced[0] if len(introduced) == 1 else None

    # -- answering -------------------------------------------------------------------------------
    def _introduced_as(self, phrase: str, name: str) -> Person | None:
        """"The Ebiri chief" when the article's one chief is introduced as "Chief Ogbonna Eze, who has led
        the Ebiri claim": the one holder of that office, when the reader's other words are in the passage
        that introduces them."""
        person = self.cast.person(name)
        key, head = role_key(phrase)
        if person is None or head is None or not any(h == head for _, h in self.cast.roles.get(name, ())):
            return None
        others = " ".join(sorted(key - {head}))
        return person if self.analyzer.terms(others) and self._introduced_with(person, others) else None

    def ask(self, text: str, *, follow_up: Answer | None = None, k: int = DEFAULT_K) -> Answer:
        q = parse_question(text)
        if q.subject_is_pronoun and follow_up is not None and follow_up.speaker:
            q = replace(q, subject=follow_up.speaker)
        exclude = set(follow_up.passage_ids) if (follow_up and q.else_) else set()
        if q.kind == "invalid":
            return self._invalid(q)
        if q.kind == "article":
            return self._about_article(q)
        if q.kind == "who_said":
            return self._who_said(q, k)
        if q.kind == "what_said":
            return self._what_said(q, k, exclude)
        if q.kind == "who_is":
            return self._who_is(q, k)
        return self._search(q, k)

    def _invalid(self, q: Question) -> Answer:
        if q.problem == "too_long":
            lead = "That question is too long for me: please ask it in a sentence or two."
        elif q.problem == "incomplete":
            lead = "Said what? Give me some of the words, such as “Who said the Americans always blame others?”"
        else:
            lead = "Ask me a question about the article, such as “Who called US policies evil and stupid?”"
        return Answer(q.text, "invalid", lead, no_answer=True)

    def _quote(self, seg: Segment, terms: Collection[str], score: float, person: str | None = None,
               kind: str = "speech") -> Quote:
        p = seg.passage
        words, speaker = seg.text, seg.speaker
        if seg.part == "text" and (asked := self._asked_spans(p.id, terms, person, kind)):
            # A paragraph that quotes several people: quote the words asked about, and their speaker.
            words, speaker = " … ".join(q.text for q in asked), asked[0].speaker
        quoted, highlights = excerpt(words, terms, self.analyzer)
        return Quote(p.id, p.citation, p.kind, seg.part, speaker, p.author, p.posted, p.reply_to,
                     seg.text, quoted, highlights, round(score, 4))

    def _cued_first(self, hits: list[Hit], verb: str | None, reading: Reading) -> list[Hit]:
        """"Who reported / criticised X?": among passages close enough to answer, those whose source
        does it with that very verb come first ("the Courier reported" before "the full report"). A
        passage holding the verb but too little of the reader's other words is not close enough ("who
        called biscuit an escape artist" is not whoever "called for" an inspection of the zoo)."""
        base = VERB_FORMS.get(verb.split()[0].lower()) if verb else None
        if base is None or len(hits) < 2:
            return hits

        def cued(h: Hit) -> bool:
            if self.reader.coverage(reading, h.matched) < MIN_COVERAGE:
                return False
            cues = [a.cue for a in self.cast.attributions.get(self.segments[h.position].passage.id, ()) if a.cue]
            return any(VERB_FORMS.get(c.split()[0].lower()) == base for c in cues)

        return sorted(hits, key=lambda h: not cued(h))

    def _stating_first(self, hits: list[Hit], reading: Reading, kind: Wanted | None, money: bool = False,
                       question: str = "") -> list[Hit]:
        """"When ...?" / "How many ...?" / "Why ...?": among passages close enough to answer, those that
        state a time, an amount (a sum of money for "how much ... cost"; a number of the very thing
        counted first) or a reason come first (``answer_type``)."""
        if kind is None and defined(question) is None or len(hits) < 2:
            return hits

        def answers(h: Hit) -> bool:
            text = self.segments[h.position].text
            return ((states_money(text) if money else states(kind, text))
                    and self.reader.coverage(reading, h.matched) >= MIN_COVERAGE)

        noun = set(self.analyzer.terms(thing)) if kind == "amount" and not money and (thing := counted(question)) else set()
        term = defined(question) if kind is None else None
        if term is not None:
            # "whats raac": the close passage that says what it is ("The concrete, known as RAAC, ...")
            return sorted(hits, key=lambda h: not (defines(term, self.segments[h.position].text)
                                                   and self.reader.coverage(reading, h.matched) >= MIN_COVERAGE))

        def counts_it(h: Hit) -> bool:
            # "how many shops are shutting": the passage that gives a number of shops ("eight of its
            # fourteen shops") before one that gives any number; "how long": a length of time ("for
            # four weeks") before a point in time ("tonight")
            text = self.segments[h.position].text
            if kind == "duration":
                return answers(h) and states_duration(text)
            if not noun or not counts(noun, text, self.analyzer.terms):
                return False
            # a number of the very thing asked about answers "how many appointments got cancelled" though
            # the story words the rest otherwise ("340 appointments ... moved to later dates"), over a
            # passage with the reader's verb and no such number; not for a thing every count is of
            # ("how many people")
            return answers(h) or (specific and noun <= h.matched)

        specific = bool(noun) and not noun & _ANY_THING

        # a time or an amount is the story's to state: among passages that give one, the story's
        # paragraphs before readers' comments ("how many times has he escaped")
        return sorted(hits, key=lambda h: (not counts_it(h), not answers(h),
                                           self.segments[h.position].passage.kind == "comment"))

    def _an_amount_among(self, hits: list[Hit], money: bool) -> bool:
        """Whether a passage close enough to answer states an amount (a sum of money, when ``money``)."""
        stated = states_money if money else (lambda text: states("amount", text))
        return any(stated(self.segments[h.position].text) for h in hits)

    def _asked_spans(self, passage_id: str, terms: Collection[str], person: str | None,
                     kind: str = "speech") -> tuple[QuoteSpan, ...]:
        """In a paragraph with more than one speaker: the spans of ``person``, or else the one span
        that holds most of the question's terms; () when the paragraph has one speaker. For an intent
        or evidence question ("Who wants ...?") the spans of that kind, however many speak."""
        spans = [q for q in self.cast.quotes.get(passage_id, ()) if q.speaker and q.kind == kind]
        if not spans or kind == "speech" and len({q.speaker for q in spans}) < 2:
            return ()
        if person is not None:
            return tuple(q for q in spans if q.speaker == person)
        wanted = set(terms)
        if not wanted:
            return ()
        counts = [len(wanted & set(self.analyzer.terms(q.text))) for q in spans]
        best = max(counts)
        return (spans[counts.index(best)],) if best else ()

    def _rank(self, topic: str, k: int, within: Collection[int] | None = None,
              verb: str | None = None, share: float = RUNNER_UP_SHARE) -> tuple[list[Hit], list[str], bool, Reading]:
        """Hits for the topic, its terms, whether the best hit is evidence enough to answer, and how the
        reader's words were read (typos, WordNet bridges: ``reader_words``).

        The reader's own verb ("criticised") is looked for too when some passage uses it; when none
        does, it was the reader's wording, not evidence against an answer.
        """
        # Searching some passages only (a speaker's, the comments): a word they lack is read as one the
        # article lacks, so it may be bridged to theirs.
        scope = None if within is None else self.index.scope(within)
        reading = self.reader.read(topic, scope)
        if verb:
            verb_terms = {t: 1.0 for t in self.analyzer.terms(verb) if self.index.known(t) and t not in reading.terms}
            if verb_terms:
                reading = replace(reading, slots=reading.slots + tuple(Slot(verb, {t: 1.0}) for t in verb_terms))
            elif formula := {t: 1.0 for w in speech_act_words(verb) for t in self.analyzer.terms(w)
                             if self.index.known(t) and t not in reading.terms}:
                # "who apologised": the article has no "apologise" but someone says "sorry"
                reading = replace(reading, slots=reading.slots + (Slot(verb, formula),),
                                  bridges=reading.bridges + tuple((verb, w) for w in speech_act_words(verb)
                                                                  if any(t in formula for t in self.analyzer.terms(w))))
            elif bridged := {t: w for t, w in self.reader.verb_bridge(verb, self.index.known).items()
                             if t not in reading.terms}:
                # "who bought the bakery": no passage says "buy", one says "purchase", one "sold". A light
                # slot at a bridge's weight: it orders the hits, but its absence is not evidence against one.
                reading = replace(reading, slots=reading.slots + (Slot(verb, {t: BRIDGE_WEIGHT for t in bridged}, light=True),),
                                  bridges=reading.bridges + tuple((verb, w) for w in dict.fromkeys(bridged.values())))
        terms = reading.terms
        hits = self.index.search(terms, k=max(k, 1) * 3, within=within, weights=reading.weights)
        if not hits:
            return [], terms, False, reading
        # A name the question gives that no passage has ("the prime minister of India", "putin") means
        # the article is about something else, however well the other words match.
        if any(s.missing_name for s in reading.slots):
            return hits[:k], terms, False, reading
        best = hits[0]
        kept = [h for h in hits if h.score >= best.score * share][:k]
        enough = self.reader.coverage(reading, best.matched) >= MIN_COVERAGE
        if not enough:
            # A close runner-up that holds enough of the question is the answer, ahead of a best hit that
            # scored on a rarer word alone ("use" bridged to "eat" in another comment).
            covering = next((h for h in kept if self.reader.coverage(reading, h.matched) >= MIN_COVERAGE), None)
            if covering is not None:
                kept = [covering, *(h for h in kept if h is not covering)]
                enough = True
        return kept, terms, enough, reading

    def _search(self, q: Question, k: int) -> Answer:
        typed = normalise_chat(q.text)
        kind = wanted(typed)
        # "why are they cutting the ferries": when a kind of answer is asked for, the passages that match
        # the question's words as fully as the best and score near it are in the running too, so the
        # one that gives the reason can come first; never a passage that matches less of the question.
        # A reader's comment is short, so it outscores the story's longer paragraph on the same words: when a
        # time or an amount is asked for, the story's paragraphs within a near tie of the best are in the
        # running too (the story states it; ``_stating_first`` puts it before a comment)
        hits, terms, enough, reading = self._rank(q.topic, max(k, _KIND_POOL) if kind or defined(typed) else k,
                                                  share=RUNNER_UP_SHARE if kind is None else _NEAR_TIE)
        if kind is not None:
            hits = [h for h in hits if h.score >= RUNNER_UP_SHARE * hits[0].score
                    or self.segments[h.position].passage.kind == "paragraph"]
        if len(hits) > k:
            least = self.reader.coverage(reading, hits[0].matched)
            hits = hits[:k] + [h for h in hits[k:] if h.score >= _NEAR_TIE * hits[0].score
                               and self.reader.coverage(reading, h.matched) >= least]
        if not enough and len(q.topic.split()) <= 3 and (match := self._match(q.topic)).person is not None \
                and match.how in ("name", "words", "typo", "possessive"):
            # "raj?": only a name, asked about; a commenter's name is in no passage's words
            return _noted(self._said_by(replace(q, kind="what_said", subject=match.person.name, topic=""), k,
                                        set(), match.person), match)
        if not enough:
            return self._doesnt_say(q, _did_you_mean_words(reading))
        money = asks_money(typed)
        if money and not self._an_amount_among(hits[:k], money):
            return self._doesnt_say(q)  # "How much will the ambulance cost?": no close passage gives a sum
        hits = self._stating_first(hits, reading, kind, money, typed)[:k]
        if kind is None:
            hits = self._story_first(hits, reading)
        quotes = tuple(self._quote(self.segments[h.position], terms, h.score) for h in hits)
        best = quotes[0]
        lead = f"The best match is {best.citation}" + (f", from {best.speaker}." if best.speaker else ".")
        return Answer(q.text, q.kind, lead, quotes, speaker=best.speaker, speakers=_names(quotes),
                      matched_terms=_matched(hits), **_how_read(reading))

    def _someone_first(self, hits: list[Hit], reading: Reading, kind: str) -> list[Hit]:
        """"who voted against it": "who" asks for someone, so a passage whose source is someone ("Councilor
        Mark Dion, who voted against the plan, said") comes before one that names no one ("welcomed the
        vote"), when it holds as much of the question and scores near it."""
        if len(hits) < 2 or self._source_of(hits[0], kind):
            return hits
        least = self.reader.coverage(reading, hits[0].matched)
        near = _STORY_NEAR * hits[0].score
        named = next((h for h in hits[1:] if h.score >= near and self._source_of(h, kind)
                      and self.reader.coverage(reading, h.matched) >= least), None)
        return hits if named is None else [named, *(h for h in hits if h is not named)]

    def _original_first(self, hits: list[Hit], reading: Reading) -> list[Hit]:
        """"did anyone suggest minibuses": a reply that matches only on words it quotes from another
        comment ("a minibus you can book" -> "how does an 84 year old book a minibus") is answering that
        comment, which said it first: the quoted comment comes first when it holds as much of the question
        and scores near it."""
        if len(hits) < 2:
            return hits
        reply = self.segments[hits[0].position].passage
        if not (reply.reply_to and reply.quoted and hits[0].matched <= set(self.analyzer.terms(reply.quoted))):
            return hits
        least = self.reader.coverage(reading, hits[0].matched)
        near = _STORY_NEAR * hits[0].score
        said = next((h for h in hits[1:] if self.segments[h.position].passage.author == reply.reply_to
                     and h.score >= near and self.reader.coverage(reading, h.matched) >= least), None)
        return hits if said is None else [said, *(h for h in hits if h is not said)]

    def _source_of(self, hit: Hit, kind: str) -> bool:
        """Whether the hit's passage has a source of that kind (speech, or intent)."""
        pid = self.segments[hit.position].passage.id
        return any(a.speaker and a.kind == kind for a in self.cast.attributions.get(pid, ()))

    def _story_first(self, hits: list[Hit], reading: Reading) -> list[Hit]:
        """"what are they doing about the newts": a reader's comment outscores the story's longer paragraph
        on the same words, only for being short; a story paragraph that holds as much of the question and
        scores near it comes first (the story reports what is done, a comment gives a view of it)."""
        if len(hits) < 2 or self.segments[hits[0].position].passage.kind != "comment":
            return hits
        least = self.reader.coverage(reading, hits[0].matched)
        near = _STORY_NEAR * hits[0].score
        story = next((h for h in hits[1:] if self.segments[h.position].passage.kind == "paragraph"
                      and h.score >= near and self.reader.coverage(reading, h.matched) >= least), None)
        return hits if story is None else [story, *(h for h in hits if h is not story)]

    def _scope(self, q: Question) -> list[int] | None:
        if q.scope == "comments":
            return self._comment_segments
        return None

    def _who_replied(self, q: Question) -> Answer:
        """"Who replied to Y?": the comments that answer Y, by reply_to, not by their words."""
        match = self._match(q.subject or "")
        person = match.person
        if person is None:
            if match.suggestions:
                return self._did_you_mean(q, match)
            if not _names_someone(q.subject or ""):
                # "Who disagreed with the plan?": not a reader; who said so, from the words.
                return self._who_said(replace(q, subject=None, topic=q.subject or "", scope="all"), DEFAULT_K)
            return Answer(q.text, q.kind, f"{_display(q.subject or 'They')} isn't in this article.", no_answer=True)
        replies = self._replies_to.get(person.name, [])
        if not replies:
            return Answer(q.text, q.kind, f"Nobody replies to {person.name} in the comments.", speaker=person.name,
                          no_answer=True)
        quotes = tuple(self._quote(self.segments[i], (), 0.0) for i in replies[:MAX_LISTED])
        names = _names(quotes)
        verb = q.verb if q.verb and q.verb.endswith("ed") else "replied"
        lead = f"{_and(names)} {verb}{_RELATION_PREPOSITION.get(verb, '')} {person.name}."
        return _noted(Answer(q.text, q.kind, lead, quotes, speaker=names[0], speakers=names), match)

    def _who_said(self, q: Question, k: int) -> Answer:
        if q.subject:
            return self._who_replied(q)
        asking = bool(q.verb) and q.verb.split()[0].lower() in _ASKING
        if asking:
            # "Who asked about China?": the passages that ask a question, ranked by the topic alone.
            scope = self._scope(q)
            within = self._asking if scope is None else sorted(set(self._asking) & set(scope))
            hits, terms, enough, reading = self._rank(q.topic, k, within=within)
        else:
            # "Who reported the story?": the story is the article, in its title's words.
            topic = self.article.title if _THE_ARTICLE.match(q.topic) else q.topic
            hits, terms, enough, reading = self._rank(topic, k, within=self._scope(q), verb=q.verb)
        if not enough:
            return self._doesnt_say(q, _did_you_mean_words(reading, "The article doesn't say." if q.verb
                                                           else "The article doesn't say who said that."))
        # "Who wants / plans / hopes ...?" asks for intent attributions, not speech.
        kind = "intent" if q.verb and q.verb.split()[0].lower() in INTENT_VERBS else "speech"
        hits = self._cued_first(hits, q.verb, reading)
        if not asking:
            hits = self._original_first(self._someone_first(hits, reading, kind), reading)
        quotes = tuple(self._quote(self.segments[h.position], terms, h.score, kind=kind) for h in hits)
        best = quotes[0]
        if asking and best.speaker:
            names = _names(quotes)
            # "asked whether / if X" is the reader's own clause: not "asked about whether X".
            about = "" if q.topic.lower().split(maxsplit=1)[:1] in (["whether"], ["if"]) else "about "
            lead = f"{_with_role(best.speaker, None, self.cast.person(best.speaker))} asked {about}{q.topic} ({best.citation})."
            return Answer(q.text, q.kind, lead, quotes, speaker=best.speaker, speakers=names,
                          matched_terms=_matched(hits), **_how_read(reading))
        if best.speaker is None:
            lead = f"{best.citation} says it in the article's own words; it doesn't name a speaker."
            return Answer(q.text, q.kind, lead, quotes, matched_terms=_matched(hits), **_how_read(reading))
        names = _names(quotes)
        person = self.cast.person(best.speaker)
        role = person.role if person else None
        who = _with_role(best.speaker, role, person)
        said = f"{q.verb.split()[0]} that" if kind == "intent" and q.verb else "said it"
        if len(names) > 1:
            others = ", ".join(names[1:])
            lead = f"{who} {said} ({best.citation}); {others} also said something close."
        else:
            lead = f"{who} {said} ({best.citation})."
        return Answer(q.text, q.kind, lead, quotes, speaker=best.speaker, speaker_role=role, speakers=names,
                      matched_terms=_matched(hits), **_how_read(reading))

    def _what_said(self, q: Question, k: int, exclude: set[str]) -> Answer:
        if q.subject is None:  # "what do the commenters think about China?"
            return self._in_scope(q, k, exclude)
        subject = q.subject
        match = self._match(subject)
        if match.person is None and not match.suggestions and q.possessive and re.search(r"[^s's]s$", subject):
            # "whats the treasurers problem with it": the treasurer's, when one person is the treasurer
            # (a name's possessive is read as one already: "hatamis take")
            if (one := self._match(subject[:-1])).person is not None:
                match = one
        if match.person is None and not match.suggestions and (body := self._government_body(subject)) is not None:
            match = PersonMatch(subject, body, "role")  # "what did the govt say": its one department quoted
        person = match.person
        if person is None and match.suggestions and not q.subject_is_pronoun:
            return self._did_you_mean(q, match)
        if person is None and not q.subject_is_pronoun and not _names_someone(subject):
            # "What did the ministers talk about?": no one in particular; answer from the words, first
            # among the passages that name them.
            found = self._said_by_group(q, k) or self._search(Question(q.text, "search", search_topic(q.text)), k)
            if not (_one_by_office(subject) and found.speaker and (heard := self.cast.person(found.speaker))
                    and (heard.kind == "person" and not self._holds_as_asked(heard, subject)
                         # "the education secretary" is one person, not the Department for Education that
                         # speaks in a statement (a spokesperson speaks for a body: that is the body)
                         or heard.kind == "organisation" and subject.split()[-1].casefold() not in _SPOKES)):
                return found
            # "what did the vet say" where the vet is only mentioned in Declan Shaw's paragraph: one person
            # by an office no one holds here is not quoted, and Shaw's words are not theirs
        if person is None:
            shown = subject if not q.subject_is_pronoun else "That person"
            lead = (f"I can't tell who “{subject}” means here; ask me again with their name."
                    if q.subject_is_pronoun else f"{_display(shown)} isn't quoted in this article.")
            return Answer(q.text, q.kind, lead, speaker=None if q.subject_is_pronoun else subject, no_answer=True)
        return _noted(self._said_by(q, k, exclude, person), match)

    def _government_body(self, subject: str) -> Person | None:
        """"the government" in an article that quotes one government body and never says "government":
        that body ("A spokesperson for the Department of Health said ..."). Two such bodies, or an
        article with the word itself, is no one in particular."""
        words = [w for w in subject.casefold().split() if w not in _DETERMINERS]
        if words not in (["government"], ["administration"]) or self.index.known(self.analyzer.terms(words[0])[0]):
            return None
        bodies = [p for p in self.cast.people if p.kind == "organisation" and _GOVERNMENT_BODY.match(p.name)
                  and self._by_speaker.get(p.name)]
        return bodies[0] if len(bodies) == 1 else None

    def _said_by_group(self, q: Question, k: int) -> Answer | None:
        """"what did the government promise", "what did the shopkeepers say": a group speaks where the
        article names it, so the passages naming it are ranked by the reader's topic, else by the
        question's own words; None when no passage names it or none is close enough."""
        words = search_topic(" ".join(w for w in (q.subject or "").split() if w.casefold() not in _DETERMINERS))
        named = set(self.analyzer.terms(words))
        within = self.index.holding(named)
        if not within:
            return None
        # the reader's topic when they give one (not found there: no answer), else the question's words
        hits, terms, enough, reading = self._rank(q.topic or search_topic(q.text), k, within=within)
        if not enough:
            return None
        quotes = tuple(self._quote(self.segments[h.position], terms, h.score) for h in hits)
        best = quotes[0]
        lead = f"The best match is {best.citation}" + (f", from {best.speaker}." if best.speaker else ".")
        return Answer(q.text, "search", lead, quotes, speaker=best.speaker, speakers=_names(quotes),
                      matched_terms=_matched(hits), **_how_read(reading))

    def _said_by(self, q: Question, k: int, exclude: set[str], person: Person) -> Answer:
        mine = [i for i in self._by_speaker.get(person.name, ()) if self.segments[i].passage.id not in exclude]
        who = _with_role(person.name, person.role, person)
        if not mine:
            lead = (f"That's all {person.name} says in this article." if exclude
                    else f"{person.name} is mentioned but not quoted in this article.")
            return Answer(q.text, q.kind, lead, speaker=person.name, speaker_role=person.role, no_answer=True)
        to_reader = self._replies_from(person, q)
        if to_reader is not None:
            return to_reader
        listing = self._listing(q, person, who, mine)
        if not q.topic and not q.verb:
            return listing
        topic = q.topic or q.verb or ""
        hits, terms, enough, reading = self._rank(topic, k, within=mine)
        if not enough and hits and self._the_story_s_words_aside(reading, hits[0].matched):
            enough = True  # "whats the mayors take on the bike lanes": she speaks of "the lanes"
        if not enough:
            if not q.topic:  # "What did he criticise?" in other words than the reader's: all he says
                return listing
            lead = f"{person.name} doesn't say anything about {topic} in this article."
            return Answer(q.text, q.kind, lead, speaker=person.name, speaker_role=person.role, no_answer=True)
        quotes = tuple(self._quote(self.segments[h.position], terms, h.score, person.name) for h in hits)
        lead = f"What {who} says about {topic}:" if q.topic else f"What {who} says:"
        return Answer(q.text, q.kind, lead, quotes, speaker=person.name, speaker_role=person.role,
                      speakers=(person.name,), matched_terms=_matched(hits), **_how_read(reading))

    def _the_story_s_words_aside(self, reading: Reading, matched: frozenset[str]) -> bool:
        """Whether a speaker's passage holds the reader's topic but for words the story is about, which
        its headline or first paragraph says ("the bike lanes" when the mayor says "the lanes" in a
        story headed "City council approves new bike lanes"). A word the article lacks, or one said only
        elsewhere in it, still counts against the passage."""
        story = set(self.analyzer.terms(self.article.title))
        if self.article.paragraphs:
            story |= set(self.analyzer.terms(self.article.paragraphs[0].text))
        found = missing = 0
        for slot in reading.slots:
            if slot.light:
                continue
            if any(t in matched for t in slot.terms):
                found += 1
            elif slot.missing_name or not any(t in story for t in slot.terms):
                return False
            else:
                missing += 1
        return found >= 1 and missing >= 1
    def _replies_from(self, person: Person, q: Question) -> Answer | None:
        """"What did X reply to Y?": X's comments that reply to or @mention the reader Y, in order."""
        verb = (q.verb or "say").split()[0].lower()
        target = self._match(q.topic).person if q.topic and (verb in _ADDRESSING or q.verb is None) else None
        if target is None or target.kind != "commenter" or target.name == person.name:
            return None
        theirs = set(self._replies_to.get(target.name, ()))
        said = [i for i in self._by_speaker.get(person.name, ()) if i in theirs]
        if not said:
            return Answer(q.text, q.kind, f"{person.name} doesn't reply to {target.name} in the comments.",
                          speaker=person.name, no_answer=True)
        quotes = tuple(self._quote(self.segments[i], (), 0.0) for i in said[:MAX_LISTED])
        return Answer(q.text, q.kind, f"What {person.name} replied to {target.name}:", quotes, speaker=person.name,
                      speakers=(person.name, target.name))

    def _listing(self, q: Question, person: Person, who: str, mine: list[int]) -> Answer:
        """Everything a person says, in article order."""
        quotes = tuple(self._quote(self.segments[i], (), 0.0, person.name) for i in mine[:MAX_LISTED])
        more = f" (first {MAX_LISTED} of {len(mine)})" if len(mine) > MAX_LISTED else ""
        return Answer(q.text, q.kind, f"What {who} says{more}:", quotes, speaker=person.name,
                      speaker_role=person.role, speakers=(person.name,))

    def _in_scope(self, q: Question, k: int, exclude: set[str]) -> Answer:
        """What the commenters say (about a topic): their comments ranked, or all in order."""
        scope: Sequence[int] = self._scope(q) or range(len(self.segments))
        if exclude:  # ("anything else?"): a filter over the scope only when there is something to leave out
            scope = [i for i in scope if self.segments[i].passage.id not in exclude]
        if not scope:
            return Answer(q.text, q.kind, "There are no reader comments on this article.", no_answer=True)
        if not q.topic:
            quotes = tuple(self._quote(self.segments[i], (), 0.0) for i in scope[:MAX_LISTED])
            return Answer(q.text, q.kind, "What the commenters say:", quotes, speakers=_names(quotes))
        hits, terms, enough, reading = self._rank(q.topic, k, within=scope, verb=q.verb)
        if not enough:
            return self._doesnt_say(q, f"None of the commenters says anything about {q.topic}.")
        quotes = tuple(self._quote(self.segments[h.position], terms, h.score) for h in hits)
        return Answer(q.text, q.kind, f"What the commenters say about {q.topic}:", quotes, speakers=_names(quotes),
                      matched_terms=_matched(hits), **_how_read(reading))

    def _who_is(self, q: Question, k: int) -> Answer:
        match = self._match(q.subject or "")
        person = match.person
        if person is None:
            if match.suggestions:
                return self._did_you_mean(q, match)
            return self._search(Question(q.text, "search", q.topic), k)
        intro = self._first_segment.get(person.introduced_in or "")
        terms = self.analyzer.terms(" ".join((person.name, *person.aliases)))
        quotes = (self._quote(self.segments[intro], terms, 0.0),) if intro is not None else ()
        if person.kind == "commenter":
            count = sum(1 for i in self._by_speaker.get(person.name, ()) if self.segments[i].part == "text")
            lead = f"{person.name} is a reader who commented on the article ({_plural(count, 'comment')})."
        elif person.role and quotes:
            lead = f"{person.name} is introduced in {quotes[0].citation} as {person.role}."
        elif person.role:
            lead = f"{person.name}: {person.role}."
        else:
            lead = f"{person.name} is introduced in {quotes[0].citation}." if quotes else f"{person.name} is quoted in the article."
        return _noted(Answer(q.text, q.kind, lead, quotes, speaker=person.name, speaker_role=person.role,
                             speakers=(person.name,)), match)

    def _about_article(self, q: Question) -> Answer:
        a = self.article
        if q.facet == "title":
            lead = f"The article is titled “{a.title}”."
        elif q.facet == "published":
            lead = (f"It was published on {a.published:%B} {a.published.day}, {a.published.year}."
                    if a.published else "The article doesn't give its publication date.")
        elif q.facet == "comments":
            shown = self._comments_shown
            lead = f"The article has {_plural(shown, 'reader comment')}"
            if a.comment_count is not None and a.comment_count != shown:
                lead += f" shown (the page counts {a.comment_count})"
            lead += "."
        elif q.facet == "author":
            lead = f"The article is by {a.author}." if a.author else "The article doesn't name its author."
        elif q.facet == "source":
            lead = f"The article is at {a.url}." if a.url else "I don't have a link to the article, only its text."
        elif q.facet == "speakers":
            names = [p.name for p in self.speakers() if p.kind != "commenter"]
            commenters = [p.name for p in self.speakers() if p.kind == "commenter"]
            lead = ("Quoted in the story: " + (", ".join(names) or "nobody") + ". Commenters: "
                    + (", ".join(commenters) or "none") + ".")
        else:
            first = self.segments[0]
            quote = self._quote(first, (), 0.0)
            lead = f"“{a.title}”" + (f", published {a.published:%B} {a.published.day}, {a.published.year}" if a.published else "") + "."
            return Answer(q.text, q.kind, lead, (quote,))
        return Answer(q.text, q.kind, lead)

    def _doesnt_say(self, q: Question, lead: str = "The article doesn't say.") -> Answer:
        return Answer(q.text, q.kind, lead, no_answer=True)

    def _did_you_mean(self, q: Question, match: PersonMatch) -> Answer:
        """A name one edit too far from someone's, or as close to two people: ask back, don't guess."""
        return Answer(q.text, q.kind, f"Did you mean {_or(match.suggestions)}?", no_answer=True)


def _how_read(reading: Reading) -> dict[str, tuple[tuple[str, str], ...]]:
    return {"corrections": reading.corrections, "bridges": reading.bridges}


def _noted(answer: Answer, match: PersonMatch) -> Answer:
    """The answer, saying how a name typed otherwise was read ("hatamy" as Ali Hatami)."""
    if not match.corrected or match.person is None:
        return answer
    return replace(answer, lead=f"{answer.lead} (I read “{match.typed}” as {match.person.name}.)",
                   corrections=((match.typed, match.person.name), *answer.corrections))


def _did_you_mean_words(reading: Reading, lead: str = "The article doesn't say.") -> str:
    if not reading.suggestions:
        return lead
    return f"{lead} Did you mean {_or(tuple(f'“{w}”' for w in reading.suggestions))}?"


def _or(items: tuple[str, ...]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


_RELATION_PREPOSITION = {"replied": " to", "responded": " to", "agreed": " with", "disagreed": " with",
                         "argued": " with", "pushed back": " on"}
_ASKING = {"asked", "asks", "ask", "wondered", "wonders", "questioned", "queried"}
# "What did X reply to Y?": verbs that address another reader.
_ADDRESSING = {"reply", "respond", "answer", "say", "tell", "write", "comment", "argue", "disagree", "agree"}


# The article itself named as the thing said or reported: "the story", "this article", "it".
_THE_ARTICLE = re.compile(r"^(?:(?:the|this|that)\s+(?:story|article|news|piece|report)|this|it)$", re.IGNORECASE)


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def _comments_by_author(article: Article) -> dict[str, list[Passage]]:
    shown: dict[str, list[Passage]] = {}
    for c in article.comments:
        shown.setdefault(c.author or "", []).append(c)
    return shown


def _quotes_shown_comment(shown: dict[str, list[Passage]], reply: Passage, squashed: dict[str, str]) -> bool:
    """Whether the reply quotes an earlier comment of the one it answers; ``squashed`` keeps each comment's
    squashed text once made: only comments that a reply quotes from are squashed, not every comment."""
    quoted = _squash(reply.quoted or "")
    for c in shown.get(reply.reply_to or "", ()):
        if c.number < reply.number:
            if c.id not in squashed:
                squashed[c.id] = _squash(c.text)
            if quoted in squashed[c.id]:
                return True
    return False


def _matched(hits: list[Hit]) -> tuple[str, ...]:
    return tuple(sorted(set().union(*(h.matched for h in hits)))) if hits else ()


def _names(quotes: tuple[Quote, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(q.speaker for q in quotes if q.speaker))


def _with_role(name: str, role: str | None, person: Person | None) -> str:
    if person is not None and person.kind == "commenter":
        return f"{name} (a commenter)"
    return f"{name}, {role}," if role else name


# A described person's introduction must outscore the next one by this much to be the one meant.
_CLEARLY_BEST = 0.9
_POLICE_RANKS = frozenset({"detective", "inspector", "constable", "sergeant", "superintendent", "pc", "dc", "ds", "di",
                           "dci", "dsi", "policeman", "policewoman", "police"})
_PROSECUTING_ATTORNEY = frozenset({"american", "district", "state", "general", "crown", "county"})  # U.S., D.A., ...
# A reader's everyday words for an office (all the typed words, past "the", among them) -> whether a role's
# words are of such an office. Reached only when no one's role is the reader's word itself.
_INFORMAL_OFFICES: tuple[tuple[frozenset[str], Callable[[frozenset[str]], bool]], ...] = (
    (frozenset({"cop", "copper", "police", "officer", "policeman", "policewoman", "plod", "detective", "fuzz"}),
     lambda key: bool(key & _POLICE_RANKS)),
    (frozenset({"prosecutor", "prosecution", "prosecuting", "da"}),
     lambda key: bool(key & {"prosecutor", "prosecuting"}) or "attorney" in key and bool(key & _PROSECUTING_ATTORNEY)),
    (frozenset({"medic", "doc", "doctor", "gp", "physician"}),
     lambda key: bool(key & {"physician", "doctor", "gp", "surgeon", "consultant", "paramedic", "medic", "clinician"})),
    # a football side's "manager" is often its head coach, and the other way about
    (frozenset({"manager", "gaffer", "coach"}), lambda key: bool(key & {"coach", "manager"})),
)
_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "representative",
                     "rep", "press", "office", "team", "staff", "management", "board"})
# A reader's words for someone's age, and for their sex, in a description ("the old lady").
_AGE_WORDS = {"old": "old", "elderly": "old", "older": "old", "oldest": "old", "pensioner": "old", "aged": "old",
              "retired": "old", "young": "young", "younger": "young", "youngest": "young", "teenage": "young"}
_SEX_WORDS = {"lady": "female", "woman": "female", "girl": "female", "gran": "female", "granny": "female",
              "grandma": "female", "man": "male", "guy": "male", "bloke": "male", "boy": "male", "gent": "male",
              "gentleman": "male", "fella": "male", "chap": "male", "grandad": "male", "granddad": "male", "dude": "male"}
# What any count may be a count of ("how many people", "how many times"): no particular thing.
_ANY_THING = frozenset({"peopl", "person", "folk", "time", "one", "thing", "ppl"})
# A body of a national government, by its name ("Department of Health", "the Home Office").
_GOVERNMENT_BODY = re.compile(r"(?:the\s+)?(?:(?:[A-Z][\w.&-]*\s+)*(?:Department|Ministry)\b|Home\s+Office|"
                              r"Foreign\s+Office|Cabinet\s+Office|Treasury|White\s+House|Downing\s+Street)")
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "some", "both"}
# Words for when an office was held, by sense: a reader's "old" chairman is the article's "outgoing" one.
_THEN_WORDS = {"past": frozenset({"old", "former", "ex", "ex-", "outgoing", "previous", "retiring", "departing", "erstwhile",
                                  "late", "then"}),
               "new": frozenset({"new", "incoming", "newly", "incoming", "current", "present", "acting", "interim"})}
_THEN = {w: sense for sense, ws in _THEN_WORDS.items() for w in ws if w not in ("late", "then", "present", "acting",
                                                                               "interim", "newly", "ex-")}
# Words that say "a person" in a description, and the words that only join it ("the guy who runs ...",
# "the lady from the residents group": a group's kind says nothing its members' words don't).
_PERSON = {"guy", "man", "woman", "lady", "person", "one", "dude", "bloke", "fella", "fellow", "chap", "girl",
           "boy", "gentleman", "gent", "someone", "somebody",
           # someone who knows a field: "the newt expert" is whoever the story introduces with newts
           "expert", "specialist", "boffin", "guru"}
_GLUE = {"who", "that", "which", "whos", "from", "with", "at", "of", "in", "for", "on", "is", "was", "group",
         "groups", "organisation", "organization", "body", "outfit", "lot"}


def _names_someone(phrase: str) -> bool:
    """Whether a phrase means one particular person ("Vladimir Putin", "the Saudi foreign minister")
    rather than a group or a description ("the ministers", "the Americans")."""
    words = phrase.split()
    if not words:
        return False
    if words[0].casefold() in _DETERMINERS:
        # A role with a proper adjective or a place names one person; a plural names a group. The role's
        # head is the word before its "of" ("the mayor of leeds"); typed in lowercase, a place is a word
        # that isn't English.
        lowered = [w.casefold() for w in words]
        of = lowered.index("of") if "of" in lowered[2:] else len(words)
        named = any(w[:1].isupper() for w in words[1:]) or any(_not_english(w) for w in words[of + 1:] if w.casefold() not in STOPWORDS)
        return named and not lowered[of - 1].endswith("s")
    # Typed in lowercase, a name is a word that isn't English ("putin", "imran khan").
    return any(w[:1].isupper() for w in words) or any(_not_english(w) for w in words)


def _holds(person: Person, office: str) -> bool:
    """Whether the person's role or titles name the office ("Professor Ada Lyle": professor)."""
    return any(office.casefold() in re.findall(r"[\w-]+", form.casefold()) for form in (person.role or "", *person.aliases))


def _one_by_office(phrase: str) -> bool:
    """"the vet", "the mayor": one person by an office or a person's kind, singular after "the"."""
    words = phrase.casefold().split()
    return len(words) >= 2 and words[0] == "the" and (words[-1] in ROLE_HEADS or words[-1] in _PERSON) and (
        words[-1] not in _GLUE)


def _group_name(name: str) -> bool:
    """A name that ends in an English plural and opens with no forename: "Quiet Skies", "Eastgate
    Residents" name a group ("Tyra Banks" opens with a forename: a person)."""
    words = name.casefold().split()
    if len(words) < 2 or words[0] in MALE_NAMES or words[0] in FEMALE_NAMES or not words[-1].endswith("s"):
        return False
    return any(lemma != words[-1] for lemma in wordnet().lemmas(words[-1]))


def _not_english(word: str) -> bool:
    word = word.casefold().strip("'’")
    return word.isalpha() and len(word) > 2 and not wordnet().is_word(word)


def _and(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _display(subject: str) -> str:
    return subject[:1].upper() + subject[1:]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


