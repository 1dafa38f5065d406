"""Stage 5, resolving: the phrase a cue links to becomes a person or organisation of the registry.

- A name merges with the article's people by its tokens; an organisation or outlet is a speaker too;
  places never are, and a surname two people share names neither.
- A pronoun: the subject of its own sentence or an earlier one in the paragraph, then the subject of a
  previous paragraph that quotes nobody, then the most recent speaker of its gender (or of unknown
  gender); "they"/"it" the organisation speaking just before, else the organisation that is the subject
  of a sentence before it in this or the previous paragraph ("As of October, Emirates had ... it announced").
- A role ("the Pakistani defense minister", "the union leader") is the person introduced with that
  role, or with the same head noun while they speak; an organisation nominal ("the ministry") the one
  organisation with that head; nobody fitting: the speaker as the article writes them.
- A participle ("..., saying") shares the source of its sentence's main cue.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..article import Passage
from .cues import Cue
from .lexicon import (POSSESSIVE_ENDINGS, OUTLETS, ACTING_PLACES, DEMONYM_OF, DETERMINERS, ORG_HEADS, COMPANY_NOMINALS, ORG_NOMINALS, PLACE_SPEECH_VERBS,
                      ROLE_HEADS, VERB_FORMS, bare, cue_base, is_plural_role)
from .link import Link
from .mentions import by_usage, organisation
from .phrases import OBJECT_PRONOUNS, PRONOUNS, Phrase, opens_sentence
from .reading import Mention, Reading
from .registry import Entry, holds_role, is_plural_noun, is_organisation, is_place, is_title_word, looks_like_name, role_key, split_title
from .tokens import Token



@dataclass(frozen=True)
class Resolved:
    """A cue's source in the registry, with the evidence a reader can check."""

    position: int  # the cue's token
    entry: Entry
    cue: str
    evidence: str  # the words that named the source: "he", "The Pakistani defense minister"
    resolved_by: str  # "name", "pronoun", "role", "as written", "participle"
    note: str | None = None
    kind: str = "speech"  # the cue's kind: speech, evidence, intent
    clause: int = -1  # token where the cue's clause starts (its source's first word, or the cue)


def resolve(r: Reading, p: Passage, toks: list[Token], links: list[Link]) -> tuple[Resolved, ...]:
    """Each link's source, in order (a source may recur: each of its cues owns its own sentence).
    Sources are recorded as speaking as soon as they are found, so a pronoun later in the paragraph can
    mean them."""
    found: list[Resolved] = []
    spoke: set[int] = set()
    by_sentence: dict[int, Resolved] = {}
    last_in_sentence: dict[int, Resolved] = {}
    for lk in links:
        cue = lk.cue
        f: Resolved | None
        main = (last_in_sentence if lk.coordinated else by_sentence).get(toks[cue.position].sentence) \
            if lk.same_as_main else None
        if main is not None:
            f = Resolved(cue.position, main.entry, cue.text, main.evidence, "participle",
                         f"the source of “{main.cue}” in the same sentence", cue.kind)
        elif lk.phrase is None:
            f = None
        elif cue.text == ":" and not _speaker_line(r, toks, lk.phrase, cue):
            f = None
        else:
            f = _resolve(r, p, toks, lk.phrase, cue)
            if f is not None and f.kind != cue.kind:
                f = Resolved(f.position, f.entry, f.cue, f.evidence, f.resolved_by, f.note, cue.kind)
        if f is None:
            continue
        start = lk.phrase.start if lk.phrase is not None and lk.phrase.start <= cue.position and not (
            lk.coordinated) else cue.position  # a coordinated verb's clause starts at the verb
        f = replace(f, clause=start)
        by_sentence.setdefault(toks[cue.position].sentence, f)
        last_in_sentence[toks[cue.position].sentence] = f
        found.append(f)
        if f.kind == "speech" and id(f.entry) not in spoke:
            spoke.add(id(f.entry))
            r.spoke(p.id, f.entry)
    return tuple(found)


def named_later(r: Reading) -> dict[str, Entry]:
    """Speakers first written as a role and named later: "Austria's interior minister said ..." before
    "Interior Minister Wolfgang Peschorn"; "China's ambassador to Britain accused ..." before "China's
    ambassador to Britain Liu Xiaming". The role's written name -> the one person holding that office
    (an indefinite "a senior official" is nobody in particular)."""
    found: dict[str, Entry] = {}
    for e in r.people.written():
        if e.kind != "person" or e.name.split()[0].lower() in {"a", "an", "another", "one"}:
            continue
        holders = r.people.same_office(e.name)
        if len(holders) == 1:
            found[e.name] = holders[0]
    return found


def _speaker_line(r: Reading, toks: list[Token], phrase: Phrase, cue: Cue) -> bool:
    """A colon before a quotation names its speaker; a line opening "Name: words" does so only when the
    name is a person's full name or one the article already knows ("Buckley:"), not "Brexit:"."""
    if cue.position + 1 < len(toks) and toks[cue.position + 1].quoted:
        return True
    if phrase.kind != "name":
        return False
    if len(phrase.words) >= 2:
        return looks_like_name(split_title(list(phrase.words))[1])
    return any(e.kind == "person" for e in r.people.candidates((bare(phrase.words[0]),)))


def distinct(found: tuple[Resolved, ...]) -> tuple[Resolved, ...]:
    """Each source once, at its first cue; a source's speech outranks its evidence or intent."""
    out: list[Resolved] = []
    for f in found:
        same = next((n for n, g in enumerate(out) if g.entry is f.entry), None)
        if same is None:
            out.append(f)
        elif f.kind == "speech" and out[same].kind != "speech":
            out[same] = f
    return tuple(out)


def _gender_fits(e: Entry, want: str) -> bool:
    """"she" never means a man the article shows as male, nor "he" a woman; unknown fits both."""
    return e.gender in (None, want)


def _by_gender(candidates: list[Entry], want: str) -> Entry:
    """The first (most recent) candidate known to have the pronoun's gender, else the first unknown one."""
    return next((e for e in candidates if e.gender == want), candidates[0])


def _resolve(r: Reading, p: Passage, toks: list[Token], phrase: Phrase, cue: Cue) -> Resolved | None:
    where = toks[phrase.start]
    if phrase.kind == "pronoun":
        return _pronoun(r, p, toks, phrase, cue)
    if phrase.kind == "organisation":
        entry = r.people.organisation(list(phrase.words), p.id)
        return Resolved(cue.position, entry, cue.text, " ".join(phrase.words), "name")
    if phrase.kind == "name":
        words = phrase.words
        known = _known_organisation(r, toks, phrase)
        if known is not None:
            r.mentioned(Mention(p.id, where.sentence, phrase.start, known))
            return Resolved(cue.position, known, cue.text, " ".join(words), "name")
        if is_organisation(words):
            entry = organisation(r, list(words), p.id)
            return Resolved(cue.position, entry, cue.text, " ".join(words), "name")
        if len(words) == 1 and bare(words[0]) in _NEWS_WORDS and words[0][:1].isupper() and phrase.start >= 1 and (
                toks[phrase.start - 1].low == "the") and phrase.start < cue.position:
            # "The Post reported", "the Guardian said": a newspaper called by its short name, the one the
            # article named in full ("The Washington Post") if it did
            known = [e for e in r.people.organisations_with(bare(words[0])) if e.tokens[-1] == bare(words[0])]
            entry = known[0] if len(known) == 1 else r.people.as_written_organisation(f"The {words[0]}", p.id)
            return Resolved(cue.position, entry, cue.text, " ".join(words), "name")
        if len(words) == 1 and bare(words[0]) in _PLATFORMS and (phrase.start < cue.position or cue.text == "according to"):
            # "Facebook said", "Twitter declined to comment": the company behind the platform, as a
            # cue's subject only ("posted on Facebook" names no one)
            entry = organisation(r, list(words), p.id)
            return Resolved(cue.position, entry, cue.text, " ".join(words), "name")
        if r.used_as_organisation(words) and not phrase.prefix and not split_title(words)[0]:
            entry = by_usage(r, list(words), p.id)
            return Resolved(cue.position, entry, cue.text, " ".join(words), "name")
        known = _person_named(r, words) or (len(words) == 1 and bare(words[0]) in r.surnames)
        if is_place(words) and not known:
            return _acting_place(r, p, toks, phrase, cue)
        titles, name = split_title(words)
        if len(name) == 1 and (is_plural_role(name[0]) or bare(name[0]) in ROLE_HEADS | ORG_HEADS):
            return None  # "Analysts said", "Officials say": a group, not one speaker
        if not looks_like_name(name) and not known:
            if all(is_title_word(w) for w in words):  # "Defense Minister said"
                return _nominal(r, p, Phrase(words, "nominal", [], phrase.start), cue)
            # "ambassador to Britain Liu Xiaming": the longest tail that is a name of two words or more.
            tail = next((n for n in range(1, len(words) - 1) if looks_like_name(list(words[n:]))), None)
            if tail is None:
                return None
            words = name = tuple(words[tail:])
        entry = r.people.resolve(words) if len(name) == 1 else None
        if entry is None:
            first = phrase.start == 0 or toks[phrase.start - 1].sentence != toks[phrase.start].sentence
            if len(words) == 1 and not phrase.prefix and first and is_plural_noun(name[0]):
                return None  # "Critics, including ..., want": a plural common noun opening the sentence
            if len(name) == 1 and (shared := r.people.candidates((bare(name[0]),))):
                # A surname two people share: the one of them speaking in this or the last paragraph.
                near = {id(e) for pid in r.recent_ids(p) for e in r.spoken_in.get(pid, ())}
                speaking = [e for e in shared if id(e) in near]
                if len(speaking) != 1:
                    return None
                entry = speaking[0]
            else:
                role = " ".join(phrase.prefix) if phrase.prefix else None
                entry = r.people.person(words, p.id, role=role, create_single=True)
        if entry is None:
            return None
        r.mentioned(Mention(p.id, where.sentence, phrase.start, entry,
                            subject=entry.kind == "person" and opens_sentence(toks, phrase.start)))
        return Resolved(cue.position, entry, cue.text, " ".join(words), "name")
    owned = _owned_body(r, p, toks, phrase, cue)
    if owned is not None:
        return owned
    return _nominal(r, p, phrase, cue)


def _owned_body(r: Reading, p: Passage, toks: list[Token], phrase: Phrase, cue: Cue) -> Resolved | None:
    """"His office said", "her campaign said": the body of the person the pronoun means, as the article
    would write it ("Eric Holcomb's office")."""
    words = phrase.words
    if len(words) != 2 or words[0].lower() not in {"his", "her"} or bare(words[1]) not in _OWNED_BODIES:
        return None
    want = "male" if words[0].lower() == "his" else "female"
    # The person known to be male (female) named last before it in the paragraph ("Teachers didn't see
    # Holcomb. His office said"), else whom the pronoun would mean.
    named = [m.entry for m in r.mentions_in.get(p.id, ()) if m.start < phrase.start and m.entry.kind == "person"
             and not m.entry.as_written and m.entry.gender == want and not toks[m.start].quoted]
    if named:
        person, why = named[-1], "the person named last before it"
    else:
        owner = _pronoun(r, p, toks, Phrase(["he" if want == "male" else "she"], "pronoun", [], phrase.start), cue)
        if owner is None or owner.entry.kind != "person" or owner.entry.as_written:
            return None
        person, why = owner.entry, owner.note or ""
    entry = r.people.as_written_organisation(f"{person.name}’s {words[1]}", p.id)
    return Resolved(cue.position, entry, cue.text, " ".join(words), "pronoun", f"{words[0]} → {person.name}, {why}")


_PLATFORMS = frozenset({"twitter", "facebook", "instagram", "youtube", "whatsapp", "tiktok", "snapchat"})

_OWNED_BODIES = frozenset({"office", "campaign", "administration", "government"})

def _known_organisation(r: Reading, toks: list[Token], phrase: Phrase) -> Entry | None:
    """An organisation the article has already named, under the same words: "Big Machine have denied"
    after "..., Big Machine, says" (with a sentence's first word, which alone may read as a common word)."""
    found = r.people.known_organisation(list(phrase.words))
    k = phrase.start
    while found is None and k > 0 and toks[k - 1].sentence == toks[k].sentence and toks[k - 1].is_capitalised \
            and toks[k - 1].is_word and phrase.start - k < 3:
        k -= 1
        found = r.people.known_organisation([t.text for t in toks[k:phrase.start]] + list(phrase.words))
    return found


def _acting_place(r: Reading, p: Passage, toks: list[Token], phrase: Phrase, cue: Cue) -> Resolved | None:
    """"China said", "The UK has urged", "according to the White House": a country or capital that is a
    cue's source speaks for its government, as the article names it. Only as the cue's subject or the
    name right after it; a place anywhere else ("talks in Beijing") never reaches here."""
    words = [w for w in phrase.words if w.lower() != "the"]
    if not words or " ".join(bare(w) for w in words) not in ACTING_PLACES:
        return None
    subject = phrase.start < cue.position
    if not (subject or cue.text == "according to"):
        return None  # "shared by Ukraine", "annexed by Germany": a passive's agent acts, it does not speak
    base = VERB_FORMS.get(toks[cue.position].low)
    if cue.kind != "speech" or base not in PLACE_SPEECH_VERBS and cue.text != "according to":
        return None
    if _reported(toks, phrase.start):
        return None  # "Lee said China would protest": the words are Lee's, reporting China
    if words[-1].endswith(("’s", "'s", "’", "'")):
        return None  # "China's ambassador": the place qualifies the speaker, it is not the speaker
    entry = r.people.organisation(_spelled_out(r, words), p.id)
    entry.place = True
    r.mentioned(Mention(p.id, toks[phrase.start].sentence, phrase.start, entry))
    return Resolved(cue.position, entry, cue.text, " ".join(phrase.words), "name")


def _reported(toks: list[Token], start: int) -> bool:
    """Whether the words at ``start`` stand in the clause another cue of their sentence reports: a say-verb
    (not inside a quotation) earlier in the sentence."""
    k = start - 1
    while k >= 0 and toks[k].sentence == toks[start].sentence:
        if not toks[k].quoted and cue_base(toks[k].low) is not None:
            return True
        k -= 1
    return False


def _spelled_out(r: Reading, words: list[str]) -> list[str]:
    """A country's short form as the article spells it in full ("the U.S." -> "United States", "UK" ->
    "United Kingdom"): the same country, written out with the short form's initials."""
    short = "".join(c for c in "".join(words) if c.isalpha())
    if len(words) != 1 or not short.isupper():
        return words
    country = DEMONYM_OF.get(bare(words[0]))
    for long in DEMONYM_OF:
        parts = long.split()
        if (len(parts) > 1 and DEMONYM_OF[long] == country and "".join(w[0] for w in parts) == short.lower()
                and r.in_a_name_run(long)):
            return [w.capitalize() for w in parts]
    return words


def _person_named(r: Reading, words: list[str] | tuple[str, ...]) -> bool:
    """"York said" after "Kate York" was named: a person's name, although a place shares it."""
    return len(words) == 1 and any(e.kind == "person" and not e.as_written
                                   for e in r.people.candidates((bare(words[0]),)))


def _head_noun(body: tuple[str, ...] | list[str]) -> str:
    """The noun a phrase is about, before its complement: "ambassador to Britain", "chairman of the
    port trust" are an ambassador and a chairman."""
    for n, w in enumerate(body):
        if n > 0 and w.lower() in {"of", "to"} and bare(body[n - 1]) in ROLE_HEADS:
            return bare(body[n - 1])
    return bare(body[-1])


_PLACE_NOUNS = frozenset("city country state nation territory region province county island town capital".split())


_POLICE_FORCE = re.compile(r"\b((?:[A-Z][\w.’'-]*\s)+)police\b")


def _the_one_police_force(r: Reading) -> str | None:
    """The one "<Place> police" the article writes ("Hong Kong police"), or None (none, or several)."""
    if r.police_forces is None:
        names = set()
        for m in _POLICE_FORCE.finditer(r.text):
            words = m.group(1).split()
            ends = [n for n, w in enumerate(words) if w.endswith(".") and len(w) > 2 and not w.isupper()]
            words = [w for w in words[ends[-1] + 1 if ends else 0:] if w.lower() not in {"the", "a"}]  # "China. Hong Kong"
            if words and not words[-1].endswith(POSSESSIVE_ENDINGS):
                names.add(" ".join(words) + " police")
        r.police_forces = tuple(sorted(names))
    return r.police_forces[0] if len(r.police_forces) == 1 else None


def _same_body(body: tuple[str, ...] | list[str], e: Entry) -> bool:
    """Whether "the <body>" can name the body ``e`` the article wrote out: each word before the head is
    one of its words or a place noun standing for its place ("the city's police" for "Hong Kong police")."""
    return all(bare(w) in e.tokens or bare(w) in _PLACE_NOUNS for w in body[:-1])


_VOICE_HEADS = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def _voiced_body(r: Reading, p: Passage, kind: str, cue: Cue) -> Entry | None:
    """The body "a <kind> spokesperson" speaks for: the one organisation the article names with that
    word ("council": Marlow Borough Council), or for a company's kind ("company", "firm") the one this or
    the last paragraphs are about; None when none or several fit."""
    orgs = r.people.organisations_with(kind) if kind in ORG_HEADS else []
    if orgs:
        return orgs[0] if len(orgs) == 1 else None
    if kind == "police" and (force := _the_one_police_force(r)) is not None:
        return r.people.as_written_organisation(force, p.id)
    if kind in COMPANY_NOMINALS:
        org = _recent_organisation(r, p, strict=False, before=cue.position, head=kind)
        return org[0] if org is not None else None
    return None


def _nominal(r: Reading, p: Passage, phrase: Phrase, cue: Cue) -> Resolved | None:
    words = phrase.words
    determiner = words[0].lower() if words[0].lower() in DETERMINERS else None
    body = words[1:] if determiner else words
    if not body:
        return None
    text = " ".join(words)
    head = _head_noun(body)
    if len(body) == 2 and bare(body[-1]) in _VOICE_HEADS and (voiced := _voiced_body(r, p, bare(body[0]), cue)):
        # "a council spokesperson said": the council's word, as "a spokesperson for the council" is
        return Resolved(cue.position, voiced, cue.text, text, "role", f"“{text}” → {voiced.name}, the one {bare(body[0])} named")
    if head in ORG_HEADS | ORG_NOMINALS and head not in ROLE_HEADS:
        # "the city's police" after "Hong Kong police said": the one body of that head named before.
        orgs = r.people.organisations_with(head) or (
            [e for e in r.people.written_organisations_with(head) if _same_body(body, e)] if determiner == "the" else [])
        if len(orgs) == 1 and determiner == "the":
            return Resolved(cue.position, orgs[0], cue.text, text, "role",
                          f"“{text}” → {orgs[0].name}, the only {head} named before")
        if determiner == "the" and len(body) == 1 and head in ORG_NOMINALS:
            # "the company", "the agency": the organisation this or the last paragraphs are about.
            org = _recent_organisation(r, p, strict=False, before=cue.position if head in COMPANY_NOMINALS else None,
                                       head=head)
            if org is not None:
                return Resolved(cue.position, org[0], cue.text, text, "role", f"“{text}” → {org[0].name}, {org[1]}")
        if [bare(w) for w in body] == ["police"] and determiner in {"the", None} and not orgs:
            # "police said" in a story about Hong Kong: the one police force the article names, before or
            # after ("Hong Kong police have laid siege ...").
            force = _the_one_police_force(r)
            if force is not None:
                entry = r.people.as_written_organisation(force, p.id)
                return Resolved(cue.position, entry, cue.text, text, "role",
                                f"“{text}” → {force}, the one police force the article names")
        specific = any(w[:1].isupper() or w.endswith(POSSESSIVE_ENDINGS) for w in body[:-1])
        if len(body) > 1 and determiner in {"the", None} and specific:
            # "China's commerce ministry", "the port authority", "the Lopez campaign": a particular body,
            # as the article names it.
            entry = r.people.as_written_organisation(text[0].lower() + text[1:] if determiner else text, p.id)
            return Resolved(cue.position, entry, cue.text, text, "as written")
        return None
    if determiner == "the" and len(body) == 1 and body[0][:1].islower() and head not in ROLE_HEADS and len(named := [
            e for e in r.people.candidates((head,)) if e.tokens[-1] == head and len(e.tokens) > 1 and not e.as_written
            and (e.kind == "organisation" or (e.kind == "person" and not e.roles and e.gender is None))]) == 1:
        # "The zoo said" after "Ashcombe Zoo": the one name ending with that common noun. A person is never
        # "the" + their surname, so a name read as a person's that the article calls so is an organisation.
        entry = named[0] if named[0].kind == "organisation" else r.people.organisation(named[0].name.split(), p.id)
        return Resolved(cue.position, entry, cue.text, text, "role", f"“{text}” → {entry.name}, the only {head} named")
    if head not in ROLE_HEADS and head != "counterpart":
        # "The suspect said", "the 55-year-old added": a person described, not named, is the one person
        # speaking in this or the previous paragraph; else nobody.
        if determiner != "the" or cue.kind != "speech":
            return None
        bound = r.described_as.get(bare(head), {}) if len(body) == 1 else {}
        if len(bound) == 1:
            entry = next(iter(bound.values()))
            return Resolved(cue.position, entry, cue.text, text, "role",
                            f"“{text}” → {entry.name}, set beside “the {bare(head)}” where the article names them")
        near = {e.name: e for pid in sorted(r.recent_ids(p), key=r.position.__getitem__)
                for e in r.spoken_in.get(pid, ()) if e.kind == "person" and not e.as_written}
        if len(near) != 1:
            return None
        entry = next(iter(near.values()))
        return Resolved(cue.position, entry, cue.text, text, "role", f"“{text}” → {entry.name}, the one speaking just before")
    found = [] if determiner in {"a", "an"} else r.people.by_role(" ".join(body), limit=_HOLDERS)
    if not found and determiner not in {"a", "an"}:
        found = r.people.in_family(" ".join(body))  # "the union leader" is the union's president
    if len(found) > 1:
        found = _one_holder(r, p, found, role_key(" ".join(body)))
        if not found:
            return None
    if found:
        entry = found[0]
        want = role_key(" ".join(body))
        bound = next((r for r, k in zip(entry.roles, entry.keys) if want[0] <= k[0]),
                     next(r for r, k in zip(entry.roles, entry.keys) if want[0] - {want[1]} <= k[0]))
        return Resolved(cue.position, entry, cue.text, text, "role",
                      f"“{text}” → {entry.name}, introduced as “{bound}” in "
                      f"{r.passage(entry.introduced_in).citation}")
    # A different modifier, the same office: "The opposition leader" right after "Labour leader Keir
    # Starmer accused": the one person speaking in this or the previous paragraph whose role has
    # that head noun.
    if determiner == "the" and len(body) >= 2:
        head_noun = role_key(" ".join(body))[1]
        near = r.recent_ids(p)
        fits = {e.name: e for pid in sorted(near, key=r.position.__getitem__) for e in r.spoken_in.get(pid, ())
                if e.kind == "person" and not e.as_written and any(h == head_noun for _, h in e.keys)}
        if head_noun is not None and len(fits) == 1:
            entry = next(iter(fits.values()))
            return Resolved(cue.position, entry, cue.text, text, "role",
                          f"“{text}” → {entry.name}, the {head_noun} speaking just before")
    # Nobody in the article fits: report the speaker as the article names them.
    written = (text[0].lower() + text[1:]) if determiner else text
    entry = r.people.as_written(written, p.id)
    return Resolved(cue.position, entry, cue.text, text, "as written")

_PERSONAL = re.compile(r"\b(?:he|she|his|her|him)\b", re.IGNORECASE)


_HOLDERS = 16  # holders of one role looked at: past that many, only who spoke or was named just now tells


def _one_holder(r: Reading, p: Passage, found: list[Entry],
                key: tuple[frozenset[str], str | None]) -> list[Entry]:
    """Several hold the role ("the governor" with two governors): the one holding it with no other
    qualifier ("the president" is President Lee, not the president of a bank), else the one speaking
    just now, else the one named in this or the previous paragraph; else nobody."""
    words, head = key
    plain = [e for e in found if any(k == words and h == head for k, h in e.keys)]
    if len(plain) == 1 and len(words) == 1 and len(found) < _HOLDERS:
        return plain
    recent = {id(e): e for _, e in r.spoken[-3:] if holds_role(e, words, head)}
    if len(recent) == 1:
        return list(recent.values())
    near = r.recent_ids(p)
    named = {id(m.entry): m.entry for pid in near for m in r.mentions_in.get(pid, ())
             if holds_role(m.entry, words, head)}
    return list(named.values()) if len(named) == 1 else []


def _pronoun(r: Reading, p: Passage, toks: list[Token], phrase: Phrase, cue: Cue) -> Resolved | None:
    word = phrase.words[0]
    want = PRONOUNS.get(word.lower()) or OBJECT_PRONOUNS[word.lower()]
    if want == "group":
        org = _recent_organisation(r, p, strict=word.lower() in {"they", "them"})
        if org is None and phrase.start < cue.position:
            org = _subject_organisation(r, p, toks, phrase.start)
        if org is not None:
            return Resolved(cue.position, org[0], cue.text, word, "pronoun", f"{word} → {org[0].name}, {org[1]}")
        return None

    last = r.spoken[-1][1] if r.spoken else None

    def fits(e: Entry) -> bool:
        # A nominal speaker as written ("a Treasury spokesman") is a pronoun's antecedent only while
        # they are the one speaking.
        return e.kind == "person" and (not e.as_written or e is last) and _gender_fits(e, want)

    here = toks[phrase.start].sentence
    # The subject of this sentence, when it opens the sentence: "Trump posted ..., in which he voiced";
    # then the subject of an earlier sentence of this paragraph: "Ayesha Siddiqa disagreed. ... she said".
    subjects = [(m.sentence, m.entry) for m in r.mentions_in.get(p.id, ())
                if m.sentence <= here and m.start < phrase.start and m.subject and fits(m.entry)]
    if subjects:
        sent = max(s for s, _ in subjects)
        e = _by_gender([e for s, e in subjects if s == sent], want)
        why = "the subject of the same sentence" if sent == here else "the subject of the sentence before"
        return _bind(cue, e, word, why)
    # Someone who spoke earlier in this paragraph: "In a letter, Zippy Dell, the head of the bureau, said
    # ... He urged" (a gender the article has not shown does not lose to an earlier speaker's).
    spoke_here = {id(e): e for e in r.spoken_in.get(p.id, ()) if fits(e)}
    if len(spoke_here) == 1:
        return _bind(cue, next(iter(spoke_here.values())), word, "the speaker earlier in the paragraph")
    # The one person of that gender named before it in this paragraph, as an object, a possessive or an
    # appositive: "..., Mr. Lee wasn't satisfied. In a retelling, he said".
    named_here = {id(m.entry): m.entry for m in r.mentions_in.get(p.id, ())
                  if m.start < phrase.start and not toks[m.start].quoted and m.entry.kind == "person"
                  and not m.entry.as_written}
    if named_here and len(named_here) <= 3:
        sure = [e for e in named_here.values() if e.gender == want]
        maybe = [e for e in named_here.values() if e.gender is None]
        if len(sure) == 1 and not maybe or not sure and len(maybe) == 1:
            return _bind(cue, (sure or maybe)[0], word, f"the one person named before “{word}” in the paragraph")
    # A paragraph that names someone as its subject but reports nobody's words ("Shesterkin shrugged
    # off the praise."), then a pronoun: the subject of that paragraph's last sentence with one.
    previous = r.previous(p)
    if previous is not None and previous.kind == "paragraph" and previous.id not in r.spoken_in:
        before = [(m.sentence, m.entry) for m in r.mentions_in.get(previous.id, ()) if m.subject and fits(m.entry)]
        if before:
            sent = max(s for s, _ in before)
            e = _by_gender([e for s, e in before if s == sent], want)
            return _bind(cue, e, word, f"the subject of {previous.citation}, where nobody is quoted")
        # ... or the one person it names, of that gender: "Police arrested Tom Barr." "He told officers".
        named = {id(m.entry): m.entry for m in r.mentions_in.get(previous.id, ())
                 if m.entry.kind == "person" and not m.entry.as_written}
        sure = [e for e in named.values() if e.gender == want]
        # Of two people, the one a pronoun fits when the other's gender rules them out: "Tom Reyes met
        # Ana Ruiz." "“...,” she said" (Ana's forename tells nothing; Tom's does).
        compatible = [e for e in named.values() if fits(e)]
        if _PERSONAL.search(previous.text) is None and (
                len(sure) == 1 and len(named) <= 2 or len(compatible) == 1 and len(named) <= 2):
            # (Only where that paragraph says no "he" or "she" of its own: "During the visit, he chatted
            # with Epstein." continues someone else.)
            e = sure[0] if sure else compatible[0]
            return _bind(cue, e, word, f"the one person {previous.citation} names, where nobody is quoted")
    known, unknown = r.recency.latest(want)
    if last is not None and last.as_written and fits(last):
        # A nominal speaker as written is an antecedent only while speaking: the most recent of all.
        here_pid = r.spoken[-1][0]
        if last.gender == want:
            known = (float("inf"), here_pid, last)
        else:
            unknown = (float("inf"), here_pid, last)
    if known is None and unknown is None:
        return None
    newest = max((c for c in (known, unknown) if c is not None), key=lambda c: c[0])
    if known is not None and newest is unknown and previous is not None and unknown[1] == previous.id and (
            known[1] not in r.recent_ids(previous)) and len({id(x) for x in r.spoken_in.get(previous.id, ())}) == 1:
        # "Dr Sam Whitlow ... said ..." then "But he warned": the one speaker of the paragraph just
        # before, whose forename tells no gender, over a man who last spoke paragraphs earlier
        return _bind(cue, unknown[2], word, f"the one speaker of {previous.citation}, just before")
    _, pid, e = known or unknown
    citation = r.passage(pid).citation
    return _bind(cue, e, word, f"the most recent speaker ({citation})" if e is newest[2] else
                      f"the most recent speaker known to be {want} ({citation})")

def _fits_nominal(e: Entry, head: str | None) -> bool:
    """Whether "the <head>" can mean ``e``: "the union" only a union, "the ministry" only a ministry; "the
    company", "the label", "the agency" any business, agency or publication, never a country, a police
    force or a ministry."""
    if head is None:
        return True
    if head not in COMPANY_NOMINALS:
        return head in e.tokens
    if head not in _PRESS_NOMINALS and (e.tokens[-1] in OUTLETS or e.tokens[-1] in _NEWS_WORDS):
        return False  # "According to Reuters, ... A company spokesperson said": the outlet reports, it is no company
    return not e.place and e.tokens[-1] not in _PUBLIC_BODIES


# The nominals that may mean a news outlet ("the newspaper"), and the words that end an outlet's name.
_PRESS_NOMINALS = frozenset({"publication", "newspaper", "paper", "website", "site", "magazine", "outlet",
                             "network", "broadcaster", "publisher", "agency"})
_NEWS_WORDS = frozenset({"news", "times", "post", "tribune", "herald", "journal", "gazette", "telegraph",
                         "guardian", "press", "daily", "radio", "tv"})

_PUBLIC_BODIES = frozenset("""
police ministry government army navy court embassy consulate parliament senate congress office department council
committee commission administration campaign party union
""".split())


def _recent_organisation(r: Reading, p: Passage, strict: bool, before: int | None = None,
                         head: str | None = None) -> tuple[Entry, str] | None:
    """The organisation a "they", "it" or "the company" most likely means: the last source to speak when
    it is an organisation; unless ``strict``, else the organisation named as a subject or speaking in this
    or the previous paragraph."""
    if r.spoken and r.spoken[-1][1].kind == "organisation" and not (strict and r.spoken[-1][1].place) and (
            _fits_nominal(r.spoken[-1][1], head)):
        # "they" is a company's or a band's, never a country's: "China said ...; they said" is others.
        return r.spoken[-1][1], "the most recent organisation speaking"
    if strict:
        return None
    for pid in sorted(r.recent_ids(p), key=r.position.__getitem__, reverse=True):
        for e in reversed(r.spoken_in.get(pid, [])):
            if e.kind == "organisation" and _fits_nominal(e, head):
                return e, f"the organisation speaking in {r.passage(pid).citation}"
        for m in reversed(r.mentions_in.get(pid, [])):
            if m.entry.kind == "organisation" and m.start == 0 and _fits_nominal(m.entry, head):
                return m.entry, f"the organisation {r.passage(pid).citation} is about"
    if before is None:
        return None  # "it" is no nominal: a pronoun needs an organisation speaking or opening a paragraph
    # "the company", "the agency": of the organisations named in this paragraph (before the cue) or the two
    # before it, the one the article has named most so far (the one it is about), the latest on a tie.
    passages = [p.id]
    while len(passages) < 3 and (before_p := r.previous(r.passage(passages[-1]))) is not None:
        passages.append(before_p.id)
    named: dict[str, tuple[int, int, Entry]] = {}
    for age, pid in enumerate(passages):
        for m in r.mentions_in.get(pid, ()):
            e = m.entry
            if e.kind != "organisation" or not _fits_nominal(e, head) or pid == p.id and m.start >= before:
                continue
            key = e.name.lower()
            if key not in named or (-age, m.start) > named[key][:2]:
                named[key] = (-age, m.start, e)
    # Counted up to the cue: what this paragraph names after it is not yet read.
    later: dict[str, int] = {}
    for m in r.mentions_in.get(p.id, ()):
        if m.entry.kind == "organisation" and m.start >= before:
            later[m.entry.name.lower()] = later.get(m.entry.name.lower(), 0) + 1
    counts = sorted(((r.times_named.get(k, 0) - later.get(k, 0), k) for k in named), reverse=True)
    if not counts:
        return None
    if len(counts) > 1 and counts[0][0] == counts[1][0]:
        # Two named as often: "the company" is the one the article uses as a business ("WeWork's founder",
        # "the workspace provider") when only one of them is; else no guess.
        tied = [named[k][2] for n, k in counts if n == counts[0][0]]
        business = [e for e in tied if head in COMPANY_NOMINALS and r.used_as_organisation(e.name.split())]
        if len(business) != 1:
            return None
        return business[0], "the organisation the article names most and uses as a business, named just before"
    return named[counts[0][1]][2], "the organisation the article names most, named just before"


def _subject_organisation(r: Reading, p: Passage, toks: list[Token], at: int) -> tuple[Entry, str] | None:
    """An "it" or "they" that is its cue's subject, where no organisation has spoken: the organisation that
    is the subject of the latest sentence before it that has one, in this paragraph or the previous one
    ("As of October, Emirates had a fleet of 270. ... it announced an order"). A person who is such a
    subject after it (or a place) stands in the way: nobody."""
    here = [m for m in r.mentions_in.get(p.id, ()) if m.start < at]
    previous = r.previous(p)
    for pid, mentions in ((p.id, here), *(((previous.id, r.mentions_in.get(previous.id, ())),)
                                          if previous is not None and previous.kind == "paragraph" else ())):
        for m in reversed(mentions):
            if not m.subject:
                continue
            if m.entry.kind != "organisation" or m.entry.place:
                return None
            where = "the same paragraph" if pid == p.id else r.passage(pid).citation
            return m.entry, f"the organisation that is the subject of a sentence before it ({where})"
    return None


def _bind(cue: Cue, e: Entry, word: str, why: str) -> Resolved:
    if e.gender is None and word.lower() in {"he", "she"}:
        e.gender = "male" if word.lower() == "he" else "female"
    return Resolved(cue.position, e, cue.text, word, "pronoun", f"{word} → {e.name}, {why}")

