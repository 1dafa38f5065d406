"""Understand a question: who said X / what did Y say (about Z) / who is Y / about the article / search."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .chat_text import normalise_chat
from .lazy_pattern import LazyPattern

QuestionKind = Literal["who_said", "what_said", "who_is", "article", "search", "invalid"]
ArticleFacet = Literal["title", "published", "comments", "summary", "source", "speakers", "author"]
Scope = Literal["all", "comments"]

MAX_QUESTION_CHARS = 300

_I = re.IGNORECASE
# Verbs that only say that someone spoke: they name nothing to look for in the passage. Other verbs a
# reader uses ("criticised", "supported") are looked for too, when the article uses them.
SPEECH_VERBS = frozenset("""
say says said tell tells told think thinks thought believe believes believed feel feels felt speak speaks spoke
talk talks talked mention mentions mentioned write writes wrote comment comments commented note notes noted
add adds added state states stated claim claims claimed argue argues argued reckon reckons reckoned
remark remarks remarked suggest suggests suggested mean means meant express expresses expressed
saying thinking talking telling speaking writing commenting mentioning noting adding stating claiming arguing
suggesting meaning feeling believing reckoning on
""".split())
_AUX = r"(?:also|first|else|actually|really|ever|even|just|has|had|have)"
_SCOPE_WORDS = (r"person|people|one|commenter|commenters|reader|readers|official|officials|minister|ministers|"
                r"leader|leaders|politician|politicians|outlet|agency|channel|news\s+channel|side|speaker|"
                r"paper|newspaper|site|website|station|broadcaster|network|publication")
_WHO_SAID = LazyPattern(
    rf"^(?:who|which\s+(?P<scope>{_SCOPE_WORDS}))\s+(?:{_AUX}\s+)*"
    r"(?P<verb>(?!is\b|was\b|are\b|were\b|did\b|does\b|do\b|will\b|would\b|can\b|could\b|should\b)[a-z’']+"
    r"(?:\s+(?:out\s+at|out\s+against|out|about|of|on|up|at))?)\b\s*(?:that\s+)?(?P<rest>.*)$",
    _I,
)
# "who was talking to X", "who is blaming the US": the progressive is the same question.
_WHO_DOING = LazyPattern(
    rf"^(?:who|which\s+(?P<scope>{_SCOPE_WORDS}))(?:\s+(?:is|was|are|were)|'s|’s)\s+(?:{_AUX}\s+)*"
    r"(?P<verb>[a-z]+ing(?:\s+(?:out\s+at|out\s+against|out|about|of|on|up|at))?)\b\s*(?:that\s+)?(?P<rest>.*)$",
    _I,
)
# Readers talking to each other: "Who replied to / answered / disagreed with / agreed with Y?"
_WHO_REPLIED = LazyPattern(
    rf"^(?:who|which\s+(?:{_SCOPE_WORDS}))\s+(?:{_AUX}\s+)*"
    r"(?P<verb>replied|replies|responded|responds|answered|answers|disagreed|disagrees|agreed|agrees|argued|"
    r"argues|quoted|quotes|pushed\s+back)"
    r"\s+(?:(?:to|with|on|against)\s+)?(?P<subject>[^?]+?)$", _I)
_ANYONE = LazyPattern(
    r"^(?:(?:did|does|has|had)\s+)?(?:anyone|anybody|someone|somebody|any\s+(?P<scope>commenter|reader|official)s?|"
    r"any\s+of\s+the\s+(?P<scope2>commenters|readers))\s+(?P<verb>[a-z’']+)\s*(?:anything\s+)?(?P<rest>.*)$",
    _I,
)
# Verbs (base forms) of "what did Y <verb> (about Z)": speaking, and judging in words.
_ASK_VERBS = (
    r"have\s+to\s+say|say|think|feel|write|post|tweet|claim|argue|tell\s+\w+|tell|mean|suggest|predict|comment|"
    r"reply|respond|believe|want|propose|warn|critici[sz]e|welcome|hail|praise|blame|accuse|call|condemn|deny|"
    r"urge|stress|note|add|announce|promise|vow|pledge|talk|speak|mention|discuss|expect|fear|hope|ask|wonder|"
    r"question|support|oppose|reject|dismiss|doubt|describe|recommend|demand|insist|emphasi[sz]e|underline|"
    r"express|voice|slam|attack|lash\s+out(?:\s+at)?|complain|admit|acknowledge|confirm|explain|report|offer|"
    r"reveal|agree|disagree|object|argue|point\s+out|quote|reckon|plan|intend|make\s+of"
)
_WHAT_SAID = LazyPattern(
    # "hows X feel about Y", "whats X think": chat's "'s" for "does"
    r"^(?:what|how)(?:\s+(?:else\s+)?(?:did|does|do|has|have|had)\s+|(?:'s|’s)\s+)(?P<subject>.+?)\s+(?:else\s+)?"
    # "what did becker call it": a pronoun object names nothing to look for
    rf"(?P<verb>{_ASK_VERBS})(?:\s+to\s+do|\s+(?:it|that|this|them))?(?:\s+else)?"  # "what does he plan to do": "to do" names nothing
    r"(?:\s+(?:about|of|on|regarding|concerning|over|in|to|re|wrt)(?:\s+(?P<topic>.+?))?)?$",
    _I,
)
_DID_SAY_ABOUT = LazyPattern(
    rf"^(?:did|does|has|had)\s+(?P<subject>.+?)\s+(?P<verb>{_ASK_VERBS})\s+(?:anything\s+|something\s+)?"
    r"(?:(?:about|on|regarding|of)\s+)?(?P<topic>.+)$",
    _I,
)
# "memon said anything about the union?": the question's word order, without its "did"
_SAID_ANYTHING = LazyPattern(
    r"^(?P<subject>(?:\S+\s+){0,3}?\S+?)\s+(?P<verb>said|says|mentioned|talked|wrote|commented)\s+(?:anything|something)"
    r"(?:\s+(?:about|on|regarding|of|re))?\s+(?P<topic>.+)$", _I)
# "where does X stand on Y": what X said about it
_STAND_ON = LazyPattern(r"^where\s+(?:does|do|did)\s+(?P<subject>.+?)\s+stand(?:\s+(?:on|about|regarding|with)\s+(?P<topic>.+?))?$", _I)
_QUOTES_OF = LazyPattern(
    r"^(?:(?:show|give|list|find)\s+(?:me\s+)?)?(?:all\s+)?(?:the\s+|any\s+)?(?:quotes|comments|words|statements|remarks|anything)\s+"
    r"(?:of|from|by)\s+(?P<subject>.+?)(?:\s+(?:about|on|regarding)\s+(?P<topic>.+))?$",
    _I,
)
# "what's X's take on Y", "X's thoughts on Y", "whats hatamis view": the possessive may lack its
# apostrophe (the answerer reads "hatamis" as Hatami's); without "what is" a topic must follow.
_VIEW_WORDS = (r"view|views|opinion|opinions|position|positions|stance|take|point|comment|comments|reply|response|"
               r"message|thoughts|verdict|stand|feelings|reaction|line|argument|case|problem|problems|issue|issues|beef|gripe|"
               # what a speaker gives for a decision or against it ("whats pritchards excuse")
               r"excuse|excuses|explanation|reasoning|reason|justification|defen[cs]e|side|angle|answer|complaint|"
               r"complaints|concern|concerns|worry|worries|criticism|advice|warning|point\s+of\s+view|pov|"
               # what a speaker means to do, in their own words ("whats reeses plan for the stadium")
               r"plan|plans|idea|ideas|proposal|proposals|promise|promises|pitch|vision|priorities|priority")
_VIEW_OF = LazyPattern(
    r"^what(?:'s|’s|\s+is|\s+was|\s+are|\s+were)\s+(?P<subject>.+?)(?:'s|’s|’|')?\s+"
    rf"(?:{_VIEW_WORDS})"
    r"(?:\s+(?:about|of|on|regarding|to|over|with|for)\s+(?P<topic>.+?))?$",
    _I,
)
_VIEW_ON = LazyPattern(
    r"^(?:and\s+)?(?P<subject>(?:\S+\s+){0,3}?\S+?)(?:'s|’s|’|')?\s+"
    r"(?:take|view|views|opinion|opinions|position|stance|thoughts|verdict|feelings|reaction|problem|issue|beef|"
    r"excuse|explanation|reasoning|justification|defen[cs]e|side|angle|complaint|concerns?|worries|criticism|advice|"
    r"plans?|ideas?|proposals?|promises?|vision)\s+"
    r"(?:about|of|on|regarding|over|with|for)\s+(?P<topic>.+?)$",
    _I,
)
# "what's X saying (about Y)", "what is X thinking": a speaker in the progressive.
_SAYING = LazyPattern(
    r"^what(?:'s|’s|\s+is|\s+are|\s+was|\s+were|\s+has|\s+have|\s+had)\s+(?P<subject>.+?)\s+(?:been\s+)?"
    r"(?P<verb>saying|thinking|talking|writing|claiming|arguing|suggesting|complaining|proposing|demanding|"
    r"posting|tweeting|commenting|asking|warning|telling\s+\w+|on\s+about)"
    r"(?:\s+(?:about|of|on|regarding|over|to)(?:\s+(?P<topic>.+?))?)?$",
    _I,
)
_WHO_IS = LazyPattern(r"^who(?:\s+(?:even|exactly|actually|really|the\s+hell))?(?:\s+is|\s+was|'s|’s)\s+(?P<subject>.+?)$", _I)
# "who runs the water authority", "who's in charge of the port", "who's the boss of the airport": the one
# whose role heads that body, read as the informal role "the water authority head" (``names``)
_WHO_RUNS = LazyPattern(
    r"^who(?:\s+(?:runs|heads|leads|chairs|owns|manages|directs|ran|headed|led|chaired|owned|managed|directed)|"
    r"(?:'s|’s|\s+is|\s+was)\s+(?:running|heading|leading|in\s+charge\s+of|"
    r"(?:the\s+)?(?:head|boss|chief|leader|owner|chair|director|manager)\s+(?:of|at)))\s+(?P<body>.+)$", _I)
# "who's against X", "who is in favour of X": who said so about X
_WHO_STANCE = LazyPattern(
    r"^who(?:\s+is|\s+was|\s+are|\s+were|'s|’s)\s+(?P<stance>against|for|in\s+favou?r\s+of|opposed\s+to|opposing|"
    r"supporting|backing|pro|anti)\s+(?P<rest>.+)$", _I)
_TITLE = LazyPattern(r"\b(?:title|headline|called|named)\b", _I)
_PUBLISHED = LazyPattern(r"\b(?:when|date|published|publication|how old)\b", _I)
# "when was this published", "when did it come out": "this" / "it" is the article itself.
_WHEN_THIS = LazyPattern(
    r"^(?:when|what\s+date|what\s+day)(?:\s+(?:was|did|is)|'s|’s)\s+(?:this|it|that)(?:\s+(?:piece|story|article|one))?\s+"
    r"(?:published|posted|written|come\s+out|came\s+out|out|put\s+up|released|from)\b|"
    r"^how\s+old\s+is\s+(?:this|it)(?:\s+(?:piece|story|article|one))?$", _I)
# "what's the deal with X", "what's going on with X", "any news on X": a search for X
_ABOUT = LazyPattern(
    r"^(?:what(?:'s|’s|\s+is)\s+(?:the\s+deal|up|going\s+on|happening|the\s+story|the\s+latest|new)\s+(?:with|on|about|re)|"
    r"what\s+about|tell\s+me\s+(?:more\s+)?about|(?:anything|any\s+(?:news|info|word|updates?))\s+(?:on|about|re))\s+"
    r"(?P<topic>.+)$", _I)
_HEADLINE = LazyPattern(r"^(?:what(?:'s|’s|\s+is|\s+was)\s+)?(?:the\s+)?(?:headline|title)$", _I)
_COMMENTS = LazyPattern(r"\bhow\s+many\s+(?:(?:reader\s+)?(?:comments|commenters|replies|readers)\b|"
                       r"(?:people|persons|readers|users|folks)?\s*(?:commented|replied|left\s+(?:a\s+)?comments?)\b)", _I)
# "report" is the article only as a noun ("the report", "this report"): "when does the inquiry report"
# asks about the inquiry, not about the article's date.
# "story", "piece", "page", "news" are the article only as the reader points at it ("this piece", "the
# story"): "who called the engine a museum piece" asks who said so, not for the title.
_ARTICLE = LazyPattern(r"\barticle\b|\b(?:the|this|that|your|ur|its)\s+(?:news\s+)?(?:story|piece|page|news|post)\b|"
                       r"\b(?:the|this|that|your|ur|its|a|to|of|in|for)\s+report\b", _I)
_SUMMARY = LazyPattern(
    r"^(?:what(?:\s+is|'s|’s)\s+(?:(?:this|the)\s+(?:article|story|piece|report|news)|this|it)\s+(?:all\s+)?about|"
    r"(?:summari[sz]e|sum\s+up|tl;?dr|summary|gist)\b|what\s+happened(?:\s+(?:here|in\s+(?:the|this)\s+(?:article|story)))?$)", _I)
_SOURCE = LazyPattern(r"\b(?:link|url|source|where\s+(?:is|was|can))\b", _I)
_SPEAKERS = LazyPattern(
    r"^who(?:\s+(?:is|are|gets|got)|'s|’s)\s+(?:quoted|speaking|cited)\b|^who\s+(?:speaks|comments|commented)$|"
    r"^who\s+(?:are|were)\s+the\s+(?:commenters|readers|speakers|people\s+quoted)\b", _I)
# "this", "it", "the story": the article itself, as a reader points at it
_THIS = r"(?:it|this|that|(?:the|this)\s+(?:article|story|piece|report|post))"
_IS_THIS = LazyPattern(rf"^{_THIS}$", _I)
_SOURCE_OF_THIS = LazyPattern(
    rf"^(?:(?:(?:what|where)(?:'s|’s|\s+is)\s+)?(?:the\s+)?(?:link|url|source)(?:\s+(?:for|of|to)\s+{_THIS})?|where(?:'s|’s|\s+is|\s+was)\s+{_THIS}\s+from|"
    rf"what\s+(?:site|website|paper|newspaper|outlet)\s+(?:is|was)\s+{_THIS}\s+(?:from|on))$", _I)
_AUTHOR = LazyPattern(
    rf"^who\s+(?:wrote|writes|authored|penned)\s+{_THIS}$|"
    rf"^who(?:'s|’s|\s+is|\s+was)\s+the\s+(?:author|writer|reporter|journalist)(?:\s+of\s+{_THIS})?$", _I)
# "is okafor quoted", "is the hospital mentioned", "is trump in this"
_IS_QUOTED = LazyPattern(
    rf"^(?:is|was|are|were)\s+(?P<subject>.+?)\s+(?:(?P<quoted>quoted)|mentioned|in\s+{_THIS})(?:\s+at\s+all)?$", _I)
_CROWD = LazyPattern(r"^(?:the\s+)?(?:commenters|readers|comments|reader\s+comments|people\s+in\s+the\s+comments|people|folks|everyone|everybody)$", _I)
# "any comments on China": what the commenters say about it.
_COMMENTS_ON = LazyPattern(r"^(?:any\s+|the\s+|reader\s+)?comments?\s+(?:on|about|regarding)\s+(?P<topic>.+)$", _I)
# Chat wrappers around a question: openers ("so", "ok but"), requests ("can you tell me", "do you
# know", "I want to know") and trailing "again"; an embedded question's word order is put back.
# ... and the bot addressed by name or a greeting ("hey bot", "yo", "quick q:").
_OPENER = LazyPattern(r"^(?:(?:so|and|but|ok|okay|also|well|hmm+|um+|oh|right|wait|yo|hi|hello|like|basically|"
                      r"(?:article)?bot|quick\s+q(?:uestion)?|question|q)\b[\s,:;-]*)+(?=\w)", _I)
_REQUEST = LazyPattern(
    r"^(?:(?:can|could|would|will)\s+(?:you|u|someone|somebody|anyone|anybody)\s+(?:please\s+)?(?:tell|show|give)\s+me|"
    r"(?:(?:do|does|did)\s+)?(?:you|anyone|anybody)\s+know|i\s+(?:want|would\s+like|wanna|need)\s+to\s+know|"
    r"i\s+(?:wonder|was\s+wondering)|tell\s+me)\s+(?=(?:what|who|when|where|why|how|which|if|whether)\b)", _I)
_TRAILER = LazyPattern(r"[\s,]+(?:again|then|though|tho|exactly|anyway)$", _I)
_EMBEDDED_SAID = LazyPattern(
    rf"^what\s+(?P<subject>.+?)\s+(?:said|says|thinks|thought|wrote|writes|meant|means|feels|felt)"
    r"(?P<rest>(?:\s+(?:about|of|on|regarding)\s+.+)?)$", _I)
_EMBEDDED_WHO = LazyPattern(r"^who\s+(?P<subject>.+?)\s+(?:is|was)$", _I)


def _unwrap(body: str) -> str:
    """The question inside chat wrappers: "ok so can u tell me who hatami is" -> "who is hatami"."""
    body = _OPENER.sub("", body)
    inner = _REQUEST.sub("", body)
    embedded = inner != body  # "do you know what raj said": an embedded question, in statement order
    body = _TRAILER.sub("", inner)
    if embedded and (m := _EMBEDDED_WHO.match(body)):
        return f"who is {m.group('subject')}"
    if embedded and (m := _EMBEDDED_SAID.match(body)) and not re.match(
            r"(?:did|does|do|has|have|had|is|was|are|were)\b", m.group("subject"), _I):
        return f"what did {m.group('subject')} say{m.group('rest')}"
    return body


_PRONOUNS = {"he", "she", "they", "him", "her", "them", "it"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "some", "any"}
# Words that make a question a question but name nothing to look for.
_FILLER = LazyPattern(
    r"\b(?:anyone|anybody|someone|somebody|something|anything|everyone|everybody|mentioned|mentions?|"
    # "who said nobody called them": who says so, not who uses the word "nobody"
    r"nobody|nothing|no\s+one|noone|"
    r"(?:in|from)\s+(?:the|this)\s+(?:article|story|piece|comments?)|"
    # a question's own words for amount and time ask for a number, they name nothing to find
    r"(?<=how\s)(?:much|many|long|often|soon|far|big|large|high|tall|deep|wide|old)|so\s+far|at\s+all|right\s+now|"
    # ... and so do "what time / day / year" and "how many times": the kind of answer, not a topic
    r"(?<=what\s)(?:time|date|day|year|month)|(?<=how\smany\s)(?:times|people|persons|folks)|"
    # "how much money": the amount asked for is money; the passage gives it as a sum ("£12 million")
    r"(?<=how\smuch\s)(?:money|cash|dosh)|(?<=how\smany\s)(?:dollars|pounds|euros|rupees)|"
    # "are there going to be more strikes", "is he gonna sell": "going to" before a verb is the future,
    # it names nothing to find ("going to the meeting" goes somewhere: a determiner follows)
    r"going\s+to(?=\s+(?!the\b|a\b|an\b|this\b|that\b|his\b|her\b|their\b|its\b|my\b|our\b|your\b|\d)[a-z]))\b", _I)


@dataclass(frozen=True)
class Question:
    text: str  # as asked, trimmed
    kind: QuestionKind
    topic: str = ""  # the words to rank passages by
    subject: str | None = None  # Y in "what did Y say" / "who is Y" / "who replied to Y"
    facet: ArticleFacet | None = None  # for questions about the article itself
    problem: str | None = None  # why an invalid question cannot be answered
    else_: bool = False  # "what else did he say": leave out what was already shown
    verb: str | None = None  # the verb the reader used ("criticised"), when it may be looked for too
    scope: Scope = "all"  # "comments" for "which commenter ..." / "what do readers think ..."
    # the subject stood before a view word ("whats the treasurers problem"): a last "s" may be its
    # possessive, typed without the apostrophe, rather than a plural
    possessive: bool = False

    @property
    def subject_is_pronoun(self) -> bool:
        return bool(self.subject) and self.subject.casefold() in _PRONOUNS


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
    return text.rstrip("?!. ").strip().strip("\"“”'‘’").strip()


def _topic(text: str) -> str:
    return re.sub(r"\s+", " ", _FILLER.sub(" ", text)).strip()


def search_topic(text: str) -> str:
    """The words of a whole question to search for, when it is asked as a plain search."""
    return _topic(_clean(normalise_chat(text)))


_WRITERS = LazyPattern(r"^(?P<who>.*?\w(?:'s|’s|s'|’)?)\s+(?:comment|comments|post|posts|reply|replies)$", _I)
_NOT_WRITERS = {"the", "a", "an", "all", "any", "some", "these", "those", "other", "reader", "readers", "the reader",
                "the readers", "in the", "in the reader", "people's", "ppl's", "everyone's"}


def _subject(text: str) -> str:
    if _CROWD.match(text.strip()):
        return text.strip()  # "people in the comments" stays the crowd, not the writers of "people in the"
    text = re.sub(r"^(?:the\s+commenter|commenter|the\s+reader|reader|user)\s+", "", text.strip(), flags=_I)
    # "olivers comment", "raj's post": the commenter who wrote it ("the comments" stays the crowd)
    if (m := _WRITERS.match(text.strip())) and m.group("who").casefold() not in _NOT_WRITERS:
        text = m.group("who")
    return text.strip().strip("\"“”'‘’@").strip()


def _content_verb(verb: str | None) -> str | None:
    """The reader's verb when it says more than "spoke" ("criticised", "supported")."""
    if not verb:
        return None
    head = verb.split()[0].casefold()
    return None if head in SPEECH_VERBS or verb.casefold() == "have to say" else verb


def _scope(word: str | None) -> Scope:
    return "comments" if word and re.match(r"(?:commenter|reader)", word, _I) else "all"


def parse_question(raw: str | None) -> Question:
    text = re.sub(r"\s+", " ", (raw or "").replace("\u00a0", " ")).strip()
    if not text.strip("?!. "):
        return Question(text, "invalid", problem="empty")
    if len(text) > MAX_QUESTION_CHARS:
        return Question(text, "invalid", problem="too_long")
    body = _clean(_unwrap(_clean(normalise_chat(text))))
    if not body.strip("?!. "):
        return Question(text, "invalid", problem="empty")
    else_ = bool(re.search(r"\belse\b", body, _I))

    if _SPEAKERS.search(body):
        return Question(text, "article", facet="speakers")
    if _AUTHOR.match(body):
        return Question(text, "article", facet="author")
    if _SOURCE_OF_THIS.match(body):
        return Question(text, "article", facet="source")
    if m := _IS_QUOTED.match(body):
        subject = _subject(m.group("subject"))
        if m.group("quoted"):
            return Question(text, "what_said", subject=subject)
        return Question(text, "who_is", topic=subject, subject=subject)
    if _COMMENTS.search(body):
        return Question(text, "article", facet="comments")
    if _SUMMARY.search(body):
        return Question(text, "article", facet="summary")
    if m := _COMMENTS_ON.match(body):
        return Question(text, "what_said", topic=_topic(m.group("topic")), scope="comments", else_=else_)
    if _WHEN_THIS.match(body):
        return Question(text, "article", facet="published")
    if m := _ABOUT.match(body):
        return Question(text, "search", topic=search_topic(m.group("topic")))
    if _HEADLINE.match(body):
        return Question(text, "article", facet="title")
    if _ARTICLE.search(body) and re.match(r"^(?:what|when|who|where|how|which|give|show|tell)", body, _I):
        for facet, pattern in (("title", _TITLE), ("published", _PUBLISHED), ("source", _SOURCE)):
            if pattern.search(body):
                return Question(text, "article", facet=facet)

    if m := _WHO_RUNS.match(body):
        return Question(text, "who_is", topic=_topic(m.group("body")), subject=f"{_clean(m.group('body'))} head")
    if (m := _WHO_IS.match(body)) and not _WHO_DOING.match(body) and not _WHO_STANCE.match(body):
        subject = _subject(m.group("subject"))
        if len(subject.split()) <= 8:
            return Question(text, "who_is", topic=subject, subject=subject)
    if m := _WHO_STANCE.match(body):
        return Question(text, "who_said", topic=_topic(m.group("rest")))
    if m := _WHO_REPLIED.match(body):
        return Question(text, "who_said", subject=_subject(m.group("subject")), scope="comments",
                        verb=m.group("verb").lower())
    for pattern in (_WHO_SAID, _WHO_DOING, _ANYONE):
        if m := pattern.match(body):
            scope = _scope(m.groupdict().get("scope") or m.groupdict().get("scope2"))
            verb = _content_verb(m.group("verb"))
            topic = _topic(m.group("rest"))
            if not topic and not verb:  # "Who said?": said what?
                return Question(text, "invalid", problem="incomplete")
            return Question(text, "who_said", topic=topic or _topic(body), verb=verb, scope=scope)
    for pattern in (_WHAT_SAID, _DID_SAY_ABOUT, _QUOTES_OF, _VIEW_OF, _SAYING, _VIEW_ON, _SAID_ANYTHING, _STAND_ON):
        if m := pattern.match(body):
            subject = _subject(m.group("subject"))
            if subject.casefold() in _DETERMINERS or re.match(r"(?:what|who|how|where|when|why)\b", subject, _I):
                continue  # "whats the plan for the site": no one is named, the words are searched
            verb = _content_verb(m.groupdict().get("verb"))
            topic = _topic(m.group("topic") or "")
            if topic.casefold() in _PRONOUNS | {"this", "that", "these", "those", "all", "all this", "all that"}:
                topic = ""  # "hows X feel about it": everything X says (the question names nothing)
            if _CROWD.match(subject):
                return Question(text, "what_said", topic=topic, verb=verb, scope="comments", else_=else_)
            if _IS_THIS.match(subject) and not else_:  # "what does the article say about X", "does it say anything about X"
                return (Question(text, "search", topic=topic) if topic
                        else Question(text, "article", facet="summary"))
            return Question(text, "what_said", topic=topic, subject=subject, else_=else_, verb=verb,
                            possessive=pattern in (_VIEW_OF, _VIEW_ON))
    return Question(text, "search", topic=search_topic(body))
