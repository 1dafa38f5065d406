"""Chat text made plain before a question is parsed: short forms, missing apostrophes, emoji, repeated
punctuation, invisible characters and a leading mention of the bot.

Only whole words change, and only to what a chat writer plainly means by them; case is kept (a name
stays a name), and every rewrite is one entry of one table, each with its own test.
"""
from __future__ import annotations

import re
import unicodedata

# Chat short forms -> what they stand for. "" drops a word that asks nothing ("lol", "pls"): left in,
# it would be searched for and count against an answer. Words that are also ordinary English in a
# question ("us", "its", "id", "well") are left out on purpose.
SHORT_FORMS: dict[str, str] = {
    "u": "you", "r": "are", "ur": "your", "ppl": "people", "ppls": "people's", "bout": "about",
    "abt": "about", "wat": "what", "wht": "what", "wut": "what", "wot": "what", "n": "and",
    "govt": "government", "gov": "government", "govts": "governments", "dept": "department",
    "min": "minister", "mins": "ministers", "pm": "prime minister", "fm": "foreign minister",
    "cm": "chief minister", "sec": "secretary", "ceo": "chief executive", "y": "why", "cuz": "because",
    "coz": "because", "b4": "before", "tho": "though", "thru": "through", "w/": "with", "w/o": "without",
    "gonna": "going to", "wanna": "want to", "gotta": "got to", "kinda": "kind of", "sorta": "sort of",
    "smth": "something", "sth": "something", "sb": "somebody", "any1": "anyone", "some1": "someone",
    "every1": "everyone", "no1": "no one", "dat": "that", "da": "the", "wen": "when", "wer": "where",
    "hw": "how", "pls": "", "plz": "", "please": "", "lol": "", "lmao": "", "haha": "", "hey": "",
    "btw": "", "tbh": "", "imo": "", "imho": "", "ok": "", "okay": "", "thx": "", "thanks": "",
    # the g a chat writer drops ("sayin"), and more short forms and asides
    "sayin": "saying", "talkin": "talking", "thinkin": "thinking", "goin": "going", "doin": "doing",
    "nothin": "nothing", "somethin": "something", "anythin": "anything", "yrs": "years", "wks": "weeks",
    "bc": "because", "rn": "right now", "rly": "really", "ya": "you", "tf": "", "idk": "", "ngl": "",
    "md": "managing director", "vp": "vice president", "gm": "general manager", "mgr": "manager",
    "exec": "executive", "whyd": "why did", "howd": "how did", "whered": "where did", "whatd": "what did",
    # informal words for the article's plain ones, which WordNet doesn't join ("cops" is not "police")
    "cops": "police", "coppers": "police", "ops": "operations", "uni": "university",
    "meds": "medicines", "hosp": "hospital", "mgmt": "management", "biz": "business", "info": "information",
}

# Contractions typed without the apostrophe -> with it. Only forms that are not words of their own
# ("its", "id", "well", "were", "hell", "shell", "wont" stays: the article's "wont" is rarer than
# the chat "won't", but a reader's "wont" is almost always "won't").
APOSTROPHES: dict[str, str] = {
    "whats": "what's", "whos": "who's", "wheres": "where's", "whens": "when's", "hows": "how's",
    "whys": "why's", "thats": "that's", "theres": "there's", "hes": "he's", "shes": "she's",
    "im": "I'm", "ive": "I've", "youre": "you're", "theyre": "they're", "theyve": "they've",
    "weve": "we've", "youve": "you've", "dont": "don't", "doesnt": "doesn't", "didnt": "didn't",
    "isnt": "isn't", "arent": "aren't", "wasnt": "wasn't", "werent": "weren't", "cant": "can't",
    "couldnt": "couldn't", "wouldnt": "wouldn't", "shouldnt": "shouldn't", "wont": "won't",
    "havent": "haven't", "hasnt": "hasn't", "hadnt": "hadn't", "aint": "ain't",
    "theyd": "they'd", "youd": "you'd", "theyll": "they'll", "youll": "you'll", "itll": "it'll",
    "thatll": "that'll", "wholl": "who'll", "whod": "who'd", "couldve": "could've", "wouldve": "would've",
    "shouldve": "should've", "mustve": "must've", "mightve": "might've", "whatre": "what're",
}

# A number before "min" means minutes, not a minister ("10 min").
_MINUTES = re.compile(r"(?<=\d)\s*min\b", re.IGNORECASE)
# A leading mention of the bot: Discord's <@id> / <@!id>, or a typed "@name".
_MENTION = re.compile(r"^\s*(?:<@[!&]?\d+>|@[\w.-]+)[\s,:;-]*")
_REPEATED = re.compile(r"[?!]{2,}|([.,;:])\1+")
_WORD = re.compile(r"(?<![\w'’@<])(?<!\w\.)[\w/]+(?![\w'’]|\.\w)")


def _keep(ch: str) -> bool:
    """Characters a question keeps: not invisible formatting (zero-width space/joiner, soft hyphen,
    BOM, which split a word into two for matching), not emoji, not variation selectors."""
    cat = unicodedata.category(ch)
    if cat == "Cf" or 0xFE00 <= ord(ch) <= 0xFE0F:
        return False
    return not (cat == "So" or 0x1F000 <= ord(ch) <= 0x1FAFF or 0x1F3FB <= ord(ch) <= 0x1F3FF)


def _repeated(m: re.Match[str]) -> str:
    return "?" if "?" in m.group() else m.group()[0]  # "??!!" -> "?", "!!!" -> "!", ",," -> ","


def _after_capital(m: re.Match[str]) -> bool:
    before = m.string[: m.start()].split()
    return bool(before) and before[-1][:1].isupper()


# "what did sana r say": a letter between a name and a speech verb is the name's initial ("Sana R"),
# where "what did u say" / "what r ppl saying" keep their short forms (an auxiliary or wh-word before).
_SPEAKS_NEXT = re.compile(r"\s+(?:say|says|said|think|thinks|thought|reckon|reckons|mean|means|meant|write|writes|"
                          r"wrote|post|posts|posted|comment|comments|commented|reply|replies|replied)\b", re.IGNORECASE)
_NOT_A_NAME = frozenset("""did do does will would can could should have has had are is was were what who how why when
where which that this they we you i he she it and or but so if ppl people""".split())


def _initial_of_name(m: re.Match[str]) -> bool:
    before = m.string[: m.start()].split()
    return (bool(before) and before[-1].casefold() not in _NOT_A_NAME and before[-1].isalpha()
            and bool(_SPEAKS_NEXT.match(m.string, m.end())))


def _word(m: re.Match[str]) -> str:
    word = m.group()
    low = word.casefold()
    if len(word) == 1 and (word.isupper() or _after_capital(m) or _initial_of_name(m)):
        return word  # an initial ("Sana R", "Hina K"), not "are" or "you"
    if low in SHORT_FORMS:
        return SHORT_FORMS[low]
    if low in APOSTROPHES:
        fixed = APOSTROPHES[low]
        return fixed[0].upper() + fixed[1:] if word[:1].isupper() else fixed
    return word


def normalise_chat(text: str) -> str:
    """The question as plain written English: see the module's docstring. Case is kept."""
    text = "".join(ch for ch in unicodedata.normalize("NFC", text) if _keep(ch))
    while (m := _MENTION.match(text)) and m.end() > 0:
        text = text[m.end():]
    text = _MINUTES.sub(" minutes", text)
    text = _REPEATED.sub(_repeated, text)
    text = _WORD.sub(_word, text)
    text = re.sub(r"\s+([?!.,;:])", r"\1", re.sub(r"\s+", " ", text))  # where a dropped word left a gap
    return text.strip(" ,")
