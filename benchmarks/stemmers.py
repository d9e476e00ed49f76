"""Which Dutch stemmer serves the relevance set best?

Runs tests/relevance.yml against a fresh index four times, each with another stemmer
behind the analyzer: Snowball's original Dutch (Porter-style, as Whoosh ships it) with
and without our repairs (search/dutch.py), and the Kraaij-Pohlmann stemmer that
Snowball 3 made its default `dutch` (package snowballstemmer >= 3), with and without
the repairs. Also prints the word pairs that matter (gemeente, ouderen/ouders, ...).

    pip install 'snowballstemmer>=3'   # only for this benchmark
    python benchmarks/stemmers.py
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

PAIRS = [
    ("gemeente", "gemeenten"),
    ("huisarts", "huisartsen"),
    ("gezin", "gezinnen"),
    ("ouderen", "ouders"),
    ("gesprek", "gezin"),
    ("sociaal", "sociale"),
    ("indicatie", "indicaties"),
    ("vrijwilliger", "vrijwilligers"),
]


def variants():
    import snowballstemmer
    from whoosh.lang.snowball.dutch import DutchStemmer

    from voorveld_cli.search import dutch

    porter = DutchStemmer().stem
    kp = snowballstemmer.stemmer("dutch").stemWord
    assert snowballstemmer.stemmer("dutch").stemWord("gemeente") == "meen", "not Kraaij-Pohlmann"

    class Bare:
        def __init__(self, fn):
            self.stem = fn

    return {
        "Snowball Dutch (Porter) + repairs [in use]": dutch.Stemmer(porter),
        "Snowball Dutch (Porter), bare": Bare(porter),
        "Kraaij-Pohlmann (Snowball 3 dutch) + repairs": dutch.Stemmer(kp),
        "Kraaij-Pohlmann (Snowball 3 dutch), bare": Bare(kp),
    }


def main() -> None:
    from benchmarks.relevance import load_set, score, voorveld_rankings
    from voorveld_cli.search import analysis

    queries = load_set()
    print(f"{len(queries)} queries; recall@5 / MRR, hits only (no term cards)\n")
    print("| stemmer | alles | onderzoeksvraag | verbuiging | samenstelling | pairs that meet |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, stemmer in variants().items():
        getattr(analysis._stemmer, "cache_clear", lambda: None)()
        analysis._stemmer = lambda s=stemmer: s
        summary = score(queries, voorveld_rankings(queries), hits_only=True)["summary"]
        cells = [
            f"{summary[c][0]:.3f} / {summary[c][1]:.3f}"
            for c in ("alles", "onderzoeksvraag", "verbuiging", "samenstelling")
        ]
        pairs = ", ".join(f"{a}={b}" if stemmer.stem(a) == stemmer.stem(b) else f"{a}≠{b}" for a, b in PAIRS)
        print(f"| {name} | {' | '.join(cells)} | {pairs} |")


if __name__ == "__main__":
    main()
