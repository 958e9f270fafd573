"""The whole graph out: RDF serialisations, the ``jsonl`` contract, GraphML/GEXF, CSV.

``jsonl`` is a contract that tools and evaluations read; its fields are stable (see README):
one JSON object a line, ``kind`` one of entity, relation, event, quantity.
"""

from __future__ import annotations

import calendar
import csv
import io
import json
from collections import Counter, defaultdict

import networkx as nx
import pyoxigraph as ox

from kg.errors import ExportFormatError
from kg.explore.claims import Claim, claim_index
from kg.explore.terms import KG_NS, PREFIXES, doc_key, text
from kg.labels import canonical_label
from kg.store import GraphReader
from kg.vocab import ENTITY_TYPES, ID

FORMATS = ("ttl", "trig", "nq", "jsonld", "jsonl", "graphml", "gexf", "csv")

_TYPE_VALUES = " ".join(f"kg:{t}" for t in ENTITY_TYPES)


def export_graph(reader: GraphReader, fmt: str) -> bytes:
    """Serialise the whole graph in one of :data:`FORMATS`."""
    if fmt not in FORMATS:
        raise ExportFormatError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt in ("trig", "nq"):
        form = ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS
        return ox.serialize(reader.quads(), format=form) or b""  # None only when given a file
    if fmt in ("ttl", "jsonld"):
        triples = {ox.Triple(q.subject, q.predicate, q.object) for q in reader.quads()}
        form = ox.RdfFormat.TURTLE if fmt == "ttl" else ox.RdfFormat.JSON_LD
        prefixes = {"kg": KG_NS, "id": str(ID)} if fmt == "ttl" else None
        return ox.serialize(sorted(triples, key=str), format=form, prefixes=prefixes) or b""  # None only for a file
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in jsonl_records(reader)).encode(
            "utf-8"
        )
    if fmt == "csv":
        return relations_csv(reader).encode("utf-8")
    graph = entity_graph(reader)
    out = io.BytesIO()
    if fmt == "gexf":
        nx.write_gexf(with_time_intervals(graph), out)
    else:
        nx.write_graphml(graph, out)
    return out.getvalue()


def date_interval(date: str) -> tuple[str, str]:
    """The days a date of year, month or day precision covers (ISO), as GEXF's ``start`` and ``end``.

    >>> date_interval("2025"), date_interval("2024-02"), date_interval("2025-05-07")
    (('2025-01-01', '2025-12-31'), ('2024-02-01', '2024-02-29'), ('2025-05-07', '2025-05-07'))
    """
    parts = date.split("-")
    if len(parts) == 3:
        return date, date
    if len(parts) == 2:
        year, month = int(parts[0]), int(parts[1])
        return f"{date}-01", f"{date}-{calendar.monthrange(year, month)[1]:02d}"
    return f"{date}-01-01", f"{date}-12-31"


def with_time_intervals(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of :func:`entity_graph`'s graph with each dated relation's ``start`` and ``end`` (the days its
    date covers), so Gephi's timeline can play it (a dynamic GEXF); undated relations and entities stay always."""
    dynamic = graph.copy()
    for _, _, data in dynamic.edges(data=True):
        if data.get("date"):
            data["start"], data["end"] = date_interval(data["date"])
    return dynamic


def entity_records(reader: GraphReader) -> list[dict]:
    types: dict[str, Counter] = defaultdict(Counter)
    kb_types: dict[str, str] = {}
    labels: dict[str, Counter] = defaultdict(Counter)
    aliases: dict[str, set] = defaultdict(set)
    for row in reader.query(
        PREFIXES
        + f"""
        SELECT ?g ?e ?type ?label WHERE {{
          GRAPH ?g {{ ?e a ?type ; rdfs:label|kg:mentionedLabel ?label . VALUES ?type {{ {_TYPE_VALUES} }} }}
        }}"""
    ):
        e, g = row["e"].value, row["g"].value
        t = row["type"].value.removeprefix(KG_NS)
        types[e][t] += 1
        labels[e][row["label"].value] += 1
        if g.endswith("/graph/kb"):
            kb_types[e] = t
            labels[e][row["label"].value] += 1000  # the KB's canonical name wins
    for row in reader.query(PREFIXES + "SELECT DISTINCT ?e ?alias WHERE { ?e skos:altLabel ?alias }"):
        aliases[row["e"].value].add(row["alias"].value)
    mentions: Counter = Counter()
    documents: dict[str, set] = defaultdict(set)
    for row in reader.query(
        PREFIXES
        + """
        SELECT ?g ?e (COUNT(?m) AS ?n) WHERE { GRAPH ?g { ?m kg:refersTo ?e } } GROUP BY ?g ?e"""
    ):
        e = row["e"].value
        mentions[e] += int(row["n"].value)
        documents[e].add(doc_key(row["g"].value))
    records = []
    for e in sorted(types):
        label = canonical_label(labels[e])  # the label the store keeps for it (kg.labels)
        records.append(
            {
                "kind": "entity",
                "id": e,
                "label": label,
                "type": kb_types.get(e) or types[e].most_common(1)[0][0],
                "aliases": sorted((aliases[e] | set(labels[e])) - {label}),
                "mentions": mentions[e],
                "documents": sorted(documents[e]),
            }
        )
    return records


def _evidence_by_node(reader: GraphReader, node_class: str) -> dict[str, list[dict]]:
    evidence: dict[str, list[dict]] = defaultdict(list)
    for row in reader.query(
        PREFIXES
        + f"""
        SELECT DISTINCT ?n ?d ?sentence ?start ?end WHERE {{
          ?n a kg:{node_class} ; kg:evidence ?ev .
          ?ev kg:document ?d ; kg:sentence ?sentence ; kg:start ?start ; kg:end ?end }}"""
    ):
        evidence[row["n"].value].append(
            {
                "document": doc_key(row["d"].value),
                "sentence": row["sentence"].value,
                "start": int(row["start"].value),
                "end": int(row["end"].value),
            }
        )
    for items in evidence.values():
        items.sort(key=lambda x: (x["document"], x["start"]))
    return evidence


_DATED = "OPTIONAL { ?n kg:date ?date ; kg:datePrecision ?precision } OPTIONAL { ?n kg:yearInferred ?inferred }"


def relation_records(reader: GraphReader) -> list[dict]:
    """Every statement, with the claim it reports (kg.explore.claims): how many documents and which sources report
    the same (subject, predicate, object), first and last reported, conflicts (knowledge-base facts: none)."""
    evidence = _evidence_by_node(reader, "Statement")
    index = claim_index(reader)
    records = []
    for row in reader.query(
        PREFIXES
        + f"""
        SELECT ?n ?s ?p ?o ?date ?precision ?inferred ?confidence ?source ?role ?event WHERE {{
          ?n a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
             kg:confidence ?confidence ; kg:source ?source .
          {_DATED} OPTIONAL {{ ?n kg:role ?role }} OPTIONAL {{ ?n kg:event ?event }} }} ORDER BY ?n"""
    ):
        n = row["n"].value
        record = {
            "kind": "relation",
            "id": n,
            "subject": row["s"].value,
            "predicate": row["p"].value.removeprefix(KG_NS),
            "object": row["o"].value,
            "date": text(row["date"]),
            "date_precision": text(row["precision"]),
            "year_inferred": text(row["inferred"]) == "true",
            "confidence": float(row["confidence"].value),
            "source": row["source"].value,
            "evidence": evidence.get(n, []),
            **_claim_fields(index.of_statement(n)),
        }
        if row["role"] is not None:
            record["role"] = row["role"].value
        if row["event"] is not None:
            record["event"] = row["event"].value
        records.append(record)
    return records


def _claim_fields(claim: Claim | None) -> dict:
    if claim is None:
        return {"documents": 0, "sources": [], "first_reported": None, "last_reported": None, "conflicts": []}
    return {
        "documents": claim.documents,
        "sources": list(claim.sources),
        "first_reported": claim.first_reported,
        "last_reported": claim.last_reported,
        "conflicts": list(claim.conflicts),
    }


def event_records(reader: GraphReader) -> list[dict]:
    evidence = _evidence_by_node(reader, "EventRecord")
    participants: dict[str, list[dict]] = defaultdict(list)
    for row in reader.query(
        PREFIXES
        + """
        SELECT DISTINCT ?n ?e ?role WHERE {
          ?n a kg:EventRecord ; kg:participant ?p . ?p kg:entity ?e ; kg:role ?role }"""
    ):
        participants[row["n"].value].append({"entity": row["e"].value, "role": row["role"].value})
    amounts = {q["id"]: q for q in quantity_records(reader)}
    records = []
    for row in reader.query(
        PREFIXES
        + f"""
        SELECT ?n ?type ?date ?precision ?inferred ?confidence ?amount WHERE {{
          ?n a kg:EventRecord ; kg:eventType ?type ; kg:confidence ?confidence .
          {_DATED} OPTIONAL {{ ?n kg:amount ?amount }} }} ORDER BY ?n"""
    ):
        n = row["n"].value
        amount = amounts.get(text(row["amount"])) if row["amount"] is not None else None
        records.append(
            {
                "kind": "event",
                "id": n,
                "type": row["type"].value,
                "date": text(row["date"]),
                "date_precision": text(row["precision"]),
                "year_inferred": text(row["inferred"]) == "true",
                "participants": sorted(participants[n], key=lambda p: (p["role"], p["entity"])),
                "amount": {k: amount[k] for k in ("value", "value_max", "unit", "text")} if amount else None,
                "confidence": float(row["confidence"].value),
                "evidence": evidence.get(n, []),
            }
        )
    return records


def quantity_records(reader: GraphReader) -> list[dict]:
    evidence = _evidence_by_node(reader, "Quantity")
    records = []
    for row in reader.query(
        PREFIXES
        + f"""
        SELECT ?n ?about ?attribute ?value ?max ?unit ?text ?date ?precision ?inferred ?confidence WHERE {{
          ?n a kg:Quantity ; kg:about ?about ; kg:attribute ?attribute ; kg:value ?value ; kg:unit ?unit ;
             rdfs:label ?text ; kg:confidence ?confidence .
          OPTIONAL {{ ?n kg:valueMax ?max }} {_DATED} }} ORDER BY ?n"""
    ):
        n = row["n"].value
        records.append(
            {
                "kind": "quantity",
                "id": n,
                "about": row["about"].value,
                "attribute": row["attribute"].value,
                "value": _number(row["value"].value),
                "value_max": _number(row["max"].value) if row["max"] is not None else None,
                "unit": row["unit"].value,
                "text": row["text"].value,
                "date": text(row["date"]),
                "date_precision": text(row["precision"]),
                "confidence": float(row["confidence"].value),
                "evidence": evidence.get(n, []),
            }
        )
    return records


def _number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() else value


def jsonl_records(reader: GraphReader) -> list[dict]:
    """Every entity, relation, event and quantity as a plain record (the jsonl contract)."""
    return entity_records(reader) + relation_records(reader) + event_records(reader) + quantity_records(reader)


def entity_graph(reader: GraphReader) -> nx.MultiDiGraph:
    """Entities as nodes (label, type) and typed relations as edges (predicate, date, confidence,
    source), one edge per statement — for Gephi (GEXF) and other graph tools (GraphML)."""
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()  # entity ids, one edge per statement
    for e in entity_records(reader):
        graph.add_node(e["id"], label=e["label"], type=e["type"], mentions=e["mentions"])
    for r in relation_records(reader):
        for end in (r["subject"], r["object"]):
            if end not in graph:
                graph.add_node(end, label=end.rsplit("/", 1)[1], type="Other", mentions=0)
        graph.add_edge(
            r["subject"],
            r["object"],
            key=r["id"],
            label=r["predicate"],
            predicate=r["predicate"],
            date=r["date"] or "",
            confidence=r["confidence"],
            source=r["source"],
        )
    return graph


_FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    """A text cell a spreadsheet would run as a formula, prefixed with ``'`` so it stays text."""
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_LEADS) else value


_DOCUMENT_TITLES = PREFIXES + "SELECT ?d ?title WHERE { ?d a kg:Document ; dcterms:title ?title }"


def relations_csv(reader: GraphReader) -> str:
    """One row per relation and evidence sentence, with labels and the document's title (its id last), for
    spreadsheets.

    Labels and sentences come from articles, and spreadsheets run a cell that starts with ``=``, ``+``, ``-``,
    ``@``, a tab or a carriage return as a formula (CSV injection); such text cells get a leading single quote
    ``'``, which spreadsheets read as "this is text". Numbers (confidence) are written as they are."""
    labels = {e["id"]: e["label"] for e in entity_records(reader)}
    titles = {doc_key(row["d"]): row["title"].value for row in reader.query(_DOCUMENT_TITLES)}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "subject",
            "predicate",
            "object",
            "date",
            "date_precision",
            "confidence",
            "source",
            "document",
            "sentence",
            "subject_iri",
            "object_iri",
            "statement",
            "document_id",
        ]
    )
    for r in relation_records(reader):
        for ev in r["evidence"] or [{"document": "", "sentence": ""}]:
            writer.writerow(
                [
                    _cell(x)
                    for x in (
                        labels.get(r["subject"], r["subject"]),
                        r["predicate"],
                        labels.get(r["object"], r["object"]),
                        r["date"] or "",
                        r["date_precision"] or "",
                        r["confidence"],
                        r["source"],
                        titles.get(ev["document"], ev["document"]),
                        ev["sentence"],
                        r["subject"],
                        r["object"],
                        r["id"],
                        ev["document"],
                    )
                ]
            )
    return out.getvalue()
