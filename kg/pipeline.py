"""Articles → document graphs: spaCy, the extraction rules and RDF, in this process or in workers.

:func:`document_graphs` turns :class:`~kg.model.Document` objects into :class:`DocumentGraph`
objects (the N-Triples of one document's named graph), in order, one outcome per document:

- ``n_process = 1``: ``nlp.pipe`` and the rules run here; :mod:`kg.build` serialises and writes each
  graph on a writer thread meanwhile (pyoxigraph releases the GIL while it writes, and spaCy in its
  numeric code, so both overlap spaCy's work).
- ``n_process ≥ 2``: worker processes (forked after the pipeline is loaded, as spaCy's own
  ``n_process`` does) each run ``nlp.pipe``, the rules, :func:`~kg.extract.assemble` and the RDF
  serialisation on a chunk of ``batch_size`` documents and send back only N-Triples bytes. spaCy's
  ``n_process`` would send every parsed ``Doc`` back (tokens, vectors, the rules' data) and leave
  assembly and RDF to the parent, which then competes with the workers for the cores.

One article that breaks spaCy or a rule is retried alone, and reported as a
:class:`~kg.errors.DocumentError`; the others of its chunk still go in. A worker process that dies
fails the documents it had not returned, with a message that says so.

>>> from kg.corpus import document_from_text
>>> from kg.model import Extraction
>>> graph = DocumentGraph(Extraction(document=document_from_text("Some text.", title="T")))
>>> graph.entities, b"Some text." in graph.ntriples
(0, True)
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Generator, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import pyoxigraph as ox
from spacy.language import Language

from kg.children import die_with_parent
from kg.errors import DocumentError
from kg.extract import extract_document, extract_documents
from kg.model import Document, Extraction
from kg.rdf import extraction_quads

#: Chunks handed to each worker at once: one being parsed, one waiting (keeps both busy, memory flat).
CHUNKS_PER_WORKER = 2
#: The smallest chunk of documents a worker gets: the last chunks shrink to it (see :func:`chunk_sizes`).
MIN_CHUNK = 4


class DocumentGraph:
    """One document's named graph, and what the build reports about it.

    Its N-Triples are made when first asked for: in a worker process before it is sent back (only the
    bytes cross), on the build's writer thread otherwise, where this Python work runs while spaCy
    parses the next documents (spaCy releases the GIL in its numeric code: measured, the RDF of 80
    articles on a thread, 0.45 s, took no time off ``nlp.pipe`` running meanwhile).
    """

    __slots__ = ("_extraction", "_ntriples", "entities", "relations")

    def __init__(self, extraction: Extraction):
        self.entities = len(extraction.entities)
        self.relations = len(extraction.relations)
        self._extraction: Extraction | None = extraction
        self._ntriples: bytes | None = None

    @property
    def ntriples(self) -> bytes:
        if self._ntriples is None:
            assert self._extraction is not None, "a graph has its records or its bytes"
            triples = (q.triple for q in extraction_quads(self._extraction))
            self._ntriples = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""  # None only when given a file
            self._extraction = None
        return self._ntriples

    def __getstate__(self):  # what a worker process sends back: the bytes, not the records
        return self.entities, self.relations, self.ntriples

    def __setstate__(self, state) -> None:
        self.entities, self.relations, self._ntriples = state
        self._extraction = None


#: (document, its graph or None, the error or None) for every document, in input order.
Outcome = tuple[Document, DocumentGraph | None, DocumentError | None]


def document_graphs(
    documents: Sequence[Document], nlp: Language, n_process: int = 1, batch_size: int = 32
) -> Generator[Outcome, None, None]:
    """One outcome per document, in order (see the module doc). With ``n_process`` ≥ 2 the workers start as soon as
    each has a chunk of :data:`MIN_CHUNK` documents: the quick benchmark's 24 articles, one ``batch_size`` of them,
    ran in one process although two were asked for (× 1.00)."""
    if n_process > 1 and (len(documents) > batch_size or len(documents) >= n_process * MIN_CHUNK):
        yield from _in_workers(documents, nlp, n_process, batch_size)
        return
    for document, (graph, error) in zip(documents, _graphs_of_chunk(nlp, documents, batch_size), strict=True):
        yield document, graph, error


def _graphs_of_chunk(
    nlp: Language, documents: Sequence[Document], batch_size: int
) -> Iterator[tuple[DocumentGraph | None, DocumentError | None]]:
    """Stream ``documents`` through ``nlp.pipe``; if one breaks the stream, finish the rest one by
    one so that the broken one is named and the others still go in."""
    done = 0
    try:
        for extraction in extract_documents(documents, nlp, batch_size=batch_size):
            done += 1
            yield DocumentGraph(extraction), None
        return
    except Exception:
        pass
    for document in documents[done:]:
        try:
            yield DocumentGraph(extract_document(document, nlp)), None
        except Exception as e:
            yield None, extraction_failed(document, e)


def extraction_failed(document: Document, error: Exception) -> DocumentError:
    """The error reported for an article that spaCy, a rule or the RDF step could not handle."""
    return DocumentError(
        document.source_path or document.title,
        f"extraction failed ({type(error).__name__}: {error})",
        "report it with the article attached",
    )


# -- worker processes ----------------------------------------------------------------------------
_worker_nlp: Language | None = None


def _start_worker(nlp: Language, parent: int) -> None:
    global _worker_nlp
    die_with_parent(parent)  # a SIGKILLed build leaves no worker behind holding the store's lock files
    _worker_nlp = nlp  # inherited through fork: the pipeline is not pickled


def _worker_chunk(
    documents: list[Document], batch_size: int
) -> list[tuple[DocumentGraph | None, DocumentError | None]]:
    assert _worker_nlp is not None, "worker started without a pipeline"
    return serialised_graphs(_worker_nlp, documents, batch_size)


def serialised_graphs(
    nlp: Language, documents: Sequence[Document], batch_size: int
) -> list[tuple[DocumentGraph | None, DocumentError | None]]:
    """The graph or error of each document, with each graph's N-Triples made: what a worker (a forked process
    here, a Dask worker in :mod:`kg.cluster`) sends back, so that only bytes cross and a failure is its article's."""
    out = []
    for document, (graph, error) in zip(documents, _graphs_of_chunk(nlp, documents, batch_size), strict=True):
        if graph is not None:
            try:
                _ = graph.ntriples  # serialised here, so that a failure is this article's and only bytes cross
            except Exception as e:
                graph, error = None, extraction_failed(document, e)
        out.append((graph, error))
    return out


def chunk_sizes(total: int, n_process: int, batch_size: int) -> list[int]:
    """How many documents each chunk handed to a worker holds: ``batch_size``, then fewer towards the end
    (a share of what is left, at least :data:`MIN_CHUNK`), so that the workers finish together. With equal
    chunks one worker idled while the other parsed the last one: measured, 1.1 s of a 10.5 s run of 300
    articles with 2 workers.

    >>> chunk_sizes(300, 2, 32)
    [32, 32, 32, 32, 32, 32, 27, 21, 15, 12, 9, 6, 5, 4, 4, 4, 1]
    """
    sizes = []
    left = total
    while left > 0:
        size = min(batch_size, left, max(MIN_CHUNK, -(-left // (2 * n_process))))
        sizes.append(size)
        left -= size
    return sizes


def _in_workers(documents: Sequence[Document], nlp: Language, n_process: int, batch_size: int) -> Iterator[Outcome]:
    chunks: deque[list[Document]] = deque()
    start = 0
    for size in chunk_sizes(len(documents), n_process, batch_size):
        chunks.append(list(documents[start : start + size]))
        start += size
    pending: deque[tuple[list[Document], Future]] = deque()
    # fork, as spaCy's own n_process does on Linux: the loaded pipeline is shared, not pickled or reloaded
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        max_workers=n_process, mp_context=context, initializer=_start_worker, initargs=(nlp, os.getpid())
    ) as pool:
        try:
            while chunks or pending:
                while chunks and len(pending) < n_process * CHUNKS_PER_WORKER:
                    pending.append((chunks[0], pool.submit(_worker_chunk, chunks[0], batch_size)))
                    chunks.popleft()
                chunk, future = pending[0]
                results = future.result()
                pending.popleft()
                for document, (graph, error) in zip(chunk, results, strict=True):
                    yield document, graph, error
        except BrokenProcessPool as e:
            died = f"not extracted: an extraction worker process died ({e or 'killed'})"
            for chunk in [c for c, _ in pending] + list(chunks):
                for d in chunk:
                    yield (
                        d,
                        None,
                        DocumentError(
                            d.source_path or d.title,
                            died,
                            "run the build again with n_process = 1 to find the article that breaks it",
                        ),
                    )
