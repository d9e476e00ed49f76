"""The writer of a full build: postings grouped by term, field lengths read once.

Whoosh's PostingPool keeps every posting as a tuple, sorts them all, and when its
memory limit is reached writes them to a run file one `marshal.dump` at a time,
then reads them back one `marshal.load` at a time and merges the runs with heapq.
In a 10,000-file build that was over 40% of the writer processes' time.

A writer adds documents in docnum order, so the postings of one term arrive in
order already: this pool keeps them per (field, term) in compact arrays, sorts
only the distinct terms, and spills a run as one record per term. The postings it
gives back are the same, in the same order, as PostingPool's.

When the segment is written, Whoosh looks up the document's field length for
every posting (a column read each time); FreshWriter reads each field's lengths
once into a list.
"""

from __future__ import annotations

import contextlib
import heapq
import marshal
from array import array
from collections.abc import Iterable, Iterator
from functools import reduce
from itertools import groupby
from operator import add, itemgetter

from whoosh.util import random_name
from whoosh.writing import SegmentWriter

TERM_COST = 400  # bytes a new term costs in memory (dict slot, key tuple, two arrays, a list)
POSTING_COST = 60  # bytes a posting costs beyond its value: docnum, weight, list slot, bytes header


class FreshWriter(SegmentWriter):
    """A SegmentWriter for a fresh index that only adds documents (no updates, no
    deletes, no merges: those need Whoosh's PostingPool)."""

    def __init__(self, ix, limitmb: int = 128, **kwargs):
        super().__init__(ix, limitmb=limitmb, **kwargs)
        self.pool = TermPool(self.temp_storage(), self.newsegment, limitmb)
        # Spelling sub-fields and term vectors take Whoosh's add_document.
        self.plain = not any(f.separate_spelling() or f.vector for _, f in self.schema.items())

    def add_document(self, **fields) -> None:
        """SegmentWriter.add_document for plain fields, with the postings of a field
        handed to the pool at once, from the format's one-call way where it has one
        (analysis.TermPositions, TermCounts). Boosts and custom stored values
        (`_`-names) take Whoosh's way."""
        if not self.plain or any(name.startswith("_") for name in fields):
            super().add_document(**fields)
            return
        self._check_state()
        schema, docnum, perdoc = self.schema, self.docnum, self.perdocwriter
        names = sorted(fields)
        self._check_fields(schema, names)
        perdoc.start_doc(docnum)
        try:
            for name in names:
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                length = 0
                if field.indexed:
                    fast = getattr(field.format, "postings", None)
                    postings = fast(value, field.analyzer) if fast else None
                    length = self.pool.add_field(
                        name, docnum, field.index(value) if postings is None else postings
                    )
                perdoc.add_field(
                    name, field, value if field.stored else None, length if field.scorable else 0
                )
                if field.column_type:
                    perdoc.add_column_value(name, field.column_type, field.to_column_value(value))
        except ValueError:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        pdr = self.per_document_reader() if self.codec.length_stats else None
        lengths = _Lengths(pdr, self.docnum) if pdr else None
        self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
        self.fieldwriter.close()
        if pdr:
            pdr.close()


class _Lengths:
    """A per-document reader's field lengths, each field read once into a list."""

    def __init__(self, pdr, count: int):
        self.pdr, self.count = pdr, count

    def doc_field_length_reader(self, fieldname: str):
        get = self.pdr.doc_field_length_reader(fieldname)
        return [get(docnum) for docnum in range(self.count)].__getitem__


class TermPool:
    """Drop-in for whoosh.writing.PostingPool in a SegmentWriter that only adds documents."""

    def __init__(self, tempstore, segment, limitmb: int = 128):
        self.tempstore = tempstore
        self.segment = segment
        self.limit = limitmb * 1024 * 1024
        self.fieldnames: set[str] = set()
        self.runs: list[str] = []
        self.terms: dict[tuple[str, bytes], tuple[array, array, list]] = {}
        self.size = 0
        self.ordered = True  # every term's docnums ascend (false only for spelling postings)

    def add(self, item) -> None:
        fieldname, text, docnum, weight, value = item
        key = (fieldname, text)
        postings = self.terms.get(key)
        if postings is None:
            if self.size > self.limit:
                self.save()
            postings = self.terms[key] = (array("q"), array("d"), [])
            self.fieldnames.add(fieldname)
            self.size += TERM_COST + len(text)
        docnums, weights, values = postings
        if docnums and docnum <= docnums[-1]:
            self.ordered = False
        docnums.append(docnum)
        weights.append(weight)
        values.append(value)
        self.size += POSTING_COST + (len(value) if value else 0)

    def add_field(self, fieldname: str, docnum: int, postings) -> int:
        """All postings of one field of one document (a document's terms are distinct
        and its docnum is the highest yet); returns the field's length."""
        terms, length = self.terms, 0
        for text, freq, weight, value in postings:
            length += freq
            found = terms.get((fieldname, text))
            if found is None:
                if self.size > self.limit:
                    self.save()
                    terms = self.terms
                found = terms[fieldname, text] = (array("q"), array("d"), [])
                self.fieldnames.add(fieldname)
                self.size += TERM_COST + len(text)
            found[0].append(docnum)
            found[1].append(weight)
            found[2].append(value)
            self.size += POSTING_COST + (len(value) if value else 0)
        return length

    def save(self) -> None:
        """Spill the pool to a run file: one marshal record per term, in term order."""
        if not self.terms:
            return
        path = f"{random_name()}.run"
        with self.tempstore.create_file(path) as f:
            for key in sorted(self.terms):
                docnums, weights, values = self.terms[key]
                marshal.dump((key, docnums.tobytes(), weights.tobytes(), values), f, 2)
        self.runs.append(path)
        self.terms = {}
        self.size = 0

    def _read_run(self, path: str) -> Iterator[tuple]:
        f = self.tempstore.open_file(path).raw_file()
        try:
            while True:
                try:
                    key, docnums, weights, values = marshal.load(f)
                except EOFError:
                    return
                yield key, (array("q", docnums), array("d", weights), values)
        finally:
            f.close()
            self.tempstore.delete_file(path)

    def _terms(self) -> Iterator[tuple]:
        """(key, postings) in term order; a term found in several runs comes once,
        its postings joined in run order (earlier runs hold earlier documents)."""
        memory = ((key, self.terms[key]) for key in sorted(self.terms))
        if not self.runs:
            yield from memory
            return
        sources = [self._read_run(path) for path in self.runs]
        self.runs = []
        merged = heapq.merge(*sources, memory, key=itemgetter(0))
        for key, group in groupby(merged, key=itemgetter(0)):
            parts = [postings for _, postings in group]
            if len(parts) == 1:
                yield key, parts[0]
            else:
                yield key, tuple(reduce(add, column) for column in zip(*parts, strict=True))

    def iter_postings(self) -> Iterator[tuple]:
        """(fieldname, text, docnum, weight, value) sorted, as PostingPool.items() gives them."""
        for (fieldname, text), (docnums, weights, values) in self._terms():
            rows: Iterable[tuple] = zip(docnums, weights, values, strict=True)
            if not self.ordered:
                rows = sorted(rows, key=_nullsafe)
            for docnum, weight, value in rows:
                yield fieldname, text, docnum, weight, value
        self.terms = {}

    def cleanup(self) -> None:
        for path in self.runs:
            with contextlib.suppress(OSError):
                self.tempstore.delete_file(path)
        self.runs = []


def _nullsafe(row: tuple) -> tuple:
    docnum, weight, value = row
    return docnum, weight, value is not None, value or b""
