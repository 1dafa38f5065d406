"""The Discord bot: a thin adapter over ``retrieval`` that holds the settings, the articles and the command tree.

Everything the bot needs comes in through the constructor (settings, library), so tests build it with
their own articles and Discord's servers faked at the HTTP edge.
"""
from __future__ import annotations

import asyncio
import functools
import logging
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Callable, TypeVar

import discord
from discord import app_commands
from discord.ext import commands

from retrieval.answer import Answer
from retrieval.answerer import Answerer
from retrieval.load import read_article

from .answer_memory import AnswerMemory
from .article_group import ArticleGroup
from .chat import Chat
from .commands import ArticleCommands
from .cooldowns import UserCooldowns
from .embeds import messages
from .escape import escape
from .fetch import Fetcher
from .guild_defaults import GuildDefaults
from .library import Library
from .library_scope import ALL, LibraryScopes, is_all
from .render import render, render_article_card
from .settings import Settings
from .user_errors import SORRY, UserFacingError, tell_privately

log = logging.getLogger(__name__)

T = TypeVar("T")
# Threads that do the bot's work (finding the article, scoring, rendering, writing files), so that the event
# loop only talks to Discord: its heartbeat and every other member's 3-second deadline never wait on an
# answer. A few threads, so that one slow question does not hold up the next; more would only share the GIL.
WORKERS = 4


@dataclass(frozen=True)
class Reply:
    """An answer ready to send: the article it is about, the answer (for follow-ups), the messages' kwargs."""
    key: str
    answer: Answer | None
    messages: list[dict]


def intents() -> discord.Intents:
    """Only what the bot uses: servers and channels (for permissions), and messages that mention or reply to
    it. No privileged intents: mentions, replies to the bot and DMs carry their content without
    ``message_content``."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    wanted.guild_messages = True
    wanted.dm_messages = True
    return wanted


class ArticleTree(app_commands.CommandTree):
    """The command tree with the bot's one error handler."""

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        if isinstance(error, app_commands.CommandOnCooldown):
            text = (f"You're asking quickly: please wait {error.retry_after:.0f} seconds "
                    "before your next question.")
        elif isinstance(error, (UserFacingError, app_commands.CheckFailure)):
            text = str(error) or "You can't use that command here."
        else:
            command = interaction.command.qualified_name if interaction.command else "?"
            log.error("/%s failed (interaction %s)", command, interaction.id, exc_info=error)
            text = SORRY
        await tell_privately(interaction, text)


class ArticleBot(commands.Bot):
    """Answers questions about the configured articles in slash commands, mentions and replies."""

    PAGES_HELD = 32

    def __init__(self, settings: Settings, library: Library, *, sync_on_start: bool = True,
                 fetcher: Fetcher | None = None, **options: Any) -> None:
        options.setdefault("intents", intents())
        super().__init__(
            command_prefix=commands.when_mentioned,  # no prefix commands: this only keeps discord.py quiet
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),  # quoted text never pings anyone
            tree_cls=ArticleTree,
            max_messages=None,  # answers are remembered by id in ``memory``, not in a message cache
            **options,
        )
        self.settings = settings
        self.library = library
        self.scopes = LibraryScopes(library)  # ``article: all``
        self.sync_on_start = sync_on_start
        self.memory = AnswerMemory(settings.discord.remembered_answers)
        self.cooldowns = UserCooldowns(settings.discord.cooldown_rate, settings.discord.cooldown_seconds)
        self.guild_defaults = GuildDefaults(library.store, settings.discord.guild_defaults_file)
        self.workers = ThreadPoolExecutor(WORKERS, thread_name_prefix="articlebot-worker")
        # Reads links for /article add and for mentions; tests pass their own (see bot/fetch.py).
        self.fetcher = fetcher or Fetcher()
        # Pages read for a mention but not added, by URL: kept for follow-ups, the oldest forgotten first.
        self.pages: OrderedDict[str, Answerer] = OrderedDict()

    async def close(self) -> None:
        await self.fetcher.close()
        await super().close()
        self.workers.shutdown(wait=False, cancel_futures=True)

    async def off_loop(self, work: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """``work(*args, **kwargs)`` in a worker thread: anything that can take more than a few ms goes here."""
        return await asyncio.get_running_loop().run_in_executor(self.workers, functools.partial(work, *args, **kwargs))

    async def setup_hook(self) -> None:
        await self.add_cog(ArticleCommands(self))
        await self.add_cog(ArticleGroup(self))
        await self.add_cog(Chat(self))
        guild_id = self.settings.discord.test_guild
        if self.sync_on_start and guild_id:
            synced = await self.sync_commands(guild_id)
            log.info("synced %d commands to the test guild %s", len(synced), guild_id)

    async def sync_commands(self, guild_id: int | None = None) -> list[app_commands.AppCommand]:
        """Register the slash commands with Discord: in one guild (at once, for testing) or globally."""
        if guild_id is None:
            return await self.tree.sync()
        guild = discord.Object(id=guild_id)
        self.tree.copy_global_to(guild=guild)
        return await self.tree.sync(guild=guild)

    async def on_message(self, message: discord.Message) -> None:
        """No prefix commands: chat is handled by the ``Chat`` cog's listener."""

    # -- articles ---------------------------------------------------------------------------------
    def library_reply(self, guild_id: int | None, question: str, *, follow_up: Answer | None = None,
                      embeds_allowed: bool = True) -> Reply:
        """An answer across the server's whole library (blocking: it may index articles; call it off the loop)."""
        answer = self.scopes.answerer(guild_id).ask(question, follow_up=follow_up, k=self.settings.max_quotes)
        return Reply(ALL, answer, messages(render(answer, None), embeds_allowed=embeds_allowed))

    def article_key(self, guild_id: int | None, requested: str | None = None) -> str:
        """The article a command is about: the one asked for, the server's default, or the configured default."""
        if requested:
            if requested not in self.pages and not self.library.has(requested, guild_id):
                choices = ("see /article list" if self.library.store is not None
                           else f"choose one of {', '.join(self.library.answerers)}")
                raise UserFacingError(f"I don't know an article called “{escape(requested)}”: "
                                      f"{choices}.")
            return requested
        key = self.guild_defaults.get(guild_id)
        return key if key and (key in self.library.answerers or self.library.has(key, guild_id)) \
            else self.library.default

    def answerer(self, key: str, guild_id: int | None) -> Answerer:
        """The article's answerer: a page held for follow-ups, or the library's (opened from the database on first
        use; blocking: call it through ``off_loop``)."""
        held = self.pages.get(key)
        if held is not None:
            return held
        try:
            return self.library.get(key, guild_id)
        except KeyError:
            raise UserFacingError("That article has been removed from this server's articles.") from None

    async def page_key(self, url: str, guild_id: int | None) -> str:
        """The key to ask about the page at ``url``: the server's kept article for that URL when it has one,
        else the page read now and held for follow-ups (not kept). Raises FetchError or ArticleFormatError."""
        store = self.library.store
        if store is not None:
            for shelf in ((guild_id, 0) if guild_id else (0,)):
                known = await self.off_loop(store.find_url, shelf, url)
                if known is not None:
                    return known.key
        if url not in self.pages:
            page = await self.fetcher.fetch(url)
            loaded = await self.off_loop(read_article, page.data, page.url, url=page.url, charset=page.charset)
            self.hold(url, await self.off_loop(Answerer, loaded.article))
        return url

    def hold(self, key: str, answerer: Answerer) -> None:
        self.pages[key] = answerer
        self.pages.move_to_end(key)
        while len(self.pages) > self.PAGES_HELD:
            self.pages.popitem(last=False)

    def reply(self, guild_id: int | None, requested: str | None, question: str, *, follow_up: Answer | None = None,
              embeds_allowed: bool = True) -> Reply:
        """The whole answer to a question, ready to send (blocking: call it through ``off_loop``)."""
        if is_all(requested):
            return self.library_reply(guild_id, question, follow_up=follow_up, embeds_allowed=embeds_allowed)
        key = self.article_key(guild_id, requested)
        answerer = self.answerer(key, guild_id)
        answer = answerer.ask(question, follow_up=follow_up, k=self.settings.max_quotes)
        return Reply(key, answer, messages(render(answer, answerer.article), embeds_allowed=embeds_allowed))

    def card(self, guild_id: int | None, requested: str | None, *, make_default: bool = False,
             embeds_allowed: bool = True) -> Reply:
        """What ``/article`` shows, ready to send; with ``make_default``, the server's default is set first
        (blocking: it writes the defaults file; call it through ``off_loop``)."""
        key = self.article_key(guild_id, requested)
        if make_default and guild_id is not None:
            self.guild_defaults.set(guild_id, key)
        answerer = self.answerer(key, guild_id)
        rendered = render_article_card(answerer.article, answerer.speakers())
        return Reply(key, None, messages(rendered, embeds_allowed=embeds_allowed))

    async def answer(self, guild_id: int | None, requested: str | None, question: str, *,
                     follow_up: Answer | None = None, embeds_allowed: bool = True) -> Reply:
        """``reply`` off the event loop, for every article whatever its size: Discord's deadline and the
        gateway's heartbeat are the loop's, and a slow question (or a slow machine) must not hold them up."""
        return await self.off_loop(self.reply, guild_id, requested, question, follow_up=follow_up,
                                   embeds_allowed=embeds_allowed)


class ShardedArticleBot(ArticleBot, commands.AutoShardedBot):
    """The same bot over several gateway connections, sharded by discord.py itself (``discord.shards``)."""


def create_bot(settings: Settings, library: Library, **options: Any) -> ArticleBot:
    shards = settings.discord.shards
    if shards is None:
        return ArticleBot(settings, library, **options)
    return ShardedArticleBot(settings, library, shard_count=None if shards == "auto" else shards, **options)
