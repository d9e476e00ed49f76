"""The floor a `voorveld search` cannot beat: a bare Python process that does the same
Whoosh work on the same index, and nothing else (no CLI, no freshness check, no
vocabulary, no rendering beyond printing a count).

    python benchmarks/floor.py INDEX_DIR QUERY [minimal|same]

minimal: open, parse, search, read the stored fields of the top 10.
same:    also what voorveld's search adds inside Whoosh: the full match set,
         facet counts from postings, and highlighted snippets for the top 10.
"""

import sys

from whoosh import highlight, index, qparser

folder, text = sys.argv[1], sys.argv[2]
mode = sys.argv[3] if len(sys.argv) > 3 else "minimal"
ix = index.open_dir(folder)
with ix.searcher() as searcher:
    parser = qparser.MultifieldParser(
        ["title", "aliases", "keywords", "summary", "body", "details"], ix.schema
    )
    query = parser.parse(text)
    hits = searcher.search(query, limit=10, terms=True)
    top = [hit["record"] for hit in hits]
    if mode == "same":
        docs = set(searcher.docs_for_query(query))
        reader = searcher.reader()
        for field in ("kind", "themes", "laws", "laws_inferred", "province"):
            for term in reader.field_terms(field):
                len(docs.intersection(reader.postings(field, term).all_ids()))
        hits.fragmenter = highlight.ContextFragmenter(maxchars=220, surround=70)
        snippets = [hit.highlights("body", top=2) for hit in hits]
    print(len(top))
