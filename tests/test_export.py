import csv
import io
import json

import networkx as nx
import pytest
import rdflib

from kg.errors import KGError
from kg.export import FORMATS, export_graph, jsonl_records, relation_records
from kg.rdf import extraction_quads
from kg.store import open_reader, open_writer


@pytest.fixture
def reader(tmp_settings, sample_extraction):
    with open_writer(tmp_settings) as w:
        w.replace_document(sample_extraction.document.id, extraction_quads(sample_extraction))
    return open_reader(tmp_settings)


def by_kind(records, kind):
    return [r for r in records if r["kind"] == kind]


def test_jsonl_contract_fields(reader, sample_extraction):
    records = jsonl_records(reader)
    doc = sample_extraction.document
    [alibaba] = [e for e in by_kind(records, "entity") if e["label"] == "Alibaba"]
    assert alibaba["type"] == "Organization" and alibaba["aliases"] == ["Alibaba Group"]
    assert alibaba["mentions"] == 1 and alibaba["documents"] == [doc.id]
    [rel] = by_kind(records, "relation")
    assert set(rel) >= {
        "kind",
        "id",
        "subject",
        "predicate",
        "object",
        "date",
        "date_precision",
        "year_inferred",
        "confidence",
        "source",
        "evidence",
        "documents",
        "sources",
        "first_reported",
        "last_reported",
        "conflicts",
    }
    assert (rel["predicate"], rel["date"], rel["date_precision"], rel["year_inferred"], rel["source"]) == (
        "invested_in",
        "2018-06",
        "month",
        False,
        "text",
    )
    # one document without a publisher or URL: it is its own source, reported when it was published
    assert (rel["documents"], rel["sources"], rel["first_reported"], rel["last_reported"], rel["conflicts"]) == (
        1,
        [doc.id],
        doc.published.iso,
        doc.published.iso,
        [],
    )
    for ev in rel["evidence"]:
        assert doc.text[ev["start"] : ev["end"]] == ev["sentence"] and ev["document"] == doc.id
    [event] = by_kind(records, "event")
    assert event["type"] == "investment" and {p["role"] for p in event["participants"]} == {"investor", "investee"}
    [quantity] = by_kind(records, "quantity")
    assert (quantity["value"], quantity["unit"], quantity["attribute"]) == (
        300_000_000,
        "users",
        "monthly active users",
    )
    assert quantity["about"] == alibaba["id"].replace("alibaba", "xiaohongshu")


def test_jsonl_lines_are_json(reader):
    lines = export_graph(reader, "jsonl").decode().splitlines()
    assert lines and all(json.loads(line)["kind"] in {"entity", "relation", "event", "quantity"} for line in lines)


@pytest.mark.parametrize(
    "fmt, rdflib_format", [("ttl", "turtle"), ("nq", "nquads"), ("trig", "trig"), ("jsonld", "json-ld")]
)
def test_rdf_formats_parse_back(reader, fmt, rdflib_format):
    data = export_graph(reader, fmt)
    if fmt in ("nq", "trig"):
        g = rdflib.Dataset()
        g.parse(data=data.decode(), format=rdflib_format)
        assert len(list(g.quads())) > 20
    else:
        assert len(rdflib.Graph().parse(data=data.decode(), format=rdflib_format)) > 20


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_formats_hold_entities_and_relations(reader, fmt, read):
    graph = read(io.BytesIO(export_graph(reader, fmt)))
    labels = {d["label"] for _, d in graph.nodes(data=True)}
    assert {"Alibaba", "Xiaohongshu"} <= labels
    assert [d.get("predicate") for _, _, d in graph.edges(data=True)] == ["invested_in"]


def test_csv_has_labels_and_sentence(reader, sample_extraction):
    rows = list(csv.DictReader(io.StringIO(export_graph(reader, "csv").decode())))
    assert rows[0]["subject"] == "Alibaba" and rows[0]["object"] == "Xiaohongshu"
    assert rows[0]["sentence"].startswith("In June 2018")
    doc = sample_extraction.document
    assert (rows[0]["document"], rows[0]["document_id"]) == (doc.title, doc.id)  # documents by title, not by hash


def test_gexf_is_dynamic_with_each_dated_relation_over_the_days_its_date_covers(reader, sample_extraction):
    """Gephi's timeline reads start/end on the edges; the sample's investment is dated June 2018."""
    [relation] = relation_records(reader)
    text = export_graph(reader, "gexf").decode()
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    [(_, _, edge)] = nx.read_gexf(io.BytesIO(text.encode())).edges(data=True)
    assert relation["date"] == "2018-06" and (edge["start"], edge["end"]) == ("2018-06-01", "2018-06-30")


def test_unknown_format_names_the_choices(reader):
    with pytest.raises(KGError, match=r"unknown export format 'xls'.*ttl"):
        export_graph(reader, "xls")


def test_every_format_exports(reader):
    assert all(export_graph(reader, fmt) for fmt in FORMATS)


@pytest.mark.parametrize("lead", ["=", "+", "-", "@"])
def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_quoted(tmp_settings, lead):
    import dataclasses

    from tests.conftest import make_extraction

    ex = make_extraction(
        f'{lead}HYPERLINK("http://x") In June 2018, Alibaba invested in Xiaohongshu. Xiaohongshu grew.'
    )
    ex.entities["alibaba"] = dataclasses.replace(ex.entities["alibaba"], label=f"{lead}1+1")
    with open_writer(tmp_settings) as w:
        w.replace_document(ex.document.id, extraction_quads(ex))
    rows = list(csv.DictReader(io.StringIO(export_graph(open_reader(tmp_settings), "csv").decode())))
    assert rows[0]["sentence"].startswith(f"'{lead}HYPERLINK")
    assert rows[0]["subject"] == f"'{lead}1+1"
    assert float(rows[0]["confidence"]) > 0 and rows[0]["object"] == "Xiaohongshu"  # other cells untouched
