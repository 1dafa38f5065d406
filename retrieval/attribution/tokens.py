"""Stage 1, sentences and tokens: the words of a paragraph with their place (offsets, sentence) and
whether they stand inside a quotation.

Every later stage walks these left and right from a cue verb; the analyser's tokens drop too much
(case, punctuation, quote marks) for that. A sentence ends at . ! ? … outside quotation marks, so
"“A. B,” he said." is one sentence whose quotation belongs to its cue.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# Abbreviated titles keep their period so it is not read as a sentence end; "U.S." likewise.
_TOKEN = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sen|Rep|Gov|Brig|Adm|Sgt|Rev|Hon|St|No)\.(?=\s)"
    r"|(?:Corp|Inc|Co|Ltd|Plc|Cos|Bros|LLC|PLC|Jr|Sr)\.(?=\s+[a-z])"  # "Acme Corp. said", "Dale Prior Jr. said"; "..., said Dale Prior Jr. Hale left." is two sentences
    r"|[DRI]-(?:[A-Z][a-z]*\.)+(?=[,)]|\s+[a-z])"  # a party and state: "(D-Calif.) said", "R-S.C., said" end no sentence
    r"|[A-Z][\w-]*\.(?=[,:])"  # "Kennedy Jr., the U.S. attorney", "Sen. X, R-Ore., said", "X Jr.: “…”": ".," ends no sentence
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.(?=\s+\d)"  # "on Sept. 30" goes on
    r"|(?:[A-Za-z]\.){2,}"
    r"|[A-Z]\.(?=\s+[A-Z][a-z])"  # a middle initial: "Silvia S. Martins" is one name in one sentence
    r"|\w[\w-]*(?:\.[a-z]{2,6})+(?![\w.])"  # a web address is one word: "told Harbor.com that" ends no sentence
    r"|[A-Z][\w-]*s[’'](?=\s+[a-z])"  # a name's possessive by the apostrophe alone: "Crustworks’ manager"
    r"|\w+(?:[-’']\w+)*"
    r"|[^\w\s]"
)
_OPEN_QUOTES = {"“", "«"}
_CLOSE_QUOTES = {"”", "»"}
SENTENCE_END = {".", "!", "?", "…"}
QUOTE_MARKS = {"“", "”", '"', "«", "»", "‘", "’"}
_QUOTE_CHARS = frozenset({"‘", "’", '"'} | _OPEN_QUOTES | _CLOSE_QUOTES)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    sentence: int
    quoted: bool  # inside a quotation: its verbs are the speaker's words, not the article's cues
    # Computed once here: every stage asks these of every token many times.
    low: str = field(init=False, repr=False, compare=False)
    is_word: bool = field(init=False, repr=False, compare=False)
    is_capitalised: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "low", self.text.lower())
        object.__setattr__(self, "is_word", self.text[:1].isalnum())
        object.__setattr__(self, "is_capitalised", capitalised(self.text))


def capitalised(word: str) -> bool:
    """Written as a name: a capital first letter, or a lowercase letter before a capital one ("iFixit",
    "eBay": a brand's camel case); not "e-tron", not "iOS"."""
    return word[:1].isupper() or (len(word) >= 3 and word[0].islower() and word[1].isupper() and word[2].islower())


_new_token = object.__new__


def _token(word: str, start: int, end: int, sentence: int, quoted: bool) -> Token:
    """``Token(word, start, end, sentence, quoted)`` without the frozen dataclass's __init__ and
    __post_init__ (an object.__setattr__ per field): tokenizing every paragraph at open builds
    hundreds of thousands of tokens, and that machinery was most of the cost. Same fields, same values."""
    t = _new_token(Token)
    first = word[:1]
    t.__dict__.update(text=word, start=start, end=end, sentence=sentence, quoted=quoted, low=word.lower(),
                      is_word=first.isalnum(),
                      is_capitalised=first.isupper() or (  # ``capitalised``, inline: asked of every token
                          len(word) >= 3 and first.islower() and word[1].isupper() and word[2].islower()))
    return t


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    sentence = 0
    in_quote = False
    straight_open = False
    single_open = False  # British style: ‘…’ (an apostrophe is the same ’, so a quotation closes only where it can)
    for m in _TOKEN.finditer(text):
        word = m.group()
        start, end = m.span()
        if word in _QUOTE_CHARS:  # (one test for the few tokens that may open or close a quotation)
            if word == "‘" and not (in_quote or straight_open or single_open) and _opens_single(text, start, end):
                single_open = True
                append(_token(word, start, end, sentence, True))
                continue
            if word == "’" and single_open and _closes_single(text, start, end):
                single_open = False
                append(_token(word, start, end, sentence, True))
                continue
            if word in _OPEN_QUOTES:
                in_quote = True
                append(_token(word, start, end, sentence, True))
                continue
            if word in _CLOSE_QUOTES:
                in_quote = straight_open = False  # (a web page may close “ or " with either mark)
                append(_token(word, start, end, sentence, True))
                continue
            if word == '"' and in_quote and not straight_open and _closes_mixed(text, start, end):
                in_quote = False  # “… skull," the office said: a curly quotation closed by a straight mark
                append(_token(word, start, end, sentence, True))
                continue
            if word == '"':
                straight_open = not straight_open
                append(_token(word, start, end, sentence, True))
                continue
        append(_token(word, start, end, sentence, in_quote or straight_open or single_open))
        if word in SENTENCE_END and not (in_quote or straight_open or single_open):
            sentence += 1
    return tokens


def _closes_mixed(text: str, start: int, end: int) -> bool:
    """A straight " inside a curly quotation closes it when it stands where a closing mark does: after
    a word or punctuation and before a space, punctuation or the end."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ",.;:!?)—–")


def _opens_single(text: str, start: int, end: int) -> bool:
    """‘ opens a quotation before a word, after a space or the start, with a ’ to close it later
    (not "the ‘90s")."""
    return (start == 0 or not text[start - 1].isalnum()) and end < len(text) and text[end].isalpha() and (
        "’" in text[end:])


def _closes_single(text: str, start: int, end: int) -> bool:
    """’ closes a single quotation after punctuation (",’ she said") or before a space, punctuation or
    the end; not the apostrophe of a plural's possessive ("the Joneses’ car")."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before in ",.!?…—–-":
        return True
    if after in ",.;:!?)—–" or end >= len(text):
        return True
    return after.isspace() and not (before == "s" and text[end + 1:end + 2].islower())


def quoted_share(tokens: list[Token]) -> float:
    words = [t for t in tokens if t.is_word]
    return sum(t.quoted for t in words) / len(words) if words else 0.0
