"""/article add|list|remove and links in mentions, end to end: discord.py with Discord's servers faked at the
HTTP edge, pages served by a local aiohttp server on 127.0.0.1, articles kept in a real SQLite file."""
from __future__ import annotations

from pathlib import Path

import pytest
import pytest_asyncio
from aiohttp import web
from discord.http import HTTPClient
from fakediscord import (BOT_ID, BOT_USER, GUILD_ID, FakeDiscord, P, feed_interaction, feed_message, in_guild,
                         logged_in, settle)

from bot.discord_app import create_bot
from bot.fetch import Fetcher
from bot.library import Library
from bot.store import Store

pytestmark = pytest.mark.asyncio
PAGES = Path(__file__).parents[1] / "retrieval" / "pages"
HARBOUR = (PAGES / "wordpress-harbour.html").read_bytes()
TRANSIT = (PAGES / "arc-transit.html").read_bytes()
HARBOUR_KEY = "harbour-dredging-plan-approved-after-long-delay"
OTHER_GUILD = GUILD_ID + 1


@pytest_asyncio.fixture
async def site():
    """A news site on 127.0.0.1; ``hits`` counts the fetches of each path."""
    hits: dict[str, int] = {}

    async def serve(request: web.Request) -> web.Response:
        hits[request.path] = hits.get(request.path, 0) + 1
        body = {"/harbour": HARBOUR, "/harbour-amp": HARBOUR, "/transit": TRANSIT,
                "/signin": (PAGES / "no-article.html").read_bytes()}.get(request.path)
        if body is None:
            raise web.HTTPNotFound()
        return web.Response(body=body, content_type="text/html", charset="utf-8")

    async def to_metadata(request: web.Request) -> web.Response:
        raise web.HTTPFound("http://169.254.169.254/latest/meta-data/")

    app = web.Application()
    app.add_routes([web.get("/metadata", to_metadata), web.get("/{page}", serve)])
    runner = web.AppRunner(app)
    await runner.setup()
    server = web.TCPSite(runner, "127.0.0.1", 0)
    await server.start()
    port = server._server.sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}", port, hits
    await runner.cleanup()


def make_bot(one_article, db: Path, port: int):
    settings, shipped = one_article
    library = Library(shipped.answerers, shipped.default, Store(db), cache_size=4)
    return create_bot(settings, library, fetcher=Fetcher(testing_loopback_port=port))


@pytest_asyncio.fixture
async def lib_bot(one_article, site, tmp_path):
    fake = FakeDiscord()
    async with in_guild(make_bot(one_article, tmp_path / "library.sqlite3", site[1]), fake) as client:
        yield client, fake
    assert fake.unexpected == []


def callbacks(fake: FakeDiscord):
    return [r.json for r in fake.sent("POST", "/callback")]


def followups(fake: FakeDiscord):
    return [r.json for r in fake.requests if r.method == "POST" and r.path.startswith("/webhooks/")]


async def run(bot, fake, command: str, **kw):
    fake.clear()
    feed_interaction(bot, command, **kw)
    await settle()
    return callbacks(fake), followups(fake)


async def test_with_a_library_the_commands_offer_an_article_option(one_article, site, tmp_path):
    fake = FakeDiscord()
    async with logged_in(make_bot(one_article, tmp_path / "db.sqlite3", site[1]), fake):
        pass
    schema = {c["name"]: c for c in fake.requests[-1].json}
    group = {o["name"]: o for o in schema["article"]["options"]}
    for options in (schema["ask"]["options"], group["show"]["options"], group["remove"]["options"]):
        assert [o for o in options if o["name"] == "article"][0]["autocomplete"] is True
    assert [o["name"] for o in group["list"]["options"]] == ["page"]


async def test_add_a_link_defers_at_once_then_shows_what_was_read(lib_bot, site):
    bot, fake = lib_bot
    base, _, hits = site
    cbs, fus = await run(bot, fake, "article add", options={"url": f"{base}/harbour"})
    assert cbs == [{"type": 5}]  # deferred before fetching
    card = fus[0]["embeds"][0]
    assert card["title"] == "Harbour dredging plan approved after long delay"
    assert "May 14, 2024" in card["description"] and "5 paragraphs" in card["description"]
    assert "3 reader comments" in card["description"]
    fields = {f["name"]: f["value"] for f in card["fields"]}
    assert "Ines Varga" in fields["Quoted in the story"] and "Old Salt" in fields["Commenters"]
    assert fus[1]["content"] == (f"Added to this server's articles as “{HARBOUR_KEY}”: ask with "
                                 f"`/ask article:{HARBOUR_KEY}`.")
    assert hits == {"/harbour": 1}

    # Asking about it by key.
    cbs, fus = await run(bot, fake, "ask", options={"question": "Who said the harbour opens again?",
                                                    "article": HARBOUR_KEY})
    assert fus[0]["embeds"][0]["fields"][0]["name"].startswith("¶2")
    assert "Ines Varga" in fus[0]["embeds"][0]["fields"][0]["name"]

    # The same URL again, or another URL with the same canonical URL: one article.
    cbs, fus = await run(bot, fake, "article add", options={"url": f"{base}/harbour"})
    assert fus[-1]["content"] == f"This server already has that article, as “{HARBOUR_KEY}”."
    assert hits == {"/harbour": 1}  # known URL: not fetched again
    cbs, fus = await run(bot, fake, "article add", options={"url": f"{base}/harbour-amp"})
    assert fus[-1]["content"] == f"This server already has that article, as “{HARBOUR_KEY}”."
    assert bot.library.store.count(GUILD_ID) == 1


@pytest.mark.parametrize("path,message", [
    ("/metadata", "That link points to a link-local or cloud metadata address; I only read public pages."),
    ("/signin", "I couldn't find an article on that page."),
    ("/gone", "That website answered with an error (HTTP 404); check the link."),
])
async def test_add_failures_are_one_private_sentence(lib_bot, site, path, message):
    bot, fake = lib_bot
    cbs, fus = await run(bot, fake, "article add", options={"url": site[0] + path})
    assert cbs == [{"type": 5}]
    assert fus[-1]["content"] == message and fus[-1]["flags"] == 64
    assert bot.library.store.count(GUILD_ID) == 0


async def test_add_a_private_address_is_refused(lib_bot):
    bot, fake = lib_bot
    cbs, fus = await run(bot, fake, "article add", options={"url": "http://192.168.1.1/router"})
    assert fus[-1]["content"] == "That link points inside a private network; I only read public pages."


async def test_add_an_attached_file(lib_bot, monkeypatch):
    bot, fake = lib_bot
    cdn = "https://cdn.discordapp.com/attachments/1/2/transit.html"

    async def get_from_cdn(http, url):  # Discord's CDN: the edge we fake
        assert url == cdn
        return TRANSIT

    monkeypatch.setattr(HTTPClient, "get_from_cdn", get_from_cdn)
    upload = {"id": "960000000000000001", "filename": "transit.html", "size": len(TRANSIT), "url": cdn,
              "proxy_url": cdn, "content_type": "text/html"}
    cbs, fus = await run(bot, fake, "article add", attachments={"file": upload})
    assert cbs == [{"type": 5}]
    assert fus[0]["embeds"][0]["title"] == "City signs contract for electric buses"
    assert fus[1]["content"].startswith("Added to this server's articles as “city-signs-contract-for-electric-buses”")
    bad = dict(upload, id="960000000000000002", filename="photo.png")
    cbs, fus = await run(bot, fake, "article add", attachments={"file": bad})
    assert fus[-1]["content"] == "I read .html, .htm, .txt and .yaml files; that file is none of them."
    big = dict(upload, id="960000000000000003", size=6 * 1024 * 1024)
    cbs, fus = await run(bot, fake, "article add", attachments={"file": big})
    assert fus[-1]["content"] == "That file is larger than 5 MB; I only read articles up to that size."


async def test_add_needs_exactly_one_of_url_and_file(lib_bot):
    bot, fake = lib_bot
    cbs, fus = await run(bot, fake, "article add", options={})
    assert fus[-1]["content"] == "Give me a link (`url:`) or a file (`file:`) to add, one of the two."


async def test_list_pages_through_the_servers_articles(lib_bot, site):
    bot, fake = lib_bot
    base = site[0]
    for path in ("/harbour", "/transit"):
        await run(bot, fake, "article add", options={"url": base + path})
    cbs, fus = await run(bot, fake, "article list")
    assert cbs == [{"type": 5, "data": {"flags": 64}}]
    text = fus[0]["content"]
    assert text.splitlines() == [
        "**Articles** (page 1 of 1, 3 in all)",
        "`iran-pakistan` — Iran, Pakistan discuss defense ties amid US threats (everyone's)",
        "`city-signs-contract-for-electric-buses` — City signs contract for electric buses",
        f"`{HARBOUR_KEY}` — Harbour dredging plan approved after long delay",
    ]
    cbs, fus = await run(bot, fake, "article list", options={"page": 2})
    assert fus[0]["content"] == "There is no page 2: the list has 1 page."
    # Another server sees only the articles every server sees.
    entries, total = bot.library.listing(OTHER_GUILD)
    assert [e.key for e in entries] == ["iran-pakistan"] and total == 1


async def test_remove_needs_manage_server_or_the_named_role(one_article, site, tmp_path):
    from dataclasses import replace

    settings, shipped = one_article
    settings = replace(settings, discord=replace(settings.discord, remove_role="Librarian"))
    library = Library(shipped.answerers, shipped.default, Store(tmp_path / "db.sqlite3"))
    fake = FakeDiscord()
    async with in_guild(create_bot(settings, library, fetcher=Fetcher(testing_loopback_port=site[1])), fake) as bot:
        await run(bot, fake, "article add", options={"url": site[0] + "/harbour"})
        cbs, fus = await run(bot, fake, "article remove", options={"article": HARBOUR_KEY})
        assert cbs[0]["type"] == 4 and cbs[0]["data"]["flags"] == 64
        assert cbs[0]["data"]["content"] == ("Only members with the Manage Server permission or the “Librarian” role "
                                            "can remove articles.")
        librarian = {"id": "970000000000000001", "name": "Librarian", "permissions": "0", "position": 1, "color": 0,
                     "hoist": False, "managed": False, "mentionable": False, "flags": 0}
        bot._connection.parse_guild_role_create({"guild_id": str(GUILD_ID), "role": librarian})
        cbs, fus = await run(bot, fake, "article remove", options={"article": "iran-pakistan"}, roles=[librarian])
        assert cbs[0]["data"]["content"] == "“iran-pakistan” comes from the bot's settings; it can't be removed here."
        cbs, fus = await run(bot, fake, "article remove", options={"article": HARBOUR_KEY}, roles=[librarian])
        assert fus[-1]["content"] == f"Removed “{HARBOUR_KEY}” from this server's articles."
        assert library.store.count(GUILD_ID) == 0
        cbs, fus = await run(bot, fake, "ask", options={"question": "Who said it?", "article": HARBOUR_KEY})
        assert f"I don't know an article called “{HARBOUR_KEY}”" in fus[-1]["content"] and fus[-1]["flags"] == 64
        await run(bot, fake, "article add", options={"url": site[0] + "/harbour"})
        cbs, fus = await run(bot, fake, "article remove", options={"article": HARBOUR_KEY},
                             member_permissions=P(manage_guild=True))
        assert fus[-1]["content"] == f"Removed “{HARBOUR_KEY}” from this server's articles."
    assert fake.unexpected == []


async def test_the_same_answers_after_a_restart_from_the_database_without_fetching(one_article, site, tmp_path):
    db = tmp_path / "library.sqlite3"
    base, port, hits = site
    question = {"question": "What did Harbour Watcher say?", "article": HARBOUR_KEY}
    fake = FakeDiscord()
    async with in_guild(make_bot(one_article, db, port), fake) as bot:
        await run(bot, fake, "article add", options={"url": f"{base}/harbour"})
        await run(bot, fake, "article show", options={"article": HARBOUR_KEY, "make_default": True},
                  member_permissions=P(manage_guild=True))
        _, before = await run(bot, fake, "ask", options=question)
    fake = FakeDiscord()
    async with in_guild(make_bot(one_article, db, port), fake) as bot:
        assert bot.library.cached(HARBOUR_KEY, GUILD_ID) is None  # nothing opened at start
        _, after = await run(bot, fake, "ask", options=question)
        _, default = await run(bot, fake, "ask", options={"question": "Who said the harbour opens again?"})
    assert after == before and "Harbour Watcher" in after[0]["embeds"][0]["fields"][0]["name"]
    assert default[0]["embeds"][0]["footer"]["text"].startswith("Harbour dredging plan")  # the default was kept
    assert hits == {"/harbour": 1}


async def test_a_mention_with_a_link_answers_about_that_page_without_keeping_it(lib_bot, site):
    bot, fake = lib_bot
    base, _, hits = site
    fake.clear()
    feed_message(bot, f"<@{BOT_ID}> who said the harbour opens again? <{base}/harbour>", mentions=[BOT_USER])
    await settle()
    (reply,) = [r.json for r in fake.sent("POST", "/messages")]
    assert "Ines Varga" in reply["embeds"][0]["fields"][0]["name"]
    assert bot.library.store.count(GUILD_ID) == 0  # kept only if someone adds it
    fake.clear()
    feed_message(bot, f"<@{BOT_ID}> {base}/metadata what is this?", mentions=[BOT_USER])
    await settle()
    (reply,) = [r.json for r in fake.sent("POST", "/messages")]
    assert reply["content"] == "That link points to a link-local or cloud metadata address; I only read public pages."
    assert hits == {"/harbour": 1}
