"""The relation schema (``kg/schema.yaml``): argument types, symmetry, inverse, stative or event, label.

Every other module reads relations from here: :mod:`kg.vocab` (``RELATIONS``, ``SYMMETRIC_RELATIONS``),
the ontology (checked by ``tests/test_schema.py``), the extractor's argument types and dates, the
app's labels. Adding a relation is a change to the YAML (and the ontology) plus tests.

>>> SCHEMA["part_of"].inverse
'owns'
>>> SCHEMA["fined"].event
('fine', 'authority', 'target')
>>> "competes_with" in SYMMETRIC
True
>>> sorted(MONEY_EVENTS)
['acquisition', 'fine', 'investment']
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

_PATH = Path(__file__).with_name("schema.yaml")
_KEYS = {
    "label",
    "subject",
    "object",
    "symmetric",
    "inverse",
    "stative",
    "stored_as_inverse",
    "event",
    "amount",
    "comment",
}


@dataclass(frozen=True)
class Relation:
    """One relation of the schema."""

    name: str
    label: str
    subject: frozenset[str]
    object: frozenset[str]
    comment: str
    symmetric: bool = False
    inverse: str | None = None
    stative: bool = False
    stored_as_inverse: bool = False
    event: tuple[str, str, str] | None = None  # (event type, subject role, object role)
    amount: bool = False  # its event carries the sum of money its clause states


def _load(path: Path) -> dict[str, Relation]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))["relations"]
    out = {}
    for name, spec in raw.items():
        unknown = set(spec) - _KEYS
        if unknown:
            raise ValueError(f"{path}: relation {name!r} has unknown key(s) {sorted(unknown)}; use {sorted(_KEYS)}")
        out[name] = Relation(
            name=name,
            label=spec["label"],
            subject=frozenset(spec["subject"]),
            object=frozenset(spec["object"]),
            comment=spec["comment"],
            symmetric=bool(spec.get("symmetric")),
            inverse=spec.get("inverse"),
            stative=bool(spec.get("stative")),
            stored_as_inverse=bool(spec.get("stored_as_inverse")),
            amount=bool(spec.get("amount")),
            event=tuple(spec["event"]) if spec.get("event") else None,
        )
    for rel in out.values():
        if rel.stored_as_inverse and not rel.inverse:
            raise ValueError(f"{path}: {rel.name} is stored_as_inverse but names no inverse")
        if rel.inverse and (rel.inverse not in out or out[rel.inverse].inverse != rel.name):
            raise ValueError(f"{path}: {rel.name}'s inverse {rel.inverse!r} does not name it back")
    return out


#: Every relation, by name, in the schema's order.
SCHEMA: dict[str, Relation] = _load(_PATH)
#: Relations that hold both ways.
SYMMETRIC = frozenset(n for n, r in SCHEMA.items() if r.symmetric)
#: States, not events: the date of the sentence that mentions them is not theirs.
STATIVE = frozenset(n for n, r in SCHEMA.items() if r.stative)
#: Event types that carry an amount of money: investment, acquisition, fine.
MONEY_EVENTS = frozenset(r.event[0] for r in SCHEMA.values() if r.amount and r.event)
