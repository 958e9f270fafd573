import json

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.labels import refresh_labels
from kg.rdf import extraction_quads
from kg.store import open_writer

runner = CliRunner()


@pytest.fixture
def store(tmp_settings, sample_extraction):
    with open_writer(tmp_settings) as w:
        w.replace_document(sample_extraction.document.id, extraction_quads(sample_extraction))
        refresh_labels(w)  # as kg build does: each entity's one rdfs:label
    return tmp_settings.store


def test_stats_counts(store):
    result = runner.invoke(app, ["stats", "--store", store, "--json", "--documents"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["documents"] == 1 and figures["entities"] == {"Organization": 2}
    assert figures["relations"] == {"invested_in": 1} and figures["events"] == 1 and figures["mentions"] == 3
    assert figures["document_list"][0]["path"] == "sample.md"


def test_export_to_file(store, tmp_path):
    out = tmp_path / "g.jsonl"
    result = runner.invoke(app, ["export", "--format", "jsonl", "--out", str(out), "--store", store])
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["kind"] for line in out.read_text().splitlines()} == {
        "entity",
        "relation",
        "event",
        "quantity",
    }


def test_export_bad_format_is_a_clear_error(store):
    result = runner.invoke(app, ["export", "--format", "xls", "--store", store])
    assert result.exit_code == 1 and "unknown export format 'xls'" in result.output


def test_query_table_and_csv(store):
    q = "SELECT ?label WHERE { ?e a kg:Organization ; rdfs:label ?label } ORDER BY ?label"
    table = runner.invoke(app, ["query", q, "--store", store])
    assert table.exit_code == 0, table.output
    assert "Alibaba" in table.output and "Xiaohongshu" in table.output and "(2 rows)" in table.output
    as_csv = runner.invoke(app, ["query", q, "--format", "csv", "--store", store])
    assert as_csv.output.splitlines() == ["label", "Alibaba", "Xiaohongshu"]


def test_query_from_file(store, tmp_path):
    f = tmp_path / "q.rq"
    f.write_text("ASK { ?s kg:invested_in ?o }")
    result = runner.invoke(app, ["query", "--file", str(f), "--store", store])
    assert result.exit_code == 0 and result.output.strip() == "true"


@pytest.mark.parametrize(
    "query", ["DELETE WHERE { ?s ?p ?o }", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"]
)
def test_query_refusals_exit_nonzero_with_message(store, query):
    result = runner.invoke(app, ["query", query, "--store", store])
    assert result.exit_code == 1 and "error:" in result.output


def test_remove_unknown_document(store):
    result = runner.invoke(app, ["remove", "nope", "--store", store])
    assert result.exit_code == 1 and "no document 'nope'" in result.output


def test_remove_document(store, sample_extraction):
    result = runner.invoke(app, ["remove", sample_extraction.document.id, "--store", store])
    assert result.exit_code == 0
    figures = json.loads(runner.invoke(app, ["stats", "--store", store, "--json"]).output)
    assert figures["documents"] == 0


def test_build_reports_each_bad_file(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bad-utf8.md").write_bytes(b"\xff\xfe bad")
    (corpus / "bad-front.md").write_text("---\ntitle: [x\n---\nText.")
    (corpus / "empty.md").write_text("")
    result = runner.invoke(app, ["build", str(corpus), "--store", str(tmp_path / "store"), "--quiet"])
    assert result.exit_code == 1
    for name, reason in [
        ("bad-utf8.md", "not valid UTF-8"),
        ("bad-front.md", "not valid YAML"),
        ("empty.md", "no article text"),
    ]:
        assert name in result.output and reason in result.output
    assert "3 failed" in result.output


def test_settings_lists_every_setting():
    from kg.settings import describe

    result = runner.invoke(app, ["settings"])
    assert result.exit_code == 0 and all(name in result.output for name, _, _ in describe())


def test_truncated_construct_counts_its_triples(store):
    result = runner.invoke(
        app, ["query", "CONSTRUCT WHERE { ?s ?p ?o }", "--store", store], env={"KG_QUERY_ROW_LIMIT": "3"}
    )
    assert result.exit_code == 0, result.output
    assert "(truncated at 3 triples" in result.output


def test_query_file_not_utf8_is_a_clear_error(store, tmp_path):
    f = tmp_path / "q.rq"
    f.write_bytes(b"ASK { ?s ?p \xff }")
    result = runner.invoke(app, ["query", "--file", str(f), "--store", store])
    assert result.exit_code == 2 and f"cannot read query file {f}" in result.output and "UTF-8" in result.output


@pytest.mark.parametrize("command", [["build", "--quiet"], ["stats"], ["settings"], ["export"]])
def test_bad_setting_in_environment_is_a_message(monkeypatch, command):
    monkeypatch.setenv("KG_QUERY_ROW_LIMIT", "lots")
    result = runner.invoke(app, command)
    assert result.exit_code == 1 and "KG_QUERY_ROW_LIMIT" in result.output and "Traceback" not in result.output


def test_export_to_unwritable_path_is_a_message(store, tmp_path):
    result = runner.invoke(
        app, ["export", "--format", "ttl", "--out", str(tmp_path / "missing" / "g.ttl"), "--store", store]
    )
    assert result.exit_code == 1 and "cannot write" in result.output
