"""Stage 6, quote spans: which words of a paragraph each source says.

A sentence with a cue belongs to the cue's source: its quotations when it has any ("“…,” she said"),
else the whole sentence (reported speech: "Lee said the plan would fail"). A sentence that is a
quotation with no cue continues the speaker before it in the paragraph. A paragraph with no cue that
opens with a quotation (the "floating quote") continues the previous paragraph's speaker: the speaker
of a quotation left open at its end, else its first speaker; a paragraph with its own cue never does.
"""
from __future__ import annotations

from dataclasses import replace

from ..article import Passage
from ..speakers import QuoteSpan
from .reading import Reading
from .cues import Cue
from .registry import Entry
from .resolve import Resolved
from .tokens import QUOTE_MARKS, Token, quoted_share

FLOATING_QUOTE_SHARE = 0.6


def ends_open(toks: list[Token]) -> bool:
    """Whether the paragraph ends inside a quotation (news leaves the closing mark off when a
    quotation runs on into the next paragraph)."""
    return bool(toks) and toks[-1].quoted and toks[-1].text not in {"”", "»", "’"} and not (
        toks[-1].text == '"' and sum(t.text == '"' for t in toks) % 2 == 0)


def last_sentence_about(r: Reading, p: Passage, toks: list[Token], cues: tuple[Cue, ...]) -> Entry | None:
    """Who a paragraph with no source ends on: the person or body opening its last sentence, when that
    sentence is short, has no cue and is no quotation ("Maria Okafor was blunt."); else None."""
    if not toks or toks[0].quoted:
        return None
    last = toks[-1].sentence
    idx = [i for i, t in enumerate(toks) if t.sentence == last]
    if any(toks[c.position].sentence == last for c in cues) or any(toks[i].quoted for i in idx) or sum(
            toks[i].is_word for i in idx) > 20:
        return None
    first = next((i for i in idx if toks[i].is_word), None)
    opening = [m for m in r.mentions_in.get(p.id, ()) if m.sentence == last and m.start == first and not m.possessive]
    return opening[0].entry if len(opening) == 1 else None


def continuation(r: Reading, p: Passage, toks: list[Token], previous: Passage | None,
                 previous_quotes: tuple[QuoteSpan, ...], previous_open: bool,
                 previous_about: Entry | None = None) -> Resolved | None:
    """The speaker a cue-less quotation paragraph continues, or None: the previous paragraph's speaker,
    or, when it has none, the one its last sentence is about ("Okafor was blunt." then "“…”")."""
    if previous is None or not p.text.lstrip()[:1] in {"“", '"', "«", "‘"}:
        return None
    if not previous_open and quoted_share(toks) < FLOATING_QUOTE_SHARE:
        return None
    speakers = r.spoken_in.get(previous.id, [])
    if not speakers and previous_about is not None:
        how = f"a quotation with no cue after {previous.citation}, which ends on {previous_about.name}"
        return Resolved(0, previous_about, "quotation", p.text.split()[0], "continuation", how)
    if not speakers:
        return None
    e = speakers[0]
    how = f"a quotation with no cue after {previous.citation}, whose speaker is {e.name}"
    if previous_open and previous_quotes and previous_quotes[-1].speaker:
        name = previous_quotes[-1].speaker
        e = next((x for x in speakers if x.name == name), e)
        how = f"the quotation left open at the end of {previous.citation} continues; its speaker is {e.name}"
    return Resolved(0, e, "quotation", p.text.split()[0], "continuation", how)


def quote_spans(p: Passage, toks: list[Token], found: tuple[Resolved, ...]) -> tuple[QuoteSpan, ...]:
    if not found:
        return ()  # no source and no speaker to continue: no sentence can own a span
    sentences: dict[int, list[int]] = {}
    for i, t in enumerate(toks):
        sentences.setdefault(t.sentence, []).append(i)
    by_sentence: dict[int, list[Resolved]] = {}
    floating = [f for f in found if f.resolved_by == "continuation"]
    for f in found:
        if f.resolved_by != "continuation" and f.position < len(toks):
            by_sentence.setdefault(toks[f.position].sentence, []).append(f)
    spans: list[QuoteSpan] = []
    current: Resolved | None = floating[0] if floating else None
    line: Resolved | None = None  # an interview's "Name: words" line owns the rest of its paragraph
    for sentence, idx in sentences.items():
        if line is not None and sentence not in by_sentence:
            spans.append(_span(p, toks, idx[0], idx[-1], line))
            continue
        owners = by_sentence.get(sentence)
        if owners and current is not None and all(o.cue == ":" or _before_colon(toks, o) for o in owners):
            # "“It just connected.” Buckley had a similar experience: “...”": the quotation closed before
            # the colon's clause is the speaker before it.
            lead = [i for i in idx if i < min(o.clause for o in owners) and toks[i].quoted
                    and toks[i].text not in QUOTE_MARKS]
            for start, end in _runs(toks, lead):
                spans.append(_span(p, toks, start, end, current))
            idx = [i for i in idx if i >= min(o.clause for o in owners)]
        if owners:
            stops = {o.position for o in owners}
            for owner, part in _clauses(owners, idx):
                words = [i for i in part if toks[i].quoted and toks[i].text not in QUOTE_MARKS]
                if not words and owner.cue == ":" and part[0] <= owner.position < part[-1]:
                    part = [i for i in part if i > owner.position]  # "Jessie Barton: I loved it."
                    line = owner
                for start, end in (_runs(toks, words) if words else [(part[0], part[-1])]):
                    spans.append(_span(p, toks, start, end, owner))
                if words:
                    # Also the reported words after a participle sharing the source: "“…,” Lee said,
                    # adding that the fares would rise".
                    joined = [o for o in owners if o.resolved_by == "participle" and o.entry is owner.entry
                              and o.position in part]
                    found = [_reported(toks, part, owner, stops), _reported_before(toks, part, owner)] + [
                        _reported(toks, part, replace(o, clause=-1), stops - {o.position}) for o in joined]
                    for reported in dict.fromkeys(found):
                        if reported is not None:
                            spans.append(_span(p, toks, *reported, owner))
            speech = [o for o in owners if o.kind == "speech"]
            current = speech[-1] if speech else current
        elif current is not None:
            quoted = [i for i in idx if toks[i].quoted and toks[i].text not in QUOTE_MARKS]
            if quoted and len(quoted) * 2 >= sum(toks[i].is_word for i in idx):
                for start, end in _runs(toks, quoted):  # a quotation with no cue continues the speaker before it
                    spans.append(_span(p, toks, start, end, current))
    return tuple(spans)


def _before_colon(toks: list[Token], owner: Resolved) -> bool:
    """A cue verb right before a colon and a quotation ("“...” Smith agreed: “...”"): the quotation it
    introduces is after it; one closed before its clause is someone else's."""
    k = owner.position + len(owner.cue.split())
    return k + 1 < len(toks) and toks[k].text == ":" and toks[k + 1].text in QUOTE_MARKS and owner.clause < owner.position


def _reported(toks: list[Token], part: list[int], owner: Resolved, stops: set[int]) -> tuple[int, int] | None:
    """The reported words right after a cue in a sentence that also quotes: "Liu said that the army could
    be deployed, warning: “…”", "accused the UK of meddling and warned that the government “will not sit
    on our hands”": from after the cue (and its "that") to the next quotation mark or cue."""
    if owner.clause >= owner.position:
        return None  # the source after its cue ("…,” said Lee, a trader): no report follows
    k = owner.position + len(owner.cue.split())
    if k < len(toks) and toks[k].low == "that":
        k += 1
    stretch = []
    while k < len(toks) and k in part and not toks[k].quoted and k not in stops:
        stretch.append(k)
        k += 1
    while stretch and not toks[stretch[-1]].is_word:
        stretch.pop()
    if sum(toks[i].is_word for i in stretch) < 3:
        return None
    return stretch[0], stretch[-1]


def _reported_before(toks: list[Token], part: list[int], owner: Resolved) -> tuple[int, int] | None:
    """The reported words before the source in a sentence that also quotes: "Job cuts will come, said
    Claure, adding: “…”", "The plan will fail, Lee said, warning “…”"."""
    k = min(owner.clause, owner.position) - 1
    while k in part and not toks[k].is_word and not toks[k].quoted:
        k -= 1  # the comma before the source
    stretch = []
    while k in part and not toks[k].quoted:
        stretch.append(k)
        k -= 1
    if sum(toks[i].is_word for i in stretch) < 3:
        return None
    return stretch[-1], stretch[0]


def _span(p: Passage, toks: list[Token], start: int, end: int, owner: Resolved) -> QuoteSpan:
    a, b = toks[start].start, toks[end].end
    return QuoteSpan(a, b, p.text[a:b], owner.entry.name, owner.cue, owner.kind, owner.evidence)


def _clauses(owners: list[Resolved], idx: list[int]) -> list[tuple[Resolved, list[int]]]:
    """A sentence's tokens shared among its sources: one source owns it all; several ("Lopez said the
    fares were too high, and Tom Reyes hopes to freeze them") each own their clause, from where their
    source is named to where the next one's is."""
    distinct: list[Resolved] = []
    for o in sorted(owners, key=lambda o: o.clause):
        if not distinct or (o.entry is not distinct[-1].entry or o.kind != distinct[-1].kind):
            distinct.append(o)
    if len(distinct) == 1:
        return [(_speech_first(owners), idx)]
    last = distinct[-1]
    if last.cue.lower() == "according to" and last.kind == "speech" and all(o.kind != "speech" for o in distinct[:-1]):
        # "Apple plans to release ..., according to sources cited by DigiTimes": what the sentence says
        # someone plans or found is the reporting source's account.
        return [(last, idx)]
    parts = []
    for n, o in enumerate(distinct):
        lo = idx[0] if n == 0 else o.clause
        hi = distinct[n + 1].clause if n + 1 < len(distinct) else idx[-1] + 1
        part = [i for i in idx if lo <= i < hi]
        if part:
            parts.append((o, part))
    return parts


def _speech_first(owners: list[Resolved]) -> Resolved:
    return next((f for f in owners if f.kind == "speech"), owners[0])


def _runs(toks: list[Token], quoted: list[int]) -> list[tuple[int, int]]:
    """Contiguous stretches of quoted words (a quotation broken by its cue is two stretches)."""
    runs: list[tuple[int, int]] = []
    for i in quoted:
        if runs and all(toks[k].quoted for k in range(runs[-1][1] + 1, i)) and not any(
                toks[k].text in {"”", "»", "’"} for k in range(runs[-1][1] + 1, i)):
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs
