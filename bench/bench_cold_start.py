"""Cold start of the CLI: ``articlebot ask`` against ``python -c "import numpy"``, side by side.

Each command runs in a fresh process, alternating, and the medians are compared (goal: ask within
1.5x of importing numpy, which the core needs anyway for BM25). Also lists whether the CLI loaded
discord or aiohttp (it must not).

    python bench/bench_cold_start.py [--runs N]
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

QUESTION = "Who called US policies evil and stupid?"


# Bytecode as an installed user has it: pip writes numpy's .pyc files, and Python writes ours on the first
# run. With PYTHONDONTWRITEBYTECODE set (as on our shared machine) every run would recompile our modules
# from source while numpy's load compiled, which measures the environment, not the CLI. The .pyc files go
# to a temporary folder, never into the source tree.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=ENV)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--no-bytecode", action="store_true",
                        help="keep PYTHONDONTWRITEBYTECODE as set: our modules compile from source every run")
    options = parser.parse_args()
    runs = options.runs
    if options.no_bytecode:
        ENV.update(os.environ)
    else:
        ENV["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="articlebot-pyc-")
    script = shutil.which("articlebot")
    ask = [script, "ask", QUESTION] if script else [sys.executable, "-m", "bot", "ask", QUESTION]
    numpy = [sys.executable, "-c", "import numpy"]
    bare = [sys.executable, "-c", "pass"]
    timed(ask), timed(numpy)  # warm the OS file cache: "cold" means a new process, not a cold disk
    times: dict[str, list[float]] = {"ask": [], "numpy": [], "python": []}
    for _ in range(runs):
        times["ask"].append(timed(ask))
        times["numpy"].append(timed(numpy))
        times["python"].append(timed(bare))
    if not options.no_bytecode:
        shutil.rmtree(ENV["PYTHONPYCACHEPREFIX"], ignore_errors=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys; from bot.cli import main; import io; "
         f"main(['ask', {QUESTION!r}], stdout=io.StringIO()); "
         "print(sorted({m.split('.')[0] for m in sys.modules} & {'discord', 'aiohttp', 'trafilatura'}))"],
        capture_output=True, text=True, check=True).stdout.strip()
    print(f"runs: {runs} each, medians; bytecode: {'compiled each run' if options.no_bytecode else 'cached'}")
    print(f"  python -c pass          {med['python'] * 1000:7.0f} ms")
    print(f"  python -c 'import numpy' {med['numpy'] * 1000:6.0f} ms")
    print(f"  articlebot ask          {med['ask'] * 1000:7.0f} ms")
    print(f"  ratio ask / numpy        {med['ask'] / med['numpy']:6.2f}x   (goal <= 1.5x)")
    print(f"  discord/aiohttp/trafilatura loaded by ask: {loaded}")


if __name__ == "__main__":
    main()
