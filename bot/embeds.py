"""A ``RenderedAnswer`` as Discord embeds, each within Discord's limits.

One embed per message: the speaker (and role) as the title, the lead as the description, each quote as a
field named by its citation, and the article's title, date and link in the footer. A long answer goes
on in further embeds, cut between quotes and never inside one.
"""
from __future__ import annotations

import discord

from .escape import link_target
from .render import QuoteBlock, RenderedAnswer, shorten, to_messages

TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FIELD_COUNT_LIMIT = 25
FOOTER_LIMIT = 2048
EMBED_TOTAL_LIMIT = 6000  # title + description + field names and values + footer + author, per message

ANSWER_COLOUR = discord.Colour(0x3B82F6)
NO_ANSWER_COLOUR = discord.Colour(0x9CA3AF)


def field_value(block: QuoteBlock) -> str:
    """The quote's words, then a link to them on the article's page when its URL is known."""
    link = f"\n[↗ read it in the article]({block.link})" if block.link else ""
    return shorten(block.body, FIELD_VALUE_LIMIT - len(link)) + link


def footer_text(r: RenderedAnswer) -> str:
    return shorten(r.footer + (f" · {r.url}" if r.url else ""), FOOTER_LIMIT)


def to_embeds(r: RenderedAnswer) -> list[discord.Embed]:
    """The answer as one embed, or several when it is too long for one (send one per message)."""
    colour = NO_ANSWER_COLOUR if r.no_answer else ANSWER_COLOUR
    footer = footer_text(r)
    first = discord.Embed(colour=colour, description=shorten(r.lead, DESCRIPTION_LIMIT) or None)
    if r.title:
        first.title = shorten(r.title, TITLE_LIMIT)
        first.url = link_target(r.url) if r.url else None  # Discord refuses the message for an ill-formed URL
    embeds = [first]
    for block in r.quotes:
        name, value = shorten(block.heading, FIELD_NAME_LIMIT), field_value(block)
        current = embeds[-1]
        if (len(current.fields) >= FIELD_COUNT_LIMIT
                or len(current) + len(name) + len(value) + len(footer) > EMBED_TOTAL_LIMIT):
            current = discord.Embed(colour=colour)
            embeds.append(current)
        current.add_field(name=name, value=value, inline=False)
    embeds[-1].set_footer(text=footer)
    return embeds


def messages(r: RenderedAnswer, *, embeds_allowed: bool) -> list[dict]:
    """The keyword arguments of each message to send: an embed each, or plain text when embeds are not
    allowed in the channel (no Embed Links permission)."""
    if embeds_allowed:
        return [{"embed": e} for e in to_embeds(r)]
    return [{"content": text} for text in to_messages(r)]
