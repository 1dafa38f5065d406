"""Discord's servers, faked at the HTTP edge only, for the bot's tests and its benchmark.

``FakeDiscord.install()`` replaces ``discord.http.HTTPClient.request`` (REST) and
``discord.webhook.async_.AsyncWebhookAdapter.request`` (interaction callbacks and follow-ups) with a
recorder that keeps every request's method, path and JSON, and answers as Discord does. Everything in
between is discord.py's own code: ``bot.login()`` (so ``setup_hook`` and command sync run), the gateway
parsers fed with event payloads (``client._connection.parse_*``), the command tree, the webhooks.

It obeys Discord's rules, so that a bot breaking one fails its tests instead of passing them:

- an interaction's initial response must come within 3 seconds (``deadline``), or it gets 404 Unknown
  interaction; there is exactly one initial response, and no follow-up before it;
- after a deferral, the first follow-up takes the place of the "thinking…" message and keeps the
  deferral's visibility, whatever flags it carries;
- every size limit is checked on the payload actually sent (messages, embeds, autocomplete choices, the
  synced commands), and a payload over one gets 400 Invalid Form Body;
- the token must be the one the fake was made with (``token``), or login gets 401;
- messages are delivered as Discord delivers them to a bot without the privileged ``message_content``
  intent: a guild message that does not mention the bot arrives with no content.

Every refusal is raised to discord.py as the ``HTTPException`` Discord's answer would raise, and kept
in ``refused``: the bot's fixtures assert it stays empty, even where the bot catches the error.
"""
from __future__ import annotations

import asyncio
import itertools
import re
import time
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


TOKEN = "fake-token"
DEADLINE = 3.0  # seconds Discord waits for an interaction's initial response
TOKEN_LIFETIME = 15 * 60  # seconds an interaction token takes follow-ups
EPHEMERAL = 64

# Discord's limits on what a bot sends (https://discord.com/developers/docs/resources/message and .../channel)
CONTENT_LIMIT = 2000
EMBEDS_PER_MESSAGE = 10
EMBED_LIMITS = {"title": 256, "description": 4096, "field name": 256, "field value": 1024, "footer": 2048,
                "author": 256}
FIELDS_PER_EMBED = 25
EMBED_TOTAL = 6000  # the characters of every embed in one message, together
CHOICES = 25
CHOICE_CHARS = 100
EMBED_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
COMMAND_NAME = re.compile(r"^[-_\w]{1,32}$")
DESCRIPTION_CHARS = 100
OPTIONS_PER_COMMAND = 25


@dataclass
class Request:
    method: str
    path: str  # as sent, without https://discord.com/api/v10
    json: Any
    params: dict[str, Any] | None = None


@dataclass(frozen=True)
class _Response:
    """What discord.py's ``HTTPException`` reads from an HTTP response."""
    status: int
    reason: str


def refusal(status: int, code: int, message: str, errors: dict[str, Any] | None = None) -> discord.HTTPException:
    """The exception discord.py raises for Discord's JSON error ``{"code", "message", "errors"}``."""
    reasons = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found"}
    cls = {401: discord.HTTPException, 403: discord.Forbidden, 404: discord.NotFound}.get(status, discord.HTTPException)
    body: dict[str, Any] = {"code": code, "message": message, **({"errors": errors} if errors else {})}
    return cls(_Response(status, reasons[status]), body)  # type: ignore[arg-type]


def invalid_form(problems: list[str]) -> discord.HTTPException:
    return refusal(400, 50035, "Invalid Form Body", {"_errors": [{"code": "BASE_TYPE_INVALID", "message": p}
                                                                 for p in problems]})


@dataclass
class Interaction:
    """What Discord knows of one interaction: when it was created and how it has been answered."""
    id: int
    kind: int  # 2 a slash command, 4 an autocomplete
    created: float
    response: int | None = None  # the initial response's type: 4 message, 5 deferred, 8 choices
    flags: int = 0  # the initial response's flags (ephemeral)
    original: int | None = None  # the initial response's message ("thinking…" while deferred), by id
    thinking: bool = False  # deferred, and the "thinking…" message not yet replaced


_installed: list["FakeDiscord"] = []  # the fake the patched discord.py talks to (the events register with it)


@dataclass
class FakeDiscord:
    requests: list[Request] = field(default_factory=list)
    unexpected: list[Request] = field(default_factory=list)
    refused: list[tuple[Request, discord.HTTPException]] = field(default_factory=list)
    messages: dict[int, dict[str, Any]] = field(default_factory=dict)  # what the bot posted, by id
    interactions: dict[str, Interaction] = field(default_factory=dict)  # by token
    channel_permissions: dict[int, discord.Permissions] = field(default_factory=dict)  # the bot's, by channel id
    token: str = TOKEN
    deadline: float = DEADLINE
    expect_refusals: bool = False  # a test about refusals; otherwise ``logged_in`` fails the test on any
    clock: Any = time.monotonic
    _ids: Any = field(default_factory=lambda: itertools.count(950000000000000001))
    _saved: list[tuple[type, str, Any]] = field(default_factory=list)

    # -- patching ---------------------------------------------------------------------------------
    def install(self) -> "FakeDiscord":
        fake = self

        async def http_request(client: HTTPClient, route: Route, *, files=None, form=None, **kwargs: Any) -> Any:
            if client.token != fake.token:
                fake.requests.append(Request(route.method, route.url.removeprefix(Route.BASE), kwargs.get("json")))
                raise fake._refuse(refusal(401, 0, "401: Unauthorized"))
            return fake.respond(route, kwargs.get("json"), kwargs.get("params"))

        async def webhook_request(adapter: AsyncWebhookAdapter, route: Route, session: Any, *, payload=None,
                                  multipart=None, proxy=None, proxy_auth=None, files=None, reason=None,
                                  auth_token=None, params=None) -> Any:
            return fake.respond(route, payload, params)

        for cls, name, replacement in ((HTTPClient, "request", http_request),
                                       (AsyncWebhookAdapter, "request", webhook_request)):
            self._saved.append((cls, name, getattr(cls, name)))
            setattr(cls, name, replacement)
        _installed.append(self)
        return self

    def uninstall(self) -> None:
        while self._saved:
            cls, name, original = self._saved.pop()
            setattr(cls, name, original)
        if self in _installed:
            _installed.remove(self)

    def next_id(self) -> int:
        return next(self._ids)

    # -- answering like Discord -------------------------------------------------------------------
    def _refuse(self, error: discord.HTTPException) -> discord.HTTPException:
        self.refused.append((self.requests[-1], error))
        return error

    def respond(self, route: Route, body: Any, params: dict[str, Any] | None) -> Any:
        path = route.url.removeprefix(Route.BASE)
        request = Request(route.method, path, body, params)
        self.requests.append(request)
        try:
            return self._respond(route, path, body)
        except discord.HTTPException as error:
            raise self._refuse(error)

    def _respond(self, route: Route, path: str, body: Any) -> Any:
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
            check_commands(body)
            guild = path.split("/guilds/")[1].split("/")[0] if "/guilds/" in path else None
            return [dict(cmd, id=str(self.next_id()), application_id=str(BOT_ID), version=str(self.next_id()),
                         **({"guild_id": guild} if guild else {})) for cmd in body]
        if (method, template) == ("POST", "/channels/{channel_id}/messages"):
            channel_id = int(path.split("/")[2])
            allowed = self.channel_permissions.get(channel_id)
            if allowed is not None and not allowed.send_messages:
                raise refusal(403, 50013, "Missing Permissions")
            check_message(body)
            return self.message(body, channel_id=channel_id)
        if (method, template) == ("POST", "/channels/{channel_id}/typing"):
            return None
        if (method, template) == ("POST", "/interactions/{webhook_id}/{webhook_token}/callback"):
            return self.callback(self._interaction(route.webhook_token), body)
        if template.startswith("/webhooks/{webhook_id}/{webhook_token}"):
            return self.webhook(method, path, route.webhook_token, body)
        self.unexpected.append(self.requests[-1])
        raise AssertionError(f"the fake Discord does not know {method} {path}")

    # -- interactions -----------------------------------------------------------------------------
    def interaction_created(self, data: dict[str, Any]) -> None:
        """An INTERACTION_CREATE about to be delivered: its 3 seconds start now."""
        self.interactions[data["token"]] = Interaction(int(data["id"]), data["type"], self.clock())

    def _interaction(self, token: str | None) -> Interaction:
        interaction = self.interactions.get(token or "")
        if interaction is None:
            raise refusal(404, 10062, "Unknown interaction")
        return interaction

    def callback(self, interaction: Interaction, body: dict[str, Any]) -> dict[str, Any]:
        """POST /interactions/{id}/{token}/callback: the one initial response, within the deadline."""
        if interaction.response is not None:
            raise refusal(400, 40060, "Interaction has already been acknowledged.")
        if self.clock() - interaction.created > self.deadline:
            raise refusal(404, 10062, "Unknown interaction")
        kind, data = body["type"], body.get("data") or {}
        expected = (8,) if interaction.kind == 4 else (4, 5)
        if kind not in expected:
            raise invalid_form([f"type: an interaction of type {interaction.kind} cannot be answered with {kind}"])
        if kind == 8:
            check_choices(data.get("choices"))
        elif kind == 4:
            check_message(data)
        interaction.response, interaction.flags = kind, data.get("flags", 0) & EPHEMERAL
        reply: dict[str, Any] = {"interaction": {"id": str(interaction.id), "type": interaction.kind,
                                                 "response_message_loading": kind == 5,
                                                 "response_message_ephemeral": bool(interaction.flags)}}
        if kind in (4, 5):
            message = self.message(data if kind == 4 else {"content": "", "flags": interaction.flags},
                                   channel_id=CHANNEL_ID, webhook=True)
            interaction.original, interaction.thinking = int(message["id"]), kind == 5
            reply["interaction"]["response_message_id"] = message["id"]
            if kind == 4:
                reply["resource"] = {"type": 4, "message": message}
        return reply

    def webhook(self, method: str, path: str, token: str | None, body: Any) -> Any:
        """Follow-ups (POST /webhooks/{app}/{token}) and the original response (…/messages/@original)."""
        interaction = self.interactions.get(token or "")
        if interaction is None or interaction.response not in (4, 5):
            raise refusal(404, 10015, "Unknown Webhook")
        if self.clock() - interaction.created > TOKEN_LIFETIME:
            raise refusal(401, 50027, "Invalid Webhook Token")
        target = path.split("/messages/", 1)[1] if "/messages/" in path else None
        if target is None:
            if method != "POST":
                raise AssertionError(f"the fake Discord does not know {method} {path}")
            check_message(body)
            if interaction.thinking:  # the first follow-up takes the "thinking…" message's place, and its flags
                interaction.thinking = False
                body = dict(body, flags=(body.get("flags", 0) & ~EPHEMERAL) | interaction.flags)
                return self.message(body, channel_id=CHANNEL_ID, webhook=True, message_id=interaction.original)
            return self.message(body, channel_id=CHANNEL_ID, webhook=True)
        message_id = interaction.original if target == "@original" else int(target)
        if message_id is None or message_id not in self.messages:
            raise refusal(404, 10008, "Unknown Message")
        if method == "DELETE":
            del self.messages[message_id]
            if message_id == interaction.original:
                interaction.original, interaction.thinking = None, False
            return None
        if method == "PATCH":
            check_message(body or {}, edit=True)
            if message_id == interaction.original:
                interaction.thinking = False
            merged = dict(self.messages[message_id], **(body or {}))
            return self.message(merged, channel_id=CHANNEL_ID, webhook=True, message_id=message_id)
        if method == "GET":
            return self.messages[message_id]
        raise AssertionError(f"the fake Discord does not know {method} {path}")

    def message(self, body: dict[str, Any], *, channel_id: int, webhook: bool = False,
                message_id: int | None = None) -> dict[str, Any]:
        """The message Discord creates from a message body the bot sent."""
        message_id = message_id or self.next_id()
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


# -- Discord's limits on what is sent ---------------------------------------------------------------
def check_message(body: dict[str, Any], *, edit: bool = False) -> None:
    """Raise what Discord raises for a message body over a limit (400 Invalid Form Body), or empty."""
    problems = []
    content = body.get("content") or ""
    embeds = body.get("embeds") or []
    if len(content) > CONTENT_LIMIT:
        problems.append(f"content: Must be {CONTENT_LIMIT} or fewer in length ({len(content)}).")
    if len(embeds) > EMBEDS_PER_MESSAGE:
        problems.append(f"embeds: Must be {EMBEDS_PER_MESSAGE} or fewer in length.")
    total = 0
    for n, embed in enumerate(embeds):
        fields = embed.get("fields") or []
        parts = {"title": [embed.get("title") or ""], "description": [embed.get("description") or ""],
                 "field name": [f.get("name") or "" for f in fields],
                 "field value": [f.get("value") or "" for f in fields],
                 "footer": [(embed.get("footer") or {}).get("text") or ""],
                 "author": [(embed.get("author") or {}).get("name") or ""]}
        for part, texts in parts.items():
            for text in texts:
                if len(text) > EMBED_LIMITS[part]:
                    problems.append(f"embeds.{n}.{part}: Must be {EMBED_LIMITS[part]} or fewer in length.")
                total += len(text)
        if embed.get("url") is not None and not EMBED_URL.match(embed["url"]):
            problems.append(f"embeds.{n}.url: Not a well formed URL.")
        if len(fields) > FIELDS_PER_EMBED:
            problems.append(f"embeds.{n}.fields: Must be {FIELDS_PER_EMBED} or fewer in length.")
        for f in fields:
            if not (f.get("name") or "").strip() or not (f.get("value") or "").strip():
                problems.append(f"embeds.{n}.fields: a field's name and value are required.")
    if total > EMBED_TOTAL:
        problems.append(f"embeds: Embed size exceeds maximum size of {EMBED_TOTAL} ({total}).")
    if problems:
        raise invalid_form(problems)
    if not edit and not content.strip() and not embeds and not body.get("components") and not body.get("attachments"):
        raise refusal(400, 50006, "Cannot send an empty message")


def check_choices(choices: Any) -> None:
    problems = []
    if not isinstance(choices, list) or len(choices) > CHOICES:
        problems.append(f"data.choices: Must be {CHOICES} or fewer in length.")
    for choice in choices or []:
        name, value = choice.get("name") or "", choice.get("value")
        if not 1 <= len(name) <= CHOICE_CHARS:
            problems.append(f"data.choices.name: Must be between 1 and {CHOICE_CHARS} in length.")
        if isinstance(value, str) and len(value) > CHOICE_CHARS:
            problems.append(f"data.choices.value: Must be {CHOICE_CHARS} or fewer in length.")
    if problems:
        raise invalid_form(problems)


def check_commands(commands: list[dict[str, Any]]) -> None:
    """The synced command list: names, descriptions and options within Discord's rules."""
    problems = []

    def check_options(where: str, options: list[dict[str, Any]]) -> None:
        if len(options) > OPTIONS_PER_COMMAND:
            problems.append(f"{where}.options: Must be {OPTIONS_PER_COMMAND} or fewer in length.")
        optional_seen = False
        for opt in options:
            named(f"{where}.{opt.get('name')}", opt, described=True)
            if opt.get("required") and optional_seen:
                problems.append(f"{where}.{opt['name']}: Required options must be placed before non-required options")
            optional_seen = optional_seen or not opt.get("required")
            check_options(f"{where}.{opt['name']}", opt.get("options") or [])
            if len(opt.get("choices") or []) > CHOICES:
                problems.append(f"{where}.{opt['name']}.choices: Must be {CHOICES} or fewer in length.")

    def named(where: str, thing: dict[str, Any], described: bool) -> None:
        name, description = thing.get("name") or "", thing.get("description") or ""
        if not COMMAND_NAME.match(name) or name != name.lower():
            problems.append(f"{where}.name: Command name is invalid")
        if described and not 1 <= len(description) <= DESCRIPTION_CHARS:
            problems.append(f"{where}.description: Must be between 1 and {DESCRIPTION_CHARS} in length.")

    names = [c.get("name") for c in commands]
    if len(set(names)) != len(names):
        problems.append("Application command names must be unique")
    for command in commands:
        named(str(command.get("name")), command, described=command.get("type", 1) == 1)  # slash commands
        check_options(str(command.get("name")), command.get("options") or [])
    if problems:
        raise invalid_form(problems)


# -- gateway events ---------------------------------------------------------------------------------
def feed_guild_create(bot: discord.Client, *, guild_id: int = GUILD_ID, channel_id: int = CHANNEL_ID,
                      permissions: discord.Permissions = BOT_PERMISSIONS) -> None:
    """GUILD_CREATE for a server where @everyone (and so the bot) has ``permissions`` in one text channel."""
    for fake in _installed:
        fake.channel_permissions[channel_id] = permissions
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


KNOWN_USERS = {int(u["id"]): u for u in (BOT_USER, ALICE, BOB, OTHER_BOT)}
_MENTION = re.compile(r"<@!?(\d{17,20})>")


def feed_message(bot: discord.Client, content: str, *, author: dict[str, Any] = ALICE,
                 mentions: list[dict[str, Any]] = (), reply_to: dict[str, Any] | None = None,
                 reply_pings: bool = True, guild_id: int | None = GUILD_ID, channel_id: int = CHANNEL_ID,
                 message_id: int | None = None) -> int | None:
    """MESSAGE_CREATE for a user's message, as Discord delivers it to ``bot``; ``reply_to`` is the message it
    replies to (as Discord resolves it), ``reply_pings`` whether the reply keeps its @ mention on.

    As Discord does: users written as ``<@id>`` in the text are mentions, and so is the author of the
    replied-to message while the reply pings. A bot without the privileged ``message_content`` intent gets
    the content (text, embeds, attachments) only of DMs, of its own messages and of messages that mention
    it; other guild messages arrive empty. Without the ``guild_messages`` (``dm_messages``) intent the
    message is not delivered at all: the message id, or None when it was not delivered.
    """
    message_id = message_id or next(_event_ids)
    mentioned = {int(u["id"]): u for u in mentions}
    for found in _MENTION.findall(content):
        mentioned.setdefault(int(found), KNOWN_USERS.get(int(found)) or user(int(found), f"user{found[-4:]}"))
    if reply_to is not None and reply_pings and reply_to["author"]["id"] != author["id"]:
        mentioned.setdefault(int(reply_to["author"]["id"]), reply_to["author"])
    intents = bot.intents
    if not (intents.dm_messages if guild_id is None else intents.guild_messages):
        return None
    sees_content = (intents.message_content or guild_id is None or int(author["id"]) == bot.user.id
                    or bot.user.id in mentioned)
    data: dict[str, Any] = {
        "id": str(message_id), "channel_id": str(channel_id), "author": author,
        "content": content if sees_content else "",
        "timestamp": TIMESTAMP, "edited_timestamp": None, "tts": False, "mention_everyone": False,
        "mentions": list(mentioned.values()), "mention_roles": [], "attachments": [], "embeds": [], "pinned": False,
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
                                                                 use_application_commands=True),
                     attachments: dict[str, dict[str, Any]] | None = None, roles: list[dict[str, Any]] = ()) -> int:
    """INTERACTION_CREATE for a slash command (type 2), or its autocomplete (type 4) when ``focused`` names
    the option being typed. ``command`` may name a subcommand ("article add"); ``attachments`` maps an
    option to an uploaded file's payload; ``roles`` are the member's roles. Returns the interaction id."""
    interaction_id = next(_event_ids)
    command, _, sub = command.partition(" ")
    opts = [option(k, v, focused=k == focused) for k, v in (options or {}).items()]
    resolved: dict[str, Any] = {}
    for name, payload in (attachments or {}).items():
        opts.append({"name": name, "type": 11, "value": payload["id"]})
        resolved.setdefault("attachments", {})[payload["id"]] = payload
    if roles:
        resolved["roles"] = {r["id"]: r for r in roles}
    if sub:
        opts = [{"name": sub, "type": 1, "options": opts}]
    data: dict[str, Any] = {
        "id": str(interaction_id), "application_id": str(BOT_ID), "type": 4 if focused else 2,
        "token": f"token-{interaction_id}", "version": 1, "locale": "en-US", "attachment_size_limit": 8388608,
        "app_permissions": str(app_permissions.value), "entitlements": [], "authorizing_integration_owners": {},
        "data": {"id": str(BOT_ID + 100), "name": command, "type": 1, "options": opts,
                 **({"resolved": resolved} if resolved else {})},
    }
    if guild_id is not None:
        data.update(guild_id=str(guild_id), guild_locale="en-US", context=0, channel_id=str(CHANNEL_ID),
                    channel={"id": str(CHANNEL_ID), "type": 0, "guild_id": str(guild_id), "name": "general",
                             "position": 0, "permission_overwrites": [], "nsfw": False, "parent_id": None},
                    member={"user": author, "roles": [r["id"] for r in roles], "joined_at": TIMESTAMP, "deaf": False, "mute": False,
                            "permissions": str(member_permissions.value), "flags": 0})
    else:
        data.update(context=1, user=author, channel_id=str(DM_CHANNEL_ID),
                    channel={"id": str(DM_CHANNEL_ID), "type": 1, "recipients": [author]})
    for fake in _installed:
        fake.interaction_created(data)
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
    """The bot logged in with discord.py's real ``login`` (setup_hook and any sync run), then closed.

    Discord refusing any request the bot made fails the test (even one the bot caught and logged), unless
    the fake ``expect_refusals``."""
    fake.install()
    try:
        async with bot:
            await bot.login(fake.token)
            yield bot
            await settle()
    finally:
        fake.uninstall()
    assert fake.expect_refusals or not fake.refused, f"Discord refused: {fake.refused}"


@asynccontextmanager
async def in_guild(bot: discord.Client, fake: FakeDiscord, **guild: Any) -> AsyncIterator[discord.Client]:
    """The bot logged in and joined to the test guild (``feed_guild_create`` options), its requests so far cleared."""
    async with logged_in(bot, fake) as client:
        feed_guild_create(client, **guild)
        fake.clear()
        yield client
