"""Curations applied to graphs: the same function of a graph's extracted triples on every build.

A graph's curated content is ``fold(pristine, curations)``: each curation in force, in the order they were
made, takes the triples left by the ones before. So a full rebuild from scratch, which writes each graph
as extracted and folds it again, gives the same quads as before the rebuild (``tests/test_curate.py``).

- Document graphs: a rejected fact's direct triples and statements go; a merged entity's IRI becomes the
  other's (its names its aliases); a type set replaces the entity's types; a rename makes the old names
  aliases; a split-off alias is no longer the entity's, its mentions point to a new entity. A graph a
  curation changed says so (``<graph> kg:curatedBy <curation>``), which is how curations that no longer
  match anything are found (:func:`stale`).
- The knowledge base's graph: folded the same way (its pristine content is made again from the KB files).
- The curations graph (``id/graph/curations``): each curation with PROV terms (who, when, why), what it
  adds (a type, a label, an alias, a split-off entity, an added fact with its citation), and the
  fingerprint of the curations in force.

The extracted (pristine) content of each document graph a curation changed is kept beside the store
(``<store>/curation-originals/``, N-Triples), so that an undo, or a curation made later, folds from what
was extracted; a document graph without such a file is as extracted. Every document written by
:mod:`kg.build` goes through :class:`CuratingWriter`, which folds it before it lands: readers never see a
document uncurated.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import quote, unquote

import pyoxigraph as ox

from kg.curate.records import (
    AddAlias,
    AddFact,
    Confirm,
    Curation,
    Distinct,
    EntityCuration,
    FactCuration,
    Merge,
    Reject,
    Rename,
    SetType,
    SplitAlias,
    active,
    read_curations,
)
from kg.graphs import DocumentWrite, GraphContent, GraphReader, GraphWriter, graph_node, ntriples
from kg.iri import digest, document_iri, entity_iri, node_iri, normalise_name
from kg.settings import Settings
from kg.vocab import CURATIONS_GRAPH, ENTITY_TYPES, ID, KB_GRAPH, KG, RELATIONS, SYMMETRIC_RELATIONS

Triple = tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, ox.NamedNode | ox.BlankNode | ox.Literal]

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDF_TYPE = ox.NamedNode(_RDF + "type")
RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT = (ox.NamedNode(_RDF + n) for n in ("subject", "predicate", "object"))
RDF_STATEMENT = ox.NamedNode(_RDF + "Statement")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
RDFS_COMMENT = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")
SKOS_ALT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
PROV = "http://www.w3.org/ns/prov#"
PROV_ATTRIBUTED, PROV_AT, PROV_AGENT = (ox.NamedNode(PROV + n) for n in ("wasAttributedTo", "generatedAtTime", "Agent"))
SCHEMA_URL = ox.NamedNode("https://schema.org/url")
XSD = "http://www.w3.org/2001/XMLSchema#"
OA_SELECTOR = ox.NamedNode("http://www.w3.org/ns/oa#TextQuoteSelector")
CURATIONS = ox.NamedNode(str(CURATIONS_GRAPH))
KB = ox.NamedNode(str(KB_GRAPH))


def _kg(name: str) -> ox.NamedNode:
    return ox.NamedNode(str(KG[name]))


TYPES = {_kg(t) for t in ENTITY_TYPES}
MENTIONED_LABEL = ox.NamedNode(str(KG._NS) + "mentionedLabel")  # the name one document gives an entity (kg.labels)
LABELS = (RDFS_LABEL, MENTIONED_LABEL)
_RELATION_NODES = {_kg(r) for r in RELATIONS}
CURATED_BY = _kg("curatedBy")
_DATE_TYPES = {1: "gYear", 2: "gYearMonth", 3: "date"}


def entity(key: str) -> ox.NamedNode:
    return ox.NamedNode(str(entity_iri(key)))


def curation_node(c: Curation) -> ox.NamedNode:
    return ox.NamedNode(str(ID) + "curation/" + quote(c.id, safe=""))


# --- the fold ---------------------------------------------------------------------------------------


def _fact_pairs(c: FactCuration | AddFact) -> tuple[ox.NamedNode, set[tuple[ox.NamedNode, ox.NamedNode]]]:
    s, o = entity(c.subject), entity(c.object)
    return _kg(c.predicate), ({(s, o), (o, s)} if c.predicate in SYMMETRIC_RELATIONS else {(s, o)})


def _statements_of(triples: list[Triple], predicate: ox.NamedNode, pairs: set) -> set:
    """The statement nodes among ``triples`` whose (subject, object) is one of ``pairs`` and predicate ``predicate``."""
    return {
        n
        for n, e in _ends(triples).items()
        if e.get(RDF_PREDICATE) == predicate and (e.get(RDF_SUBJECT), e.get(RDF_OBJECT)) in pairs
    }


def _reject(c: Reject, triples: list[Triple], doc: str | None) -> tuple[list[Triple], bool]:
    if c.document and doc != c.document:
        return triples, False
    p, pairs = _fact_pairs(c)
    gone = _statements_of(triples, p, pairs)
    kept = [t for t in triples if t[0] not in gone and not (t[1] == p and (t[0], t[2]) in pairs)]
    return kept, len(kept) != len(triples)


def _confirm(c: Confirm, triples: list[Triple], doc: str | None) -> tuple[list[Triple], bool]:
    if c.document and doc != c.document:
        return triples, False
    p, pairs = _fact_pairs(c)
    return triples, any(t[1] == p and (t[0], t[2]) in pairs for t in triples)


def _merge(c: Merge, triples: list[Triple], doc: str | None) -> tuple[list[Triple], bool]:
    a, b = entity(c.entity), entity(c.into)
    if not any(a in (s, o) for s, _, o in triples):
        return triples, False
    counts = 0
    out: list[Triple] = []
    for s, p, o in triples:
        if s == a and ((p == RDF_TYPE and o in TYPES) or p == _kg("kbId")):
            continue  # the merged entity's own type and KB id: the target keeps its own
        if s == a and p in LABELS:
            out.append((b, SKOS_ALT, o))
        elif s == a and p == _kg("mentionCount"):
            counts += int(o.value)
        else:
            out.append((b if s == a else s, p, b if o == a else o))
    if counts:  # the target's mentions in this document are now both entities'
        own = [t for t in out if t[0] == b and t[1] == _kg("mentionCount")]
        total = counts + sum(int(t[2].value) for t in own)
        out = [t for t in out if t not in own] + [
            (b, _kg("mentionCount"), ox.Literal(str(total), datatype=ox.NamedNode(XSD + "integer")))
        ]
    # a relation between the two is now one of the entity with itself: gone, with its statements
    loops = {n for n, e in _ends(out).items() if e.get(RDF_SUBJECT) == b and e.get(RDF_OBJECT) == b}
    out = [t for t in out if t[0] not in loops and not (t[0] == b and t[2] == b and t[1] in _RELATION_NODES)]
    return _unique(out), True


def _ends(triples: list[Triple]) -> dict:
    """Statement node → {rdf:subject: …, rdf:predicate: …, rdf:object: …} of the statements among ``triples``."""
    ends: dict = defaultdict(dict)
    for s, p, o in triples:
        if p in (RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT):
            ends[s][p] = o
    return ends


def _split(c: SplitAlias, triples: list[Triple], doc: str | None) -> tuple[list[Triple], bool]:
    e, new, name = entity(c.entity), entity(c.new_key), normalise_name(c.alias)
    surfaces = {s: o.value for s, p, o in triples if p == _kg("surface") and isinstance(o, ox.Literal)}
    out: list[Triple] = []
    hit = False
    for s, p, o in triples:
        if s == e and p in (SKOS_ALT, *LABELS) and isinstance(o, ox.Literal) and normalise_name(o.value) == name:
            hit = True
            if p == MENTIONED_LABEL:  # this document names the split-off entity: it keeps that name, not the entity
                out.append((new, p, o))
            continue
        if p == _kg("refersTo") and o == e and normalise_name(surfaces.get(s, "")) == name:
            hit = True
            out.append((s, p, new))
            continue
        out.append((s, p, o))
    return out, hit


def _set_type(c: SetType, triples: list[Triple], doc: str | None) -> tuple[list[Triple], bool]:
    e = entity(c.entity)
    kept = [t for t in triples if not (t[0] == e and t[1] == RDF_TYPE and t[2] in TYPES)]
    return kept, len(kept) != len(triples)


def _rename(c: Rename, triples: list[Triple], doc: str | None) -> tuple[list[Triple], bool]:
    e, label = entity(c.entity), ox.Literal(c.label)
    out: list[Triple] = []
    hit = False
    for s, p, o in triples:
        if s == e and p in LABELS:
            hit = True
            out.append((s, p, label))
            if o.value != c.label:
                out.append((s, SKOS_ALT, o))
        elif not (s == e and p == SKOS_ALT and o.value == c.label):
            out.append((s, p, o))
    return _unique(out), hit


def _described(c: EntityCuration | Distinct, triples: list[Triple], doc: str | None) -> tuple[list[Triple], bool]:
    keys = (c.entity, c.other) if isinstance(c, Distinct) else (c.entity,)
    nodes = {entity(k) for k in keys}
    return triples, any(s in nodes and p in (RDF_TYPE, *LABELS) for s, p, _ in triples)


def _nothing(c: Curation, triples: list[Triple], doc: str | None) -> tuple[list[Triple], bool]:
    return triples, False


_APPLY = {
    Reject: _reject,
    Confirm: _confirm,
    Merge: _merge,
    SplitAlias: _split,
    SetType: _set_type,
    Rename: _rename,
    AddAlias: _described,
    Distinct: _described,
    AddFact: _nothing,
}


def _unique(triples: Iterable[Triple]) -> list[Triple]:
    return list(dict.fromkeys(triples))


def relevant(curations: Sequence[Curation], present: set[str]) -> list[Curation]:
    """The curations that can change a graph naming the entity keys ``present`` (a merge's target and a split-off
    alias then count as present for the curations after them)."""
    present = set(present)
    out = []
    for c in curations:
        if present.intersection(c.triggers()):
            out.append(c)
            present.update(c.produces())
    return out


def fold(triples: Iterable[Triple], curations: Sequence[Curation], doc: str | None) -> tuple[list[Triple], list[str]]:
    """The triples of the graph of document ``doc`` (None: the KB's) after ``curations``, in order; and the ids of
    the curations that changed or matched something."""
    out = list(triples)
    hits = []
    for c in curations:
        out, hit = _APPLY[type(c)](c, out, doc)  # type: ignore[operator]
        if hit:
            hits.append(c.id)
    return out, hits


# --- the curations graph ------------------------------------------------------------------------------


def _literal_date(iso: str) -> ox.Literal:
    return ox.Literal(iso, datatype=ox.NamedNode(XSD + _DATE_TYPES[len(iso.split("-"))]))


def _effects(c: Curation) -> list[Triple]:
    """What a curation adds to the curations graph besides its record."""
    if isinstance(c, SetType):
        return [(entity(c.entity), RDF_TYPE, _kg(c.type))]
    if isinstance(c, AddAlias):
        return [
            (
                entity(c.entity),
                SKOS_ALT,
                ox.Literal(c.alias, language=c.language) if c.language else ox.Literal(c.alias),
            )
        ]
    if isinstance(c, Merge) and c.label:
        return [(entity(c.into), SKOS_ALT, ox.Literal(c.label))]
    if isinstance(c, SplitAlias):
        new = entity(c.new_key)
        return [(new, RDF_TYPE, _kg(c.type or "Other")), (new, MENTIONED_LABEL, ox.Literal(c.alias))]
    if isinstance(c, AddFact):
        return _added_fact(c)
    return []


def _added_fact(c: AddFact) -> list[Triple]:
    s, p, o = entity(c.subject), _kg(c.predicate), entity(c.object)
    n = ox.NamedNode(str(node_iri("statement", "curation", c.id)))
    out: list[Triple] = [
        (s, p, o),
        (n, RDF_TYPE, _kg("Statement")),
        (n, RDF_TYPE, RDF_STATEMENT),
        (n, RDF_SUBJECT, s),
        (n, RDF_PREDICATE, p),
        (n, RDF_OBJECT, o),
        (n, _kg("source"), ox.Literal("curation")),
        (n, _kg("rule"), ox.Literal("curation")),
        (n, _kg("confidence"), ox.Literal("1.0", datatype=ox.NamedNode(XSD + "double"))),
        (n, _kg("curation"), curation_node(c)),
    ]
    if c.date:
        precision = {1: "year", 2: "month", 3: "day"}[len(c.date.split("-"))]
        out += [(n, _kg("date"), _literal_date(c.date)), (n, _kg("datePrecision"), ox.Literal(precision))]
    if c.url:
        out.append((n, SCHEMA_URL, ox.NamedNode(c.url)))
    if c.document:
        ev = ox.NamedNode(str(node_iri("evidence", "curation", c.id)))
        integer = ox.NamedNode(XSD + "integer")
        out += [
            (n, _kg("evidence"), ev),
            (ev, RDF_TYPE, _kg("Evidence")),
            (ev, RDF_TYPE, OA_SELECTOR),
            (ev, _kg("document"), ox.NamedNode(str(document_iri(c.document)))),
            (ev, _kg("sentence"), ox.Literal(c.sentence)),
            (ev, _kg("start"), ox.Literal(str(c.start), datatype=integer)),
            (ev, _kg("end"), ox.Literal(str(c.end), datatype=integer)),
        ]
    return out


def _record(c: Curation) -> list[Triple]:
    """The curation itself, with PROV terms."""
    node = curation_node(c)
    agent = ox.NamedNode(str(ID) + "curator/" + quote(c.curator, safe=""))
    out: list[Triple] = [
        (node, RDF_TYPE, _kg("Curation")),
        (node, _kg("curationAction"), ox.Literal(c.action)),
        (node, PROV_ATTRIBUTED, agent),
        (agent, RDF_TYPE, PROV_AGENT),
        (agent, RDFS_LABEL, ox.Literal(c.curator)),
        (node, PROV_AT, ox.Literal(c.at, datatype=ox.NamedNode(XSD + "dateTime"))),
    ]
    if c.note:
        out.append((node, RDFS_COMMENT, ox.Literal(c.note)))
    if isinstance(c, (FactCuration, AddFact)):
        out += [
            (node, _kg("curatedSubject"), entity(c.subject)),
            (node, _kg("curatedPredicate"), _kg(c.predicate)),
            (node, _kg("curatedObject"), entity(c.object)),
        ]
        if c.document:
            out.append((node, _kg("curatedDocument"), ox.NamedNode(str(document_iri(c.document)))))
    if isinstance(c, (EntityCuration, Distinct)):
        out.append((node, _kg("curatedEntity"), entity(c.entity)))
    if isinstance(c, Distinct):
        out.append((node, _kg("curatedEntity"), entity(c.other)))
    if isinstance(c, Merge):
        out.append((node, _kg("mergedInto"), entity(c.into)))
    value = {SetType: "type", Rename: "label", AddAlias: "alias", SplitAlias: "alias"}.get(type(c))
    if value:
        out.append((node, _kg("curatedValue"), ox.Literal(getattr(c, value))))
    return out


def fingerprint(curations: Sequence[Curation]) -> str:
    """Changes whenever the curations in force change (their ids, in order)."""
    return digest(*(c.id for c in curations), length=32) if curations else ""


def curations_graph(curations: Sequence[Curation]) -> tuple[list[ox.Quad], list[str]]:
    """The curations graph's quads, and the ids of curations that matched what the curations before them added."""
    effects: list[Triple] = []
    hits: list[str] = []
    for c in curations:
        effects, hit = fold(effects, [c], None)
        hits += hit
        effects = _unique(effects + _effects(c))
    records = [t for c in curations for t in _record(c)]
    quads = [ox.Quad(s, p, o, CURATIONS) for s, p, o in _unique(effects + records)]
    if curations:
        quads.append(ox.Quad(CURATIONS, _kg("contentHash"), ox.Literal(fingerprint(curations)), CURATIONS))
    return quads, hits


# --- the store ----------------------------------------------------------------------------------------


def curations_path(settings: Settings) -> Path:
    """The curations file of the configured store (setting ``curations``)."""
    if settings.curations:
        return Path(settings.curations)
    return Path("curations.jsonl") if settings.store_is_remote else Path(settings.store) / "curations.jsonl"


def originals_dir(settings: Settings) -> Path:
    """Where the extracted content of curated document graphs is kept (one directory per store)."""
    if settings.store_is_remote:
        return curations_path(settings).parent / f"curation-originals-{digest(settings.store, length=12)}"
    return Path(settings.store) / "curation-originals"


class Curations:
    """The curations in force for a store, loaded once, with what applying them needs."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.path = curations_path(settings)
        self.records = read_curations(self.path)
        self.active = active(self.records)
        self.fingerprint = fingerprint(self.active)
        self.originals = originals_dir(settings)
        # entity IRI as N-Triples writes it → key, of every entity a curation in force can look for
        self._triggers = {
            f"<{entity(k).value}>".encode(): k for c in self.active for k in (*c.triggers(), *c.produces())
        }

    def present(self, content: bytes) -> set[str]:
        """The entity keys of curations that the N-Triples ``content`` names: one scan of its entity IRIs, one set
        lookup each (a graph naming none costs no more)."""
        if not self._triggers:
            return set()
        return {self._triggers[n] for n in set(_ENTITY_IRI.findall(content)) if n in self._triggers}

    # -- pristine copies of curated document graphs --------------------------------------------
    def _original(self, doc_id: str) -> Path:
        return self.originals / (quote(doc_id, safe="") + ".nt")

    def original(self, doc_id: str) -> bytes | None:
        try:
            return self._original(doc_id).read_bytes()
        except FileNotFoundError:
            return None

    def keep_original(self, doc_id: str, content: bytes) -> None:
        self.originals.mkdir(parents=True, exist_ok=True)
        tmp = self._original(doc_id).with_suffix(".tmp")
        tmp.write_bytes(content)
        tmp.replace(self._original(doc_id))

    def drop_original(self, doc_id: str) -> None:
        self._original(doc_id).unlink(missing_ok=True)

    def kept(self) -> list[str]:
        """Ids of the documents whose pristine content is kept."""
        if not self.originals.is_dir():
            return []
        return sorted(unquote(p.name[:-3]) for p in self.originals.glob("*.nt"))

    # -- folding one graph -----------------------------------------------------------------------
    def document(self, doc_id: str, pristine: bytes) -> tuple[bytes | None, list[str]]:
        """The curated N-Triples of a document graph whose extracted N-Triples are ``pristine`` (None: no curation
        changes it), and the ids of the curations that matched it. Keeps or drops its pristine copy to match."""
        return self._graph(doc_id, graph_node(doc_id), doc_id, pristine)

    def kb(self, pristine: bytes) -> tuple[bytes | None, list[str]]:
        """As :meth:`document`, for the knowledge base's graph."""
        return self._graph(_KB_COPY, KB, None, pristine)

    def _graph(
        self, name: str, graph: ox.NamedNode, doc: str | None, pristine: bytes
    ) -> tuple[bytes | None, list[str]]:
        todo = relevant(self.active, self.present(pristine)) if self.active else []
        if not todo:
            self.drop_original(name)
            return None, []
        near, rest = _near(pristine, {k for c in todo for k in (*c.triggers(), *c.produces())})
        out, hits = fold(_parse(near), todo, doc)
        if not hits:
            self.drop_original(name)
            return None, []
        self.keep_original(name, pristine)
        out += [(graph, CURATED_BY, curation_node(c)) for c in todo if c.id in hits]
        return rest + (ox.serialize((ox.Triple(*t) for t in out), format=ox.RdfFormat.N_TRIPLES) or b""), hits


#: The name of the KB graph's pristine copy among the documents' (document ids are hashes: no clash).
_KB_COPY = "#kb"
_ENTITY_IRI = re.compile(rb"<" + re.escape(str(ID).encode()) + rb"entity/[^>]*>")


def _near(content: bytes, keys: Iterable[str]) -> tuple[bytes, bytes]:
    """The N-Triples ``content`` in two parts: the lines a curation of the entities ``keys`` can read or change, and
    the others, as they are (so that only the first are parsed, folded and written again).

    The first are the lines naming one of the entities, and every line about a node those lines describe: a
    statement's date and evidence (a reject drops them with it), a mention's surface (a split reads it). No action
    of :data:`_APPLY` looks further than that."""
    needles = re.compile(b"|".join(re.escape(f"<{entity(k).value}>".encode()) for k in sorted(keys)))
    lines = content.splitlines(keepends=True)
    naming = [needles.search(line) is not None for line in lines]
    described = {line[: line.find(b" ")] for line, hit in zip(lines, naming, strict=True) if hit}
    near: list[bytes] = []
    rest: list[bytes] = []
    for line, hit in zip(lines, naming, strict=True):
        (near if hit or line[: line.find(b" ")] in described else rest).append(line)
    if rest and not rest[-1].endswith(b"\n"):
        rest[-1] += b"\n"
    return b"".join(near), b"".join(rest)


def _quads(triples: Iterable[Triple], graph: ox.NamedNode) -> list[ox.Quad]:
    return [ox.Quad(s, p, o, graph) for s, p, o in triples]


def _parse(content: bytes) -> list[Triple]:
    return [(t.subject, t.predicate, t.object) for t in ox.parse(content, format=ox.RdfFormat.N_TRIPLES)]


class CuratingWriter:
    """A :class:`~kg.graphs.GraphWriter` that folds every document graph and the KB graph it writes.

    Made by :func:`curating`, which first brings the store in line with the curations file (a file edited by hand,
    pulled from a team's repository or imported since the store was last curated)."""

    def __init__(self, writer: GraphWriter, curations: Curations):
        self._writer = writer
        self.curations = curations

    def __getattr__(self, name: str):
        return getattr(self._writer, name)

    def _curated(self, w: DocumentWrite) -> DocumentWrite:
        for old in w.replaces:
            if old != w.doc_id:
                self.curations.drop_original(old)
        curated, _ = self.curations.document(w.doc_id, ntriples(w.content))
        return w if curated is None else DocumentWrite(w.doc_id, curated, w.replaces)

    def write_documents(self, writes: Sequence[DocumentWrite]) -> None:
        self._writer.write_documents([self._curated(w) for w in writes])

    def replace_document(self, doc_id: str, content: GraphContent, replaces: Iterable[str] = ()) -> None:
        self.write_documents([DocumentWrite(doc_id, content, tuple(replaces))])

    def remove_document(self, doc_id: str) -> bool:
        self.curations.drop_original(doc_id)
        return self._writer.remove_document(doc_id)

    def replace_graph(self, graph: ox.NamedNode, content: GraphContent) -> None:
        if graph == KB:
            curated, _ = self.curations.kb(ntriples(content))
            content = content if curated is None else curated
        self._writer.replace_graph(graph, content)


def curating(writer: GraphWriter, settings: Settings) -> GraphWriter:
    """``writer``, folding the document graphs and the KB graph it writes by the store's curations (the same writer
    when there are none, or when it folds already), after bringing the store in line with the curations file if it
    changed since the store was last curated. `kg build` writes a changed KB graph through it too: it lands curated,
    written once."""
    if isinstance(writer, CuratingWriter):
        return writer
    curations = Curations(settings)
    if stored_fingerprint(writer) != curations.fingerprint:
        reapply(writer, curations)
    if not curations.active and not curations.kept():
        return writer
    return CuratingWriter(writer, curations)


_FINGERPRINT = f"SELECT ?h WHERE {{ GRAPH {CURATIONS} {{ {CURATIONS} <{KG.contentHash}> ?h }} }}"


def stored_fingerprint(reader: GraphReader) -> str:
    return next((row["h"].value for row in reader.query(_FINGERPRINT)), "")


def _graph_triples(reader: GraphReader, graph: ox.NamedNode) -> set[Triple]:
    # by position: a third cheaper than by name for a document's few hundred rows
    return {(s, p, o) for s, p, o in reader.query("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": graph})}


def _canonical(triples: Iterable[tuple]) -> set[tuple]:
    """The triples as a store gives them back (typed literals in canonical form: "1.0"^^xsd:double is "1"), so that
    what is wanted compares with what is stored."""
    store = ox.Store()
    store.extend(ox.Quad(s, p, o) for s, p, o in triples)
    return {(q.subject, q.predicate, q.object) for q in store}


def _pristine(curations: Curations, name: str, graph: ox.NamedNode, current: set[Triple]) -> bytes:
    """What was extracted into a graph: its kept copy when the graph says a curation changed it, else what it holds."""
    if any(p == CURATED_BY and s == graph for s, p, _ in current):
        kept = curations.original(name)
        if kept is not None:
            return kept
    return ox.serialize((ox.Triple(*t) for t in current if t[1] != CURATED_BY), format=ox.RdfFormat.N_TRIPLES) or b""


def _refold(writer: GraphWriter, curations: Curations, name: str, graph: ox.NamedNode, doc: str | None) -> bool:
    """Fold one stored graph again from what was extracted into it; True when it was rewritten."""
    current = _graph_triples(writer, graph)
    pristine = _pristine(curations, name, graph, current)
    curated, _ = curations._graph(name, graph, doc, pristine)
    wanted = _canonical(_parse(pristine if curated is None else curated))
    if wanted == current:
        return False
    if doc is None:
        writer.replace_graph(graph, _quads(wanted, graph))
    else:
        writer.replace_document(doc, _quads(wanted, graph))
    return True


def _curate_kb(writer: GraphWriter, curations: Curations) -> bool:
    return _refold(writer, curations, _KB_COPY, KB, None)


def _document_graphs_naming(reader: GraphReader, keys: Iterable[str]) -> set[str]:
    """Ids of the document graphs whose triples name one of these entities."""
    nodes = " ".join(str(entity(k)) for k in set(keys))
    if not nodes:
        return set()
    found = reader.query(
        f"SELECT DISTINCT ?g WHERE {{ VALUES ?x {{ {nodes} }} "
        "{ GRAPH ?g { ?x ?p ?o } } UNION { GRAPH ?g { ?s ?p ?x } } }"
    )
    return {_doc_id(row["g"].value) for row in found} - {""}


_DOC_GRAPH_NS = str(ID) + "graph/"


def _affected(reader: GraphReader, curations: Curations, changed: Sequence[Curation]) -> set[str]:
    """Ids of the document graphs a change of ``changed`` (made, undone or superseded) can alter: those it changed
    before (their ``kg:curatedBy``), those that hold what it is about (a fact's triple, an entity), and those whose
    extracted copy names its entities."""
    found: set[str] = set()
    for c in changed:
        rows = reader.query(
            f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g {CURATED_BY} ?c }} }}", {"c": curation_node(c)}
        )
        found.update(_doc_id(row[0].value) for row in rows)
        if isinstance(c, (FactCuration, AddFact)):
            p, pairs = _fact_pairs(c)
            for s, o in pairs:
                rows = reader.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", {"s": s, "p": p, "o": o})
                found.update(_doc_id(row[0].value) for row in rows)
        else:
            found |= _document_graphs_naming(reader, (*c.triggers(), *c.produces()))
        needles = [f"<{entity(k).value}>".encode() for k in c.triggers()]
        for doc_id in curations.kept():
            if needles and all(n in (curations.original(doc_id) or b"") for n in needles[:2]):
                found.add(doc_id)
    return found


def _doc_id(graph: str) -> str:
    return unquote(graph[len(_DOC_GRAPH_NS) :]) if graph.startswith(_DOC_GRAPH_NS) else ""


def reapply(writer: GraphWriter, curations: Curations, changed: Sequence[Curation] | None = None) -> int:
    """Bring the graphs in line with ``curations``: the document graphs they name or had changed (only those a change of
    ``changed`` can alter, when given), the KB graph and the curations graph; then the labels graph. Returns the
    number of graphs rewritten."""
    documents = {d.id for d in writer.documents()}
    kept = set(curations.kept()) - {_KB_COPY}
    for gone in kept - documents:
        curations.drop_original(gone)  # a removed document's copy
    if changed is None:
        keys = {k for c in curations.active for k in (*c.triggers(), *c.produces())}
        candidates = _document_graphs_naming(writer, keys) | kept
    else:
        candidates = _affected(writer, curations, changed)
    rewritten = 0
    for doc_id in sorted(candidates & documents):
        rewritten += _refold(writer, curations, doc_id, graph_node(doc_id), doc_id)
    rewritten += _curate_kb(writer, curations)
    quads, _ = curations_graph(curations.active)
    if _canonical((q.subject, q.predicate, q.object) for q in quads) != _graph_triples(writer, CURATIONS):
        writer.replace_graph(CURATIONS, quads)
        rewritten += 1
    _refresh_labels(writer)
    return rewritten


def _refresh_labels(writer: GraphWriter) -> None:
    try:
        from kg.labels import refresh_labels
    except ImportError:  # a store without a labels graph: labels stay in the document graphs
        return
    refresh_labels(writer)


# --- what matched --------------------------------------------------------------------------------


_MATCHED = f"SELECT DISTINCT ?c WHERE {{ GRAPH ?g {{ ?g {CURATED_BY} ?c }} }}"
_TEXT = f"SELECT ?t WHERE {{ GRAPH ?g {{ ?d <{KG.text}> ?t }} }}"


def matched(reader: GraphReader, curations: Sequence[Curation]) -> set[str]:
    """Ids of the curations in force that changed or matched something in the store."""
    found = {unquote(row["c"].value.rsplit("/", 1)[-1]) for row in reader.query(_MATCHED)}
    found.update(curations_graph(curations)[1])
    for c in curations:
        if isinstance(c, AddFact) and (c.url or document_text(reader, c.document)[c.start : c.end] == c.sentence):
            found.add(c.id)
    return found


def document_text(reader: GraphReader, doc_id: str) -> str:
    """The stored text of a document ("" when there is no such document)."""
    return next((row["t"].value for row in reader.query(_TEXT, {"g": graph_node(doc_id)})), "")


def stale(reader: GraphReader, curations: Sequence[Curation]) -> list[Curation]:
    """The curations in force that no longer match anything in the store (listed, never dropped)."""
    hits = matched(reader, curations)
    return [c for c in curations if c.id not in hits]
