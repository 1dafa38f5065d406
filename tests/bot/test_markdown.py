"""Our escaping helpers print exactly what discord.py's would, without importing discord."""
from __future__ import annotations

import discord.utils
import pytest
from hypothesis import given, settings, strategies as st

from bot.markdown import escape_markdown, escape_mentions

# Text made of the characters that matter to Discord's markup, mentions and links, plus words.
PIECES = st.sampled_from(["*", "**", "_", "__", "~", "|", "`", "\\", ">", ">>> ", "#", "## ", "-", " - ", "[", "]",
                          "(", ")", "\n", " ", "@", "everyone", "here", "!", "&", "123456789012345678", "<", ">",
                          "https://", "http://x.example/a_b*c", "steam://run/1", "<https://x.example/a_b>", ":",
                          "/", ".", ",", "word", "Ünï", "\u200b", "\t", "1. "])
TEXT = st.lists(PIECES, max_size=30).map("".join)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_escape_markdown_is_discord_pys(text):
    assert escape_markdown(text) == discord.utils.escape_markdown(text)


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_escape_mentions_is_discord_pys(text):
    assert escape_mentions(text) == discord.utils.escape_mentions(text)


@pytest.mark.parametrize("text", [
    "[click here](https://evil.example)", "**bold** and _it_ ~~x~~ ||spoiler|| `code`", "> quote\n# head\n - item",
    "see https://example.com/a_b_c and <https://example.com/x_y>", "@everyone @here <@123456789012345678>",
])
def test_known_cases(text):
    assert escape_markdown(text) == discord.utils.escape_markdown(text)
    assert escape_mentions(text) == discord.utils.escape_mentions(text)
