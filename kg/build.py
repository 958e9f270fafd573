"""Corpus → store: read articles, extract, write one named graph per document.

Articles go through spaCy and the rules in this process or in worker processes (:mod:`kg.pipeline`,
setting ``n_process``), and each document's graph is written on a writer thread while the next ones
are parsed. Each document is written in one atomic update, so a crash leaves only whole documents and the
next build completes the rest. An unchanged file (same bytes at the same path) is skipped before
it is parsed; a changed file replaces its own graph only; the same text under a second path is
one document. One bad article is reported and never stops the build.

A store whose disk refuses a write (full, read-only: :class:`~kg.store.StoreIOError`) does stop it:
every later write would fail the same way. The report then says which files were written, which
were not and why, and which of those written readers do not see yet (when not even a snapshot
could be published; the next build publishes them). Corpus entries that are no article file (a
dangling link, a link loop, a FIFO) are reported as skipped (:func:`kg.corpus.iter_article_paths`).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg import corpus
from kg.curate import curating
from kg.errors import DocumentError, KGError
from kg.graphs import ntriples
from kg.labels import refresh_labels
from kg.model import Document, PartialDate
from kg.pipeline import DocumentGraph, Outcome, document_graphs, extraction_failed
from kg.rdf import kb_quads
from kg.settings import Settings
from kg.store import DocumentInfo, DocumentWrite, GraphWriter, StoreIOError, open_writer
from kg.vocab import KB_GRAPH, KG

if TYPE_CHECKING:
    from kg.cluster import ClusterSession
    from kg.kb import KnowledgeBase

#: progress(done, total, what) — called after each document; total is the number to extract.
Progress = Callable[[int, int, str], None]

#: Document graphs extracted and waiting for the writer thread, at most.
WRITES_QUEUED = 64


#: Why a file was not written when the store refused an earlier write.
STOPPED = "the build stopped before writing it (the store could not be written)"


@dataclass
class BuildReport:
    added: list[str] = field(default_factory=list)  # source paths written (new or changed)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (path, id of the document with the same text)
    failed: list[DocumentError] = field(default_factory=list)  # bad articles; after store_error, every file not written
    # (path, reason): no article file (dangling link, loop, …)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    store_error: str = ""  # the store refused a write (disk full …) and the build stopped there
    publish_error: str = ""  # the last snapshot could not be published: readers do not see ``unpublished``
    unpublished: list[str] = field(default_factory=list)  # paths of ``added`` that are not in the snapshot readers see
    pruned: list[tuple[str, str]] = field(default_factory=list)  # (path, document id) pruned: its file is gone
    words: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed and not self.store_error and not self.publish_error


class _Stop:
    """The store error that stops a build, set by the writer thread and read by the extraction loop."""

    error: StoreIOError | None = None


@dataclass
class AddResult:
    document_id: str
    title: str
    added: bool  # False when the same text was already in the store
    entities: int = 0
    relations: int = 0


def build(
    settings: Settings,
    paths: Iterable[str | Path] | None = None,
    progress: Progress | None = None,
    *,
    prune: bool = False,
) -> BuildReport:
    """Bring the store up to date with the articles under ``paths`` (default: the corpus setting).

    ``prune`` also removes the documents whose source file under ``paths`` is gone (``report.pruned``); documents
    from elsewhere (other directories, pasted or uploaded articles) are kept.
    """
    started = time.perf_counter()
    report = BuildReport()
    skipped: list[tuple[Path, str]] = []
    roots = [Path(p) for p in (paths or [settings.corpus])]
    if prune and (missing := [str(r) for r in roots if not r.exists()]):
        raise KGError(
            f"not pruning: {', '.join(missing)} does not exist (unmounted?), and every document from it "
            "would be removed; check the path, or build without --prune"
        )
    files = list(corpus.iter_article_paths(roots, skipped=skipped))
    report.skipped = sorted((str(path), reason) for path, reason in skipped)
    written: dict[str, str] = {}  # document id → source path, of the documents written
    closing = False
    cluster = _cluster_session(settings)
    try:
        with open_writer(settings) as writer:
            try:
                _update_store(writer, settings, files, report, written, progress, roots if prune else None, cluster)
                writer.settle()  # the store compacts the documents' bulk loads while the labels are derived
                refresh_labels(writer)
            except StoreIOError as e:
                report.store_error = str(e)
                seen = {
                    *report.added,
                    *report.unchanged,
                    *(path for path, _ in report.duplicates),
                    *(f.source for f in report.failed),
                }
                report.failed += [DocumentError(str(path), STOPPED) for path in files if str(path) not in seen]
            closing = True  # the writer publishes what was written as it closes
    except StoreIOError as e:
        if not closing:
            raise
        report.publish_error = str(e)
        unseen: set[str] = getattr(writer, "unpublished", set())
        report.unpublished = [path for doc_id, path in written.items() if doc_id in unseen]
    finally:
        if cluster is not None:
            cluster.close()  # closing since the last batch came back, meanwhile the writes, refresh and publish
    report.seconds = time.perf_counter() - started
    return report


def _update_store(
    writer: GraphWriter,
    settings: Settings,
    files: list[Path],
    report: BuildReport,
    written: dict[str, str],
    progress: Progress | None,
    prune_under: list[Path] | None = None,
    cluster: ClusterSession | None = None,
) -> None:
    """Write what changed among ``files`` into the store, after pruning the documents under ``prune_under`` whose
    file is not among ``files``; raises :class:`StoreIOError` when the store refuses a write (the report holds every
    file dealt with until then). ``cluster`` starts once there is something to extract."""
    from kg.kb import load_kb

    kb = load_kb(settings)  # first: a KB file that cannot be read stops the build before it changes the store
    known = writer.documents()
    if prune_under is not None:
        # first, so that a file moved elsewhere under the roots is then added again, not taken for a duplicate
        known = _prune(writer, prune_under, files, known, report)
    by_path: dict[str, list[DocumentInfo]] = {}
    for d in known:
        by_path.setdefault(d.source_path, []).append(d)
    ids = {d.id for d in known}
    pending: list[Document] = []
    for path in files:
        name = str(path)
        stored = by_path.get(name, [])
        try:
            raw_hash = corpus.file_hash(path)
        except OSError as e:
            report.failed.append(
                DocumentError(name, f"cannot be read ({e.strerror or e})", "check the path and its permissions")
            )
            continue
        if any(d.content_hash == raw_hash for d in stored):
            report.unchanged.append(name)
            continue
        try:
            doc = corpus.read_document(path, settings)
        except DocumentError as e:
            report.failed.append(e)
            continue
        if doc.id in ids and not any(d.id == doc.id for d in stored):
            # the file now holds another document's text: what it said before is gone from it
            for stale in stored:
                writer.remove_document(stale.id)
            report.duplicates.append((name, doc.id))
            continue
        ids.add(doc.id)
        pending.append(doc)
    if pending and cluster is not None:
        cluster.start()  # connects, and its workers load the pipeline, while the KB graph and curations are checked
    replaced = {doc.id: [d.id for d in by_path.get(doc.source_path, [])] for doc in pending}
    stop = _Stop()
    curated = curating(writer, settings)  # here, once: brought in line with a changed curations file before any write
    kb_write = partial(_write_kb_if_changed, curated, settings, _kb_graph(kb))
    if not pending:
        kb_write()
    outcomes = _write_documents(curated, settings, pending, replaced, progress, stop, kb, cluster, first=kb_write)
    for doc, _, error in outcomes:
        if error is None:
            report.added.append(doc.source_path)
            report.words += len(doc.text.split())
            written[doc.id] = doc.source_path
        else:
            report.failed.append(error)
    if stop.error is not None:
        raise stop.error


def _prune(
    writer: GraphWriter, roots: list[Path], files: list[Path], known: list[DocumentInfo], report: BuildReport
) -> list[DocumentInfo]:
    """Remove each document whose source path is under ``roots`` but no longer among ``files``; the others."""
    present = {str(path) for path in files}
    kept = []
    for d in known:
        source = Path(d.source_path)
        under = any(source == r or source.is_relative_to(r) for r in roots)
        if d.source_path and d.source_path not in present and under:
            writer.remove_document(d.id)
            report.pruned.append((d.source_path, d.id))
        else:
            kept.append(d)
    return kept


def _write_documents(
    writer: GraphWriter,
    settings: Settings,
    documents: list[Document],
    replaced: dict[str, list[str]],
    progress: Progress | None,
    stop: _Stop | None = None,
    kb: KnowledgeBase | None = None,
    cluster: ClusterSession | None = None,
    first: Callable[[], None] | None = None,
) -> Iterator[Outcome]:
    """Extract and write each document (on ``cluster`` if given); yields each outcome once its write has landed.
    ``kb``: the knowledge base already loaded (else the pipeline loads it). ``first``: a write made on the writer
    thread before the documents' (the KB graph's, while the pipeline loads and parses the first batch): if the
    store refuses it, no document is written (:data:`STOPPED`); any other error of it is raised at the end.

    Documents are written ``write_batch_size`` at a time (new ones in one atomic bulk load: half
    the store's CPU of one transaction each) on one writer thread, in order, while spaCy works on
    the next documents: pyoxigraph releases the GIL while it writes, so on a machine with a spare
    core a write costs the build almost nothing. At most ``WRITES_QUEUED`` graphs beyond the batch
    being filled wait for the writer (memory stays flat).

    Once the store refuses a write for good (``stop.error``, set by the writer thread), extraction stops:
    the documents not written yet are yielded with the error :data:`STOPPED`.
    """
    writer = curating(writer, settings)  # folds each document by the curations, and the store if they changed
    if not documents:
        return
    stop = stop or _Stop()
    total = len(documents)
    done = 0
    batch: list[tuple[Document, DocumentGraph | None, DocumentError | None]] = []
    queued: deque[tuple[Document, DocumentGraph | None, DocumentError | None, Future | None]] = deque()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-writer") as store_writes:
        before = store_writes.submit(_first_write, first, stop) if first is not None else None

        def submit_batch() -> None:
            writes = [(doc, graph) for doc, graph, _ in batch if graph is not None]
            write = store_writes.submit(_store, writer, writes, replaced, stop) if writes else None
            queued.extend((doc, graph, error, write if graph is not None else None) for doc, graph, error in batch)
            batch.clear()

        def landed(block: bool) -> Iterator[Outcome]:
            while queued and (block or len(queued) > WRITES_QUEUED or queued[0][3] is None or queued[0][3].done()):
                doc, graph, error, write = queued.popleft()
                if write is not None:
                    error = write.result().get(doc.id)
                yield from outcome(doc, graph, error)

        def outcome(doc: Document, graph: DocumentGraph | None, error: DocumentError | None) -> Iterator[Outcome]:
            nonlocal done
            yield doc, graph, error
            done += 1
            if progress:
                progress(done, total, doc.source_path or doc.title)

        extracted: set[str] = set()
        graphs = _extractions(documents, settings, kb, cluster)
        try:
            for extraction in graphs:
                extracted.add(extraction[0].id)
                batch.append(extraction)
                if len(batch) >= settings.write_batch_size:
                    submit_batch()
                yield from landed(block=False)
                if stop.error is not None:
                    break  # the store refuses writes: extracting more would only be thrown away
        finally:
            graphs.close()  # ends the extraction workers, if any
        submit_batch()
        yield from landed(block=True)
        for doc in documents:
            if doc.id not in extracted:
                yield from outcome(doc, None, DocumentError(doc.source_path or doc.title, STOPPED))
        if before is not None:
            before.result()  # its error, if not the store's refusal (which stopped the build: ``stop.error``)


def _first_write(write: Callable[[], None], stop: _Stop) -> None:
    try:
        write()
    except StoreIOError as e:
        stop.error = e


def _cluster_session(settings: Settings) -> ClusterSession | None:
    """The cluster of ``settings.cluster`` (not started yet), or None without one."""
    if not settings.cluster:
        return None
    try:
        from kg.cluster import ClusterSession  # dask only when a cluster is asked for (the optional extra)
    except ImportError as e:
        raise KGError(
            f"cluster={settings.cluster!r} needs Dask ({e}); install it with "
            "pip install 'kg-explorer[cluster]', or build without a cluster"
        ) from None
    return ClusterSession(settings)


def _extractions(
    documents: list[Document], settings: Settings, kb: KnowledgeBase | None, cluster: ClusterSession | None
) -> Generator[Outcome, None, None]:
    """Each document's outcome: from ``cluster`` (in the order its batches complete), else from this process or its
    forked workers (in order)."""
    if cluster is not None:
        from kg.cluster import cluster_graphs

        return cluster_graphs(documents, settings, cluster)
    from kg.nlp import load_pipeline

    return document_graphs(documents, load_pipeline(settings, kb), settings.n_process, settings.batch_size)


def _store(
    writer: GraphWriter,
    graphs: list[tuple[Document, DocumentGraph]],
    replaced: dict[str, list[str]],
    stop: _Stop | None = None,
) -> dict[str, DocumentError]:
    """Write a batch of document graphs; the errors of those that could not be written, by document id.

    The first :class:`StoreIOError` is kept in ``stop``: the documents after it, in this batch and the
    next ones, are not tried (:data:`STOPPED`).
    """
    stop = stop or _Stop()
    if stop.error is not None:
        return {doc.id: DocumentError(doc.source_path or doc.title, STOPPED) for doc, _ in graphs}
    errors: dict[str, DocumentError] = {}
    writes: dict[str, tuple[Document, DocumentWrite]] = {}
    for doc, graph in graphs:
        try:
            content = graph.ntriples  # serialised here, on the writer thread, when extracted in this process
        except Exception as e:
            errors[doc.id] = extraction_failed(doc, e)
            continue
        writes[doc.id] = (doc, DocumentWrite(doc.id, content, tuple(replaced.get(doc.id, ()))))
    try:
        writer.write_documents([write for _, write in writes.values()])
    except KGError as failed:
        # the batch's bulk load wrote nothing, or its documents landed one by one up to the one that failed
        # (``written``): the others one by one, so that only the document that fails is lost
        landed = set(getattr(failed, "written", ()))
        for doc, write in writes.values():
            if doc.id in landed:
                continue
            if stop.error is not None:
                errors[doc.id] = DocumentError(doc.source_path or doc.title, STOPPED)
                continue
            error: KGError | None = failed if len(writes) == 1 else None  # the same call again would fail the same way
            if error is None:
                try:
                    writer.write_documents([write])
                    continue
                except KGError as e:
                    error = e
            errors[doc.id] = DocumentError(doc.source_path or doc.title, f"could not be stored: {error}")
            if isinstance(error, StoreIOError):
                stop.error = error
    return errors


@dataclass(frozen=True)
class _KBGraph:
    """The KB graph as the store holds it: the hash of its content, and the content as N-Triples."""

    content_hash: str
    ntriples: bytes


def _kb_graph(kb: KnowledgeBase) -> _KBGraph:
    """The KB graph of ``kb`` (the KB files, read once per build: the pipeline takes the same), made in the calling
    thread. Made on the writer thread beside spaCy, its 14,000 terms cost the build several times their own time in
    hand-offs of the GIL (measured with py-spy); loading finished N-Triples runs without the GIL."""
    quads = kb_quads(kb)
    [content_hash] = {
        q.object.value for q in quads if q.predicate.value == str(KG.contentHash) and isinstance(q.object, ox.Literal)
    }
    return _KBGraph(content_hash, ntriples(quads))


def _write_kb_if_changed(writer: GraphWriter, settings: Settings, kb: _KBGraph) -> None:
    """Write the KB graph ``kb`` if it changed since it was written."""
    stored = {
        row["h"].value
        for row in writer.query(
            f"SELECT ?kb ?h WHERE {{ GRAPH ?kb {{ ?kb <{KG.contentHash}> ?h }} }}", {"kb": ox.NamedNode(str(KB_GRAPH))}
        )
    }
    if stored != {kb.content_hash}:  # through the curations in force, so that it lands curated, written once
        curating(writer, settings).replace_graph(ox.NamedNode(str(KB_GRAPH)), kb.ntriples)


def add_document(
    settings: Settings,
    source: str | Path,
    *,
    text: str | None = None,
    title: str | None = None,
    published: PartialDate | str | None = None,
    progress: Progress | None = None,
    original_name: str | None = None,
) -> AddResult:
    """Extract and add one article atomically: a file path, or pasted ``text`` with a title and date.

    ``original_name`` is recorded as the document's source instead of ``source`` (an upload's own
    file name, where ``source`` is a temporary copy that will be gone).

    Raises :class:`DocumentError` for a bad article and :class:`~kg.errors.StoreLockedError` when
    another process is writing the store.
    """
    if text is not None:
        doc = corpus.document_from_text(text, title=title, published=published, source_path=str(source or ""))
        corpus.check_length(doc, settings)
    else:
        doc = corpus.read_document(source, settings)
        if original_name:
            doc.source_path = original_name
        if title:
            doc.title = title
        if published:
            doc.published = corpus.parse_published(published, str(source)) if isinstance(published, str) else published
    from kg.kb import load_kb

    kb = load_kb(settings)
    with open_writer(settings) as writer:
        _write_kb_if_changed(writer, settings, _kb_graph(kb))
        if any(d.id == doc.id for d in writer.documents()):
            return AddResult(doc.id, doc.title, added=False)
        # one article: extracted here, never worth a cluster's start-up
        [(_, graph, error)] = _write_documents(writer, settings.replace(cluster=""), [doc], {}, progress, kb=kb)
        refresh_labels(writer)
    if error is not None:
        raise error
    assert graph is not None, "an outcome has a graph or an error"
    return AddResult(doc.id, doc.title, added=True, entities=graph.entities, relations=graph.relations)


def remove_document(settings: Settings, doc_id: str) -> bool:
    """Remove one document and every fact read from it; False when there was no such document."""
    with open_writer(settings) as writer:
        removed = writer.remove_document(doc_id)
        refresh_labels(writer)
        return removed
