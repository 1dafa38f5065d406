"""Fetching links: a local aiohttp server on 127.0.0.1 (reached through the tests' own switch), never the network."""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import pytest_asyncio
from aiohttp import web

from bot import fetch
from bot.fetch import Fetcher, FetchError, refusal
from retrieval.load import read_article

pytestmark = pytest.mark.asyncio
PAGE = (Path(__file__).parents[1] / "retrieval" / "pages" / "wordpress-harbour.html").read_bytes()


@pytest_asyncio.fixture
async def server():
    """A small site: a page, redirects (some to refused addresses), big, slow and non-HTML answers."""
    seen: list[dict] = []

    async def page(request: web.Request) -> web.Response:
        seen.append({"host": request.host, "path": request.path})
        return web.Response(body=PAGE, content_type="text/html", charset="utf-8")

    async def latin(request: web.Request) -> web.Response:
        body = PAGE.decode("utf-8").replace("Müller", "Müller").replace(
            '<meta charset="UTF-8">', "").replace("Greta L.", "Grétá L.").encode("iso-8859-1", "replace")
        return web.Response(body=body, content_type="text/html", charset="iso-8859-1")

    async def hop(request: web.Request) -> web.Response:
        n = int(request.match_info["n"])
        raise web.HTTPFound("/page" if n == 0 else f"/hop/{n - 1}")

    async def to(request: web.Request) -> web.Response:
        raise web.HTTPFound(request.query["url"])

    async def big(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        response.enable_chunked_encoding()  # no Content-Length: the cap must hold while streaming
        await response.prepare(request)
        chunk = b"<p>" + b"x" * 65536 + b"</p>"
        for _ in range(200):  # about 13 MB if nobody stops reading
            await response.write(chunk)
        return response

    async def declared_big(request: web.Request) -> web.Response:
        return web.Response(body=b"x" * (fetch.MAX_BYTES + 1), content_type="text/html")

    async def slow(request: web.Request) -> web.Response:
        # Past the fetcher's 1 s timeout (its clock starts before this one); the server's cleanup waits for it.
        await asyncio.sleep(1.3)
        return web.Response(body=PAGE, content_type="text/html")

    async def image(request: web.Request) -> web.Response:
        return web.Response(body=b"\x89PNG....", content_type="image/png")

    async def missing(request: web.Request) -> web.Response:
        raise web.HTTPNotFound()

    app = web.Application()
    app.add_routes([web.get("/page", page), web.get("/latin", latin), web.get("/hop/{n}", hop), web.get("/to", to),
                    web.get("/big", big), web.get("/declared-big", declared_big), web.get("/slow", slow),
                    web.get("/image", image), web.get("/missing", missing)])
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}", port, seen
    await runner.cleanup()


@pytest_asyncio.fixture
async def fetcher(server):
    _, port, _ = server
    f = Fetcher(testing_loopback_port=port, timeout=1.0)
    yield f
    await f.close()


REFUSED = {
    "127.0.0.1": fetch.LOOPBACK, "127.8.9.10": fetch.LOOPBACK, "::1": fetch.LOOPBACK,
    "10.1.2.3": fetch.PRIVATE, "172.16.0.9": fetch.PRIVATE, "192.168.1.1": fetch.PRIVATE,
    "fc00::1": fetch.PRIVATE, "fd00:ec2::254": fetch.PRIVATE, "fec0::1": fetch.PRIVATE,
    "169.254.169.254": fetch.LINK_LOCAL, "169.254.1.1": fetch.LINK_LOCAL, "fe80::1": fetch.LINK_LOCAL,
    "224.0.0.251": fetch.NOT_PUBLIC, "ff02::1": fetch.NOT_PUBLIC, "240.0.0.1": fetch.NOT_PUBLIC,
    "0.0.0.0": fetch.NOT_PUBLIC, "::": fetch.NOT_PUBLIC, "100.100.100.200": fetch.NOT_PUBLIC,
    "::ffff:127.0.0.1": fetch.LOOPBACK, "::ffff:10.0.0.1": fetch.PRIVATE, "::ffff:169.254.169.254": fetch.LINK_LOCAL,
    "2002:7f00:1::": fetch.LOOPBACK, "64:ff9b::a9fe:a9fe": fetch.LINK_LOCAL,
}


@pytest.mark.parametrize("address", sorted(REFUSED))
async def test_every_non_public_address_class_is_refused(address):
    assert refusal(address) == REFUSED[address]


async def test_public_addresses_pass():
    for address in ("93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:93.184.216.34"):
        assert refusal(address) is None


async def test_a_page_is_read_with_its_charset(server, fetcher):
    base, _, _ = server
    page = await fetcher.fetch(f"{base}/page")
    assert page.data == PAGE and page.content_type == "text/html" and page.charset == "utf-8"
    latin = await fetcher.fetch(f"{base}/latin")
    assert latin.charset == "iso-8859-1"
    article = read_article(latin.data, latin.url, url=latin.url, charset=latin.charset).article
    assert article.comments[2].author == "Grétá L."


async def test_without_the_test_switch_the_local_server_is_refused(server):
    base, _, seen = server
    plain = Fetcher()
    try:
        with pytest.raises(FetchError, match="machine I run on"):
            await plain.fetch(f"{base}/page")
        with pytest.raises(FetchError, match="machine I run on"):
            await plain.fetch(base.replace("127.0.0.1", "localhost") + "/page")  # a name resolving to loopback
    finally:
        await plain.close()
    assert seen == []


async def test_the_switch_opens_one_port_only(server, fetcher):
    _, port, _ = server
    with pytest.raises(FetchError, match="machine I run on"):
        await fetcher.fetch(f"http://127.0.0.1:{port + 1}/")


@pytest.mark.parametrize("target,reason", [
    ("http://169.254.169.254/latest/meta-data/", fetch.LINK_LOCAL),
    ("http://10.0.0.5/admin", fetch.PRIVATE),
    ("http://[::1]/", fetch.LOOPBACK),
    ("http://[::ffff:127.0.0.1]/", fetch.LOOPBACK),
    ("http://[fd12:3456::1]/", fetch.PRIVATE),
    ("http://127.0.0.1:1/", fetch.LOOPBACK),
    ("file:///etc/passwd", fetch.SCHEME),
    ("gopher://example.com/", fetch.SCHEME),
])
async def test_a_redirect_is_checked_again(server, fetcher, target, reason):
    base, _, seen = server
    with pytest.raises(FetchError) as err:
        await fetcher.fetch(f"{base}/to?url={target}")
    assert str(err.value) == reason
    assert seen == []


async def test_five_redirects_are_followed_and_a_sixth_is_refused(server, fetcher):
    base, _, _ = server
    assert (await fetcher.fetch(f"{base}/hop/4")).url.endswith("/page")  # 5 redirects
    with pytest.raises(FetchError, match="redirects more than 5 times"):
        await fetcher.fetch(f"{base}/hop/5")


async def test_names_are_resolved_by_us_and_the_connection_goes_to_the_checked_address(server):
    base, port, seen = server
    calls: list[str] = []

    async def dns(host: str, port_: int) -> list[str]:  # the DNS servers are the edge we fake
        calls.append(host)
        return {"news.test": ["127.0.0.1"], "intranet.test": ["10.20.30.40"],
                "mixed.test": ["93.184.216.34", "192.168.0.7"], "meta.test": ["169.254.169.254"],
                "v6.test": ["::ffff:10.0.0.1"]}.get(host, [])

    f = Fetcher(lookup=dns, testing_loopback_port=port, timeout=1.0)
    try:
        page = await f.fetch(f"http://news.test:{port}/page")
        assert page.data == PAGE and seen == [{"host": f"news.test:{port}", "path": "/page"}]
        for host, reason in (("intranet.test", fetch.PRIVATE), ("mixed.test", fetch.PRIVATE),
                             ("meta.test", fetch.LINK_LOCAL), ("v6.test", fetch.PRIVATE),
                             ("nowhere.test", fetch.NO_HOST)):
            with pytest.raises(FetchError) as err:
                await f.fetch(f"http://{host}:{port}/page")
            assert str(err.value) == reason
        with pytest.raises(FetchError, match="private network"):  # and after a redirect to a name
            await f.fetch(f"{base}/to?url=http://intranet.test/")
    finally:
        await f.close()
    assert len(seen) == 1 and "intranet.test" in calls


@pytest.mark.parametrize("path,message", [
    ("/big", fetch.TOO_BIG), ("/declared-big", fetch.TOO_BIG), ("/slow", fetch.TOO_SLOW),
    ("/image", "That link isn't a web page (it sent image/png); I read HTML and plain-text pages."),
    ("/missing", "That website answered with an error (HTTP 404); check the link."),
])
async def test_limits_and_failures_are_one_plain_sentence(server, fetcher, path, message):
    base, _, _ = server
    with pytest.raises(FetchError) as err:
        await fetcher.fetch(base + path)
    assert str(err.value) == message


@pytest.mark.parametrize("url", ["not a link", "example.com/story", "https://", "ftp://example.com/a"])
async def test_things_that_are_not_web_links(fetcher, url):
    with pytest.raises(FetchError) as err:
        await fetcher.fetch(url)
    assert str(err.value) in (fetch.NOT_A_LINK, fetch.SCHEME)


async def test_the_bot_run_builds_reads_links_without_the_test_switch(tmp_path):
    from bot.discord_cli import _build
    from bot.settings import load_settings

    bot = _build(load_settings(), data=str(tmp_path / "db.sqlite3"))
    try:
        assert bot.fetcher._loopback_port is None
        with pytest.raises(FetchError, match="machine I run on"):
            await bot.fetcher.fetch("http://127.0.0.1:8080/")
    finally:
        await bot.close()
