"""Bot startup against the number of stored articles: 1, 1,000 and 10,000, side by side.

For each size, a library database is filled once (through ``Library.add``, as ``/article add`` does),
then a fresh process starts the bot as ``articlebot run`` does before connecting (settings, the
database, the library, the bot with its command tree and cogs) and answers one question about one
stored article (the lazy open). Startup must not grow with the number of stored articles: the
library reads nothing from the database until a server asks about an article.

    python bench/bench_library_startup.py [--runs N] [--sizes 1,1000,10000]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGE = ROOT / "tests" / "retrieval" / "pages" / "wordpress-harbour.html"
GUILD = 910000000000000001

CHILD = r"""
import asyncio, sys, time
start = time.perf_counter()
from bot.settings import load_settings
from bot.library import Library
from bot.store import Store
from bot.discord_app import create_bot
settings = load_settings()
imported = time.perf_counter()
library = Library.from_settings(settings, Store(sys.argv[1]))
async def main():
    return create_bot(settings, library)
bot = asyncio.run(main())
started = time.perf_counter()
answer = library.get(sys.argv[2], int(sys.argv[3])).ask("Who said the harbour opens again?")
asked = time.perf_counter()
assert answer.speaker == "Ines Varga", answer.speaker
print(f"{started - start:.4f} {started - imported:.4f} {asked - started:.4f}")
"""


def fill(path: Path, n: int) -> str:
    from bot.library import slug
    from bot.store import NewArticle, Store
    from retrieval.load import read_article

    loaded = read_article(PAGE.read_bytes(), "harbour.html")
    store = Store(path)
    key = ""
    for i in range(n):  # what Library.add keeps, without attributing the same page 10,000 times
        url = f"https://news.example/{i}"
        new = NewArticle(replace(loaded.article, url=url), url, loaded.format, loaded.text, url=url,
                         quoted=("Ines Varga",))
        key = store.add(GUILD, slug(loaded.article.title), new)[0].key
    store.close()
    return key


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1,1000,10000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        databases = {}
        for n in sizes:
            path = Path(tmp) / f"library-{n}.sqlite3"
            t = time.perf_counter()
            key = fill(path, n)
            databases[n] = (path, key)
            print(f"filled {n:>6,} articles in {time.perf_counter() - t:6.1f} s "
                  f"({path.stat().st_size / 1e6:.1f} MB)", flush=True)
        results: dict[int, list[tuple[float, ...]]] = {n: [] for n in sizes}
        for _ in range(args.runs):
            for n in sizes:  # alternate sizes, so drift on a shared machine hits every size alike
                path, key = databases[n]
                t = time.perf_counter()
                out = subprocess.run([sys.executable, "-c", CHILD, str(path), key, str(GUILD)], cwd=ROOT,
                                     check=True, capture_output=True, text=True).stdout.split()
                results[n].append((time.perf_counter() - t, *map(float, out)))
    print(f"\nmedians of {args.runs} fresh processes (ms); 'library + bot' is opening the database, the library "
          "(with the settings' article) and building the bot, after the imports")
    print(f"{'stored articles':>16} {'process':>9} {'startup':>9} {'library + bot':>14} {'first question':>15}")
    base = statistics.median(r[2] for r in results[sizes[0]])
    for n in sizes:
        whole, startup, library, first = (statistics.median(r[i] for r in results[n]) for i in range(4))
        print(f"{n:>16,} {1000 * whole:9.0f} {1000 * startup:9.0f} {1000 * library:14.1f} {1000 * first:15.1f}"
              f"   library + bot x{library / base:.2f} of {sizes[0]:,}")


if __name__ == "__main__":
    main()
