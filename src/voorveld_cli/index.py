"""The search index: the only module that imports Whoosh.

The index is a derived cache of the Markdown corpus, kept in the user cache
directory (cache.py). Its layout there:

    <home>/CURRENT          name of the live index folder (replaced atomically)
    <home>/ix-<random>/     a Whoosh index plus manifest.json

A full build writes a fresh folder and only then points CURRENT at it, so a
crash mid-build never leaves a half index in use. Before a search the manifest
is compared with a stat of every content file: changed, added and deleted files
are re-read and updated in place (unchanged files are not read at all). A
schema version or vocabulary change means a full rebuild.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import fields, highlight, index, qparser, query
from whoosh.analysis import CharsetFilter, Filter, LowercaseFilter, RegexTokenizer, StopFilter
from whoosh.filedb.filestore import RamStorage
from whoosh.lang import stopwords_for_language
from whoosh.support.charset import accent_map
from whoosh.util.filelock import FileLock

from . import cache, discover, dutch, ranking, schema, synonyms
from .filters import Filters
from .render.plain import HIT_END, HIT_START
from .results import Hit, SearchResult
from .textnorm import fold, markdown_text
from .vocabulary import Vocabulary

SCHEMA_VERSION = 7
MANIFEST = "manifest.json"
VOCAB_SNAPSHOT = "vocabulary.json"
SYNONYMS = "synonyms.json"
CURRENT = "CURRENT"
WRITE_TIMEOUT = 30.0  # seconds an explicit `voorveld index` waits for another writer
BUILD_LOCK = "build.lock"
PARALLEL_FROM = 500  # files; below this a full build uses one writer process
STALE_AFTER = 60.0  # seconds a replaced index folder is kept for readers that may still open it

# Field weights: title and aliases count most, then keywords and summary, then the rest.
BOOSTS = {
    "title": 5.0,
    "aliases": 4.0,
    "keywords": 2.5,
    "summary": 2.0,
    "body": 1.0,
    "details": 1.0,
    "extra": 1.0,
}
SEARCH_FIELDS = tuple(BOOSTS)
SNIPPET_FIELDS = ("body", "summary", "details")

Progress = Callable[[int, int], None]


# -- analysis ------------------------------------------------------------------


@functools.cache
def _stemmer() -> dutch.Stemmer:
    from whoosh.lang.snowball.dutch import DutchStemmer

    return dutch.Stemmer(DutchStemmer().stem)


class DutchStemFilter(Filter):
    """Snowball Dutch plus the repairs in dutch.py (singular and plural meet,
    ouderen and ouders stay apart)."""

    def __call__(self, tokens):
        stem = _stemmer().stem
        for token in tokens:
            if not token.stopped:
                token.text = stem(token.text)
            yield token


class CompoundFilter(Filter):
    """At index time, also index the known parts of a compound at the same position
    ('mantelzorg' is found by 'zorg'); a query word is left whole, so 'mantelzorg'
    does not find every text about 'zorg'."""

    def __call__(self, tokens):
        for token in tokens:
            yield token
            if token.mode == "query" or token.stopped:
                continue
            original = token.text
            for part in dutch.compound_parts(original):
                token.text = part
                yield token
            token.text = original


def _stoplist() -> frozenset[str]:
    """Whoosh's Dutch stop words, less those that carry meaning here ('zonder')."""
    return frozenset(stopwords_for_language("nl")) - ranking.MEANINGFUL


def dutch_analyzer():
    """Words (keeping zzp'er whole), lowercased, accents folded (cliënten -> clienten),
    Dutch stop words out, compound parts added, then stemmed."""
    return (
        RegexTokenizer(r"\w+(?:['’]\w+)*")
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(stoplist=_stoplist(), minsize=1)
        | CompoundFilter()
        | DutchStemFilter()
    )


def plain_analyzer():
    """Unstemmed folded words, for the spelling corrector."""
    return RegexTokenizer(r"\w+") | LowercaseFilter() | CharsetFilter(accent_map)


def make_schema() -> fields.Schema:
    text = dutch_analyzer()
    return fields.Schema(
        path=fields.ID(stored=True, unique=True),
        id=fields.ID(stored=True),
        kind=fields.ID(stored=True),
        title=fields.TEXT(analyzer=text, field_boost=BOOSTS["title"], stored=True),
        aliases=fields.TEXT(analyzer=text, field_boost=BOOSTS["aliases"]),
        keywords=fields.TEXT(analyzer=text, field_boost=BOOSTS["keywords"]),
        summary=fields.TEXT(analyzer=text, field_boost=BOOSTS["summary"], stored=True),
        body=fields.TEXT(analyzer=text, field_boost=BOOSTS["body"], stored=True),
        details=fields.TEXT(analyzer=text, field_boost=BOOSTS["details"], stored=True),
        # Elliptic compounds written out ('dak- en thuislozen' -> daklozen), not shown.
        extra=fields.TEXT(analyzer=text, field_boost=BOOSTS["extra"]),
        spell=fields.TEXT(analyzer=plain_analyzer(), spelling=True),
        # Exact values for filters and facet counts (keys as in vocabulary.yml);
        # places are folded ('den haag') because people type them freely.
        themes=fields.KEYWORD(commas=True),
        laws=fields.KEYWORD(commas=True),
        laws_inferred=fields.KEYWORD(commas=True),
        laws_all=fields.KEYWORD(commas=True),
        places=fields.KEYWORD(commas=True),
        province=fields.KEYWORD(commas=True),
        sources=fields.KEYWORD(commas=True),
        record=fields.STORED(),
        names=fields.STORED(),  # a term's title and aliases, for search synonyms
        labels=fields.STORED(),  # title and aliases as name keys, for the exact-name rank
        definition=fields.STORED(),  # a term's definition, for the card above the hits
    )


def document(entry, vocab: Vocabulary, rel: str) -> dict[str, Any]:
    """One entry as a Whoosh document."""
    from .records import list_record

    record = list_record(entry)
    record.pop("path")
    theme_labels = [vocab.label("themes", t) for t in entry.as_list("themes")]
    details = []
    for name in (
        "definition",
        "findings",
        "working_elements",
        "people",
        "organisations",
        "researched_by",
        "target_groups",
        "funding",
        "novelty",
        "roles",
        "literature",
        "place",
        "area",
        "province",
    ):
        details.extend(str(v) for v in entry.as_list(name))
    for figure in entry.as_list("figures"):
        if isinstance(figure, dict):
            details.append(f"{figure.get('label', '')} {figure.get('value', '')}")
    for question in entry.as_list("questions"):
        if isinstance(question, dict):
            details.append(str(question.get("text", "")))
    law = entry.get("law")
    laws = entry.as_list("laws")
    laws_all = laws + entry.as_list("laws_inferred") + ([law] if isinstance(law, str) else [])
    places = [fold(p) for p in entry.as_list("place")]
    if isinstance(entry.get("area"), str):
        places.append(fold(entry.get("area")))
    aliases = " ; ".join(str(a) for a in entry.as_list("aliases"))
    keywords = " ; ".join([*map(str, entry.as_list("keywords")), *theme_labels])
    title = entry.title
    summary = str(entry.get("summary", ""))
    body = markdown_text(entry.body)
    return {
        "path": rel,
        "id": entry.id,
        "kind": entry.kind,
        "title": title,
        "aliases": aliases,
        "keywords": keywords,
        "summary": summary,
        "body": body,
        "details": "\n".join(details),
        # Suggestions come from the words that name things (titles, aliases, keywords,
        # summaries): a third cheaper to index than every body word, and the
        # "Bedoelde u" candidates are the corpus's own vocabulary.
        "spell": " ".join((title, aliases, keywords, summary)),
        "themes": ",".join(entry.as_list("themes")),
        "laws": ",".join(laws),
        "laws_inferred": ",".join(entry.as_list("laws_inferred")),
        "laws_all": ",".join(laws_all),
        "places": ",".join(places),
        "province": ",".join(entry.as_list("province")),
        "sources": ",".join(entry.source_ids()),
        "record": record,
        "extra": " ".join(ranking.elliptic_forms("\n".join((title, summary, body, keywords, *details)))),
        "names": [title, *map(str, entry.as_list("aliases"))] if entry.kind == "term" else [],
        "labels": [ranking.name_key(name) for name in (title, *map(str, entry.as_list("aliases")))],
        "definition": str(entry.get("definition") or ""),
    }


# -- the index on disk ---------------------------------------------------------


@dataclass
class Manifest:
    schema_version: int = SCHEMA_VERSION
    stamp: list = field(default_factory=list)  # vocabulary.yml and sources.yml (mtime, size)
    files: dict[str, list] = field(default_factory=dict)  # rel path -> [mtime_ns, size, problem|None]

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        data = json.loads((folder / MANIFEST).read_text("utf-8"))
        return cls(data["schema_version"], data["stamp"], data["files"])

    def write(self, folder: Path) -> None:
        tmp = folder / f"{MANIFEST}.{os.urandom(8).hex()}.tmp"
        tmp.write_text(
            json.dumps({"schema_version": self.schema_version, "stamp": self.stamp, "files": self.files}),
            "utf-8",
        )
        os.replace(tmp, folder / MANIFEST)


@dataclass
class RefreshReport:
    folder: Path | None
    rebuilt: bool = False
    added: int = 0
    changed: int = 0
    deleted: int = 0
    broken: dict[str, str] = field(default_factory=dict)  # rel path -> first problem
    total: int = 0
    notices: list[str] = field(default_factory=list)
    persisted: bool = True


def _scan(root: Path) -> dict[str, tuple[int, int, str]]:
    """Stat every content file: rel path -> (mtime_ns, size, kind). Reads nothing."""
    found = {}
    for kind, entries in discover.scan(root):
        folder = schema.FOLDERS[kind]
        for entry in entries:
            st = entry.stat()
            found[f"{folder}/{entry.name}"] = (st.st_mtime_ns, st.st_size, kind)
    return found


def _read_current(home: Path) -> Path | None:
    try:
        name = (home / CURRENT).read_text("utf-8").strip()
    except OSError:
        return None
    return home / name if name else None


def _point_current(home: Path, folder: Path) -> None:
    tmp = home / f"{CURRENT}.{os.urandom(8).hex()}.tmp"
    tmp.write_text(folder.name, "utf-8")
    os.replace(tmp, home / CURRENT)


def _index_entries(
    writer,
    root: Path,
    vocab: Vocabulary,
    rels: list[str],
    scan: dict,
    manifest: Manifest,
    report: RefreshReport,
    progress: Progress | None,
    update: bool,
) -> None:
    from . import corpus  # parsing (and YAML) only when files must be read
    from .model import ERROR

    for done, rel in enumerate(rels, 1):
        mtime, size, kind = scan[rel]
        entry, problems = corpus.load_entry(kind, root / rel, vocab)
        errors = [p for p in problems if p.severity == ERROR]
        if entry is None or errors:
            first = str(errors[0]) if errors else f"{rel}: onleesbaar"
            report.broken[rel] = first
            manifest.files[rel] = [mtime, size, first]
            if update:
                writer.delete_by_term("path", rel)
        else:
            doc = document(entry, vocab, rel)
            if update:
                writer.update_document(**doc)
            else:
                writer.add_document(**doc)
            manifest.files[rel] = [mtime, size, None]
        if progress:
            progress(done, len(rels))


def _build_procs(files: int) -> int:
    """Writer processes for a full build: analysis runs in parallel on every core
    for a large corpus (2.2x faster at 10,000 files on 2 cores, see BENCHMARKS.md);
    a small one is not worth the start-up. VOORVELD_INDEX_PROCS overrides."""
    if os.environ.get("VOORVELD_INDEX_PROCS", "").isdigit():
        return max(1, int(os.environ["VOORVELD_INDEX_PROCS"]))
    return min(os.cpu_count() or 1, 4) if files >= PARALLEL_FROM else 1


def _build(
    root: Path, vocab: Vocabulary, storage_folder: Path | None, progress: Progress | None
) -> tuple[Any, Manifest, RefreshReport]:
    """A complete index in a new folder (or in memory when storage_folder is None)."""
    scan = _scan(root)
    manifest = Manifest(schema_version=SCHEMA_VERSION, stamp=discover.stamp(root))
    report = RefreshReport(folder=storage_folder, rebuilt=True, added=len(scan), total=len(scan))
    if storage_folder is None:
        ix = RamStorage().create_index(make_schema())
    else:
        storage_folder.mkdir(parents=True)
        ix = index.create_in(str(storage_folder), make_schema())
    procs = _build_procs(len(scan)) if storage_folder is not None else 1
    writer = ix.writer(procs=procs, multisegment=True, limitmb=128) if procs > 1 else ix.writer()
    try:
        _index_entries(writer, root, vocab, sorted(scan), scan, manifest, report, progress, update=False)
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    if storage_folder is not None:
        from .records import plain

        (storage_folder / VOCAB_SNAPSHOT).write_text(
            json.dumps({"stamp": manifest.stamp, "vocabulary": plain(vocab.to_dict())}), "utf-8"
        )
        _write_synonyms(ix, storage_folder, vocab)
        manifest.write(storage_folder)
    return ix, manifest, report


def synonym_table(ix, vocab: Vocabulary) -> dict[str, list[str]]:
    """Names that mean the same: each law with its aliases, each term with its aliases."""
    groups = [[value.key, *value.aliases] for value in vocab.values("laws").values()]
    with ix.searcher() as searcher:
        groups += [doc["names"] for doc in searcher.documents(kind="term") if doc.get("names")]
    return synonyms.table(groups)


def _write_synonyms(ix, folder: Path, vocab: Vocabulary) -> None:
    tmp = folder / f"{SYNONYMS}.{os.urandom(8).hex()}.tmp"
    tmp.write_text(json.dumps(synonym_table(ix, vocab), ensure_ascii=False), "utf-8")
    os.replace(tmp, folder / SYNONYMS)


def _read_synonyms(ix, vocab: Vocabulary) -> dict[str, list[str]]:
    folder = getattr(ix.storage, "folder", None)
    if folder:
        with contextlib.suppress(OSError, ValueError):
            return json.loads((Path(folder) / SYNONYMS).read_text("utf-8"))
    return synonym_table(ix, vocab)  # an in-memory index: compute it


def current_vocabulary(root: Path) -> tuple[Vocabulary, list]:
    """The vocabulary, from the index's snapshot when vocabulary.yml and sources.yml
    are unchanged (no YAML parsing on a plain search), else read from the files.
    Returns (vocabulary, problems)."""
    folder = _read_current(cache.index_home(root))
    if folder is not None:
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError, IndexError):
            snapshot = json.loads((folder / VOCAB_SNAPSHOT).read_text("utf-8"))
            if snapshot["stamp"] == discover.stamp(root):
                return Vocabulary.from_dict(snapshot["vocabulary"]), []
    from .vocabulary import load

    return load(root)


def open_index(
    root: Path,
    vocab: Vocabulary,
    *,
    rebuild: bool = False,
    wait: bool = False,
    progress: Progress | None = None,
) -> tuple[Any, RefreshReport]:
    """The up-to-date index for a content root, refreshing or rebuilding as needed.

    Never fails for a broken, stale or unwritable index: it rebuilds, or builds in
    memory, and says so in the report's notices. Builds are serialised by a lock
    file, so two processes never build the same index at once; a process that
    waited for another's build uses that build.
    """
    home = cache.index_home(root)
    notices: list[str] = []
    try:
        home.mkdir(parents=True, exist_ok=True)
        writable = os.access(home, os.W_OK)
    except OSError:
        writable = False
    if not writable:
        ix, _, report = _build(root, vocab, None, progress)
        report.persisted = False
        report.notices.append(
            f"kan de index niet opslaan in {home} (geen schrijfrechten); "
            "er wordt gezocht zonder opgeslagen index"
        )
        return ix, report

    if not rebuild:
        opened = _open_current(home, root, vocab, wait, progress, notices)
        if opened is not None:
            return opened
    lock = FileLock(str(home / BUILD_LOCK))
    lock.acquire(blocking=True)
    try:
        if not rebuild:  # another process may have built it while we waited
            opened = _open_current(home, root, vocab, wait, progress, [])
            if opened is not None:
                opened[1].notices[:0] = notices
                return opened
        new_folder = home / f"ix-{os.urandom(6).hex()}"
        ix, _, report = _build(root, vocab, new_folder, progress)
        old = _read_current(home)
        _point_current(home, new_folder)
        if old is not None and old.exists():
            os.utime(old)  # replaced now: the clean-up grace period starts here
        _remove_old(home, keep=new_folder)
    finally:
        lock.release()
    report.notices = notices + report.notices
    return ix, report


def _open_current(
    home: Path, root: Path, vocab: Vocabulary, wait: bool, progress: Progress | None, notices: list[str]
) -> tuple[Any, RefreshReport] | None:
    """The live index, refreshed; None when there is none or it must be rebuilt."""
    folder = _read_current(home)
    if folder is None:
        return None
    try:
        ix = index.open_dir(str(folder))
        manifest = Manifest.read(folder)
        if manifest.schema_version != SCHEMA_VERSION:
            notices.append("index van een oudere versie; wordt opnieuw opgebouwd")
            return None
        if manifest.stamp != discover.stamp(root):
            return None  # vocabulary or sources changed: validity may change everywhere
        with ix.reader() as reader:  # touch the segment files: a half-deleted index fails here
            reader.doc_count()
            next(reader.all_stored_fields(), None)
        return ix, _refresh(ix, folder, manifest, root, vocab, wait, progress)
    except Exception as err:  # any damage means: rebuild
        notices.append(f"index beschadigd ({type(err).__name__}); wordt opnieuw opgebouwd")
        return None


def _refresh(
    ix, folder: Path, manifest: Manifest, root: Path, vocab: Vocabulary, wait: bool, progress: Progress | None
) -> RefreshReport:
    scan = _scan(root)
    report = RefreshReport(folder=folder, total=len(scan))
    known = manifest.files
    added = [rel for rel in scan if rel not in known]
    changed = [rel for rel in scan if rel in known and known[rel][:2] != list(scan[rel][:2])]
    deleted = [rel for rel in known if rel not in scan]
    report.broken = {rel: info[2] for rel, info in known.items() if rel in scan and info[2]}
    if not (added or changed or deleted):
        return report
    try:
        writer = ix.writer(timeout=WRITE_TIMEOUT if wait else 0.5)
    except index.LockError:
        # Another voorveld is writing this index right now; serve what is there.
        report.notices.append("de index wordt elders bijgewerkt; resultaten kunnen net verouderd zijn")
        return report
    try:
        for rel in deleted:
            writer.delete_by_term("path", rel)
            known.pop(rel, None)
            report.broken.pop(rel, None)
        for rel in changed:
            report.broken.pop(rel, None)
        _index_entries(
            writer, root, vocab, sorted(added + changed), scan, manifest, report, progress, update=True
        )
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    if any(rel.startswith(schema.FOLDERS["term"] + "/") for rel in added + changed + deleted):
        _write_synonyms(ix, folder, vocab)
    manifest.write(folder)
    report.added, report.changed, report.deleted = len(added), len(changed), len(deleted)
    return report


def _remove_old(home: Path, keep: Path) -> None:
    """Delete replaced or abandoned index folders once no reader can still be opening them."""
    cutoff = time.time() - STALE_AFTER
    for child in home.iterdir():
        if child.is_dir() and child.name.startswith("ix-") and child != keep:
            with contextlib.suppress(OSError):
                if child.stat().st_mtime <= cutoff:
                    shutil.rmtree(child, ignore_errors=True)


# -- searching -----------------------------------------------------------------


class _MarkFormatter(highlight.Formatter):
    """Wraps each matched term in HIT_START/HIT_END; the renderer decides the look."""

    between = " … "

    def format_token(self, text, token, replace=False):
        return f"{HIT_START}{highlight.get_text(text, token, replace)}{HIT_END}"


def _parser(schema, group) -> qparser.MultifieldParser:
    parser = qparser.MultifieldParser(list(SEARCH_FIELDS), schema, group=group)
    # + and - only at the start of a word: 'Wmo-consulent' and 're-integratie' are words,
    # '-respijtzorg' is an exclusion.
    parser.add_plugin(qparser.PlusMinusPlugin(plusexpr=r"(?<![^\s(])\+", minusexpr=r"(?<![^\s(])-"))
    parser.remove_plugin_class(qparser.FieldsPlugin)  # 'title:' is a word, not syntax
    # 'wat is mantelzorg?' is a question, not a wildcard: ? and * are no syntax.
    parser.remove_plugin_class(qparser.WildcardPlugin)
    return parser


def _filter_query(filters: Filters) -> query.Query | None:
    parts = []

    def any_of(fieldname: str, values) -> None:
        if values:
            parts.append(query.Or([query.Term(fieldname, str(v)) for v in values]))

    any_of("kind", filters.kinds)
    any_of("themes", filters.themes)
    any_of("laws" if filters.explicit_only else "laws_all", filters.laws)
    any_of("places", filters.places)
    any_of("province", filters.provinces)
    any_of("sources", filters.sources)
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
    from .locate import display_path

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
        results.fragmenter = highlight.ContextFragmenter(maxchars=220, surround=70)
        results.formatter = _MarkFormatter()
        position = {docnum: i for i, (_score, docnum) in enumerate(results.top_n)}
        top = max((c.bm25 for c in ranked), default=0.0)
        for candidate in ranked[:limit]:
            hit = results[position[candidate.docnum]]
            record = dict(hit["record"])
            record["path"] = display_path(root / hit["path"])
            score = candidate.key(top)
            result.hits.append(Hit(record=record, score=score, snippet=_snippet(hit)))
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
    any_q = query.Or([q for _, q in concepts])
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
    for candidate in candidates.values():
        candidate.coordination /= total_weight
        stored = searcher.stored_fields(candidate.docnum)
        candidate.kind = stored.get("kind", "")
        labels = stored.get("labels") or [""]
        candidate.exact_name = 2 if labels[0] in wanted else int(bool(wanted & set(labels[1:])))
        candidate.named_term = candidate.kind == "term" and bool(named & set(labels))
        title_stems = {_stem_key(schema, w) for w in ranking.name_key(stored.get("title", "")).split()}
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
    for candidate in [c for c in ranked if c.named_term][:MAX_CARDS]:
        stored = searcher.stored_fields(candidate.docnum)
        card = {
            "id": stored["id"],
            "title": stored.get("title", ""),
            "definition": stored.get("definition", ""),
        }
        result.cards.append(card)
    return ranked, results


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
    tokens = [t.text for t in schema["body"].analyzer(word, mode="query")]
    return tokens[0] if tokens else word


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


def search_corpus(
    root: Path, vocab: Vocabulary, text: str, filters: Filters, limit: int = 10
) -> tuple[SearchResult, RefreshReport]:
    """Open (refreshing as needed) and search; an index that fails mid-search is
    rebuilt once and the search repeated, with a notice."""
    ix, report = open_index(root, vocab)
    try:
        return search(ix, root, text, filters, limit, _read_synonyms(ix, vocab)), report
    except Exception as err:  # damage the open-time check did not see
        ix, report = open_index(root, vocab, rebuild=True)
        report.notices.insert(0, f"index beschadigd ({type(err).__name__}); opnieuw opgebouwd")
        return search(ix, root, text, filters, limit, _read_synonyms(ix, vocab)), report


def _safe_parse(schema, text: str, group) -> query.Query:
    try:
        return _parser(schema, group).parse(text)
    except Exception:
        words = " ".join(w for w in "".join(c if c.isalnum() else " " for c in text).split())
        return _parser(schema, group).parse(words) if words else query.NullQuery


def _snippet(hit) -> str:
    for name in SNIPPET_FIELDS:
        with contextlib.suppress(Exception):
            text = hit.highlights(name, top=2)
            if text:
                return " ".join(text.split())
    summary = hit.get("summary") or ""
    return summary[:220]


__all__ = ["RefreshReport", "make_schema", "open_index", "search", "search_corpus"]
