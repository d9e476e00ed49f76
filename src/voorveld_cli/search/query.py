"""Searching the index: concepts, coordination, snippets and facet counts (ranking.py orders)."""

from __future__ import annotations

import itertools
from pathlib import Path

from whoosh import qparser, query

from voorveld_cli.content.filters import Filters
from voorveld_cli.content.vocabulary import Vocabulary
from voorveld_cli.search import ranking, snippets, synonyms
from voorveld_cli.search.analysis import query_stem
from voorveld_cli.search.documents import SEARCH_FIELDS, SNIPPET_FIELDS
from voorveld_cli.search.results import Hit, SearchResult
from voorveld_cli.search.store import READ_FAULTS, RefreshReport, open_index, read_synonyms


def _parser(schema, group) -> qparser.QueryParser:
    parser = qparser.MultifieldParser(list(SEARCH_FIELDS), schema, group=group)
    # + and - only at the start of a word: 'Wmo-consulent' and 're-integratie' are words,
    # '-respijtzorg' is an exclusion.
    parser.add_plugin(qparser.PlusMinusPlugin(plusexpr=r"(?<![^\s(])\+", minusexpr=r"(?<![^\s(])-"))
    parser.remove_plugin_class(qparser.FieldsPlugin)  # 'title:' is a word, not syntax
    # 'wat is mantelzorg?' is a question, not a wildcard: ? and * are no syntax.
    parser.remove_plugin_class(qparser.WildcardPlugin)
    return parser


def _filter_query(filters: Filters) -> query.Query | None:
    parts: list[query.Query] = []

    def any_of(fieldname: str, values) -> None:
        if values:
            parts.append(query.Or([query.Term(fieldname, str(v)) for v in values]))

    any_of("kind", filters.kinds)
    any_of("themes", filters.themes)
    any_of("laws" if filters.explicit_only else "laws_all", filters.laws)
    any_of("places", filters.places)
    any_of("province", filters.provinces)
    any_of("sources", filters.sources)
    if filters.as_of:
        parts.append(query.NumericRange("as_of", filters.as_of[0], filters.as_of[1]))
    return query.And(parts) if parts else None


# Facet key in the JSON -> index field that holds the exact values.
FACET_FIELDS = {
    "kind": "kind",
    "themes": "themes",
    "laws": "laws",
    "laws_inferred": "laws_inferred",
    "province": "province",
}


def _facets(searcher, docs: set[int]) -> dict[str, dict[str, int]]:
    """Counts per facet value over the matching documents, from the postings of the
    few facet terms; no stored document is read."""
    reader = searcher.reader()
    facets: dict[str, dict[str, int]] = {}
    for key, fieldname in FACET_FIELDS.items():
        counts = {}
        for term in reader.field_terms(fieldname):
            n = len(docs.intersection(reader.postings(fieldname, term).all_ids()))
            if n:
                counts[term] = n
        facets[key] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return facets


def search(
    ix,
    root: Path,
    text: str,
    filters: Filters,
    limit: int = 10,
    synonym_names: dict[str, list[str]] | None = None,
) -> SearchResult:
    """Ranked hits with snippets and facet counts. Never raises on odd query syntax.

    A natural query (words, phrases, -exclusions) is ranked by ranking.py: exact
    names first, then coordination over its concepts with a relaxing minimum. A
    query with AND/OR/NOT or brackets is taken as typed: all words, else any."""
    from voorveld_cli.settings import display_path

    result = SearchResult(query=text, total=0)
    filter_q = _filter_query(filters)
    with ix.searcher() as searcher:
        if ranking.is_natural(text):
            ranked, results = _natural(searcher, ix.schema, text, filter_q, synonym_names or {}, result)
            if result.corrections:
                result.suggestion = " ".join(result.corrections.get(w, w) for w in text.split())
        else:
            ranked, results = _boolean(searcher, ix.schema, text, filter_q, synonym_names or {}, result)
        result.total = len(ranked)
        result.facets = _facets(searcher, {c.docnum for c in ranked})
        if results is None:
            return result
        wanted = {text for name, text in results.q.iter_all_terms() if name in SNIPPET_FIELDS}
        analyzer = ix.schema["body"].analyzer
        top = max((c.bm25 for c in ranked), default=0.0)
        for candidate in ranked[:limit]:
            stored = searcher.stored_fields(candidate.docnum)
            record = dict(stored["record"])
            record["path"] = display_path(root / stored["path"])
            texts = [stored.get(name, "") for name in SNIPPET_FIELDS]
            snippet = snippets.snippet(texts, wanted, analyzer.terms_of, analyzer.fold)
            snippet = snippet or stored.get("summary", "")[:220]
            result.hits.append(Hit(record=record, score=candidate.key(top), snippet=snippet))
    return result


def _natural(searcher, schema, text: str, filter_q, names: dict, result: SearchResult):
    """Concepts, their matches and the ranked candidates of a natural query."""
    plan = ranking.plan(ranking.expand_elliptic(text), names)
    concepts = [_concept_query(searcher, schema, c, result) for c in plan.concepts]
    concepts = [(c, q) for c, q in concepts if q is not query.NullQuery]
    if not concepts:
        return [], None
    exclude = [_safe_parse(schema, word, qparser.OrGroup) for word in plan.excluded]
    mask = query.Or(exclude) if exclude else None
    required = [_safe_parse(schema, word, qparser.AndGroup) for word in plan.required]
    any_q: query.Query = query.Or([q for _, q in concepts])
    if required:
        any_q = query.And([any_q, *required])
    results = searcher.search(any_q, limit=None, filter=filter_q, mask=mask)
    if results.is_empty():
        return [], None
    candidates = {docnum: ranking.Candidate(docnum, score) for score, docnum in results.top_n}
    doc_count = searcher.doc_count() or 1
    weights = []
    for _concept, concept_q in concepts:
        docs = set(searcher.docs_for_query(concept_q)) & candidates.keys()
        weight = ranking.idf(doc_count, len(docs))
        weights.append(weight)
        for docnum in docs:
            candidates[docnum].matched += 1
            candidates[docnum].coordination += weight
    total_weight = sum(weights) or 1.0
    words = [w for c, _ in concepts for w in c.words]
    near = _near_counts(searcher, schema, words)
    corrected = " ".join(result.corrections.get(w, w) for w in text.split())
    # The query as typed, corrected, and without its question words ('wat is mantelzorg?').
    wanted = {ranking.name_key(text), ranking.name_key(corrected), " ".join(words)}
    named = {" ".join(c.words) for c, _ in concepts}
    stems = {_stem_key(schema, w) for w in words}
    rank_info = searcher.reader().column_reader("rank")  # no stored text read per candidate
    for candidate in candidates.values():
        candidate.coordination /= total_weight
        candidate.kind, labels, title_stems = rank_info[candidate.docnum]
        labels = labels or [""]
        candidate.exact_name = 2 if labels[0] in wanted else int(bool(wanted & set(labels[1:])))
        candidate.named_term = candidate.kind == "term" and bool(named & set(labels))
        title_stems = set(title_stems)
        candidate.title_words = len(title_stems)
        candidate.title_has_all = bool(stems) and stems <= title_stems
        candidate.near = near.get(candidate.docnum, 0) / max(len(words) - 1, 1)
    need = ranking.minimum_match((c.matched for c in candidates.values()), len(concepts))
    top = max(c.bm25 for c in candidates.values())
    ranked = sorted(
        (c for c in candidates.values() if c.matched >= need or c.exact_name),
        key=lambda c: (-c.key(top), c.docnum),
    )
    if any(c.matched < len(concepts) for c in ranked):
        result.mode = "or"  # some hits match only part of the query
    # A term the query names gets its card even when it matches too few of the other
    # words to be a hit: 'armoede en schulden gezinnen' still defines armoede.
    named_terms = sorted(
        (c for c in candidates.values() if c.named_term), key=lambda c: (-c.key(top), c.docnum)
    )
    result.cards += _cards(searcher, named_terms)
    return ranked, results


def _cards(searcher, named_terms) -> list[dict[str, str]]:
    """The terms the query names, as cards above the hits."""
    cards = []
    for candidate in named_terms[:MAX_CARDS]:
        stored = searcher.stored_fields(candidate.docnum)
        cards.append(
            {"id": stored["id"], "title": stored.get("title", ""), "definition": stored.get("definition", "")}
        )
    return cards


def _concept_query(searcher, schema, concept: ranking.Concept, result: SearchResult):
    """One concept as a query over every search field; an unknown word also tries
    its parts (a compound the corpus writes apart) and a spelling correction."""
    parsed = _safe_parse(schema, concept.text, qparser.OrGroup)
    if concept.phrase or len(concept.words) != 1 or _known(searcher, schema, concept.words[0]):
        return concept, parsed
    word = concept.words[0]
    alternatives = [parsed]
    parts = _split_known(searcher, schema, word)
    if parts:
        alternatives.append(query.And([_safe_parse(schema, p, qparser.OrGroup) for p in parts]))
    else:
        corrected = _correct_word(searcher, word)
        if corrected:
            alternatives.append(_safe_parse(schema, corrected, qparser.OrGroup))
            result.corrections[concept.text] = corrected
    return concept, query.Or(alternatives)


def _stem_key(schema, word: str) -> str:
    return query_stem(word, schema["body"].analyzer)


def _known(searcher, schema, word: str) -> bool:
    """Does the corpus use this word (in any form) anywhere?"""
    key = _stem_key(schema, word)
    reader = searcher.reader()
    return any(reader.doc_frequency(name, key) for name in SEARCH_FIELDS)


def _split_known(searcher, schema, word: str) -> list[str] | None:
    """'daklozenopvang' -> ['daklozen', 'opvang'] when the corpus knows both parts."""
    for cut in range(len(word) - 4, 3, -1):
        head, rest = word[:cut], word[cut:]
        for link in ("", "s", "e", "en"):
            left = head[: -len(link)] if link and head.endswith(link) else head
            if link and not head.endswith(link):
                continue
            if len(left) >= 4 and _known(searcher, schema, left) and _known(searcher, schema, rest):
                return [left, rest]
    return None


def _correct_word(searcher, word: str) -> str | None:
    """The corpus word nearest to a typo. Whoosh's corrector orders its candidates by
    frequency; the true edit distance (a swap counts once) picks between them, so
    'participatiwet' becomes 'participatiewet', not the more frequent 'participatie'."""
    if len(word) < 4 or not word.isalpha():
        return None
    from rapidfuzz.distance import DamerauLevenshtein

    suggestions = searcher.corrector("spell").suggest(word, limit=8, maxdist=2)
    if not suggestions:
        return None
    best = min(suggestions, key=lambda s: (DamerauLevenshtein.distance(word, s), suggestions.index(s)))
    return best if best != word else None


MAX_CARDS = 3  # glossary terms named by the query, shown above the hits
NEAR_SLOP = 3  # words at most this far apart count as 'together'


def _near_counts(searcher, schema, words: list[str]) -> dict[int, int]:
    """Per entry, how many neighbouring pairs of the query's words stand close
    together (at most NEAR_SLOP apart) in the title, summary or body."""
    stems = [_stem_key(schema, w) for w in words]
    counts: dict[int, int] = {}
    for pair in itertools.pairwise(stems):
        phrases = [query.Phrase(name, list(pair), slop=NEAR_SLOP) for name in ("title", "summary", "body")]
        for docnum in searcher.docs_for_query(query.Or(phrases)):
            counts[docnum] = counts.get(docnum, 0) + 1
    return counts


def _boolean(searcher, schema, text: str, filter_q, names: dict, result: SearchResult):
    """A query with operators, as typed: all words, else any of them."""
    expanded = synonyms.rewrite(text, names)
    parsed = _safe_parse(schema, expanded, qparser.AndGroup)
    results = searcher.search(parsed, limit=None, filter=filter_q)
    if results.is_empty() and len(text.split()) > 1:
        results = searcher.search(_safe_parse(schema, expanded, qparser.OrGroup), limit=None, filter=filter_q)
        result.mode = "or"
    ranked = [ranking.Candidate(docnum, score) for score, docnum in results.top_n]
    for candidate in ranked:
        candidate.coordination = 1.0
    return ranked, (results if ranked else None)


def _safe_parse(schema, text: str, group) -> query.Query:
    try:
        return _parser(schema, group).parse(text)
    except Exception:
        words = " ".join(w for w in "".join(c if c.isalnum() else " " for c in text).split())
        return _parser(schema, group).parse(words) if words else query.NullQuery


def search_corpus(
    root: Path, vocab: Vocabulary, text: str, filters: Filters, limit: int = 10
) -> tuple[SearchResult, RefreshReport]:
    """Open (refreshing as needed) and search; an index that fails mid-search is
    rebuilt once and the search repeated, with a notice."""
    ix, report = open_index(root, vocab)
    try:
        return search(ix, root, text, filters, limit, read_synonyms(ix, vocab)), report
    except READ_FAULTS as err:  # damage the open-time check did not see; a bug still shows
        ix, report = open_index(root, vocab, rebuild=True)
        report.notices.insert(0, f"index beschadigd ({type(err).__name__}); opnieuw opgebouwd")
        return search(ix, root, text, filters, limit, read_synonyms(ix, vocab)), report
