"""Articles → document graphs: spaCy, the extraction rules and RDF, in this process or in workers.

:func:`document_graphs` turns :class:`~kg.model.Document` objects into :class:`DocumentGraph`
objects (the N-Triples of one document's named graph), in order, one outcome per document:

- ``n_process = 1``: ``nlp.pipe`` runs here; :mod:`kg.build` writes each graph on a writer thread
  meanwhile (pyoxigraph releases the GIL while it writes, so the write overlaps spaCy's work).
- ``n_process ≥ 2``: worker processes (forked after the pipeline is loaded, as spaCy's own
  ``n_process`` does) each run ``nlp.pipe``, the rules, :func:`~kg.extract.assemble` and the RDF
  serialisation on a chunk of ``batch_size`` documents and send back only N-Triples bytes. spaCy's
  ``n_process`` would send every parsed ``Doc`` back (tokens, vectors, the rules' data) and leave
  assembly and RDF to the parent, which then competes with the workers for the cores.

One article that breaks spaCy or a rule is retried alone, and reported as a
:class:`~kg.errors.DocumentError`; the others of its chunk still go in. A worker process that dies
fails the documents it had not returned, with a message that says so.

>>> from kg.model import Document, Extraction
>>> DocumentGraph.of(Extraction(document=Document(id="d", title="T", text="x"))).ntriples.count(b"\\n") > 0
True
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

import pyoxigraph as ox
from spacy.language import Language

from kg.errors import DocumentError
from kg.extract import extract_document, extract_documents
from kg.model import Document, Extraction
from kg.rdf import extraction_quads

#: Chunks handed to each worker at once: one being parsed, one waiting (keeps both busy, memory flat).
CHUNKS_PER_WORKER = 2


@dataclass(frozen=True)
class DocumentGraph:
    """One document's named graph, serialised, and what the build reports about it."""

    ntriples: bytes
    entities: int
    relations: int

    @classmethod
    def of(cls, extraction: Extraction) -> DocumentGraph:
        triples = (q.triple for q in extraction_quads(extraction))
        return cls(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), len(extraction.entities), len(extraction.relations))


#: (document, its graph or None, the error or None) for every document, in input order.
Outcome = tuple[Document, DocumentGraph | None, DocumentError | None]


def document_graphs(documents: Sequence[Document], nlp: Language, n_process: int = 1, batch_size: int = 32) -> Iterator[Outcome]:
    """One outcome per document, in order (see the module doc)."""
    if n_process > 1 and len(documents) > batch_size:
        yield from _in_workers(documents, nlp, n_process, batch_size)
        return
    for document, (graph, error) in zip(documents, _graphs_of_chunk(nlp, documents, batch_size)):
        yield document, graph, error


def _graphs_of_chunk(nlp: Language, documents: Sequence[Document], batch_size: int) -> Iterator[tuple[DocumentGraph | None, DocumentError | None]]:
    """Stream ``documents`` through ``nlp.pipe``; if one breaks the stream, finish the rest one by
    one so that the broken one is named and the others still go in."""
    done = 0
    try:
        for extraction in extract_documents(documents, nlp, batch_size=batch_size):
            graph = DocumentGraph.of(extraction)
            done += 1
            yield graph, None
        return
    except Exception:  # noqa: BLE001 - any failure inside the pipe: fall back to one at a time
        pass
    for document in documents[done:]:
        try:
            yield DocumentGraph.of(extract_document(document, nlp)), None
        except Exception as e:  # noqa: BLE001 - one broken article never stops a build
            yield None, DocumentError(document.source_path or document.title, f"extraction failed ({type(e).__name__}: {e})",
                                      "report it with the article attached")


# -- worker processes ----------------------------------------------------------------------------
_worker_nlp: Language | None = None


def _start_worker(nlp: Language) -> None:
    global _worker_nlp
    _worker_nlp = nlp  # inherited through fork: the pipeline is not pickled


def _worker_chunk(documents: list[Document], batch_size: int) -> list[tuple[DocumentGraph | None, DocumentError | None]]:
    assert _worker_nlp is not None, "worker started without a pipeline"
    return list(_graphs_of_chunk(_worker_nlp, documents, batch_size))


def _in_workers(documents: Sequence[Document], nlp: Language, n_process: int, batch_size: int) -> Iterator[Outcome]:
    chunks = deque(list(documents[i:i + batch_size]) for i in range(0, len(documents), batch_size))
    pending: deque[tuple[list[Document], Future]] = deque()
    # fork, as spaCy's own n_process does on Linux: the loaded pipeline is shared, not pickled or reloaded
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=n_process, mp_context=context, initializer=_start_worker, initargs=(nlp,)) as pool:
        try:
            while chunks or pending:
                while chunks and len(pending) < n_process * CHUNKS_PER_WORKER:
                    pending.append((chunks[0], pool.submit(_worker_chunk, chunks[0], batch_size)))
                    chunks.popleft()
                chunk, future = pending[0]
                results = future.result()
                pending.popleft()
                for document, (graph, error) in zip(chunk, results):
                    yield document, graph, error
        except BrokenProcessPool as e:
            died = f"not extracted: an extraction worker process died ({e or 'killed'})"
            for chunk in [c for c, _ in pending] + list(chunks):
                for d in chunk:
                    yield d, None, DocumentError(d.source_path or d.title, died,
                                                 "run the build again with n_process = 1 to find the article that breaks it")
