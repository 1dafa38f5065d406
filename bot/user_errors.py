"""What the bot tells a member when an answer can't be given: the errors they can fix, and the apology.

Shared by the bot (``discord_app``, whose command tree reports errors), the slash commands and chat; a
module of its own so that those import it, and not one another.
"""
from __future__ import annotations

import logging

import discord
from discord import app_commands

log = logging.getLogger(__name__)

SORRY = "Sorry, something went wrong while answering that. It has been logged; please try again later."


class UserFacingError(app_commands.AppCommandError):
    """A problem the user can fix (an unknown article, no permission): the message is shown to them, privately."""


async def tell_privately(interaction: discord.Interaction, text: str) -> None:
    """A short message only the user sees, however far the interaction had got; never leaves it unanswered."""
    try:
        if not interaction.response.is_done():
            await interaction.response.send_message(text, ephemeral=True)
            return
        if (interaction.response.type is discord.InteractionResponseType.deferred_channel_message
                and not interaction.extras.get("private")):
            # A public "thinking…" message would show the error to everyone: take it away first.
            try:
                await interaction.delete_original_response()
            except discord.HTTPException:
                pass
        await interaction.followup.send(text, ephemeral=True)
    except discord.HTTPException:
        log.exception("could not tell the user about an error (interaction %s)", interaction.id)
