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

from kg.explore.highlight import highlight
from kg.explore.terms import (
    PREFIXES, EntityRef, coarse_type, describe_entities, doc_key, entity_key, entity_node, local_name, value,
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


_EVIDENCE = """
  OPTIONAL {
    ?n kg:evidence ?ev . ?ev kg:sentence ?sentence ; kg:start ?evStart ; kg:document ?doc .
    OPTIONAL { ?ev kg:subjectStart ?ss ; kg:subjectEnd ?se }
    OPTIONAL { ?ev kg:objectStart ?os ; kg:objectEnd ?oe }
    OPTIONAL { ?doc dcterms:title ?title }
  }"""

_STATEMENTS = PREFIXES + """
SELECT ?e ?n ?s ?p ?o ?date ?prec ?conf ?source ?rule ?role ?ev ?sentence ?evStart ?ss ?se ?os ?oe ?doc ?title WHERE {
  %s
  ?n a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?n kg:date ?date } OPTIONAL { ?n kg:datePrecision ?prec } OPTIONAL { ?n kg:confidence ?conf }
  OPTIONAL { ?n kg:source ?source } OPTIONAL { ?n kg:rule ?rule } OPTIONAL { ?n kg:role ?role }
""" + _EVIDENCE + "\n}"


def _evidence(rows) -> tuple[EvidenceRef, ...]:
    seen: dict[str, EvidenceRef] = {}
    for row in rows:
        if row["ev"] is None or row["ev"].value in seen:
            continue
        start = value(row["evStart"])
        spans = tuple(
            (value(row[a]) - start, value(row[b]) - start) for a, b in (("ss", "se"), ("os", "oe")) if row[a] is not None
        )
        seen[row["ev"].value] = EvidenceRef(
            document=doc_key(row["doc"]),
            document_title=row["title"].value if row["title"] is not None else doc_key(row["doc"]),
            sentence=row["sentence"].value,
            spans=spans,
        )
    return tuple(sorted(seen.values(), key=lambda e: (e.document, e.sentence)))


def _first(rows, name):
    return next((value(r[name]) for r in rows if r[name] is not None), None)


def statements(reader, where: str, bindings=None) -> list[RelationRow]:
    """Statements matching a graph pattern over ``?n`` (the statement), ``?s``, ``?p``, ``?o``, with evidence."""
    by_statement: dict[str, list] = defaultdict(list)
    for row in reader.query(_STATEMENTS % where, bindings):
        by_statement[row["n"].value].append(row)
    refs = describe_entities(reader, (entity_key(r[v]) for rows in by_statement.values() for r in rows[:1] for v in ("s", "o")))
    out = []
    for iri, rows in by_statement.items():
        r = rows[0]
        out.append(RelationRow(
            statement=iri, subject=refs[entity_key(r["s"])], predicate=local_name(r["p"]), object=refs[entity_key(r["o"])],
            date=_first(rows, "date"), precision=_first(rows, "prec"), confidence=_first(rows, "conf"),
            source=_first(rows, "source") or "text", rule=_first(rows, "rule") or "", role=_first(rows, "role"),
            evidence=_evidence(rows),
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
SELECT ?e ?n ?type ?date ?prec ?conf ?x ?role ?ev ?sentence ?evStart ?ss ?se ?os ?oe ?doc ?title WHERE {
  ?n kg:participant/kg:entity ?e ; kg:eventType ?type ; kg:participant ?part .
  ?part kg:entity ?x . OPTIONAL { ?part kg:role ?role }
  OPTIONAL { ?n kg:date ?date } OPTIONAL { ?n kg:datePrecision ?prec } OPTIONAL { ?n kg:confidence ?conf }
""" + _EVIDENCE + "\n}"


def events(reader, key: str) -> list[EventRow]:
    """The n-ary events the entity takes part in, oldest first (undated last)."""
    by_event: dict[str, list] = defaultdict(list)
    for row in reader.query(_EVENTS, {"e": entity_node(key)}):
        by_event[row["n"].value].append(row)
    refs = describe_entities(reader, (entity_key(r["x"]) for rows in by_event.values() for r in rows))
    out = []
    for iri, rows in by_event.items():
        parts = {(entity_key(r["x"]), value(r["role"]) or "") for r in rows}
        out.append(EventRow(
            event=iri, type=rows[0]["type"].value, date=_first(rows, "date"), precision=_first(rows, "prec"),
            confidence=_first(rows, "conf"),
            participants=tuple(sorted(((refs[k], role) for k, role in parts), key=lambda p: (p[0].label, p[1]))),
            evidence=_evidence(rows),
        ))
    return sorted(out, key=lambda e: (e.date is None, e.date or "", e.type))


_QUANTITIES = PREFIXES + """
SELECT ?e ?n ?attr ?v ?vmax ?unit ?label ?date ?conf ?ev ?sentence ?evStart ?ss ?se ?os ?oe ?doc ?title WHERE {
  ?n kg:about ?e ; kg:attribute ?attr ; kg:value ?v .
  OPTIONAL { ?n kg:valueMax ?vmax } OPTIONAL { ?n kg:unit ?unit } OPTIONAL { ?n rdfs:label ?label }
  OPTIONAL { ?n kg:date ?date } OPTIONAL { ?n kg:confidence ?conf }
""" + _EVIDENCE + "\n}"


def quantities(reader, key: str) -> list[QuantityRow]:
    """Money, percentages and counts stated about the entity."""
    by_node: dict[str, list] = defaultdict(list)
    for row in reader.query(_QUANTITIES, {"e": entity_node(key)}):
        by_node[row["n"].value].append(row)
    out = [
        QuantityRow(
            attribute=rows[0]["attr"].value, value=float(value(rows[0]["v"])), value_max=_first(rows, "vmax"),
            unit=_first(rows, "unit") or "", label=_first(rows, "label") or "", date=_first(rows, "date"),
            confidence=_first(rows, "conf"), evidence=_evidence(rows),
        )
        for rows in by_node.values()
    ]
    return sorted(out, key=lambda q: (q.attribute, q.date or ""))


_COMENTIONS = PREFIXES + """
SELECT ?e ?x (SUM(?count) AS ?sentences) (COUNT(DISTINCT ?doc) AS ?docs) WHERE {
  ?c a kg:CoMention ; kg:member ?e, ?x . FILTER(?x != ?e)
  OPTIONAL { ?c kg:mentionCount ?n } BIND(COALESCE(?n, 1) AS ?count)
  OPTIONAL { ?c kg:document ?doc }
} GROUP BY ?e ?x"""


def comentioned(reader, key: str, limit: int = Settings().entity_comention_limit) -> list[CoMentioned]:
    """At most ``limit`` entities named in the same sentences as this one, most shared sentences first."""
    rows = [(entity_key(r["x"]), int(value(r["sentences"])), int(value(r["docs"])))
            for r in reader.query(_COMENTIONS, {"e": entity_node(key)})]
    refs = describe_entities(reader, (k for k, _, _ in rows))
    out = [CoMentioned(refs[k], s, d) for k, s, d in rows]
    return sorted(out, key=lambda c: (-c.sentences, c.entity.label))[:limit]
