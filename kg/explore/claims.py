"""One claim, many reports: every (subject, predicate, object) with the documents and sources that report it.

A statement node is one document's report of a relation (its own date, evidence, role, confidence; see
docs/graph-model.md). A :class:`Claim` groups the reports of one (subject, predicate, object) across
documents: how many documents and distinct sources report it (the publisher from the front matter's
``source``, else the host of its ``url``, else the document itself), when it was first and last reported
(the documents' publication dates: the *reporting* time axis), the event date each report gives (the
*event* time axis), and the conflicts between reports: different event dates (for relations that are
events, not states), amounts or roles across documents.

The index is built once per graph version from six flat queries (:func:`claim_index`, kept by the app
beside the statement graph); :func:`claims` cuts a list from it. The claims reported by two documents or more are
also stored, in the claims graph (:func:`refresh_claims`, after every write), for SPARQL.

>>> r1 = Report("st1", "a", "Caixin", "2025-05-07", "2025-05-06", False, None, None)
>>> r2 = Report("st2", "b", "Reuters", "2025-05-09", "2025-05-08", False, None, None)
>>> c = group_reports("x", "acquired", "y", [r2, r1])
>>> c.documents, c.sources, c.first_reported, c.last_reported
(2, ('Caixin', 'Reuters'), '2025-05-07', '2025-05-09')
>>> c.conflicts
('date: 2025-05-06 (Caixin) vs 2025-05-08 (Reuters)',)
>>> claim_badge(c)
'2 sources · first reported 2025-05-07 · conflicting'
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pyoxigraph as ox

from kg.explore.highlight import md
from kg.explore.terms import ENTITY_NS, KG_NS, PREFIXES, doc_key, entity_key, entity_node, local_name
from kg.iri import digest, node_iri
from kg.schema import STATIVE
from kg.vocab import CLAIMS_GRAPH, KG, SYMMETRIC_RELATIONS

if TYPE_CHECKING:  # networkx is the explorer's; a build that refreshes the claims graph does without its import
    import networkx as nx

#: (subject key, relation local name, object key); a symmetric relation's ends in key order.
ClaimKey = tuple[str, str, str]


@dataclass(frozen=True)
class Report:
    """One document's report of a claim: its statement node and what that document says."""

    statement: str  # the statement node's IRI
    document: str  # document id
    source: str  # publisher (front matter ``source``), else the URL's host, else the document id
    reported: str | None  # the document's publication date (ISO of its precision): reporting time
    date: str | None  # the date the report gives the fact (ISO of its precision): event time
    year_inferred: bool  # the date's year was completed from the publication date
    role: str | None  # ``leads`` and event roles
    amount: tuple[float, str] | None  # (value, unit) of the event's sum, when the report states one


@dataclass(frozen=True)
class Claim:
    """Every report of one (subject, predicate, object), grouped; see the module doc."""

    subject: str  # entity key
    predicate: str  # relation local name
    object: str  # entity key
    documents: int
    sources: tuple[str, ...]  # distinct, sorted
    first_reported: str | None  # ISO publication date of the earliest report (None: no report is dated)
    last_reported: str | None
    event_dates: tuple[tuple[str, str | None], ...]  # (document, date it gives) per report, oldest report first
    conflicts: tuple[str, ...]  # human-readable, naming sources: "date: 2025-05-06 (Caixin) vs 2025-05-08 (Reuters)"
    statements: tuple[str, ...]  # statement IRIs, oldest report first
    reports: tuple[Report, ...] = field(default=(), compare=False)  # oldest report first

    @property
    def key(self) -> ClaimKey:
        return (self.subject, self.predicate, self.object)

    def known_as_of(self, date: str) -> Claim | None:
        """The claim as it was known on ``date`` (an ISO prefix: "2025", "2025-05-07"): its reports by
        documents published by then; None if there was none (see :func:`published_by`)."""
        kept = [r for r in self.reports if published_by(r.reported, date)]
        return group_reports(self.subject, self.predicate, self.object, kept) if kept else None


def published_by(reported: str | None, date: str) -> bool:
    """Whether a document published on ``reported`` (ISO, any precision) was out by ``date`` (an ISO prefix).
    Both are compared at the coarser precision, so "2024" keeps all of 2024 and a document dated only
    "2025-05" counts as out from the first of May; an undated document never counts.

    >>> published_by("2024-06-01", "2024"), published_by("2025-05", "2025-05-07"), published_by("2025-06", "2025-05-31")
    (True, True, False)
    >>> published_by(None, "2030")
    False
    """
    return reported is not None and reported[: len(date)] <= date


def claim_key(subject: str, predicate: str, obj: str) -> ClaimKey:
    """The key of a claim: a symmetric relation's ends in key order, so "A partner of B" and "B partner of A" are one.

    >>> claim_key("b", "partner_of", "a"), claim_key("b", "owns", "a")
    (('a', 'partner_of', 'b'), ('b', 'owns', 'a'))
    """
    if predicate in SYMMETRIC_RELATIONS and obj < subject:
        return (obj, predicate, subject)
    return (subject, predicate, obj)


def compatible_dates(a: str, b: str) -> bool:
    """Whether two ISO dates of any precision can name the same time ("2025" and "2025-05-07" can).

    >>> compatible_dates("2025", "2025-05-07"), compatible_dates("2025-05-06", "2025-05-08")
    (True, False)
    """
    return a.startswith(b) or b.startswith(a)


def _differing(kind: str, values: Mapping[str, list[Report]]) -> list[str]:
    """One conflict line naming the sources of each value, when ``values`` (value → its reports) holds more than one."""
    if len(values) < 2:
        return []
    return [
        f"{kind}: "
        + " vs ".join(f"{v} ({', '.join(sorted({r.source for r in found}))})" for v, found in sorted(values.items()))
    ]


def find_conflicts(predicate: str, reports: Iterable[Report]) -> tuple[str, ...]:
    """Conflicts between the reports of one claim made by *different documents*: event dates that cannot
    name the same day (a state's dates are moments it held, never a conflict; "2025" fits "2025-05-07"),
    different amounts, different roles (case aside). A report whose year was inferred is marked so.

    >>> a = Report("1", "a", "A", None, "2021", False, "CEO", (1e9, "USD"))
    >>> b = Report("2", "b", "B", None, "2021-03", True, "ceo", (2e9, "USD"))
    >>> find_conflicts("invested_in", [a, b])
    ('amount: 1000000000 USD (A) vs 2000000000 USD (B)',)
    """
    reports = list(reports)
    if len({r.document for r in reports}) < 2:  # most claims: one document, nothing to compare
        return ()
    out: list[str] = []
    dated = [r for r in reports if r.date]
    if predicate not in STATIVE and any(
        not compatible_dates(x.date, y.date) and x.document != y.document  # type: ignore[arg-type]
        for x in dated
        for y in dated
    ):
        dates: dict[str, list[Report]] = defaultdict(list)
        for r in dated:
            dates[r.date + (" (year inferred)" if r.year_inferred else "")].append(r)  # type: ignore[operator]
        out += _differing("date", dates)
    amounts: dict[str, list[Report]] = defaultdict(list)
    for r in reports:
        if r.amount:
            amounts[f"{r.amount[0]:.15g} {r.amount[1]}"].append(r)
    if len({r.document for found in amounts.values() for r in found}) > 1:
        out += _differing("amount", amounts)
    roles: dict[str, list[Report]] = defaultdict(list)
    for r in reports:
        if r.role:
            roles[r.role.casefold()].append(r)
    if len({r.document for found in roles.values() for r in found}) > 1:
        out += _differing("role", roles)
    return tuple(out)


def group_reports(subject: str, predicate: str, obj: str, reports: Iterable[Report]) -> Claim:
    """The claim made by ``reports`` (of one subject, predicate and object), oldest report first (undated last)."""
    ordered = sorted(reports, key=lambda r: (r.reported is None, r.reported or "", r.document, r.statement))
    dated = [r.reported for r in ordered if r.reported]
    return Claim(
        subject=subject,
        predicate=predicate,
        object=obj,
        documents=len({r.document for r in ordered}),
        sources=tuple(sorted({r.source for r in ordered})),
        first_reported=min(dated) if dated else None,
        last_reported=max(dated) if dated else None,
        event_dates=tuple((r.document, r.date) for r in ordered),
        conflicts=find_conflicts(predicate, ordered),
        statements=tuple(r.statement for r in ordered),
        reports=tuple(ordered),
    )


@dataclass(frozen=True)
class ClaimIndex:
    """Every claim of the graph and the ways pages reach them (built by :func:`claim_index`)."""

    claims: dict[ClaimKey, Claim]
    by_entity: dict[str, tuple[ClaimKey, ...]]  # entity key → its claims (as subject or object)
    by_statement: dict[str, ClaimKey]  # statement IRI → its claim
    reported_on: dict[str, str | None] = field(default_factory=dict)  # statement IRI → its document's publication

    def of_statement(self, statement: str) -> Claim | None:
        key = self.by_statement.get(statement)
        return self.claims[key] if key else None

    def reported(self, statement: str) -> str | None:
        """When the document of this statement was published (None: undated, or not an article's statement)."""
        return self.reported_on.get(statement)


# Flat queries of one or two patterns each, joined here: on the generated 1M-triple store (bench/graph_gen.py, one
# run on a busy machine), the graph of each statement read with its subject, predicate and object in one GRAPH
# pattern took 2.8 s against 0.25 s + 2.2 s apart, dates with their yearInferred flag 1.3 s against 0.56 s + ~0
# (only true flags are read), documents with OPTIONAL fields 0.7 s against 0.13 s, roles and amounts from
# ``?n a kg:Statement`` 0.4 s each against 0.03 s. ``python -m bench --only pages`` times the whole.
_DOCUMENT_GRAPHS = PREFIXES + "SELECT ?g ?d WHERE { GRAPH ?g { ?d a kg:Document } }"
_DOCUMENT_FIELDS = (
    PREFIXES + "SELECT ?d ?k ?v WHERE { VALUES ?k { kg:published_date dcterms:source schema:url } ?d ?k ?v }"
)
_STATEMENT_GRAPHS = PREFIXES + "SELECT ?g ?n WHERE { GRAPH ?g { ?n a kg:Statement } }"
_SPO = PREFIXES + "SELECT ?n ?s ?p ?o WHERE { ?n rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }"
_DATES = PREFIXES + "SELECT ?n ?d WHERE { ?n kg:date ?d }"
_INFERRED = PREFIXES + "SELECT ?n WHERE { ?n kg:yearInferred true }"
_ROLES = PREFIXES + "SELECT ?n ?r WHERE { ?n kg:role ?r }"  # participations too: only statements' are read
_AMOUNTS = PREFIXES + "SELECT ?n ?v ?u WHERE { ?n kg:event ?e . ?e kg:amount ?q . ?q kg:value ?v ; kg:unit ?u }"
_KG_PUBLISHED, _DC_SOURCE, _SDO_URL = (
    KG_NS + "published_date",
    "http://purl.org/dc/terms/source",
    "https://schema.org/url",
)


def source_name(source: str | None, url: str | None, document: str) -> str:
    """Who published a document: its front matter's ``source``, else its URL's host (``www.`` dropped),
    else the document id (a document of unknown origin counts as a source of its own).

    >>> source_name(None, "https://www.reuters.com/x", "d"), source_name("Caixin", "https://x.org", "d")
    ('reuters.com', 'Caixin')
    >>> source_name("", None, "d")
    'd'
    """
    if source and source.strip():
        return source.strip()
    host = urlsplit(url).hostname if url else None
    if host:
        return host.removeprefix("www.")
    return document


def _documents(reader) -> dict[str, tuple[str, str | None, str]]:
    """Document graph IRI → (document id, publication date, source) of every article."""
    fields: dict[str, dict[str, str]] = defaultdict(dict)
    for d, k, v in reader.query(_DOCUMENT_FIELDS):  # by position: cheaper than by name
        fields[d.value][k.value] = v.value
    docs = {}
    for g, d in reader.query(_DOCUMENT_GRAPHS):
        doc, found = doc_key(d), fields.get(d.value, {})
        docs[g.value] = (doc, found.get(_KG_PUBLISHED), source_name(found.get(_DC_SOURCE), found.get(_SDO_URL), doc))
    return docs


def _ends(reader, statements: nx.MultiDiGraph | None) -> Iterator[tuple[str, str, str, str, str | None]]:
    """(statement IRI, subject key, relation, object key, date) of every statement between two entities: from
    the statement graph of :mod:`kg.explore.statements` when given (nothing read), else from the store."""
    if statements is not None:
        for s, o, n, d in statements.edges(keys=True, data=True):
            yield n, s, d["relation"], o, d["date"]
        return
    dates = {n.value: d.value for n, d in reader.query(_DATES)}
    keys: dict[str, str] = {}
    for n, s, p, o in reader.query(_SPO):
        if s.value.startswith(ENTITY_NS) and o.value.startswith(ENTITY_NS):
            subject = keys.get(s.value) or keys.setdefault(s.value, entity_key(s))
            obj = keys.get(o.value) or keys.setdefault(o.value, entity_key(o))
            yield n.value, subject, local_name(p), obj, dates.get(n.value)


def claim_index(reader, statements: nx.MultiDiGraph | None = None) -> ClaimIndex:
    """Every claim of the articles (knowledge-base facts are background, not reports), from flat queries read by
    position. ``statements``, the graph version's statement graph, gives each statement's ends, relation and
    date, so that only what it lacks is read (on the 1M-triple store, reading the ends again is most of the cost)."""
    docs = _documents(reader)
    # a statement of an article's graph (the KB's are background, not reports) → that graph
    graph_of = {n.value: g.value for g, n in reader.query(_STATEMENT_GRAPHS) if g.value in docs}
    inferred = {n.value for (n,) in reader.query(_INFERRED)}
    roles = {n.value: r.value for n, r in reader.query(_ROLES)}
    amounts = {n.value: (float(v.value), u.value) for n, v, u in reader.query(_AMOUNTS)}
    reports: dict[ClaimKey, list[Report]] = defaultdict(list)
    for n, subject, relation, obj, date in _ends(reader, statements):
        if (g := graph_of.get(n)) is not None:
            doc, published, source = docs[g]
            reports[claim_key(subject, relation, obj)].append(
                Report(n, doc, source, published, date, n in inferred, roles.get(n), amounts.get(n))
            )
    claims = {key: group_reports(*key, found) for key, found in reports.items()}
    by_entity: dict[str, list[ClaimKey]] = defaultdict(list)
    for key in claims:
        by_entity[key[0]].append(key)
        if key[2] != key[0]:
            by_entity[key[2]].append(key)
    return ClaimIndex(
        claims=claims,
        # sorted: the order of a store's query and of a graph's edges differ, and the index must not
        by_entity={k: tuple(sorted(v)) for k, v in by_entity.items()},
        by_statement={st: key for key, c in claims.items() for st in c.statements},
        reported_on={r.statement: r.reported for c in claims.values() for r in c.reports},
    )


# --- the claims graph: every claim, stored, for SPARQL --------------------------------------------------------

CLAIMS = ox.NamedNode(str(CLAIMS_GRAPH))
_XSD = "http://www.w3.org/2001/XMLSchema#"
_DATE_TYPES = {1: "gYear", 2: "gYearMonth", 3: "date"}
_STORED_HASH = f"SELECT ?h WHERE {{ GRAPH {CLAIMS} {{ {CLAIMS} <{KG.contentHash}> ?h }} }}"


def _date(iso: str) -> str:
    return str(ox.Literal(iso, datatype=ox.NamedNode(_XSD + _DATE_TYPES.get(len(iso.split("-")), "string"))))


def claim_ntriples(index: ClaimIndex) -> bytes:
    """The claims graph of ``index`` as N-Triples: one ``kg:Claim`` for each claim reported by two documents or more
    (docs/graph-model.md#claims-and-the-two-time-axes), so that a query about corroboration or conflicts reads them
    whole instead of grouping every statement of the graph (seconds on a 1M-triple store); then its content hash, so
    that an unchanged graph is not written again. A claim of one document is its statement: storing it again would
    add ten triples for each of the 21,000 statements of a 1M-triple store, for nothing a query cannot read there.
    Written as text (every value still goes through pyoxigraph's escaping: source names come from front matter)."""
    kg = {name: f"<{KG[name]}>" for name in KG.__annotations__}
    typed = f"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> {kg['Claim']} .\n"
    integer = f"^^<{_XSD}integer> .\n"
    entities: dict[str, str] = {}
    lines: list[str] = []
    for (s, p, o), c in sorted(index.claims.items()):
        if c.documents < 2:
            continue
        node = f"<{node_iri('claim', s, p, o)}> "
        subject = entities.get(s) or entities.setdefault(s, str(entity_node(s)))
        obj = entities.get(o) or entities.setdefault(o, str(entity_node(o)))
        lines += [
            node + typed,
            f"{node}{kg['claimSubject']} {subject} .\n",
            f"{node}{kg['claimPredicate']} <{KG_NS}{p}> .\n",
            f"{node}{kg['claimObject']} {obj} .\n",
            f'{node}{kg["documentCount"]} "{c.documents}"{integer}',
            f'{node}{kg["sourceCount"]} "{len(c.sources)}"{integer}',
        ]
        lines += [f"{node}{kg['reportedBy']} {ox.Literal(source)} .\n" for source in c.sources]
        if c.first_reported and c.last_reported:
            lines.append(f"{node}{kg['firstReported']} {_date(c.first_reported)} .\n")
            lines.append(f"{node}{kg['lastReported']} {_date(c.last_reported)} .\n")
        lines += [f"{node}{kg['eventDate']} {_date(d)} .\n" for d in sorted({d for _, d in c.event_dates if d})]
        lines += [f"{node}{kg['conflict']} {ox.Literal(conflict)} .\n" for conflict in c.conflicts]
    text = "".join(lines)
    return (text + f'{CLAIMS} {kg["contentHash"]} "{digest(text, length=32)}" .\n').encode()


def refresh_claims(writer) -> bool:
    """Rewrite the claims graph if the document graphs now call for another one (after a build, an added or removed
    article, a curation: with the labels graph, :func:`kg.labels.refresh_labels`); True when it was rewritten."""
    index = claim_index(writer)
    stored = next((row[0].value for row in writer.query(_STORED_HASH)), None)
    content = claim_ntriples(index)
    if stored is None and content.startswith(f"{CLAIMS} ".encode()):  # no claim of two documents, none stored
        return False
    if stored is not None and content.endswith(f' "{stored}" .\n'.encode()):
        return False
    writer.replace_graph(CLAIMS, content)
    return True


def claims(
    reader,
    entity: str | None = None,
    *,
    index: ClaimIndex | None = None,
    as_of: str | None = None,
    min_sources: int = 0,
    conflicting: bool = False,
) -> list[Claim]:
    """The claims of the graph, or of one ``entity`` (key, as subject or object): most sources first, then
    most documents, then key. ``index`` is the graph version's :func:`claim_index` (built here when not
    given); ``as_of`` keeps what was known on that date (reports by documents published by then);
    ``min_sources`` and ``conflicting`` narrow to corroborated or conflicting claims."""
    index = index if index is not None else claim_index(reader)
    keys = index.by_entity.get(entity, ()) if entity is not None else tuple(index.claims)
    found = []
    for key in keys:
        claim: Claim | None = index.claims[key]
        if as_of and claim is not None:
            claim = claim.known_as_of(as_of)
        if claim is None or len(claim.sources) < min_sources or (conflicting and not claim.conflicts):
            continue
        found.append(claim)
    return sorted(found, key=lambda c: (-len(c.sources), -c.documents, c.key))


def claim_badge(claim: Claim) -> str:
    """The entity page's badge of a claim (plain text: article text never enters it, only counts and ISO dates)."""
    parts = [f"{len(claim.sources)} source{'s' if len(claim.sources) != 1 else ''}"]
    if claim.first_reported:
        parts.append(f"first reported {claim.first_reported}")
    if claim.conflicts:
        parts.append("conflicting")
    return " · ".join(parts)


def claim_markdown(claim: Claim) -> str:
    """The entity page's line for a claim (Streamlit markdown): its badge, who reports it, and each conflict
    highlighted in red. Source names and conflicts come from front matter: escaped (:func:`kg.explore.highlight.md`).

    >>> report = Report("st1", "a", "*Caixin*", "2025-05-07", None, False, None, None)
    >>> print(claim_markdown(group_reports("x", "acquired", "y", [report])))
    :blue-badge[1 source · first reported 2025-05-07] \\*Caixin\\*
    """
    line = f":blue-badge[{claim_badge(claim)}] {', '.join(md(s) for s in claim.sources)}"
    return line + "".join(f" :red-background[{md(c)}]" for c in claim.conflicts)


def reported_as_of(statements: nx.MultiDiGraph, index: ClaimIndex, date: str) -> nx.MultiDiGraph:
    """The statement graph (:mod:`kg.explore.statements`) as known on ``date``: only the statements of documents
    published by then (an ISO prefix: "2024" keeps every document of 2024), knowledge-base facts kept (background).
    A read-only view, not a copy, without the rankings kept with the statement graph (they rank every statement),
    so that views walk it with their own filters."""
    import networkx as nx

    known = {
        n for _, _, n, d in statements.edges(keys=True, data=True) if d["kb"] or published_by(index.reported(n), date)
    }
    view = nx.subgraph_view(statements, filter_edge=lambda s, o, n: n in known)
    view.graph = {}
    return view


#: Words that make a sentence a hedge or hearsay rather than a statement of fact.
_HEDGES = re.compile(
    r"\b(may|might|could|reportedly|rumou?red|allegedly|is said to|are said to|plans? to|expected to|"
    r"considering|would|if|whether|possibly|perhaps|according to)\b",
    re.I,
)


def declarative_rank(sentence: str) -> tuple[int, int]:
    """How plainly a sentence states its fact (lower first): statements, then hedges, then questions; shorter first.

    >>> sorted(["Did Alibaba buy it?", "Alibaba may buy it.", "Alibaba bought it."], key=declarative_rank)
    ['Alibaba bought it.', 'Alibaba may buy it.', 'Did Alibaba buy it?']
    """
    text = sentence.strip()
    kind = 2 if text.endswith(("?", "？")) else 1 if _HEDGES.search(text) else 0
    return (kind, len(text))


def best_per_document(evidence: Iterable) -> tuple[list, list]:
    """Evidence (anything with ``document`` and ``sentence``) split into the most declarative sentence of each
    document (shown by default), and the rest (on demand); each in document order."""
    by_doc: dict[str, list] = defaultdict(list)
    for ev in evidence:
        by_doc[ev.document].append(ev)
    first, rest = [], []
    for doc in sorted(by_doc):
        ranked = sorted(by_doc[doc], key=lambda e: declarative_rank(e.sentence))
        first.append(ranked[0])
        rest += ranked[1:]
    return first, rest
