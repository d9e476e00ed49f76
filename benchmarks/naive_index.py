"""The naive way to build the same index, to measure `voorveld index` against:
one process, one writer, python-frontmatter for each file, no validation, and the
analysis as a chain of Whoosh filters that handles every token in turn (the same
tokens as voorveld's analyzer, which works out each distinct word once).

    python benchmarks/naive_index.py CONTENT_ROOT OUT_DIR
"""

import sys
import time
from pathlib import Path

import frontmatter
from whoosh import index

from voorveld_cli.content import schema
from voorveld_cli.content.model import Entry
from voorveld_cli.content.vocabulary import load
from voorveld_cli.search.analysis import reference_analyzer
from voorveld_cli.search.documents import document, make_schema

root, out = Path(sys.argv[1]), Path(sys.argv[2])
vocab, _ = load(root)
out.mkdir(parents=True)
start = time.perf_counter()
ix = index.create_in(str(out), make_schema(reference_analyzer()))
writer = ix.writer()
for kind in schema.KINDS:
    for path in sorted((root / schema.FOLDERS[kind]).glob("*.md")):
        post = frontmatter.load(path)
        entry = Entry(id=path.stem, kind=kind, path=path, data=dict(post.metadata), body=post.content)
        writer.add_document(**document(entry, vocab, f"{schema.FOLDERS[kind]}/{path.name}"))
writer.commit()
print(f"{time.perf_counter() - start:.2f}")
