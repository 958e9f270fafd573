"""``kg push``: make a SPARQL server mirror the local store (copy every graph, drop the documents it no longer has)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.graphs import META
from kg.iri import document_id
from kg.remote import RemoteStore
from kg.settings import Settings
from kg.store import open_reader
from kg.vocab import CLAIMS_GRAPH, CURATIONS_GRAPH, ID, KB_GRAPH, LABELS_GRAPH

_KB = ox.NamedNode(str(KB_GRAPH))
_GRAPHS = str(ID) + "graph/"  # kg's named graphs: one per document, and the ones below
# kg's graphs that hold no document: the server keeps them when the store has none (they are not "documents the
# store no longer has"), and no document is taken to be one of them
_NOT_DOCUMENTS = frozenset({_KB, META, *(ox.NamedNode(str(g)) for g in (LABELS_GRAPH, CURATIONS_GRAPH, CLAIMS_GRAPH))})
_GRAPHS_QUERY = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"
_GRAPH_TRIPLES_QUERY = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def is_document_graph(graph: ox.NamedNode) -> bool:
    """A document's named graph: in kg's graph namespace, and none of the KB, meta, labels and curations graphs."""
    return graph.value.startswith(_GRAPHS) and graph not in _NOT_DOCUMENTS


@dataclass(frozen=True)
class RemovedDocument:
    """A document graph :func:`push` dropped from the server."""

    id: str
    source_path: str = ""  # as the server had it; empty when its graph holds no document record
    replaced_by: str = ""  # the local document of the same source path that took its place (a changed file)


@dataclass
class PushReport:
    graphs: int = 0  # graphs copied: documents, KB, labels, curations, meta
    removed: list[RemovedDocument] = field(default_factory=list)  # document graphs dropped from the server


def push(source_settings: Settings, url: str, settings: Settings) -> PushReport:
    """Make the server at ``url`` mirror the store of ``source_settings``.

    Every named graph of the store (documents, KB, labels, curations, meta) is copied, and every document graph on
    the server that the store no longer has is dropped: a document removed (``kg remove``) or the old text of a
    changed file, which is dropped in the same request that writes its new text (a SPARQL Update,
    :meth:`RemoteStore.replace_graph_dropping`). Each document's change is one request, whole or not at all; the
    meta graph (the build stamp) goes last. kg's graphs that hold no document (:func:`is_document_graph`) are
    replaced when the store has them and otherwise left alone, and graphs outside kg's graph namespace are never
    touched. Pushing twice changes nothing.
    """
    source = open_reader(source_settings)
    graphs = [row["g"] for row in source.query(_GRAPHS_QUERY)]
    graphs.sort(key=lambda g: (g == META, g == _KB, g.value))
    local = set(graphs)
    paths = {d.id: d.source_path for d in source.documents()}
    report = PushReport(graphs=len(graphs))
    with RemoteStore(url, settings) as target:
        on_server = {d.id: d.source_path for d in target.documents()}
        stale = sorted(
            (row["g"] for row in target.query(_GRAPHS_QUERY) if is_document_graph(row["g"]) and row["g"] not in local),
            key=lambda g: g.value,
        )
        stale_by_path: dict[str, list[ox.NamedNode]] = {}
        for graph in stale:
            path = on_server.get(document_id(graph.value), "")
            if path:
                stale_by_path.setdefault(path, []).append(graph)

        def copy(graph: ox.NamedNode, drops: Sequence[ox.NamedNode] = ()) -> None:
            triples = source.query(_GRAPH_TRIPLES_QUERY, {"g": graph})
            target.replace_graph_dropping(
                graph, [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples], drops
            )

        for graph in graphs:
            if graph == META:
                continue
            path = paths.get(document_id(graph.value), "") if is_document_graph(graph) else ""
            olds = stale_by_path.pop(path, []) if path else []
            copy(graph, olds)  # a changed file: its old text goes in the same request
            report.removed += [
                RemovedDocument(document_id(old.value), path, replaced_by=document_id(graph.value)) for old in olds
            ]
        replaced = {r.id for r in report.removed}
        for graph in stale:
            doc_id = document_id(graph.value)
            if doc_id not in replaced:
                target.delete_graph(graph)
                report.removed.append(RemovedDocument(doc_id, on_server.get(doc_id, "")))
        if META in local:
            copy(META)
    return report
