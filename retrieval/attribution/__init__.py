"""Who says each passage, by rules about English news prose (no parser, no model), in stages a reader
can follow, each its own module with its own value type:

1. ``tokens``    sentences and tokens (``Token``), with what stands inside quotation marks;
2. ``mentions``  the people, organisations and roles each paragraph names (``Mention``), registered in
                 the article's ``registry`` (``Entry``);
3. ``cues``      the words that attribute (``Cue``): speech, evidence ("polls show"), intent ("X wants");
4. ``link``      each cue to the phrase naming its source (``Link``);
5. ``resolve``   that phrase to a person or organisation: name, pronoun, role (``Resolved``);
6. ``quotes``    which words each source says (``QuoteSpan``), and quotations that continue.

Comments speak for their author; the words a reply quotes for the commenter it quotes. Precision first:
a source that cannot be resolved leaves the words unattributed. Reading is one pass in article order;
``reading`` keeps what was read so far, by index, so an article of n passages costs O(n log n).
"""
from __future__ import annotations

from dataclasses import replace

from ..article import Article, Passage
from ..gc_pause import collector_paused
from ..speakers import Attribution, Cast, QuoteSpan
from .cues import find_cues
from .link import introduced_quotations, link, outer_only
from .lookup import build_lookup, build_roles, find_person, normalise_phrase
from .mentions import find_mentions
from .quotes import continuation, ends_open, last_sentence_about, quote_spans
from .reading import Reading
from .registry import Entry
from .resolve import Resolved, distinct, named_later, resolve
from .tokens import tokenize

__all__ = ["attribute", "find_person", "normalise_phrase"]


def attribute(article: Article) -> Cast:
    with collector_paused():  # (``gc_pause``: what reading builds lives as long as the article)
        return _attribute(article)


def _attribute(article: Article) -> Cast:
    r = Reading(article)
    attributions: dict[str, tuple[Attribution, ...]] = {}
    quotes: dict[str, tuple[QuoteSpan, ...]] = {}
    # Commenters first, so a reply to someone who commented later still finds them.
    for p in article.passages:
        if p.kind == "comment":
            r.people.commenter(p.author or "", p.id)
    previous: Passage | None = None
    previous_open = False
    previous_about: Entry | None = None
    for p in article.passages:
        if p.kind == "comment":
            attributions[p.id] = _comment(r, p)
            continue
        toks = tokenize(p.text)                                                  # 1
        find_mentions(r, p, toks)                                                # 2
        cues = find_cues(toks)                                                   # 3
        links = outer_only(toks, sorted(
            [lk for cue in cues if (lk := link(toks, cue, r.vocabulary)) is not None]
            + introduced_quotations(toks, cues), key=lambda lk: lk.cue.position))   # 4
        found = resolve(r, p, toks, links)                                       # 5
        if not any(f.kind == "speech" for f in found):
            carried = continuation(r, p, toks, previous, quotes.get(previous.id, ()) if previous else (),
                                   previous_open, previous_about)
            if carried is not None:
                found = (carried, *found)
                r.spoke(p.id, carried.entry)
        quotes[p.id] = quote_spans(p, toks, found)                              # 6
        attributions[p.id] = tuple(_attribution(f) for f in distinct(found)) or (Attribution(None),)
        previous, previous_open = p, ends_open(toks)
        previous_about = last_sentence_about(r, p, toks, cues) if not found else None
    later = named_later(r)
    if later:
        attributions, quotes = _named_later(attributions, quotes, later)
    people = tuple(pp for pp in r.people.people() if pp.name not in later)
    return Cast(people, attributions, build_lookup(people), build_roles(r.people), quotes)


def _named_later(attributions: dict[str, tuple[Attribution, ...]], quotes: dict[str, tuple[QuoteSpan, ...]],
                 later: dict[str, Entry]) -> tuple[dict[str, tuple[Attribution, ...]], dict[str, tuple[QuoteSpan, ...]]]:
    """Give the words of a speaker first written as a role ("Austria's interior minister") to the person
    named later with that office; the role becomes theirs."""
    for written, entry in later.items():
        entry.add_role(written)
    out: dict[str, tuple[Attribution, ...]] = {}
    for pid, attrs in attributions.items():
        seen: set[str | None] = set()
        kept = []
        for a in attrs:
            if a.speaker in later:
                holder = later[a.speaker].name
                a = replace(a, speaker=holder, resolved_by="role",
                            note=f"“{a.evidence}” → {holder}, named later with that office")
            if a.speaker not in seen or a.speaker is None:
                seen.add(a.speaker)
                kept.append(a)
        out[pid] = tuple(kept)
    renamed = {pid: tuple(replace(q, speaker=later[q.speaker].name) if q.speaker in later else q for q in spans)
               for pid, spans in quotes.items()}
    return out, renamed


def _attribution(f: Resolved) -> Attribution:
    return Attribution(f.entry.name, "text", f.cue, f.evidence, f.resolved_by, f.note, f.kind)  # type: ignore[arg-type]


def _comment(r: Reading, p: Passage) -> tuple[Attribution, ...]:
    author = r.people.commenter(p.author or "", p.id)
    attrs = [Attribution(author.name, "text", "wrote the comment", p.author, "author")]
    if p.quoted and p.reply_to:
        quoted = r.people.commenter(p.reply_to, None)
        attrs.append(Attribution(quoted.name, "quoted", "quoted in a reply", f"@{p.reply_to}", "reply",
                                 f"comment #{p.number} quotes {quoted.name}"))
    return tuple(attrs)
