"""Chat: mentions, replies and follow-ups, through discord.py's MESSAGE_CREATE parser with Discord faked."""
from __future__ import annotations

import logging
from dataclasses import replace

import pytest
from fakediscord import (ALICE, BOB, BOT_ID, BOT_USER, CHANNEL_ID, GUILD_ID, NO_EMBEDS, OTHER_BOT, FakeDiscord,
                         feed_message, in_guild, settle)

from bot.discord_app import create_bot
from bot.user_errors import SORRY

pytestmark = pytest.mark.asyncio
MENTION = f"<@{BOT_ID}>"


def posts(fake: FakeDiscord):
    return [r.json for r in fake.sent("POST", f"/channels/{CHANNEL_ID}/messages")]


async def say(bot, fake, content, **kwargs):
    fake.clear()
    message_id = feed_message(bot, content, **kwargs)
    await settle()
    return message_id, posts(fake)


async def test_a_mention_gets_a_reply_to_that_message_pinging_nobody(bot, fake):
    message_id, (reply,) = await say(bot, fake, f"{MENTION} Who called US policies evil and stupid?",
                                     mentions=[BOT_USER])
    assert reply["message_reference"] == {"message_id": message_id, "channel_id": CHANNEL_ID, "guild_id": GUILD_ID}
    assert reply["allowed_mentions"] == {"parse": []}  # not even the author of the question
    (embed,) = reply["embeds"]
    assert "Hatami" in embed["title"] and embed["fields"][0]["name"].startswith("¶5")


async def test_a_reply_to_an_answer_follows_up_without_a_mention_and_he_is_its_speaker(bot, fake):
    _, (first,) = await say(bot, fake, f"{MENTION} Who called US policies evil and stupid?", mentions=[BOT_USER])
    answer_message = fake.messages[max(fake.messages)]
    assert answer_message["embeds"] == first["embeds"]

    message_id, (second,) = await say(bot, fake, "what else did he say?", reply_to=answer_message)
    assert second["message_reference"]["message_id"] == message_id
    embed = second["embeds"][0]
    assert "Hatami" in embed["title"]
    citations = [f["name"].split(" ·")[0] for f in embed["fields"]]
    assert citations and "¶5" not in citations  # "else": what the first answer did not show


async def test_a_reply_follows_up_on_a_slash_command_answer_too(bot, fake):
    from fakediscord import feed_interaction
    feed_interaction(bot, "ask", {"question": "What did Raj say about China?"})
    await settle()
    answer_message = fake.messages[max(fake.messages)]
    _, (reply,) = await say(bot, fake, "who is he?", reply_to=answer_message)
    assert reply["embeds"][0]["description"].startswith("Raj is a reader who commented")


async def test_a_reply_without_content_is_left_alone(bot, fake):
    await say(bot, fake, f"{MENTION} What did Raj say about China?", mentions=[BOT_USER])
    answer_message = fake.messages[max(fake.messages)]
    # its @ switched off: without the message_content intent Discord delivers it with no text
    _, sent = await say(bot, fake, "what else did he say?", reply_to=answer_message, reply_pings=False)
    assert sent == []


@pytest.mark.parametrize("author", [OTHER_BOT, BOT_USER])
async def test_bots_are_ignored_even_when_they_mention_it(bot, fake, author):
    _, sent = await say(bot, fake, f"{MENTION} Who called US policies evil and stupid?", author=author,
                        mentions=[BOT_USER])
    assert sent == [] and fake.requests == []


async def test_messages_that_do_not_mention_it_are_ignored(bot, fake):
    _, sent = await say(bot, fake, "Who called US policies evil and stupid?")
    assert sent == [] and fake.requests == []


async def test_a_bare_mention_gets_a_polite_prompt(bot, fake):
    _, (reply,) = await say(bot, fake, MENTION, mentions=[BOT_USER])
    assert reply["embeds"][0]["description"].startswith("Ask me a question about the article")


async def test_direct_messages_need_no_mention(bot, fake):
    from fakediscord import DM_CHANNEL_ID
    fake.clear()
    feed_message(bot, "What did Raj say about China?", guild_id=None, channel_id=DM_CHANNEL_ID)
    await settle()
    (reply,) = [r.json for r in fake.sent("POST", f"/channels/{DM_CHANNEL_ID}/messages")]
    assert "guild_id" not in reply["message_reference"]
    assert reply["embeds"][0]["fields"][0]["name"].startswith("comment #3")


async def test_quoted_mentions_and_markdown_are_shown_harmlessly(two_articles, fake):
    settings, library = two_articles
    fake = FakeDiscord()
    async with in_guild(create_bot(settings, library), fake, permissions=NO_EMBEDS) as bot:
        bot.guild_defaults.set(GUILD_ID, "harbour")
        feed_message(bot, f"{MENTION} What did Mallory say?", mentions=[BOT_USER])
        await settle()
    (reply,) = posts(fake)
    text = reply["content"]
    assert reply["allowed_mentions"] == {"parse": []}
    assert "@\u200beveryone" in text and "@\u200bhere" in text
    assert "<@\u200b123456789012345678>" in text and "<@\u200b&234567890123456789>" in text
    for raw in ("@everyone", "@here", "<@123456789012345678>", "<@&234567890123456789>"):
        assert raw not in text
    assert r"\*\*bold\*\*" in text and r"\_\_really\_\_" in text
    assert "comment #1 by Mallory" in text


async def test_a_crash_while_answering_a_mention_replies_briefly_and_logs(bot, fake, monkeypatch, caplog):
    monkeypatch.setattr(bot.library.get(), "ask", lambda *a, **k: {}["boom"])
    with caplog.at_level(logging.ERROR):
        _, (reply,) = await say(bot, fake, f"{MENTION} Who is Raj?", mentions=[BOT_USER])
    assert reply["content"] == SORRY
    assert any(r.exc_info and isinstance(r.exc_info[1], KeyError) for r in caplog.records)


async def test_chat_cooldown_is_said_once_per_window(one_article):
    settings, library = one_article
    settings = replace(settings, discord=replace(settings.discord, cooldown_rate=1))
    fake = FakeDiscord()
    async with in_guild(create_bot(settings, library), fake) as bot:
        for author in (ALICE, ALICE, ALICE, BOB):
            feed_message(bot, f"{MENTION} Who is Raj?", mentions=[BOT_USER], author=author)
            await settle()
    sent = posts(fake)
    assert len(sent) == 3
    assert sent[1]["content"].startswith("You're asking quickly")
    assert sent[2]["embeds"]  # Bob is not held up by Alice


async def test_an_answer_longer_than_a_message_is_split_between_quotes(two_articles, fake):
    settings, library = two_articles
    async with in_guild(create_bot(settings, library), fake, permissions=NO_EMBEDS) as bot:
        bot.guild_defaults.set(GUILD_ID, "harbour")
        question_id = feed_message(bot, f"{MENTION} What did Verbose say?", mentions=[BOT_USER])
        await settle()
    sent = posts(fake)
    assert len(sent) > 1 and all(len(m["content"]) <= 2000 for m in sent)
    assert sent[0]["message_reference"]["message_id"] == question_id
    assert all("message_reference" not in m for m in sent[1:])
    blocks = [b for m in sent for b in m["content"].split("\n\n") if b.startswith(">")]
    answer = library.get("harbour").ask("What did Verbose say?")
    assert len(blocks) == len(answer.quotes)  # every quote whole, in exactly one message
    for block, quote in zip(blocks, answer.quotes):
        assert block.endswith(quote.citation + " by Verbose · " + block.split(" by Verbose · ")[1])
    # and every part of the answer is remembered for follow-ups
    assert all(bot.memory.recall(int(fake.messages[k]["id"])) for k in fake.messages)
