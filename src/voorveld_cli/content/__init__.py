"""Content: from files on disk to validated entries.

discover -> parse (front matter with line numbers) -> validate (against schema and
vocabulary) -> model (Entry, Problem) -> corpus (cross-file rules), with entry_cache
keeping parsed entries between runs. No Whoosh, rich or Typer here.
"""
