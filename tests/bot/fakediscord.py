"""Discord's servers, faked at the HTTP edge only, for the bot's tests and its benchmark.

``FakeDiscord.install()`` replaces ``discord.http.HTTPClient.request`` (REST) and
``discord.webhook.async_.AsyncWebhookAdapter.request`` (interaction callbacks and follow-ups) with a
recorder that keeps every request's method, path and JSON, and answers as Discord does. Everything in
between is discord.py's own code: ``bot.login()`` (so ``setup_hook`` and command sync run), the gateway
parsers fed with event payloads (``client._connection.parse_*``), the command tree, the webhooks.
"""
from __future__ import annotations

import asyncio
import itertools
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, AsyncIterator

import discord
from discord.http import HTTPClient, Route
from discord.webhook.async_ import AsyncWebhookAdapter

BOT_ID = 900000000000000001  # the bot user, and its application (same id, as Discord does for bots)
OWNER_ID = 900000000000000002
GUILD_ID = 910000000000000001
CHANNEL_ID = 920000000000000001
DM_CHANNEL_ID = 920000000000000009
TIMESTAMP = "2024-03-02T10:15:00.000000+00:00"

P = discord.Permissions
# What the bot asks for in its invite URL: see README.md, "Running the Discord bot".
BOT_PERMISSIONS = P(view_channel=True, send_messages=True, send_messages_in_threads=True, embed_links=True,
                    read_message_history=True)
NO_EMBEDS = P(view_channel=True, send_messages=True, send_messages_in_threads=True, read_message_history=True)


def user(user_id: int, name: str, *, bot: bool = False) -> dict[str, Any]:
    return {"id": str(user_id), "username": name, "discriminator": "0", "global_name": name, "avatar": None,
            "bot": bot}


BOT_USER = user(BOT_ID, "articlebot", bot=True)
ALICE = user(930000000000000001, "alice")
BOB = user(930000000000000002, "bob")
OTHER_BOT = user(930000000000000003, "otherbot", bot=True)


@dataclass
class Request:
    method: str
    path: str  # as sent, without https://discord.com/api/v10
    json: Any
    params: dict[str, Any] | None = None


@dataclass
class FakeDiscord:
    requests: list[Request] = field(default_factory=list)
    unexpected: list[Request] = field(default_factory=list)
    messages: dict[int, dict[str, Any]] = field(default_factory=dict)  # what the bot posted, by id
    _ids: Any = field(default_factory=lambda: itertools.count(950000000000000001))
    _saved: list[tuple[type, str, Any]] = field(default_factory=list)

    # -- patching ---------------------------------------------------------------------------------
    def install(self) -> "FakeDiscord":
        fake = self

        async def http_request(client: HTTPClient, route: Route, *, files=None, form=None, **kwargs: Any) -> Any:
            return fake.respond(route, kwargs.get("json"), kwargs.get("params"))

        async def webhook_request(adapter: AsyncWebhookAdapter, route: Route, session: Any, *, payload=None,
                                  multipart=None, proxy=None, proxy_auth=None, files=None, reason=None,
                                  auth_token=None, params=None) -> Any:
            return fake.respond(route, payload, params)

        for cls, name, replacement in ((HTTPClient, "request", http_request),
                                       (AsyncWebhookAdapter, "request", webhook_request)):
            self._saved.append((cls, name, getattr(cls, name)))
            setattr(cls, name, replacement)
        return self

    def uninstall(self) -> None:
        while self._saved:
            cls, name, original = self._saved.pop()
            setattr(cls, name, original)

    def next_id(self) -> int:
        return next(self._ids)

    # -- answering like Discord -------------------------------------------------------------------
    def respond(self, route: Route, body: Any, params: dict[str, Any] | None) -> Any:
        path = route.url.removeprefix(Route.BASE)
        request = Request(route.method, path, body, params)
        self.requests.append(request)
        method, template = route.method, route.path
        if (method, template) == ("GET", "/users/@me"):
            return dict(BOT_USER, verified=True, mfa_enabled=False)
        if (method, template) == ("GET", "/oauth2/applications/@me"):
            return {"id": str(BOT_ID), "name": "articlebot", "description": "", "icon": None, "bot_public": True,
                    "bot_require_code_grant": False, "owner": user(OWNER_ID, "owner"), "verify_key": "0" * 64,
                    "flags": 0}
        if (method, template) == ("GET", "/gateway/bot"):
            return {"url": "wss://gateway.discord.gg", "shards": 1,
                    "session_start_limit": {"total": 1000, "remaining": 1000, "reset_after": 0,
                                            "max_concurrency": 1}}
        if method == "PUT" and template.endswith("/commands"):
            guild = path.split("/guilds/")[1].split("/")[0] if "/guilds/" in path else None
            return [dict(cmd, id=str(self.next_id()), application_id=str(BOT_ID), version=str(self.next_id()),
                         **({"guild_id": guild} if guild else {})) for cmd in body]
        if (method, template) == ("POST", "/channels/{channel_id}/messages"):
            return self.message(body, channel_id=int(path.split("/")[2]))
        if (method, template) == ("POST", "/channels/{channel_id}/typing"):
            return None
        if (method, template) == ("POST", "/interactions/{webhook_id}/{webhook_token}/callback"):
            kind = body["type"]
            flags = (body.get("data") or {}).get("flags", 0)
            reply: dict[str, Any] = {"interaction": {"id": path.split("/")[2], "type": 2,
                                                     "response_message_loading": kind == 5,
                                                     "response_message_ephemeral": bool(flags & 64)}}
            if kind == 4:
                message = self.message(body["data"], channel_id=CHANNEL_ID, webhook=True)
                reply["interaction"]["response_message_id"] = message["id"]
                reply["resource"] = {"type": 4, "message": message}
            return reply
        if (method, template) == ("POST", "/webhooks/{webhook_id}/{webhook_token}"):
            return self.message(body, channel_id=CHANNEL_ID, webhook=True)
        if template.startswith("/webhooks/{webhook_id}/{webhook_token}/messages/"):
            return None if method == "DELETE" else self.message(body or {}, channel_id=CHANNEL_ID, webhook=True)
        self.unexpected.append(request)
        raise AssertionError(f"the fake Discord does not know {method} {path}")

    def message(self, body: dict[str, Any], *, channel_id: int, webhook: bool = False) -> dict[str, Any]:
        """The message Discord creates from a message body the bot sent."""
        message_id = self.next_id()
        data = {
            "id": str(message_id), "channel_id": str(channel_id), "author": BOT_USER,
            "content": body.get("content") or "", "timestamp": TIMESTAMP, "edited_timestamp": None, "tts": False,
            "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [],
            "embeds": body.get("embeds") or [], "pinned": False, "type": 19 if body.get("message_reference") else 0,
            "flags": body.get("flags", 0),
        }
        if body.get("message_reference"):
            data["message_reference"] = body["message_reference"]
        if webhook:
            data["webhook_id"] = str(BOT_ID)
            data["application_id"] = str(BOT_ID)
        self.messages[message_id] = data
        return data

    # -- reading what the bot sent ----------------------------------------------------------------
    def sent(self, method: str | None = None, contains: str = "") -> list[Request]:
        return [r for r in self.requests if (method is None or r.method == method) and contains in r.path]

    def clear(self) -> None:
        self.requests.clear()


# -- gateway events ---------------------------------------------------------------------------------
def feed_guild_create(bot: discord.Client, *, guild_id: int = GUILD_ID, channel_id: int = CHANNEL_ID,
                      permissions: discord.Permissions = BOT_PERMISSIONS) -> None:
    """GUILD_CREATE for a server where @everyone (and so the bot) has ``permissions`` in one text channel."""
    bot._connection.parse_guild_create({
        "id": str(guild_id), "name": "Test Server", "owner_id": str(OWNER_ID), "unavailable": False,
        "member_count": 3, "large": False, "features": [], "emojis": [], "stickers": [], "threads": [],
        "voice_states": [], "presences": [], "stage_instances": [], "guild_scheduled_events": [],
        "roles": [{"id": str(guild_id), "name": "@everyone", "permissions": str(permissions.value), "position": 0,
                   "color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0}],
        "channels": [{"id": str(channel_id), "type": 0, "name": "general", "position": 0,
                      "permission_overwrites": [], "nsfw": False, "parent_id": None}],
        "members": [{"user": BOT_USER, "roles": [], "joined_at": TIMESTAMP, "deaf": False, "mute": False,
                     "flags": 0}],
    })


def feed_message(bot: discord.Client, content: str, *, author: dict[str, Any] = ALICE,
                 mentions: list[dict[str, Any]] = (), reply_to: dict[str, Any] | None = None,
                 guild_id: int | None = GUILD_ID, channel_id: int = CHANNEL_ID,
                 message_id: int | None = None) -> int:
    """MESSAGE_CREATE for a user's message; ``reply_to`` is the message it replies to (as Discord resolves it)."""
    message_id = message_id or next(_event_ids)
    data: dict[str, Any] = {
        "id": str(message_id), "channel_id": str(channel_id), "author": author, "content": content,
        "timestamp": TIMESTAMP, "edited_timestamp": None, "tts": False, "mention_everyone": False,
        "mentions": list(mentions), "mention_roles": [], "attachments": [], "embeds": [], "pinned": False,
        "type": 19 if reply_to else 0,
    }
    if guild_id is not None:
        data["guild_id"] = str(guild_id)
        data["member"] = {"roles": [], "joined_at": TIMESTAMP, "deaf": False, "mute": False, "flags": 0}
    if reply_to is not None:
        data["message_reference"] = {"type": 0, "message_id": reply_to["id"], "channel_id": reply_to["channel_id"],
                                     **({"guild_id": str(guild_id)} if guild_id else {})}
        data["referenced_message"] = reply_to
    bot._connection.parse_message_create(data)
    return message_id


_event_ids = itertools.count(940000000000000001)


def option(name: str, value: Any, *, focused: bool = False) -> dict[str, Any]:
    kind = 5 if isinstance(value, bool) else 4 if isinstance(value, int) else 3
    return {"name": name, "type": kind, "value": value, **({"focused": True} if focused else {})}


def feed_interaction(bot: discord.Client, command: str, options: dict[str, Any] | None = None, *,
                     focused: str | None = None, author: dict[str, Any] = ALICE, guild_id: int | None = GUILD_ID,
                     app_permissions: discord.Permissions = BOT_PERMISSIONS,
                     member_permissions: discord.Permissions = P(view_channel=True, send_messages=True,
                                                                 use_application_commands=True)) -> int:
    """INTERACTION_CREATE for a slash command (type 2), or its autocomplete (type 4) when ``focused`` names
    the option being typed. Returns the interaction id."""
    interaction_id = next(_event_ids)
    data: dict[str, Any] = {
        "id": str(interaction_id), "application_id": str(BOT_ID), "type": 4 if focused else 2,
        "token": f"token-{interaction_id}", "version": 1, "locale": "en-US", "attachment_size_limit": 8388608,
        "app_permissions": str(app_permissions.value), "entitlements": [], "authorizing_integration_owners": {},
        "data": {"id": str(BOT_ID + 100), "name": command, "type": 1,
                 "options": [option(k, v, focused=k == focused) for k, v in (options or {}).items()]},
    }
    if guild_id is not None:
        data.update(guild_id=str(guild_id), guild_locale="en-US", context=0, channel_id=str(CHANNEL_ID),
                    channel={"id": str(CHANNEL_ID), "type": 0, "guild_id": str(guild_id), "name": "general",
                             "position": 0, "permission_overwrites": [], "nsfw": False, "parent_id": None},
                    member={"user": author, "roles": [], "joined_at": TIMESTAMP, "deaf": False, "mute": False,
                            "permissions": str(member_permissions.value), "flags": 0})
    else:
        data.update(context=1, user=author, channel_id=str(DM_CHANNEL_ID),
                    channel={"id": str(DM_CHANNEL_ID), "type": 1, "recipients": [author]})
    bot._connection.parse_interaction_create(data)
    return interaction_id


async def settle(timeout: float = 10.0, ignore: tuple[asyncio.Task, ...] = ()) -> None:
    """Wait until every task the events started (command invocations, listeners) has finished."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        pending = [t for t in asyncio.all_tasks()
                   if t is not asyncio.current_task() and t not in ignore and not t.done()]
        if not pending:
            return
        remaining = deadline - loop.time()
        if remaining <= 0:
            raise TimeoutError(f"tasks still running: {pending}")
        await asyncio.wait(pending, timeout=remaining)


@asynccontextmanager
async def logged_in(bot: discord.Client, fake: FakeDiscord) -> AsyncIterator[discord.Client]:
    """The bot logged in with discord.py's real ``login`` (setup_hook and any sync run), then closed."""
    fake.install()
    try:
        async with bot:
            await bot.login("fake-token")
            yield bot
            await settle()
    finally:
        fake.uninstall()


@asynccontextmanager
async def in_guild(bot: discord.Client, fake: FakeDiscord, **guild: Any) -> AsyncIterator[discord.Client]:
    """The bot logged in and joined to the test guild (``feed_guild_create`` options), its requests so far cleared."""
    async with logged_in(bot, fake) as client:
        feed_guild_create(client, **guild)
        fake.clear()
        yield client
