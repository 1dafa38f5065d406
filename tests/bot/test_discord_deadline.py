"""Never leave an interaction unanswered: every command defers before any work, and the work (finding the
article, scoring, rendering, writing the server's default) runs off the event loop, whatever the article's
size, so one slow question never makes another member's interaction miss Discord's deadline.

A slow machine is simulated by the real answerer taking longer (``time.sleep`` before its real answer),
and the fake Discord's deadline shortened in proportion, so that these tests take a fraction of a second.
Discord refusing anything (a late deferral: 404 Unknown interaction) fails the test (``logged_in``).
"""
from __future__ import annotations

import time

import pytest
from fakediscord import BOB, BOT_USER, CHANNEL_ID, BOT_ID, FakeDiscord, feed_interaction, feed_message, in_guild, settle

from bot import commands as slash_commands
from bot.discord_app import create_bot

pytestmark = pytest.mark.asyncio

DEADLINE = 0.3  # Discord's 3 s, scaled down with the slowness
SLOW = 0.6  # how long the slow machine takes over the one slow call


def slowed(monkeypatch, obj, name: str) -> list[float]:
    """``obj.name`` made slow (the real call, after a pause); returns when each call started."""
    real = getattr(obj, name)
    started: list[float] = []

    def slow(*args, **kwargs):
        started.append(time.monotonic())
        time.sleep(SLOW)
        return real(*args, **kwargs)

    monkeypatch.setattr(obj, name, slow)
    return started


def follow_ups(fake: FakeDiscord) -> list[dict]:
    return [r.json for r in fake.requests if r.method == "POST" and r.path.startswith("/webhooks/")]


def deferrals(fake: FakeDiscord) -> list[dict]:
    return [r.json for r in fake.sent("POST", "/callback")]


async def test_a_slow_question_on_a_small_article_never_delays_another_members_deferral(one_article, monkeypatch):
    fake = FakeDiscord(deadline=DEADLINE)
    async with in_guild(create_bot(*one_article), fake) as bot:
        assert len(bot.library.get().article.passages) < 100  # small: no size threshold decides this
        slowed(monkeypatch, bot.library.get(), "ask")
        feed_interaction(bot, "ask", {"question": "Who called US policies evil and stupid?"})
        feed_interaction(bot, "ask", {"question": "What did Raj say about China?"}, author=BOB)
        await settle()
    assert deferrals(fake) == [{"type": 5}, {"type": 5}]
    assert len(follow_ups(fake)) == 2  # both answered, late but whole


async def test_a_slow_chat_question_never_delays_a_slash_commands_deferral(one_article, monkeypatch):
    fake = FakeDiscord(deadline=DEADLINE)
    async with in_guild(create_bot(*one_article), fake) as bot:
        slowed(monkeypatch, bot.library.get(), "ask")
        feed_message(bot, f"<@{BOT_ID}> Who is Raj?", mentions=[BOT_USER])
        feed_interaction(bot, "help", author=BOB)
        await settle()
    assert [c["type"] for c in deferrals(fake)] == [4]  # /help answered at once
    assert len(fake.sent("POST", f"/channels/{CHANNEL_ID}/messages")) == 1  # and the chat question too


async def test_the_article_card_works_off_the_loop(one_article, monkeypatch):
    fake = FakeDiscord(deadline=DEADLINE)
    async with in_guild(create_bot(*one_article), fake) as bot:
        slowed(monkeypatch, bot.library.get(), "speakers")
        feed_interaction(bot, "article show")
        feed_interaction(bot, "ask", {"question": "Who is Raj?"}, author=BOB)
        await settle()
    assert deferrals(fake) == [{"type": 5}, {"type": 5}]
    assert len(follow_ups(fake)) == 2


async def test_a_slow_autocomplete_still_answers_in_time_and_delays_nobody(one_article, monkeypatch):
    monkeypatch.setattr(slash_commands, "AUTOCOMPLETE_SECONDS", DEADLINE / 2)
    fake = FakeDiscord(deadline=DEADLINE)
    async with in_guild(create_bot(*one_article), fake) as bot:
        slowed(monkeypatch, bot.library.get(), "speakers")
        feed_interaction(bot, "quotes", {"speaker": "ra"}, focused="speaker")
        feed_interaction(bot, "ask", {"question": "Who is Raj?"}, author=BOB)
        await settle()
    callbacks = deferrals(fake)
    assert {"type": 5} in callbacks
    assert {"type": 8, "data": {"choices": []}} in callbacks  # out of time: no choices rather than none at all


async def test_every_command_defers_before_the_core_is_asked(bot, fake, monkeypatch):
    answerer = bot.library.get()
    real = answerer.ask
    seen_before_asking = []

    def ask(*args, **kwargs):
        seen_before_asking.append([r.json["type"] for r in fake.sent("POST", "/callback")])
        return real(*args, **kwargs)

    monkeypatch.setattr(answerer, "ask", ask)
    for command, options in (("ask", {"question": "Who is Raj?"}), ("who", {"said": "evil"}),
                             ("quotes", {"speaker": "Raj"})):
        fake.clear()
        feed_interaction(bot, command, options)
        await settle()
    assert seen_before_asking == [[5], [5], [5]]


async def test_setting_the_default_article_writes_it_after_the_deferral(multi_bot, fake, monkeypatch):
    from fakediscord import P
    real, seen_before_writing = multi_bot.guild_defaults.set, []

    def spy(*args):
        seen_before_writing.append([r.json["type"] for r in fake.sent("POST", "/callback")])
        return real(*args)

    monkeypatch.setattr(multi_bot.guild_defaults, "set", spy)
    feed_interaction(multi_bot, "article show", {"article": "harbour", "make_default": True},
                     member_permissions=P(manage_guild=True))
    await settle()
    assert seen_before_writing == [[5]]
