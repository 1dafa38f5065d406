"""Stage 3, cues: the words that attribute (a say- or judgement verb in any form, "according to", "was
quoted as saying", "declined to comment", a light verb with a communication noun, a colon before a
quotation), each with its kind:

- ``speech``: someone's words ("said", "criticised", "issued a statement");
- ``evidence``: a document or measure ("polls show", "the report found");
- ``intent``: what a source means to do ("X wants / plans / hopes / seeks").

A cue records where its source may stand: a subject ending just before it, or a speaker after it
("“...,” said X", "according to X", "was criticised by X"). A noun is never a cue: a verb form after a
determiner ("the reports"), a capitalised form inside a name ("the United States", "the Post"), or an
-s form followed by a verb ("media reports said").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .lexicon import (POSSESSIVE_ENDINGS, BETWEEN, COMMUNICATION_NOUNS, CUE_TAILS, DETERMINERS, DOCUMENT_NOUNS, EVIDENCE_VERBS,
                      INTENT_VERBS, INVERTIBLE, LIGHT_VERBS, NAME_LIKE, PHRASAL, PROMPTING_VERBS, THAT_CLAUSE_VERBS, PHRASAL_FORMS, PHRASAL_GERUNDS, QUOTE_ONLY, THAT_OR_QUOTE, AS_QUOTE, VERB_FORMS,
                      FUNCTION_WORDS, ORG_NOMINALS, ROLE_HEADS, bare, cue_base, gerund_base)
from .phrases import name_run_left
from .tokens import Token

CueKind = Literal["speech", "evidence", "intent"]

# Punctuation after which a cue may put its speaker after it: "“...,” said X", "..., added X".
_INVERSION_LEFT = {",", "”", '"', "’", ":", "—", "–", "-"}
_PASSIVE_AUX = {"was", "were", "is", "are", "be", "been", "being"}
_PROGRESSIVE_AUX = {"is", "are", "was", "were", "been", "be"}
# Auxiliaries, negations and time adverbials between a subject and its verb: "did not respond",
# "Lee on Monday accused".
_NEGATIONS = {"not", "never", "n't", "did", "does", "do", "cannot", "could", "can", "may", "might", "must",
              "should", "would", "will", "has", "had", "have"}
_TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
               "tonight", "week", "month", "year", "morning", "afternoon", "evening", "night", "weekend",
               "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december"}
_TIME_LEADS = {"on", "last", "this", "late", "early", "in", "next"}
_LIGHT_REACH = 4
# -s forms of cue verbs that are never plural nouns: "Lee says demand has doubled", "she insists calls ...".
_NEVER_NOUNS = frozenset("""
says adds tells insists argues explains warns believes thinks suggests admits acknowledges concedes contends
maintains predicts asks writes agrees denies confirms reveals stresses emphasizes emphasises recalls
""".split()) - {"recalls"}
# Verbs that pass their subject to an infinitive cue: "Lee appeared to confirm", "she went on to say".
_RAISING = frozenset({"appeared", "appears", "appear", "seemed", "seems", "seem", "on",
                      # "she continued to insist": the subject still speaks
                      "continued", "continues", "continue"})
# After a copula: "Lee was quick to say", "the union is keen to stress".
_RAISING_ADJECTIVES = frozenset({"quick", "eager", "keen", "careful", "swift"})
_COPULAS = frozenset({"was", "is", "were", "are", "been"})
# "after accusing them", "while insisting": a participle clause whose subject is the main clause's.
_CLAUSE_PREPOSITIONS = frozenset({"after", "before", "while", "by", "when", "without", "since"})  # words between a light verb and its communication noun: "issued a brief written statement"


@dataclass(frozen=True)
class Cue:
    position: int  # token index of the cue word
    text: str  # as evidence: "said", "was quoted as saying", "according to", "issued a statement"
    kind: CueKind = "speech"
    subject_end: int | None = None  # last token before the cue where its subject may end
    right: int | None = None  # where a source after the cue starts (inversion, "according to", "by")
    participle: bool = False  # "..., saying that": the main clause's subject speaks
    after_with: int | None = None  # "with Audi suggesting": the index of "with"; its object speaks


def _first_in_sentence(toks: list[Token], i: int) -> bool:
    return i == 0 or toks[i - 1].sentence != toks[i].sentence or toks[i - 1].text in {"“", "«", '"'}


def skip_between(toks: list[Token], j: int) -> int:
    """Back over adverbs, auxiliaries, negations and a short time phrase from ``j``: the subject ends
    at the returned index."""
    n = 0
    while j >= 0 and n < 4 and toks[j].is_word:
        low = toks[j].low
        if low in BETWEEN or low in _NEGATIONS or (low.endswith("ly") and not toks[j].is_capitalised):
            j -= 1
            n += 1
        elif (low in _TIME_WORDS or (low.isdigit() and len(low) == 4)) and j >= 1 and toks[j - 1].low in _TIME_LEADS:
            j -= 2  # "on Monday", "last week", "in October", "in 2019"
            n += 1
        else:
            break
    return j


def _tail(toks: list[Token], i: int) -> str:
    following = " ".join(t.low for t in toks[i + 1:i + 5])
    for tail in CUE_TAILS:
        if following.startswith(tail):
            return " " + " ".join(t.text for t in toks[i + 1:i + 1 + len(tail.split())])
    return ""


def _light_noun(toks: list[Token], i: int) -> int | None:
    """The communication noun a light verb takes: "issued a statement", "sent an email"."""
    for k in range(i + 1, min(i + 1 + _LIGHT_REACH, len(toks))):
        if not toks[k].is_word or toks[k].quoted:
            return None
        if toks[k].low in COMMUNICATION_NOUNS:
            return k
    return None


def _is_noun_use(toks: list[Token], i: int, before: str) -> bool:
    t = toks[i]
    if before in DETERMINERS:
        return True  # "a call", "the reported deaths"
    if t.is_capitalised and not _first_in_sentence(toks, i) and t.low not in NAME_LIKE:
        return True  # "the United States", "the Post", "Fox News Reports"
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    # "media reports said", "statements show": an -s form followed by a verb is a plural noun (not
    # "says", which is no noun: "Lee says demand has doubled").
    return bool(t.low.endswith("s") and t.low not in _NEVER_NOUNS and nxt is not None and nxt.is_word
                and (cue_base(nxt.low) or nxt.low in EVIDENCE_VERBS or nxt.low in _PASSIVE_AUX))


def _agrees(toks: list[Token], i: int, j: int) -> bool:
    """A bare present form ("say", "post", "state") is finite only after a plural or first/second-person
    subject or an auxiliary: "officials say", "they post", "did not respond"; not "a Tumblr post" nor
    "Republican state schools"."""
    low = toks[i].low
    if VERB_FORMS.get(low) != low or j < 0:
        return True
    if j < i - 1:
        return True  # an auxiliary, negation or adverb stood between: "did not comment", "also say"
    subject = toks[j]
    # Collective nouns take a plural verb: "police deny", "the people say".
    return subject.low in {"they", "we", "i", "you", "who", "and", "police", "people", "staff", "personnel"} or (
        subject.low.endswith("s") and not subject.low.endswith("ss") and not subject.text.endswith(POSSESSIVE_ENDINGS))


def cue_at(toks: list[Token], i: int) -> Cue | None:
    t = toks[i]
    if t.quoted or not t.is_word:
        return None
    low = t.low
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if low == "according" and nxt == "to":
        return Cue(i, "according to", right=i + 2)
    if low in {"declined", "declines", "refused", "refuses"} and " ".join(
            x.low for x in toks[i + 1:i + 3]) == "to comment":
        return Cue(i, f"{t.text} to comment", subject_end=skip_between(toks, i - 1))
    if low in PHRASAL_FORMS and nxt == PHRASAL[PHRASAL_FORMS[low]]:
        if PHRASAL_FORMS[low] in QUOTE_ONLY and not _beside_quotation(toks, i, i + 1):
            return None
        j = skip_between(toks, i - 1)
        raised = _past_raising(toks, j) if j >= 0 and toks[j].low == "to" else None
        return Cue(i, f"{t.text} {toks[i + 1].text}", subject_end=j if raised is None else raised)
    j = skip_between(toks, i - 1)
    before = toks[j].low if j >= 0 else ""
    if low in {"quoted", "cited"} and before in _PASSIVE_AUX and " ".join(x.low for x in toks[i + 1:i + 3]) == "as saying":
        return Cue(i, f"{toks[j].text} {t.text} as saying", subject_end=skip_between(toks, j - 1))
    if low in {"quoted", "quotes", "quoting", "cited", "cites", "citing"} and (as_ := _as_saying(toks, i + 1)):
        # "The agency quoted Tom Barr as saying ...": the one quoted speaks.
        return Cue(i, " ".join(x.text for x in toks[i:as_ + 2]), right=i + 1)
    if low in VERB_FORMS or low in LIGHT_VERBS:
        # The passive with "by": "first reported by The Journal", "emails released by X", "was asked by".
        if nxt == "by" and (low.endswith(("ed", "en")) or low in {"said", "told", "sent", "made", "given"}):
            return Cue(i, f"{t.text} by", right=i + 2)
    if low == "words" and (found := _in_words(toks, i)) is not None:
        return found
    if low in {"put", "puts"} and nxt == "it" and before not in DETERMINERS and (
            i + 2 >= len(toks) or toks[i + 2].text in {",", ":", ".", "—", "–"} or (
            toks[i + 2].low.endswith("ly") or toks[i + 2].low in {"this", "best", "another"})):
        return Cue(i, f"{t.text} it", subject_end=j)  # "As Lee put it, “…”", "Lee put it bluntly:"
    if low in LIGHT_VERBS and LIGHT_VERBS[low] == "make" and before not in DETERMINERS and (
            following := " ".join(x.low for x in toks[i + 1:i + 4])).startswith(("clear that", "it clear that",
                                                                                  "plain that", "it plain that")):
        said = following.split()
        return Cue(i, " ".join([t.text, *said[:said.index("that")]]), subject_end=j)  # "made clear that"
    if low in LIGHT_VERBS and LIGHT_VERBS[low] in THAT_CLAUSE_VERBS and before not in DETERMINERS and (
            before != "to") and _that_clause(toks, i):
        return Cue(i, t.text, subject_end=j)  # "shared with the Gazette that ...": words passed on
    if low in LIGHT_VERBS and before not in DETERMINERS and before != "to":
        noun = _light_noun(toks, i)
        if noun is not None:
            text = " ".join(x.text for x in toks[i:noun + 1])
            return Cue(i, text, subject_end=j)
    if low in INTENT_VERBS and before not in DETERMINERS and before != "to" and not _is_noun_use(toks, i, before):
        if nxt == "to" or low in {"wants", "want", "wanted", "hopes", "hoped", "seeks", "sought"}:
            return Cue(i, t.text, kind="intent", subject_end=j)
    if low in EVIDENCE_VERBS and _document_subject(toks, j):
        return Cue(i, t.text, kind="evidence", subject_end=j)  # "polls show", "a survey by X found"
    phrasal = PHRASAL_GERUNDS.get(low)
    gerund = gerund_base(low) or (phrasal if phrasal is not None and nxt == PHRASAL[phrasal] else None)
    if gerund is not None:
        if before in _PROGRESSIVE_AUX:  # "is urging", "were warning"
            return Cue(i, f"{toks[j].text} {t.text}", subject_end=skip_between(toks, j - 1))
        k = i - 1
        if k >= 0 and (toks[k].text == "," or toks[k].low in COMMUNICATION_NOUNS | _CLAUSE_PREPOSITIONS) or (
                _first_in_sentence(toks, i)) or (k >= 0 and toks[k].low == "and" and _participle_before(toks, k)):
            # "..., saying that"; "issued a statement saying"; "Insisting it was
            # real, Hale ..."; "..., threatening them and suggesting he might leave"
            return Cue(i, t.text if phrasal is None else f"{t.text} {toks[i + 1].text}", participle=True)
        w = _after_with(toks, j)
        if w is not None:
            # "..., with Audi suggesting that ...": the noun phrase after "with" speaks.
            return Cue(i, t.text if phrasal is None else f"{t.text} {toks[i + 1].text}", after_with=w)
        return None
    base = cue_base(low)
    if base is None or base in QUOTE_ONLY and not _beside_quotation(toks, i, i):
        return None
    if base in AS_QUOTE and not _as_quotation(toks, i):
        return None
    if base in THAT_OR_QUOTE and not (_beside_quotation(toks, i, i) or _that_clause(toks, i) or (
            i + 2 < len(toks) and toks[i + 2].low == "that" and toks[i + 1].is_word)):
        return None  # "agreed that", "reminded reporters that"; not "agreed to a deal"
    if base == "plead" and nxt in {"guilty", "not", "no", "innocent"}:
        return None  # "pleaded guilty" is a plea, not words reported
    if before in _PASSIVE_AUX and (low.endswith("ed") or low in {"said", "told", "written"}):
        return None  # passive: "was criticised", "is said to"
    if before == "to":
        if (raised := _past_raising(toks, j)) is not None:
            return Cue(i, t.text, subject_end=raised)
        # An infinitive whose source is the object before "to": "prompted Lane to castigate".
        k = j - 1
        if k >= 0 and toks[k].is_word and toks[k].is_capitalised and not _first_in_sentence(toks, k):
            s = name_run_left(toks, k)
            if s >= 1 and toks[s - 1].low in PROMPTING_VERBS:
                return Cue(i, t.text, subject_end=k)
        if k >= 0 and (s := _moved_nominal(toks, k)) is not None and toks[s - 1].low in PROMPTING_VERBS:
            return Cue(i, t.text, subject_end=k)  # "led the French manufacturer to announce"
        return None  # "expected to say"; "allows the Tern to highlight" (no one is moved to speak)
    if _is_noun_use(toks, i, before) or not _agrees(toks, i, j):
        return None
    kind: CueKind = "speech"
    inverted = base in INVERTIBLE and (i == 0 or toks[i - 1].text in _INVERSION_LEFT
                                       or toks[i - 1].sentence != t.sentence)
    return Cue(i, t.text + _tail(toks, i), kind=kind, subject_end=j, right=i + 1 if inverted else None)


def _moved_nominal(toks: list[Token], k: int) -> int | None:
    """Where a short nominal object ending at ``k`` starts ("the French manufacturer", "the company",
    "the minister"): "the" and at most two modifiers before a body's or an office's head noun; else None."""
    t = toks[k]
    if not t.is_word or t.is_capitalised or bare(t.text) not in ORG_NOMINALS | ROLE_HEADS:
        return None
    for s in range(k - 1, max(0, k - 4), -1):
        if toks[s].low == "the":
            return s if s >= 1 and toks[s - 1].sentence == t.sentence else None
        if not toks[s].is_word or toks[s].low in FUNCTION_WORDS:
            return None
    return None


def _past_raising(toks: list[Token], j: int) -> int | None:
    """Where the subject ends when the "to" at ``j`` follows a verb that passes its subject to the
    infinitive: "Lee appeared to confirm", "she went on to say"; else None."""
    if j >= 2 and toks[j - 1].low in _RAISING_ADJECTIVES and toks[j - 2].low in _COPULAS:
        return skip_between(toks, j - 3)
    if (took := _took_to_a_platform(toks, j)) is not None:
        return took
    if j < 1 or toks[j - 1].low not in _RAISING:
        return None
    if toks[j - 1].low == "on":
        if j < 2 or toks[j - 2].low not in {"went", "goes", "go", "going", "gone"}:
            return None
        return skip_between(toks, j - 3)
    return skip_between(toks, j - 2)


_TAKE_TO = frozenset({"took", "takes", "take", "taking", "taken", "turned", "turns", "turn", "turning"})
_PLATFORM_WORDS = frozenset({"the", "social", "media", "airwaves", "stage", "podium", "microphone", "radio",
                             "television", "tv", "his", "her", "their", "its"})


def _took_to_a_platform(toks: list[Token], j: int) -> int | None:
    """Where the subject ends when the "to" at ``j`` follows "took to / turned to" a platform, maybe with a
    time phrase: "Kejriwal turned to Twitter last month to describe", "she took to social media to
    slam"; else None. The platform is a name ("Twitter", "Facebook Live") or a medium ("the airwaves")."""
    k = j - 1
    if k >= 1 and toks[k].low in _TIME_WORDS and toks[k - 1].low in _TIME_LEADS:
        k -= 2  # "last month", "on Monday"
    end = k
    while k >= 0 and end - k < 3 and toks[k].is_word and (toks[k].is_capitalised or toks[k].low in _PLATFORM_WORDS):
        k -= 1
    if k == end or k < 1 or toks[k].low != "to" or toks[k - 1].low not in _TAKE_TO:
        return None
    return skip_between(toks, k - 2)


def _in_words(toks: list[Token], i: int) -> Cue | None:
    """"In Omar Haddad's words, “…”", "In the words of Omar Haddad, “…”": whose words follow."""
    if i >= 2 and toks[i - 1].text.endswith(POSSESSIVE_ENDINGS) and toks[i - 1].is_capitalised:
        s = name_run_left(toks, i - 1)
        if s >= 1 and toks[s - 1].low == "in":
            return Cue(i, " ".join(x.text for x in toks[s - 1:i + 1]), right=s)
    if i >= 2 and toks[i - 1].low == "the" and toks[i - 2].low == "in" and i + 1 < len(toks) and toks[i + 1].low == "of":
        return Cue(i, "in the words of", right=i + 2)
    return None


def _that_clause(toks: list[Token], i: int) -> bool:
    """Whether a that-clause follows the verb at ``i``, directly or after its listener: "shared that",
    "shared with the Gazette that"."""
    k = i + 1
    if k < len(toks) and toks[k].low == "with":
        k += 1
        while k < len(toks) and k - i <= 9 and not toks[k].quoted and toks[k].low != "that" and (
                toks[k].is_word or toks[k].text == "." and k + 1 < len(toks) and toks[k + 1].start == toks[k].end):
            k += 1  # (a web address is one listener: "AutoWeek.com")
    return k < len(toks) and toks[k].low == "that" and not toks[k].quoted


def _after_with(toks: list[Token], j: int) -> int | None:
    """Where "with" stands when the words ending at ``j`` are a short noun phrase right after it (an
    absolute clause: "with the company insisting", "with Tom Barr warning"): no comma, quotation or verb
    between; else None."""
    k = j
    while k >= 0 and j - k < 5 and toks[k].is_word and not toks[k].quoted and toks[k].sentence == toks[j].sentence:
        if toks[k].low == "with":
            return k if k < j and (toks[k + 1].is_capitalised or toks[k + 1].low in DETERMINERS) else None
        if k < j and (cue_base(toks[k].low) or toks[k].low.endswith("ing")):
            return None
        k -= 1
    return None


def _beside_quotation(toks: list[Token], i: int, last: int) -> bool:
    """Whether the cue at ``i`` (ending at ``last``) stands right after a closing quotation and its
    speaker ("“...,” she continued"), or right before one ("He went on: “...”")."""
    for k in range(i - 1, max(-1, i - 5), -1):
        if toks[k].text in {"”", '"', "»"}:
            return True
        if not (toks[k].is_word or toks[k].text == ","):
            break
    after = [t.text for t in toks[last + 1:last + 3]]
    return bool(after) and after[0] in {",", ":"} and len(after) > 1 and after[1] in {"“", '"', "«", "‘"}


def _as_quotation(toks: list[Token], i: int) -> bool:
    """Whether a quotation follows "as" within a short object after the verb at ``i``: "introduced Cook to
    the audience as “...”", "views privacy as “a ...”"."""
    for k in range(i + 1, min(len(toks) - 1, i + 9)):
        if toks[k].quoted or not toks[k].is_word:
            return False
        if toks[k].low == "as":
            return toks[k + 1].text in {"“", '"', "«", "‘"} or (
                k + 2 < len(toks) and toks[k + 1].low in {"a", "an", "the"} and toks[k + 2].text in {"“", '"', "«", "‘"})
    return False


def _as_saying(toks: list[Token], k: int) -> int | None:
    """Where "as saying" stands after the name (or pronoun) starting at ``k``: "quoted Tom Barr as saying"."""
    n = k
    while n < len(toks) and n - k < 8 and toks[n].is_word and (toks[n].is_capitalised or toks[n].low in {"him", "her"}):
        n += 1
    if n > k and n + 1 < len(toks) and toks[n].low == "as" and toks[n + 1].low in {"saying", "telling", "writing"}:
        return n
    return None


def _past_adverbs(toks: list[Token], k: int) -> int:
    """Back from ``k`` over lowercase -ly adverbs: "..., publicly threatening"."""
    while k >= 0 and toks[k].is_word and not toks[k].is_capitalised and toks[k].low.endswith("ly"):
        k -= 1
    return k


def _participle_before(toks: list[Token], k: int) -> bool:
    """Whether a participle clause after a comma opens earlier in the sentence than ``k``, so that "and
    suggesting" continues it."""
    n = k - 1
    while n >= 0 and toks[n].sentence == toks[k].sentence and k - n <= 30:
        if toks[n].is_word and toks[n].low.endswith("ing") and not toks[n].is_capitalised:
            m = _past_adverbs(toks, n - 1)
            if m >= 0 and toks[m].text == ",":
                return True
        n -= 1
    return False


def _document_subject(toks: list[Token], j: int) -> bool:
    """Whether the subject ending at ``j`` is a document or measure: "polls", "the report", "a survey
    by the Pew Research Center", "figures from the ministry"."""
    k = j
    while k >= 0 and j - k < 8 and toks[k].is_word and not toks[k].quoted:
        if toks[k].low in DOCUMENT_NOUNS:
            return True
        if not (toks[k].is_capitalised or toks[k].low in {"by", "from", "of", "the", "a", "an", "new", "latest"}):
            return False
        k -= 1
    return False


def _dash_cue(toks: list[Token], i: int) -> Cue | None:
    """"“The plan is sound.” — Tom Barr": a dash after a closed quotation, then its speaker."""
    if (toks[i].text in {"—", "–"} and not toks[i].quoted and i >= 1 and i + 1 < len(toks)
            and toks[i - 1].text in {"”", '"', "»", "’"} and toks[i - 1].quoted and toks[i + 1].is_capitalised):
        return Cue(i, toks[i].text, right=i + 1)
    return None


def _colon_cue(toks: list[Token], i: int) -> Cue | None:
    """"Ana Li, The Tribune: “…”", "Smith agreed: “…”": a colon before a quotation (``link`` takes
    the name or pronoun that opens its clause, or nobody); a dash after a quotation, before its source."""
    if toks[i].text in {"—", "–"} and i >= 1 and toks[i - 1].text in {"”", '"', "»"}:
        # "“We will not pay.” — Ana Ruiz, union president": a dash after a quotation, then only the
        # source's name (and its role) to the paragraph's end.
        rest = toks[i + 1:]
        if 1 <= len(rest) <= 12 and any(t.is_capitalised for t in rest) and all(
                (t.is_word or t.text in {",", "."}) and not t.quoted for t in rest):
            return Cue(i, toks[i].text, right=i + 1)
    if toks[i].text != ":" or toks[i].quoted or i == 0 or i + 1 >= len(toks):
        return None
    if toks[i + 1].text in {"“", '"', "«", "‘"} and toks[i - 1].is_word and toks[i - 1].low not in VERB_FORMS:
        return Cue(i, ":", subject_end=i - 1)  # ("said:", "adding:" are cues of their own)
    if 1 <= i <= 4 and toks[i + 1].is_word and all(
            t.is_word and t.is_capitalised and not t.quoted and not t.text.isupper() for t in toks[:i]) and (
            i >= 2 or len(toks[0].text) > 1):
        # An interview's line: "Jessie Buckley: I loved it." (not "LONDON:", nor "Q:")
        return Cue(i, ":", subject_end=i - 1)
    return None


# Words a cue can start with: every other word is passed over without a look (most words are not).
_STARTERS = frozenset(VERB_FORMS) | frozenset(LIGHT_VERBS) | frozenset(INTENT_VERBS) | EVIDENCE_VERBS | frozenset(
    PHRASAL_FORMS) | frozenset(PHRASAL_GERUNDS) | {"words", "according", "declined", "declines", "refused", "refuses", "quoted", "quotes", "quoting", "cited",
                      "cites", "citing"}


def find_cues(toks: list[Token]) -> tuple[Cue, ...]:
    """Every cue of a paragraph, in order."""
    found = []
    for i, t in enumerate(toks):
        if t.quoted or (t.is_word and t.low not in _STARTERS):
            continue
        cue = cue_at(toks, i) if t.is_word else (_colon_cue(toks, i) or _dash_cue(toks, i))
        if cue is not None:
            found.append(cue)
    return tuple(found)
