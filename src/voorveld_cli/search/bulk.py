"""The corpus for a search cluster: OpenSearch/Elasticsearch bulk NDJSON and an index
mapping that reproduces our Dutch analysis there.

`voorveld export --format bulk -o DIR` writes DIR/bulk.ndjson (an action line and a
document line per entry) and DIR/mapping.json (settings and mappings for
`PUT /voorveld`). The analysis in the mapping mirrors analysis.py:

- lowercase and asciifolding (cliënten -> clienten);
- the Dutch stop words we use (Whoosh's list, less the words that carry meaning here);
- a dictionary_decompounder whose word list is every compound part our analysis finds
  in the corpus vocabulary (mantelzorg -> zorg, mantel), index side only;
- a stemmer_override with our repairs for every corpus word where they differ from
  plain Snowball, and the irregular forms of dutch.py; then the Snowball Dutch stemmer;
- a synonym_graph at search time with the law aliases and the glossary's names.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from voorveld_cli.content.model import Entry
from voorveld_cli.content.vocabulary import Vocabulary
from voorveld_cli.search import dutch
from voorveld_cli.search.documents import SEARCH_FIELDS
from voorveld_cli.search.ranking import name_key

INDEX = "voorveld"
_WORD = re.compile(r"\w+")
KEYWORD_FIELDS = ("themes", "laws", "laws_inferred", "laws_all", "places", "province", "sources")


def documents(entries: Sequence[Entry], vocab: Vocabulary, root: Path) -> list[dict]:
    """Each entry as the fields the Whoosh index has, lists for the exact values."""
    from voorveld_cli.search.documents import document

    out = []
    for entry in entries:
        rel = entry.path.relative_to(root).as_posix() if entry.path.is_relative_to(root) else entry.path.name
        doc = document(entry, vocab, rel)
        body = {"id": doc["id"], "kind": doc["kind"], "path": rel}
        body.update({name: doc[name] for name in SEARCH_FIELDS})
        body.update({name: [v for v in doc[name].split(",") if v] for name in KEYWORD_FIELDS})
        if "as_of" in doc:
            body["as_of"] = doc["as_of"]
        out.append(body)
    return out


def ndjson(docs: Iterable[dict]) -> str:
    lines = []
    for doc in docs:
        lines.append(json.dumps({"index": {"_index": INDEX, "_id": doc["id"]}}, ensure_ascii=False))
        lines.append(json.dumps(doc, ensure_ascii=False))
    return "\n".join(lines) + "\n"  # the bulk API wants a final newline


def _vocabulary(docs: Iterable[dict]) -> set[str]:
    from voorveld_cli.search.analysis import DutchAnalyzer

    fold = DutchAnalyzer.fold
    words: set[str] = set()
    for doc in docs:
        for name in SEARCH_FIELDS:
            words.update(fold(w) for w in _WORD.findall(doc[name]))
    return {w for w in words if w.isalpha()}


def mapping(docs: Sequence[dict], synonym_groups: Iterable[Iterable[str]]) -> dict:
    from whoosh.lang.snowball.dutch import DutchStemmer

    from voorveld_cli.search.analysis import _stemmer, _stoplist

    words = _vocabulary(docs)
    ours, snowball = _stemmer().stem, DutchStemmer().stem
    overrides = dict(dutch.EXCEPTIONS)
    overrides.update({w: ours(w) for w in sorted(words) if ours(w) != snowball(w)})
    parts = sorted({p for w in words for p in dutch.compound_parts(w)} | set(dutch.HEADS))
    rules: set[str] = set()
    for group in synonym_groups:  # names as folded words: a comma would split a name in two
        names = [key for key in dict.fromkeys(name_key(str(n)) for n in group) if key]
        if len(names) > 1:
            rules.add(", ".join(names))
    synonyms = sorted(rules)
    text_index = ["lowercase", "asciifolding", "nl_stop", "nl_compounds", "nl_overrides", "nl_snowball"]
    text_search = ["lowercase", "asciifolding", "nl_synonyms", "nl_stop", "nl_overrides", "nl_snowball"]
    text = {"type": "text", "analyzer": "voorveld_nl", "search_analyzer": "voorveld_nl_search"}
    return {
        "settings": {
            "analysis": {
                "filter": {
                    "nl_stop": {"type": "stop", "stopwords": sorted(_stoplist())},
                    "nl_compounds": {
                        "type": "dictionary_decompounder",
                        "word_list": parts,
                        "min_subword_size": dutch.MIN_MODIFIER,
                    },
                    "nl_overrides": {
                        "type": "stemmer_override",
                        "rules": [f"{form} => {stem}" for form, stem in sorted(overrides.items())],
                    },
                    "nl_snowball": {"type": "stemmer", "language": "dutch"},
                    "nl_synonyms": {"type": "synonym_graph", "lenient": True, "synonyms": synonyms},
                },
                "analyzer": {
                    "voorveld_nl": {"type": "custom", "tokenizer": "standard", "filter": text_index},
                    "voorveld_nl_search": {"type": "custom", "tokenizer": "standard", "filter": text_search},
                },
            }
        },
        "mappings": {
            "properties": {
                "id": {"type": "keyword"},
                "kind": {"type": "keyword"},
                "path": {"type": "keyword", "index": False},
                **{name: dict(text) for name in SEARCH_FIELDS},
                **{name: {"type": "keyword"} for name in KEYWORD_FIELDS},
                "as_of": {"type": "integer"},
            }
        },
    }


def synonym_groups(vocab: Vocabulary, entries: Iterable[Entry]) -> list[list[str]]:
    """The same groups as the Whoosh synonym table: each law and each term with its aliases."""
    groups = [[value.key, *value.aliases] for value in vocab.values("laws").values()]
    groups += [[e.title, *map(str, e.as_list("aliases"))] for e in entries if e.kind == "term"]
    return groups


def write(folder: Path, entries: Sequence[Entry], vocab: Vocabulary, root: Path) -> int:
    """bulk.ndjson and mapping.json in `folder` (made if needed); returns the entry count."""
    docs = documents(entries, vocab, root)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bulk.ndjson").write_text(ndjson(docs), encoding="utf-8")
    body = mapping(docs, synonym_groups(vocab, entries))
    (folder / "mapping.json").write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(docs)
