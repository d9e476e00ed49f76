"""The kinds of content, the folder each lives in, and the version of the rules that
validate them: what finding files, filtering by kind and keying caches need, without
the field rules themselves (schema.py, which re-exports all of these). A search
imports this module, not the schema with its field types.
"""

from __future__ import annotations

# Kinds and the folder under the content root that holds each.
KINDS = ("initiative", "case", "term", "article")
# Bump when a rule of parse.py or validate.py changes what is valid: the entry
# cache and the index manifest are keyed on it, so an upgrade re-validates.
RULES_VERSION = 2
FOLDERS = {"initiative": "initiatives", "case": "cases", "term": "glossary", "article": "articles"}
KIND_LABELS = {"initiative": "initiatief", "case": "casus", "term": "begrip", "article": "artikel"}
# What people may type for --kind.
KIND_ALIASES = {
    "initiative": ("initiatief", "initiatieven", "initiatives", "praktijkvoorbeeld"),
    "case": ("casus", "casussen", "cases", "casuistiek"),
    "term": ("begrip", "begrippen", "terms", "glossary", "woordenlijst"),
    "article": ("artikel", "artikelen", "articles", "onderzoek", "interview"),
}
