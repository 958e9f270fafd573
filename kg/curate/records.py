"""Curations as records: one dataclass per action, and the JSON Lines file that keeps them.

A curation is keyed on what a rebuild keeps — entity keys (:mod:`kg.iri`), relation names and document
ids — never on a statement's hashed IRI. The file is append-only: undoing is one more record
(:class:`Undo`), and a later curation with the same :meth:`~Curation.key` supersedes an earlier one
(a type set twice: the second wins; a fact rejected, then confirmed: confirmed).

>>> r = Reject(subject="alibaba", predicate="partner_of", object="ant", curator="ana", at="2026-01-02T03:04:05+00:00")
>>> r.key(), r.id
(('fact', 'alibaba', 'partner_of', 'ant', ''), 'c16d434c08c0a')
>>> curation_from_json(r.to_json()) == r
True
"""

from __future__ import annotations

import dataclasses
import fcntl
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from kg.errors import KGError
from kg.iri import digest, normalise_name
from kg.vocab import SYMMETRIC_RELATIONS


class CurationError(KGError):
    """A curation names something the store does not have, or a curations file is malformed."""


def now() -> str:
    """The current UTC time, to the second, as curations record it."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, kw_only=True)
class Curation:
    """What every curation records: who, when, why, and its id (a hash of all of it unless given)."""

    action: ClassVar[str] = ""
    curator: str
    at: str
    note: str = ""
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", "c" + digest(self.action, *self.values(), self.curator, self.at, length=12))

    def values(self) -> tuple[Any, ...]:
        """The action's own fields, in order."""
        return tuple(getattr(self, f.name) for f in dataclasses.fields(self) if f.name not in _COMMON)

    def key(self) -> tuple[str, ...]:
        """What the curation decides about: a later curation with the same key supersedes it."""
        return (self.action, self.id)

    def decision(self) -> str:
        """What it decides: two curations with one key and different decisions conflict."""
        return self.action

    def triggers(self) -> tuple[str, ...]:
        """Entity keys whose presence in a graph lets the curation change it."""
        return ()

    def produces(self) -> tuple[str, ...]:
        """Entity keys a graph has after the curation changed it (a merge's target, a split-off alias)."""
        return ()

    def to_json(self) -> dict[str, Any]:
        fields = {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name not in _COMMON}
        return {
            "id": self.id,
            "action": self.action,
            **fields,
            "curator": self.curator,
            "at": self.at,
            "note": self.note,
        }

    def describe(self) -> str:
        """One line a person reads in a listing."""
        return " ".join(str(v) for v in self.values() if v not in ("", None, False))


_COMMON = {"curator", "at", "note", "id"}


def fact_key(subject: str, predicate: str, obj: str) -> tuple[str, str, str]:
    """A fact's ends as curations key them: a symmetric relation's in key order.

    >>> fact_key("b", "partner_of", "a"), fact_key("b", "owns", "a")
    (('a', 'partner_of', 'b'), ('b', 'owns', 'a'))
    """
    if predicate in SYMMETRIC_RELATIONS and obj < subject:
        return obj, predicate, subject
    return subject, predicate, obj


@dataclass(frozen=True, kw_only=True)
class FactCuration(Curation):
    """A decision about one (subject, predicate, object), everywhere or in one document."""

    subject: str
    predicate: str
    object: str
    document: str = ""  # only as this document reports it; empty: in every document

    def key(self) -> tuple[str, ...]:
        return ("fact", *fact_key(self.subject, self.predicate, self.object), self.document)

    def triggers(self) -> tuple[str, ...]:
        return (self.subject, self.object)

    def describe(self) -> str:
        where = f" (in document {self.document})" if self.document else ""
        return f"{self.subject} {self.predicate} {self.object}{where}"


@dataclass(frozen=True, kw_only=True)
class Reject(FactCuration):
    """The fact is wrong: its direct triples and statements are taken out of the document graphs."""

    action: ClassVar[str] = "reject"


@dataclass(frozen=True, kw_only=True)
class Confirm(FactCuration):
    """The fact is right: nothing changes but the record (shown beside it)."""

    action: ClassVar[str] = "confirm"


@dataclass(frozen=True, kw_only=True)
class AddFact(Curation):
    """A fact the extractor missed, citing a sentence of a stored document (offsets checked) or a URL."""

    action: ClassVar[str] = "add-fact"
    subject: str
    predicate: str
    object: str
    document: str = ""
    start: int = -1
    end: int = -1
    sentence: str = ""  # the document's text[start:end] when it was cited
    url: str = ""
    date: str = ""  # YYYY, YYYY-MM or YYYY-MM-DD, when the fact holds or happened

    def key(self) -> tuple[str, ...]:
        return ("fact", *fact_key(self.subject, self.predicate, self.object), self.document or self.url)

    def decision(self) -> str:
        return "add"

    def triggers(self) -> tuple[str, ...]:
        return ()  # it adds to the curations graph only

    def describe(self) -> str:
        cited = f"document {self.document} [{self.start}:{self.end}]" if self.document else self.url
        return f"{self.subject} {self.predicate} {self.object}, citing {cited}"


@dataclass(frozen=True, kw_only=True)
class EntityCuration(Curation):
    entity: str

    def triggers(self) -> tuple[str, ...]:
        return (self.entity,)


@dataclass(frozen=True, kw_only=True)
class Merge(EntityCuration):
    """``entity`` is the same thing as ``into``: its IRI is rewritten to ``into``'s, its names become aliases."""

    action: ClassVar[str] = "merge"
    into: str
    label: str = ""  # the merged entity's label when it was merged (kept as an alias of ``into``)

    def key(self) -> tuple[str, ...]:
        return ("merge", self.entity)

    def decision(self) -> str:
        return f"merge into {self.into}"

    def produces(self) -> tuple[str, ...]:
        return (self.into,)

    def describe(self) -> str:
        return f"{self.entity} into {self.into}"


@dataclass(frozen=True, kw_only=True)
class SplitAlias(EntityCuration):
    """``alias`` names another thing: it is no longer a name of ``entity``, and its mentions point to a new entity."""

    action: ClassVar[str] = "split-alias"
    alias: str
    type: str = ""  # the new entity's type

    @property
    def new_key(self) -> str:
        return normalise_name(self.alias)

    def key(self) -> tuple[str, ...]:
        return ("alias", self.entity, normalise_name(self.alias))

    def decision(self) -> str:
        return "split"

    def produces(self) -> tuple[str, ...]:
        return (self.new_key,)


@dataclass(frozen=True, kw_only=True)
class SetType(EntityCuration):
    action: ClassVar[str] = "set-type"
    type: str

    def key(self) -> tuple[str, ...]:
        return ("type", self.entity)

    def decision(self) -> str:
        return f"type {self.type}"


@dataclass(frozen=True, kw_only=True)
class AddAlias(EntityCuration):
    """Another name of the entity; ``language`` "zh" for a Chinese name."""

    action: ClassVar[str] = "add-alias"
    alias: str
    language: str = ""

    def key(self) -> tuple[str, ...]:
        return ("alias", self.entity, normalise_name(self.alias))

    def decision(self) -> str:
        return "add"


@dataclass(frozen=True, kw_only=True)
class Rename(EntityCuration):
    """The entity's preferred label; the names it had become aliases."""

    action: ClassVar[str] = "rename"
    label: str

    def key(self) -> tuple[str, ...]:
        return ("label", self.entity)

    def decision(self) -> str:
        return f"label {self.label}"


@dataclass(frozen=True, kw_only=True)
class Distinct(Curation):
    """Two entities that look alike are different things (the review queue stops offering to merge them)."""

    action: ClassVar[str] = "distinct"
    entity: str
    other: str

    def key(self) -> tuple[str, ...]:
        return ("same", *sorted((self.entity, self.other)))

    def triggers(self) -> tuple[str, ...]:
        return (self.entity, self.other)


@dataclass(frozen=True, kw_only=True)
class Undo(Curation):
    action: ClassVar[str] = "undo"
    target: str  # the id of the curation undone

    def key(self) -> tuple[str, ...]:
        return ("undo", self.target)


ACTIONS: dict[str, type[Curation]] = {
    c.action: c for c in (Reject, Confirm, Merge, SplitAlias, SetType, AddAlias, Rename, AddFact, Distinct, Undo)
}


def curation_from_json(data: Any, where: str = "") -> Curation:
    """The record of one JSON object (a line of a curations file); ``where`` names it in errors."""
    if not isinstance(data, dict) or data.get("action") not in ACTIONS:
        raise CurationError(
            f"{where}: {str(data)[:80]!r} is not a curation; each line is a JSON object whose action is "
            f"one of {', '.join(ACTIONS)}"
        )
    kind = ACTIONS[data["action"]]
    names = {f.name for f in dataclasses.fields(kind)}
    values = {k: v for k, v in data.items() if k != "action"}
    unknown = set(values) - names
    if unknown:
        raise CurationError(
            f"{where}: {data['action']} has unknown fields {sorted(unknown)}; only {', '.join(sorted(names))}"
        )
    try:
        return kind(**values)
    except TypeError as e:
        raise CurationError(
            f"{where}: {data['action']} lacks a field ({e}); see docs/curation.md for each action's fields"
        ) from None


def read_curations(path: str | Path) -> list[Curation]:
    """Every record of a curations file, in order (none when there is no file)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as e:
        raise CurationError(
            f"cannot read the curations file {path}: {e}; check it is a UTF-8 JSON Lines file"
        ) from None
    records = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as e:
            raise CurationError(f"{path}:{n}: not JSON ({e.msg}); fix or remove the line") from None
        records.append(curation_from_json(data, f"{path}:{n}"))
    return records


def append_curations(path: str | Path, records: Iterable[Curation]) -> None:
    """Append records to a curations file (created with its directory), under a lock: two sessions never interleave."""
    path = Path(path)
    lines = "".join(json.dumps(r.to_json(), ensure_ascii=False, sort_keys=False) + "\n" for r in records)
    if not lines:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as f:
            fcntl.flock(f, fcntl.LOCK_EX)
            f.write(lines)
            f.flush()
            os.fsync(f.fileno())
    except OSError as e:
        raise CurationError(
            f"cannot write the curations file {path}: {e.strerror or e}; check its directory is writable "
            "or set KG_CURATIONS to another file"
        ) from None


def statuses(records: Iterable[Curation]) -> dict[str, str]:
    """Each record's status: ``active``, ``undone``, ``superseded`` (a later record has its key) or ``undo``."""
    records = list(records)
    undone = {r.target for r in records if isinstance(r, Undo)}
    out: dict[str, str] = {}
    latest: dict[tuple[str, ...], str] = {}
    for r in records:
        if isinstance(r, Undo):
            out[r.id] = "undo"
            continue
        if r.id in undone:
            out[r.id] = "undone"
            continue
        if (before := latest.get(r.key())) is not None:
            out[before] = "superseded"
        latest[r.key()] = r.id
        out[r.id] = "active"
    return out


def active(records: Iterable[Curation]) -> list[Curation]:
    """The records in force, in the order they were made."""
    records = list(records)
    status = statuses(records)
    return [r for r in records if status[r.id] == "active"]
