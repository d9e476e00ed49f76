"""The static site: `voorveld site -o DIR` writes the corpus as HTML pages with a browser search.

build.py chooses what to write; pages.py and tables.py make the pages, html.py the
shell around them; search_index.py the data the search page loads; handouts.py the PDFs.
"""
