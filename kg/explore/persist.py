"""The per-version structures saved beside an embedded store, so that a restart loads them instead of rebuilding.

What the app builds once per graph version (:data:`kg.explore.versioned.PER_VERSION`: the label index, the
statement graph with its rankings, the co-mention, figure, event and entity fact indexes, the projection) takes
seconds at scale and depends on nothing but the store's snapshot. So the first process to build one for a snapshot
writes it to ``<store>/derived/<name>.<version>.kgs``, and every later start loads it from there.

A file is a fixed header and a MessagePack payload (no pickle: loading one runs no code of the file's):

- ``MAGIC`` (4 bytes), then the header's length (4 bytes, big-endian), then the header, MessagePack: the format
  version, the structure's name, the graph version, a fingerprint of the code that builds and encodes the
  structure (:func:`code_fingerprint`: a file written by other code is of another shape), and the payload's
  length and CRC-32;
- the payload: the structure as flat columns (one list per field, strings shared through tables), decoded into
  the same objects, in the same order, as the builder's (the tests compare them field for field); a small result
  (the landing page's counts, newest documents and most central entities) as it is, its dataclasses by name from
  a fixed list.

A file that is missing, of another format, version or code, truncated or corrupt is not used: the structure is
rebuilt, with a :class:`SavedStructureWarning` when the file was there, and saved again. Files are written to a
temporary name and renamed (a reader never sees half a file); files of snapshots the store has collected are
deleted. A store of a SPARQL server has no directory here: its structures are built in memory as before.

>>> from kg.explore.terms import EntityRef
>>> from kg.explore.search import LabelIndex
>>> index = LabelIndex([EntityRef("rcp", "Red Cat Plan", "Program")], {"rcp": ["红猫计划"]})
>>> again = decode("label_index", encode("label_index", index))
>>> vars(again) == vars(index), again.search("red")[0].entity.label
(True, 'Red Cat Plan')
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import os
import struct
import sys
import warnings
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path
from typing import Any

import msgpack
import networkx as nx

from kg.errors import SavedStructureError
from kg.explore.entity import EntityFacts, RelationIndex
from kg.explore.overview import Central, DocumentRow
from kg.explore.search import LabelIndex
from kg.explore.terms import EntityRef

#: Bump when the file layout (header or columns) changes; the code fingerprint catches the builders' changes.
FORMAT = 1
MAGIC = b"KGVS"
SUFFIX = ".kgs"
#: Under an embedded store's directory, beside ``live/`` and ``snapshots/``.
DIRECTORY = "derived"


class SavedStructureWarning(UserWarning):
    """A saved structure could not be used (or saved) and was rebuilt in memory."""


# -- the columns of each structure ---------------------------------------------------------------------------------


class _Table:
    """Strings numbered in order of first use, so that each is written once and shared when read back."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, s: str) -> int:
        i = self.index.get(s)
        if i is None:
            i = self.index[s] = len(self.index)
        return i

    @property
    def strings(self) -> list[str]:
        return list(self.index)


def _require(ok: bool, what: str) -> None:
    if not ok:
        raise SavedStructureError(f"{what}: this shape is not one persist.py can save; update its codec")


def _encode_label_index(ix: LabelIndex) -> dict:
    _require(set(vars(ix)) == {"entities", "_names", "_hanzi", "_pinyin"}, "LabelIndex attributes")
    entities = list(ix.entities.values())
    at = {e.key: i for i, e in enumerate(entities)}
    names = ix._names[0]
    return {
        "keys": [e.key for e in entities],
        "labels": [e.label for e in entities],
        "types": [e.type for e in entities],
        "folded": ix._names[1],
        "rank": [k[1] for k in names],
        "name": [k[2] for k in names],
        "entity": [at[k[3]] for k in names],
        "hanzi": [n for n, _ in ix._hanzi],
        "hanzi_entity": [at[k] for _, k in ix._hanzi],
    }


def _decode_label_index(d: dict) -> LabelIndex:
    keys = d["keys"]
    ix = LabelIndex.__new__(LabelIndex)  # the index as built, without sorting its names again
    ix.entities = dict(zip(keys, map(EntityRef, keys, d["labels"], d["types"]), strict=True))
    ix._names = (list(zip(d["folded"], d["rank"], d["name"], [keys[i] for i in d["entity"]], strict=True)), d["folded"])
    ix._hanzi = list(zip(d["hanzi"], [keys[i] for i in d["hanzi_entity"]], strict=True))
    ix._pinyin = None  # built at the first search that needs it, as after build_label_index
    return ix


_EDGE = ("relation", "confidence", "date", "kb")
_GRAPH = {"neighbours", "relation_indexes"}


def _encode_statements(G: nx.MultiDiGraph) -> dict:
    """The statement graph as its adjacency (successors and predecessors, each in its order) and what it keeps."""
    _require(set(G.graph) == _GRAPH and not any(d for _, d in G.nodes(data=True)), "statement graph attributes")
    nodes = list(G)
    at = {n: i for i, n in enumerate(nodes)}
    words = _Table()  # relation names, group names, directions
    cols: dict[str, list] = {c: [] for c in ("s", "o", "key", "relation", "confidence", "date", "kb")}
    statement: dict[str, int] = {}
    for s, nbrs in G.adjacency():  # the successors' own dicts: a view's items cost a call each
        for o, keydict in nbrs.items():
            for key, data in keydict.items():
                _require(len(data) == len(_EDGE) and all(f in data for f in _EDGE), "statement edge attributes")
                statement[key] = len(cols["key"])
                row = (at[s], at[o], key, words(data["relation"]), data["confidence"], data["date"], data["kb"])
                for c, v in zip(cols.values(), row, strict=True):
                    c.append(v)
    pred_sizes: list[int] = []
    pred: list[int] = []
    for nbrs in G.pred.values():
        pred_sizes.append(len(nbrs))
        pred.extend(at[u] for u in nbrs)
    out: dict[str, Any] = {"nodes": nodes, **cols, "pred_sizes": pred_sizes, "pred": pred}
    # ranked neighbours: per entity its groups (relation, direction, members), members flat
    ng: dict[str, list] = {c: [] for c in ("entity", "groups", "relation", "direction", "size", "x", "c", "k", "d")}
    for n, groups in G.graph["neighbours"].items():
        ng["entity"].append(at[n])
        ng["groups"].append(len(groups))
        for (relation, direction), members in groups.items():
            ng["relation"].append(words(relation))
            ng["direction"].append(words(direction))
            ng["size"].append(len(members))
            for x, c, k, d in members:
                ng["x"].append(at[x])
                ng["c"].append(c)
                ng["k"].append(k)
                ng["d"].append(d)
    ri: dict[str, list] = {c: [] for c in ("entity", "groups", "group", "size", "kb", "dated", "with", "statements")}
    fields = {"groups", "kb", "dated", "dated_with"}
    for n, index in G.graph["relation_indexes"].items():
        _require(isinstance(index, RelationIndex) and set(vars(index)) == fields, "RelationIndex")
        ri["entity"].append(at[n])
        ri["groups"].append(len(index.groups))
        for group, members in index.groups.items():
            ri["group"].append(words(group))
            ri["size"].append(len(members))
            ri["statements"].extend(statement[m] for m in members)
        ri["kb"].append(len(index.kb))
        ri["statements"].extend(statement[m] for m in index.kb)
        ri["dated"].append(len(index.dated))
        ri["statements"].extend(statement[m] for m in index.dated)
        ri["with"].extend(at[x] for x in index.dated_with)
    return out | {"words": words.strings, "neighbours": ng, "relation_indexes": ri}


def _decode_statements(d: dict) -> nx.MultiDiGraph:
    nodes, words, keys = d["nodes"], d["words"], d["key"]
    relations = [words[r] for r in d["relation"]]
    succ: dict[str, dict] = {n: {} for n in nodes}
    for s, o, key, r, c, date, kb in zip(d["s"], d["o"], keys, relations, d["confidence"], d["date"], d["kb"],
                                         strict=True):  # fmt: skip
        nbrs = succ[nodes[s]]
        keydict = nbrs.get(nodes[o])
        if keydict is None:
            keydict = nbrs[nodes[o]] = {}
        keydict[key] = {"relation": r, "confidence": c, "date": date, "kb": kb}
    # a multigraph's successor and predecessor share each pair's dict of edges, as add_edge makes them
    us = [nodes[u] for u in d["pred"]]
    pred = {v: {u: succ[u][v] for u in us[a:b]} for v, (a, b) in zip(nodes, _spans(d["pred_sizes"]), strict=True)}
    G: nx.MultiDiGraph[str] = _assembled(nx.MultiDiGraph(), nodes, succ, pred)
    ng = d["neighbours"]
    members = list(zip([nodes[x] for x in ng["x"]], ng["c"], ng["k"], ng["d"], strict=True))
    groups = [
        ((words[r], words[direction]), members[a:b])
        for r, direction, (a, b) in zip(ng["relation"], ng["direction"], _spans(ng["size"]), strict=True)
    ]
    neighbours = {nodes[e]: dict(groups[a:b]) for e, (a, b) in zip(ng["entity"], _spans(ng["groups"]), strict=True)}
    ri = d["relation_indexes"]
    statements = [keys[i] for i in ri["statements"]]
    # each entity's statements are its groups' in turn, then its KB facts, then its dated ones
    named = [(words[g], size) for g, size in zip(ri["group"], ri["size"], strict=True)]
    dated_with = [nodes[x] for x in ri["with"]]  # the other ends of every entity's dated statements in turn
    indexes = {}
    at = 0
    spans = zip(ri["entity"], _spans(ri["groups"]), ri["kb"], _spans(ri["dated"]), strict=True)
    for e, (a, b), kb, (first, last) in spans:
        by_name = {}
        for name, size in named[a:b]:
            by_name[name] = tuple(statements[at : at + size])
            at += size
        end = at + kb + last - first
        indexes[nodes[e]] = RelationIndex(
            groups=by_name,
            kb=tuple(statements[at : at + kb]),
            dated=tuple(statements[at + kb : end]),
            dated_with=tuple(dated_with[first:last]),
        )
        at = end
    if at != len(statements):
        raise ValueError(f"{len(statements) - at} statements of the relation indexes belong to no entity")
    G.graph.update(neighbours=neighbours, relation_indexes=indexes)
    return G


def _spans(sizes: list[int]) -> list[tuple[int, int]]:
    """Consecutive (start, end) of items ``sizes`` long each.

    >>> _spans([2, 0, 3])
    [(0, 2), (2, 2), (2, 5)]
    """
    ends = list(accumulate(sizes))
    return list(zip([0, *ends[:-1]], ends, strict=True))


def _encode_comentions(index: dict) -> dict:
    keys = _Table()
    cols: dict[str, list] = {c: [] for c in ("entity", "size", "x", "n", "documents")}
    for e, others in index.items():
        cols["entity"].append(keys(e))
        cols["size"].append(len(others))
        for x, n, documents in others:
            cols["x"].append(keys(x))
            cols["n"].append(n)
            cols["documents"].append(documents)
    return cols | {"keys": keys.strings}


def _decode_comentions(d: dict) -> dict:
    keys = d["keys"]
    members = list(zip([keys[x] for x in d["x"]], d["n"], d["documents"], strict=True))
    return {keys[e]: tuple(members[a:b]) for e, (a, b) in zip(d["entity"], _spans(d["size"]), strict=True)}


def _encode_quantities(index: dict) -> dict:
    return {"keys": list(index), "figures": list(index.values())}


def _decode_quantities(d: dict) -> dict:
    return dict(zip(d["keys"], map(tuple, d["figures"]), strict=True))


def _encode_events(index: dict) -> dict:
    return {"keys": list(index), "events": [e for e, _ in index.values()], "dated": [n for _, n in index.values()]}


def _decode_events(d: dict) -> dict:
    return {key: (tuple(found), dated) for key, found, dated in zip(d["keys"], d["events"], d["dated"], strict=True)}


def _encode_entity_facts(index: dict) -> dict:
    words = _Table()  # coarse types
    cols: dict[str, list] = {c: [] for c in EntityFacts._fields}
    for facts in index.values():
        _require(isinstance(facts, EntityFacts), "EntityFacts")
        for column, v in zip(cols.values(), facts, strict=True):
            column.append(v)
    cols["type"] = [words(t) for t in cols["type"]]
    return cols | {"keys": list(index), "words": words.strings}


def _decode_entity_facts(d: dict) -> dict:
    words = d["words"]
    columns = [d[c] for c in EntityFacts._fields]
    columns[EntityFacts._fields.index("type")] = [words[t] for t in d["type"]]
    return {
        key: EntityFacts(label, type_, tuple(aliases), kb_id, version_of, tuple(versions))
        for key, label, type_, aliases, kb_id, version_of, versions in zip(d["keys"], *columns, strict=True)
    }


def _encode_projection(G: nx.Graph) -> dict:
    """The projection as its adjacency, in order; each edge's attributes once (both ends share them)."""
    _require(not G.graph and not any(d for _, d in G.nodes(data=True)), "projection attributes")
    nodes = list(G)
    at = {n: i for i, n in enumerate(nodes)}
    words = _Table()
    edge: dict[int, int] = {}  # id of an edge's attribute dict → its number
    cols: dict[str, list] = {c: [] for c in ("sizes", "nbr", "edge", "relations", "statements")}
    for _, nbrs in G.adjacency():
        cols["sizes"].append(len(nbrs))
        for v, data in nbrs.items():
            number = edge.get(id(data))
            if number is None:
                _require(set(data) == {"relations", "statements"}, "projection edge attributes")
                number = edge[id(data)] = len(cols["statements"])
                cols["relations"].append([words(r) for r in sorted(data["relations"])])
                cols["statements"].append(data["statements"])
            cols["nbr"].append(at[v])
            cols["edge"].append(number)
    return cols | {"nodes": nodes, "words": words.strings}


def _decode_projection(d: dict) -> nx.Graph:
    nodes, words = d["nodes"], d["words"]
    data = [
        {"relations": frozenset(words[r] for r in rels), "statements": n}
        for rels, n in zip(d["relations"], d["statements"], strict=True)
    ]
    pairs = list(zip([nodes[v] for v in d["nbr"]], [data[e] for e in d["edge"]], strict=True))
    adj = {n: dict(pairs[a:b]) for n, (a, b) in zip(nodes, _spans(d["sizes"]), strict=True)}
    return _assembled(nx.Graph(), nodes, adj)


def _assembled(G: Any, nodes: list[str], adj: dict, pred: dict | None = None) -> Any:
    """``G`` (empty) holding ``nodes`` and their adjacency as add_edge would have made it, set through networkx's
    own setters of its adjacency (they reset its cached views): one dict each, not one add_edge per edge."""
    G._node = {n: {} for n in nodes}
    G._adj = adj  # a directed graph's successors too
    if pred is not None:
        G._pred = pred
    return G


#: The dataclasses a small result may hold: saved field by field, rebuilt by name (no other class is ever made).
_CLASSES = {c.__name__: c for c in (Central, DocumentRow, EntityRef)}


def _plain(obj: Any) -> Any:
    """A small result (the landing page's counts, documents, most central entities) as tagged MessagePack arrays:
    scalars as they are, ``["l" | "t", items]``, ``["d", [[key, value], …]]``, ``["c", class name, fields]``."""
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    if isinstance(obj, (list, tuple)):
        return ["l" if isinstance(obj, list) else "t", [_plain(x) for x in obj]]
    if isinstance(obj, dict):
        return ["d", [[_plain(k), _plain(v)] for k, v in obj.items()]]
    name = type(obj).__name__
    _require(_CLASSES.get(name) is type(obj), f"a {name} in a saved result")
    return ["c", name, [_plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)]]


def _unplain(x: Any) -> Any:
    if not isinstance(x, list):
        return x
    if x[0] == "l":
        return [_unplain(i) for i in x[1]]
    if x[0] == "t":
        return tuple(_unplain(i) for i in x[1])
    if x[0] == "d":
        return {_unplain(k): _unplain(v) for k, v in x[1]}
    if x[0] == "c":
        return _CLASSES[x[1]](*map(_unplain, x[2]))
    raise ValueError(f"unknown tag {x[0]!r}")


@dataclass(frozen=True)
class Codec:
    encode: Callable[[Any], dict]
    decode: Callable[[dict], Any]


CODECS: dict[str, Codec] = {
    "label_index": Codec(_encode_label_index, _decode_label_index),
    "statements": Codec(_encode_statements, _decode_statements),
    "comentions": Codec(_encode_comentions, _decode_comentions),
    "quantities": Codec(_encode_quantities, _decode_quantities),
    "entity_facts": Codec(_encode_entity_facts, _decode_entity_facts),
    "events": Codec(_encode_events, _decode_events),
    "projection": Codec(_encode_projection, _decode_projection),
}


#: Any other name: a small result, saved as it is.
PLAIN = Codec(_plain, _unplain)


def encode(name: str, obj: Any) -> bytes:
    """The payload of structure ``name`` (MessagePack of its columns, or of a small result as it is)."""
    return msgpack.packb(CODECS.get(name, PLAIN).encode(obj), use_bin_type=True)


def decode(name: str, payload: bytes | memoryview) -> Any:
    """Structure ``name`` from its payload; :class:`SavedStructureError` if the payload is not of its shape."""
    collecting = gc.isenabled()
    gc.disable()  # it makes millions of objects that all live: collections on the way would only walk them (×2–3)
    try:
        return CODECS.get(name, PLAIN).decode(msgpack.unpackb(payload, raw=False, use_list=True))
    except (ValueError, TypeError, KeyError, IndexError, StopIteration, RuntimeError, AttributeError) as e:
        raise SavedStructureError(f"the saved {name} does not decode ({type(e).__name__}: {e})") from e
    finally:
        if collecting:
            gc.enable()


# -- files ------------------------------------------------------------------------------------------------------


@cache
def code_fingerprint() -> str:
    """A digest of the code whose output a file holds: the modules that build the structures and this one."""
    from kg.explore import comentions, entity, overview, paths, search, statements, terms

    h = hashlib.sha256(f"{FORMAT} msgpack {msgpack.version} networkx {nx.__version__}".encode())
    for module in (comentions, entity, overview, paths, search, statements, terms, sys.modules[__name__]):
        assert module.__file__ is not None  # kg's own modules, loaded from files
        h.update(Path(module.__file__).read_bytes())
    return h.hexdigest()[:16]


def path_of(directory: Path, name: str, version: str) -> Path:
    return directory / f"{name}.{version}{SUFFIX}"


def save(directory: Path, name: str, version: str, obj: Any) -> Path:
    """Write structure ``name`` of graph ``version`` atomically (a temporary file renamed into place)."""
    payload = encode(name, obj)
    fields = {"format": FORMAT, "name": name, "version": version, "code": code_fingerprint()}
    header = msgpack.packb(fields | {"length": len(payload), "crc32": zlib.crc32(payload)})
    directory.mkdir(parents=True, exist_ok=True)
    path = path_of(directory, name, version)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(MAGIC + struct.pack(">I", len(header)) + header)
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def load(directory: Path, name: str, version: str) -> Any:
    """Structure ``name`` of graph ``version`` from its file. Raises FileNotFoundError when there is none, and
    :class:`SavedStructureError` naming what is wrong when it is of another format, version or code, or corrupt."""
    path = path_of(directory, name, version)
    data = path.read_bytes()
    if data[:4] != MAGIC or len(data) < 8:
        raise SavedStructureError(f"{path} is not a file of saved structures (no {MAGIC!r} header)")
    (size,) = struct.unpack(">I", data[4:8])
    try:
        header = msgpack.unpackb(data[8 : 8 + size], raw=False)
    except ValueError as e:
        raise SavedStructureError(f"{path}: its header does not decode ({e})") from e
    if not isinstance(header, dict):
        raise SavedStructureError(f"{path}: its header is not a map")
    wanted = {"format": FORMAT, "name": name, "version": version, "code": code_fingerprint()}
    for field, value in wanted.items():
        if header.get(field) != value:
            raise SavedStructureError(f"{path} is of {field} {header.get(field)!r}, not {value!r}")
    payload = memoryview(data)[8 + size :]
    if len(payload) != header.get("length") or zlib.crc32(payload) != header.get("crc32"):
        raise SavedStructureError(f"{path} is truncated or corrupt (its length or CRC-32 does not match)")
    return decode(name, payload)


def prune(directory: Path, keep: set[str]) -> list[Path]:
    """Delete the saved structures of every graph version not in ``keep``, and temporary files left by a crash;
    returns what was deleted."""
    gone = []
    for path in directory.glob(f"*{SUFFIX}"):
        version = path.name[: -len(SUFFIX)].rpartition(".")[2]
        if version not in keep:
            path.unlink(missing_ok=True)
            gone.append(path)
    for path in directory.glob(f".*{SUFFIX}.*.tmp"):
        pid = path.name.rpartition(".")[0].rpartition(".")[2]
        if not _alive(pid):
            path.unlink(missing_ok=True)
            gone.append(path)
    return gone


def _alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


def load_or_build(
    name: str, reader, build: Callable[[Any], Any], directory: Path | None, version: str, keep: Iterable[str] = ()
) -> Any:
    """Structure ``name`` of graph ``version``: loaded from ``directory`` when saved there, else ``build(reader)``,
    then saved (unless the graph changed meanwhile) and the files of versions not in ``keep`` deleted. Never
    raises for a file: an unusable one is rebuilt with a :class:`SavedStructureWarning`."""
    if directory is None or version == "empty":
        return build(reader)
    try:
        return load(directory, name, version)
    except FileNotFoundError:
        pass
    except (SavedStructureError, OSError) as e:
        warnings.warn(f"{e}; rebuilding the {name} of graph version {version}", SavedStructureWarning, stacklevel=2)
    built = build(reader)
    if reader.version() != version:  # a writer published while it was built: it may hold the newer graph
        return built
    try:
        save(directory, name, version, built)
        prune(directory, {version, *keep})
    except (SavedStructureError, OSError) as e:
        warnings.warn(f"could not save the {name} of graph version {version} in {directory}: {e}",
                      SavedStructureWarning, stacklevel=2)  # fmt: skip
    return built
