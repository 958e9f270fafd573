"""The knowledge base: well-known entities (names, coarse types, aliases) and stable structure.

The KB holds background knowledge only — never facts read from an article. It is the shipped
``kg/data/kb/*.yaml`` plus the files of ``Settings.kb_paths``. A KB file looks like::

    entities:
      - {id: taobao, name: Taobao, type: Organization, aliases: [淘宝]}
    facts:
      - [taobao, part_of, taotian]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.errors import KnowledgeBaseError
from kg.iri import normalise_name
from kg.settings import Settings
from kg.vocab import ENTITY_TYPES, RELATIONS

SHIPPED_DIR = Path(__file__).parent / "data" / "kb"


@dataclass(frozen=True)
class KBEntity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class KBFact:
    subject: str
    predicate: str
    object: str
    file: str  # file name the fact came from (for the rule id "kb:<file>")


@dataclass
class KnowledgeBase:
    entities: dict[str, KBEntity] = field(default_factory=dict)
    facts: list[KBFact] = field(default_factory=list)
    _by_alias: dict[str, str] = field(default_factory=dict, repr=False)

    def lookup(self, name: str) -> KBEntity | None:
        """The entity one of whose names normalises like ``name`` (None if none)."""
        kb_id = self._by_alias.get(normalise_name(name))
        return self.entities[kb_id] if kb_id else None

    def add_file(self, path: Path) -> None:
        data = _read(path)
        for i, raw in enumerate(data.get("entities") or []):
            entity = _entity(path, i, raw)
            if entity.id in self.entities:
                raise KnowledgeBaseError(f"{path}: entity id {entity.id!r} is defined twice; give each entity a unique id")
            self.entities[entity.id] = entity
            for name in entity.names:
                key = normalise_name(name)
                other = self._by_alias.get(key)
                if other and other != entity.id:
                    raise KnowledgeBaseError(
                        f"{path}: alias {name!r} of {entity.id!r} is already a name of {other!r}; remove one of them"
                    )
                self._by_alias[key] = entity.id
        for i, raw in enumerate(data.get("facts") or []):
            if not (isinstance(raw, list) and len(raw) == 3 and all(isinstance(x, str) for x in raw)):
                raise KnowledgeBaseError(f"{path}: fact #{i + 1} {raw!r} must be a list [subject id, predicate, object id]")
            s, p, o = raw
            if p not in RELATIONS:
                raise KnowledgeBaseError(f"{path}: fact #{i + 1} has predicate {p!r}; use one of {', '.join(RELATIONS)}")
            for ref in (s, o):
                if ref not in self.entities:
                    raise KnowledgeBaseError(
                        f"{path}: fact #{i + 1} names unknown entity id {ref!r}; define it under entities first"
                    )
            self.facts.append(KBFact(s, p, o, path.name))


def _read(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise KnowledgeBaseError(f"{path}: cannot read knowledge-base file ({exc.strerror}); check the path in KG_KB_PATHS") from None
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 1}" if where else ""
        raise KnowledgeBaseError(f"{path}: invalid YAML{line}; fix the syntax (see kg/data/kb/platforms.yaml for the format)") from None
    if data is None:
        return {}
    if not isinstance(data, dict) or set(data) - {"entities", "facts"}:
        raise KnowledgeBaseError(f"{path}: top level must be a mapping with only 'entities' and 'facts' keys")
    return data


def _entity(path: Path, i: int, raw: object) -> KBEntity:
    where = f"{path}: entity #{i + 1}"
    if not isinstance(raw, dict):
        raise KnowledgeBaseError(f"{where} must be a mapping with id, name, type and aliases")
    missing = [k for k in ("id", "name", "type") if not isinstance(raw.get(k), str) or not raw.get(k).strip()]
    if missing:
        raise KnowledgeBaseError(f"{where} ({raw.get('name', '?')!r}) lacks {', '.join(missing)}; add them as strings")
    if raw["type"] not in ENTITY_TYPES:
        raise KnowledgeBaseError(f"{where} ({raw['name']!r}) has type {raw['type']!r}; use one of {', '.join(ENTITY_TYPES)}")
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise KnowledgeBaseError(f"{where} ({raw['name']!r}): aliases must be a list of strings")
    unknown = set(raw) - {"id", "name", "type", "aliases"}
    if unknown:
        raise KnowledgeBaseError(f"{where} ({raw['name']!r}) has unknown keys {sorted(unknown)}; only id, name, type, aliases")
    return KBEntity(raw["id"], raw["name"], raw["type"], tuple(aliases))


def load_kb(settings: Settings) -> KnowledgeBase:
    """The shipped KB files (sorted by name) followed by ``settings.kb_files``."""
    kb = KnowledgeBase()
    for path in [*sorted(SHIPPED_DIR.glob("*.yaml")), *settings.kb_files]:
        kb.add_file(path)
    return kb
