"""What a user query gives: :class:`QueryResult`, and its serialisations."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import cast

import pyoxigraph as ox

from kg.errors import QueryError
from kg.query.guard import PREFIXES

#: Result formats of :meth:`QueryResult.serialize`, by kind of query.
SOLUTION_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


# --------------------------------------------------------------------------------------------
@dataclass
class QueryResult:
    """What a user query gave: rows (SELECT), a boolean (ASK) or triples (CONSTRUCT / DESCRIBE)."""

    kind: str  # "select" | "ask" | "construct"
    columns: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)  # tuples of pyoxigraph terms or None (unbound)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)
    truncated: bool = False
    elapsed: float = 0.0  # seconds, guard and transport included

    def serialize(self, fmt: str) -> bytes:
        """The result as bytes: json/xml/csv/tsv for SELECT and ASK; turtle/ntriples/jsonld otherwise."""
        if self.kind == "construct":
            if fmt not in GRAPH_FORMATS:
                raise QueryError(
                    f"a CONSTRUCT/DESCRIBE result cannot be written as {fmt!r}; use one of {sorted(GRAPH_FORMATS)}"
                )
            prefixes = PREFIXES if fmt == "turtle" else None
            return cast(
                bytes, ox.serialize(self.triples, format=GRAPH_FORMATS[fmt], prefixes=prefixes)
            )  # no output: bytes
        if fmt not in SOLUTION_FORMATS:
            raise QueryError(
                f"a {self.kind.upper()} result cannot be written as {fmt!r}; use one of {sorted(SOLUTION_FORMATS)}"
            )
        document = self._json()
        if fmt == "json":
            return document
        parsed = ox.parse_query_results(document, format=ox.QueryResultsFormat.JSON)
        return cast(bytes, parsed.serialize(format=SOLUTION_FORMATS[fmt]))

    def _json(self) -> bytes:
        if self.kind == "ask":
            return json.dumps({"head": {}, "boolean": bool(self.boolean)}).encode("utf-8")
        bindings = [
            {name: _json_term(term) for name, term in zip(self.columns, row, strict=True) if term is not None}
            for row in self.rows
        ]
        return json.dumps(
            {"head": {"vars": self.columns}, "results": {"bindings": bindings}},
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")


def result_from_payload(kind: str, payload) -> QueryResult:
    """The :class:`QueryResult` of what a query worker evaluated: a boolean (ASK), (columns, rows, truncated)
    (SELECT) or (triples, truncated) (CONSTRUCT / DESCRIBE)."""
    result = QueryResult(kind=kind)
    if kind == "ask":
        result.boolean = payload
    elif kind == "select":
        result.columns, result.rows, result.truncated = payload
    else:
        result.triples, result.truncated = payload
    return result


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (_XSD_STRING, _RDF_LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {k: _json_term(getattr(term, k)) for k in ("subject", "predicate", "object")},
    }
