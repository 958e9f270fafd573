"""`kg curate …` and `kg curations`: the command line of :mod:`kg.curate`, registered by :mod:`kg.cli`.

Each command parses its arguments and calls one library function; a bad value ends with the library's message
(which names it and the fix) and exit status 1.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from kg.errors import KGError
from kg.settings import Settings

if TYPE_CHECKING:
    from kg.curate import Curation

curate_app = typer.Typer(
    help="Correct the graph: each curation is recorded (who, when, why) and re-applied on every build.",
    no_args_is_help=True,
)

StoreOption = typer.Option(None, "--store", help="Store directory or SPARQL server URL (setting: store, env KG_STORE).")
NoteOption = typer.Option("", "--note", "-m", help="Why (shown beside the curation).")
CuratorOption = typer.Option(None, "--curator", help="Your name (setting: curator; default: the login name).")
DocumentOption = typer.Option("", "--document", "-d", help="Only as this document reports it (a document id).")


def _settings(store: str | None, curator: str | None = None) -> Settings:
    try:
        return Settings.load(store=store, curator=curator)
    except KGError as e:
        _fail(e)
        raise  # unreachable: _fail exits


def _fail(error: KGError) -> None:
    typer.echo(f"error: {error}", err=True)
    raise typer.Exit(1)


def _done(curation: Curation) -> None:
    typer.echo(f"{curation.id}  {curation.action} {curation.describe()}  ({curation.curator}, {curation.at})")


def _run(call) -> None:
    try:
        _done(call())
    except KGError as e:
        _fail(e)


@curate_app.command("reject")
def reject(
    subject: str,
    predicate: str,
    object: str,
    document: str = DocumentOption,
    note: str = NoteOption,
    curator: str | None = CuratorOption,
    store: str | None = StoreOption,
) -> None:
    """The fact SUBJECT PREDICATE OBJECT (entity keys, a relation) is wrong: it leaves the graph on every build."""
    from kg import curate

    _run(lambda: curate.reject(_settings(store, curator), subject, predicate, object, document=document, note=note))


@curate_app.command("confirm")
def confirm(
    subject: str,
    predicate: str,
    object: str,
    document: str = DocumentOption,
    note: str = NoteOption,
    curator: str | None = CuratorOption,
    store: str | None = StoreOption,
) -> None:
    """The fact SUBJECT PREDICATE OBJECT is right: it is marked confirmed."""
    from kg import curate

    _run(lambda: curate.confirm(_settings(store, curator), subject, predicate, object, document=document, note=note))


@curate_app.command("merge")
def merge(
    entity: str,
    into: str,
    note: str = NoteOption,
    curator: str | None = CuratorOption,
    store: str | None = StoreOption,
) -> None:
    """ENTITY is the same thing as INTO: it becomes an alias of INTO everywhere."""
    from kg import curate

    _run(lambda: curate.merge(_settings(store, curator), entity, into, note=note))


@curate_app.command("split-alias")
def split_alias(
    entity: str,
    alias: str,
    type: str = typer.Option("", "--type", help="The new entity's type."),
    note: str = NoteOption,
    curator: str | None = CuratorOption,
    store: str | None = StoreOption,
) -> None:
    """ALIAS names another thing than ENTITY: it becomes an entity of its own."""
    from kg import curate

    _run(lambda: curate.split_alias(_settings(store, curator), entity, alias, type=type, note=note))


@curate_app.command("set-type")
def set_type(
    entity: str,
    type: str,
    note: str = NoteOption,
    curator: str | None = CuratorOption,
    store: str | None = StoreOption,
) -> None:
    """ENTITY is of TYPE (Organization, Person, Program, Event, Place, Other)."""
    from kg import curate

    _run(lambda: curate.set_type(_settings(store, curator), entity, type, note=note))


@curate_app.command("add-alias")
def add_alias(
    entity: str,
    alias: str,
    chinese: bool = typer.Option(False, "--chinese", help="A Chinese name (tagged zh)."),
    note: str = NoteOption,
    curator: str | None = CuratorOption,
    store: str | None = StoreOption,
) -> None:
    """ALIAS is another name of ENTITY."""
    from kg import curate

    _run(lambda: curate.add_alias(_settings(store, curator), entity, alias, chinese=chinese, note=note))


@curate_app.command("rename")
def rename(
    entity: str,
    label: str,
    note: str = NoteOption,
    curator: str | None = CuratorOption,
    store: str | None = StoreOption,
) -> None:
    """LABEL is ENTITY's preferred name; the names it had become aliases."""
    from kg import curate

    _run(lambda: curate.rename(_settings(store, curator), entity, label, note=note))


@curate_app.command("distinct")
def distinct(
    entity: str,
    other: str,
    note: str = NoteOption,
    curator: str | None = CuratorOption,
    store: str | None = StoreOption,
) -> None:
    """ENTITY and OTHER look alike but are different things (the Review page stops pairing them)."""
    from kg import curate

    _run(lambda: curate.distinct(_settings(store, curator), entity, other, note=note))


@curate_app.command("add-fact")
def add_fact(
    subject: str,
    predicate: str,
    object: str,
    document: str = typer.Option("", "--document", "-d", help="The document that states it (a document id)."),
    sentence: str = typer.Option("", "--sentence", help="The sentence that states it, as in the document."),
    start: int | None = typer.Option(None, help="Offset of the sentence in the document's text."),
    end: int | None = typer.Option(None, help="Offset just past the sentence."),
    url: str = typer.Option("", "--url", help="Or: the address of an external source that states it."),
    date: str = typer.Option("", "--date", help="When it holds or happened: YYYY, YYYY-MM or YYYY-MM-DD."),
    note: str = NoteOption,
    curator: str | None = CuratorOption,
    store: str | None = StoreOption,
) -> None:
    """A fact the extractor missed, citing a stored document's sentence (offsets checked) or a source URL."""
    from kg import curate

    _run(
        lambda: curate.add_fact(
            _settings(store, curator),
            subject,
            predicate,
            object,
            document=document,
            start=start,
            end=end,
            sentence=sentence,
            url=url,
            date=date,
            note=note,
        )
    )


@curate_app.command("undo")
def undo(
    target: str = typer.Argument("", help="The id of the curation to undo (default: the last one in force)."),
    note: str = NoteOption,
    curator: str | None = CuratorOption,
    store: str | None = StoreOption,
) -> None:
    """Undo a curation: the graph is as if it had not been made (the record stays, with the undo after it)."""
    from kg import curate

    _run(lambda: curate.undo(_settings(store, curator), target, note=note))


@curate_app.command("apply")
def apply(store: str | None = StoreOption) -> None:
    """Re-apply the curations file to the store (after editing it by hand or pulling a team's copy)."""
    from kg import curate

    try:
        n = curate.apply_curations(_settings(store))
    except KGError as e:
        _fail(e)
    typer.echo(f"curations applied: {n} graph(s) rewritten")


@curate_app.command("export")
def export(
    out: Path | None = typer.Option(None, "--out", "-o", help="Output file (default: standard output)."),
    in_force: bool = typer.Option(False, "--in-force", help="Only the curations in force (no history)."),
    store: str | None = StoreOption,
) -> None:
    """Write the store's curations (JSON Lines) for a colleague to import."""
    from kg import curate

    try:
        data = curate.export_curations(_settings(store), in_force_only=in_force)
        if out:
            out.write_bytes(data)
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
    except KGError as e:
        _fail(e)
    except OSError as e:
        _fail(KGError(f"cannot write {out}: {e.strerror or e}; choose a writable path"))


@curate_app.command("import")
def import_(
    file: Path = typer.Argument(..., help="A curations file (from `kg curate export`)."),
    theirs: bool = typer.Option(False, "--theirs", help="On a conflict, take the imported decision."),
    store: str | None = StoreOption,
) -> None:
    """Merge another curations file into the store's; conflicts (same fact or entity, another decision) are listed.

    Exit status 2 when there were conflicts (left out, unless --theirs)."""
    from kg import curate

    try:
        report = curate.import_curations(_settings(store), file, prefer_theirs=theirs)
    except KGError as e:
        _fail(e)
    for r in report.added:
        typer.echo(f"imported: {r.id}  {r.action} {r.describe()}  ({r.curator})")
    for theirs_, ours in report.conflicts:
        taken = "taken" if theirs else "left out"
        typer.echo(
            f"conflict ({taken}): theirs {theirs_.id} {theirs_.action} {theirs_.describe()} ({theirs_.curator}) "
            f"vs ours {ours.id} {ours.action} {ours.describe()} ({ours.curator})",
            err=True,
        )
    typer.echo(
        f"{len(report.added)} imported, {len(report.duplicates)} already here, {len(report.conflicts)} conflicts"
    )
    if report.conflicts:
        raise typer.Exit(2)


@curate_app.command("promote")
def promote(
    to: Path = typer.Option(..., "--to", help="The KB file to write (YAML; load it with KG_KB_PATHS)."),
    store: str | None = StoreOption,
) -> None:
    """Write the merges, aliases, types and names in force as a user knowledge-base file."""
    from kg import curate
    from kg.store import open_reader

    try:
        settings = _settings(store)
        report = curate.promote(settings, open_reader(settings), to)
    except KGError as e:
        _fail(e)
    for why in report.skipped:
        typer.echo(f"not promoted: {why}", err=True)
    typer.echo(f"wrote {len(report.entities)} entities to {to}; add it to KG_KB_PATHS to use it")


def curations(
    stale: bool = typer.Option(False, "--stale", help="Only the curations in force that match nothing in the store."),
    every: bool = typer.Option(False, "--all", help="Also the undone and superseded ones."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON Lines."),
    store: str | None = StoreOption,
) -> None:
    """List the curations: id, status, action, what, who, when, why. Exit status 1 with --stale when some are stale."""
    from kg import curate
    from kg.store import open_reader

    try:
        settings = _settings(store)
        rows = curate.listing(settings, open_reader(settings))
    except KGError as e:
        _fail(e)
    shown = [r for r in rows if (r.stale if stale else every or r.status == "active")]
    for r in shown:
        c = r.curation
        status = "stale" if r.stale else r.status
        if as_json:
            typer.echo(json.dumps({**c.to_json(), "status": status}, ensure_ascii=False))
        else:
            why = f"  — {c.note}" if c.note else ""
            typer.echo(f"{c.id}  {status:<10} {c.action:<11} {c.describe()}  ({c.curator}, {c.at}){why}")
    if not as_json:
        typer.echo(f"({len(shown)} of {len(rows)} curations)", err=True)
    if stale and shown:
        raise typer.Exit(1)
