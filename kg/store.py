"""The graph store: embedded Oxigraph on disk by default, a SPARQL server when configured.

Oxigraph allows one read-write handle per directory, and a read-only open beside a live writer is
undefined. So an embedded store directory is laid out as::

    <store>/live/              the one read-write database (only writers open it)
    <store>/snapshots/<name>/  checkpoints of live (hard links, ~10 ms each); never written again
    <store>/CURRENT            the name of the newest snapshot, replaced atomically
    <store>/UNPUBLISHED        present while live holds writes that no snapshot has yet

Writers (``kg build``, ``kg add``, the app's "add article") open ``live``, write each document
atomically (a load of its N-Triples for a new document, one SPARQL update that drops and inserts
for a replaced one, and one bulk load for a batch of new documents: a crash never leaves half a
document) and publish a snapshot when they finish and every ``snapshot_interval`` seconds. Readers (queries, the
app, ``kg serve``, the query workers) open the newest snapshot read-only and switch to a newer one between queries.
A second writer gets :class:`~kg.errors.StoreLockedError` naming the directory, never an obscure lock error.

When the disk refuses a write (full, read-only, failing), the write raises :class:`StoreIOError`
(RocksDB then refuses every later write too, until the store is opened again). A snapshot that
cannot be published leaves readers on the one before and ``UNPUBLISHED`` in place, so the next
writer publishes what is in ``live``, even if it writes nothing itself.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     with open_writer(Settings.load(store=tmp)) as w:
...         w.replace_document("d1", [])
...     reader = open_reader(Settings.load(store=tmp))
...     bool(reader.query("ASK { GRAPH ?g { ?s ?p ?o } }"))
True
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError, StoreLockedError
from kg.graphs import (
    KG_BUILT_AT,
    META,
    XSD_DATETIME,
    DocumentInfo,
    DocumentWrite,
    GraphContent,
    GraphReader,
    GraphWriter,
    StoreIOError,
    Term,
    bind,
    documents_from,
    graph_node,
    ntriples,
)
from kg.settings import Settings

#: Re-exported: the store's callers import these from here.
__all__ = [
    "DocumentInfo",
    "DocumentWrite",
    "EmbeddedReader",
    "EmbeddedWriter",
    "GraphContent",
    "GraphReader",
    "GraphWriter",
    "StoreIOError",
    "Term",
    "bind",
    "graph_node",
    "ntriples",
    "open_reader",
    "open_writer",
]

#: Fewest new documents worth one bulk load: measured on this machine kind (pyoxigraph 0.5), a bulk
#: load of one document costs twice the CPU of a transactional load; of 16, two thirds of it; of 64, half.
BULK_LOAD_MIN_DOCUMENTS = 8

SNAPSHOTS_KEPT = 3  # a reader that has just opened one keeps finding its files for two more publishes
SNAPSHOT_GRACE_SECONDS = 60.0  # and a superseded snapshot lives at least this long

#: Present in a store directory while live holds writes that are in no snapshot (see the module doc).
UNPUBLISHED = "UNPUBLISHED"


class EmbeddedReader:
    """Read-only view of the newest snapshot of an embedded store."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.location = str(self.path)
        self._snapshot: str | None = None
        self._store: ox.Store = ox.Store()  # empty until a snapshot exists
        self.refresh()

    def refresh(self) -> None:
        """Switch to the newest snapshot if a writer published one since."""
        name = _current_snapshot(self.path)
        if name is None or name == self._snapshot:
            return
        try:
            self._store = ox.Store.read_only(str(self.path / "snapshots" / name))
        except OSError as e:
            raise StoreError(
                f"cannot open the graph in {self.path}: {e}; rebuild it with `kg build --store {self.path}`"
            ) from e
        self._snapshot = name

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None, *, union: bool = True):
        # union=False lets a query's own FROM / FROM NAMED choose the dataset (Oxigraph ignores them otherwise).
        self.refresh()
        return self._store.query(bind(sparql, bindings), use_default_graph_as_union=union)

    def version(self) -> str:
        self.refresh()
        return self._snapshot or "empty"

    def documents(self) -> list[DocumentInfo]:
        return documents_from(self.query)

    def quads(self) -> Iterator[ox.Quad]:
        self.refresh()
        return iter(self._store)


class EmbeddedWriter:
    """The single read-write handle of an embedded store. Use through :func:`open_writer`."""

    def __init__(self, path: str | Path, snapshot_interval: float = 5.0):
        self.path = Path(path)
        self.location = str(self.path)
        self.snapshot_interval = snapshot_interval
        self.path.mkdir(parents=True, exist_ok=True)
        try:
            self._store = ox.Store(str(self.path / "live"))
        except OSError as e:
            if "lock" in str(e).lower():
                raise StoreLockedError(
                    f"the store {self.path} is being written by another process (a build, `kg add`, the app or "
                    "`kg serve` adding an article); wait for it to finish or stop it, then try again"
                ) from None
            raise StoreError(f"cannot open the store {self.path} for writing: {e}") from e
        # a previous writer that could not publish (disk full, killed) left writes that readers do not see yet
        self._dirty = (self.path / UNPUBLISHED).exists()
        self._bulk_loaded = False
        self._compaction: threading.Thread | None = None
        self._last_publish = time.monotonic()
        self._unpublished: set[str] = set()  # documents written or removed since the last snapshot, by this writer

    @property
    def unpublished(self) -> set[str]:
        """Ids of the documents this writer wrote or removed that are in no snapshot yet (readers do not see them)."""
        return set(self._unpublished)

    # -- reads see the live database (the writer's own writes) -----------------------------
    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None):
        return self._store.query(bind(sparql, bindings), use_default_graph_as_union=True)

    def version(self) -> str:
        return _current_snapshot(self.path) or "empty"

    def documents(self) -> list[DocumentInfo]:
        return documents_from(self.query)

    def quads(self) -> Iterator[ox.Quad]:
        return iter(self._store)

    # -- writes ----------------------------------------------------------------------------
    def replace_document(self, doc_id: str, content: GraphContent, replaces: Iterable[str] = ()) -> None:
        self.write_documents([DocumentWrite(doc_id, content, tuple(replaces))])

    def write_documents(self, writes: Sequence[DocumentWrite]) -> None:
        """New documents (no graph to drop) land together in one bulk load; the others one by one.
        Content given as bytes must be N-Triples as pyoxigraph writes them (:func:`ntriples`).

        A bulk load costs half the CPU of loading its documents one by one, and is still atomic:
        pyoxigraph parses the whole input and writes sorted files first, then adds them to the
        database in one RocksDB ingestion (a parse error or crash before it leaves nothing).
        """
        if len({w.doc_id for w in writes}) != len(writes):
            raise ValueError("write_documents: the same document id appears twice in one call")
        landed: list[str] = []
        try:
            new: list[DocumentWrite] = []
            for w in writes:
                graph = graph_node(w.doc_id)
                drops = [graph] + [graph_node(r) for r in w.replaces if r != w.doc_id]
                if any(self._store.contains_named_graph(g) for g in drops):
                    self._update(drops, graph, w.content, w.doc_id)
                    landed.append(w.doc_id)
                else:
                    new.append(w)
            if len(new) < BULK_LOAD_MIN_DOCUMENTS:
                for w in new:
                    self._update([], graph_node(w.doc_id), w.content, w.doc_id)
                    landed.append(w.doc_id)
                return
            batch = b"".join(_as_nquads(ntriples(w.content), graph_node(w.doc_id)) for w in new)
            self._before_write()
            try:
                # lenient: the IRIs are not validated again (measured: 12–28 % of the load's CPU). Every graph
                # here was serialised by pyoxigraph from terms it validated when they were made; the syntax is
                # still parsed strictly, and a malformed batch still writes nothing.
                self._store.bulk_load(batch, format=ox.RdfFormat.N_QUADS, lenient=True)
            except OSError as e:
                raise StoreIOError(
                    f"could not load {len(new)} documents into {self.path} (none of them was written): {e}"
                ) from e
            except (SyntaxError, RuntimeError) as e:
                raise StoreError(
                    f"could not load {len(new)} documents into {self.path} (none of them was written): {e}"
                ) from e
            self._bulk_loaded = True
            self._unpublished.update(w.doc_id for w in new)
            self._written()
        except StoreError as e:
            e.written = tuple(landed)
            raise

    def replace_graph(self, graph: ox.NamedNode, content: GraphContent) -> None:
        self._update([graph], graph, content)

    def remove_document(self, doc_id: str) -> bool:
        graph = graph_node(doc_id)
        if not self._store.contains_named_graph(graph):
            return False
        self._update([graph], None, (), doc_id)
        return True

    def _update(
        self, drops: list[ox.NamedNode], graph: ox.NamedNode | None, content: GraphContent, doc_id: str | None = None
    ) -> None:
        existing = [g for g in drops if self._store.contains_named_graph(g)]
        self._before_write()
        try:
            if graph is not None and not existing:
                # a new graph: one transactional load or insert, about twice as fast as parsing an update's text
                if isinstance(content, bytes):
                    self._store.load(content, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
                else:
                    self._store.extend(ox.Quad(q.subject, q.predicate, q.object, graph) for q in content)
            else:
                # One SPARQL update is one transaction in Oxigraph: all of it lands or none of it does.
                parts = [f"DROP SILENT GRAPH {g} ;" for g in existing]
                if graph is not None:
                    parts.append(f"INSERT DATA {{ GRAPH {graph} {{ {ntriples(content).decode('utf-8')} }} }}")
                self._store.update("\n".join(parts))
        except OSError as e:
            raise StoreIOError(
                f"could not write {graph or drops[0]} into {self.path} (nothing of it was written): {e}"
            ) from e
        except (SyntaxError, UnicodeDecodeError, RuntimeError) as e:
            raise StoreError(
                f"could not write {graph or drops[0]} into {self.path} (nothing of it was written): {e}"
            ) from e
        if doc_id is not None:
            self._unpublished.add(doc_id)
        self._written()

    def _before_write(self) -> None:
        """Mark live as ahead of the snapshots before its first write since the last one: if this writer then
        cannot publish (or is killed), the next writer still does."""
        if self._dirty:
            return
        try:
            (self.path / UNPUBLISHED).touch()
        except OSError as e:
            raise StoreIOError(f"cannot write into {self.path} (nothing was written): {e}") from e
        self._dirty = True

    def _written(self) -> None:
        self._dirty = True
        if time.monotonic() - self._last_publish >= self.snapshot_interval:
            try:
                self.publish()
            except StoreIOError:
                # what was just written stays written: readers see it once a snapshot can be made (at the latest
                # when this writer closes, else by the next one); this one does not try again before the interval
                self._last_publish = time.monotonic()

    def _stamp_built_at(self) -> None:
        now = ox.Literal(datetime.now(UTC).isoformat(timespec="seconds"), datatype=XSD_DATETIME)
        self._store.update(
            f"DELETE WHERE {{ GRAPH {META} {{ {META} {KG_BUILT_AT} ?t }} }} ;\n"
            f"INSERT DATA {{ GRAPH {META} {{ {META} {KG_BUILT_AT} {now} }} }}"
        )

    def publish(self) -> None:
        """Checkpoint live into a new snapshot and point CURRENT at it.

        Raises :class:`StoreIOError` when the snapshot cannot be made (a full disk: the checkpoint flushes
        live first): readers keep the snapshot before, and everything written stays in live for the next try.
        """
        if not self._dirty and _current_snapshot(self.path) is not None:
            return
        snapshots = self.path / "snapshots"
        name = f"{time.time_ns():020d}"
        try:
            snapshots.mkdir(exist_ok=True)
            if self._dirty:
                self._stamp_built_at()
            self._store.flush()
            self._store.backup(str(snapshots / name))
            tmp = self.path / "CURRENT.tmp"
            tmp.write_text(name, encoding="utf-8")
            os.replace(tmp, self.path / "CURRENT")
        except (OSError, RuntimeError) as e:
            shutil.rmtree(snapshots / name, ignore_errors=True)  # a half-made checkpoint: its space back
            unseen = (
                f"; {len(self._unpublished)} document(s) written since are kept in the store"
                if self._unpublished
                else ""
            )
            raise StoreIOError(
                f"could not publish a snapshot of {self.path} ({e}): readers still see the one before{unseen}, "
                "and the next writer (e.g. `kg build`) publishes them once the disk has room"
            ) from e
        self._dirty = False
        self._unpublished.clear()
        self._last_publish = time.monotonic()
        with suppress(OSError):  # left behind, the next writer publishes once more: harmless
            (self.path / UNPUBLISHED).unlink(missing_ok=True)
        _collect_old_snapshots(snapshots, keep=name)

    def settle(self) -> None:
        """Start compacting the bulk loads on a thread (pyoxigraph releases the GIL), so that what the build
        derives next (claims, labels) is written meanwhile: 0.4 s less of the benchmark's 300-article build.
        RocksDB compacts while it is written; :meth:`close` waits for it before the last snapshot."""
        if self._bulk_loaded and self._compaction is None:
            self._compaction = threading.Thread(target=self._compact, name="kg-compact", daemon=True)
            self._compaction.start()

    def _compact(self) -> None:
        # Each bulk load adds its own small sorted files, and a snapshot is read-only: it never compacts. So
        # compact once before the last snapshot (measured on a 1M-triple graph written in bulk loads of 64
        # documents: 1.5 s, and the entity page of its hub 104 → 43 ms).
        try:
            self._store.optimize()
            self._dirty = True
        except (OSError, RuntimeError):
            pass  # compaction needs room; the snapshot does not need it (slower pages until the next build)

    def close(self) -> None:
        """Publish what was written and release the store; raises :class:`StoreIOError` if the last snapshot
        cannot be made (the store is released all the same)."""
        try:
            if self._compaction is not None:
                self._compaction.join()
            elif self._bulk_loaded:
                self._compact()
            self.publish()
            _collect_old_snapshots(self.path / "snapshots", keep=_current_snapshot(self.path) or "", grace=0.0)
        finally:
            del self._store


def _as_nquads(ntriples: bytes, graph: ox.NamedNode) -> bytes:
    """N-Triples as pyoxigraph writes them (one ``s p o .`` per line) → N-Quads in ``graph``.

    A raw line break cannot occur inside an N-Triples term (literals escape it), so each line
    ends with the triple's own " .": the graph name goes before it. Anything else is refused
    rather than risk putting triples in the default graph.
    """
    ending = b" " + str(graph).encode() + b" .\n"
    quads = ntriples.replace(b" .\n", ending)
    if ntriples and (not ntriples.endswith(b"\n") or quads.count(ending) != ntriples.count(b"\n")):
        raise StoreError(f"the content of {graph} is not N-Triples with one triple per line ending in ' .'")
    return quads


def _current_snapshot(path: Path) -> str | None:
    try:
        return (path / "CURRENT").read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None


def _collect_old_snapshots(snapshots: Path, keep: str, grace: float = SNAPSHOT_GRACE_SECONDS) -> None:
    """Delete all but the newest few snapshots, once superseded for ``grace`` seconds (a reader
    that opened one just before it was superseded still finds its files)."""
    if not snapshots.is_dir():
        return
    names = sorted(p.name for p in snapshots.iterdir() if p.is_dir())
    now = time.time()
    for name in names[:-SNAPSHOTS_KEPT]:
        if name != keep and now - (snapshots / name).stat().st_mtime > grace:
            shutil.rmtree(snapshots / name, ignore_errors=True)


def open_reader(settings: Settings) -> GraphReader:
    """A reader of the configured store: embedded directory or remote SPARQL server."""
    if settings.store_is_remote:
        from kg.remote import RemoteStore  # httpx and the remote client only when a server is configured

        return RemoteStore(settings.store, settings)
    return EmbeddedReader(settings.store)


@contextmanager
def open_writer(settings: Settings) -> Iterator[GraphWriter]:
    """The writer of the configured store; publishes what it wrote when the block ends."""
    if settings.store_is_remote:
        from kg.remote import RemoteStore

        with RemoteStore(settings.store, settings) as remote:
            yield remote
        return
    writer = EmbeddedWriter(settings.store, snapshot_interval=settings.snapshot_interval)
    try:
        yield writer
    except BaseException as failed:
        try:
            writer.close()  # still publish what was written before the failure
        except StoreError as also:
            failed.add_note(f"and then: {also}")  # the block's own error is the one to report
        raise
    writer.close()
