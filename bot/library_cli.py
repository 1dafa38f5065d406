"""The library commands of the CLI: ``articlebot add``, ``list`` and ``remove``, on the same database the bot
uses (``--data PATH``, ``$ARTICLEBOT_DATA``, ``library.database`` in the settings, or the user's data folder).

Without ``--guild`` an article is kept for every server, like the articles in the settings file.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, Callable, TextIO

from retrieval.errors import ArticleFormatError
from retrieval.load import Loaded, load_file, read_article

from .exit_status import ExitStatus
from .library import Library, database_path
from .settings import Settings
from .store import EVERY_SERVER, Store, StoreError, Summary

FILE_TYPES = (".html", ".htm", ".txt", ".yaml", ".yml")
# How the CLI makes its Fetcher (bot/fetch.py, imported only when a link is read: aiohttp is slow to import);
# the tests put one with their loopback switch here.
fetcher_factory: Callable[[], Any] | None = None


def is_link(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def fetch_article(url: str) -> Loaded:
    """A page read from the web; ArticleFormatError naming the link when it can't be fetched or read."""
    from .fetch import Fetcher, FetchError

    async def get():
        fetcher = (fetcher_factory or Fetcher)()
        try:
            return await fetcher.fetch(url)
        finally:
            await fetcher.close()

    import asyncio  # here: `articlebot ask` starts 30 ms sooner without it

    try:
        page = asyncio.run(get())
    except FetchError as exc:
        raise ArticleFormatError(url, None, str(exc)) from exc
    return read_article(page.data, page.url, url=page.url, charset=page.charset)


def add_library_commands(sub: argparse._SubParsersAction) -> None:
    guild_help = "the server (guild) id; without it, every server sees the article"
    add = sub.add_parser("add", help="keep articles (links, files or folders of them) for the bot to answer about",
                         description="Read each URL, file or folder (every .html, .htm, .txt and .yaml file in it) "
                                     "and keep the articles in the library database. A URL or canonical URL "
                                     "already kept is not added twice.")
    add.add_argument("sources", nargs="+", metavar="URL|FILE", help="a link, an article file, or a folder")
    add.add_argument("--guild", type=int, metavar="ID", help=guild_help)
    add.set_defaults(handler=cmd_add)
    show = sub.add_parser("list", help="list the articles kept in the library",
                          description="List the kept articles of one server (--guild) or of every server.")
    show.add_argument("--guild", type=int, metavar="ID", help=guild_help)
    show.add_argument("--json", action="store_true", help="print a JSON list")
    show.set_defaults(handler=cmd_list)
    remove = sub.add_parser("remove", help="remove a kept article by its key",
                            description="Remove one kept article (the key that `articlebot list` shows).")
    remove.add_argument("key", metavar="KEY", help="the article's key")
    remove.add_argument("--guild", type=int, metavar="ID", help=guild_help)
    remove.set_defaults(handler=cmd_remove)


def open_library(settings: Settings, args: argparse.Namespace) -> Library:
    return Library.from_settings(settings, Store(database_path(settings, getattr(args, "data", None))))


def _sources(items: list[str]) -> list[str]:
    found: list[str] = []
    for item in items:
        path = Path(item)
        if not is_link(item) and path.is_dir():
            found += sorted(str(p) for p in path.iterdir() if p.is_file() and p.suffix.lower() in FILE_TYPES)
        else:
            found.append(item)
    return found


def _describe(s: Summary) -> str:
    return f"{s.title} ({s.paragraphs} paragraph{'s' * (s.paragraphs != 1)}, {s.comments} comment" \
           f"{'s' * (s.comments != 1)})"


def cmd_add(args: argparse.Namespace, settings: Settings, out: TextIO, err: TextIO) -> int:
    try:
        library = open_library(settings, args)
    except (StoreError, ArticleFormatError) as exc:
        err.write(f"articlebot: error: {exc}\n")
        return ExitStatus.ERROR if isinstance(exc, StoreError) else ExitStatus.BAD_ARTICLE
    status = ExitStatus.OK
    guild = args.guild or EVERY_SERVER
    for source in _sources(args.sources):
        try:
            if is_link(source):
                known = library.store.find_url(guild, source)
                if known is not None:
                    out.write(f"already kept as {known.key}: {_describe(known)}\n")
                    continue
                loaded = fetch_article(source)
            else:
                loaded = load_file(source)
        except ArticleFormatError as exc:
            err.write(f"articlebot: error: {exc}\n")
            status = ExitStatus.BAD_ARTICLE
            continue
        summary, created = library.add(loaded, guild, url=loaded.article.source if is_link(source) else None)
        out.write(f"{'added' if created else 'already kept as'} {summary.key}: {_describe(summary)}\n")
    return status


def _open_store(args: argparse.Namespace, settings: Settings, err: TextIO) -> Store | None:
    """The library database the command names (``--data``, else the settings'), or None after one error line."""
    try:
        return Store(database_path(settings, getattr(args, "data", None)))
    except StoreError as exc:
        err.write(f"articlebot: error: {exc}\n")
        return None


def cmd_list(args: argparse.Namespace, settings: Settings, out: TextIO, err: TextIO) -> int:
    store = _open_store(args, settings, err)
    if store is None:
        return ExitStatus.ERROR
    guild = args.guild or EVERY_SERVER
    kept = store.list(guild, 0, store.count(guild))
    if args.json:
        out.write(json.dumps([{"key": s.key, "title": s.title, "published": s.published, "url": s.url,
                               "canonical_url": s.canonical_url, "source": s.source_name,
                               "paragraphs": s.paragraphs, "comments": s.comments, "quoted": list(s.quoted),
                               "guild": s.guild_id or None, "added_at": s.added_at} for s in kept],
                              ensure_ascii=False, indent=2) + "\n")
        return ExitStatus.OK
    if not kept:
        where = f"server {args.guild}" if args.guild else "every server"
        out.write(f"No articles kept for {where}; add some with `articlebot add URL|FILE`.\n")
    for s in kept:
        out.write(f"{s.key}\t{_describe(s)}\t{s.published or 'undated'}\t{s.source_name}\n")
    return ExitStatus.OK


def cmd_remove(args: argparse.Namespace, settings: Settings, out: TextIO, err: TextIO) -> int:
    store = _open_store(args, settings, err)
    if store is None:
        return ExitStatus.ERROR
    guild = args.guild or EVERY_SERVER
    if not store.remove(guild, args.key):
        where = f"server {args.guild}" if args.guild else "every server"
        err.write(f"articlebot: error: no article {args.key!r} kept for {where}; see `articlebot list`\n")
        return ExitStatus.ERROR
    out.write(f"removed {args.key}\n")
    return ExitStatus.OK
