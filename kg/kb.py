"""The knowledge base: well-known entities (names, coarse types, aliases) and stable structure.

The KB holds background knowledge only — never facts read from an article. It is the shipped
``kg/data/kb/*.yaml`` plus the files of ``Settings.kb_paths``. A KB file looks like::

    entities:
      - {id: taobao, name: Taobao, type: Organization, aliases: [淘宝]}
      - {id: alibaba, name: Alibaba, type: Organization, tickers: ["NYSE: BABA", "9988.HK"]}
      - {id: hkex, name: HKEX, type: Organization, ticker_prefixes: [HKEX, HK, SEHK], seat: hong-kong}
    facts:
      - [taobao, part_of, taotian]

``tickers`` (optional, organizations only) are listings written ``"EXCHANGE: SYMBOL"`` or
``"SYMBOL.CODE"``; ``ticker_prefixes`` (optional, exchanges only) are the exchange codes such listings use,
before the colon or after the dot. Every code a ticker uses must be a ticker prefix of some exchange.
``seat`` (optional, exchanges only) is the id of the Place the exchange is in, which news names a listing by
("listed in Hong Kong in 2021").
A fact may name entities of any KB file: :func:`load_kb` reads every file's entities before any facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.errors import KnowledgeBaseError
from kg.iri import normalise_name
from kg.settings import Settings
from kg.vocab import ENTITY_TYPES, RELATIONS

SHIPPED_DIR = Path(__file__).parent / "data" / "kb"

_KEYS = ("id", "name", "type", "aliases", "tickers", "ticker_prefixes", "seat")
_CODE = r"[A-Za-z][A-Za-z0-9]{0,9}"
_SYMBOL = r"[A-Za-z0-9][A-Za-z0-9.&-]{0,14}"
#: "NYSE: BABA", "HKEX:9988", "(NASDAQ: PDD)"
_PREFIXED = re.compile(rf"\(?\s*({_CODE})\s*:\s*({_SYMBOL})\s*\)?")
#: "9988.HK", "BABA.N", "600519.SS"
_SUFFIXED = re.compile(r"\(?\s*([A-Za-z0-9][A-Za-z0-9&-]{0,14})\.([A-Za-z]{1,4})\s*\)?")
_PREFIX_CODE = re.compile(r"[A-Z][A-Z0-9]{0,9}")


def parse_ticker(text: str) -> tuple[str, str] | None:
    """(exchange code, symbol) of a listing written ``"CODE: SYMBOL"`` or ``"SYMBOL.CODE"``, upper-cased,
    leading zeros of an all-digit symbol dropped (``0700`` and ``700`` are one Hong Kong listing); None
    when ``text`` is neither form.

    >>> parse_ticker("NYSE: BABA"), parse_ticker("0700.HK"), parse_ticker("(hkex:09988)"), parse_ticker("BABA")
    (('NYSE', 'BABA'), ('HK', '700'), ('HKEX', '9988'), None)
    """
    text = text.strip()
    m = _PREFIXED.fullmatch(text)
    if m:
        code, symbol = m[1], m[2]
    else:
        m = _SUFFIXED.fullmatch(text)
        if not m:
            return None
        symbol, code = m[1], m[2]
    symbol = symbol.upper()
    if symbol.isdigit():
        symbol = symbol.lstrip("0") or "0"
    return code.upper(), symbol


@dataclass(frozen=True)
class KBEntity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    tickers: tuple[str, ...] = ()  # listings as written in the KB file ("NYSE: BABA", "9988.HK")
    ticker_prefixes: tuple[str, ...] = ()  # an exchange's codes ("HKEX", "HK", "SEHK")
    source: str = ""  # the KB file's name without its suffix ("regulators", "exchanges"): the kind of entity
    seat: str = ""  # an exchange's Place id ("hong-kong"): 'listed in Hong Kong' names its listing

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class KBFact:
    subject: str
    predicate: str
    object: str
    file: str  # file name the fact came from (for the rule id "kb:<file>")


@dataclass(frozen=True)
class _Listing:
    code: str
    symbol: str
    written: str
    entity: str
    path: Path


@dataclass
class KnowledgeBase:
    entities: dict[str, KBEntity] = field(default_factory=dict)
    facts: list[KBFact] = field(default_factory=list)
    _by_alias: dict[str, str] = field(default_factory=dict, repr=False)
    _by_prefix: dict[str, str] = field(default_factory=dict, repr=False)  # exchange code -> exchange id
    _listings: list[_Listing] = field(default_factory=list, repr=False)
    _by_listing: dict[tuple[str, str], str] | None = field(default=None, repr=False)  # built on first use
    _seats: list[tuple[Path, str]] = field(default_factory=list, repr=False)  # (file, exchange id), checked last

    def lookup(self, name: str) -> KBEntity | None:
        """The entity one of whose names normalises like ``name`` (None if none)."""
        kb_id = self._by_alias.get(normalise_name(name))
        return self.entities[kb_id] if kb_id else None

    def lookup_exchange(self, code: str) -> KBEntity | None:
        """The exchange whose ticker prefixes include ``code`` ("HKEX", "nasdaq", "HK"), else the exchange
        named ``code`` ("Hong Kong Stock Exchange"); None if none."""
        kb_id = self._by_prefix.get(code.strip().strip("()[]:").strip().upper())
        if kb_id:
            return self.entities[kb_id]
        entity = self.lookup(code)
        return entity if entity is not None and entity.ticker_prefixes else None

    def lookup_ticker(self, ticker: str) -> KBEntity | None:
        """The entity listed as ``ticker`` ("NYSE: BABA", "9988.HK", "HKG:09988"); None if none.

        The exchange code may be any ticker prefix of the exchange, so "HKEX: 9988" and "9988.HK" are one listing.
        """
        parsed = parse_ticker(ticker)
        if parsed is None:
            return None
        code, symbol = parsed
        exchange = self._by_prefix.get(code)
        if exchange is None:
            return None
        kb_id = self._listing_index().get((exchange, symbol))
        return self.entities[kb_id] if kb_id else None

    def check(self) -> None:
        """Checks across files, once all are read: each ticker names a known exchange code and belongs to one entity;
        each exchange's seat is a known Place."""
        self._by_listing = None
        self._listing_index()
        for path, exchange in self._seats:
            seat = self.entities[exchange].seat
            if seat not in self.entities or self.entities[seat].type != "Place":
                raise KnowledgeBaseError(
                    f"{path}: {exchange!r} has seat {seat!r}, which is no Place of the KB; use a Place's id"
                )

    def add_file(self, path: Path) -> None:
        data = _read(path)
        self._add_entities(path, data)
        self._add_facts(path, data)

    def _add_entities(self, path: Path, data: dict) -> None:
        for i, raw in enumerate(data.get("entities") or []):
            entity = _entity(path, i, raw)
            if entity.id in self.entities:
                raise KnowledgeBaseError(
                    f"{path}: entity id {entity.id!r} is defined twice; give each entity a unique id"
                )
            self.entities[entity.id] = entity
            if entity.seat:
                self._seats.append((path, entity.id))
            for name in entity.names:
                _claim(self._by_alias, normalise_name(name), entity.id, f"{path}: alias {name!r}", "a name")
            for code in entity.ticker_prefixes:
                _claim(self._by_prefix, code, entity.id, f"{path}: ticker prefix {code!r}", "a prefix")
            for written in entity.tickers:
                parsed = parse_ticker(written)
                assert parsed is not None  # _entity checked the form
                code, symbol = parsed
                self._listings.append(_Listing(code, symbol, written, entity.id, path))
            self._by_listing = None

    def _add_facts(self, path: Path, data: dict) -> None:
        for i, raw in enumerate(data.get("facts") or []):
            if not (isinstance(raw, list) and len(raw) == 3 and all(isinstance(x, str) for x in raw)):
                raise KnowledgeBaseError(
                    f"{path}: fact #{i + 1} {raw!r} must be a list [subject id, predicate, object id]"
                )
            s, p, o = raw
            if p not in RELATIONS:
                raise KnowledgeBaseError(
                    f"{path}: fact #{i + 1} has predicate {p!r}; use one of {', '.join(RELATIONS)}"
                )
            for ref in (s, o):
                if ref not in self.entities:
                    raise KnowledgeBaseError(
                        f"{path}: fact #{i + 1} names unknown entity id {ref!r}; define it under entities first"
                    )
            self.facts.append(KBFact(s, p, o, path.name))

    def _listing_index(self) -> dict[tuple[str, str], str]:
        if self._by_listing is None:
            index: dict[tuple[str, str], str] = {}
            for t in self._listings:
                exchange = self._by_prefix.get(t.code)
                if exchange is None:
                    raise KnowledgeBaseError(
                        f"{t.path}: ticker {t.written!r} of {t.entity!r} uses exchange code {t.code!r}, "
                        f"which no exchange lists; add {t.code!r} to that exchange's ticker_prefixes "
                        "or write the ticker with a known code"
                    )
                other = index.get((exchange, t.symbol))
                if other and other != t.entity:
                    raise KnowledgeBaseError(
                        f"{t.path}: ticker {t.written!r} of {t.entity!r} is already a ticker of {other!r}; "
                        "remove one of them"
                    )
                index[(exchange, t.symbol)] = t.entity
            self._by_listing = index
        return self._by_listing


def _claim(table: dict[str, str], key: str, entity_id: str, what: str, kind: str) -> None:
    """Give ``key`` to ``entity_id`` in ``table``; a key another entity holds is an error naming both."""
    other = table.get(key)
    if other and other != entity_id:
        raise KnowledgeBaseError(f"{what} of {entity_id!r} is already {kind} of {other!r}; remove one of them")
    table[key] = entity_id


#: libyaml's safe loader where PyYAML was built with it: the same documents, read about ten times faster (the KB
#: is read by every build and every worker process).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except OSError as exc:
        raise KnowledgeBaseError(
            f"{path}: cannot read knowledge-base file ({exc.strerror}); check the path in KG_KB_PATHS"
        ) from None
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 1}" if where else ""
        raise KnowledgeBaseError(
            f"{path}: invalid YAML{line}; fix the syntax (see kg/data/kb/platforms.yaml for the format)"
        ) from None
    if data is None:
        return {}
    if not isinstance(data, dict) or set(data) - {"entities", "facts"}:
        raise KnowledgeBaseError(f"{path}: top level must be a mapping with only 'entities' and 'facts' keys")
    return data


def _strings(raw: dict, key: str, where: str) -> tuple[str, ...]:
    values = raw.get(key) or []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise KnowledgeBaseError(f"{where} ({raw['name']!r}): {key} must be a list of strings")
    return tuple(values)


def _entity(path: Path, i: int, raw: object) -> KBEntity:
    where = f"{path}: entity #{i + 1}"
    if not isinstance(raw, dict):
        raise KnowledgeBaseError(f"{where} must be a mapping with id, name, type and aliases")
    missing = [k for k in ("id", "name", "type") if not isinstance(raw.get(k), str) or not raw[k].strip()]
    if missing:
        raise KnowledgeBaseError(f"{where} ({raw.get('name', '?')!r}) lacks {', '.join(missing)}; add them as strings")
    if raw["type"] not in ENTITY_TYPES:
        raise KnowledgeBaseError(
            f"{where} ({raw['name']!r}) has type {raw['type']!r}; use one of {', '.join(ENTITY_TYPES)}"
        )
    aliases = _strings(raw, "aliases", where)
    unknown = set(raw) - set(_KEYS)
    if unknown:
        raise KnowledgeBaseError(
            f"{where} ({raw['name']!r}) has unknown keys {sorted(unknown)}; only {', '.join(_KEYS)}"
        )
    tickers = _strings(raw, "tickers", where)
    prefixes = _strings(raw, "ticker_prefixes", where)
    if (tickers or prefixes) and raw["type"] != "Organization":
        key = "tickers" if tickers else "ticker_prefixes"
        raise KnowledgeBaseError(
            f"{where} ({raw['name']!r}) is a {raw['type']} with {key}; only an Organization is listed "
            f"or runs an exchange, so remove {key} or change the type"
        )
    for ticker in tickers:
        if parse_ticker(ticker) is None:
            raise KnowledgeBaseError(
                f"{where} ({raw['name']!r}) has ticker {ticker!r}; write it 'EXCHANGE: SYMBOL' "
                f'("NYSE: BABA") or \'SYMBOL.CODE\' ("9988.HK")'
            )
    for code in prefixes:
        if not _PREFIX_CODE.fullmatch(code):
            raise KnowledgeBaseError(
                f"{where} ({raw['name']!r}) has ticker prefix {code!r}; write an upper-case exchange "
                f"code of letters and digits such as 'HKEX' or 'NYSE'"
            )
    seat = raw.get("seat") or ""
    if seat and (not isinstance(seat, str) or not prefixes):
        raise KnowledgeBaseError(
            f"{where} ({raw['name']!r}) has seat {seat!r}; only an exchange (with ticker_prefixes) has a seat, "
            f"written as the id of a Place"
        )
    return KBEntity(raw["id"], raw["name"], raw["type"], aliases, tickers, prefixes, path.stem, seat)


def load_kb(settings: Settings) -> KnowledgeBase:
    """The shipped KB files (sorted by name) followed by ``settings.kb_files``.

    Every file's entities are read before any file's facts, so a fact may name an entity of a later file.
    """
    kb = KnowledgeBase()
    files = [(path, _read(path)) for path in [*sorted(SHIPPED_DIR.glob("*.yaml")), *settings.kb_files]]
    for path, data in files:
        kb._add_entities(path, data)
    for path, data in files:
        kb._add_facts(path, data)
    kb.check()
    return kb
