"""Shared vocabulary of kg's queries (the one place for them: kg.export, kg.query and kg.explore use these):
SPARQL prefixes, entity and document keys, and Python values of literals.

An entity is named in URLs and widgets by its *key*: the last segment of its IRI, percent-decoded.

>>> key = entity_key("https://w3id.org/kg-explorer/id/entity/jd.com")
>>> key, entity_node(key).value
('jd.com', 'https://w3id.org/kg-explorer/id/entity/jd.com')
>>> entity_node("<b>").value
'https://w3id.org/kg-explorer/id/entity/%3Cb%3E'
>>> local_name("https://w3id.org/kg-explorer/ontology#partner_of")
'partner_of'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import quote, unquote

import pyoxigraph as ox

from kg.iri import document_id, document_iri
from kg.vocab import ENTITY_TYPES, ID, KG

KG_NS = str(KG._NS)
ENTITY_NS = str(ID) + "entity/"

#: Prefix -> namespace of every query kg writes and of user queries (which may use them undeclared).
NAMESPACES: dict[str, str] = {
    "kg": KG_NS,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "owl": "http://www.w3.org/2002/07/owl#",
}

#: :data:`NAMESPACES` as a SPARQL prologue.
PREFIXES = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in NAMESPACES.items())

#: Literal datatypes of dates, by precision.
DATE_TYPES = {
    "http://www.w3.org/2001/XMLSchema#date": "day",
    "http://www.w3.org/2001/XMLSchema#gYearMonth": "month",
    "http://www.w3.org/2001/XMLSchema#gYear": "year",
}


def entity_key(iri: str | ox.NamedNode) -> str:
    """The key of an entity IRI (its decoded last segment)."""
    text = iri.value if isinstance(iri, ox.NamedNode) else iri
    return unquote(text[len(ENTITY_NS) :] if text.startswith(ENTITY_NS) else text.rsplit("/", 1)[-1])


def entity_node(key: str) -> ox.NamedNode:
    """The IRI of the entity with this key (the inverse of :func:`entity_key`)."""
    return ox.NamedNode(ENTITY_NS + quote(key, safe=""))


def doc_key(iri: str | ox.NamedNode) -> str:
    """The id of a document from its IRI ``id/doc/<id>`` (or its named graph ``id/graph/<id>``).

    >>> doc_key("https://w3id.org/kg-explorer/id/doc/a%20b")
    'a b'
    """
    return document_id(iri.value if isinstance(iri, ox.NamedNode) else iri)


def doc_node(doc_id: str) -> ox.NamedNode:
    return ox.NamedNode(str(document_iri(doc_id)))


def local_name(iri: str | ox.NamedNode) -> str:
    text = iri.value if isinstance(iri, ox.NamedNode) else iri
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def value(term) -> str | float | int | bool | None:
    """The Python value of a query term: numbers as numbers, everything else as its string.

    >>> value(ox.Literal("0.9", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")))
    0.9
    >>> value(None) is None
    True
    """
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        if dt.endswith(("#decimal", "#double", "#float")):
            return float(term.value)
        if dt.endswith(("#integer", "#int", "#long", "#nonNegativeInteger")):
            return int(term.value)
        if dt.endswith("#boolean"):
            return term.value == "true"
    return term.value


def text(term) -> str | None:
    """The lexical form of a query term (a literal's text whatever its datatype, an IRI's string); None when unbound.

    >>> text(ox.Literal("2025-05", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYearMonth")))
    '2025-05'
    >>> text(None) is None
    True
    """
    return None if term is None else term.value


def coarse_type(types: Iterable[str]) -> str:
    """The one coarse type among an entity's rdf:types ("Other" when none is known).

    >>> coarse_type([KG_NS + "Entity", KG_NS + "Person"])
    'Person'
    """
    names = {local_name(t) for t in types}
    return next((t for t in ENTITY_TYPES if t in names), "Other")


def relation_node(name: str) -> ox.NamedNode:
    return ox.NamedNode(KG_NS + name)


def values_clause(var: str, nodes: Iterable[ox.NamedNode]) -> str:
    """``VALUES ?var { <…> … }`` from IRIs (pyoxigraph has validated them, so they cannot break out).

    >>> values_clause("p", [relation_node("owns")])
    'VALUES ?p { <https://w3id.org/kg-explorer/ontology#owns> }'
    """
    return f"VALUES ?{var} {{ {' '.join(str(n) for n in nodes)} }}"


@dataclass(frozen=True)
class EntityRef:
    """An entity as lists show it."""

    key: str
    label: str
    type: str


_DESCRIBE = (
    PREFIXES
    + """
SELECT DISTINCT ?e ?label ?t WHERE { %s { ?e rdfs:label ?label } UNION { ?e a ?t } }"""
)
_DESCRIBE_CHUNK = 500  # entities per query


def describe_entities(
    reader, keys: Iterable[str], known: Mapping[str, EntityRef] | None = None
) -> dict[str, EntityRef]:
    """Label and coarse type of each entity key: from ``known`` (the label index's entities, when the
    caller has them), else looked up by subject (the OPTIONAL form of this query scans every label in
    the store: 1.6 s against 0.1 s for 1,300 entities of a 1M-triple store). DISTINCT: labels and
    types are repeated in every document graph that names the entity (200 entities of a 1M-triple
    store: 4,806 rows → 400)."""
    keys = list(dict.fromkeys(keys))
    found = {k: known[k] for k in keys if k in known} if known is not None else {}
    missing = [k for k in keys if k not in found]
    labels: dict[str, str] = {}
    types: dict[str, list[str]] = {}
    for i in range(0, len(missing), _DESCRIBE_CHUNK):
        chunk = values_clause("e", (entity_node(k) for k in missing[i : i + _DESCRIBE_CHUNK]))
        for row in reader.query(_DESCRIBE % chunk):
            key = entity_key(row["e"])
            if row["label"] is not None:
                labels[key] = min(labels.get(key, row["label"].value), row["label"].value)
            if row["t"] is not None:
                types.setdefault(key, []).append(row["t"].value)
    return {k: found.get(k) or EntityRef(k, labels.get(k, k), coarse_type(types.get(k, []))) for k in keys}


def date_bounds(iso: str) -> tuple[str, str]:
    """First and last day an ISO date of any precision covers.

    >>> date_bounds("2024"), date_bounds("2024-02"), date_bounds("2024-02-03")
    (('2024-01-01', '2024-12-31'), ('2024-02-01', '2024-02-29'), ('2024-02-03', '2024-02-03'))
    """
    import calendar

    parts = iso.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-01-01", f"{parts[0]}-12-31"
    if len(parts) == 2:
        last = calendar.monthrange(int(parts[0]), int(parts[1]))[1]
        return f"{iso}-01", f"{iso}-{last:02d}"
    return iso, iso
