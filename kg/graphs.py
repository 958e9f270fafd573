"""What every store shares, embedded or remote: the reader and writer protocols, the records they pass,
and the helpers both use (binding values into queries, a document's graph name, N-Triples, the meta graph).

:mod:`kg.store` (embedded, and the choice of backend) and :mod:`kg.remote` (a SPARQL server) both build on
this module and never on each other.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.vocab import KG, META_GRAPH

#: pyoxigraph terms, as they come back from queries of either backend.
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

#: The content of one named graph as writers take it: quads (their graph names are ignored), or
#: the N-Triples serialisation of its triples (what extraction workers send: kg.pipeline).
GraphContent = Iterable[ox.Quad] | bytes

#: Where kg keeps when the graph last changed: the meta graph, its kg:builtAt, as xsd:dateTime.
META = ox.NamedNode(str(META_GRAPH))
KG_BUILT_AT = ox.NamedNode(str(KG.builtAt))
XSD_DATETIME = ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")


class StoreIOError(StoreError):
    """The store's disk refused a write or a snapshot (full, read-only, failing).

    Unlike a bad document this does not go away by itself: the writes after it fail the same way
    until it is fixed, so a build stops at the first one. Like every error of
    :meth:`GraphWriter.write_documents`, its ``written`` lists the ids of the call's documents that
    had landed before it (each whole).
    """

    written: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentInfo:
    id: str
    source_path: str
    content_hash: str
    title: str


class DocumentWrite(NamedTuple):
    """One document's graph to write, and the ids of documents it replaces (a changed file's old text)."""

    doc_id: str
    content: GraphContent
    replaces: tuple[str, ...] = ()


class GraphReader(Protocol):
    """What every reader offers, embedded or remote."""

    location: str

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None):
        """Run a trusted, bounded query (the app's own); values from users go in ``bindings``.

        Returns pyoxigraph's result: QuerySolutions (SELECT), QueryTriples (CONSTRUCT/DESCRIBE)
        or QueryBoolean (ASK). The default graph is the union of all graphs.
        """

    def version(self) -> str:
        """Changes whenever the graph changes: a key for caches."""

    def documents(self) -> list[DocumentInfo]:
        """Every document in the store."""

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad (for exports)."""


class GraphWriter(GraphReader, Protocol):
    def replace_document(self, doc_id: str, content: GraphContent, replaces: Iterable[str] = ()) -> None:
        """Atomically: drop the graphs of ``doc_id`` and of ``replaces``, then write ``content`` as the document's
        graph."""

    def write_documents(self, writes: Sequence[DocumentWrite]) -> None:
        """Write several documents (distinct ids), each as :meth:`replace_document` would: each lands whole or not
        at all.

        On failure raises :class:`~kg.errors.StoreError` (:class:`StoreIOError` when the disk refused it) whose
        ``written`` attribute, when set, lists the ids of the documents of this call that landed before it.
        """

    def remove_document(self, doc_id: str) -> bool:
        """Drop one document's graph; False if it was not there."""

    def replace_graph(self, graph: ox.NamedNode, content: GraphContent) -> None:
        """Atomically replace a whole named graph (the KB graph)."""

    def settle(self) -> None:
        """The documents of this run are written: the store may start tidying them (an embedded store compacts
        its bulk loads on a thread) while the caller writes what it derives from them; closing waits for it."""


def graph_node(doc_id: str) -> ox.NamedNode:
    from kg.iri import graph_iri

    return ox.NamedNode(str(graph_iri(doc_id)))


def bind(sparql: str, bindings: Mapping[str, Term] | None) -> str:
    """The query with ``bindings`` as a trailing VALUES clause of N-Triples-escaped terms.

    Values never enter the text raw: each is serialised as an RDF term. A trailing VALUES is
    joined before projection, so a bound variable need not be selected, and Oxigraph pushes it
    into the pattern (measured on a 1M-triple store: 62 ms, where pyoxigraph's ``substitutions``,
    applied as a filter after a full evaluation, took 1.8 s). The query must not end in VALUES.

    >>> bind("SELECT ?l WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l }", {"e": ox.NamedNode("http://x/a")}).splitlines()[-1]
    'VALUES (?e) { (<http://x/a>) }'
    """
    if not bindings:
        return sparql
    terms = []
    for name, term in bindings.items():
        if not isinstance(term, (ox.NamedNode, ox.Literal)):
            raise QueryError(f"cannot bind ?{name} to a {type(term).__name__}: only IRIs and literals can be bound")
        terms.append(str(term))  # N-Triples syntax: escaped, and valid SPARQL
    variables = " ".join(str(ox.Variable(name)) for name in bindings)
    return f"{sparql}\nVALUES ({variables}) {{ ({' '.join(terms)}) }}"


_DOCUMENTS_QUERY = """
PREFIX kg: <https://w3id.org/kg-explorer/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?g ?path ?hash ?title WHERE {
  GRAPH ?g { ?d a kg:Document ; kg:sourcePath ?path ; kg:contentHash ?hash . OPTIONAL { ?d dcterms:title ?title } }
}"""


def documents_from(run_query) -> list[DocumentInfo]:
    """The documents of a store, from its query function (any backend)."""
    from kg.iri import document_id

    docs = []
    for row in run_query(_DOCUMENTS_QUERY):
        docs.append(
            DocumentInfo(
                id=document_id(row["g"].value),
                source_path=row["path"].value,
                content_hash=row["hash"].value,
                title=row["title"].value if row["title"] is not None else "",
            )
        )
    return sorted(docs, key=lambda d: (d.source_path, d.id))


def ntriples(content: GraphContent) -> bytes:
    """The N-Triples of a graph's content (bytes are taken to be N-Triples already)."""
    if isinstance(content, bytes):
        return content
    triples = (ox.Triple(q.subject, q.predicate, q.object) for q in content)
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""  # None only when given a file
