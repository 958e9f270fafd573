"""Curating a store: each action checked against the store, recorded in its curations file and applied at once.

Every function here opens the store's writer (so a curation never races a build), checks what the curation
names — entities, relation, document and offsets — against what is stored, appends the record and re-applies
the curations (:func:`kg.curate.apply.reapply`). A bad value raises :class:`CurationError` naming it and the fix.
"""

from __future__ import annotations

import getpass
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import yaml

from kg.curate.apply import Curations, curations_path, document_text, entity, matched, reapply
from kg.curate.records import (
    AddAlias,
    AddFact,
    Confirm,
    Curation,
    CurationError,
    Distinct,
    EntityCuration,
    FactCuration,
    Merge,
    Reject,
    Rename,
    SetType,
    SplitAlias,
    Undo,
    active,
    append_curations,
    fact_key,
    now,
    read_curations,
    statuses,
)
from kg.errors import KnowledgeBaseError
from kg.graphs import GraphReader, graph_node
from kg.iri import normalise_name
from kg.settings import Settings
from kg.store import open_writer
from kg.vocab import ENTITY_TYPES, KG, RELATIONS, SYMMETRIC_RELATIONS

_KG = str(KG._NS)
_LABELS = f"<http://www.w3.org/2000/01/rdf-schema#label>|<{_KG}mentionedLabel>"
_EXISTS = f"ASK {{ {{ ?e a ?t }} UNION {{ ?e {_LABELS} ?l }} }}"
_NAMES = f"SELECT DISTINCT ?l WHERE {{ ?e {_LABELS}|<http://www.w3.org/2004/02/skos/core#altLabel> ?l }}"
_LABEL = f"SELECT ?l WHERE {{ ?e {_LABELS} ?l }}"
_TYPES = "SELECT DISTINCT ?t WHERE { ?e a ?t }"
_BY_NAME = f"SELECT DISTINCT ?e WHERE {{ ?e {_LABELS}|<http://www.w3.org/2004/02/skos/core#altLabel> ?name }} LIMIT 5"
_FACT = "ASK { ?s ?p ?o }"
_FACT_IN = "ASK { GRAPH ?g { ?s ?p ?o } }"
_MAX_TEXT = 300  # longest alias, label or note a curation takes


def curator_name(settings: Settings) -> str:
    """Who curates: the ``curator`` setting, else the login name."""
    if settings.curator:
        return settings.curator
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def _text(value: str, what: str, limit: int = _MAX_TEXT) -> str:
    value = " ".join((value or "").split())
    if not value:
        raise CurationError(f"the {what} is empty; give a non-empty {what}")
    if len(value) > limit:
        raise CurationError(f"the {what} {value[:40]!r}… is {len(value)} characters; give at most {limit}")
    return value


def _ask(reader: GraphReader, query: str, **bindings: ox.NamedNode | ox.Literal) -> bool:
    return bool(reader.query(query, bindings))


def resolve_entity(reader: GraphReader, key: str, records: Iterable[Curation] = ()) -> str:
    """The key of the stored entity ``key`` names (its key, or a name that normalises to it)."""
    key = (key or "").strip()
    for candidate in dict.fromkeys((key, normalise_name(key))):
        if candidate and _ask(reader, _EXISTS, e=entity(candidate)):
            return candidate
    for c in active(records):
        if isinstance(c, Merge) and c.entity in (key, normalise_name(key)):
            raise CurationError(
                f"entity {key!r} was merged into {c.into!r} (curation {c.id}); curate {c.into!r}, or undo "
                f"the merge with `kg curate undo {c.id}`"
            )
    named = [row["e"].value.rsplit("/", 1)[-1] for row in reader.query(_BY_NAME, {"name": ox.Literal(key)})]
    hint = f" (the entity named {key!r} has the key {named[0]!r})" if named else ""
    raise CurationError(
        f"no entity {key!r} in the store{hint}; use an entity key as in the explorer's address "
        "(?entity=…) or `kg query`"
    )


def _predicate(predicate: str) -> str:
    if predicate not in RELATIONS:
        raise CurationError(f"relation {predicate!r} is not one of {', '.join(RELATIONS)}; use one of them")
    return predicate


def _type(type_: str) -> str:
    if type_ not in ENTITY_TYPES:
        raise CurationError(f"type {type_!r} is not one of {', '.join(ENTITY_TYPES)}; use one of them")
    return type_


def entity_type(reader: GraphReader, key: str) -> str:
    types = {row["t"].value.rsplit("#", 1)[-1] for row in reader.query(_TYPES, {"e": entity(key)})}
    return next((t for t in ENTITY_TYPES if t in types), "Other")


def entity_label(reader: GraphReader, key: str) -> str:
    labels = sorted({row["l"].value for row in reader.query(_LABEL, {"e": entity(key)})}, key=lambda n: (len(n), n))
    return labels[0] if labels else key


def entity_names(reader: GraphReader, key: str) -> list[str]:
    return sorted({row["l"].value for row in reader.query(_NAMES, {"e": entity(key)})})


def fact_exists(reader: GraphReader, subject: str, predicate: str, obj: str, document: str = "") -> bool:
    s, o, p = entity(subject), entity(obj), ox.NamedNode(_KG + predicate)
    ends = [(s, o), (o, s)] if predicate in SYMMETRIC_RELATIONS else [(s, o)]
    if document:
        return any(_ask(reader, _FACT_IN, s=a, p=p, o=b, g=graph_node(document)) for a, b in ends)
    return any(_ask(reader, _FACT, s=a, p=p, o=b) for a, b in ends)


def _document(reader: GraphReader, doc_id: str) -> str:
    """The stored text of document ``doc_id``; an error when there is none."""
    text = document_text(reader, doc_id)
    if not text:
        raise CurationError(f"no document {doc_id!r} in the store; list them with `kg stats --documents`")
    return text


def cite(
    text: str, doc_id: str, start: int | None = None, end: int | None = None, sentence: str = ""
) -> tuple[int, int, str]:
    """(start, end, sentence) of a citation of document ``doc_id`` (its stored ``text``): offsets checked against it;
    a sentence without offsets is looked up (it must occur once).

    >>> cite("Ann met Bo. Bo left.", "d", sentence="Bo left.")
    (12, 20, 'Bo left.')
    >>> cite("Ann met Bo.", "d", 0, 3, "Bob")
    Traceback (most recent call last):
    ...
    kg.curate.records.CurationError: document 'd' has 'Ann' at [0:3], not 'Bob'; give the offsets of the cited sentence
    """
    if start is None or end is None:
        if not sentence.strip():
            raise CurationError(f"cite document {doc_id!r} with a sentence or with start and end offsets")
        found = [m.start() for m in re.finditer(re.escape(sentence), text)]
        if len(found) != 1:
            where = "does not contain" if not found else f"contains {len(found)} times"
            raise CurationError(
                f"document {doc_id!r} {where} the sentence {sentence[:60]!r}; give its start and end offsets"
            )
        return found[0], found[0] + len(sentence), sentence
    if not 0 <= start < end <= len(text):
        raise CurationError(
            f"offsets [{start}:{end}] are outside document {doc_id!r} (0–{len(text)}); give offsets within it"
        )
    if sentence and text[start:end] != sentence:
        raise CurationError(
            f"document {doc_id!r} has {text[start:end][:60]!r} at [{start}:{end}], not {sentence[:60]!r}; "
            "give the offsets of the cited sentence"
        )
    return start, end, text[start:end]


def _date(date: str) -> str:
    if date and not re.fullmatch(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?", date):
        raise CurationError(f"date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD; write it so")
    return date


def _url(url: str) -> str:
    if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", url):
        raise CurationError(f"source URL {url!r} is not an http(s) URL; give the address of the source")
    return url


# --- recording --------------------------------------------------------------------------------------


def _record(settings: Settings, make: Callable[[GraphReader, list[Curation]], Curation]) -> Curation:
    """Check and make a curation with the store's writer held, append it and apply the curations."""
    path = curations_path(settings)
    with open_writer(settings) as writer:
        records = read_curations(path)
        curation = make(writer, records)
        for c in active(records):
            if c.key() == curation.key() and c.decision() == curation.decision():
                raise CurationError(
                    f"already curated so: {c.action} {c.describe()} (curation {c.id} by {c.curator}); "
                    f"nothing to do, or undo it with `kg curate undo {c.id}`"
                )
        append_curations(path, [curation])
        # the graphs this curation, what it undoes and what it supersedes or brings back can alter
        target = curation.target if isinstance(curation, Undo) else ""
        changed = [r for r in records if r.id == target or r.key() == curation.key()]
        for r in records:
            if r.id == target:
                changed += [x for x in records if x.key() == r.key()]
        reapply(writer, Curations(settings), [curation, *changed])
    return curation


def _who(settings: Settings, note: str) -> dict[str, str]:
    return {"curator": curator_name(settings), "at": now(), "note": " ".join((note or "").split())[:2000]}


def _fact(
    settings: Settings, kind: type[FactCuration], subject: str, predicate: str, obj: str, document: str, note: str
) -> Curation:
    def make(reader: GraphReader, records: list[Curation]) -> Curation:
        s, o, p = resolve_entity(reader, subject, records), resolve_entity(reader, obj, records), _predicate(predicate)
        if document:
            _document(reader, document)
        if kind is Reject and not fact_exists(reader, s, p, o, document):
            where = f" in document {document!r}" if document else ""
            raise CurationError(
                f"no fact {s} {p} {o}{where} in the store (already rejected? see `kg curations`); "
                "name a fact the entity page shows"
            )
        s, p, o = fact_key(s, p, o)
        return kind(subject=s, predicate=p, object=o, document=document, **_who(settings, note))

    return _record(settings, make)


def reject(
    settings: Settings, subject: str, predicate: str, obj: str, *, document: str = "", note: str = ""
) -> Curation:
    """The fact is wrong (in ``document`` only, when given): it is taken out of the graph on every build."""
    return _fact(settings, Reject, subject, predicate, obj, document, note)


def confirm(
    settings: Settings, subject: str, predicate: str, obj: str, *, document: str = "", note: str = ""
) -> Curation:
    """The fact is right: it is marked confirmed (who, when, why)."""
    return _fact(settings, Confirm, subject, predicate, obj, document, note)


def merge(settings: Settings, entity_key: str, into: str, *, note: str = "") -> Curation:
    """``entity_key`` is ``into``: it becomes an alias of ``into`` everywhere."""

    def make(reader: GraphReader, records: list[Curation]) -> Curation:
        a, b = resolve_entity(reader, entity_key, records), resolve_entity(reader, into, records)
        if a == b:
            raise CurationError(f"cannot merge {a!r} into itself; name two different entities")
        return Merge(entity=a, into=b, label=entity_label(reader, a), **_who(settings, note))

    return _record(settings, make)


def split_alias(settings: Settings, entity_key: str, alias: str, *, type: str = "", note: str = "") -> Curation:
    """``alias`` is not a name of the entity but of another (of type ``type``, default the entity's)."""

    def make(reader: GraphReader, records: list[Curation]) -> Curation:
        e = resolve_entity(reader, entity_key, records)
        names = entity_names(reader, e)
        if normalise_name(alias) not in {normalise_name(n) for n in names}:
            raise CurationError(f"{alias!r} is not a name of {e!r} (its names: {', '.join(names)}); give one of them")
        if normalise_name(alias) == e:
            raise CurationError(
                f"{alias!r} is the name the entity {e!r} is keyed on; split another alias, or merge instead"
            )
        return SplitAlias(
            entity=e,
            alias=_text(alias, "alias"),
            type=_type(type) if type else entity_type(reader, e),
            **_who(settings, note),
        )

    return _record(settings, make)


def set_type(settings: Settings, entity_key: str, type: str, *, note: str = "") -> Curation:
    def make(reader: GraphReader, records: list[Curation]) -> Curation:
        return SetType(entity=resolve_entity(reader, entity_key, records), type=_type(type), **_who(settings, note))

    return _record(settings, make)


def add_alias(settings: Settings, entity_key: str, alias: str, *, chinese: bool = False, note: str = "") -> Curation:
    """Another name of the entity (``chinese``: a Chinese name, tagged ``zh``)."""

    def make(reader: GraphReader, records: list[Curation]) -> Curation:
        return AddAlias(
            entity=resolve_entity(reader, entity_key, records),
            alias=_text(alias, "alias"),
            language="zh" if chinese else "",
            **_who(settings, note),
        )

    return _record(settings, make)


def rename(settings: Settings, entity_key: str, label: str, *, note: str = "") -> Curation:
    """The entity's preferred label; the names it had become aliases."""

    def make(reader: GraphReader, records: list[Curation]) -> Curation:
        return Rename(
            entity=resolve_entity(reader, entity_key, records), label=_text(label, "label"), **_who(settings, note)
        )

    return _record(settings, make)


def distinct(settings: Settings, entity_key: str, other: str, *, note: str = "") -> Curation:
    """Two look-alike entities are different things: the review queue stops pairing them."""

    def make(reader: GraphReader, records: list[Curation]) -> Curation:
        a, b = sorted((resolve_entity(reader, entity_key, records), resolve_entity(reader, other, records)))
        return Distinct(entity=a, other=b, **_who(settings, note))

    return _record(settings, make)


def add_fact(
    settings: Settings,
    subject: str,
    predicate: str,
    obj: str,
    *,
    document: str = "",
    start: int | None = None,
    end: int | None = None,
    sentence: str = "",
    url: str = "",
    date: str = "",
    note: str = "",
) -> Curation:
    """A fact the extractor missed, citing a stored document's sentence (offsets checked) or a source URL."""

    def make(reader: GraphReader, records: list[Curation]) -> Curation:
        s, o, p = resolve_entity(reader, subject, records), resolve_entity(reader, obj, records), _predicate(predicate)
        if bool(document) == bool(url):
            raise CurationError(
                "cite the fact with a document (and its sentence or offsets) or with a source URL, one of them"
            )
        at = (-1, -1, "")
        if document:
            at = cite(_document(reader, document), document, start, end, sentence)
        s, p, o = fact_key(s, p, o)
        return AddFact(
            subject=s,
            predicate=p,
            object=o,
            document=document,
            start=at[0],
            end=at[1],
            sentence=at[2],
            url=_url(url) if url else "",
            date=_date(date),
            **_who(settings, note),
        )

    return _record(settings, make)


def undo(settings: Settings, target: str = "", *, note: str = "") -> Curation:
    """Undo the curation ``target`` (default: the last one in force); the graph is as if it had not been made."""

    def make(reader: GraphReader, records: list[Curation]) -> Curation:
        status = statuses(records)
        if not target:
            last = [r for r in records if status[r.id] == "active"]
            if not last:
                raise CurationError("there is no curation in force to undo; list them with `kg curations`")
            return Undo(target=last[-1].id, **_who(settings, note))
        if target not in status:
            raise CurationError(f"no curation {target!r}; list them with `kg curations`")
        if status[target] != "active":
            raise CurationError(
                f"curation {target!r} is {status[target]}, not in force; undo one that `kg curations` lists"
            )
        return Undo(target=target, **_who(settings, note))

    return _record(settings, make)


def apply_curations(settings: Settings) -> int:
    """Re-apply the curations file to the store (after editing it by hand); the number of graphs rewritten."""
    with open_writer(settings) as writer:
        return reapply(writer, Curations(settings))


# --- listing, sharing, promoting -----------------------------------------------------------------


@dataclass(frozen=True)
class Listed:
    curation: Curation
    status: str  # active | undone | superseded | undo
    stale: bool = False  # in force, but matches nothing in the store


def listing(settings: Settings, reader: GraphReader) -> list[Listed]:
    """Every record of the curations file, with its status and whether it is stale."""
    records = read_curations(curations_path(settings))
    status = statuses(records)
    in_force = [r for r in records if status[r.id] == "active"]
    hits = matched(reader, in_force)
    return [Listed(r, status[r.id], status[r.id] == "active" and r.id not in hits) for r in records]


@dataclass
class ImportReport:
    added: list[Curation] = field(default_factory=list)
    duplicates: list[Curation] = field(default_factory=list)  # already here (same id, or the same decision)
    conflicts: list[tuple[Curation, Curation]] = field(default_factory=list)  # (theirs, ours): same key, other decision


def import_curations(settings: Settings, source: str | Path, *, prefer_theirs: bool = False) -> ImportReport:
    """Merge another curations file into the store's: new records are appended; a record that decides otherwise on
    the same key as one in force here is a conflict, reported and left out (``prefer_theirs``: taken, so it wins)."""
    theirs = read_curations(source)
    if not Path(source).exists():
        raise CurationError(f"no curations file {source}; give the path of a file written by `kg curate export`")
    path = curations_path(settings)
    report = ImportReport()
    with open_writer(settings) as writer:
        ours = read_curations(path)
        ids = {r.id for r in ours}
        ours_in_force = {r.key(): r for r in active(ours)}
        their_status = statuses(theirs)
        for r in theirs:
            if r.id in ids:
                report.duplicates.append(r)
                continue
            mine = ours_in_force.get(r.key())
            if their_status[r.id] == "active" and mine is not None:
                if mine.decision() == r.decision():
                    report.duplicates.append(r)
                    continue
                report.conflicts.append((r, mine))
                if not prefer_theirs:
                    continue
            if isinstance(r, Undo) and r.target not in ids:
                continue  # it undoes a record left out here
            report.added.append(r)
            ids.add(r.id)
        append_curations(path, report.added)
        reapply(writer, Curations(settings))
    return report


def export_curations(settings: Settings, *, in_force_only: bool = False) -> bytes:
    """The store's curations file (every record, or only those in force) as JSON Lines."""
    records = read_curations(curations_path(settings))
    if in_force_only:
        records = active(records)
    return "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in records).encode("utf-8")


@dataclass
class PromoteReport:
    entities: list[dict] = field(default_factory=list)  # what the KB file holds
    skipped: list[str] = field(default_factory=list)  # why some curations were not promoted


def promote(settings: Settings, reader: GraphReader, to: str | Path) -> PromoteReport:
    """Write the merges, aliases, types and labels in force as a user KB file (``to``), which ``KG_KB_PATHS`` loads;
    checked by loading the whole KB with it before it is written."""
    from kg.kb import load_kb

    kb = load_kb(settings)
    report = PromoteReport()
    aliases: dict[str, set[str]] = defaultdict(set)
    types: dict[str, str] = {}
    labels: dict[str, str] = {}
    for c in active(read_curations(curations_path(settings))):
        if isinstance(c, Merge):
            aliases[c.into].update(n for n in (c.label,) if n)
        elif isinstance(c, AddAlias):
            aliases[c.entity].add(c.alias)
        elif isinstance(c, SetType):
            types[c.entity] = c.type
        elif isinstance(c, Rename):
            labels[c.entity] = c.label
        elif isinstance(c, SplitAlias):
            types.setdefault(c.new_key, c.type or "Other")
            labels.setdefault(c.new_key, c.alias)
    for key in sorted({*aliases, *types, *labels}):
        if key in kb.entities:
            report.skipped.append(
                f"{key}: already in the knowledge base ({key!r}); add its aliases, type or name to that entry by hand"
            )
            continue
        if not _ask(reader, _EXISTS, e=entity(key)):
            report.skipped.append(f"{key}: not in the store (stale curation); not promoted")
            continue
        label = labels.get(key) or entity_label(reader, key)
        names = sorted(a for a in aliases.get(key, ()) if normalise_name(a) != normalise_name(label))
        entry: dict = {"id": key, "name": label, "type": types.get(key) or entity_type(reader, key)}
        if names:
            entry["aliases"] = names
        report.entities.append(entry)
    text = "# Written by `kg curate promote` from the curations in force; load it with KG_KB_PATHS.\n" + yaml.safe_dump(
        {"entities": report.entities}, allow_unicode=True, sort_keys=False
    )
    to = Path(to)
    tmp = to.with_name(to.name + ".tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        load_kb(settings.replace(kb_paths=":".join(p for p in (settings.kb_paths, str(tmp)) if p)))
        tmp.replace(to)
    except KnowledgeBaseError as e:
        tmp.unlink(missing_ok=True)
        raise CurationError(
            f"the promoted entries do not fit the knowledge base: {e}; undo or change the curation "
            "that clashes, then promote again"
        ) from None
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise CurationError(f"cannot write {to}: {e.strerror or e}; choose a writable path") from None
    return report


# --- the curated state, as the explorer shows it ----------------------------------------------------


@dataclass(frozen=True)
class CurationIndex:
    """The curations in force, by the fact they are about and by each entity they name."""

    facts: dict[tuple[str, str, str], tuple[Curation, ...]]
    entities: dict[str, tuple[Curation, ...]]

    def of_fact(self, subject: str, predicate: str, obj: str) -> tuple[Curation, ...]:
        return self.facts.get(fact_key(subject, predicate, obj), ())

    def of_entity(self, key: str) -> tuple[Curation, ...]:
        return self.entities.get(key, ())


def curation_index(records: Iterable[Curation]) -> CurationIndex:
    facts: dict[tuple[str, str, str], list[Curation]] = defaultdict(list)
    entities: dict[str, list[Curation]] = defaultdict(list)
    for c in active(records):
        if isinstance(c, (FactCuration, AddFact)):
            facts[fact_key(c.subject, c.predicate, c.object)].append(c)
            entities[c.subject].append(c)
            entities[c.object].append(c)
        if isinstance(c, EntityCuration):
            entities[c.entity].append(c)
        if isinstance(c, Merge):
            entities[c.into].append(c)
        if isinstance(c, SplitAlias):
            entities[c.new_key].append(c)
        if isinstance(c, Distinct):
            entities[c.entity].append(c)
            entities[c.other].append(c)
    return CurationIndex({k: tuple(v) for k, v in facts.items()}, {k: tuple(v) for k, v in entities.items()})


def curation_summary(c: Curation) -> str:
    """ "rejected by ana on 2026-01-02: wrong company" — what a row shows of a curation."""
    verb = {
        "reject": "rejected",
        "confirm": "confirmed",
        "merge": f"merged ({c.describe()})",
        "add-fact": "added",
        "set-type": f"type set to {getattr(c, 'type', '')}",
        "rename": f"renamed to {getattr(c, 'label', '')!r}",
        "add-alias": f"alias {getattr(c, 'alias', '')!r} added",
        "split-alias": f"alias {getattr(c, 'alias', '')!r} split off",
        "distinct": f"kept apart ({c.describe()})",
    }.get(c.action, c.action)
    why = f": {c.note}" if c.note else ""
    return f"{verb} by {c.curator} on {c.at[:10]}{why}"
