"""The fake Discord obeys Discord's rules: a bot that breaks one fails its tests instead of passing them.

Requests go in as discord.py builds them (``Route``), refusals come out as the ``HTTPException`` discord.py
raises for Discord's answer.
"""
from __future__ import annotations

import logging

import discord
import pytest
from discord.http import Route
from fakediscord import (ALICE, BOT_ID, BOT_USER, CHANNEL_ID, DM_CHANNEL_ID, GUILD_ID, FakeDiscord, check_commands,
                         feed_interaction, feed_message, in_guild, settle)

from bot.discord_app import create_bot


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clocked() -> tuple[FakeDiscord, Clock]:
    clock = Clock()
    return FakeDiscord(clock=clock), clock


def created(fake: FakeDiscord, token: str = "tok", kind: int = 2) -> str:
    fake.interaction_created({"id": "1", "type": kind, "token": token})
    return token


def callback(fake: FakeDiscord, token: str, body: dict):
    route = Route("POST", "/interactions/{webhook_id}/{webhook_token}/callback", webhook_id=1, webhook_token=token)
    return fake.respond(route, body, None)


def follow_up(fake: FakeDiscord, token: str, body: dict):
    return fake.respond(Route("POST", "/webhooks/{webhook_id}/{webhook_token}", webhook_id=BOT_ID,
                              webhook_token=token), body, {"wait": 1})


def original(fake: FakeDiscord, token: str, method: str, body: dict | None = None):
    return fake.respond(Route(method, "/webhooks/{webhook_id}/{webhook_token}/messages/@original",
                              webhook_id=BOT_ID, webhook_token=token), body, None)


def refused(call) -> discord.HTTPException:
    with pytest.raises(discord.HTTPException) as caught:
        call()
    return caught.value


# -- interactions -------------------------------------------------------------------------------------
def test_an_initial_response_after_three_seconds_gets_unknown_interaction(clocked):
    fake, clock = clocked
    on_time, late = created(fake, "on-time"), created(fake, "late")
    clock.now += 2.9
    assert callback(fake, on_time, {"type": 5})["interaction"]["response_message_loading"]
    clock.now += 0.2
    error = refused(lambda: callback(fake, late, {"type": 5}))
    assert isinstance(error, discord.NotFound) and (error.status, error.code) == (404, 10062)
    assert "Unknown interaction" in str(error)
    assert fake.refused == [(fake.requests[-1], error)]


def test_an_interaction_has_exactly_one_initial_response(clocked):
    fake, _ = clocked
    token = created(fake)
    callback(fake, token, {"type": 5})
    for again in ({"type": 5}, {"type": 4, "data": {"content": "hi"}}):
        error = refused(lambda: callback(fake, token, again))
        assert (error.status, error.code) == (400, 40060)


def test_no_follow_up_before_the_initial_response_and_none_after_fifteen_minutes(clocked):
    fake, clock = clocked
    token = created(fake)
    assert refused(lambda: follow_up(fake, token, {"content": "hi"})).code == 10015
    callback(fake, token, {"type": 5})
    follow_up(fake, token, {"content": "hi"})
    clock.now += 15 * 60 + 1
    assert refused(lambda: follow_up(fake, token, {"content": "later"})).code == 50027


def test_an_autocomplete_is_answered_with_choices_only(clocked):
    fake, _ = clocked
    token = created(fake, kind=4)
    assert refused(lambda: callback(fake, token, {"type": 5})).status == 400
    callback(fake, token, {"type": 8, "data": {"choices": [{"name": "Raj", "value": "Raj"}]}})


@pytest.mark.parametrize("defer_flags, follow_up_flags, shown", [
    (0, 64, 0),  # deferred publicly: the first follow-up is public, whatever it asks
    (64, 0, 64),  # deferred privately: the first follow-up is private
    (0, 0, 0),
    (64, 64, 64),
])
def test_the_first_follow_up_replaces_the_thinking_message_and_keeps_its_visibility(clocked, defer_flags,
                                                                                    follow_up_flags, shown):
    fake, _ = clocked
    token = created(fake)
    reply = callback(fake, token, {"type": 5, "data": {"flags": defer_flags}})
    thinking = int(reply["interaction"]["response_message_id"])
    first = follow_up(fake, token, {"content": "the answer", "flags": follow_up_flags})
    assert int(first["id"]) == thinking and first["flags"] & 64 == shown
    second = follow_up(fake, token, {"content": "more", "flags": follow_up_flags})
    assert int(second["id"]) != thinking and second["flags"] & 64 == follow_up_flags  # later ones choose


def test_once_the_thinking_message_is_deleted_a_follow_up_chooses_its_visibility(clocked):
    fake, _ = clocked
    token = created(fake)
    callback(fake, token, {"type": 5})
    original(fake, token, "DELETE")
    assert follow_up(fake, token, {"content": "only you", "flags": 64})["flags"] == 64
    assert refused(lambda: original(fake, token, "DELETE")).code == 10008  # nothing left to delete


# -- size limits, on the payload actually sent ----------------------------------------------------------
def embed(**parts) -> dict:
    return {"type": "rich", **parts}


def fields(n: int, name: str = "n", value: str = "v") -> list[dict]:
    return [{"name": name, "value": value, "inline": False} for _ in range(n)]


OVER = {
    "content": {"content": "x" * 2001},
    "embeds": {"embeds": [embed(description="x")] * 11},
    "title": {"embeds": [embed(title="x" * 257)]},
    "description": {"embeds": [embed(description="x" * 4097)]},
    "field name": {"embeds": [embed(fields=fields(1, name="x" * 257))]},
    "field value": {"embeds": [embed(fields=fields(1, value="x" * 1025))]},
    "empty field value": {"embeds": [embed(fields=fields(1, value=" "))]},
    "fields": {"embeds": [embed(fields=fields(26))]},
    "footer": {"embeds": [embed(footer={"text": "x" * 2049})]},
    "author": {"embeds": [embed(author={"name": "x" * 257})]},
    "total in one embed": {"embeds": [embed(description="x" * 4096, fields=fields(2, value="y" * 1000))]},
    "embed url": {"embeds": [embed(title="t", url="javascript:alert(1)")]},
    "total across embeds": {"embeds": [embed(description="x" * 3001), embed(description="x" * 3000)]},
}
AT_LIMIT = {
    "content": {"content": "x" * 2000},
    "embeds": {"embeds": [embed(description="x")] * 10},
    "every part": {"embeds": [embed(title="x" * 256, description="x" * 1000, footer={"text": "x" * 2048},
                                    author={"name": "x" * 256}, fields=fields(2, name="n" * 200, value="v" * 1020))]},
    "fields": {"embeds": [embed(fields=fields(25))]},
    "total": {"embeds": [embed(description="x" * 3000), embed(description="x" * 3000)]},
}


@pytest.mark.parametrize("limit", OVER)
@pytest.mark.parametrize("how", ["response", "follow-up", "edit", "channel"])
def test_a_message_over_any_limit_is_refused_as_invalid_form_body(clocked, limit, how):
    fake, _ = clocked
    body = OVER[limit]
    token = created(fake)
    if how != "response":
        callback(fake, token, {"type": 5})
    send = {"response": lambda: callback(fake, token, {"type": 4, "data": body}),
            "follow-up": lambda: follow_up(fake, token, body),
            "edit": lambda: original(fake, token, "PATCH", body),
            "channel": lambda: fake.respond(Route("POST", "/channels/{channel_id}/messages",
                                                  channel_id=CHANNEL_ID), body, None)}[how]
    error = refused(send)
    assert (error.status, error.code) == (400, 50035)


@pytest.mark.parametrize("limit", AT_LIMIT)
def test_a_message_at_every_limit_is_accepted(clocked, limit):
    fake, _ = clocked
    token = created(fake)
    callback(fake, token, {"type": 5})
    follow_up(fake, token, AT_LIMIT[limit])
    assert fake.refused == []


def test_an_empty_message_is_refused(clocked):
    fake, _ = clocked
    token = created(fake)
    callback(fake, token, {"type": 5})
    assert refused(lambda: follow_up(fake, token, {"content": "", "embeds": []})).code == 50006


@pytest.mark.parametrize("choices", [
    [{"name": f"c{n}", "value": f"c{n}"} for n in range(26)],
    [{"name": "x" * 101, "value": "x"}],
    [{"name": "x", "value": "x" * 101}],
    [{"name": "", "value": "x"}],
])
def test_autocomplete_choices_over_a_limit_are_refused(clocked, choices):
    fake, _ = clocked
    token = created(fake, kind=4)
    assert refused(lambda: callback(fake, token, {"type": 8, "data": {"choices": choices}})).code == 50035


@pytest.mark.parametrize("command", [
    {"name": "Ask", "description": "d", "type": 1},
    {"name": "ask", "description": "x" * 101, "type": 1},
    {"name": "ask", "description": "d", "type": 1, "options": [
        {"name": "a", "description": "d", "type": 3, "required": False},
        {"name": "b", "description": "d", "type": 3, "required": True}]},
    {"name": "ask", "description": "d", "type": 1, "options": [{"name": "a", "description": "", "type": 3}]},
])
def test_a_command_schema_against_discords_rules_is_refused(command):
    with pytest.raises(discord.HTTPException):
        check_commands([command])


# -- end to end through discord.py: refusals surface as discord.py's exceptions ---------------------------
@pytest.mark.asyncio
async def test_a_late_answer_through_the_bot_is_refused_and_the_user_sees_nothing(one_article, caplog):
    fake = FakeDiscord(deadline=-1.0, expect_refusals=True)  # every initial response arrives too late
    with caplog.at_level(logging.ERROR):
        async with in_guild(create_bot(*one_article), fake) as bot:
            feed_interaction(bot, "help")
            await settle()
    assert [e.code for _, e in fake.refused] == [10062, 10062]  # the answer, then the error handler's apology
    assert fake.messages == {}
    assert any(isinstance(r.exc_info and r.exc_info[1], discord.NotFound) for r in caplog.records)


# -- messages as delivered without the message_content intent -------------------------------------------
@pytest.mark.asyncio
@pytest.mark.parametrize("kwargs, delivered, mentioned", [
    ({}, "", False),  # a guild message that doesn't mention the bot: no text
    ({"mention": True}, "{mention} hello there", True),
    ({"guild_id": None, "channel_id": DM_CHANNEL_ID}, "hello there", False),  # a DM
    ({"reply": True}, "hello there", True),  # a reply to the bot, its @ on: the bot is mentioned
    ({"reply": True, "reply_pings": False}, "", False),
])
async def test_messages_reach_a_bot_without_the_message_content_intent_as_discord_sends_them(
        one_article, kwargs, delivered, mentioned):
    fake = FakeDiscord()
    seen: list[discord.Message] = []
    mention = f"<@{BOT_ID}>"
    async with in_guild(create_bot(*one_article), fake) as bot:
        assert not bot.intents.message_content

        async def spy(message: discord.Message) -> None:
            seen.append(message)

        bot.add_listener(spy, "on_message")
        kwargs = dict(kwargs)
        text = (mention + " " if kwargs.pop("mention", False) else "") + "hello there"
        if kwargs.pop("reply", False):
            kwargs["reply_to"] = {"id": "950000000000000999", "channel_id": str(CHANNEL_ID), "author": BOT_USER,
                                  "content": "an answer", "timestamp": "2024-03-02T10:15:00+00:00",
                                  "edited_timestamp": None, "tts": False, "mention_everyone": False,
                                  "mentions": [], "mention_roles": [], "attachments": [], "embeds": [],
                                  "pinned": False, "type": 0}
        feed_message(bot, text, **kwargs)
        bot.remove_listener(spy, "on_message")
        await settle()
    (message,) = seen
    assert message.content == delivered.replace("{mention}", mention)
    assert any(u.id == BOT_ID for u in message.mentions) == mentioned


@pytest.mark.asyncio
async def test_a_bot_with_the_message_content_intent_gets_every_message(one_article):
    intents = discord.Intents.none()
    intents.guilds = intents.guild_messages = intents.message_content = True
    fake = FakeDiscord()
    seen = []
    async with in_guild(create_bot(*one_article, intents=intents), fake) as bot:
        async def spy(message):
            seen.append(message.content)

        bot.add_listener(spy, "on_message")
        feed_message(bot, "no mention here", author=ALICE, guild_id=GUILD_ID)
        await settle()
    assert seen == ["no mention here"]
