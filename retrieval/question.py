"""Understand a question: who said X / what did Y say (about Z) / who is Y / about the article / search."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

QuestionKind = Literal["who_said", "what_said", "who_is", "article", "search", "invalid"]
ArticleFacet = Literal["title", "published", "comments", "summary", "source", "speakers"]

MAX_QUESTION_CHARS = 300

# Verbs a reader uses to ask who said something: speech and judgement verbs in both spellings.
_SAY_VERBS = (
    r"said|says|say|told|tells|claimed|claims|called|calls|accused|accuses|criticised|criticized|criticises|"
    r"criticizes|blamed|blames|predicted|predicts|thinks|think|thought|believes|believed|argued|argues|"
    r"warned|warns|wrote|writes|posted|posts|tweeted|tweets|hailed|hails|welcomed|welcomes|praised|praises|"
    r"condemned|condemns|denied|denies|insisted|insists|urged|urges|suggested|suggests|asked|asks|"
    r"mentioned|mentions|described|describes|stressed|stresses|noted|notes|added|adds|wondered|wonders|"
    r"questioned|questions|complained|complains|lashed out at|lashed out|slammed|attacked|expressed|voiced|"
    r"vowed|promised|pledged|proposed|compared|wanted|wants|talked about|spoke about|spoke of|"
    r"commented on|commented|replied to|replied|responded to|responded|quoted|doubted|dismissed|rejected|"
    r"supported|supports|opposed|opposes|feels|felt|reckons|is against|was against|is for"
)
_WHO_SAID = re.compile(
    rf"^(?:who|which\s+(?:person|people|one|commenter|reader|official|minister|leader|side|country))\s+"
    rf"(?:(?:also|first|else|actually|really|has|had|have|did|does)\s+)*(?P<verb>{_SAY_VERBS})\b\s*(?:that\s+)?(?P<rest>.*)$",
    re.IGNORECASE,
)
_WHAT_SAID = re.compile(
    r"^(?:what|how)\s+(?:else\s+)?(?:did|does|do|has|have|had|was|is)\s+(?P<subject>.+?)\s+(?:else\s+)?"
    r"(?:say|said|think|thought|feel|write|wrote|post|tweet|claim|argue|tell\s+\w+|mean|suggest|predict|"
    r"have\s+to\s+say|comment|reply|respond|believe|want|propose|warn|say\s+else)"
    r"(?:\s+(?:about|of|on|regarding|concerning|to|over|in)(?:\s+(?P<topic>.+?))?)?$",
    re.IGNORECASE,
)
_QUOTES_OF = re.compile(
    r"^(?:(?:show|give|list|find)\s+(?:me\s+)?)?(?:all\s+)?(?:the\s+)?(?:quotes|comments|words|statements|remarks)\s+"
    r"(?:of|from|by)\s+(?P<subject>.+?)(?:\s+(?:about|on|regarding)\s+(?P<topic>.+))?$",
    re.IGNORECASE,
)
_VIEW_OF = re.compile(
    r"^what\s+(?:is|was|are|were)\s+(?P<subject>.+?)(?:'s|’s|’|')\s+"
    r"(?:view|views|opinion|opinions|position|stance|take|point|comment|comments|reply|response|message)"
    r"(?:\s+(?:about|of|on|regarding|to)\s+(?P<topic>.+?))?$",
    re.IGNORECASE,
)
_WHO_IS = re.compile(r"^who\s+(?:is|was|'s|’s)\s+(?P<subject>.+?)$", re.IGNORECASE)
_TITLE = re.compile(r"\b(?:title|headline|called|named)\b", re.IGNORECASE)
_PUBLISHED = re.compile(r"\b(?:when|date|published|publication|how old)\b", re.IGNORECASE)
_COMMENTS = re.compile(r"\bhow\s+many\s+(?:reader\s+)?(?:comments|commenters|replies|readers)\b", re.IGNORECASE)
_ARTICLE = re.compile(r"\b(?:article|story|piece|report|page|news)\b", re.IGNORECASE)
_SUMMARY = re.compile(
    r"^(?:what\s+(?:is|'s|’s)\s+(?:this|the)\s+(?:article|story|piece|report)\s+about|"
    r"(?:summari[sz]e|sum\s+up|tl;?dr)\b|what\s+happened)", re.IGNORECASE)
_SOURCE = re.compile(r"\b(?:link|url|source|where\s+(?:is|was|can))\b", re.IGNORECASE)
_SPEAKERS = re.compile(r"^who\s+(?:is|are)\s+(?:quoted|speaking|mentioned)\b|^who\s+(?:speaks|talks)\b", re.IGNORECASE)
_PRONOUNS = {"he", "she", "they", "him", "her", "them", "it"}


@dataclass(frozen=True)
class Question:
    text: str  # as asked, trimmed
    kind: QuestionKind
    topic: str = ""  # the words to rank passages by
    subject: str | None = None  # Y in "what did Y say" / "who is Y"
    facet: ArticleFacet | None = None  # for questions about the article itself
    problem: str | None = None  # why an invalid question cannot be answered
    else_: bool = False  # "what else did he say": leave out what was already shown

    @property
    def subject_is_pronoun(self) -> bool:
        return bool(self.subject) and self.subject.casefold() in _PRONOUNS


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
    return text.rstrip("?!. ").strip().strip("\"“”'‘’").strip()


# Words that make a question a question but name nothing to look for.
_FILLER = re.compile(
    r"\b(?:anyone|anybody|someone|somebody|something|anything|everyone|everybody|mentioned|mentions?|"
    r"(?:in|from)\s+(?:the|this)\s+(?:article|story|piece|comments?))\b", re.IGNORECASE)


def _topic(text: str) -> str:
    return re.sub(r"\s+", " ", _FILLER.sub(" ", text)).strip()


def _subject(text: str) -> str:
    text = re.sub(r"^(?:the\s+commenter|commenter|the\s+reader|reader|user)\s+", "", text.strip(), flags=re.IGNORECASE)
    return text.strip().strip("\"“”'‘’@").strip()


def parse_question(raw: str) -> Question:
    text = re.sub(r"\s+", " ", (raw or "").replace("\u00a0", " ")).strip()
    if not text.strip("?!. "):
        return Question(text, "invalid", problem="empty")
    if len(text) > MAX_QUESTION_CHARS:
        return Question(text, "invalid", problem="too_long")
    body = _clean(text)
    else_ = bool(re.search(r"\belse\b", body, re.IGNORECASE))

    if _SPEAKERS.search(body) and not re.search(r"\b(?:about|on)\b", body, re.IGNORECASE):
        return Question(text, "article", facet="speakers")
    if _COMMENTS.search(body):
        return Question(text, "article", facet="comments")
    if _SUMMARY.search(body):
        return Question(text, "article", facet="summary")
    if _ARTICLE.search(body) and re.match(r"^(?:what|when|who|where|how|which|give|show|tell)", body, re.IGNORECASE):
        for facet, pattern in (("title", _TITLE), ("published", _PUBLISHED), ("source", _SOURCE)):
            if pattern.search(body):
                return Question(text, "article", facet=facet)

    if m := _WHO_SAID.match(body):
        topic = _topic(m.group("rest"))
        return Question(text, "who_said", topic=topic or _topic(body))
    for pattern in (_WHAT_SAID, _QUOTES_OF, _VIEW_OF):
        if m := pattern.match(body):
            topic = _topic(m.group("topic") or "")
            return Question(text, "what_said", topic=topic, subject=_subject(m.group("subject")), else_=else_)
    if m := _WHO_IS.match(body):
        subject = _subject(m.group("subject"))
        if len(subject.split()) <= 8:
            return Question(text, "who_is", topic=subject, subject=subject)
    return Question(text, "search", topic=_topic(body))
