"""Search quality on the shipped corpus, held at a floor: recall@5 over the
relevance set (tests/relevance.yml), judged by reading the entries.

The full figures per category, with a grep baseline, come from
`python benchmarks/relevance.py` and are kept in BENCHMARKS.md.
"""

from __future__ import annotations

from collections import Counter

from benchmarks.relevance import Ranking, load_set, score

# As a reader sees it (term cards above the hits) and the hit list alone; a change that
# drops either below its floor made search worse for someone.
RECALL_FLOOR = 0.94
HITS_ONLY_FLOOR = 0.91
RESEARCH_FLOOR = 0.90  # category onderzoeksvraag, as shown


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


def top_5(queries: list[dict], search) -> list[Ranking]:
    """As benchmarks.relevance.voorveld_rankings, but each query as `--limit 5`: recall@5
    reads the top 5 and the cards only, and the top 5 at limit 5 is the top 5 of the full
    ranking (nearness is added until nothing unseen can reach the top, query._add_nearness).
    Snippets for 5 hits, not for every match, halve the time."""
    out = []
    for item in queries:
        result = search(item["query"], limit=5, **(item.get("filters") or {}))
        out.append(Ranking([hit.id for hit in result.hits], [card["id"] for card in result.cards]))
    return out


def test_recall_at_5_holds_the_floor(shipped_index):
    queries = load_set()
    rankings = top_5(queries, shipped_index)
    result = score(queries, rankings)
    recall, _mrr, _n, _ndcg = result["summary"]["alles"]
    misses = "\n".join(f"{q}: {missing} -- top 5 {top}" for q, missing, top in result["misses"])
    assert recall >= RECALL_FLOOR, f"recall@5 {recall:.3f} < {RECALL_FLOOR}\n{misses}"
    research = result["summary"]["onderzoeksvraag"][0]
    assert research >= RESEARCH_FLOOR, f"onderzoeksvraag recall@5 {research:.3f}\n{misses}"
    hits_only = score(queries, rankings, hits_only=True)["summary"]["alles"][0]
    assert hits_only >= HITS_ONLY_FLOOR, f"hits-only recall@5 {hits_only:.3f} < {HITS_ONLY_FLOOR}"
