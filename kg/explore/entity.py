"""One entity, as its page shows it: facts, relations with evidence, events, quantities, co-mentions.

>>> import tempfile, pyoxigraph as ox
>>> from kg.settings import Settings
>>> from kg.store import open_reader, open_writer
>>> tmp = tempfile.mkdtemp()
>>> kgns, e = "https://w3id.org/kg-explorer/ontology#", "https://w3id.org/kg-explorer/id/entity/"
>>> with open_writer(Settings.load(store=tmp)) as w:
...     w.replace_document("d", [ox.Quad(ox.NamedNode(e + "a"), ox.NamedNode(kgns + "owns"), ox.NamedNode(e + "b"))]
...         + [ox.Quad(ox.NamedNode(e + x), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal(x.upper()))
...            for x in "ab"])
>>> entity_info(open_reader(Settings.load(store=tmp)), "a").label
'A'
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox

from kg.explore.highlight import highlight
from kg.explore.terms import (
    KG_NS, PREFIXES, EntityRef, coarse_type, describe_entities, doc_key, entity_key, entity_node, local_name, value, values_clause,
)
from kg.settings import Settings


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
    rule: str = ""
    role: str | None = None
    evidence: tuple[EvidenceRef, ...] = ()

    def other(self, key: str) -> EntityRef:
        """The end of the relation that is not ``key``."""
        return self.object if self.subject.key == key else self.subject


@dataclass(frozen=True)
class EventRow:
    event: str
    type: str
    date: str | None
    precision: str | None
    confidence: float | None
    participants: tuple[tuple[EntityRef, str], ...]  # (entity, role)
    evidence: tuple[EvidenceRef, ...] = ()


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


_INFO = PREFIXES + """
SELECT ?e ?p ?o WHERE {
  { ?e ?p ?o . VALUES ?p { rdf:type rdfs:label skos:altLabel kg:kbId kg:versionOf kg:versionLabel } }
  UNION { ?o kg:versionOf ?e . BIND(kg:hasVersion AS ?p) }
}"""


def entity_info(reader, key: str) -> EntityInfo | None:
    """Type, label, aliases, KB id and versions of an entity; None if the graph does not know it."""
    facts: dict[str, list] = defaultdict(list)
    for row in reader.query(_INFO, {"e": entity_node(key)}):
        facts[local_name(row["p"])].append(row["o"].value)
    if not facts.get("type") and not facts.get("label"):
        return None
    labels = sorted(set(facts.get("label", [])), key=lambda n: (len(n), n))
    label = labels[0] if labels else key
    linked = describe_entities(reader, [entity_key(v) for v in facts.get("versionOf", []) + facts.get("hasVersion", [])])
    return EntityInfo(
        key=key,
        label=label,
        type=coarse_type(facts.get("type", [])),
        aliases=tuple(sorted(set(facts.get("altLabel", [])) | set(labels[1:]))),
        kb_id=min(facts["kbId"]) if facts.get("kbId") else None,
        version_of=linked[entity_key(facts["versionOf"][0])] if facts.get("versionOf") else None,
        versions=tuple(sorted((linked[entity_key(v)] for v in set(facts.get("hasVersion", []))), key=lambda r: r.label)),
    )



_STATEMENTS = PREFIXES + """
SELECT ?n ?s ?p ?o WHERE {
  %s
  ?n a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
}"""
_PROPERTIES = "SELECT ?n ?k ?v WHERE { %s ?n ?k ?v }"
_TITLES = PREFIXES + "SELECT ?n ?k ?v WHERE { %s ?n dcterms:title ?v BIND(dcterms:title AS ?k) }"
DCTERMS_TITLE = "http://purl.org/dc/terms/title"
_CHUNK = 500  # IRIs per VALUES block
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def node_properties(reader, nodes, query: str = _PROPERTIES) -> dict[str, dict[str, list]]:
    """Every property of each node (IRI → property IRI → values), looked up by subject in VALUES blocks.

    Looking properties up by subject keeps a page's cost proportional to what it shows: the OPTIONAL
    form (``?n a kg:Statement . OPTIONAL { ?n kg:date ?date } …``) scans every statement's dates and
    evidence in the store (measured on a 1M-triple store: 3.2 s for one well-connected entity's
    relations, against 0.4 s this way).
    """
    nodes = list(dict.fromkeys(nodes))
    out: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for i in range(0, len(nodes), _CHUNK):
        for row in reader.query(query % values_clause("n", nodes[i:i + _CHUNK])):
            out[row["n"].value][row["k"].value].append(row["v"])
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
            spans = tuple((_one(e, a) - start, _one(e, b) - start)
                          for a, b in (("subjectStart", "subjectEnd"), ("objectStart", "objectEnd"))
                          if _one(e, a) is not None and _one(e, b) is not None)
            doc = e[KG_NS + "document"][0]
            title = titles.get(doc.value, {}).get(DCTERMS_TITLE)
            refs.append(EvidenceRef(document=doc_key(doc), document_title=title[0].value if title else doc_key(doc),
                                    sentence=_one(e, "sentence"), spans=spans))
        out[node] = tuple(sorted(refs, key=lambda r: (r.document, r.sentence)))
    return out


def statements(reader, where: str, bindings=None) -> list[RelationRow]:
    """Statements matching a graph pattern over ``?n`` (the statement), ``?s``, ``?p``, ``?o``, with evidence."""
    core = {row["n"].value: row for row in reader.query(_STATEMENTS % where, bindings)}
    props = node_properties(reader, (row["n"] for row in core.values()))
    evidence = evidence_of(reader, props)
    refs = describe_entities(reader, (entity_key(r[v]) for r in core.values() for v in ("s", "o")))
    out = []
    for iri, r in core.items():
        p = props.get(iri, {})
        out.append(RelationRow(
            statement=iri, subject=refs[entity_key(r["s"])], predicate=local_name(r["p"]), object=refs[entity_key(r["o"])],
            date=_one(p, "date"), precision=_one(p, "datePrecision"), confidence=_one(p, "confidence"),
            source=_one(p, "source") or "text", rule=_one(p, "rule") or "", role=_one(p, "role"),
            evidence=evidence.get(iri, ()),
        ))
    return sorted(out, key=lambda r: (r.predicate, r.date or "", r.subject.label, r.object.label, r.statement))


def relations(reader, key: str) -> list[RelationRow]:
    """Every statement with the entity as subject or object (text and KB), with evidence."""
    return statements(reader, "{ ?n rdf:subject ?e } UNION { ?n rdf:object ?e }", {"e": entity_node(key)})


def relations_between(reader, pairs: list[tuple[str, str]]) -> list[RelationRow]:
    """Statements linking each pair of entities, in either direction (the hops of a path)."""
    if not pairs:
        return []
    values = " ".join(f"({entity_node(a)} {entity_node(b)}) ({entity_node(b)} {entity_node(a)})" for a, b in pairs)
    return statements(reader, f"VALUES (?s ?o) {{ {values} }}")


def group_by_predicate(rows: list[RelationRow], key: str) -> dict[str, list[RelationRow]]:
    """Relations keyed by ``predicate`` (outgoing) or ``predicate (incoming)``, largest group first."""
    groups: dict[str, list[RelationRow]] = defaultdict(list)
    for row in rows:
        groups[row.predicate if row.subject.key == key else f"{row.predicate} (incoming)"].append(row)
    return dict(sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])))


_EVENTS = PREFIXES + """
SELECT ?e ?n ?x ?role WHERE { ?n kg:participant/kg:entity ?e ; kg:participant ?part . ?part kg:entity ?x ; kg:role ?role }"""


def events(reader, key: str) -> list[EventRow]:
    """The n-ary events the entity takes part in, oldest first (undated last)."""
    parts: dict[str, set] = defaultdict(set)
    for row in reader.query(_EVENTS, {"e": entity_node(key)}):
        parts[row["n"].value].add((entity_key(row["x"]), value(row["role"]) or ""))
    props = node_properties(reader, (ox.NamedNode(n) for n in parts))
    evidence = evidence_of(reader, props)
    refs = describe_entities(reader, (k for members in parts.values() for k, _ in members))
    out = []
    for iri, members in parts.items():
        p = props.get(iri, {})
        out.append(EventRow(
            event=iri, type=_one(p, "eventType") or "", date=_one(p, "date"), precision=_one(p, "datePrecision"),
            confidence=_one(p, "confidence"),
            participants=tuple(sorted(((refs[k], role) for k, role in members), key=lambda m: (m[0].label, m[1]))),
            evidence=evidence.get(iri, ()),
        ))
    return sorted(out, key=lambda e: (e.date is None, e.date or "", e.type))


_QUANTITIES = PREFIXES + "SELECT ?e ?n WHERE { ?n kg:about ?e ; a kg:Quantity }"


def quantities(reader, key: str) -> list[QuantityRow]:
    """Money, percentages and counts stated about the entity."""
    props = node_properties(reader, (row["n"] for row in reader.query(_QUANTITIES, {"e": entity_node(key)})))
    evidence = evidence_of(reader, props)
    out = [
        QuantityRow(
            attribute=_one(p, "attribute") or "", value=float(_one(p, "value")), value_max=_one(p, "valueMax"),
            unit=_one(p, "unit") or "", label=value(p[RDFS_LABEL][0]) if p.get(RDFS_LABEL) else "", date=_one(p, "date"),
            confidence=_one(p, "confidence"), evidence=evidence.get(node, ()),
        )
        for node, p in props.items() if _one(p, "value") is not None
    ]
    return sorted(out, key=lambda q: (q.attribute, q.date or ""))


_COMENTIONS = PREFIXES + "SELECT ?e ?c ?x WHERE { ?c kg:member ?e, ?x ; a kg:CoMention . FILTER(?x != ?e) }"


def comentioned(reader, key: str, limit: int = Settings().entity_comention_limit) -> list[CoMentioned]:
    """At most ``limit`` entities named in the same sentences as this one, most shared sentences first.

    Summed in Python from the co-mention nodes' own properties: a SPARQL GROUP BY would aggregate
    every co-mention in the store before the entity is bound."""
    partner = {row["c"].value: entity_key(row["x"]) for row in reader.query(_COMENTIONS, {"e": entity_node(key)})}
    props = node_properties(reader, (ox.NamedNode(c) for c in partner))
    sentences: dict[str, int] = defaultdict(int)
    documents: dict[str, set] = defaultdict(set)
    for c, other in partner.items():
        sentences[other] += _one(props.get(c, {}), "mentionCount") or 1
        documents[other].update(d.value for d in props.get(c, {}).get(KG_NS + "document", []))
    refs = describe_entities(reader, sentences)
    out = [CoMentioned(refs[k], n, len(documents[k])) for k, n in sentences.items()]
    return sorted(out, key=lambda c: (-c.sentences, c.entity.label))[:limit]
