import errno
import gc
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import store as store_module
from kg.errors import StoreError, StoreLockedError
from kg.settings import Settings
from kg.store import DocumentWrite, EmbeddedReader, graph_node, ntriples, open_reader, open_writer

P = ox.NamedNode("http://example.org/p")


def doc_quads(n: int, tag: str = "") -> list[ox.Quad]:
    return [
        ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), P, ox.Literal(f"{tag}{i}"), ox.DefaultGraph())
        for i in range(n)
    ]


def graph_sizes(reader) -> dict[str, int]:
    rows = reader.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s <http://example.org/p> ?o } } GROUP BY ?g")
    return {r["g"].value: int(r["n"].value) for r in rows}


def test_reader_sees_published_writes_only(tmp_settings):
    reader = open_reader(tmp_settings)
    assert reader.version() == "empty" and graph_sizes(reader) == {}
    with open_writer(tmp_settings) as w:
        w.replace_document("d1", doc_quads(3))
        assert graph_sizes(w) == {graph_node("d1").value: 3}  # the writer sees its own write
    assert graph_sizes(reader) == {graph_node("d1").value: 3}
    assert reader.version() != "empty"


def test_replace_drops_old_graph_and_replaced_ones(tmp_settings):
    with open_writer(tmp_settings) as w:
        w.replace_document("old", doc_quads(5))
        w.replace_document("new", doc_quads(2, "n"), replaces=["old"])
        w.replace_document("new", doc_quads(1, "m"))
    assert graph_sizes(open_reader(tmp_settings)) == {graph_node("new").value: 1}


def test_remove_document(tmp_settings):
    with open_writer(tmp_settings) as w:
        w.replace_document("d1", doc_quads(2))
        assert w.remove_document("d1") is True
        assert w.remove_document("d1") is False
    assert graph_sizes(open_reader(tmp_settings)) == {}


def test_second_writer_gets_a_clear_message(tmp_settings):
    with open_writer(tmp_settings), pytest.raises(StoreLockedError, match="another process"), open_writer(tmp_settings):
        pass


def test_second_writer_in_another_process_gets_a_clear_message(tmp_settings):
    with open_writer(tmp_settings):
        code = (
            "from kg.settings import Settings; from kg.store import open_writer\n"
            f"with open_writer(Settings.load(store={tmp_settings.store!r})): pass"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "StoreLockedError" in result.stderr and "another process" in result.stderr


def test_version_changes_on_write(tmp_settings):
    with open_writer(tmp_settings) as w:
        w.replace_document("d1", doc_quads(1))
    first = EmbeddedReader(tmp_settings.store).version()
    with open_writer(tmp_settings) as w:
        w.replace_document("d2", doc_quads(1))
    assert EmbeddedReader(tmp_settings.store).version() != first


def test_write_documents_loads_new_ones_together_and_replaces_the_others(tmp_settings):
    many = store_module.BULK_LOAD_MIN_DOCUMENTS + 1
    with open_writer(tmp_settings) as w:
        w.replace_document("kept", doc_quads(4))
        w.replace_document("old", doc_quads(5))
        w.write_documents(
            [DocumentWrite("kept", ntriples(doc_quads(2, "k")))]  # replaced in place
            + [DocumentWrite("changed", doc_quads(3, "c"), replaces=("old",))]  # a changed file's new text
            + [DocumentWrite(f"new{i}", ntriples(doc_quads(i + 1))) for i in range(many)]  # one bulk load
        )
    expected = {"kept": 2, "changed": 3} | {f"new{i}": i + 1 for i in range(many)}
    assert graph_sizes(open_reader(tmp_settings)) == {graph_node(d).value: n for d, n in expected.items()}


@pytest.mark.parametrize(
    "bad", [b"<http://example.org/a> <http://example.org/p> broken .\n", b"no line break at the end ."]
)
def test_a_bad_graph_in_a_bulk_load_writes_none_of_them(tmp_settings, bad):
    many = store_module.BULK_LOAD_MIN_DOCUMENTS
    writes = [DocumentWrite(f"d{i}", ntriples(doc_quads(3))) for i in range(many)] + [DocumentWrite("bad", bad)]
    with open_writer(tmp_settings) as w:
        with pytest.raises(StoreError, match=r"none of them was written|not N-Triples"):
            w.write_documents(writes)
        assert graph_sizes(w) == {}
        assert not any(w._store.contains_named_graph(graph_node(x.doc_id)) for x in writes)


class CountingStore:
    """The writer's pyoxigraph store, counting calls of ``optimize`` (compaction)."""

    def __init__(self, store):
        self.store, self.optimized = store, 0

    def optimize(self):
        self.optimized += 1
        return self.store.optimize()

    def __getattr__(self, name):
        return getattr(self.store, name)


@pytest.mark.parametrize("documents, compacted", [(1, 0), (store_module.BULK_LOAD_MIN_DOCUMENTS, 1)])
def test_writer_compacts_before_its_last_snapshot_after_bulk_loads_only(tmp_settings, documents, compacted):
    with open_writer(tmp_settings) as w:
        w._store = counting = CountingStore(w._store)
        w.write_documents([DocumentWrite(f"d{i}", doc_quads(2)) for i in range(documents)])
    assert counting.optimized == compacted
    assert len(graph_sizes(open_reader(tmp_settings))) == documents


def test_a_replacement_that_cannot_be_written_keeps_the_old_graph(tmp_settings):
    with open_writer(tmp_settings) as w:
        w.replace_document("d1", doc_quads(3))
        with pytest.raises(StoreError, match="nothing of it was written"):
            w.write_documents([DocumentWrite("d1", b"<http://example.org/a> <http://example.org/p> broken .\n")])
        assert graph_sizes(w) == {graph_node("d1").value: 3}


def test_write_documents_refuses_one_id_twice(tmp_settings):
    with open_writer(tmp_settings) as w, pytest.raises(ValueError, match="twice"):
        w.write_documents([DocumentWrite("d", doc_quads(1)), DocumentWrite("d", doc_quads(2))])


WRITER = textwrap.dedent("""
    import sys
    import pyoxigraph as ox
    from kg.settings import Settings
    from kg.store import EmbeddedWriter
    from kg.store import DocumentWrite, ntriples
    w = EmbeddedWriter(sys.argv[1], snapshot_interval=0.0)
    batch = int(sys.argv[2])  # documents per write_documents call: 1 is a transaction, more a bulk load
    P = ox.NamedNode("http://example.org/p")
    for d in range(0, 1000, batch):
        quads = [
            ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), P, ox.Literal(str(i)), ox.DefaultGraph())
            for i in range(5000)
        ]
        w.write_documents([DocumentWrite(f"doc{d + k}", ntriples(quads)) for k in range(batch)])
        print(d, flush=True)
""")


@pytest.mark.parametrize("batch", [1, store_module.BULK_LOAD_MIN_DOCUMENTS])
@pytest.mark.parametrize("after_writes, extra_delay", [(1, 0.0), (2, 0.013), (4, 0.05), (6, 0.11)])
def test_sigkill_leaves_only_whole_documents(tmp_path, batch, after_writes, extra_delay):
    store = tmp_path / "store"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(store), str(batch)], stdout=subprocess.PIPE, text=True)
    for _ in range(after_writes):
        assert proc.stdout.readline()
    time.sleep(extra_delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    # every graph a reader or the next writer sees is whole, and a bulk load landed whole or not at all
    sizes = graph_sizes(EmbeddedReader(store))
    assert sizes and set(sizes.values()) == {5000} and len(sizes) % batch == 0
    with open_writer(Settings.load(store=str(store))) as w:
        live = graph_sizes(w)
        assert len(live) >= after_writes * batch and set(live.values()) == {5000} and len(live) % batch == 0


class FullDisk:
    """The writer's pyoxigraph store on a disk that fills up: after ``room`` more graphs, every write (a load,
    an insert, an update, a bulk load) raises ENOSPC, as RocksDB does once a write failed; so does publishing
    a snapshot (its stamp, flush and backup) once the disk is at capacity, unless ``publish_fails`` is False.
    Reads still work."""

    def __init__(self, store, room: int, publish_fails: bool = True):
        self.store, self.room, self.publish_fails = store, room, publish_fails
        self.written, self.full = 0, False

    def _write(self, graphs: int, publishing: bool = False, sticky: bool = True):
        if publishing:
            if self.publish_fails and (self.full or self.written >= self.room):
                raise OSError(errno.ENOSPC, "No space left on device (test)")
            return
        if self.full or self.written + graphs > self.room:
            self.full = self.full or sticky  # after a failed write, nothing is written any more
            raise OSError(errno.ENOSPC, "No space left on device (test)")
        self.written += graphs

    def load(self, *args, **kwargs):
        self._write(1)
        return self.store.load(*args, **kwargs)

    def extend(self, quads):
        quads = list(quads)
        self._write(1)
        return self.store.extend(quads)

    def update(self, text):
        if "graph/meta" in text:
            self._write(0, publishing=True)  # the snapshot's build stamp
        else:
            self._write(text.count("INSERT DATA"))
        return self.store.update(text)

    def bulk_load(self, data, **kwargs):
        # a bulk load writes its sorted files outside the database first: one that does not fit leaves it writable
        self._write(len({line.rsplit(b" ", 2)[-2] for line in data.splitlines()}), sticky=False)
        return self.store.bulk_load(data, **kwargs)

    def flush(self):
        self._write(0, publishing=True)
        return self.store.flush()

    def backup(self, path):
        self._write(0, publishing=True)
        return self.store.backup(path)

    def __getattr__(self, name):
        return getattr(self.store, name)


def test_a_full_disk_part_way_through_a_call_says_which_documents_landed(tmp_settings):
    with open_writer(tmp_settings) as w:
        w._store = FullDisk(w._store, room=2, publish_fails=False)
        writes = [
            DocumentWrite(f"d{i}", doc_quads(2)) for i in range(4)
        ]  # fewer than a bulk load: one transaction each
        with pytest.raises(StoreError) as failed:
            w.write_documents(writes)
        assert isinstance(failed.value, store_module.StoreIOError) and "No space left" in str(failed.value)
        assert failed.value.written == ("d0", "d1")
    assert set(graph_sizes(open_reader(tmp_settings))) == {graph_node("d0").value, graph_node("d1").value}


def test_a_snapshot_that_cannot_be_published_fails_clearly_and_the_next_writer_publishes_it(tmp_settings):
    with open_writer(tmp_settings) as w:
        w.replace_document("d1", doc_quads(2))
    reader = open_reader(tmp_settings)
    before = reader.version()
    with (
        pytest.raises(StoreError, match=r"could not publish.*readers still see") as failed,
        open_writer(tmp_settings) as w,
    ):
        w.replace_document("d2", doc_quads(2))
        w._store = FullDisk(w._store, room=0)
        assert w.unpublished == {"d2"}
    assert isinstance(failed.value, store_module.StoreIOError)
    del failed  # its traceback holds the test's stand-in for the disk, and so the store's lock
    gc.collect()
    assert reader.version() == before and set(graph_sizes(reader)) == {graph_node("d1").value}
    assert len(list((Path(tmp_settings.store) / "snapshots").iterdir())) == 1  # no half-made snapshot left behind
    with open_writer(tmp_settings):  # writes nothing: still publishes what the last writer could not
        pass
    assert set(graph_sizes(reader)) == {graph_node("d1").value, graph_node("d2").value}


def test_a_periodic_snapshot_that_fails_does_not_fail_the_write_that_landed(tmp_settings):
    w = store_module.EmbeddedWriter(tmp_settings.store, snapshot_interval=0.0)
    w._store = FullDisk(w._store, room=1)
    w.replace_document("d1", doc_quads(2))  # lands; the snapshot after it cannot be made
    assert graph_sizes(w) == {graph_node("d1").value: 2} and w.unpublished == {"d1"}
    w._store = w._store.store  # space again
    w.close()
    assert graph_sizes(open_reader(tmp_settings)) == {graph_node("d1").value: 2}
