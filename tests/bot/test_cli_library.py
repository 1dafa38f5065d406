"""The CLI's library: add (links, files, folders), list, remove, and ask --article URL|FILE|KEY."""
from __future__ import annotations

import io
import json
import shutil
import threading
from pathlib import Path

import pytest
from aiohttp import web

from bot import library_cli
from bot.cli import ExitStatus, main
from bot.fetch import Fetcher

PAGES = Path(__file__).parents[1] / "retrieval" / "pages"
DATA = Path(__file__).parents[1] / "data"
HARBOUR_KEY = "harbour-dredging-plan-approved-after-long-delay"


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def site(monkeypatch):
    """A local news site in a thread (the CLI runs its own event loop); the CLI's fetcher may reach it."""
    import asyncio

    hits: dict[str, int] = {}
    ready = threading.Event()
    state: dict = {}

    async def serve(request: web.Request) -> web.Response:
        hits[request.path] = hits.get(request.path, 0) + 1
        if request.path != "/harbour":
            raise web.HTTPNotFound()
        return web.Response(body=(PAGES / "wordpress-harbour.html").read_bytes(), content_type="text/html")

    async def start():
        app = web.Application()
        app.add_routes([web.get("/{page}", serve)])
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        state["port"] = site._server.sockets[0].getsockname()[1]
        state["runner"] = runner

    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    asyncio.run_coroutine_threadsafe(start(), loop).result(5)
    port = state["port"]
    monkeypatch.setattr(library_cli, "fetcher_factory", lambda: Fetcher(testing_loopback_port=port))
    yield f"http://127.0.0.1:{port}", hits
    asyncio.run_coroutine_threadsafe(state["runner"].cleanup(), loop).result(5)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)


def test_add_files_and_a_folder_list_and_remove(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(PAGES / "arc-transit.html", folder)
    shutil.copy(DATA / "council-vote.yaml", folder)
    (folder / "notes.md").write_text("not an article")
    status, out, err = run("add", str(PAGES / "wordpress-harbour.html"), str(folder))
    assert (status, err) == (ExitStatus.OK, "")
    assert out.splitlines()[0] == (f"added {HARBOUR_KEY}: Harbour dredging plan approved after long delay "
                                   "(5 paragraphs, 3 comments)")
    assert len(out.splitlines()) == 3
    status, out, _ = run("list")
    assert [line.split("\t")[0] for line in out.splitlines()] == [
        "city-signs-contract-for-electric-buses", "council-approves-new-bus-lanes", HARBOUR_KEY]
    status, out, _ = run("list", "--json")
    kept = {k["key"]: k for k in json.loads(out)}
    assert kept[HARBOUR_KEY]["comments"] == 3 and kept[HARBOUR_KEY]["guild"] is None
    assert "Ines Varga" in kept[HARBOUR_KEY]["quoted"]
    status, out, _ = run("remove", HARBOUR_KEY)
    assert (status, out) == (ExitStatus.OK, f"removed {HARBOUR_KEY}\n")
    status, _, err = run("remove", HARBOUR_KEY)
    assert status == ExitStatus.ERROR and f"no article '{HARBOUR_KEY}' kept for every server" in err


def test_add_per_server_with_guild_and_data_path(tmp_path):
    db = tmp_path / "elsewhere.sqlite3"
    status, out, _ = run("--data", str(db), "add", "--guild", "42", str(DATA / "council-vote.yaml"))
    assert status == ExitStatus.OK and db.exists()
    key = out.split()[1].rstrip(":")
    assert run("--data", str(db), "list")[1].startswith("No articles kept for every server")
    assert run("--data", str(db), "list", "--guild", "42")[1].startswith(key)
    status, out, _ = run("--data", str(db), "ask", "--article", key, "--guild", "42", "How many comments are there?")
    assert status == ExitStatus.OK and "comment" in out


def test_a_bad_file_is_one_error_line_and_the_others_are_still_added(tmp_path):
    bad = tmp_path / "empty.html"
    bad.write_text("<html><body><nav>Home</nav></body></html>")
    status, out, err = run("add", str(bad), str(DATA / "council-vote.yaml"))
    assert status == ExitStatus.BAD_ARTICLE
    assert err == f"articlebot: error: {bad}: I couldn't find an article on that page\n"
    assert out.startswith("added ")


def test_add_a_link_then_ask_about_it_by_key_without_fetching_again(site):
    base, hits = site
    status, out, err = run("add", f"{base}/harbour")
    assert (status, err) == (ExitStatus.OK, "") and out.startswith(f"added {HARBOUR_KEY}:")
    status, out, _ = run("add", f"{base}/harbour")
    assert out.startswith(f"already kept as {HARBOUR_KEY}:") and hits == {"/harbour": 1}
    status, out, _ = run("ask", "--article", HARBOUR_KEY, "Who said the harbour opens again?")
    assert status == ExitStatus.OK and "Ines Varga" in out and hits == {"/harbour": 1}


def test_ask_article_url_reads_the_page(site):
    base, hits = site
    status, out, err = run("ask", "--article", f"{base}/harbour", "What did Harbour Watcher say?")
    assert (status, err) == (ExitStatus.OK, "") and "Night work means nobody will sleep" in out
    status, _, err = run("ask", "--article", f"{base}/nothing", "Who?")
    assert status == ExitStatus.BAD_ARTICLE
    assert err == f"articlebot: error: {base}/nothing: That website answered with an error (HTTP 404); check the link.\n"


def test_ask_article_url_refuses_private_addresses():
    status, _, err = run("ask", "--article", "http://169.254.169.254/latest/meta-data/", "Who?")
    assert status == ExitStatus.BAD_ARTICLE
    assert err == ("articlebot: error: http://169.254.169.254/latest/meta-data/: That link points to a link-local "
                   "or cloud metadata address; I only read public pages.\n")


def test_an_unknown_key_says_what_was_expected():
    status, _, err = run("ask", "--article", "no-such-key", "Who?")
    assert status == ExitStatus.BAD_ARTICLE
    assert err == "articlebot: error: no-such-key: no such file, link or kept article (see `articlebot list`)\n"
