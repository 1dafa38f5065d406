"""The Discord bot's speed: 1,000 `/ask` interactions through discord.py's command tree, Discord faked at the
HTTP edge exactly as in the bot's tests (tests/bot/fakediscord.py).

For the shipped article and for a large one (2,000 comments), with 1, 2 and 4 worker threads (every
question is answered off the event loop; ``bot.discord_app.WORKERS`` is the bot's default), it prints
answers per second (all 1,000 in flight at once), the median and 95th-percentile time
from INTERACTION_CREATE to the follow-up, and the worst event-loop stall, measured by a ticker task that
asks to wake every millisecond (a stall is how late it woke; the gateway heartbeat would wait as long).

Run: python bench/bench_discord.py
"""
from __future__ import annotations

import asyncio
import logging
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "bot")]

from fakediscord import FakeDiscord, feed_guild_create, feed_interaction, logged_in, settle  # noqa: E402

from bot import discord_app  # noqa: E402
from bot.discord_app import create_bot  # noqa: E402
from bot.library import Library  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from retrieval.answerer import Answerer  # noqa: E402
from retrieval.load import load_article  # noqa: E402

INTERACTIONS = 1000
TICK = 0.001
QUESTIONS = [
    "Who called US policies evil and stupid?",
    "What did Raj say about China?",
    "Who criticised Trump's tweets?",
    "What did the Pakistani defense minister say?",
    "Who is Ali Hatami?",
    "How many comments are there?",
    "What does Pakistan get out of defense ties with Iran?",
    "Who said Pakistan, Iran and Turkey will form a military alliance?",
]


def large_answerer(n_comments: int) -> Answerer:
    """The shipped article with its comments repeated until there are ``n_comments`` (as bench_core.py)."""
    base = load_article(ROOT / "bot" / "data" / "articles" / "iran-pakistan-defense-ties.txt")
    extra = tuple(replace(base.comments[i % len(base.comments)], id=f"c{i + 1}", number=i + 1)
                  for i in range(n_comments))
    return Answerer(replace(base, passages=base.paragraphs + extra))


class TimedDiscord(FakeDiscord):
    """The fake Discord, noting when each interaction's follow-up arrives."""

    def __init__(self) -> None:
        super().__init__()
        self.answered: dict[str, float] = {}

    def respond(self, route, body, params):
        if route.method == "POST" and route.path == "/webhooks/{webhook_id}/{webhook_token}":
            self.answered[route.url.rsplit("/", 1)[1]] = time.perf_counter()
        return super().respond(route, body, params)


async def ticker(stalls: list[float]) -> None:
    loop = asyncio.get_running_loop()
    while True:
        start = loop.time()
        await asyncio.sleep(TICK)
        stalls.append(loop.time() - start - TICK)


async def drive(settings, library) -> dict[str, float]:
    fake = TimedDiscord()
    async with logged_in(create_bot(settings, library), fake) as bot:
        feed_guild_create(bot)
        for q in QUESTIONS:  # warm up
            feed_interaction(bot, "ask", {"question": q})
        await settle()
        fake.clear()
        fake.answered.clear()
        stalls: list[float] = []
        tick = asyncio.create_task(ticker(stalls))
        await asyncio.sleep(0.01)
        stalls.clear()
        fed: dict[str, float] = {}
        start = time.perf_counter()
        for n in range(INTERACTIONS):
            fed[f"token-{feed_interaction(bot, 'ask', {'question': QUESTIONS[n % len(QUESTIONS)]})}"] = \
                time.perf_counter()
            await asyncio.sleep(0)  # one event per loop turn, as the gateway reader delivers them
        await settle(timeout=600, ignore=(tick,))
        elapsed = time.perf_counter() - start
        tick.cancel()
        latencies = sorted(fake.answered[t] - fed[t] for t in fed)
        assert len(latencies) == INTERACTIONS and not fake.unexpected
        return {
            "answers_per_s": INTERACTIONS / elapsed,
            "median_ms": statistics.median(latencies) * 1000,
            "p95_ms": latencies[int(0.95 * len(latencies))] * 1000,
            "worst_stall_ms": max(stalls) * 1000,
            "median_stall_ms": statistics.median(stalls) * 1000,
        }


async def sequential(settings, library, count: int = 200) -> float:
    """Median ms for one /ask answered alone (fed, then waited for), the latency a user sees."""
    fake = TimedDiscord()
    times = []
    async with logged_in(create_bot(settings, library), fake) as bot:
        feed_guild_create(bot)
        for n in range(count):
            t = time.perf_counter()
            feed_interaction(bot, "ask", {"question": QUESTIONS[n % len(QUESTIONS)]})
            await settle()
            times.append(time.perf_counter() - t)
    return statistics.median(times[10:]) * 1000


def main() -> None:
    logging.disable(logging.WARNING)  # discord.py's "PyNaCl is not installed" per login
    settings = load_settings(ROOT / "bot" / "data" / "default.yaml")
    settings = replace(settings, discord=replace(settings.discord, cooldown_rate=10**9, test_guild=None))
    shipped = Library.from_settings(settings)
    big = Library({"big": large_answerer(2000)}, "big")
    print(f"{INTERACTIONS} /ask interactions through the command tree (Discord faked at the HTTP edge)\n")
    print(f"{'article':<28}{'workers':<14}{'answers/s':>10}{'median ms':>11}{'p95 ms':>9}"
          f"{'worst stall ms':>16}{'alone ms':>10}")
    default = discord_app.WORKERS
    for name, library in (("shipped (14 passages)", shipped), ("large (2,009 passages)", big)):
        for workers in (1, 2, 4):
            discord_app.WORKERS = workers
            r = asyncio.run(drive(settings, library))
            alone = asyncio.run(sequential(settings, library))
            where = f"{workers} thread{'s' * (workers > 1)}" + (" *" if workers == default else "")
            print(f"{name:<28}{where:<14}{r['answers_per_s']:>10.0f}{r['median_ms']:>11.1f}{r['p95_ms']:>9.1f}"
                  f"{r['worst_stall_ms']:>16.1f}{alone:>10.2f}")
    discord_app.WORKERS = default
    print("\n* the bot's default. Every question is deferred first and answered in a worker thread, whatever the "
          "article's size: the loop only talks to Discord.")
    print("median/p95 ms: from INTERACTION_CREATE to the follow-up with all 1,000 in flight; "
          "alone ms: one /ask at a time.")


if __name__ == "__main__":
    main()
