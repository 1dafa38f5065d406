"""Speaker attribution on real news nobody here wrote: recall and precision per gold span.

The gold set is ``bench/realnews/annotations-dev.yaml`` (tune on it; its misses may be read),
``annotations-dev2.yaml`` (a fresh dev split from pages neither other split used; tune on it too) and
``bench/realnews/annotations-test.yaml`` (read only its score, never its misses). Both hold only page
ids, character offsets, speakers and cue words; the page text stays in ``../shared/pages``
(``ground-truth.json``: id -> {url, articleBody}). Without it the script says so and exits 0.

Each page's body becomes an Article (one paragraph per non-blank line) and goes through the core's
``attribute``. A gold span's predicted speaker is the speaker of the quote-level span that overlaps it
most where the core reports quote spans (none when no quote span overlaps it); where the core reports
none, the speaker of the paragraph that holds it.

Printed per split: pages, gold spans, and for the headline class (kind speech, named source) and for
all kinds: recall = right / gold spans, precision = right / spans given a speaker.

Run: python bench/bench_attribution_real.py [--shared DIR] [--misses [dev|dev2]]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from retrieval.article import Article, Passage  # noqa: E402
from retrieval.attribution import attribute  # noqa: E402

GOLD = ROOT / "bench" / "realnews"
SPLITS = ("dev", "dev2", "test")
MISSES_SPLITS = ("dev", "dev2")  # the splits whose misses may be read
# ../shared beside the repo; from a worktree under ../wt/NAME, the one beside that.
DEFAULT_SHARED = next((d for d in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if d.is_dir()),
                      ROOT.parent / "shared")
HEADLINE = "speech, named"

# Words before or after a name that do not tell two people apart. The scorer keeps its own list so
# that growing the core's lexicon never moves the yardstick.
_TITLES = frozenset("""
mr mrs ms miss mx dr prof professor sir dame lady lord rev reverend fr father sister brother sheikh
president vice prime minister secretary senator sen rep representative congressman congresswoman
gov governor mayor judge justice chief general gen col colonel lt lieutenant capt captain maj major
sgt sergeant officer detective inspector superintendent commissioner ambassador chancellor king queen
prince princess pope cardinal bishop rabbi imam attorney coach ceo chairman chairwoman chair
""".split())
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass(frozen=True)
class Span:
    page: str
    start: int
    end: int
    speaker: str
    cue: str
    kind: str
    named: bool

    @property
    def headline(self) -> bool:
        return self.kind == "speech" and self.named


@dataclass(frozen=True)
class Scored:
    span: Span
    predicted: str | None

    @property
    def right(self) -> bool:
        return self.predicted is not None and same_source(self.span.speaker, self.predicted)


def _words(name: str) -> list[str]:
    text = name.replace("’", "'").casefold()
    text = re.sub(r"'s\b", "", text)
    words = [w.strip(".,'\"“”") for w in re.split(r"[\s,]+", text)]
    words = [w for w in words if w]
    if words and words[0] in {"the", "a", "an"}:
        words = words[1:]
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    return words


def same_source(gold: str, predicted: str) -> bool:
    """The same person or organisation: the same words ignoring case, titles and a leading "the"; or
    the same surname with no conflicting first name ("Kuo" is "Ming-Chi Kuo"; "Imran Khan" is not
    "Khurram Dastagir Khan")."""
    g, p = _words(gold), _words(predicted)
    if not g or not p:
        return False
    if g == p:
        return True
    if g[-1] != p[-1]:
        return False
    if len(g) == 1 or len(p) == 1:
        return True
    return g[0] in p or p[0] in g or (len(g[0]) == 1 and p[0].startswith(g[0])) or (
        len(p[0]) == 1 and g[0].startswith(p[0]))


def load_gold(path: Path) -> list[Span]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [Span(page=str(entry["page"]), start=s["start"], end=s["end"], speaker=str(s["speaker"]),
                 cue=str(s["cue"]), kind=s["kind"], named=bool(s["named"]))
            for entry in data for s in entry["spans"]]


def paragraphs(body: str) -> list[tuple[int, str]]:
    """(offset, text) of each non-blank line, its text stripped, as the page parsers keep it."""
    found = []
    for match in re.finditer(r"[^\n]+", body):
        raw = match.group()
        text = raw.strip()
        if text:
            found.append((match.start() + (len(raw) - len(raw.lstrip())), text))
    return found


def build_article(page: str, url: str, body: str) -> tuple[Article, list[int]]:
    """The page as the core's Article, and each paragraph's offset into ``body``."""
    paras = paragraphs(body)
    passages = tuple(
        Passage(id=f"p{n}", kind="paragraph", number=n, text=text, line=body.count("\n", 0, offset) + 1)
        for n, (offset, text) in enumerate(paras, start=1)
    )
    return Article(title=url or page, published=None, passages=passages, source=f"{page}.json", url=url), [
        offset for offset, _ in paras]


def _field(item: Any, name: str) -> Any:
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def has_quote_spans(cast: Any) -> bool:
    """Whether the core reports quote-level spans: ``cast.quotes``, or ``quotes`` on its attributions."""
    return hasattr(cast, "quotes") or any(hasattr(a, "quotes") for attrs in cast.attributions.values() for a in attrs)


def quote_spans(cast: Any, passage_id: str) -> list[tuple[int, int, str | None]]:
    """The core's quote-level spans in one passage, (start, end, speaker) relative to its text.
    Accepts ``cast.quotes`` as a mapping passage id -> spans or as one sequence of spans naming their
    passage (``passage_id`` or ``passage``), or ``quotes`` on each attribution; a span is an object or
    a dict with ``start``, ``end`` and ``speaker``."""
    quotes = getattr(cast, "quotes", None)
    items: list[Any]
    if isinstance(quotes, Mapping):
        items = list(quotes.get(passage_id, ()) or ())
    elif isinstance(quotes, (list, tuple)):
        items = [q for q in quotes if (_field(q, "passage_id") or _field(q, "passage")) == passage_id]
    else:
        items = [q for a in cast.attributions.get(passage_id, ()) for q in (getattr(a, "quotes", None) or ())]
    spans = []
    for q in items:
        start, end = _field(q, "start"), _field(q, "end")
        if isinstance(start, int) and isinstance(end, int) and end > start:
            spans.append((start, end, _field(q, "speaker")))
    return spans


def predict(article: Article, offsets: list[int], cast: Any, span: Span, by_quote: bool) -> str | None:
    """The speaker the core gives a gold span: with quote spans, the one overlapping it most (none when
    none overlaps); without, its paragraph's speaker."""
    index = max((i for i, o in enumerate(offsets) if o <= span.start), default=None)
    if index is None:
        return None
    passage = article.paragraphs[index]
    if not by_quote:
        return cast.speaker_of(passage.id)
    start, end = span.start - offsets[index], span.end - offsets[index]
    best, overlap = None, 0
    for q_start, q_end, speaker in quote_spans(cast, passage.id):
        size = min(end, q_end) - max(start, q_start)
        if size > overlap:
            best, overlap = speaker, size
    return best


def score_split(spans: list[Span], pages: dict[str, dict[str, str]], modes: set[str]) -> list[Scored]:
    """Each gold span with the speaker the core predicts; ``modes`` collects how predictions were read."""
    by_page: dict[str, list[Span]] = {}
    for s in spans:
        by_page.setdefault(s.page, []).append(s)
    scored = []
    for page, page_spans in by_page.items():
        if page not in pages:
            raise SystemExit(f"error: page {page} is annotated but not in ground-truth.json")
        article, offsets = build_article(page, pages[page].get("url", ""), pages[page]["articleBody"])
        cast = attribute(article)
        by_quote = has_quote_spans(cast)
        modes.add("quote spans" if by_quote else "paragraph speakers")
        scored.extend(Scored(s, predict(article, offsets, cast, s, by_quote)) for s in page_spans)
    return scored


def _ratio(right: int, total: int) -> str:
    return f"{right / total:.3f} ({right}/{total})" if total else "  n/a"


def figures(scored: list[Scored]) -> tuple[str, str]:
    right = sum(s.right for s in scored)
    predicted = sum(s.predicted is not None for s in scored)
    return _ratio(right, len(scored)), _ratio(right, predicted)


def report(name: str, scored: list[Scored]) -> Iterator[str]:
    pages = len({s.span.page for s in scored})
    head = [s for s in scored if s.span.headline]
    yield f"{name:5} {pages:3} pages {len(scored):4} spans"
    for label, rows in ((HEADLINE, head), ("all kinds", scored)):
        recall, precision = figures(rows)
        yield f"      {label:14} recall {recall:18} precision {precision}"


def misses(scored: list[Scored], pages: dict[str, dict[str, str]]) -> Iterator[str]:
    for s in scored:
        if s.right:
            continue
        span = s.span
        words = pages[span.page]["articleBody"][span.start:span.end]
        if len(words) > 110:
            words = words[:60] + " … " + words[-40:]
        flag = "*" if span.headline else " "
        yield (f"{flag} {span.page[:8]} [{span.start}:{span.end}] {span.kind}/{span.cue}: gold {span.speaker!r}, "
               f"got {s.predicted!r}\n      «{words}»")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED,
                        help="the shared folder holding pages/ground-truth.json")
    parser.add_argument("--misses", nargs="?", const="dev", metavar="SPLIT",
                        help="list a dev split's misses (dev, the default, or dev2; * marks the headline class); "
                             "the test split refuses")
    args = parser.parse_args(argv)
    if args.misses is not None and args.misses not in MISSES_SPLITS:
        print(f"error: misses are listed for the dev split only; the {args.misses} split is read only by "
              "its score", file=sys.stderr)
        return 2
    truth = args.shared / "pages" / "ground-truth.json"
    if not truth.is_file():
        print(f"skipped: {truth} is absent (the real pages are not in the repo)")
        return 0
    pages = json.loads(truth.read_text(encoding="utf-8"))
    results: dict[str, list[Scored]] = {}
    modes: set[str] = set()
    lines: list[str] = []
    for split in SPLITS:
        path = GOLD / f"annotations-{split}.yaml"
        if not path.is_file():
            lines.append(f"{split:5} (no {path.relative_to(ROOT)})")
            continue
        results[split] = score_split(load_gold(path), pages, modes)
        lines.extend(report(split, results[split]))
    print(f"speaker attribution on real news; headline class = {HEADLINE}; predicted speakers from "
          f"{' and '.join(sorted(modes)) or 'nothing'}")
    for line in lines:
        print(line)
    if args.misses and args.misses in results:
        print(f"\n{args.misses} misses:")
        for line in misses(results[args.misses], pages):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
