"""The `kg` command line: each command parses its arguments and calls one library function."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import NoReturn

import typer

from kg.errors import KGError
from kg.settings import Settings, describe

app = typer.Typer(
    help="kg-explorer: a knowledge graph of China's platform economy, from articles.", no_args_is_help=True
)

StoreOption = typer.Option(None, "--store", help="Store directory or SPARQL server URL (setting: store, env KG_STORE).")


def _settings(**kw) -> Settings:
    return Settings.load(**kw)


def _fail(error: KGError, code: int = 1) -> NoReturn:
    typer.echo(f"error: {error}", err=True)
    raise typer.Exit(code)


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as e:
        _fail(KGError(f"cannot write {path}: {e.strerror or e}; choose a writable path"))


@app.command()
def build(
    paths: list[Path] = typer.Argument(None, help="Article files or directories (default: the corpus setting)."),
    store: str | None = StoreOption,
    n_process: int | None = typer.Option(None, help="spaCy worker processes (setting: n_process)."),
    batch_size: int | None = typer.Option(None, help="Documents per nlp.pipe batch (setting: batch_size)."),
    cluster: str | None = typer.Option(
        None, help="Extract on a Dask cluster: local:N or tcp://HOST:8786 (setting: cluster)."
    ),
    prune: bool = typer.Option(
        False, "--prune", help="Also remove the documents whose files are gone from PATHS (says which)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Build or update the graph from articles; unchanged files are skipped.

    Exit status: 0 when every article was written; 1 when some could not be (each is named); 3 when the
    store refused a write (a full disk) or could not publish what was written: the build stopped, and it
    says which files were written, which were not and why, and which readers do not see yet.
    """
    from rich.progress import Progress as Bar

    from kg.build import build as run_build

    try:
        settings = _settings(store=store, n_process=n_process, batch_size=batch_size, cluster=cluster)
        with Bar(disable=quiet, transient=True) as bar:
            task = bar.add_task("extracting", total=None)
            report = run_build(
                settings,
                paths or None,
                prune=prune,
                progress=lambda done, total, what: bar.update(
                    task, completed=done, total=total, description=Path(what).name
                ),
            )
    except KGError as e:
        _fail(e)
    for path, reason in report.skipped:
        typer.echo(f"skipped: {path}: {reason}", err=True)
    for path, doc_id in report.pruned:
        typer.echo(f"pruned: {path} (document {doc_id}): its file is gone")
    stopped = bool(report.store_error or report.publish_error)
    if stopped:  # a file-by-file account: what is in the store, what readers see, what is not written and why
        unseen = set(report.unpublished)
        for path in report.added:
            typer.echo(f"written, not yet visible to readers: {path}" if path in unseen else f"written: {path}")
    for error in report.failed:
        typer.echo(f"{'not written' if stopped else 'failed'}: {error}", err=True)
    for path, doc_id in report.duplicates:
        typer.echo(f"skipped: {path} has the same text as document {doc_id}", err=True)
    skipped = f"{len(report.skipped)} skipped, " if report.skipped else ""
    skipped += f"{len(report.pruned)} pruned, " if prune else ""
    typer.echo(
        f"{len(report.added)} added or updated, {len(report.unchanged)} unchanged, "
        f"{len(report.duplicates)} duplicates, "
        f"{skipped}{len(report.failed)} failed; {report.words} words in {report.seconds:.1f} s → {settings.store}"
    )
    if report.store_error:
        typer.echo(f"error: the store could not be written, so the build stopped: {report.store_error}", err=True)
    if report.publish_error:
        typer.echo(f"error: {report.publish_error}", err=True)
    if stopped:
        typer.echo(
            "make room on the store's disk (or fix it) and run `kg build` again: it skips the files written "
            "and writes and publishes the rest",
            err=True,
        )
        raise typer.Exit(3)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def add(
    file: Path = typer.Argument(..., help="An article (.md, .txt, .html)."),
    title: str | None = typer.Option(None, help="Title (overrides front matter)."),
    published: str | None = typer.Option(None, help="Publication date: YYYY, YYYY-MM or YYYY-MM-DD."),
    store: str | None = StoreOption,
) -> None:
    """Extract one article and add it to the graph atomically."""
    from kg.build import add_document

    try:
        result = add_document(_settings(store=store), file, title=title, published=published)
    except KGError as e:
        _fail(e)
    if result.added:
        typer.echo(
            f"added {result.document_id} ({result.title}): {result.entities} entities, {result.relations} relations"
        )
    else:
        typer.echo(f"unchanged: the same text is already document {result.document_id}")


@app.command()
def remove(
    doc_id: str = typer.Argument(..., help="Document id (see `kg stats --documents`)."), store: str | None = StoreOption
) -> None:
    """Remove a document and every fact read from it."""
    from kg.build import remove_document

    try:
        removed = remove_document(_settings(store=store), doc_id)
    except KGError as e:
        _fail(e)
    if not removed:
        _fail(KGError(f"no document {doc_id!r} in the store; list them with `kg stats --documents`"))
    typer.echo(f"removed {doc_id}")


def _read_query_file(file: Path) -> str:
    """The query in ``file``; a missing or non-UTF-8 file ends the command with an error naming it."""
    try:
        return file.read_text(encoding="utf-8")
    except OSError as e:
        _fail(KGError(f"cannot read query file {file}: {e.strerror}"), 2)
    except UnicodeDecodeError as e:
        _fail(
            KGError(
                f"cannot read query file {file}: byte {e.object[e.start]:#04x} at offset {e.start} is not UTF-8; "
                "save the query as UTF-8"
            ),
            2,
        )


@app.command()
def query(
    sparql: str | None = typer.Argument(None, help="A SPARQL query (or use --file)."),
    file: Path | None = typer.Option(None, "--file", "-f", help="Read the query from a file."),
    format: str = typer.Option(
        "table", "--format", help="table, csv, tsv, json, xml (SELECT/ASK); turtle, ntriples, jsonld (CONSTRUCT)."
    ),
    store: str | None = StoreOption,
) -> None:
    """Run a read-only SPARQL query through the guarded query path."""
    from kg.query import run_user_query

    if sparql is not None and file is None:
        text = sparql
    elif file is None or sparql is not None:
        _fail(KGError("give a query as an argument or with --file, not both"), 2)
    else:
        text = _read_query_file(file)
    try:
        result = run_user_query(text, _settings(store=store))
        if format == "table":
            typer.echo(_table(result))
        else:
            sys.stdout.buffer.write(result.serialize(format))
            sys.stdout.flush()
    except KGError as e:
        _fail(e)
    if result.truncated:
        shown = f"{len(result.triples)} triples" if result.kind == "construct" else f"{len(result.rows)} rows"
        typer.echo(f"(truncated at {shown}: raise KG_QUERY_ROW_LIMIT or add LIMIT)", err=True)


def _table(result) -> str:
    if result.kind == "ask":
        return "true" if result.boolean else "false"
    if result.kind == "construct":
        return "\n".join(str(t) + " ." for t in result.triples)
    cells = [[("" if v is None else v.value) for v in row] for row in result.rows]
    widths = [min(60, max([len(c)] + [len(r[i]) for r in cells])) for i, c in enumerate(result.columns)]
    line = lambda values: " | ".join(v[:60].ljust(w) for v, w in zip(values, widths, strict=True))  # noqa: E731
    return "\n".join(
        [line(result.columns), "-+-".join("-" * w for w in widths), *map(line, cells), f"({len(cells)} rows)"]
    )


@app.command()
def stats(
    store: str | None = StoreOption,
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    documents: bool = typer.Option(False, "--documents", help="List the documents too."),
) -> None:
    """Counts of documents, entities by type, relations by predicate, events and quantities."""
    from kg.stats import graph_stats
    from kg.store import open_reader

    try:
        reader = open_reader(_settings(store=store))
        figures = graph_stats(reader)
        if documents:
            figures["document_list"] = [
                {"id": d.id, "title": d.title, "path": d.source_path} for d in reader.documents()
            ]
    except KGError as e:
        _fail(e)
    if as_json:
        typer.echo(json.dumps(figures, indent=2, ensure_ascii=False))
        return
    typer.echo(f"documents: {figures['documents']}   quads: {figures['quads']}   last built: {figures['built_at']}")
    typer.echo("entities:  " + ", ".join(f"{k} {v}" for k, v in figures["entities"].items()))
    typer.echo("relations: " + ", ".join(f"{k} {v}" for k, v in figures["relations"].items()))
    typer.echo(
        f"statements: {figures['statements']}   events: {figures['events']}   quantities: {figures['quantities']}   "
        f"co-mention pairs: {figures['comention_pairs']}"
    )
    for d in figures.get("document_list", []):
        typer.echo(f"  {d['id']}  {d['path']}  {d['title']}")


@app.command()
def export(
    format: str = typer.Option("ttl", "--format", help="ttl, trig, nq, jsonld, jsonl, graphml, gexf or csv."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Output file (default: standard output)."),
    store: str | None = StoreOption,
) -> None:
    """Export the whole graph."""
    from kg.export import export_graph
    from kg.store import open_reader

    try:
        data = export_graph(open_reader(_settings(store=store)), format)
    except KGError as e:
        _fail(e)
    if out:
        _write(out, data)
        typer.echo(f"wrote {len(data)} bytes to {out}", err=True)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


@app.command("eval")
def evaluate(
    annotations: list[Path] = typer.Argument(..., help="Annotation YAML files (format: docs/evaluation.md)."),
    json_out: Path | None = typer.Option(None, "--json", help="Also write the figures as JSON to this file."),
    calibrate: bool = typer.Option(
        False,
        "--calibrate",
        help="Write each rule's measured precision, as its confidence, to the file KG_RULE_PRECISION.",
    ),
) -> None:
    """Precision, recall and F1 of extraction against annotated articles."""
    from kg import evaluate as ev

    try:
        report = ev.evaluate(annotations, _settings())
        if calibrate:
            ev.calibrate(report)
    except KGError as e:
        _fail(e)
    typer.echo(report.to_table())
    if json_out:
        _write(json_out, json.dumps(report.to_json(), indent=2, ensure_ascii=False).encode("utf-8"))


@app.command()
def serve(
    host: str | None = typer.Option(None, help="Address to bind (setting: host; default 127.0.0.1)."),
    port: int | None = typer.Option(None, help="Port (setting: port)."),
    store: str | None = StoreOption,
) -> None:
    """Serve the graph as a read-only SPARQL 1.1 Protocol endpoint."""
    from kg.serve import serve as run_server

    try:
        run_server(_settings(store=store, host=host, port=port))
    except KGError as e:
        _fail(e)


@app.command()
def push(
    to: str = typer.Option(
        ..., "--to", help="URL of a SPARQL server with the Graph Store Protocol (e.g. http://127.0.0.1:7878)."
    ),
    store: str | None = StoreOption,
) -> None:
    """Make a triplestore server mirror the local store: every graph copied, and every document graph on the
    server that the local store no longer has (removed, or a changed file's old text) dropped and named.
    Each document's change is one request, whole or not at all; pushing twice changes nothing."""
    from kg.push import push as run_push

    try:
        settings = _settings(store=store)
        report = run_push(settings, to, settings)
    except KGError as e:
        _fail(e)
    for removed in report.removed:
        path = f" ({removed.source_path})" if removed.source_path else ""
        why = f"replaced by {removed.replaced_by}" if removed.replaced_by else "not in the local store"
        typer.echo(f"removed from {to}: {removed.id}{path}: {why}")
    n = len(report.removed)
    dropped = f"; {n} document graph{'s' if n != 1 else ''} removed" if n else ""
    typer.echo(f"pushed {report.graphs} graphs to {to}{dropped}")


from kg.cli_curate import curate_app, curations  # noqa: E402 - after app: the curation commands join it

app.add_typer(curate_app, name="curate")
app.command("curations")(curations)


@app.command("settings")
def show_settings() -> None:
    """List every setting with its current value and what it does."""
    try:
        current = _settings()
    except KGError as e:
        _fail(e)
    for name, default, help_text in describe():
        typer.echo(
            f"{name} = {getattr(current, name)!r}  (default {default!r}, env KG_{name.upper()})\n    {help_text}"
        )


if __name__ == "__main__":
    app()
