"""Derive retrieval/data/wordnet/wordnet.tsv.gz from the Open English WordNet tables.

Usage: python scripts/derive_wordnet.py /path/to/shared/wordnet

Keeps only what bridging needs, for single lowercase words (no proper nouns, no multi-word lemmas but
phrasal verbs, joined by "_": "go_up"):
  S <tab> members      one synset's members, space-separated (every synset with one such member, so the
                       set of all members is also the "is this an English word" lexicon)
  D <tab> lemma <tab> related   a derivation (die -> death), both words kept
  I <tab> form <tab> lemma      an irregular form (dying -> die, went -> go)
The source is Open English WordNet (CC BY 4.0) and Princeton WordNet; the attribution goes with the
table (retrieval/data/wordnet/README.md).
"""
from __future__ import annotations

import csv
import gzip
import re
import sys
from pathlib import Path

WORD = re.compile(r"^[a-z]+$")
# Phrasal verbs ("go up", "pay back", "find out") are kept as one member, "go_up": a reader types them
# where the article has one word ("rise", "repay", "discover").
PARTICLES = "up|down|out|off|back|in|on|over|away|through|along|around|about"
PHRASAL = re.compile(rf"^[a-z]+ (?:{PARTICLES})$")
OUT = Path(__file__).resolve().parent.parent / "retrieval" / "data" / "wordnet" / "wordnet.tsv.gz"


def rows(path: Path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        yield from reader


def main(source: Path) -> None:
    lines: list[str] = []
    seen: set[str] = set()
    for _synset, _pos, members in rows(source / "synsets.tsv.gz"):
        words = sorted({m.replace(" ", "_") for m in members.split("|") if WORD.match(m) or PHRASAL.match(m)})
        key = " ".join(words)
        if words and key not in seen:
            seen.add(key)
            lines.append(f"S\t{key}")
    pairs = {(a, b) for a, _pos, _s, b in rows(source / "derivations.tsv.gz")
             if a != b and WORD.match(a) and WORD.match(b)}
    lines += [f"D\t{a}\t{b}" for a, b in sorted(pairs)]
    forms = {(form, lemma) for lemma, _pos, form in rows(source / "irregular_forms.tsv.gz")
             if form != lemma and WORD.match(form) and WORD.match(lemma)}
    lines += [f"I\t{form}\t{lemma}" for form, lemma in sorted(forms)]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0) as f:
        f.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{OUT}: {len(lines)} rows, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/wordnet"))
