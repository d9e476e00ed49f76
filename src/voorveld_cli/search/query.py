"""Searching the index: concepts, coordination, snippets and facet counts (ranking.py orders)."""

from __future__ import annotations

import heapq
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import qparser, query

from voorveld_cli.content.filters import Filters
from voorveld_cli.content.vocabulary import Vocabulary
from voorveld_cli.search import facets, matchscores, nearness, ranking, scoring, snippets, synonyms
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


@dataclass
class _Ranked:
    """What a query found: the hits to show (best first), every matching entry (for the
    total and the facets), and the words to mark in snippets."""

    top: list[ranking.Candidate] = field(default_factory=list)
    docs: set[int] = field(default_factory=set)
    words: set[str] = field(default_factory=set)


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
    with ix.searcher(weighting=scoring.LeanBM25F()) as searcher:
        allowed = _allowed(searcher, filters)
        if ranking.is_natural(text):
            found = _natural(searcher, ix.schema, text, allowed, synonym_names or {}, result, limit)
            if result.corrections:
                result.suggestion = " ".join(result.corrections.get(w, w) for w in text.split())
        else:
            found = _boolean(searcher, ix.schema, text, allowed, synonym_names or {}, result, limit)
        result.total = len(found.docs)
        reader = searcher.reader()
        bitmaps = facets.load(_folder(ix), reader)
        result.facets = facets.counts(bitmaps, found.docs, reader.doc_count_all())
        analyzer = ix.schema["body"].analyzer
        for candidate in found.top:
            stored = searcher.stored_fields(candidate.docnum)
            record = dict(stored["record"])
            record["path"] = display_path(root / stored["path"])
            texts = [stored.get(name, "") for name in SNIPPET_FIELDS]
            snippet = snippets.snippet(texts, found.words, analyzer.terms_of, analyzer.fold)
            snippet = snippet or stored.get("summary", "")[:220]
            result.hits.append(Hit(record=record, score=candidate.score, snippet=snippet))
    return result


def _folder(ix) -> Path | None:
    folder = getattr(ix.storage, "folder", None)
    return Path(folder) if folder else None  # None: an index in memory


def _allowed(searcher, filters: Filters) -> set[int] | None:
    """The entries the filters let through; None when there are no filters."""
    filter_q = _filter_query(filters)
    return None if filter_q is None else set(searcher.docs_for_query(filter_q))


def _docs(searcher, q, within: set[int] | None = None) -> set[int]:
    docs = set(searcher.docs_for_query(q))
    return docs if within is None else docs & within


def _words(q) -> set[str]:
    """The words of a query to mark in snippets."""
    return {text for name, text in q.iter_all_terms() if name in SNIPPET_FIELDS}


def _natural(searcher, schema, text: str, allowed, names: dict, result: SearchResult, limit: int) -> _Ranked:
    """The concepts of a natural query, the entries that match enough of them, and the best."""
    plan = ranking.plan(ranking.expand_elliptic(text), names)
    concepts = [_concept_query(searcher, schema, c, result) for c in plan.concepts]
    concepts = [(c, q) for c, q in concepts if q is not query.NullQuery]
    if not concepts:
        return _Ranked()
    required = [_safe_parse(schema, word, qparser.AndGroup) for word in plan.required]
    per_concept, pool, bm25 = _match(
        searcher, schema, [q for _, q in concepts], plan.excluded, required, allowed
    )
    if not pool:
        return _Ranked()
    any_q: query.Query = query.Or([q for _, q in concepts])
    if required:
        any_q = query.And([any_q, *required])
    board = _Board.of(per_concept, pool, bm25, searcher.doc_count() or 1)
    board.terms = _docs(searcher, query.Term("kind", "term"), pool)
    board.add(_special(searcher, schema, text, concepts, pool, board.terms, result))
    need = ranking.minimum_match(board.matched.values(), len(concepts))
    ranked = {d for d, n in board.matched.items() if n >= need or board.exact(d)}
    if any(map(len(concepts).__gt__, map(board.matched.__getitem__, ranked))):
        result.mode = "or"  # some hits match only part of the query
    # A term the query names gets its card even when it matches too few of the other
    # words to be a hit: 'armoede en schulden gezinnen' still defines armoede.
    named = {d for d, c in board.special.items() if c.named_term}
    words = [w for c, _ in concepts for w in c.words]
    keys = board.keys(ranked)
    if len(words) > 1:
        _add_nearness(board, searcher, schema, words, keys, limit, named)
    order = heapq.nsmallest(limit, keys, key=lambda d: (-keys[d], d))
    cards = sorted((board.candidate(d) for d in named), key=lambda c: (-c.score, c.docnum))
    result.cards += _cards(searcher, cards)
    return _Ranked([board.candidate(d) for d in order], ranked, _words(any_q))


@dataclass
class _Board:
    """What is known of every candidate of a natural query, and its sort key
    (ranking.Candidate.key). Entries with nothing but coordination, BM25 and being a
    glossary term or not to their name stay numbers in dicts and a set; the rest are
    Candidates in `special`."""

    matched: dict[int, int]  # concepts matched
    coordination: dict[int, float]  # idf-weighted share of the concepts
    bm25: dict[int, float]
    best: float  # the best BM25 among the candidates, which scales the rest
    special: dict[int, ranking.Candidate] = field(default_factory=dict)
    terms: set[int] = field(default_factory=set)  # the glossary terms among the candidates

    @classmethod
    def of(cls, per_concept: list[dict[int, float]], pool: set[int], bm25, doc_count: int) -> _Board:
        best = max(bm25.values(), default=0.0)
        if len(per_concept) == 1:  # one concept: every candidate has it, and all of the weight
            weight = ranking.idf(doc_count, len(pool))
            share = weight / weight if weight else 0.0  # what the general sum gives: 1.0, or 0.0
            return cls(dict.fromkeys(pool, 1), dict.fromkeys(pool, share), bm25, best)
        matched: dict[int, int] = dict.fromkeys(pool, 0)
        coordination: dict[int, float] = dict.fromkeys(pool, 0.0)
        weights = []
        for scores in per_concept:
            docs = scores.keys() & pool
            weight = ranking.idf(doc_count, len(docs))
            weights.append(weight)
            for docnum in docs:
                matched[docnum] += 1
                coordination[docnum] += weight
        total = sum(weights) or 1.0
        shares = {d: c / total for d, c in coordination.items()}
        return cls(matched, shares, bm25, best)

    def add(self, special: dict[int, ranking.Candidate]) -> None:
        for docnum, candidate in special.items():
            candidate.matched = self.matched[docnum]
            candidate.coordination = self.coordination[docnum]
            self.special[docnum] = candidate

    def add_near(self, near: dict[int, int], pairs: int) -> None:
        for docnum, count in near.items():
            if docnum not in self.special:
                self.add({docnum: self._plain(docnum)})
            self.special[docnum].near = count / max(pairs, 1)

    def exact(self, docnum: int) -> bool:
        return docnum in self.special and bool(self.special[docnum].exact_name)

    def key(self, docnum: int) -> float:
        found = self.special.get(docnum)
        if found:
            static = found.static()
        else:
            static = ranking.plain_static(self.coordination[docnum], docnum in self.terms)
        return ranking.sort_key(static, self.bm25.get(docnum, 0.0), self.best)

    def keys(self, docs) -> dict[int, float]:
        """key() of every entry in docs, computed once (the plain ones all together)."""
        special = self.special
        keys = ranking.plain_keys(
            (d for d in docs if d not in special), self.coordination, self.bm25, self.best, self.terms
        )
        keys.update((d, self.key(d)) for d in docs if d in special)
        return keys

    def _plain(self, docnum: int) -> ranking.Candidate:
        kind = "term" if docnum in self.terms else ""
        return ranking.Candidate(docnum, 0.0, self.matched[docnum], self.coordination[docnum], kind=kind)

    def candidate(self, docnum: int) -> ranking.Candidate:
        found = self.special.get(docnum) or self._plain(docnum)
        found.bm25 = self.bm25.get(docnum, 0.0)
        found.score = found.key(self.best)
        return found


def _add_nearness(
    board: _Board, searcher, schema, words: list[str], keys: dict[int, float], limit: int, named: set[int]
) -> None:
    """Nearness for the entries that can still reach the top. It is a phrase search
    (positions read per entry), the dearest part of a query, and adds at most
    NEAR_WEIGHT: entries are taken best first in growing batches, until the last of
    the top so far is out of reach of every entry not yet looked at. `keys` (the
    ranked entries' sort keys) is brought up to date for the entries looked at."""
    before = dict(keys)
    order = sorted(before, key=lambda d: (-before[d], d))
    done, batch = 0, max(2 * limit, 20)
    while done < len(order):
        near = _near_counts(searcher, schema, words, set(order[done : done + batch]))
        board.add_near(near, len(words) - 1)
        keys.update((d, board.key(d)) for d in near)
        done, batch = done + batch, batch * 2
        top = heapq.nlargest(limit, (keys[d] for d in order[:done]))
        if done < len(order) and len(top) == limit and top[-1] > before[order[done]] + ranking.NEAR_WEIGHT:
            break
    rest = set(named) - set(order[:done])  # the cards' order counts nearness too
    if rest:
        near = _near_counts(searcher, schema, words, rest)
        board.add_near(near, len(words) - 1)
        keys.update((d, board.key(d)) for d in near if d in keys)


def _match(searcher, schema, concepts: list, excluded: list[str], required: list, allowed):
    """Per concept, the BM25 of each entry it matches; the candidates (matching a concept,
    let through by the filters, none of the excluded words, every required one); and
    their BM25 for the whole query: the sum over the concepts (and required words) they
    match, which is what Whoosh's OR and AND add up. One scored pass per concept.

    Every match is scored: Whoosh's top-N search (limit=K) prescores the small clauses
    of a big OR for its top K only, so the best K it returns are not always the best K
    (seen on 'mantelzorg AND NOT jongeren')."""
    per_concept = [_scored(searcher, q, allowed) for q in concepts]
    pool: set[int] = set().union(*per_concept)
    if excluded:
        pool -= _docs(searcher, query.Or([_safe_parse(schema, w, qparser.OrGroup) for w in excluded]))
    extra = [_scored(searcher, q, allowed) for q in required]
    for scores in extra:
        pool &= scores.keys()
    return per_concept, pool, _summed(per_concept, extra, pool)


def _summed(per_concept: list[dict[int, float]], extra: list[dict[int, float]], pool: set[int]):
    """Per entry of the pool: its concepts' BM25 added in concept order, plus its required
    words' added in order: the sums `sum(...) + sum(...)` gives, bit for bit, made a
    concept at a time rather than an entry at a time."""
    if len(per_concept) == 1 and not extra:  # one word: its BM25 is the sum (0 + x is x)
        only = per_concept[0]
        return dict(only) if len(only) == len(pool) else {d: s for d, s in only.items() if d in pool}
    total: dict[int, float] = {}
    for scores in per_concept:
        for docnum, score in scores.items():
            if docnum in pool:
                total[docnum] = total.get(docnum, 0) + score
    if extra:
        required: dict[int, float] = {}
        for scores in extra:
            for docnum in pool:
                required[docnum] = required.get(docnum, 0) + scores[docnum]
        total = {docnum: score + required[docnum] for docnum, score in total.items()}
    return total


def _scored(searcher, q, allowed: set[int] | None) -> dict[int, float]:
    """docnum -> BM25 of every entry the query matches (among `allowed`), a block of
    postings at a time (matchscores.py), without Whoosh's collector (which sorts what
    we do not need)."""
    out: dict[int, float] = {}
    context = searcher.context()
    for sub, offset in searcher.leaf_searchers():
        scores = matchscores.query_scores(q, sub, context)
        if offset:
            scores = dict(zip(map(offset.__add__, scores), scores.values(), strict=True))
        if allowed is not None:
            scores = {docnum: score for docnum, score in scores.items() if docnum in allowed}
        out.update(scores)
    return out


NAME_FIELDS = ("title_key", "alias_keys")


def _special(
    searcher, schema, text: str, concepts, pool: set[int], terms: set[int], result
) -> dict[int, ranking.Candidate]:
    """The candidates with more than coordination and being a glossary term (`terms`)
    to their name: the query is their title or alias, their title holds every word, or
    they are the terms the query names. Found as sets of document numbers from small
    postings; the title_words column is read for these only."""
    words = [w for c, _ in concepts for w in c.words]
    corrected = " ".join(result.corrections.get(w, w) for w in text.split())
    # The query as typed, corrected, and without its question words ('wat is mantelzorg?').
    wanted = {ranking.name_key(text), ranking.name_key(corrected), " ".join(words)} - {""}
    named = {" ".join(c.words) for c, _ in concepts} - {""}
    stems = {_stem_key(schema, w) for w in words}
    as_title = _docs(searcher, query.Or([query.Term("title_key", w) for w in wanted]), pool)
    as_alias = _docs(searcher, query.Or([query.Term("alias_keys", w) for w in wanted]), pool)
    naming = _docs(searcher, query.Or([query.Term(f, n) for n in named for f in NAME_FIELDS]), terms)
    title_all = set()
    if stems:
        title_all = _docs(searcher, query.And([query.Term("title_stems", s) for s in stems]), pool)
    title_words = searcher.reader().column_reader("title_words")
    special: dict[int, ranking.Candidate] = {}
    for docnum in as_title | as_alias | naming | title_all:
        candidate = special[docnum] = ranking.Candidate(docnum, 0.0)
        candidate.exact_name = 2 if docnum in as_title else int(docnum in as_alias)
        candidate.kind = "term" if docnum in terms else ""
        candidate.named_term = docnum in naming
        candidate.title_has_all = docnum in title_all
        if candidate.title_has_all:
            candidate.title_words = title_words[docnum]
    return special


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
    """The corpus word nearest to a typo. As Whoosh's corrector did: the eight most
    frequent words within two edits (optimal string alignment), then the true edit
    distance (a swap counts once) picks between them, so 'participatiwet' becomes
    'participatiewet', not the more frequent 'participatie'. rapidfuzz compares the
    word with the whole word list in C; Whoosh's own corrector took 0.3 s at 10,000 entries."""
    if len(word) < 4 or not word.isalpha():
        return None
    from rapidfuzz import process
    from rapidfuzz.distance import OSA, DamerauLevenshtein

    reader = searcher.reader()
    near = process.extract(word, _spelling_words(reader), scorer=OSA.distance, score_cutoff=2, limit=None)
    frequent = sorted((w for w, _, _ in near if w != word), key=lambda w: (-reader.frequency("spell", w), w))
    suggestions = frequent[:8]
    if not suggestions:
        return None
    return min(suggestions, key=lambda s: (DamerauLevenshtein.distance(word, s), suggestions.index(s)))


_SPELLING: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # reader -> its word list


def _spelling_words(reader) -> list[str]:
    """The index's words for corrections, read once per reader (a query can hold several
    typos; the list is 12,000 words and 23 ms at 10,000 entries)."""
    if reader not in _SPELLING:
        _SPELLING[reader] = [
            w.decode("utf-8") if isinstance(w, bytes) else w for w in reader.lexicon("spell")
        ]
    return _SPELLING[reader]


MAX_CARDS = 3  # glossary terms named by the query, shown above the hits


def _near_counts(searcher, schema, words: list[str], among: set[int]) -> dict[int, int]:
    """Per entry of `among`, how many neighbouring pairs of the query's words stand
    close together in the title, summary or body (nearness.py)."""
    return nearness.pair_counts(searcher, [_stem_key(schema, w) for w in words], among)


def _boolean(searcher, schema, text: str, allowed, names: dict, result: SearchResult, limit: int) -> _Ranked:
    """A query with operators, as typed: all words, else any of them; ordered by BM25
    (every match scored in one pass: see _match on Whoosh's top-N search)."""
    expanded = synonyms.rewrite(text, names)
    parsed = _safe_parse(schema, expanded, qparser.AndGroup)
    scores = _scored(searcher, parsed, allowed)
    if not scores and len(text.split()) > 1:
        parsed = _safe_parse(schema, expanded, qparser.OrGroup)
        scores = _scored(searcher, parsed, allowed)
        result.mode = "or"
    if not scores:
        return _Ranked()
    best_bm25 = max(scores.values())
    top = []
    for docnum in heapq.nsmallest(limit, scores, key=lambda d: (-scores[d], d)):
        candidate = ranking.Candidate(docnum, scores[docnum], coordination=1.0)
        candidate.score = candidate.key(best_bm25)
        top.append(candidate)
    return _Ranked(top, set(scores), _words(parsed))


def _safe_parse(schema, text: str, group) -> query.Query:
    try:
        return _parser(schema, group).parse(text)
    except Exception:
        words = " ".join(w for w in "".join(c if c.isalnum() else " " for c in text).split())
        return _parser(schema, group).parse(words) if words else query.NullQuery


def search_corpus(
    root: Path, vocab: Vocabulary, text: str, filters: Filters, limit: int = 10
) -> tuple[SearchResult, RefreshReport]:
    """Open (refreshing as needed) and search. On a large corpus the check that no file
    changed runs beside the search (freshness.py); when it finds a change, the index is
    refreshed and, if that changed the index, the search is made again."""
    ix, report = open_index(root, vocab, check="beside")
    check, report.unchecked = report.unchecked, None
    if check is None:  # checked (and refreshed) before the search
        return _search_or_rebuild(ix, report, root, vocab, text, filters, limit)
    searched = (report.folder, ix.latest_generation())  # a write makes a new generation
    try:
        result, report = _search_or_rebuild(ix, report, root, vocab, text, filters, limit)
    except BaseException:
        check.cancel()
        raise
    if report.rebuilt:  # damage found in the search: rebuilt from the files as they are
        check.cancel()
        return result, report
    if check.fresh():
        return result, report
    ix, report = open_index(root, vocab, check="changed")  # compare file by file, refresh
    updated = report.rebuilt or report.files_changed
    if not updated and (report.folder, ix.latest_generation()) == searched:
        return result, report  # nothing to update (an unreadable file, a busy writer)
    return _search_or_rebuild(ix, report, root, vocab, text, filters, limit)


def _search_or_rebuild(ix, report, root, vocab, text, filters, limit) -> tuple[SearchResult, RefreshReport]:
    """An index that fails mid-search is rebuilt once and the search repeated, with a notice."""
    try:
        return search(ix, root, text, filters, limit, read_synonyms(ix, vocab)), report
    except READ_FAULTS as err:  # damage the open-time check did not see; a bug still shows
        ix, report = open_index(root, vocab, rebuild=True)
        report.notices.insert(0, f"index beschadigd ({type(err).__name__}); opnieuw opgebouwd")
        return search(ix, root, text, filters, limit, read_synonyms(ix, vocab)), report
