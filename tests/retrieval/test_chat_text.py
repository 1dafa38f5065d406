"""Chat text made plain: one example per table entry, and the rest of what normalise_chat does."""
from __future__ import annotations

import pytest

from retrieval.chat_text import APOSTROPHES, SHORT_FORMS, normalise_chat

# One chat-typed question per SHORT_FORMS entry, and what it must become.
SHORT_FORM_EXAMPLES = {
    "u": ("did u read it", "did you read it"),
    "r": ("what r they saying", "what are they saying"),
    "ur": ("whats ur source", "what's your source"),
    "ppl": ("how many ppl commented", "how many people commented"),
    "ppls": ("ppls views on china", "people's views on china"),
    "bout": ("what did he say bout china", "what did he say about china"),
    "abt": ("anything abt iran", "anything about iran"),
    "wat": ("wat did raj say", "what did raj say"),
    "wht": ("wht did raj say", "what did raj say"),
    "wut": ("wut did raj say", "what did raj say"),
    "wot": ("wot did raj say", "what did raj say"),
    "n": ("evil n stupid", "evil and stupid"),
    "govt": ("what did the govt do", "what did the government do"),
    "gov": ("what did the gov do", "what did the government do"),
    "govts": ("both govts", "both governments"),
    "dept": ("the irrigation dept", "the irrigation department"),
    "min": ("what did the defence min say", "what did the defence minister say"),
    "mins": ("the two defence mins", "the two defence ministers"),
    "pm": ("what did the pm say", "what did the prime minister say"),
    "fm": ("what did the fm say", "what did the foreign minister say"),
    "cm": ("what did the punjab cm say", "what did the punjab chief minister say"),
    "sec": ("what did the health sec say", "what did the health secretary say"),
    "ceo": ("what did the ceo say", "what did the chief executive say"),
    "y": ("y did they meet", "why did they meet"),
    "cuz": ("cuz of trump", "because of trump"),
    "coz": ("coz of trump", "because of trump"),
    "b4": ("b4 the talks", "before the talks"),
    "tho": ("who said it tho", "who said it though"),
    "thru": ("thru the port", "through the port"),
    "w/": ("talks w/ pakistan", "talks with pakistan"),
    "w/o": ("w/o preconditions", "without preconditions"),
    "gonna": ("is he gonna appeal", "is he going to appeal"),
    "wanna": ("what do they wanna do", "what do they want to do"),
    "gotta": ("what do they gotta pay", "what do they got to pay"),
    "kinda": ("kinda strange", "kind of strange"),
    "sorta": ("sorta strange", "sort of strange"),
    "smth": ("did he say smth", "did he say something"),
    "sth": ("did he say sth", "did he say something"),
    "sb": ("did sb mention china", "did somebody mention china"),
    "any1": ("did any1 mention china", "did anyone mention china"),
    "some1": ("some1 said it", "someone said it"),
    "every1": ("every1 agrees", "everyone agrees"),
    "no1": ("no1 came", "no one came"),
    "dat": ("who said dat", "who said that"),
    "da": ("who is da minister", "who is the minister"),
    "wen": ("wen was it published", "when was it published"),
    "wer": ("wer is the port", "where is the port"),
    "hw": ("hw many comments", "how many comments"),
    "pls": ("who is hatami pls", "who is hatami"),
    "plz": ("plz who is hatami", "who is hatami"),
    "please": ("please who is hatami", "who is hatami"),
    "lol": ("who said it lol", "who said it"),
    "lmao": ("lmao who said it", "who said it"),
    "haha": ("haha who said it", "who said it"),
    "hey": ("hey who said it", "who said it"),
    "btw": ("btw who said it", "who said it"),
    "tbh": ("who said it tbh", "who said it"),
    "imo": ("imo who said it", "who said it"),
    "imho": ("imho who said it", "who said it"),
    "ok": ("ok who said it", "who said it"),
    "okay": ("okay who said it", "who said it"),
    "thx": ("who said it thx", "who said it"),
    "thanks": ("who said it thanks", "who said it"),
    "sayin": ("whats imran j sayin", "what's imran j saying"),
    "talkin": ("who was talkin to hatami", "who was talking to hatami"),
    "thinkin": ("what is raj thinkin", "what is raj thinking"),
    "goin": ("whats goin on with the cranes", "what's going on with the cranes"),
    "doin": ("what is the govt doin", "what is the government doing"),
    "nothin": ("who said nothin changed", "who said nothing changed"),
    "somethin": ("did raj say somethin", "did raj say something"),
    "anythin": ("did raj say anythin", "did raj say anything"),
    "yrs": ("who said 20 yrs of work", "who said 20 years of work"),
    "wks": ("in six wks", "in six weeks"),
    "bc": ("bc of trump", "because of trump"),
    "rn": ("what is happening rn", "what is happening right now"),
    "rly": ("did he rly say that", "did he really say that"),
    "ya": ("can ya tell me", "can you tell me"),
    "tf": ("who tf is hatami", "who is hatami"),
    "idk": ("idk who said it", "who said it"),
    "ngl": ("ngl who said it", "who said it"),
    "md": ("whos the md of the airport", "who's the managing director of the airport"),
    "vp": ("what did the vp say", "what did the vice president say"),
    "gm": ("what did the gm say", "what did the general manager say"),
    "mgr": ("what did the store mgr say", "what did the store manager say"),
    "exec": ("what did the airline exec say", "what did the airline executive say"),
    "whyd": ("whyd the barrier fail", "why did the barrier fail"),
    "howd": ("howd it happen", "how did it happen"),
    "whered": ("whered they go", "where did they go"),
    "whatd": ("whatd raj say", "what did raj say"),
    "cops": ("how many calls did the cops get", "how many calls did the police get"),
    "coppers": ("what did the coppers say", "what did the police say"),
    "ops": ("how many ops were cancelled", "how many operations were cancelled"),
    "uni": ("whats the uni saying", "what's the university saying"),
    "meds": ("did anyone mention meds", "did anyone mention medicines"),
    "hosp": ("what did the hosp say", "what did the hospital say"),
    "mgmt": ("did mgmt say anything", "did management say anything"),
    "biz": ("what did the biz owners say", "what did the business owners say"),
    "info": ("any info on the leak", "any information on the leak"),
}


def test_every_short_form_has_an_example():
    assert set(SHORT_FORM_EXAMPLES) == set(SHORT_FORMS)


@pytest.mark.parametrize("entry", sorted(SHORT_FORMS))
def test_short_form(entry):
    typed, plain = SHORT_FORM_EXAMPLES[entry]
    assert normalise_chat(typed) == plain


@pytest.mark.parametrize("entry", sorted(APOSTROPHES))
def test_apostrophe(entry):
    # Each entry in a sentence, lowercase and capitalised at the start.
    assert normalise_chat(f"so {entry} it") == f"so {APOSTROPHES[entry]} it"
    expected = APOSTROPHES[entry][0].upper() + APOSTROPHES[entry][1:]
    assert normalise_chat(f"{entry.capitalize()} it").startswith(expected)


def test_words_that_only_look_like_short_forms_stay():
    assert normalise_chat("What did Sana R say?") == "What did Sana R say?"  # an initial, not "are"
    assert normalise_chat("U.S. policy") == "U.S. policy"
    assert normalise_chat("the talks took 10 min") == "the talks took 10 minutes"
    assert normalise_chat("its own security, undone") == "its own security, undone"
    assert normalise_chat("rumour and support") == "rumour and support"  # "r" and "u" inside words


def test_zero_width_characters_emoji_and_bidi_marks_go():
    assert normalise_chat("who is ha\u200btami\u200d?") == "who is hatami?"
    assert normalise_chat("\ufeffwho\u00ad is hatami\u2060") == "who is hatami"
    assert normalise_chat("who said it 😂🔥👍🏽") == "who said it"
    assert normalise_chat("who said it ❤️") == "who said it"


def test_repeated_punctuation_and_a_leading_mention():
    assert normalise_chat("who said it??!!") == "who said it?"
    assert normalise_chat("wow!!!") == "wow!"
    assert normalise_chat("<@123456> who said it") == "who said it"
    assert normalise_chat("<@!123456>, who said it") == "who said it"
    assert normalise_chat("@articlebot: who said it") == "who said it"
    assert normalise_chat("who said it to @Raj") == "who said it to @Raj"  # only a leading mention


def test_case_is_kept():
    assert normalise_chat("WHAT DID Hatami SAY") == "WHAT DID Hatami SAY"


def test_a_lowercase_initial_before_a_speech_verb_stays_an_initial():
    assert normalise_chat("what did sana r say") == "what did sana r say"
    assert normalise_chat("what did hina u write") == "what did hina u write"
    assert normalise_chat("what did u say") == "what did you say"  # an auxiliary before: "you"
    assert normalise_chat("what r ppl saying") == "what are people saying"
    assert normalise_chat("ppl r saying it") == "people are saying it"
