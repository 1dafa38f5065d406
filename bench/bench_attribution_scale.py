"""Attribution at scale: how opening an article and answering each kind of question grow with its size.

Generates articles in the scraped-page format with N passages (half paragraphs, half comments):
many people introduced with roles, pronouns, roles reused, floating quotes, organisations, countries
speaking, bodies called by their acronyms, a family sharing a surname, replies that quote and @mention
earlier commenters. Prints, for 1k, 10k and 40k passages, the time to open
(parse + attribute + index) and each question kind's median and 95th percentile, so the growth reads
across one table, with the load average (other work on the machine stretches wall time; the open's
CPU time shows the work done). Run: python bench/bench_attribution_scale.py [sizes...]

Measured 2026-11-28 on the 2-core machine, load average about 2, two runs:
    open (s, wall = CPU)        1k 0.14        10k 1.38-1.54     40k 5.87-6.58   (42-46x for 40x passages)
    every question kind at 40k  p95 3.0 ms at most (what did the harbour master say, who is quoted)
Before the session that made them so (same generator): 40k open 12.7-13.1 s (an acronym read every
name run of the article, 85-91x for 40x), "what did the harbour master say" 36 ms p50 / 56 ms p95.
Under a load of 5 the 40k open's wall time has been 20 s for the same 6.7 s of CPU.
"""
from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from retrieval.answerer import Answerer  # noqa: E402
from retrieval.parse_page import parse_page  # noqa: E402

SIZES = (1_000, 10_000, 40_000)
REPEATS = 40

_FIRST = ("Ana Bilal Carla Dmitri Elena Farid Greta Hamid Ines Jamal Karin Leon Maya Nadia Omar Priya Rosa "
          "Samir Tara Umar Vera Walid Yasmin Zoran").split()
_LAST = ("Abbasi Bauer Costa Duarte Ekwueme Fischer Garza Haddad Iqbal Jensen Kowalski Lindqvist Moreau "
         "Nakamura Okafor Petrov Quintero Rahman Sorensen Takahashi Ueda Varga Wojcik Yilmaz Zhou").split()
_ROLES = ("port trust chairman", "union leader", "finance minister", "harbour master", "city engineer",
          "transport secretary", "opposition spokesman", "council leader")
_ORGS = ("Harbour Workers Union", "Port Trust", "Chamber of Commerce", "Transport Ministry")
_TOPICS = ("wages", "cranes", "tariffs", "dredging", "ferries", "berths", "pensions", "tolls", "containers",
           "shifts", "inspections", "fuel")


_SYLLABLES = "ba ko ri sa mu te lo vi da ne fu gi ha jo ka le mi no pe ru si to va we".split()


def _name(i: int) -> str:
    """A distinct full name per person: a forename and a surname built from syllables, as news names
    are mostly distinct (a few shared surnames are in the tests, not here)."""
    n = len(_SYLLABLES)
    surname = "".join(_SYLLABLES[(i // n ** k) % n] for k in range(3)).capitalize()
    return f"{_FIRST[i % len(_FIRST)]} {surname}"


def generate(n_passages: int, seed: int = 7) -> str:
    """An article of ``n_passages`` passages (paragraphs, then comments) in the scraped-page format."""
    rnd = random.Random(seed)
    n_par = n_passages // 2
    n_com = n_passages - n_par
    lines = ["Port strike talks drag on", "", "Published: March 2, 2024", ""]
    people: list[tuple[str, str]] = []
    for i in range(n_par):
        topic = rnd.choice(_TOPICS)
        kind = i % 6
        if kind == 0 or not people:
            name, role = _name(len(people)), rnd.choice(_ROLES)
            people.append((name, role))
            text = f"{role.capitalize()} {name} said the {topic} deal was unfair to dock workers, Press TV reported."
        elif kind == 1:
            text = f"“We will not accept any cut to {topic},” he said on Monday."
        elif kind == 2:
            name, role = people[rnd.randrange(len(people))]
            text = f"The {role} criticised the plan for {topic} and urged both sides to return to the table."
        elif kind == 3:
            text = f"“Nobody wins when the {topic} stop. Nobody,” she added."
        elif kind == 4:
            text = f"“The {topic} will wait another week, and then another.”"
        elif i % 12 == 11:
            text = _named_otherwise(i // 12, topic, rnd)
        else:
            org = rnd.choice(_ORGS)
            name = people[rnd.randrange(len(people))][0].split()[-1]
            text = f"The {org} said in a statement that {topic} rose, while {name} warned of delays."
        lines += [text, ""]
    lines += ["Reader Comments ({})".format(n_com), ""]
    commenters = [f"{_FIRST[i % len(_FIRST)]}{i}" for i in range(max(1, n_com // 4))]
    posted: list[tuple[str, str]] = []
    for i in range(n_com):
        author = commenters[rnd.randrange(len(commenters))]
        topic = rnd.choice(_TOPICS)
        own = f"I think the {topic} matter more than the union admits. Why would anyone agree to that?"
        lines += [f"  • {author}", "    Mar 2, 2024 - 5:13PM", ""]
        if posted and i % 3 == 0:
            whom, words = posted[rnd.randrange(max(0, len(posted) - 50), len(posted))]
            lines += [f"    @{whom}: {words}", "", f"    I disagree about the {topic}. Recommend", ""]
        else:
            lines += [f"    {own} Recommend", ""]
        posted.append((author, own))
    lines += ["More in Business", ""]
    return "\n".join(lines)


_LETTERS = "BCDFGHJKLMNPRSTVW"


def _named_otherwise(k: int, topic: str, rnd: random.Random) -> str:
    """Every 12th paragraph: a country speaking, a body and the acronym it is then called by, or one of a
    family of people sharing a surname: the lookups these need must not grow with what was read before."""
    if k % 3 == 0:
        return (f"The U.S. said on Monday that talks on {topic} would resume." if k % 2 else
                f"The UK urged calm over {topic}.")
    if k % 3 == 1:
        a, b, c = (rnd.choice(_LETTERS) for _ in range(3))
        return (f"The {a}arton {b}ello {c}irby Council ({a}{b}{c}C) backed the {topic} deal. "
                f"{a}{b}{c}C said it would help.")
    return f"Dr. {_FIRST[k % len(_FIRST)]} Khan said the {topic} plan was sound."


QUESTIONS = {
    "who_said": "Who said nobody wins when the ferries stop?",
    "who_criticised": "Who criticised the plan for tolls?",
    "what_said": "What did the harbour master say about wages?",
    "what_said_all": f"What did {_name(0)} say?",
    "what_said_informal": "wat did the harbour boss say",  # an informal head: the leaders, not every person
    "why": "why r they cutting wages",  # a kind of answer asked for: a deeper pool of close passages
    "who_is": f"Who is {_name(2)}?",
    "speakers": "Who is quoted in the article?",
    "who_replied": "Who replied to Ana0?",
    "who_disagreed": "Who disagreed with Bilal1?",
    "who_asked": "Who asked about pensions?",
    "what_replied": "What did Bilal1 reply to Ana0?",
    "commenters": "What do the commenters think about pensions?",
    "search": "dredging berths",
    "comments": "How many comments are there?",
}


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def measure(n: int) -> tuple[tuple[float, float], dict[str, tuple[float, float]]]:
    text = generate(n)
    t, cpu = time.perf_counter(), time.process_time()
    # parse_page itself, not load.parse_article: the loader refuses text over 2M characters, and 40k
    # generated passages are about 4.7M. The cap guards input; this measures how the core grows.
    answerer = Answerer(parse_page(text, f"<generated {n}>"))
    opened = time.perf_counter() - t, time.process_time() - cpu
    times: dict[str, list[float]] = {k: [] for k in QUESTIONS}
    for kind, q in QUESTIONS.items():
        answerer.ask(q)  # warm once
    for _ in range(REPEATS):
        for kind, q in QUESTIONS.items():
            t = time.perf_counter()
            answerer.ask(q)
            times[kind].append(time.perf_counter() - t)
    return opened, {k: (statistics.median(v), percentile(v, 0.95)) for k, v in times.items()}


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    sizes = tuple(int(a) for a in sys.argv[1:]) or SIZES
    load_before = _load()
    results = {n: measure(n) for n in sizes}
    ms = 1000
    # Other work on the machine stretches wall time; the process's own CPU time shows the work done.
    print(f"passages: {', '.join(f'{n:,}' for n in sizes)}  ({REPEATS} repeats per question)"
          f"  load average {load_before} -> {_load()}")
    print(f"{'open (s)':<16}" + "".join(f"{results[n][0][0]:>22.2f}" for n in sizes))
    print(f"{'open CPU (s)':<16}" + "".join(f"{results[n][0][1]:>22.2f}" for n in sizes))
    print(f"{'question (ms)':<16}" + "".join(f"{'p50 / p95':>22}" for n in sizes))
    for kind in QUESTIONS:
        print(f"{kind:<16}" + "".join(
            f"{results[n][1][kind][0] * ms:>13.1f} / {results[n][1][kind][1] * ms:>6.1f}" for n in sizes))
    if len(sizes) > 1:
        a, b = sizes[0], sizes[-1]
        print(f"growth {a:,} -> {b:,} ({b / a:.0f}x passages): open {results[b][0][0] / results[a][0][0]:.1f}x,"
              f" CPU {results[b][0][1] / results[a][0][1]:.1f}x")


if __name__ == "__main__":
    main()
