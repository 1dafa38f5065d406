"""`articlebot run` / `sync`, the Discord settings, sharding, and the core never loading discord."""
from __future__ import annotations

import io
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from discord.ext import commands

from bot.cli import build_parser, main
from bot.discord_app import ArticleBot, ShardedArticleBot, create_bot, intents
from bot.settings import SettingsError, load_settings

ROOT = Path(__file__).parents[2]


@pytest.mark.parametrize("argv", [["run"], ["sync"], ["sync", "--guild", "123"]])
def test_without_a_token_run_and_sync_exit_with_one_line_saying_how_to_set_it(argv, monkeypatch):
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    err = io.StringIO()
    assert main(argv, stderr=err, stdout=io.StringIO()) == 1
    lines = err.getvalue().splitlines()
    assert len(lines) == 1 and "DISCORD_TOKEN" in lines[0] and lines[0].startswith("articlebot: error:")


def test_a_blank_token_counts_as_missing(monkeypatch):
    monkeypatch.setenv("DISCORD_TOKEN", "   ")
    err = io.StringIO()
    assert main(["run"], stderr=err) == 1 and "DISCORD_TOKEN" in err.getvalue()


def test_run_and_sync_have_help():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name in ("run", "sync"):
        assert sub.choices[name].description
    assert parser.parse_args(["sync", "--guild", "42"]).guild == 42


def test_the_shipped_settings_load_with_the_discord_keys():
    d = load_settings(ROOT / "bot" / "data" / "default.yaml").discord
    assert (d.remembered_answers, d.guild_defaults_file, d.shards) == (2000, None, None)


@pytest.mark.parametrize("snippet, message", [
    ("offload_passages: 5000", "unknown key discord.offload_passages"),  # every article is scored off the loop
    ("remembered_answers: 0", "discord.remembered_answers"),
    ("guild_defaults_file: 3", "discord.guild_defaults_file"),
    ("token: abc", "DISCORD_TOKEN"),
    ("prefix: '!'", "unknown key discord.prefix"),
])
def test_bad_discord_settings_name_the_key(tmp_path, snippet, message):
    path = tmp_path / "s.yaml"
    path.write_text(f"articles:\n  a:\n    path: {ROOT / 'bot/data/articles/iran-pakistan-defense-ties.txt'}\n"
                    f"discord:\n  {snippet}\n")
    with pytest.raises(SettingsError, match=message):
        load_settings(path)


def test_guild_defaults_file_is_relative_to_the_settings(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(f"articles:\n  a:\n    path: {ROOT / 'bot/data/articles/iran-pakistan-defense-ties.txt'}\n"
                    "discord:\n  guild_defaults_file: state/defaults.json\n")
    assert load_settings(path).discord.guild_defaults_file == tmp_path / "state" / "defaults.json"


def test_the_server_defaults_survive_a_restart_in_the_database_and_an_old_json_file_is_read_once(tmp_path):
    from bot.guild_defaults import GuildDefaults
    from bot.store import Store

    legacy = tmp_path / "defaults.json"
    legacy.write_text('{"42": "harbour", "43": "iran-pakistan"}')
    store = Store(tmp_path / "library.sqlite3")
    store.set_default(43, "council")  # set in Discord since: the database wins over the old file
    defaults = GuildDefaults(store, legacy)
    assert (defaults.get(42), defaults.get(43), defaults.get(7)) == ("harbour", "council", None)
    assert not legacy.exists() and (tmp_path / "defaults.json.imported").exists()
    defaults.set(42, "port")
    store.close()
    again = GuildDefaults(Store(tmp_path / "library.sqlite3"), legacy)
    assert (again.get(42), again.get(43)) == ("port", "council")
    broken = tmp_path / "broken.json"
    broken.write_text("not json")
    assert GuildDefaults(None, broken).get(42) is None  # a broken file is logged, not fatal
    assert broken.exists()


def test_sharding_is_discord_py_autoshardedbot(one_article):
    settings, library = one_article
    plain = create_bot(settings, library)
    assert type(plain) is ArticleBot and not isinstance(plain, commands.AutoShardedBot)
    for shards, count in ((2, 2), ("auto", None)):
        bot = create_bot(replace(settings, discord=replace(settings.discord, shards=shards)), library)
        assert isinstance(bot, ShardedArticleBot) and isinstance(bot, commands.AutoShardedBot)
        assert bot.shard_count == count


def test_no_privileged_intents_and_nobody_is_pinged(one_article):
    wanted = intents()
    assert not (wanted.message_content or wanted.members or wanted.presences)
    assert wanted.guilds and wanted.guild_messages and wanted.dm_messages
    bot = create_bot(*one_article)
    assert bot.allowed_mentions.to_dict() == {"parse": []}


def test_importing_the_core_never_loads_discord():
    code = ("import sys, retrieval.answerer, retrieval.load, retrieval.question, retrieval.index; "
            "from retrieval.load import load_article; from retrieval.answerer import Answerer; "
            "Answerer(load_article('bot/data/articles/iran-pakistan-defense-ties.txt')).ask('Who is Raj?'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('discord', 'aiohttp', 'bot')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_sync_to_a_guild_logs_in_and_registers_the_commands_never_showing_the_token(monkeypatch, capfd, caplog):
    import logging

    from fakediscord import BOT_ID, FakeDiscord

    secret = "MTIz.secret-token-value.xyz"
    monkeypatch.setenv("DISCORD_TOKEN", secret)
    fake = FakeDiscord(token=secret).install()
    root_handlers = list(logging.getLogger().handlers)
    try:
        with caplog.at_level(logging.DEBUG):
            assert main(["sync", "--guild", "42"]) == 0
    finally:
        fake.uninstall()
        logging.getLogger().handlers[:] = root_handlers  # setup_logging added one
    assert [(r.method, r.path) for r in fake.requests][-1] == ("PUT", f"/applications/{BOT_ID}/guilds/42/commands")
    assert len(fake.requests[-1].json) == 5
    out, err = capfd.readouterr()
    assert secret not in out + err + caplog.text
    assert "synced 5 commands to guild 42" in caplog.text


@pytest.mark.parametrize("argv", [["sync"], ["run"]])
def test_a_token_discord_refuses_at_login_gets_the_bad_token_line_and_is_never_shown(argv, monkeypatch, capfd,
                                                                                     caplog):
    import logging

    from fakediscord import FakeDiscord

    secret = "MTIz.revoked-token-value.xyz"
    monkeypatch.setenv("DISCORD_TOKEN", secret)
    fake = FakeDiscord(token="the-current-token").install()  # Discord answers 401 to any other token
    root_handlers = list(logging.getLogger().handlers)
    try:
        with caplog.at_level(logging.DEBUG):
            status = main(argv)
    finally:
        fake.uninstall()
        logging.getLogger().handlers[:] = root_handlers
    assert status == 1
    assert [(r.method, r.path) for r in fake.requests] == [("GET", "/users/@me")]  # refused at login, nothing after
    assert [e.status for _, e in fake.refused] == [401]
    out, err = capfd.readouterr()
    assert err.splitlines()[-1] == ("articlebot: error: Discord refused the token in DISCORD_TOKEN; "
                                    "reset it in the developer portal")
    assert secret not in out + err + caplog.text
