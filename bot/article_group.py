"""``/article``: show an article, add one (a link or a file), list a server's articles, remove one.

Every subcommand defers first. ``add`` fetches through ``bot.fetcher`` (which refuses non-public
addresses), then reads the page and keeps it in the library in the bot's worker threads
(``ArticleBot.off_loop``), so the event loop never waits on the parser or the disk.
"""
from __future__ import annotations

import math
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from retrieval.errors import ArticleFormatError
from retrieval.load import read_article

from .commands import article_choices
from .fetch import MAX_BYTES, FetchError
from .render import escape
from .user_errors import UserFacingError

if TYPE_CHECKING:
    from .discord_app import ArticleBot

FILE_TYPES = (".html", ".htm", ".txt", ".yaml", ".yml")
PAGE_SIZE = 10
NO_LIBRARY = "This bot keeps no library of added articles; ask its owner to give it a database."


def _reason(exc: ArticleFormatError) -> str:
    """The one sentence for a page or file that could not be read."""
    reason = exc.reason.rstrip(".")
    return f"{reason}." if reason.startswith("I ") else f"I couldn't read that as an article: {reason}."


def _code(text: str) -> str:
    """Text for inside a code span (where escapes would show): without backticks."""
    return text.replace("`", "'")


class ArticleGroup(commands.Cog):
    article = app_commands.Group(name="article", description="The articles: show one, add a link or file, list, remove")

    def __init__(self, bot: ArticleBot) -> None:
        self.bot = bot
        if not bot.library.choosable():
            # One article and no library: ``show`` needs no ``article`` option (see ArticleCommands).
            for name in ("article", "make_default"):
                self.show._params.pop(name, None)  # type: ignore[attr-defined]

    async def _card(self, interaction: discord.Interaction, key: str | None, *, make_default: bool = False,
                    note: str | None = None) -> None:
        embeds_allowed = interaction.guild_id is None or interaction.app_permissions.embed_links
        reply = await self.bot.off_loop(self.bot.card, interaction.guild_id, key, make_default=make_default,
                                        embeds_allowed=embeds_allowed)
        for kwargs in reply.messages:
            await interaction.followup.send(**kwargs, allowed_mentions=discord.AllowedMentions.none())
        if make_default:
            note = f"This server's default article is now “{escape(reply.key)}”."
        if note:
            await interaction.followup.send(note, ephemeral=make_default, allowed_mentions=discord.AllowedMentions.none())

    # -- show -------------------------------------------------------------------------------------
    @article.command(name="show")
    @app_commands.describe(article="Which article (default: this server's)",
                           make_default="Make it this server's default article (needs Manage Server)")
    async def show(self, interaction: discord.Interaction, article: str | None = None,
                   make_default: bool = False) -> None:
        """The article: its title, date, link, paragraph and comment counts, and who is quoted."""
        await interaction.response.defer(thinking=True)  # first, before any work
        if make_default:
            if interaction.guild_id is None:
                raise UserFacingError("A default article can only be set in a server.")
            if not interaction.permissions.manage_guild:
                raise UserFacingError("Only members with the Manage Server permission can set the default article.")
        await self._card(interaction, article, make_default=make_default)

    # -- add --------------------------------------------------------------------------------------
    @article.command(name="add")
    @app_commands.describe(url="A link to a news page (http or https)",
                           file="Or an article file: .html, .htm, .txt or .yaml, at most 5 MB")
    async def add(self, interaction: discord.Interaction, url: str | None = None,
                  file: discord.Attachment | None = None) -> None:
        """Add a news page to this server's articles, from a link or a file, and show what was read."""
        await interaction.response.defer(thinking=True)  # at once: fetching and reading take a while
        library, guild_id = self.bot.library, interaction.guild_id
        if library.store is None:
            raise UserFacingError(NO_LIBRARY)
        if guild_id is None:
            raise UserFacingError("Articles can only be added in a server.")
        if (url is None) == (file is None):
            raise UserFacingError("Give me a link (`url:`) or a file (`file:`) to add, one of the two.")
        if url is not None:
            known = await self.bot.off_loop(library.store.find_url, guild_id, url.strip())
            if known is not None:
                return await self._added(interaction, known.key, created=False)
            try:
                page = await self.bot.fetcher.fetch(url)
            except FetchError as exc:
                raise UserFacingError(str(exc)) from None
            data, name, source_url, charset = page.data, page.url, page.url, page.charset
        else:
            assert file is not None
            if PurePosixPath(file.filename.lower()).suffix not in FILE_TYPES:
                raise UserFacingError("I read .html, .htm, .txt and .yaml files; that file is none of them.")
            if file.size > MAX_BYTES:
                raise UserFacingError("That file is larger than 5 MB; I only read articles up to that size.")
            try:
                data = await file.read()
            except discord.HTTPException:
                raise UserFacingError("I couldn't download that file from Discord; please try again.") from None
            name, source_url, charset = file.filename, None, None
        try:
            loaded = await self.bot.off_loop(read_article, data, name, url=source_url, charset=charset)
        except ArticleFormatError as exc:
            raise UserFacingError(_reason(exc)) from None
        summary, created = await self.bot.off_loop(library.add, loaded, guild_id, url=source_url,
                                                   added_by=interaction.user.id)
        await self._added(interaction, summary.key, created=created)

    async def _added(self, interaction: discord.Interaction, key: str, *, created: bool) -> None:
        note = (f"Added to this server's articles as “{escape(key)}”: ask with `/ask article:{_code(key)}`."
                if created else f"This server already has that article, as “{escape(key)}”.")
        await self._card(interaction, key, note=note)

    # -- list -------------------------------------------------------------------------------------
    @article.command(name="list")
    @app_commands.describe(page="Which page of the list (10 articles a page)")
    async def list_(self, interaction: discord.Interaction, page: app_commands.Range[int, 1, 100000] = 1) -> None:
        """The articles this server can ask about, 10 a page."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        entries, total = await self.bot.off_loop(self.bot.library.listing, interaction.guild_id,
                                                 (page - 1) * PAGE_SIZE, PAGE_SIZE)
        pages = max(1, math.ceil(total / PAGE_SIZE))
        if not entries:
            text = f"There is no page {page}: the list has {pages} page{'s' * (pages != 1)}."
        else:
            lines = [f"`{_code(e.key)}` — {escape(e.title)}" + (" (everyone's)" if e.configured else "")
                     for e in entries]
            text = "\n".join([f"**Articles** (page {page} of {pages}, {total} in all)", *lines])
            if page < pages:
                text += f"\nNext: `/article list page:{page + 1}`"
        await interaction.followup.send(text[:2000], ephemeral=True, allowed_mentions=discord.AllowedMentions.none())

    # -- remove -----------------------------------------------------------------------------------
    @article.command(name="remove")
    @app_commands.describe(article="The article to remove from this server")
    async def remove(self, interaction: discord.Interaction, article: str) -> None:
        """Remove an article from this server's articles (Manage Server, or the role the settings name)."""
        library, guild_id = self.bot.library, interaction.guild_id
        if guild_id is None:
            raise UserFacingError("Articles can only be removed in a server.")
        role = self.bot.settings.discord.remove_role
        roles = {r.name for r in getattr(interaction.user, "roles", ())}
        if not (interaction.permissions.manage_guild or (role and role in roles)):
            who = f"the Manage Server permission or the “{escape(role)}” role" if role else "the Manage Server permission"
            raise UserFacingError(f"Only members with {who} can remove articles.")
        if article in library.answerers:
            raise UserFacingError(f"“{escape(article)}” comes from the bot's settings; it can't be removed here.")
        await interaction.response.defer(ephemeral=True, thinking=True)
        removed = await self.bot.off_loop(library.remove, article, guild_id)
        if removed:
            text = f"Removed “{escape(article)}” from this server's articles."
        elif await self.bot.off_loop(library.has, article, None):
            text = f"“{escape(article)}” is shared with every server; its owner can remove it with the CLI."
        else:
            text = f"This server has no article called “{escape(article)}”."
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none())

    @show.autocomplete("article")
    @remove.autocomplete("article")
    async def article_choices(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        guild_id = interaction.guild_id
        return await self.bot.get_cog("ArticleCommands")._choices(  # type: ignore[union-attr]
            interaction, lambda: article_choices(self.bot, guild_id, current))
