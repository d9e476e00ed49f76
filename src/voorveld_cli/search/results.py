"""What a search returns, independent of the engine that produced it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from voorveld_cli.render.plain import strip_marks


@dataclass
class Hit:
    """One search hit: the entry's list record, its score and a snippet."""

    record: dict[str, Any]  # a list record (records.LIST_FIELDS)
    score: float
    snippet: str  # with HIT_START/HIT_END marks around matches

    @property
    def id(self) -> str:
        return self.record["id"]


SearchMode = Literal["and", "or"]


@dataclass
class SearchResult:
    """What a search found: the hits, their number, the facet counts and the notes to show."""

    query: str
    total: int
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None  # the query with unknown words corrected ("Bedoelde u")
    mode: SearchMode = "and"  # "and" when every hit matches every concept, else "or"
    notices: list[str] = field(default_factory=list)  # for stderr
    corrections: dict[str, str] = field(default_factory=dict)  # typed word -> corrected word
    cards: list[dict[str, str]] = field(default_factory=list)  # terms the query names: id, title, definition

    def as_dict(self) -> dict[str, Any]:
        """The JSON contract of `voorveld search --format json`."""
        return {
            "query": self.query,
            "total": self.total,
            "mode": self.mode,
            "suggestion": self.suggestion,
            "hits": [
                {
                    "id": hit.record["id"],
                    "kind": hit.record["kind"],
                    "title": hit.record["title"],
                    "score": round(hit.score, 4),
                    "snippet": strip_marks(hit.snippet),
                    **{k: v for k, v in hit.record.items() if k not in ("id", "kind", "title")},
                }
                for hit in self.hits
            ],
            "facets": self.facets,
            "terms": self.cards,
        }
