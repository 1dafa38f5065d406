"""Chat: mention the bot with a question and it replies; reply to one of its answers to follow up.

A follow-up ("what else did he say?") is answered in the context of the answer it replies to, found by
message id in the bot's ``AnswerMemory``. Other bots' messages (and the bot's own) are ignored.

A mention with a link and a question answers about that page at once (read, not kept: ``/article add``
keeps it); a link the server has already added is answered from the library, with no fetch.
"""
from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

import discord
from discord.ext import commands

from retrieval.errors import ArticleFormatError

from .fetch import FetchError
from .user_errors import SORRY

if TYPE_CHECKING:
    from .answer_memory import Shown
    from .discord_app import ArticleBot

log = logging.getLogger(__name__)

SLOW_DOWN = "You're asking quickly: please wait {seconds:.0f} seconds before your next question."
# A link in the message; Discord users write <https://...> to suppress the preview.
LINK = re.compile(r"<?(https?://[^\s<>]+)>?", re.I)


def question_text(content: str, bot_id: int) -> str:
    """The message without the bot's mention(s)."""
    return re.sub(rf"<@!?{bot_id}>", " ", content).strip()


class Chat(commands.Cog):
    def __init__(self, bot: ArticleBot) -> None:
        self.bot = bot
        self._warned: set[int] = set()  # users told about their cooldown in this window

    def _replied_to_bot(self, message: discord.Message) -> tuple[bool, Shown | None]:
        ref = message.reference
        if ref is None or ref.message_id is None:
            return False, None
        shown = self.bot.memory.recall(ref.message_id)
        resolved = ref.resolved
        to_bot = shown is not None or (isinstance(resolved, discord.Message) and resolved.author.id == self.bot.user.id)
        return to_bot, shown

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        me = self.bot.user
        if me is None or message.author.bot or message.webhook_id is not None:
            return
        is_reply, shown = self._replied_to_bot(message)
        in_dm = message.guild is None
        mentioned = any(user.id == me.id for user in message.mentions) or me.id in message.raw_mentions
        if not (is_reply or in_dm or mentioned):
            return
        question = question_text(message.content, me.id)
        if is_reply and not mentioned and not question:
            return  # a reply with its @ switched off carries no content without the privileged intent
        retry_after = self.bot.cooldowns.hit(message.author.id)
        if retry_after is not None:
            if message.author.id not in self._warned:  # say it once per window, not to every message
                self._warned.add(message.author.id)
                await self._send(message, [{"content": SLOW_DOWN.format(seconds=retry_after)}])
            return
        self._warned.discard(message.author.id)
        guild_id = message.guild.id if message.guild else None
        requested = shown.article if shown else None
        link = LINK.search(question) if shown is None else None
        try:  # off the event loop, like the slash commands: other members' interactions never wait on it
            if link:
                try:
                    requested = await self.bot.page_key(link.group(1), guild_id)
                except FetchError as exc:
                    await self._send(message, [{"content": str(exc)}])
                    return
                except ArticleFormatError as exc:
                    await self._send(message, [{"content": exc.reason.rstrip(".") + "."}])
                    return
                question = (question[:link.start()] + " " + question[link.end():]).strip()
            if link and not question:  # only a link: what the page is
                reply = await self.bot.off_loop(self.bot.card, guild_id, requested,
                                                embeds_allowed=self._embeds_allowed(message))
            else:
                reply = await self.bot.answer(guild_id, requested, question,
                                              follow_up=shown.answer if shown else None,
                                              embeds_allowed=self._embeds_allowed(message))
        except Exception:
            log.exception("answering message %s failed", message.id)
            await self._send(message, [{"content": SORRY}])
            return
        for sent in await self._send(message, reply.messages):
            if reply.answer is not None:
                self.bot.memory.remember(sent.id, reply.key, reply.answer)

    def _embeds_allowed(self, message: discord.Message) -> bool:
        if message.guild is None:
            return True
        channel = message.channel
        return channel.permissions_for(message.guild.me).embed_links  # type: ignore[union-attr,arg-type]

    async def _send(self, message: discord.Message, parts: list[dict]) -> list[discord.Message]:
        """The first part as a reply to the question, the rest after it; nobody is pinged."""
        sent: list[discord.Message] = []
        try:
            for n, kwargs in enumerate(parts):
                if n == 0:
                    sent.append(await message.reply(**kwargs))  # the client default pings nobody, author included
                else:
                    sent.append(await message.channel.send(**kwargs))
        except discord.Forbidden:
            log.warning("no permission to reply in channel %s", message.channel.id)
        except discord.HTTPException:
            log.exception("replying to message %s failed", message.id)
        return sent
