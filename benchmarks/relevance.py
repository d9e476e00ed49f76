"""Search quality on the shipped corpus: recall@5 and MRR over tests/relevance.yml,
for voorveld and for a plain grep baseline.

    python benchmarks/relevance.py            # figures per category and overall
    python benchmarks/relevance.py --misses   # also every query that missed an expected entry

recall@5: per query, the share of its expected entries found in the top 5; averaged.
MRR: per query, 1 / the rank of the first expected entry in the full ranking (0 if
absent); averaged. nDCG@5: binary gains (an expected entry is relevant), discounted
by log2(rank + 1), divided by the ideal ordering; averaged.

Two baselines, ties broken by file name:
- grep: files ranked by how many distinct query words they contain as plain
  substrings (case-insensitive): what a researcher gets from `grep -c`.
- or-count: files ranked by how many distinct query words they contain as whole
  words (case-insensitive, no stemming, no accent folding): "counting words".
"""

from __future__ import annotations

import argparse
import math
import os
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
SET = REPO / "tests" / "relevance.yml"
CONTENT = REPO / "content"


def load_set(path: Path = SET) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]


class Ranking(list):
    """The hits in order, plus the term cards printed above them (JSON "terms").

    A card is a panel of its own above the hit list, not a hit: a term the query names
    and the reader sees defined there counts as found at rank 1, while the hits keep
    their own ranks. `--hits-only` scores the hit list alone.
    """

    def __init__(self, hits: list[str], cards: list[str] = ()):
        super().__init__(hits)
        self.cards = list(cards)


def voorveld_rankings(queries: list[dict], content: Path = CONTENT) -> list[list[str]]:
    """The full ranked id list per query, from a fresh index of `content`."""
    from voorveld_cli import search as index
    from voorveld_cli.content.filters import build
    from voorveld_cli.content.vocabulary import load

    with tempfile.TemporaryDirectory() as cache:
        previous = os.environ.get("VOORVELD_CACHE")
        os.environ["VOORVELD_CACHE"] = cache
        try:
            vocab, _ = load(content)
            ix, _ = index.open_index(content, vocab)
            names = index.synonym_table(ix, vocab)
            out = []
            for item in queries:
                filters = build(vocab, **{k: v for k, v in (item.get("filters") or {}).items()})
                result = index.search(ix, content, item["query"], filters, limit=1000, synonym_names=names)
                out.append(Ranking([hit.id for hit in result.hits], [card["id"] for card in result.cards]))
            ix.close()
            return out
        finally:
            if previous is None:
                os.environ.pop("VOORVELD_CACHE", None)
            else:
                os.environ["VOORVELD_CACHE"] = previous


def grep_rankings(queries: list[dict], content: Path = CONTENT) -> list[list[str]]:
    files = {p.stem: p.read_text(encoding="utf-8").lower() for p in sorted(content.glob("*/*.md"))}
    out = []
    for item in queries:
        words = {w for w in re.findall(r"[\w'’-]+", item["query"].lower()) if not w.startswith("-")}
        scored = [(sum(w in text for w in words), name) for name, text in files.items()]
        out.append([name for score, name in sorted(scored, key=lambda s: (-s[0], s[1])) if score > 0])
    return out


def or_count_rankings(queries: list[dict], content: Path = CONTENT) -> list[list[str]]:
    files = {
        p.stem: set(re.findall(r"\w+", p.read_text(encoding="utf-8").lower()))
        for p in sorted(content.glob("*/*.md"))
    }
    out = []
    for item in queries:
        words = {w for w in re.findall(r"\w+", item["query"].lower())}
        scored = [(len(words & tokens), name) for name, tokens in files.items()]
        out.append([name for score, name in sorted(scored, key=lambda s: (-s[0], s[1])) if score > 0])
    return out


def _ndcg5(expected: list[str], ranking: list[str]) -> float:
    gains = sum(1 / math.log2(rank + 2) for rank, got in enumerate(ranking[:5]) if got in expected)
    ideal = sum(1 / math.log2(rank + 2) for rank in range(min(5, len(expected))))
    return gains / ideal


def score(queries: list[dict], rankings: list[list[str]], hits_only: bool = False) -> dict:
    """Per category (and `alles`): (recall@5, MRR, query count, nDCG@5)."""
    per_category: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    misses = []
    for item, ranking in zip(queries, rankings, strict=True):
        expected = item["expect"]
        cards = [] if hits_only else getattr(ranking, "cards", [])
        top = [*ranking[:5], *cards]
        recall = sum(e in top for e in expected) / len(expected)
        ranks = [1 if e in cards else ranking.index(e) + 1 for e in expected if e in cards or e in ranking]
        rr = 1 / min(ranks) if ranks else 0.0
        carded = [e for e in expected if e in cards]
        ndcg = _ndcg5(expected, carded + [r for r in ranking if r not in carded])
        values = (recall, rr, ndcg)
        per_category[item.get("category", "overig")].append(values)
        per_category["alles"].append(values)
        if recall < 1:
            misses.append((item["query"], [e for e in expected if e not in top], top))
    summary = {
        cat: (
            sum(v[0] for v in vals) / len(vals),
            sum(v[1] for v in vals) / len(vals),
            len(vals),
            sum(v[2] for v in vals) / len(vals),
        )
        for cat, vals in per_category.items()
    }
    return {"summary": summary, "misses": misses}


def report(show_misses: bool = False) -> str:
    queries = load_set()
    rankings = voorveld_rankings(queries)
    ours = score(queries, rankings)
    bare = score(queries, rankings, hits_only=True)
    grep = score(queries, grep_rankings(queries))
    orc = score(queries, or_count_rankings(queries))
    lines = [
        f"Relevance set: {len(queries)} queries (tests/relevance.yml), corpus: content/.",
        "",
        "| category | queries | voorveld recall@5 | MRR | nDCG@5 | hits only recall@5 | MRR "
        "| or-count recall@5 | MRR | nDCG@5 | grep recall@5 | MRR | nDCG@5 |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    categories = [*sorted(c for c in ours["summary"] if c != "alles"), "alles"]
    for cat in categories:
        r, m, n, g = ours["summary"][cat]
        br, bm, _, _ = bare["summary"][cat]
        orr, orm, _, org = orc["summary"][cat]
        gr, gm, _, gg = grep["summary"][cat]
        label = f"**{cat}**" if cat == "alles" else cat
        lines.append(
            f"| {label} | {n} | {r:.3f} | {m:.3f} | {g:.3f} | {br:.3f} | {bm:.3f} | {orr:.3f} | {orm:.3f} | {org:.3f} "
            f"| {gr:.3f} | {gm:.3f} | {gg:.3f} |"
        )
    if show_misses:
        lines += ["", "Misses (query: expected but not in the top 5; the top 5):"]
        lines += [f"- {q}: {', '.join(missing)} -- {', '.join(top)}" for q, missing, top in ours["misses"]]
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "src"))
    print(report(args.misses))
