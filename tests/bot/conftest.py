"""Fixtures for the bot's tests: the settings and articles, a fake Discord, and a logged-in bot."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest
import pytest_asyncio

sys.path.insert(0, str(Path(__file__).parent))  # fakediscord, shared with bench/bench_discord.py

from bot.discord_app import create_bot  # noqa: E402
from bot.library import Library  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from fakediscord import GUILD_ID, FakeDiscord, in_guild  # noqa: E402

HERE = Path(__file__).parent
TWO_ARTICLES = HERE / "config-two-articles.yaml"


@pytest.fixture(scope="session")
def one_article():
    """The shipped settings (one article), syncing to a test guild, with a generous cooldown."""
    settings = load_settings(Path(__file__).parents[2] / "bot" / "data" / "default.yaml")
    settings = replace(settings, discord=replace(settings.discord, test_guild=GUILD_ID, cooldown_rate=100))
    return settings, Library.from_settings(settings)


@pytest.fixture(scope="session")
def two_articles():
    settings = load_settings(TWO_ARTICLES)
    return settings, Library.from_settings(settings)


@pytest.fixture
def fake() -> FakeDiscord:
    return FakeDiscord()


@pytest_asyncio.fixture
async def bot(one_article, fake):
    async with in_guild(create_bot(*one_article), fake) as client:
        yield client
    assert fake.unexpected == []


@pytest_asyncio.fixture
async def multi_bot(two_articles, fake):
    async with in_guild(create_bot(*two_articles), fake) as client:
        yield client
    assert fake.unexpected == []
