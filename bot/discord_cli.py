"""The Discord commands of the CLI: ``articlebot run`` starts the bot, ``articlebot sync`` registers its slash
commands. The token comes from the DISCORD_TOKEN environment variable only, and is never printed or logged."""
from __future__ import annotations

import argparse
import logging
import os
from typing import Mapping, TextIO

from .exit_status import ExitStatus
from .settings import Settings

TOKEN_ENV = "DISCORD_TOKEN"
NO_TOKEN = (f"articlebot: error: no bot token: set the {TOKEN_ENV} environment variable to your bot's token "
            f"(Discord developer portal → your application → Bot → Reset Token), e.g. export {TOKEN_ENV}=...\n")

log = logging.getLogger("articlebot")


def add_discord_commands(sub: argparse._SubParsersAction) -> None:
    run = sub.add_parser("run", help="start the Discord bot (token from $DISCORD_TOKEN)",
                         description=f"Connect to Discord and answer slash commands, mentions and replies. The token "
                                     f"comes from the {TOKEN_ENV} environment variable. When the settings name a "
                                     "discord.test_guild, the slash commands are synced to it at start.")
    run.set_defaults(handler=cmd_run)
    sync = sub.add_parser("sync", help="register the slash commands with Discord, globally or in one guild",
                          description="Register (sync) the bot's slash commands. Global commands can take a while to "
                                      "appear in every server; --guild makes them appear in one server at once.")
    sync.add_argument("--guild", type=int, metavar="ID", help="sync to this guild (server) id only, for testing")
    sync.set_defaults(handler=cmd_sync)


def _token(err: TextIO, env: Mapping[str, str] | None = None) -> str | None:
    token = (env if env is not None else os.environ).get(TOKEN_ENV, "").strip()
    if not token:
        err.write(NO_TOKEN)
        return None
    return token


def _build(settings: Settings, **options):
    from .discord_app import create_bot  # discord and the articles load only for these commands
    from .library import Library, database_path
    from .store import Store

    store = Store(database_path(settings, options.pop("data", None)))
    return create_bot(settings, Library.from_settings(settings, store), **options)


def _failed(exc: BaseException, err: TextIO) -> int:
    import discord

    if isinstance(exc, discord.LoginFailure):
        err.write(f"articlebot: error: Discord refused the token in {TOKEN_ENV}; reset it in the developer portal\n")
    elif isinstance(exc, discord.PrivilegedIntentsRequired):
        err.write("articlebot: error: Discord refused an intent the bot asked for; see README.md, 'Intents'\n")
    else:
        err.write(f"articlebot: error: {type(exc).__name__}: {exc}\n")
    return ExitStatus.ERROR


def _prepare(settings: Settings, err: TextIO, **options) -> tuple[str, object] | int:
    """The token and a built bot, or the exit status when either is missing."""
    token = _token(err)
    if token is None:
        return ExitStatus.ERROR
    import discord
    from retrieval.errors import ArticlebotError

    from .store import StoreError

    discord.utils.setup_logging()
    try:
        return token, _build(settings, **options)
    except ArticlebotError as exc:
        err.write(f"articlebot: error: {exc}\n")
        return ExitStatus.BAD_ARTICLE
    except StoreError as exc:
        err.write(f"articlebot: error: {exc}\n")
        return ExitStatus.ERROR


def cmd_run(args: argparse.Namespace, settings: Settings, err: TextIO) -> int:
    prepared = _prepare(settings, err, data=getattr(args, "data", None))
    if isinstance(prepared, int):
        return prepared
    token, bot = prepared
    import asyncio  # here: `articlebot ask` never needs it

    import discord

    async def main() -> None:
        async with bot:
            await bot.start(token)

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        return ExitStatus.OK
    except (discord.DiscordException, OSError) as exc:
        return _failed(exc, err)
    return ExitStatus.OK


def cmd_sync(args: argparse.Namespace, settings: Settings, err: TextIO) -> int:
    prepared = _prepare(settings, err, sync_on_start=False, data=getattr(args, "data", None))
    if isinstance(prepared, int):
        return prepared
    token, bot = prepared
    import asyncio  # here: `articlebot ask` never needs it

    import discord

    async def main() -> int:
        async with bot:
            await bot.login(token)
            synced = await bot.sync_commands(args.guild)
        where = f"guild {args.guild}" if args.guild else "all servers (global commands can take up to an hour to appear)"
        log.info("synced %d commands to %s: %s", len(synced), where, ", ".join(f"/{c.name}" for c in synced))
        return 0

    try:
        return asyncio.run(main())
    except (discord.DiscordException, OSError) as exc:
        return _failed(exc, err)
