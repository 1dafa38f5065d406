"""Load and validate the YAML settings: every error names the file, the key and what was expected.

The shipped settings and article are package data (``bot/data/``, listed under
``[tool.setuptools.package-data]`` in pyproject.toml), found next to this module, so ``pip install .``
and a wheel work without the repository. Relative paths in a settings file are relative to its folder.
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from retrieval import yaml_read

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
    # How many of its answers the bot remembers (by message id) to resolve follow-ups in replies.
    remembered_answers: int = 2000
    # A JSON file of each server's default article from before the database; read once into it.
    guild_defaults_file: Path | None = None
    # Members with this role (by name) may /article remove, besides those with Manage Server.
    remove_role: str | None = None


@dataclass(frozen=True)
class Settings:
    articles: dict[str, ArticleSource]
    default_article: str
    max_quotes: int
    discord: DiscordSettings
    source: Path
    # Every section's checked values by key (see KEYS), for keys that have no typed field.
    values: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @property
    def default(self) -> ArticleSource:
        return self.articles[self.default_article]


@dataclass(frozen=True)
class Rule:
    """One settings key: what its value must be (said in the error), the check, and the default."""

    expected: str
    check: Callable[[Any], bool]
    default: Any = None
    # Turns the checked value into what the code uses; gets the settings file's folder for relative paths.
    convert: Callable[[Any, Path], Any] = lambda value, folder: value


def whole(minimum: int) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= minimum


def optional(check: Callable[[Any], bool]) -> Callable[[Any], bool]:
    return lambda v: v is None or check(v)


def text(v: Any) -> bool:
    return isinstance(v, str) and bool(v.strip())


def seconds(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and v > 0


def http_url(v: Any) -> bool:
    return isinstance(v, str) and v.startswith(("http://", "https://")) and not any(c.isspace() or ord(c) < 32
                                                                                  for c in v)


def _relative_path(value: Any, folder: Path) -> Path | None:
    return (folder / value).resolve() if value is not None else None


# Every key of the settings file, section by section (top-level keys under ""). A key added here is
# validated, defaulted, named in the unknown-key error and readable as ``settings.values[section][key]``
# with no other code; give it a typed field where the code deserves one.
KEYS: dict[str, dict[str, Rule]] = {
    "": {
        "default_article": Rule("the key of one of the articles, or null",
                                optional(lambda v: text(v) or whole(0)(v))),
    },
    "answers": {
        "max_quotes": Rule("a whole number >= 1", whole(1), 3),
    },
    "discord": {
        "test_guild": Rule("a server id (a whole number) or null", optional(whole(1))),
        "cooldown_rate": Rule("a whole number >= 1", whole(1), 5),
        "cooldown_seconds": Rule("a number of seconds > 0", seconds, 30.0, lambda v, folder: float(v)),
        "shards": Rule("null, a whole number >= 1 or auto", optional(lambda v: v == "auto" or whole(1)(v))),
        "remembered_answers": Rule("a whole number >= 1", whole(1), 2000),
        "guild_defaults_file": Rule("a file path or null", optional(text), None, _relative_path),
        "remove_role": Rule("a role name or null", optional(text)),
    },
    # The articles added from Discord or the CLI (bot/store.py, bot/library.py).
    "library": {
        "database": Rule("a file path or null (the user's data folder)", optional(text), None, _relative_path),
        "cache_size": Rule("a whole number >= 1", whole(1), 64),
    },
}
# Each entry under ``articles:``.
ARTICLE_KEYS: dict[str, Rule] = {
    "path": Rule("the article file's path", text),
    "url": Rule("an http(s) address or null", optional(http_url)),
}
MAX_SETTINGS_BYTES = 1_000_000  # a settings file is a few KB; never read /dev/zero to the end


def describe(value: Any) -> str:
    """A value as the error shows it: short, and never the repr of a whole (possibly enormous) structure."""
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    if isinstance(value, (int, float)):
        return str(value)[:40]
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:40] + "…")
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__}"


def _section(data: Any, allowed: Iterable[str], where: str, path: Path) -> dict:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SettingsError(f"{path}: expected {where} to be a mapping of keys to values, found {describe(data)}")
    allowed = set(allowed)
    unknown = sorted(k for k in map(str, data) if k not in allowed)
    if unknown:
        raise SettingsError(f"{path}: unknown key {where}.{unknown[0]}; expected one of: {', '.join(sorted(allowed))}")
    return {str(k): v for k, v in data.items()}


def _values(data: Any, rules: dict[str, Rule], where: str, path: Path) -> dict[str, Any]:
    """The section's values, checked against its rules, with defaults for the keys it leaves out."""
    raw = _section(data, rules, where, path)
    values = {}
    for key, rule in rules.items():
        value = raw.get(key, rule.default)
        if not rule.check(value):
            name = f"{where}.{key}" if where != "the settings" else key
            raise SettingsError(f"{path}: expected {name} to be {rule.expected}, found {describe(value)}")
        values[key] = rule.convert(value, path.parent)
    return values


def config_path(explicit: str | Path | None = None) -> Path:
    return Path(explicit or os.environ.get(CONFIG_ENV) or DEFAULT_CONFIG)


def _read(path: Path) -> str:
    try:
        with path.open("rb") as f:
            data = f.read(MAX_SETTINGS_BYTES + 1)
    except FileNotFoundError as exc:
        raise SettingsError(f"{path}: no such settings file") from exc
    except IsADirectoryError as exc:
        raise SettingsError(f"{path}: this is a folder; expected a settings file") from exc
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read the settings file ({exc.strerror or exc})") from exc
    if len(data) > MAX_SETTINGS_BYTES:
        raise SettingsError(f"{path}: larger than {MAX_SETTINGS_BYTES:,} bytes; expected a settings file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SettingsError(f"{path}:{line}: not UTF-8 text; save the settings file as UTF-8") from exc


def load_settings(explicit: str | Path | None = None) -> Settings:
    path = config_path(explicit)
    try:
        data = yaml_read.load(_read(path))
    except yaml_read.YamlError as exc:
        where = f"{path}:{exc.line}" if exc.line is not None else str(path)
        raise SettingsError(f"{where}: {exc.reason}") from exc
    for section in (data, data.get("discord") if isinstance(data, dict) else None):
        if isinstance(section, dict) and any(str(k).lower() == "token" for k in section):
            raise SettingsError(f"{path}: the bot's token never goes in a file; set DISCORD_TOKEN instead")
    top = _section(data, [*KEYS[""], "articles", *(name for name in KEYS if name)], "the settings", path)

    raw_articles = top.get("articles")
    if not isinstance(raw_articles, dict) or not raw_articles:
        raise SettingsError(f"{path}: expected 'articles' to name at least one article with its 'path', "
                            f"found {describe(raw_articles)}")
    articles: dict[str, ArticleSource] = {}
    for key, entry in raw_articles.items():
        fields = _values(entry, ARTICLE_KEYS, f"articles.{key}", path)
        articles[str(key)] = ArticleSource(str(key), (path.parent / fields["path"]).resolve(), fields["url"])

    values = {name: _values(top.get(name), rules, name, path) for name, rules in KEYS.items() if name}
    values[""] = _values({k: v for k, v in top.items() if k in KEYS[""]}, KEYS[""], "the settings", path)
    default = str(values[""]["default_article"] if values[""]["default_article"] is not None else next(iter(articles)))
    if default not in articles:
        raise SettingsError(f"{path}: default_article {describe(default)} is not one of the articles: {', '.join(articles)}")
    return Settings(articles, default, values["answers"]["max_quotes"], DiscordSettings(**values["discord"]), path,
                    values)
