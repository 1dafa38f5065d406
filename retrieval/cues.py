"""The words news prose uses to attribute speech: say-verbs and judgement verbs in every form and both spellings.

Built once at import from base verbs, because a hand-written list of forms always misses some
("criticised" is missing from a well-known US-only lexicon; "admitted" needs the doubled t).
"""
from __future__ import annotations

import re

# Say-verbs and the judgement verbs news uses as attribution cues (see ATTRIBUTION.md), written
# with American -ize; the -ise twin is generated.
_BASES = """
say tell add note state explain claim insist argue assert stress emphasize underline underscore reiterate
repeat warn caution urge demand appeal vow pledge promise threaten reply respond retort ask question comment
remark announce confirm deny admit acknowledge concede predict suggest write tweet post report quip joke boast
declare maintain observe mention recall complain lament allege contend propose
recommend advise hail welcome praise applaud commend congratulate thank criticize condemn denounce slam blast
attack accuse blame decry deplore dismiss reject call describe label brand dub express voice estimate
acknowledge apologize recognize characterize summarize reveal disclose shout scream whisper declare
affirm counter rebut testify inform assure reassure exclaim murmur conclude
""".split()

# Forms no rule produces.
_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
}
# Final consonant doubled before -ed/-ing (stress on the last syllable).
_DOUBLE = {"admit", "quip", "regret", "rebut", "refer", "commit", "omit", "permit", "submit", "chat"}
# -l doubled in British spelling only: both forms occur.
_L_DOUBLE_BRITISH = {"label", "signal", "cancel", "counsel", "model"}

# A verb that puts its speaker after it in news word order: "“...,” said Hatami".
INVERTIBLE = frozenset("""
say add ask explain note write reply insist warn claim declare quip recall argue comment remark
observe conclude predict concede admit state report tell respond retort
""".split()) - {"tell", "respond"}  # "told X" names the listener, "responded X" is not English


def _inflect(base: str) -> set[str]:
    if base in _IRREGULAR:
        return {base, *_IRREGULAR[base]}
    forms = {base}
    if base.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(base + "es")
    elif base.endswith("y") and base[-2] not in "aeiou":
        forms.add(base[:-1] + "ies")
    else:
        forms.add(base + "s")
    if base.endswith("e"):
        forms |= {base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2] not in "aeiou":
        forms |= {base[:-1] + "ied", base + "ing"}
    elif base in _DOUBLE:
        forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    else:
        forms |= {base + "ed", base + "ing"}
        if base in _L_DOUBLE_BRITISH:
            forms |= {base + "led", base + "ling"}
    return forms


def _spellings(base: str) -> list[str]:
    """The verb in both spellings: criticize / criticise."""
    if base.endswith("ize") and base not in {"seize", "size"}:
        return [base, base[:-3] + "ise"]
    return [base]


def _build() -> dict[str, str]:
    forms: dict[str, str] = {}
    for base in _BASES:
        for spelled in _spellings(base):
            for form in _inflect(spelled):
                forms.setdefault(form, base)
    return forms


# Every inflected form -> its base verb (American spelling).
VERB_FORMS: dict[str, str] = _build()

# Forms that are not a finite cue on their own: a gerund continues a clause ("..., noting that"),
# a bare base is an infinitive or imperative more often than a report.
_NON_FINITE = re.compile(r"ing$")


def cue_base(word: str) -> str | None:
    """The base verb when ``word`` (lowercase) is a finite form of a cue verb, else None."""
    base = VERB_FORMS.get(word)
    if base is None or _NON_FINITE.search(word):
        return None
    return base


def is_past_participle_cue(word: str) -> bool:
    return word in VERB_FORMS and (word.endswith("ed") or word in {"said", "told", "written", "spoken"})


# Words that may stand between a speaker and the verb: "Dastagir also criticised", "he has said".
BETWEEN = frozenset("""
also further later again earlier then has had have once still too previously recently repeatedly reportedly
publicly separately subsequently meanwhile however would will had has even only yesterday today
""".split())

# Particles a phrasal cue needs ("lashed out at", "hit out at", "pointed out", "ruled out").
PHRASAL = {"lash": "out", "hit": "out", "point": "out", "rule": "out", "speak": "out"}
PHRASAL_FORMS: dict[str, str] = {
    form: base for base in PHRASAL for form in _inflect(base) if not form.endswith("ing")
}
PHRASAL_FORMS["hit"] = "hit"  # irregular past: "hit out at"
PHRASAL_FORMS.pop("hited", None)
# Context a cue carries into the evidence: "said in a statement", "told reporters".
CUE_TAILS = ("in a statement", "in a tweet", "in an interview", "on twitter", "in a post", "in a speech",
             "in a televised address", "in a press conference", "at a press conference", "reporters",
             "journalists", "the media", "the press")
