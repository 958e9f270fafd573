"""The per-version structures saved beside the store (kg.explore.persist, kg.explore.versioned.built): a restart
loads them instead of rebuilding, field for field the same; a file that is corrupt, of another version, format or
code is rebuilt with a warning, never used and never a crash; old versions' files are deleted."""

from __future__ import annotations

import hashlib
import json
import shutil
import struct
import subprocess
import sys
import warnings
import zlib

import msgpack
import networkx as nx
import pytest

from kg.explore import persist
from kg.explore.versioned import PER_VERSION, built, saved_in
from kg.settings import Settings
from kg.store import open_reader, open_writer
from tests.conftest import ROOT, open_app_page

NAMES = sorted(PER_VERSION)


def assert_same(a, b) -> None:
    """``a`` and ``b`` hold the same, in the same order: a graph's nodes, each node's successors and predecessors
    (or neighbours) with their attributes and the graph's own attributes; another object's fields."""
    assert type(a) is type(b)
    if isinstance(a, nx.Graph):
        assert list(a.nodes(data=True)) == list(b.nodes(data=True))
        assert [list(a.adj[n].items()) for n in a] == [list(b.adj[n].items()) for n in b]
        if a.is_directed():
            assert [list(a.pred[n].items()) for n in a] == [list(b.pred[n].items()) for n in b]
        assert a.graph == b.graph
    elif hasattr(a, "__dict__"):
        assert vars(a) == vars(b)
    else:
        assert a == b and list(a) == list(b)  # the same entries in the same order


@pytest.fixture(scope="module", params=["sample", "generated"])
def store(request, tmp_path_factory) -> Settings:
    """A store of its own (files are written beside it): the hand-built sample (KB facts, Chinese names, HTML in
    names) or a generated graph of ~3,000 triples (bench/graph_gen.py: hubs, many groups)."""
    path = tmp_path_factory.mktemp(request.param) / "store"
    if request.param == "sample":
        shutil.copytree(request.getfixturevalue("sample_store").store, path)
    else:
        from bench.graph_gen import generate_store

        generate_store(str(path), 3000, seed=1)
    return Settings.load(store=str(path))


@pytest.fixture
def fresh(store) -> Settings:
    """The store with no structure saved yet."""
    shutil.rmtree(saved_in(store), ignore_errors=True)
    return store


def counting(monkeypatch, name: str) -> list[int]:
    """Count the builds of structure ``name`` from now on."""
    calls: list[int] = []
    build = PER_VERSION[name]
    monkeypatch.setitem(PER_VERSION, name, lambda reader: calls.append(1) or build(reader))
    return calls


def no_build(monkeypatch, name: str) -> None:
    def fail(reader):
        raise AssertionError(f"{name} was rebuilt although it was saved")

    monkeypatch.setitem(PER_VERSION, name, fail)


@pytest.mark.parametrize("name", NAMES)
def test_each_structure_comes_back_field_for_field(store, name):
    original = PER_VERSION[name](open_reader(store))
    assert_same(persist.decode(name, persist.encode(name, original)), original)


@pytest.mark.parametrize("name", NAMES)
def test_built_once_then_loaded_from_disk(fresh, name, monkeypatch):
    reader = open_reader(fresh)
    calls = counting(monkeypatch, name)
    first = built(name, reader, fresh, reader.version())
    assert calls == [1]
    assert persist.path_of(saved_in(fresh), name, reader.version()).is_file()
    no_build(monkeypatch, name)  # the next start: nothing in memory, the file on disk
    assert_same(built(name, open_reader(fresh), fresh, reader.version()), first)


def test_a_new_process_loads_every_structure_without_building(fresh):
    reader = open_reader(fresh)
    version = reader.version()
    first = {name: built(name, reader, fresh, version) for name in NAMES}
    script = f"""
import hashlib, json
from kg.explore import persist, versioned
from kg.settings import Settings
from kg.store import open_reader
def fail(reader):
    raise SystemExit("rebuilt")
for name in versioned.PER_VERSION:
    versioned.PER_VERSION[name] = fail
settings = Settings.load(store={fresh.store!r})
out = {{}}
for name in {NAMES!r}:
    s = versioned.built(name, open_reader(settings), settings, {version!r})
    out[name] = hashlib.sha256(persist.encode(name, s)).hexdigest()
print(json.dumps(out))
"""
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    # the same columns, in the same order, as the structures built here
    assert json.loads(done.stdout) == {n: hashlib.sha256(persist.encode(n, s)).hexdigest() for n, s in first.items()}


def _rewrite_header(data: bytes, **changes) -> bytes:
    (size,) = struct.unpack(">I", data[4:8])
    header = msgpack.unpackb(data[8 : 8 + size]) | changes
    packed = msgpack.packb(header)
    return data[:4] + struct.pack(">I", len(packed)) + packed + data[8 + size :]


DAMAGE = {
    "truncated": lambda data: data[: len(data) // 2],
    "a byte of the payload flipped": lambda data: data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:],
    "not a saved structure": lambda data: b"PK\x03\x04" + data[4:],
    "empty": lambda data: b"",
    "header cut": lambda data: data[:12],
    "another format": lambda data: _rewrite_header(data, format=persist.FORMAT + 1),
    "other code": lambda data: _rewrite_header(data, code="0" * 16),
    "another graph version": lambda data: _rewrite_header(data, version="00000000000000000001"),
    "another structure": lambda data: _rewrite_header(data, name="somethingelse"),
    "a payload of another shape": lambda data: _rewrite_header(
        data[: 8 + struct.unpack(">I", data[4:8])[0]] + (p := msgpack.packb({"keys": [1]})),
        length=len(p),
        crc32=zlib.crc32(p),
    ),
}


@pytest.mark.parametrize("damage", DAMAGE)
@pytest.mark.parametrize("name", ["label_index", "statements", "projection"])
def test_a_damaged_or_mismatched_file_is_rebuilt_with_a_warning(fresh, name, damage, monkeypatch):
    reader = open_reader(fresh)
    version = reader.version()
    first = built(name, reader, fresh, version)
    path = persist.path_of(saved_in(fresh), name, version)
    path.write_bytes(DAMAGE[damage](path.read_bytes()))
    calls = counting(monkeypatch, name)
    with pytest.warns(persist.SavedStructureWarning, match=f"rebuilding the {name}"):
        again = built(name, reader, fresh, version)
    assert calls == [1]
    assert_same(again, first)
    no_build(monkeypatch, name)  # and saved whole again
    assert_same(built(name, reader, fresh, version), first)


def test_files_of_collected_snapshots_and_crashed_writes_are_deleted(fresh):
    directory = saved_in(fresh)
    directory.mkdir(parents=True, exist_ok=True)
    gone = persist.path_of(directory, "label_index", "00000000000000000001")  # no such snapshot any more
    gone.write_bytes(b"old")
    left = directory / f".{gone.name}.999999999.tmp"  # a writer killed before its rename
    left.write_bytes(b"half")
    reader = open_reader(fresh)
    kept = [built(name, reader, fresh, reader.version()) for name in NAMES]
    assert kept and not gone.exists() and not left.exists()
    assert sorted(p.name for p in directory.iterdir()) == sorted(
        persist.path_of(directory, name, reader.version()).name for name in NAMES
    )


def test_a_new_graph_version_is_built_and_saved_beside_the_old_while_its_snapshot_lives(fresh):
    reader = open_reader(fresh)
    old = reader.version()
    built("quantities", reader, fresh, old)
    with open_writer(fresh) as writer:
        writer.remove_document(next(iter(writer.documents())).id)
    new = reader.version()
    assert new != old
    built("quantities", reader, fresh, new)
    # the old snapshot is kept a while for readers that opened it: so are its structures
    assert persist.path_of(saved_in(fresh), "quantities", old).is_file()
    assert persist.path_of(saved_in(fresh), "quantities", new).is_file()


class _Moved:
    """A reader of a graph that a writer changed after the caller read its version ("v1")."""

    def __init__(self, reader):
        self.reader = reader

    def version(self) -> str:
        return "v2"

    def query(self, *args, **kwargs):
        return self.reader.query(*args, **kwargs)


def test_nothing_is_saved_when_the_graph_changed_while_it_was_built(fresh):
    built("quantities", _Moved(open_reader(fresh)), fresh, "v1")
    assert not persist.path_of(saved_in(fresh), "quantities", "v1").exists()


@pytest.mark.parametrize(
    "settings",
    [Settings.load(store="http://127.0.0.1:7878"), Settings.load(store="data/store", save_structures=False)],
    ids=["SPARQL server", "switched off"],
)
def test_nowhere_to_save_for_a_server_or_when_switched_off(settings):
    assert saved_in(settings) is None


def test_a_directory_that_cannot_be_written_still_gives_the_structure(fresh):
    saved_in(fresh).write_text("a file where the directory should be")
    reader = open_reader(fresh)
    try:
        with pytest.warns(persist.SavedStructureWarning) as seen:
            index = built("label_index", reader, fresh, reader.version())
        assert index.entities
        assert [str(w.message).split(":")[0] for w in seen] == [
            "[Errno 20] Not a directory",  # reading
            f"could not save the label_index of graph version {reader.version()} in {saved_in(fresh)}",
        ]
    finally:
        saved_in(fresh).unlink()


#: What the landing page saves besides the structures (app_state.call_saved, app_state.central_entities).
LANDING = {"record_counts", "counts_by_type", "counts_by_relation", f"documents-{Settings().overview_documents_limit}",
           f"centrality-{Settings().overview_central_limit}"}  # fmt: skip


def test_the_app_renders_over_corrupt_files_and_then_over_the_rebuilt_ones(fresh, monkeypatch):
    import streamlit as st

    monkeypatch.setenv("KG_STORE", fresh.store)
    entity = next(iter(PER_VERSION["statements"](open_reader(fresh))))
    st.cache_resource.clear()
    st.cache_data.clear()
    open_app_page()  # builds and saves what the landing page needs
    open_app_page("entity", entity=entity)
    saved = sorted(saved_in(fresh).iterdir())
    assert {p.name.split(".")[0] for p in saved} == set(NAMES) | LANDING
    for p in saved:
        p.write_bytes(p.read_bytes()[:-5])
    st.cache_resource.clear()  # a restart: Streamlit's caches are empty, the files damaged
    st.cache_data.clear()

    def rebuilt(page: str | None = None, **params: str) -> set[str]:
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("always")
            open_app_page(page, **params)
        return {str(w.message).split("rebuilding the ")[-1].split(" ")[0] for w in seen if
                issubclass(w.category, persist.SavedStructureWarning)}  # fmt: skip

    assert rebuilt() | rebuilt("entity", entity=entity) == set(NAMES) | LANDING
    st.cache_resource.clear()
    st.cache_data.clear()
    for name in NAMES:
        no_build(monkeypatch, name)
    monkeypatch.setattr("kg.explore.overview.centrality", lambda *a, **k: pytest.fail("centrality was recomputed"))
    # from the files saved again; the landing page needs neither the projection nor the labels (nor their files)
    written = {p: p.stat().st_mtime_ns for p in saved_in(fresh).iterdir()}
    version = open_reader(fresh).version()
    aside = [persist.path_of(saved_in(fresh), name, version) for name in ("projection", "label_index")]
    for p in aside:
        p.rename(p.with_suffix(".aside"))
    open_app_page()
    for p in aside:
        p.with_suffix(".aside").rename(p)
    open_app_page("entity", entity=entity)
    assert {p: p.stat().st_mtime_ns for p in saved_in(fresh).iterdir()} == written  # nothing built, so none saved


@pytest.mark.parametrize("name", ["record_counts", "counts_by_type", "counts_by_relation", "documents", "centrality"])
def test_the_landing_pages_results_come_back_as_they_were(store, name):
    from kg.explore import overview

    reader = open_reader(store)
    if name == "centrality":
        result = overview.centrality(PER_VERSION["projection"](reader), PER_VERSION["label_index"](reader).entities)
    else:
        result = getattr(overview, name)(reader)
    assert result
    again = persist.decode(name, persist.encode(name, result))
    assert again == result and [type(x) for x in again] == [type(x) for x in result]


def test_a_result_holding_another_class_is_not_saved(fresh):
    reader = open_reader(fresh)
    with pytest.warns(persist.SavedStructureWarning, match="could not save the odd"):
        assert persist.load_or_build("odd", reader, lambda r: [object], saved_in(fresh), reader.version()) == [object]
    assert not persist.path_of(saved_in(fresh), "odd", reader.version()).exists()
