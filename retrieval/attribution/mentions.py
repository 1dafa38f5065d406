"""Stage 2, mentions: the people, organisations and roles a paragraph names, registered in the
article's registry with the roles the article gives them ("Iranian Defense Minister Ali Hatami",
"Khurram Dastagir Khan, Pakistan's defence minister,", "his Pakistani counterpart X").

Places are never people ("Trump Tower" is a place, "the Clinton Foundation" an organisation).
"""
from __future__ import annotations

import re

from ..article import Passage
from .lexicon import (POSSESSIVE_ENDINGS, DEMONYM_OF, DEMONYMS, DETERMINERS, FUNCTION_WORDS, HONORIFICS, ORG_HEADS,
                      OUTLETS, ROLE_HEADS, bare, cue_base)
from .phrases import (PARTICLES, is_name_word, is_role, nominal_left, opens_clause, opens_sentence, phrase_left, posted_to,
                      role_words_left, trim_run)
from .reading import Mention, Reading
from .registry import Entry, is_organisation, is_place, role_key, split_title
from .tokens import Token


def find_mentions(r: Reading, p: Passage, toks: list[Token]) -> tuple[Mention, ...]:
    """Register every name run of the paragraph; the mentions found, in order."""
    before = len(r.mentions_in.get(p.id, ()))
    i = 0
    while i < len(toks):
        if not is_name_word(toks[i]):
            i += 1
            continue
        end = i
        while end + 1 < len(toks) and (
                (is_name_word(toks[end + 1]) and not toks[end].text.endswith(POSSESSIVE_ENDINGS))
                or (toks[end + 1].low in PARTICLES | {"of"} and end + 2 < len(toks)
                    and is_name_word(toks[end + 2]) and (toks[end + 1].low != "of"
                                                         or bare(toks[end].text) in ORG_HEADS))):
            end += 1
        start = trim_run(toks, i, end, r.vocabulary)
        if not _dateline(toks, start, end):
            _mention(r, p, toks, start, end)
        i = end + 1
    return tuple(r.mentions_in.get(p.id, ())[before:])


def _dateline(toks: list[Token], start: int, end: int) -> bool:
    """"SKERRA: Northline Ferries will ...": a place in capitals opening the paragraph before a colon or
    dash is where the story was filed, never a body that speaks."""
    return (start == 0 and end + 1 < len(toks) and toks[end + 1].text in {":", "—", "–"}
            and all(t.text.isupper() and len(t.text) > 1 for t in toks[start:end + 1] if t.is_word))


def _mention(r: Reading, p: Passage, toks: list[Token], start: int, end: int) -> None:
    words = [t.text for t in toks[start:end + 1]]
    if is_organisation(words) or r.used_as_organisation(words) and not _titled(r, words):
        entry = organisation(r, words, p.id) if is_organisation(words) else by_usage(r, words, p.id)
        # An organisation opening its clause is what a later "it" is likely about ("As of October,
        # Emirates had a fleet of 270. ... it announced").
        possessive = toks[end].text.endswith(POSSESSIVE_ENDINGS)
        r.mentioned(Mention(p.id, toks[start].sentence, start, entry, possessive,
                            subject=not possessive and opens_clause(toks, start)))
        return
    if is_place(words):
        return
    role = _role_for(r, p, toks, start, end)
    if start < end and posted_to(toks, start):
        # "China's ambassador to Britain Liu Xiaming": the place completes the office, not the name.
        prefix, _ = role_words_left(toks, start - 1)
        role = " ".join([*prefix, "to", toks[start].text])
        start += 1
        words = words[1:]
    derived = None
    if role and bare(role.split()[-1]) == "counterpart":
        derived = _counterpart(r, role.split(), toks[start].sentence, p.id)
    titles, name = split_title(words)
    if len(name) >= 2 or titles and (bare(titles[-1]) in HONORIFICS or bare(titles[-1]) in ROLE_HEADS):
        # A title makes a lone surname a person: "President Trump", "Mr. Lee", "Gov. Holcomb".
        entry = r.people.person(words, p.id, role=derived or role, create_single=True)
    else:
        entry = r.people.resolve(words)
        if entry is not None and (derived or role):
            entry.add_role(derived or role)
    if entry is not None and derived and role:
        entry.add_role(role)  # "Pakistani counterpart" stays an alias
    if entry is not None and entry.kind == "person" and end + 2 < len(toks) and toks[end + 1].text == "," and (
            office := _working_as(toks, end + 2)) is not None and office != role:
        # "County councillor Maria Kettering, who chairs the planning committee,": both are hers
        entry.add_role(office)
    if entry is not None and entry.kind == "person" and (noun := _described_as(toks, start, end)) is not None:
        r.described_as.setdefault(noun, {})[entry.name] = entry
    if entry is not None:
        possessive = toks[end].text.endswith(POSSESSIVE_ENDINGS)
        subject = not possessive and (opens_sentence(toks, start) if entry.kind == "person" else opens_clause(toks, start))
        r.mentioned(Mention(p.id, toks[start].sentence, start, entry, possessive, subject))


def by_usage(r: Reading, words: list[str], pid: str) -> Entry:
    """An organisation by the article's usage: the one known organisation whose name starts with these
    words ("Northline" after "Northline Ferries"), else these words."""
    tokens = tuple(bare(w) for w in words if bare(w) != "the")
    longer = [e for e in r.people.organisations_with(tokens[0], limit=8)
              if len(e.tokens) > len(tokens) and e.tokens[:len(tokens)] == tokens] if tokens else []
    if len(longer) == 1:
        r.people.alias_organisation(longer[0], [re.sub(r"(?:['’]s|['’])$", "", w) for w in words if bare(w) != "the"])
        return longer[0]
    return organisation(r, words, pid)


def _titled(r: Reading, words: list[str]) -> bool:
    """A title or forename before the name, or a person the registry already holds under it."""
    titles, name = split_title(words)
    if titles:
        return True
    found = r.people.candidates(tuple(bare(w) for w in name))
    return any(e.kind == "person" and (len(e.tokens) > len(name) or e.roles) for e in found)


def _role_for(r: Reading, p: Passage, toks: list[Token], start: int, end: int) -> str | None:
    prefix, _ = role_words_left(toks, start)
    if prefix:
        return " ".join(prefix)
    if opens_sentence(toks, start) and (stated := _role_after_be(toks, end + 1)) is not None:
        return stated  # "Omar Haddad is the mayor of Vale.", "Haddad became mayor in 2019."
    if end + 3 < len(toks) and toks[end + 1].text == "," and toks[end + 2].text.isdigit() and (
            toks[end + 3].text == ","):
        end += 2  # "Omar Haddad, 34, a teacher,": the age, then the apposition
    # Apposition after the name: "Khurram Dastagir Khan, Pakistan's defence minister, said"; a relative
    # clause after an indefinite one ends the role: "Sam Whitlow, a lighting engineer who advised ...,".
    if end + 1 < len(toks) and toks[end + 1].text == ",":
        seg: list[Token] = []
        k = end + 2
        relative = False
        while k < len(toks) and toks[k].text not in {",", ".", ";", ":", "(", ")"} and len(seg) < 12:
            if len(seg) > 1 and seg[0].low in {"a", "an"} and toks[k].low in {"who", "whose"}:
                relative = True
                break
            seg.append(toks[k])
            k += 1
        if seg and (relative or k < len(toks) and toks[k].text in {",", "."}) and is_role(seg):
            words = [t.text for t in seg]
            if words[0].lower() in {"the", "a", "an"}:
                words = words[1:]
            return " ".join(words)
        if (working := _working_as(toks, end + 2)) is not None:
            return working
    # Apposition before the name: "The port trust chairman, Rashid Memon, said"; the name may follow words
    # describing its bearer: "That chairman, property developer Victor Hale, said".
    described = start
    while described > start - 4 and described >= 1 and toks[described - 1].is_word and (
            not toks[described - 1].is_capitalised) and toks[described - 1].low not in FUNCTION_WORDS and (
            cue_base(toks[described - 1].low) is None):
        described -= 1
    if described < start and described >= 1 and toks[described - 1].text == ",":
        start = described
    if start >= 2 and toks[start - 1].text == "," and end + 1 < len(toks) and toks[end + 1].text in {",", "."}:
        office = toks[start - 2]
        # "The area's MP, Tomasz Nowak,": an office in capitals is a role here, not a body.
        before = (None if not office.is_word else nominal_left(toks, start - 2)
                  if office.text.isupper() and bare(office.text) in ROLE_HEADS
                  else phrase_left(toks, start - 2, r.vocabulary))
        if before is not None and before.kind == "nominal" and (
                before.start == 0 or not toks[before.start - 1].is_word):
            words = before.words[1:] if before.words[0].lower() in DETERMINERS else before.words
            if role_key(" ".join(words))[1] is not None:
                return " ".join(words)
        if before is not None and before.kind == "nominal" and before.start >= 3 and (
                toks[before.start - 1].low == "whose" and toks[before.start - 2].text == ","):
            # "the Marlow Landlords Association, whose chairman, Trevor Oakes, owns ...": the office is
            # the named body's
            words = before.words
            if role_key(" ".join(words))[1] is not None:
                body = _name_run_left(toks, before.start - 3)
                return " ".join(words) + (f" of the {body}" if body else "")
    return None


def _described_as(toks: list[Token], start: int, end: int) -> str | None:
    """The noun a person is set beside in apposition, opening its clause: "The suspect, Michael Webb,
    was ..." / "A second suspect, Carl Dunn," / "Michael Webb, the suspect, was ..." -> "suspect"; None
    otherwise ("the lawyer for the suspect, Michael Webb,")."""
    d = start - 3  # the determiner, past up to two modifiers: "A second suspect, Carl Dunn,"
    while d >= start - 5 and d >= 0 and toks[d].is_word and not toks[d].is_capitalised and (
            toks[d].low not in FUNCTION_WORDS or toks[d].low in {"second", "other"}):
        d -= 1
    if start >= 3 and toks[start - 1].text == "," and d >= 0 and toks[d].low in {"the", "a", "an", "another"} and (
            d == 0 or not toks[d - 1].is_word) and end + 1 < len(toks) and toks[end + 1].text == ",":
        noun = toks[start - 2]
    elif end + 4 < len(toks) and toks[end + 1].text == "," and toks[end + 2].low == "the" and (
            toks[end + 4].text in {",", "."}):
        noun = toks[end + 3]
    else:
        return None
    if not noun.is_word or noun.is_capitalised or noun.low in FUNCTION_WORDS or (
            noun.low.endswith("s") and not noun.low.endswith("ss")):
        return None
    return bare(noun.text)


def _name_run_left(toks: list[Token], k: int) -> str | None:
    """The capitalised name that ends at ``k`` ("Marlow Landlords Association"), or None."""
    start = k
    while start >= 0 and (is_name_word(toks[start]) or start < k and toks[start].low in {"of", "for", "&", "and"}
                          and start > 0 and is_name_word(toks[start - 1])):
        start -= 1
    words = [t.text for t in toks[start + 1:k + 1]]
    return " ".join(words) if words and is_name_word(toks[start + 1]) else None


# "X, who has worked as a midwife at ...", "X, who is a lawyer for ...", "X, who served as mayor until ...":
# a relative clause that states the person's occupation.
_BEING = {"is", "was", "has", "had", "been", "have", "now", "also", "still", "once", "herself", "himself", "became",
          "becomes", "remains", "remained"}
_WORKING = {"works", "worked", "working", "serves", "served", "serving", "acts", "acted", "acting"}


def _working_as(toks: list[Token], k: int) -> str | None:
    """The role a relative clause at ``k`` gives ("who has worked as a midwife at Glenmore" -> "midwife"),
    or None: "who" + auxiliaries, then "is/was a ROLE" or "worked/serves as (a) ROLE"; the role runs to
    the first function word other than "of" ("chief executive of the trust")."""
    if k >= len(toks) or toks[k].low != "who":
        return None
    return _role_after_be(toks, k + 1) or _office_by_verb(toks, k + 1)


# "who chairs the planning committee": a verb of leading a body names an office over it.
_OFFICE_VERBS = {"chairs": "chair", "chaired": "chair", "heads": "head", "headed": "head", "leads": "leader",
                 "led": "leader", "directs": "director", "directed": "director", "manages": "manager",
                 "managed": "manager", "owns": "owner", "founded": "founder", "edits": "editor",
                 "coaches": "coach", "runs": "head", "ran": "head"}


_OWNING = {"owner", "founder"}


def _office_by_verb(toks: list[Token], k: int) -> str | None:
    """The office a relative clause's verb gives over the body it names ("who chairs the county
    council's planning committee" -> "chair of the county council's planning committee"), or None.
    Only a body with an organisation's head noun ("committee", "council", "trust") is an office's; "who
    runs a bakery" or "who led the protest" gives none."""
    while k < len(toks) and toks[k].low in {"also", "now", "still", "currently"}:
        k += 1
    if k >= len(toks) or (office := _OFFICE_VERBS.get(toks[k].low)) is None:
        return None
    k += 1
    seg: list[Token] = []
    while k < len(toks) and (toks[k].is_word or toks[k].text in {"’s", "'s"}) and len(seg) < 8 and (
            toks[k].low not in FUNCTION_WORDS or toks[k].low in {"the", "of"} or not seg and toks[k].low in {"a", "an"}):
        seg.append(toks[k])
        k += 1
    if office in _OWNING and len(seg) >= 2 and seg[0].low in {"a", "an", "the"}:
        # "who owns a bakery on the street": the owner of a bakery (the business, to its first function word)
        return f"{office} of " + " ".join(t.text for t in seg)
    if seg and seg[0].low in {"a", "an"}:
        return None  # "who runs a bakery": no body the article names
    while seg and bare(seg[-1].text) not in ORG_HEADS:
        seg.pop()
    if not seg or seg[0].low != "the" and not seg[0].is_capitalised:
        return None
    return f"{office} of " + " ".join(t.text for t in seg).replace(" ’s", "’s").replace(" 's", "'s")


def _role_after_be(toks: list[Token], k: int) -> str | None:
    """The role a predicate at ``k`` states: "is the mayor of Vale", "became mayor", "has been mayor",
    "worked as a midwife"; else None."""
    seen_be = seen_work = False
    while k < len(toks) and toks[k].low in _BEING | _WORKING:
        seen_be = seen_be or toks[k].low in {"is", "was", "been", "became", "becomes", "remains", "remained"}
        seen_work = seen_work or toks[k].low in _WORKING
        k += 1
    if seen_work:
        if k >= len(toks) or toks[k].low != "as":
            return None
        k += 1
    elif not seen_be:
        return None
    if k < len(toks) and toks[k].low in {"a", "an", "the"}:
        k += 1
    seg: list[Token] = []
    while k < len(toks) and toks[k].is_word and len(seg) < 8 and (
            toks[k].low not in FUNCTION_WORDS or toks[k].low == "of"
            or toks[k].low in {"the", "a", "an"} and seg and seg[-1].low == "of"):
        seg.append(toks[k])
        k += 1
    if "of" not in [t.low for t in seg]:  # "mayor until 2019": the office ends at its head
        while seg and bare(seg[-1].text) not in ROLE_HEADS:
            seg.pop()
    while seg and seg[-1].low in {"of", "the", "a", "an"}:
        seg.pop()
    if not seg or not is_role(seg):
        return None
    return " ".join(t.text for t in seg)


def _counterpart(r: Reading, prefix: list[str], sentence: int, passage_id: str) -> str | None:
    """"his Pakistani counterpart X": X holds the office of the person whose counterpart he is, named
    in the same sentence, else the last one named in this or the previous paragraph."""
    near = r.recent_ids(r.passage(passage_id))
    for m in reversed(r.mentions):
        if m.passage not in near:
            break
        entry = m.entry
        offices = [role for role, (k, h) in zip(entry.roles, entry.keys) if h and h != "counterpart"]
        if entry.kind == "person" and offices:
            nationality = [w for w in prefix[:-1] if bare(w) not in DETERMINERS]
            office = [w for w in offices[0].split() if bare(w) not in DEMONYMS and bare(w) not in DEMONYM_OF]
            return " ".join([*nationality, *(w.lower() for w in office)])
    return None


def organisation(r: Reading, words: list[str], pid: str) -> Entry:
    """The organisation these words name, an acronym under the name the article spells out ("VW" ->
    Volkswagen, "NYAG" -> New York State Attorney General) when exactly one name fits it."""
    entry = r.people.known_organisation(words)
    if entry is not None:
        return entry
    short = re.sub(r"(?:['’]s|['’])$", "", words[0]).rstrip(".") if len(words) == 1 else ""
    if 2 <= len(short) <= 6 and short.isalpha() and short.isupper() and short.lower() not in OUTLETS:
        full = _spelled(r, short)
        if full is not None:
            entry = r.people.organisation(full, pid)
            r.people.alias_organisation(entry, [short])
            return entry
    return r.people.organisation(words, pid)


def _spelled(r: Reading, short: str) -> list[str] | None:
    """The one name in the article an acronym abbreviates: a run of capitalised words whose initials
    hold its letters in order, first to first and last to last ("New York State Attorney General" for
    NYAG); else one word that starts with its first letter and holds the others in order, at least
    three letters a letter, for an acronym of three letters at most ("Volkswagen" for VW)."""
    fits: set[str] = set()
    for run, initials in _runs_by_initials(r).get((short[0].lower(), short[-1].lower()), ()):
        if _in_order(short.lower(), initials):
            fits.add(run)
    if not fits and len(short) <= 3:
        for w in r.capitalised_starting(short[0]):
            if len(w) >= 3 * len(short) and "-" not in w and _in_order(short[1:].lower(), w[1:].lower()):
                fits.add(w)
    if len(fits) != 1:
        return None
    found = next(iter(fits))
    if found not in r.capitalised:  # a run, lowercased: take it as the text writes it
        at = r.lower_text.find(found)
        found = r.text[at:at + len(found)]
    words = found.split()
    return words[1:] if words[0].lower() == "the" else words


def _runs_by_initials(r: Reading) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """The article's name runs of two words or more (small words aside) with their initials, by first
    and last initial: an acronym looks only at the runs that start and end as it does. Built once."""
    if r.runs_by_initials is None:
        r.runs_by_initials = {}
        for run in r.name_runs:
            parts = [w for w in run.split() if w not in {"of", "for", "the", "and", "de", "von", "van", "bin"}]
            if len(parts) >= 2:
                initials = "".join(w[0] for w in parts)
                r.runs_by_initials.setdefault((initials[0], initials[-1]), []).append((run, initials))
    return r.runs_by_initials


def _in_order(letters: str, word: str) -> bool:
    it = iter(word)
    return all(c in it for c in letters)
