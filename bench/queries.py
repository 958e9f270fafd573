"""The queries the suite sends: the app's SPARQL examples (as shipped) and typical user queries."""

from __future__ import annotations

from pathlib import Path

import yaml

from bench.runner import ROOT

#: Typical questions a researcher sends to the endpoint (entity IRIs present in both graphs).
TYPICAL = {
    "partners of Xiaohongshu": """
SELECT ?other ?label WHERE {
  { id:xiaohongshu kg:partner_of ?other } UNION { ?other kg:partner_of id:xiaohongshu }
  OPTIONAL { ?other rdfs:label ?label }
} LIMIT 100""",
    "dated statements about Xiaohongshu": """
SELECT ?p ?o ?date WHERE {
  ?st rdf:subject id:xiaohongshu ; rdf:predicate ?p ; rdf:object ?o ; kg:date ?date .
  FILTER(STR(?date) >= "2020" && STR(?date) < "2025-13")
} ORDER BY ?date LIMIT 100""",
    "statements per relation": """
SELECT ?p (COUNT(*) AS ?n) WHERE { ?st a kg:Statement ; rdf:predicate ?p } GROUP BY ?p ORDER BY DESC(?n)""",
    "entity by exact label": """
SELECT ?e ?type WHERE { ?e rdfs:label "JD.com" ; a ?type } LIMIT 20""",
    "evidence of Xiaohongshu–Taotian": """
SELECT ?p ?sentence WHERE {
  ?st rdf:subject id:xiaohongshu ; rdf:predicate ?p ; rdf:object id:taotian ; kg:evidence/kg:sentence ?sentence .
} LIMIT 50""",
}
_ID = "PREFIX id: <https://w3id.org/kg-explorer/id/entity/>\n"


def typical() -> list[tuple[str, str]]:
    return [(name, _ID + text.strip()) for name, text in TYPICAL.items()]


def example_files() -> list[Path]:
    """The app's shipped example-query files (kg/**/examples*.yaml, app/**/examples*.yaml)."""
    return sorted(p for base in (ROOT / "kg", ROOT / "app") for p in base.rglob("examples*.y*ml"))


def shipped_examples() -> list[tuple[str, str]]:
    """(title, SPARQL) of every shipped example query; accepts a list of mappings or one mapping."""
    out: list[tuple[str, str]] = []
    for path in example_files():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and not any(k in data for k in ("query", "sparql")):
            items = data.get("examples", data)
            items = items if isinstance(items, list) else [{"title": k, "query": v} for k, v in items.items()]
        else:
            items = data if isinstance(data, list) else [data]
        for i, item in enumerate(items):
            if isinstance(item, dict):
                text = item.get("query") or item.get("sparql")
                title = item.get("title") or item.get("name") or item.get("label") or f"{path.stem} {i + 1}"
                if isinstance(text, str) and text.strip():
                    out.append((str(title), text))
    return out
