"""``article: all`` in Discord and ``ask --all`` in the CLI: answers across the library, each quote naming its
article, driven through the real command tree and the real CLI."""
from __future__ import annotations

import io
import json

import pytest
import pytest_asyncio
from fakediscord import FakeDiscord, feed_interaction, in_guild, settle

from bot.cli import ExitStatus, main
from bot.discord_app import create_bot
from bot.library import Library
from bot.settings import load_settings
from tests.bot.conftest import HERE

LIBRARY = HERE / "config-library.yaml"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdin=io.StringIO(""), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_cli_ask_all_names_each_quote_s_article():
    status, out, err = run("--config", str(LIBRARY), "ask", "--all", "--json", "Who called the plan a betrayal?")
    assert status == ExitStatus.OK, err
    data = json.loads(out)
    assert data["speaker"] == "Ahmed Shaikh" and data["kind"] == "who_said"
    first = data["passages"][0]
    assert (first["citation"], first["article"]["key"], first["article"]["published"]) == ("¶3", "port-auto", "2024-05-10")
    assert "“Port trust chairman defends automation plan” (May 10, 2024) · ¶3 · Ahmed Shaikh" in data["answer"]
    status, out, _ = run("--config", str(LIBRARY), "ask", "--all", "Which articles quote Rashid Memon?")
    assert status == ExitStatus.OK and out.startswith("3 articles quote Rashid Memon, newest first")
    assert "Across the library · quotes from 3 articles" in out


def test_cli_all_and_article_together_is_a_usage_error():
    status, out, err = run("--config", str(LIBRARY), "ask", "--all", "--article", "port-2018", "Who?")
    assert status == ExitStatus.USAGE and out == "" and "--all" in err


@pytest_asyncio.fixture
async def library_bot():
    settings = load_settings(LIBRARY)
    fake = FakeDiscord()
    async with in_guild(create_bot(settings, Library.from_settings(settings)), fake) as client:
        yield client, fake
    assert fake.unexpected == []


def followups(fake: FakeDiscord):
    return [r.json for r in fake.requests if r.method == "POST" and r.path.startswith("/webhooks/")]


async def command(bot, fake, name, **options):
    fake.clear()
    feed_interaction(bot, name, options)
    await settle()
    return followups(fake)


@pytest.mark.asyncio
async def test_ask_with_article_all_answers_from_the_whole_library(library_bot):
    bot, fake = library_bot
    (fu,) = await command(bot, fake, "ask", question="Who said the cranes are moving?", article="all")
    embed = fu["embeds"][0]
    assert embed["description"].startswith("Rashid Memon, chairman of the Karachi Port Trust, said it (¶5 of "
                                           "“Karachi dock workers return as port strike ends”)")
    names = [f["name"] for f in embed["fields"]]
    assert names[0] == "“Karachi dock workers return as port strike ends” (March 2, 2024) · ¶5 · Rashid Memon"
    assert "https://news.example.org/2024/03/karachi-port-strike-ends#:~:text=" in embed["fields"][0]["value"]
    assert embed["footer"]["text"].startswith("Across the library")
    (fu,) = await command(bot, fake, "quotes", speaker="Ahmed Shaikh", article="all")
    names = [f["name"] for f in fu["embeds"][0]["fields"]]
    assert names[0].startswith("“Port trust chairman defends automation plan”")  # newest article first


@pytest.mark.asyncio
async def test_who_alone_lists_the_library_s_people_with_article_counts(library_bot):
    bot, fake = library_bot
    (fu,) = await command(bot, fake, "who", article="all")
    lead = fu["embeds"][0]["description"]
    assert lead.startswith("Quoted across 4 articles: Ahmed Shaikh (3 articles), Rashid Memon (3 articles)")
    (fu,) = await command(bot, fake, "who", article="council")  # one article: who it quotes
    assert "Lina Park" in fu["embeds"][0]["description"]


@pytest.mark.asyncio
async def test_the_article_option_offers_all(library_bot):
    bot, fake = library_bot
    fake.clear()
    feed_interaction(bot, "ask", {"question": "", "article": ""}, focused="article")
    await settle()
    choices = fake.requests[-1].json["data"]["choices"]
    assert choices[0] == {"name": "All articles in this server's library", "value": "all"}
    assert {"name": "Council approves new bus lanes (council)", "value": "council"} in choices


def test_cli_ask_all_includes_kept_articles_and_keeps_its_index_beside_the_database(tmp_path):
    # ARTICLEBOT_DATA points into tmp_path (tests/conftest.py): the kept articles' database lives there.
    from tests.conftest import DATA

    assert run("add", str(DATA / "library" / "port-automation.yaml"))[0] == ExitStatus.OK
    status, out, err = run("ask", "--all", "--json", "Who called the plan a betrayal?")
    assert status == ExitStatus.OK, err
    first = json.loads(out)["passages"][0]
    assert (first["article"]["key"], first["citation"]) == ("port-trust-chairman-defends-automation-plan", "¶3")
    assert (tmp_path / "library.sqlite3.index" / "0" / "meta.json").exists()
    assert run("remove", "port-trust-chairman-defends-automation-plan")[0] == ExitStatus.OK
    status, out, _ = run("ask", "--all", "--json", "Who called the plan a betrayal?")
    assert json.loads(out)["no_answer"]  # gone from the library, so from the index too
