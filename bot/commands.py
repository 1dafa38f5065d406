"""The slash commands: /ask, /who, /quotes, /help (and /article, in article_group). Each defers before any
work, then follows up.

Discord drops an interaction not answered within 3 seconds, so the deferral comes first, before anything
that could take time (even finding the article: the library may read it from disk), and the work itself
runs off the event loop (``ArticleBot.off_loop``), where it cannot hold up other members' interactions.

A command's docstring is the description Discord shows; ``describe`` documents each option.
"""
from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Callable

import discord
from discord import app_commands
from discord.ext import commands

from . import fuzzy
from .library_scope import ALL
from .user_errors import UserFacingError

if TYPE_CHECKING:
    from .discord_app import ArticleBot, Reply

log = logging.getLogger(__name__)

CHOICES_LIMIT = 25  # Discord shows at most 25 autocomplete choices
CHOICE_LIMIT = 100  # characters in a choice's name and value
# An autocomplete cannot be deferred: past this, it answers with no choices rather than miss Discord's 3 s.
AUTOCOMPLETE_SECONDS = 2.0

HELP = """\
Ask me about the article and its reader comments: I answer by quoting the passages, each with its \
citation (¶5 is the article's fifth paragraph, comment #3 the third reader comment) and who said it.

**Slash commands**
`/ask question:` anything about the article: `Who called US policies evil and stupid?`, \
`What did Raj say about China?`, `Who is Ali Hatami?`, `How many comments are there?` \
(add `private: True` to see the answer alone)
`/who said:` some words, to find who said them: `evil and stupid policies`
`/quotes speaker:` what a person or commenter said, optionally `about:` a topic
`/article show` the article: date, link, counts and who is quoted
`/article add url:` add a news page (a link, or `file:` an .html, .txt or .yaml file) to this server's articles
`/article list` this server's articles · `/article remove article:` forget one
`/help` this message

**Chat**
Mention me with a question (“@{me} who criticised Trump's tweets?”) and I reply. Mention me with a link \
and a question and I answer about that page at once (it is kept only if someone adds it). Reply to one of \
my answers to follow up without mentioning me: “what else did he say?” means the person that answer quoted.
"""


def answer_cooldown():
    """One shared per-user cooldown (``discord.cooldown_rate`` questions per ``cooldown_seconds``)."""

    async def predicate(interaction: discord.Interaction) -> bool:
        cooldowns = interaction.client.cooldowns  # type: ignore[attr-defined]
        retry_after = cooldowns.hit(interaction.user.id)
        if retry_after is not None:
            raise app_commands.CommandOnCooldown(cooldowns.bucket(interaction.user.id), retry_after)
        return True

    return app_commands.check(predicate)


def _choice(name: str, value: str) -> app_commands.Choice[str]:
    return app_commands.Choice(name=name[:CHOICE_LIMIT], value=value[:CHOICE_LIMIT])


def article_choices(bot: ArticleBot, guild_id: int | None, current: str) -> list[app_commands.Choice[str]]:
    """The articles a server can choose, those whose key or title contain what is typed, best match first
    (reads the database: call it off the event loop)."""
    entries = bot.library.entries(guild_id, current.strip(), limit=CHOICES_LIMIT)
    if not entries and current.strip():  # a typo: rank everything shown by similarity instead
        entries = bot.library.entries(guild_id, "", limit=CHOICES_LIMIT)
    ranked = fuzzy.rank(current, entries, key=lambda e: (e.key, e.title), limit=CHOICES_LIMIT)
    return [_choice(f"{e.title} ({e.key})", e.key) for e in ranked]


class ArticleCommands(commands.Cog):
    def __init__(self, bot: ArticleBot) -> None:
        self.bot = bot
        if not bot.library.choosable():
            # One article and no library to add to: an ``article`` option would offer a single choice, so the
            # commands don't show one.
            # (discord.py has no public way to drop a parameter; ``_params`` is what it serialises and
            # binds, stable within the pinned 2.7 minor version.)
            for command in self.get_app_commands():
                command._params.pop("article", None)  # type: ignore[attr-defined]

    # -- answering --------------------------------------------------------------------------------
    async def _answer(self, interaction: discord.Interaction, question: str, article: str | None,
                      private: bool) -> None:
        interaction.extras["private"] = private  # for the error handler: a private "thinking…" can stay
        await interaction.response.defer(ephemeral=private, thinking=True)  # first, before any work
        reply = await self.bot.answer(interaction.guild_id, article, question,
                                      embeds_allowed=self._embeds_allowed(interaction))
        await self._follow_up(interaction, reply, private)

    @staticmethod
    def _embeds_allowed(interaction: discord.Interaction) -> bool:
        return interaction.guild_id is None or interaction.app_permissions.embed_links

    async def _follow_up(self, interaction: discord.Interaction, reply: Reply, private: bool) -> None:
        for kwargs in reply.messages:
            sent = await interaction.followup.send(**kwargs, ephemeral=private, wait=True,
                                                   allowed_mentions=discord.AllowedMentions.none())
            if reply.answer is not None and not private:
                self.bot.memory.remember(sent.id, reply.key, reply.answer)

    @app_commands.command()
    @app_commands.describe(question="Your question, e.g. “Who called US policies evil and stupid?”",
                           private="Show the answer to you alone (default: everyone sees it)",
                           article="Which article, or all of this server's (default: this server's)")
    @answer_cooldown()
    async def ask(self, interaction: discord.Interaction, question: str, private: bool = False,
                  article: str | None = None) -> None:
        """Ask about the article: the answer quotes the passages, with citations and who said them."""
        await self._answer(interaction, question, article, private)

    @app_commands.command()
    @app_commands.describe(said="Words someone said, e.g. “evil and stupid policies” (empty: who is quoted)",
                           article="Which article, or all (default: this server's)")
    @answer_cooldown()
    async def who(self, interaction: discord.Interaction, said: str | None = None, article: str | None = None) -> None:
        """Who said something, with the quote and its citation; empty: who is quoted (article: all)."""
        # No words: the people view, of the article or (article: all) of the library with article counts.
        question = f"Who said {said.strip()}?" if said and said.strip() else "Who is quoted?"
        await self._answer(interaction, question, article, False)

    @app_commands.command()
    @app_commands.describe(speaker="A person quoted in the article, or a commenter",
                           about="Only what they said about this (optional)",
                           article="Which article, or all of this server's (default: this server's)")
    @answer_cooldown()
    async def quotes(self, interaction: discord.Interaction, speaker: str, about: str | None = None,
                     article: str | None = None) -> None:
        """What one person or commenter said, optionally about a topic."""
        speaker, topic = speaker.strip(), (about or "").strip()
        question = (f"What did {speaker} say about {topic}?" if topic else f"What did {speaker} say?") if speaker else ""
        await self._answer(interaction, question, article, False)

    # -- about the bot ----------------------------------------------------------------------------
    @app_commands.command(name="help")
    async def help_(self, interaction: discord.Interaction) -> None:
        """How to ask the bot about the article, with examples."""
        me = self.bot.user.display_name if self.bot.user else "articlebot"
        await interaction.response.send_message(HELP.replace("{me}", me), ephemeral=True)

    # -- autocomplete -----------------------------------------------------------------------------
    async def _choices(self, interaction: discord.Interaction,
                       work: Callable[[], list[app_commands.Choice[str]]]) -> list[app_commands.Choice[str]]:
        """``work`` off the loop; no choices when it can't finish in time (an autocomplete can't be deferred)."""
        try:
            return await asyncio.wait_for(self.bot.off_loop(work), AUTOCOMPLETE_SECONDS)
        except asyncio.TimeoutError:
            log.warning("autocomplete for /%s took over %.1f s: answered with no choices",
                        interaction.command.qualified_name if interaction.command else "?", AUTOCOMPLETE_SECONDS)
            return []

    @ask.autocomplete("article")
    @who.autocomplete("article")
    @quotes.autocomplete("article")
    async def article_choices(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        guild_id = interaction.guild_id

        def work() -> list[app_commands.Choice[str]]:
            choices = article_choices(self.bot, guild_id, current)
            if not current.strip() or ALL.startswith(current.strip().casefold()):
                choices = [_choice("All articles in this server's library", ALL), *choices][:CHOICES_LIMIT]
            return choices

        return await self._choices(interaction, work)

    @quotes.autocomplete("speaker")
    async def speaker_choices(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        guild_id, requested = interaction.guild_id, getattr(interaction.namespace, "article", None)

        def work() -> list[app_commands.Choice[str]]:
            try:
                key = self.bot.article_key(guild_id, requested)
            except UserFacingError:
                return []
            answerer = self.bot.library.cached(key, guild_id) or self.bot.pages.get(key)
            if answerer is None:  # not opened yet: opening parses it, which an autocomplete has no time for
                return []
            people = answerer.speakers()
            ranked = fuzzy.rank(current, people, key=lambda p: (p.name, *p.aliases), limit=CHOICES_LIMIT)
            return [_choice(f"{p.name} — {'commenter' if p.kind == 'commenter' else p.role or 'quoted'}", p.name)
                    for p in ranked]

        return await self._choices(interaction, work)
