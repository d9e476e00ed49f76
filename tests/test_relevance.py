"""Search quality on the shipped corpus, held at a floor: recall@5 over the
relevance set (tests/relevance.yml), judged by reading the entries.

The full figures per category, with a grep baseline, come from
`python benchmarks/relevance.py` and are kept in BENCHMARKS.md.
"""

from __future__ import annotations

from collections import Counter

from benchmarks.relevance import load_set, score, voorveld_rankings

RECALL_FLOOR = 0.90


def test_relevance_set_is_broad():
    queries = load_set()
    assert len(queries) >= 150
    categories = Counter(item["category"] for item in queries)
    for category in (
        "onderwerp",
        "verbuiging",
        "accenten",
        "samenstelling",
        "alias",
        "typfout",
        "frase",
        "uitsluiting",
        "filter",
        "plaats",
    ):
        assert categories[category] >= 2, category
    assert categories["onderzoeksvraag"] >= 60


def test_recall_at_5_holds_the_floor():
    queries = load_set()
    result = score(queries, voorveld_rankings(queries))
    recall, _mrr, _n, _ndcg = result["summary"]["alles"]
    misses = "\n".join(f"{q}: {missing} -- top 5 {top}" for q, missing, top in result["misses"])
    assert recall >= RECALL_FLOOR, f"recall@5 {recall:.3f} < {RECALL_FLOOR}\n{misses}"
