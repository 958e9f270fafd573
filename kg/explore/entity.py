"""One entity, as its page shows it: facts, relations with evidence, events, quantities, co-mentions.

Every list is bounded, so a page costs about the same for an entity named in 3 statements and for
a hub named in thousands: the relations are ranked and counted from one compact index of the
entity's statements (:func:`relation_index`, kept for every entity with the graph version's
statement graph), and evidence, labels and dates are then looked up only for the statements a page
shows (:func:`relation_rows`; the timeline's newest statements: :func:`newest_statements`). The header,
events, figures and co-mentions are taken from indexes built once per graph version (:func:`fact_index`,
:func:`event_index`, :func:`quantity_index`, :mod:`kg.explore.comentions`), or read, selected and cut in
SPARQL without them; each list comes with a count of all.

>>> import tempfile, pyoxigraph as ox
>>> from kg.settings import Settings
>>> from kg.store import open_reader, open_writer
>>> tmp = tempfile.mkdtemp()
>>> kgns, e = "https://w3id.org/kg-explorer/ontology#", "https://w3id.org/kg-explorer/id/entity/"
>>> label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
>>> with open_writer(Settings.load(store=tmp)) as w:
...     w.replace_document("d", [ox.Quad(ox.NamedNode(e + "a"), ox.NamedNode(kgns + "owns"), ox.NamedNode(e + "b"))]
...         + [ox.Quad(ox.NamedNode(e + x), label, ox.Literal(x.upper())) for x in "ab"])
>>> entity_info(open_reader(Settings.load(store=tmp)), "a").label
'A'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

import networkx as nx
import pyoxigraph as ox

from kg.explore.comentions import ComentionIndex
from kg.explore.highlight import highlight
from kg.explore.terms import (
    ENTITY_NS,
    KG_NS,
    PREFIXES,
    EntityRef,
    coarse_type,
    describe_entities,
    doc_key,
    entity_key,
    entity_node,
    local_name,
    value,
    values_clause,
)
from kg.schema import SCHEMA
from kg.settings import Settings
from kg.vocab import ENTITY_TYPES


@dataclass(frozen=True)
class EntityInfo:
    key: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    kb_id: str | None = None
    version_of: EntityRef | None = None
    versions: tuple[EntityRef, ...] = ()


@dataclass(frozen=True)
class EvidenceRef:
    """A sentence that states a fact, with the document it is in and the mentions to highlight."""

    document: str  # document id
    document_title: str
    sentence: str
    spans: tuple[tuple[int, int], ...] = ()  # offsets into the sentence
    start: int | None = None  # the sentence's offsets in the document's text (the document view opens there)
    end: int | None = None

    @property
    def html(self) -> str:
        """The sentence escaped, its mentions in ``<mark>``."""
        return highlight(self.sentence, self.spans)


@dataclass(frozen=True)
class RelationRow:
    statement: str
    subject: EntityRef
    predicate: str  # local name: "partner_of"
    object: EntityRef
    date: str | None = None
    precision: str | None = None
    confidence: float | None = None
    source: str = "text"
    year_inferred: bool = False  # the date's year was completed from the publication date
    rule: str = ""
    role: str | None = None
    evidence: tuple[EvidenceRef, ...] = ()

    def other(self, key: str) -> EntityRef:
        """The end of the relation that is not ``key``."""
        return self.object if self.subject.key == key else self.subject


def group_name(predicate: str, incoming: bool) -> str:
    """The entity page's name of a relation group: ``partner_of`` (outgoing) or ``partner_of (incoming)``."""
    return f"{predicate} (incoming)" if incoming else predicate


def relation_words(name: str) -> str:
    """A relation (or a relation group) as people read it, from kg/schema.yaml's labels.

    >>> relation_words("invested_in"), relation_words("partner_of (incoming)"), relation_words("hasVersion")
    ('invested in', 'partner of (incoming)', 'hasVersion')
    """
    predicate, incoming, rest = name.partition(" (incoming)")
    return (SCHEMA[predicate].label if predicate in SCHEMA else predicate) + incoming + rest


def date_words(date: str | None, year_inferred: bool = False) -> str:
    """A fact's date as shown: "undated", or the date, marked when its year was completed from the publication date.

    >>> date_words(None), date_words("2025-05-07", year_inferred=True)
    ('undated', '2025-05-07 (year inferred)')
    """
    if date is None:
        return "undated"
    return f"{date} (year inferred)" if year_inferred else date


def number_words(value: float | None) -> str:
    """A figure as shown: thousands separated, at most three decimals, blank when there is none.

    >>> number_words(300000000.0), number_words(2.5), number_words(1234.5678), number_words(None)
    ('300,000,000', '2.5', '1,234.568', '')
    """
    if value is None:
        return ""
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def figure_table(figures: Iterable[QuantityRow]) -> list[dict]:
    """Figures as table rows of text: numbers thousands separated, nothing missing shown as "None"."""
    return [
        {
            "attribute": q.attribute,
            "value": number_words(q.value),
            "up to": number_words(q.value_max),
            "unit": q.unit,
            "date": q.date or "undated",
            "as stated": q.label,
        }
        for q in figures
    ]


def relation_table(rows: Iterable[RelationRow], key: str) -> list[dict]:
    """One relation group of an entity as table rows: date, counterpart, confidence, how many documents
    state it and their titles (for a sortable table and its CSV)."""
    out = []
    for r in rows:
        titles = sorted({ev.document_title for ev in r.evidence})
        out.append(
            {
                "date": date_words(r.date, r.year_inferred),
                "counterpart": r.other(key).label,
                "type": r.other(key).type,
                "confidence": r.confidence,
                "documents": len(titles),
                "titles": "; ".join(titles),
            }
        )
    return out


@dataclass(frozen=True)
class RelationIndex:
    """Every statement about one entity, as IRIs only: grouped, ranked and counted, so that a page
    can show any slice of a group and fetch evidence and labels for that slice alone.

    Rank within a group (best first): highest confidence, then latest date (an ISO string, so a
    year sorts before the days in it), undated last, then the statement IRI (stable across views).
    """

    groups: dict[str, tuple[str, ...]]  # text relations by group_name, best first; largest group first
    kb: tuple[str, ...]  # knowledge-base facts about the entity, best first
    dated: tuple[str, ...]  # every dated statement (text and KB), newest first
    dated_with: tuple[str, ...]  # the other end of each of them (the entity itself for a statement about itself)

    def page(self, group: str, page: int, size: int) -> tuple[str, ...]:
        """The statements of page ``page`` (from 1) of ``group``, ``size`` a page."""
        return self.groups.get(group, ())[(page - 1) * size : page * size]

    def first_rows(self, budget: int, size: int) -> dict[str, tuple[str, ...]]:
        """The best statements of each group an entity page shows first (see :func:`first_view_counts`)."""
        counts = first_view_counts({g: len(members) for g, members in self.groups.items()}, budget, size)
        return {g: self.groups[g][:n] for g, n in counts.items()}


def first_view_counts(totals: Mapping[str, int], budget: int, size: int) -> dict[str, int]:
    """How many rows of each relation group (``totals``: group → its rows, largest first) an entity
    page shows before any group is paged: ``budget`` rows in all, dealt one a round to each group in
    turn, at most ``size`` (a page) each, and every group its best row whatever the budget. So a
    small entity shows the first page of every group, and a hub a few rows of each (the rest a click
    away) rather than pages of evidence for every relation it has.

    >>> first_view_counts({"a": 9, "b": 3, "c": 1}, budget=6, size=5)
    {'a': 3, 'b': 2, 'c': 1}
    >>> first_view_counts({"a": 9, "b": 3, "c": 1}, budget=30, size=5)
    {'a': 5, 'b': 3, 'c': 1}
    """
    counts = {g: min(n, 1) for g, n in totals.items()}
    left = budget - sum(counts.values())
    for round_ in range(2, size + 1):
        for g, n in totals.items():
            if left <= 0:
                return counts
            if n >= round_:
                counts[g] = round_
                left -= 1
    return counts


def page_count(total: int, size: int) -> int:
    """Pages of ``size`` rows that ``total`` rows fill (at least one).

    >>> page_count(0, 10), page_count(10, 10), page_count(11, 10)
    (1, 1, 2)
    """
    return max(1, -(-total // max(size, 1)))


def page_number(raw: str | None, total: int, size: int) -> int:
    """The page a URL asks for, clamped to the pages there are; 1 when it is missing or not a number.

    >>> page_number("3", 25, 10), page_number("9", 25, 10), page_number("-1", 25, 10), page_number("x", 25, 10)
    (3, 3, 1, 1)
    """
    try:
        page = int(raw) if raw is not None else 1
    except ValueError:
        page = 1
    return min(max(page, 1), page_count(total, size))


@dataclass(frozen=True)
class EventRow:
    event: str
    type: str
    date: str | None
    precision: str | None
    confidence: float | None
    participants: tuple[tuple[EntityRef, str], ...]  # (entity, role)
    evidence: tuple[EvidenceRef, ...] = ()
    year_inferred: bool = False  # the date's year was completed from the publication date


@dataclass(frozen=True)
class QuantityRow:
    attribute: str
    value: float
    value_max: float | None
    unit: str
    label: str
    date: str | None
    confidence: float | None
    evidence: tuple[EvidenceRef, ...] = ()


@dataclass(frozen=True)
class CoMentioned:
    entity: EntityRef
    sentences: int  # shared sentences, over all documents
    documents: int


class EntityFacts(NamedTuple):
    """What an entity page's header shows of one entity (:class:`EntityInfo`), its linked versions by key."""

    label: str
    type: str
    aliases: tuple[str, ...]
    kb_id: str | None
    version_of: str | None  # entity key
    versions: tuple[str, ...]  # entity keys, in key order


#: Entity key → its facts, for every entity with a coarse type (:func:`fact_index`).
FactIndex = dict[str, EntityFacts]

_INFO = (
    PREFIXES
    + """
SELECT DISTINCT ?p ?o WHERE {
  { ?e ?p ?o . VALUES ?p { rdf:type rdfs:label kg:mentionedLabel skos:altLabel kg:kbId kg:versionOf } }
  UNION { ?o kg:versionOf ?e . BIND(kg:hasVersion AS ?p) }
}"""
)
_ALL_FACTS = (
    PREFIXES
    + f"""
SELECT DISTINCT ?e ?p ?o WHERE {{
  {{ ?e ?p ?o . VALUES ?p {{ rdfs:label kg:mentionedLabel skos:altLabel kg:kbId kg:versionOf }} }}
  UNION {{ ?e a ?o . VALUES ?o {{ {" ".join(f"kg:{t}" for t in ENTITY_TYPES)} }} BIND(rdf:type AS ?p) }}
}}"""
)


def _facts(key: str, found: Mapping[str, list[str]]) -> EntityFacts | None:
    """An entity's facts from its properties (local name → values: ``type``, ``label``, ``mentionedLabel``,
    ``altLabel``, ``kbId``, and the IRIs of ``versionOf`` and ``hasVersion``); None with neither type nor label."""
    if not found.get("type") and not found.get("label"):
        return None
    named = found.get("label") or found.get("mentionedLabel") or [key]
    label = min(named, key=lambda n: (len(n), n))
    return EntityFacts(
        label=label,
        type=coarse_type(found.get("type", [])),
        aliases=tuple(sorted((set(found.get("altLabel", [])) | set(found.get("mentionedLabel", []))) - {label})),
        kb_id=min(found["kbId"]) if found.get("kbId") else None,
        version_of=min(entity_key(v) for v in found["versionOf"]) if found.get("versionOf") else None,
        versions=tuple(sorted({entity_key(v) for v in found.get("hasVersion", [])})),
    )


def fact_index(reader) -> FactIndex:
    """The facts of every entity with a coarse type, from one flat query: built once per graph version, so that
    a page reads an entity's header from it, where the store repeats the entity's type and names in each document
    graph that names it and a query for them grows with the entity's documents (the 10M-triple store's hub:
    5.8 ms, against 0.8 ms for the seed graph's)."""
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    keys: dict[str, str] = {}  # an entity's IRI comes back once per fact: decode it once
    for e, p, o in reader.query(_ALL_FACTS):  # by position: cheaper than by name
        if not e.value.startswith(ENTITY_NS):
            continue
        key = keys.get(e.value) or keys.setdefault(e.value, entity_key(e))
        name = local_name(p)
        found[key][name].append(o.value)
        if name == "versionOf":
            found[entity_key(o)]["hasVersion"].append(e.value)
    return {key: facts for key, props in found.items() if props.get("type") and (facts := _facts(key, props))}


def entity_info(
    reader, key: str, *, index: FactIndex | None = None, entities: Mapping[str, EntityRef] | None = None
) -> EntityInfo | None:
    """Type, label, aliases, KB id and versions of an entity; None if the graph does not know it.

    With the graph version's ``index`` (:func:`fact_index`), its facts come from it, and its linked versions
    are described from ``entities`` (the label index's) when given; else they are read from the store, where
    DISTINCT matters: an entity's type and names are repeated in every document graph that names it."""
    facts = index.get(key) if index is not None else None
    if facts is None:  # no index, or an entity without a coarse type: from the store
        found: dict[str, list[str]] = defaultdict(list)
        for row in reader.query(_INFO, {"e": entity_node(key)}):
            found[local_name(row["p"])].append(row["o"].value)
        facts = _facts(key, found)
        if facts is None:
            return None
    linked = describe_entities(reader, [*filter(None, [facts.version_of]), *facts.versions], known=entities)
    return EntityInfo(
        key=key,
        label=facts.label,
        type=facts.type,
        aliases=facts.aliases,
        kb_id=facts.kb_id,
        version_of=linked[facts.version_of] if facts.version_of else None,
        versions=tuple(sorted((linked[v] for v in facts.versions), key=lambda r: r.label)),
    )


_STATEMENTS = (
    PREFIXES
    + """
SELECT DISTINCT ?n WHERE {
  %s
  ?n a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
}"""
)
_PROPERTIES = PREFIXES + "SELECT ?n ?k ?v WHERE { %s ?n ?k ?v FILTER(?k != rdf:type) }"  # callers know the types
_TITLES = PREFIXES + "SELECT ?n ?k ?v WHERE { %s ?n dcterms:title ?v BIND(dcterms:title AS ?k) }"
DCTERMS_TITLE = "http://purl.org/dc/terms/title"
_CHUNK = 500  # IRIs per VALUES block
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def node_properties(reader, nodes, query: str = _PROPERTIES) -> dict[str, dict[str, list]]:
    """Every property but rdf:type of each node (IRI → property IRI → values), looked up by subject in VALUES blocks.

    Looking properties up by subject keeps a page's cost proportional to what it shows: the OPTIONAL
    form (``?n a kg:Statement . OPTIONAL { ?n kg:date ?date } …``) scans every statement's dates and
    evidence in the store (measured on a 1M-triple store: 3.2 s for one well-connected entity's
    relations, against 0.4 s this way).
    """
    nodes = list(dict.fromkeys(nodes))
    out: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for i in range(0, len(nodes), _CHUNK):
        for n, k, v in reader.query(query % values_clause("n", nodes[i : i + _CHUNK])):
            out[n.value][k.value].append(v)
    return out


def _one(props: dict[str, list], name: str):
    values = props.get(KG_NS + name)
    return value(values[0]) if values else None


def evidence_of(reader, props: dict[str, dict[str, list]]) -> dict[str, tuple[EvidenceRef, ...]]:
    """The evidence sentences of each node whose properties are ``props`` (node → kg:evidence …)."""
    evidence = node_properties(reader, (v for p in props.values() for v in p.get(KG_NS + "evidence", [])))
    titles = node_properties(reader, (v for p in evidence.values() for v in p.get(KG_NS + "document", [])), _TITLES)
    out = {}
    for node, p in props.items():
        refs = []
        for ev in dict.fromkeys(e.value for e in p.get(KG_NS + "evidence", [])):
            e = evidence.get(ev)
            if not e or _one(e, "sentence") is None:
                continue
            start = _one(e, "start")
            spans = tuple(
                (_one(e, a) - start, _one(e, b) - start)
                for a, b in (("subjectStart", "subjectEnd"), ("objectStart", "objectEnd"))
                if _one(e, a) is not None and _one(e, b) is not None
            )
            doc = e[KG_NS + "document"][0]
            title = titles.get(doc.value, {}).get(DCTERMS_TITLE)
            refs.append(
                EvidenceRef(
                    document=doc_key(doc),
                    document_title=title[0].value if title else doc_key(doc),
                    sentence=_one(e, "sentence"),
                    spans=spans,
                    start=start,
                    end=_one(e, "end"),
                )
            )
        out[node] = tuple(sorted(refs, key=lambda r: (r.document, r.sentence)))
    return out


def relation_rows(
    reader, statements: Iterable[str], entities: Mapping[str, EntityRef] | None = None
) -> list[RelationRow]:
    """The statements with these IRIs, with date, confidence and evidence, in the order given
    (IRIs that are not statements are left out). Cost follows the number of IRIs, not the graph.

    Labels and types of the ends come from ``entities`` (the label index's, key → EntityRef) when
    given, else from the store (a hub's 104 shown statements on a 1M-triple store: 6 ms of 26)."""
    nodes = [ox.NamedNode(s) for s in dict.fromkeys(statements)]
    props = node_properties(reader, nodes)
    ends = {
        n.value: [props[n.value].get(RDF_NS + v, [None])[0] for v in ("subject", "predicate", "object")] for n in nodes
    }
    ends = {n: spo for n, spo in ends.items() if None not in spo}
    evidence = evidence_of(reader, {n: props[n] for n in ends})
    keys = {t.value: entity_key(t) for s, _, o in ends.values() for t in (s, o)}
    refs = describe_entities(reader, keys.values(), known=entities)
    out = []
    for iri, (s, p, o) in ends.items():
        found = props[iri]
        out.append(
            RelationRow(
                statement=iri,
                subject=refs[keys[s.value]],
                predicate=local_name(p),
                object=refs[keys[o.value]],
                date=_one(found, "date"),
                precision=_one(found, "datePrecision"),
                confidence=_one(found, "confidence"),
                source=_one(found, "source") or "text",
                rule=_one(found, "rule") or "",
                role=_one(found, "role"),
                year_inferred=bool(_one(found, "yearInferred")),
                evidence=evidence.get(iri, ()),
            )
        )
    return out


def statements(reader, where: str, bindings=None) -> list[RelationRow]:
    """Statements matching a graph pattern over ``?n`` (the statement), ``?s``, ``?p``, ``?o``, with evidence."""
    found = relation_rows(reader, (row["n"].value for row in reader.query(_STATEMENTS % where, bindings)))
    return sorted(found, key=lambda r: (r.predicate, r.date or "", r.subject.label, r.object.label, r.statement))


class _Indexed(NamedTuple):
    statement: str
    predicate: str  # local name
    incoming: bool
    other: str  # the statement's other end
    confidence: float | None
    date: str | None
    kb: bool

    @classmethod
    def of(cls, statement: str, attributes: dict, *, incoming: bool, other: str) -> _Indexed:
        """One statement of the statement graph (its key and edge attributes), seen from one of its ends."""
        return cls(
            statement,
            attributes["relation"],
            incoming,
            other,
            attributes["confidence"],
            attributes["date"],
            attributes["kb"],
        )


def relation_index(statements: nx.MultiDiGraph, key: str) -> RelationIndex:
    """Every statement with the entity as subject or object, grouped and ranked (see :class:`RelationIndex`),
    from the statement graph of :mod:`kg.explore.statements` (built once per graph version, with the
    index of every entity: :func:`relation_indexes`): no store query, where reading the same from the
    store costs ~40 ms for the 1,280 statements of a 1M-triple store's hub at every view, and ranking
    them here ~2.5 ms."""
    kept = statements.graph.get("relation_indexes")
    if kept is not None:
        return kept.get(key, _NO_RELATIONS)
    if key not in statements:
        return _NO_RELATIONS
    found = [
        _Indexed.of(n, d, incoming=False, other=o) for _, o, n, d in statements.out_edges(key, keys=True, data=True)
    ]
    found += [
        _Indexed.of(n, d, incoming=True, other=s) for s, _, n, d in statements.in_edges(key, keys=True, data=True)
    ]
    return _ranked(found)


def relation_indexes(statements: nx.MultiDiGraph) -> dict[str, RelationIndex]:
    """The relation index of every entity of the statement graph, in one pass over its statements."""
    found: dict[str, list[_Indexed]] = defaultdict(list)
    for s, o, n, d in statements.edges(keys=True, data=True):
        found[s].append(_Indexed.of(n, d, incoming=False, other=o))
        found[o].append(_Indexed.of(n, d, incoming=True, other=s))
    return {key: _ranked(statements_of) for key, statements_of in found.items()}


_NO_RELATIONS = RelationIndex(groups={}, kb=(), dated=(), dated_with=())


def _ranked(found: list[_Indexed]) -> RelationIndex:
    # best first, by stable sorts from the last key to the first: IRI; date descending, undated last;
    # confidence descending
    ranked = sorted(found, key=lambda r: r.statement)
    ranked.sort(key=lambda r: r.date or "", reverse=True)
    ranked.sort(key=lambda r: r.confidence if r.confidence is not None else -1.0, reverse=True)
    groups: dict[str, list[str]] = defaultdict(list)
    kb_facts: dict[str, None] = {}  # a KB fact of the entity about itself is both outgoing and incoming
    for r in ranked:
        if r.kb:
            kb_facts[r.statement] = None
        else:
            groups[group_name(r.predicate, r.incoming)].append(r.statement)
    # a statement of the entity about itself is seen from both ends, with the entity as the other end both times
    newest = sorted({(r.date, r.statement, r.other) for r in found if r.date is not None}, key=lambda d: d[1])
    newest.sort(key=lambda d: d[0], reverse=True)
    return RelationIndex(
        groups={g: tuple(ns) for g, ns in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))},
        kb=tuple(kb_facts),
        dated=tuple(n for _, n, _ in newest),
        dated_with=tuple(other for _, _, other in newest),
    )


def newest_statements(statements: nx.MultiDiGraph, key: str, index: RelationIndex, limit: int) -> nx.MultiDiGraph:
    """The entity's ``limit`` newest dated statements (``index.dated[:limit]``, ``index`` its relation index) as a
    statement graph of their own, looked up by their ends: a timeline of them
    (:func:`kg.explore.timeline.statement_items`) then walks these alone, not every statement of a hub (~4 ms for
    the 6,138 of the 10M-triple store's)."""
    G: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for n, other in zip(index.dated[:limit], index.dated_with[:limit], strict=True):
        s, o = (key, other) if statements.has_edge(key, other, n) else (other, key)
        G.add_edge(s, o, key=n, **statements.edges[s, o, n])
    return G


def relations(reader, key: str) -> list[RelationRow]:
    """Every statement with the entity as subject or object (text and KB), with evidence: unbounded,
    for exports and comparisons; pages show slices of :func:`relation_index` instead."""
    return statements(reader, f"{_entity_values(key)} {{ ?n rdf:subject ?e }} UNION {{ ?n rdf:object ?e }}")


def relations_between(reader, pairs: list[tuple[str, str]]) -> list[RelationRow]:
    """Statements linking each pair of entities, in either direction (the hops of a path)."""
    if not pairs:
        return []
    values = " ".join(f"({entity_node(a)} {entity_node(b)}) ({entity_node(b)} {entity_node(a)})" for a, b in pairs)
    return statements(reader, f"VALUES (?s ?o) {{ {values} }}")


def _entity_values(key: str) -> str:
    """The entity bound inside a query's WHERE (a trailing VALUES would join after a sub-select or
    GROUP BY, i.e. after every entity was evaluated).

    The bounded queries below order by dates (``DESC(STR(?d))``: undated last) and counts, never by
    IRI: comparing IRIs makes Oxigraph decode each one (the hub's co-mentions: 12 ms → 22 ms), so
    ties are kept in the store's order."""
    return values_clause("e", [entity_node(key)])


_EVENT_NODES = (
    PREFIXES
    + """
SELECT DISTINCT ?n ?d WHERE { %s ?n kg:participant/kg:entity ?e . OPTIONAL { ?n kg:date ?d } }
ORDER BY DESC(STR(?d)) LIMIT %d"""
)
_EVENT_COUNT = (
    PREFIXES
    + """
SELECT (COUNT(DISTINCT ?n) AS ?all) (COUNT(DISTINCT ?dated) AS ?withDate) WHERE {
  %s ?n kg:participant/kg:entity ?e . OPTIONAL { ?n kg:date ?d BIND(?n AS ?dated) }
}"""
)
_PARTICIPANTS = (
    PREFIXES
    + "SELECT ?n ?x ?role WHERE { %s ?n kg:participant ?part . ?part kg:entity ?x . OPTIONAL { ?part kg:role ?role } }"
)


def event_rows(reader, iris: Iterable[str], entities: Mapping[str, EntityRef] | None = None) -> list[EventRow]:
    """The n-ary events with these IRIs, with participants and evidence, in the order given; the participants'
    labels and types from ``entities`` (the label index's) when given, else from the store, where a hub's are
    repeated in each of its documents."""
    nodes = [ox.NamedNode(n) for n in dict.fromkeys(iris)]
    if not nodes:
        return []
    parts: dict[str, set] = defaultdict(set)
    for row in reader.query(_PARTICIPANTS % values_clause("n", nodes)):
        parts[row["n"].value].add((entity_key(row["x"]), value(row["role"]) or ""))
    props = node_properties(reader, nodes)
    evidence = evidence_of(reader, props)
    refs = describe_entities(reader, (k for members in parts.values() for k, _ in members), known=entities)
    out = []
    for node in nodes:
        iri, p = node.value, props.get(node.value, {})
        out.append(
            EventRow(
                event=iri,
                type=_one(p, "eventType") or "",
                date=_one(p, "date"),
                precision=_one(p, "datePrecision"),
                confidence=_one(p, "confidence"),
                participants=tuple(
                    sorted(((refs[k], role) for k, role in parts.get(iri, ())), key=lambda m: (m[0].label, m[1]))
                ),
                evidence=evidence.get(iri, ()),
                year_inferred=bool(_one(p, "yearInferred")),
            )
        )
    return out


def events(
    reader,
    key: str,
    limit: int = Settings().entity_event_limit,
    *,
    entities: Mapping[str, EntityRef] | None = None,
    index: EventIndex | None = None,
) -> list[EventRow]:
    """At most ``limit`` n-ary events the entity takes part in, newest first (undated last): from the graph
    version's ``index`` (:func:`event_index`) when given, else selected in SPARQL; ``entities`` as
    :func:`event_rows` takes them."""
    if limit <= 0:
        return []
    if index is not None:
        found: Iterable[str] = index.get(key, ((), 0))[0][:limit]
    else:
        found = (row["n"].value for row in reader.query(_EVENT_NODES % (_entity_values(key), limit)))
    return event_rows(reader, found, entities)


def count_events(reader, key: str, *, index: EventIndex | None = None) -> tuple[int, int]:
    """How many events the entity takes part in, and how many of them are dated."""
    if index is not None:
        found, dated = index.get(key, ((), 0))
        return len(found), dated
    [row] = reader.query(_EVENT_COUNT % _entity_values(key))
    return int(row["all"].value), int(row["withDate"].value)


_QUANTITY_NODES = (
    PREFIXES
    + """
SELECT DISTINCT ?n ?d WHERE { %s ?n kg:about ?e . OPTIONAL { ?n kg:date ?d } }
ORDER BY DESC(STR(?d)) LIMIT %d"""
)
_QUANTITY_COUNT = PREFIXES + "SELECT (COUNT(DISTINCT ?n) AS ?all) WHERE { %s ?n kg:about ?e }"


_ALL_QUANTITIES = PREFIXES + "SELECT ?n ?e ?d WHERE { ?n kg:about ?e OPTIONAL { ?n kg:date ?d } }"
_ALL_EVENTS = PREFIXES + "SELECT ?n ?e ?d WHERE { ?n kg:participant/kg:entity ?e OPTIONAL { ?n kg:date ?d } }"

#: Entity key → the IRIs of the figures stated about it, newest first (undated last, then by IRI).
QuantityIndex = dict[str, tuple[str, ...]]
#: Entity key → the IRIs of the events it takes part in, newest first (undated last, then by IRI), and how many of
#: them are dated.
EventIndex = dict[str, tuple[tuple[str, ...], int]]


def _newest_first(reader, query: str) -> EventIndex:
    """Entity key → the nodes a flat ``query`` gives it (rows of a node, the entity, a date or none), newest first
    (by each node's newest date; undated last, then by IRI), and how many of them are dated."""
    newest: dict[str, dict[str, str]] = defaultdict(dict)  # entity → node → its newest date ("" if undated)
    keys: dict[str, str] = {}
    for n, e, d in reader.query(query):  # by position: cheaper than by name
        key = keys.get(e.value) or keys.setdefault(e.value, entity_key(e))
        nodes = newest[key]
        nodes[n.value] = max(nodes.get(n.value, ""), d.value if d is not None else "")
    index = {}
    for key, nodes in newest.items():
        ranked = sorted(nodes)
        ranked.sort(key=nodes.__getitem__, reverse=True)  # stable: by IRI within a date
        index[key] = (tuple(ranked), sum(1 for date in nodes.values() if date))
    return index


def quantity_index(reader) -> QuantityIndex:
    """Every entity's figures, newest first, from one flat query: built once per graph version, so a page
    takes its first few where the bounded query sorts all of the entity's figures at every view (the
    188 of a 1M-triple store's hub: 1.8 ms)."""
    return {key: figures for key, (figures, _) in _newest_first(reader, _ALL_QUANTITIES).items()}


def event_index(reader) -> EventIndex:
    """Every entity's events, newest first, and how many are dated, from one flat query: built once per graph
    version, like :func:`quantity_index`, so that a page takes a hub's first few and its counts without
    selecting, sorting and counting all of its events."""
    return _newest_first(reader, _ALL_EVENTS)


def quantities(
    reader,
    key: str,
    limit: int = Settings().entity_quantity_limit,
    *,
    with_evidence: bool = True,
    index: QuantityIndex | None = None,
) -> list[QuantityRow]:
    """At most ``limit`` figures (money, percentages, counts) stated about the entity, newest first
    (undated last); without their evidence sentences when ``with_evidence`` is false (a table of the
    figures as stated: a third of the cost). With the graph version's ``index``
    (:func:`quantity_index`), the figures are taken from it, else selected in SPARQL."""
    if limit <= 0:
        return []
    if index is not None:
        nodes = [ox.NamedNode(n) for n in index.get(key, ())[:limit]]
    else:
        nodes = [row["n"] for row in reader.query(_QUANTITY_NODES % (_entity_values(key), limit))]
    props = node_properties(reader, nodes)
    evidence = evidence_of(reader, props) if with_evidence else {}
    return [
        QuantityRow(
            attribute=_one(p, "attribute") or "",
            value=float(_one(p, "value")),
            value_max=_one(p, "valueMax"),
            unit=_one(p, "unit") or "",
            label=p[RDFS_LABEL][0].value if p.get(RDFS_LABEL) else "",
            date=_one(p, "date"),
            confidence=_one(p, "confidence"),
            evidence=evidence.get(node.value, ()),
        )
        for node in nodes
        if _one(p := props.get(node.value, {}), "value") is not None
    ]


def count_quantities(reader, key: str, *, index: QuantityIndex | None = None) -> int:
    """How many figures are stated about the entity."""
    if index is not None:
        return len(index.get(key, ()))
    [row] = reader.query(_QUANTITY_COUNT % _entity_values(key))
    return int(row["all"].value)


_COMENTIONS = (
    PREFIXES
    + """
SELECT ?x (SUM(?k) AS ?sentences) (COUNT(DISTINCT ?g) AS ?documents) WHERE {
  %s
  GRAPH ?g { ?c kg:member ?e . ?c kg:member ?x OPTIONAL { ?c kg:mentionCount ?k0 } } FILTER(?x != ?e)
  BIND(COALESCE(?k0, 1) AS ?k)
} GROUP BY ?x ORDER BY DESC(?sentences) DESC(?documents) LIMIT %d"""
)


def comentioned(
    reader,
    key: str,
    limit: int = Settings().entity_comention_limit,
    *,
    index: ComentionIndex | None = None,
    entities: Mapping[str, EntityRef] | None = None,
) -> list[CoMentioned]:
    """At most ``limit`` entities named in the same sentences as this one, most shared sentences first
    (then most documents; the order of those shown: most sentences, then label).

    ``index`` is the graph version's co-mention index (:func:`kg.explore.comentions.comention_index`)
    and ``entities`` its entities by key, as the app keeps them: then nothing is read from the store.
    Left out, the co-mentions are summed in SPARQL with the entity bound first (its co-mention nodes
    only), and labels looked up for the ``limit`` kept: on a 1M-triple store's hub (483 co-mention
    nodes) ~9 ms. Articles are counted by the document graph a co-mention is in (read with the node,
    like its members), not by its kg:document, one more look-up per node: 11 → 7 ms."""
    if limit <= 0:
        return []
    if index is not None:
        found = list(index.get(key, ())[:limit])
    else:
        found = [
            (entity_key(row["x"]), int(row["sentences"].value), int(row["documents"].value))
            for row in reader.query(_COMENTIONS % (_entity_values(key), limit))
        ]
    refs = describe_entities(reader, (k for k, _, _ in found), known=entities)
    return sorted((CoMentioned(refs[k], n, docs) for k, n, docs in found), key=lambda c: (-c.sentences, c.entity.label))
