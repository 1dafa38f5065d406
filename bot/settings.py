"""Load and validate the YAML settings: every error names the file, the key and what was expected.

The shipped settings and article are package data (``bot/data/``, listed under
``[tool.setuptools.package-data]`` in pyproject.toml), found next to this module, so ``pip install .``
and a wheel work without the repository. Relative paths in a settings file are relative to its folder.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PACKAGE_DATA = Path(__file__).resolve().parent / "data"
DEFAULT_CONFIG = PACKAGE_DATA / "default.yaml"
CONFIG_ENV = "ARTICLEBOT_CONFIG"


class SettingsError(Exception):
    """A settings file that cannot be used; the message names the file and key."""


@dataclass(frozen=True)
class ArticleSource:
    key: str
    path: Path
    url: str | None


@dataclass(frozen=True)
class DiscordSettings:
    test_guild: int | None = None
    cooldown_rate: int = 5
    cooldown_seconds: float = 30.0
    shards: int | str | None = None
    # Questions about an article with at least this many passages are scored in a worker thread, so
    # the event loop (and the gateway heartbeat) never waits on BM25.
    offload_passages: int = 5000
    # How many of its answers the bot remembers (by message id) to resolve follow-ups in replies.
    remembered_answers: int = 2000
    # Where each server's default article is kept (JSON); None keeps it in memory until restart.
    guild_defaults_file: Path | None = None


@dataclass(frozen=True)
class Settings:
    articles: dict[str, ArticleSource]
    default_article: str
    max_quotes: int
    discord: DiscordSettings
    source: Path

    @property
    def default(self) -> ArticleSource:
        return self.articles[self.default_article]


_TOP = {"default_article", "articles", "answers", "discord"}
_ARTICLE = {"path", "url"}
_ANSWERS = {"max_quotes"}
_DISCORD = {"test_guild", "cooldown_rate", "cooldown_seconds", "shards", "offload_passages", "remembered_answers",
            "guild_defaults_file"}


def _section(data: Any, allowed: set[str], where: str, path: Path) -> dict:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SettingsError(f"{path}: expected {where} to be a mapping of keys to values")
    unknown = sorted(set(map(str, data)) - allowed)
    if unknown:
        raise SettingsError(f"{path}: unknown key {where}.{unknown[0]}; expected one of: {', '.join(sorted(allowed))}")
    return data


def _int(value: Any, where: str, path: Path, minimum: int = 0, allow_none: bool = False) -> int | None:
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise SettingsError(f"{path}: expected {where} to be a whole number >= {minimum}, found {value!r}")
    return value


def config_path(explicit: str | Path | None = None) -> Path:
    return Path(explicit or os.environ.get(CONFIG_ENV) or DEFAULT_CONFIG)


def load_settings(explicit: str | Path | None = None) -> Settings:
    path = config_path(explicit)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SettingsError(f"{path}: no such settings file") from exc
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else "?"
        raise SettingsError(f"{path}:{line}: not valid YAML: {exc.problem}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read the settings file ({exc})") from exc
    for section in (data, (data or {}).get("discord") if isinstance(data, dict) else None):
        if isinstance(section, dict) and any(str(k).lower() == "token" for k in section):
            raise SettingsError(f"{path}: the bot's token never goes in a file; set DISCORD_TOKEN instead")
    top = _section(data, _TOP, "the settings", path)

    raw_articles = _section(top.get("articles"), set(map(str, top.get("articles") or {})), "articles", path)
    if not raw_articles:
        raise SettingsError(f"{path}: expected 'articles' to name at least one article with its 'path'")
    articles: dict[str, ArticleSource] = {}
    for key, entry in raw_articles.items():
        entry = _section(entry, _ARTICLE, f"articles.{key}", path)
        if not isinstance(entry.get("path"), str) or not entry["path"].strip():
            raise SettingsError(f"{path}: expected articles.{key}.path to be the article file's path")
        url = entry.get("url")
        if url is not None and not (isinstance(url, str) and url.startswith(("http://", "https://"))):
            raise SettingsError(f"{path}: expected articles.{key}.url to be an http(s) address or null, found {url!r}")
        articles[str(key)] = ArticleSource(str(key), (path.parent / entry["path"]).resolve(), url)

    default = str(top.get("default_article") or next(iter(articles)))
    if default not in articles:
        raise SettingsError(f"{path}: default_article {default!r} is not one of the articles: {', '.join(articles)}")

    answers = _section(top.get("answers"), _ANSWERS, "answers", path)
    max_quotes = _int(answers.get("max_quotes", 3), "answers.max_quotes", path, minimum=1)

    d = _section(top.get("discord"), _DISCORD, "discord", path)
    shards = d.get("shards")
    if shards is not None and shards != "auto":
        shards = _int(shards, "discord.shards", path, minimum=1)
    rate = _int(d.get("cooldown_rate", 5), "discord.cooldown_rate", path, minimum=1)
    per = d.get("cooldown_seconds", 30)
    if isinstance(per, bool) or not isinstance(per, (int, float)) or per <= 0:
        raise SettingsError(f"{path}: expected discord.cooldown_seconds to be a number of seconds > 0, found {per!r}")
    defaults_file = d.get("guild_defaults_file")
    if defaults_file is not None and not (isinstance(defaults_file, str) and defaults_file.strip()):
        raise SettingsError(f"{path}: expected discord.guild_defaults_file to be a file path or null, "
                            f"found {defaults_file!r}")
    discord = DiscordSettings(
        test_guild=_int(d.get("test_guild"), "discord.test_guild", path, minimum=1, allow_none=True),
        cooldown_rate=rate, cooldown_seconds=float(per), shards=shards,
        offload_passages=_int(d.get("offload_passages", 5000), "discord.offload_passages", path, minimum=0),
        remembered_answers=_int(d.get("remembered_answers", 2000), "discord.remembered_answers", path, minimum=1),
        guild_defaults_file=(path.parent / defaults_file).resolve() if defaults_file else None,
    )
    return Settings(articles, default, max_quotes, discord, path)
