"""The guard: a user's SPARQL query is judged on its parse tree, never on its text.

Every query is parsed in full by tree-sitter's SPARQL grammar (a C parser: tens of microseconds for a
typical query, about a millisecond at the 64 KiB limit, no recursion to exhaust) and judged on the tree:

- the query form (SELECT, ASK, CONSTRUCT, DESCRIBE) comes from the tree, so a prefix named
  ``x.select.y:`` cannot pass for a form;
- any ``SERVICE`` pattern, anywhere, and any update operation (``LOAD`` among them) is refused;
- ``FROM`` / ``FROM NAMED`` may only name the store's own graphs (absolute IRIs under
  :data:`STORE_GRAPH_NAMESPACE`).

Refusals that need no parse (text too long, brackets nested too deep) come first; they can only
refuse. A text that tree-sitter's grammar does not accept gets a second full parse by rdflib's parser
(slower, and wider: it knows ``\\u`` escapes in strings, which the tree-sitter grammar lacks) and is
judged on that tree the same way; if neither accepts it, the user gets a syntax error that points at
the line and column of the first problem.

The query then runs in a worker process that cannot reach the network (:mod:`kg.query.isolation`), so a
parser disagreement with Oxigraph still cannot become a request.
"""

from __future__ import annotations

import re
import sys
import threading
import warnings
from dataclasses import dataclass
from functools import lru_cache

import tree_sitter
import tree_sitter_sparql

from kg.errors import QueryError, QueryRefusedError
from kg.explore.terms import NAMESPACES
from kg.settings import Settings
from kg.vocab import ID

#: Prefixes every user query may use without declaring them.
PREFIXES = NAMESPACES

#: Graph names a query may put in FROM / FROM NAMED: the store's own (documents, kb, meta).
STORE_GRAPH_NAMESPACE = str(ID["graph/"])

_CACHE_SIZE = 1024  # distinct query texts whose verdict is kept
_PARSER_RECURSION_LIMIT = 10000  # rdflib's parser recurses ~30 frames per bracket level

with warnings.catch_warnings():  # the grammar package hands its language over as an int, which tree-sitter deprecates
    warnings.simplefilter("ignore", DeprecationWarning)
    _LANGUAGE = tree_sitter.Language(tree_sitter_sparql.language())
_PARSERS = threading.local()  # a tree-sitter Parser is not safe to share between threads

#: Query forms by the tree-sitter node that holds them.
_FORMS = {"select_query": "select", "ask_query": "ask", "construct_query": "construct", "describe_query": "construct"}
#: Update operations by their tree-sitter node, as the user would write them.
_UPDATES = {
    "load": "LOAD",
    "clear": "CLEAR",
    "drop": "DROP",
    "create": "CREATE",
    "add": "ADD",
    "move": "MOVE",
    "copy": "COPY",
    "insert_data": "INSERT DATA",
    "delete_data": "DELETE DATA",
    "delete_where": "DELETE WHERE",
    "modify": "DELETE/INSERT",
}
#: The same operations by rdflib's parse-node names.
_RDFLIB_UPDATES = {
    "Load": "LOAD",
    "Clear": "CLEAR",
    "Drop": "DROP",
    "Create": "CREATE",
    "Add": "ADD",
    "Move": "MOVE",
    "Copy": "COPY",
    "InsertData": "INSERT DATA",
    "DeleteData": "DELETE DATA",
    "DeleteWhere": "DELETE WHERE",
    "Modify": "DELETE/INSERT",
}
_RDFLIB_FORMS = {
    "SelectQuery": "select",
    "AskQuery": "ask",
    "ConstructQuery": "construct",
    "DescribeQuery": "construct",
}

# Tokens that can hide brackets: strings, IRIs and comments; then the brackets themselves.
_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n\r]*"
    r"|[{}()\[\]]",
    re.DOTALL,
)
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class PreparedQuery:
    """A query the guard accepted: its kind, the text to run (prefixes added), and whether it names
    its own dataset with FROM / FROM NAMED (then the union default graph is not applied)."""

    kind: str  # "select" | "ask" | "construct"
    text: str
    has_dataset: bool


def prepare_query(text: str, settings: Settings) -> PreparedQuery:
    """Judge a user's query; raise QueryRefusedError or QueryError, else return it prepared to run.

    >>> s = Settings()
    >>> prepare_query("PREFIX x.select.y: <http://e/> CONSTRUCT WHERE { ?s ?p ?o }", s).kind
    'construct'
    >>> prepare_query("SELECT ?c WHERE { ?s ?p 1SERVICE <http://127.0.0.1:9/> { ?a ?b ?c } }", s)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.QueryRefusedError: SERVICE <http://127.0.0.1:9/> refused: ...
    """
    check_size(text, settings)
    verdict = _verdict(text, settings.query_max_depth)
    if isinstance(verdict, PreparedQuery):
        return verdict
    error_class, message = verdict
    raise error_class(message)


def check_size(text: str, settings: Settings) -> None:
    """Refuse a text over ``query_max_bytes`` (no parse needed: this check can only refuse)."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > settings.query_max_bytes:
        raise QueryRefusedError(
            f"the query is {size} bytes, over the limit of {settings.query_max_bytes} "
            "(setting query_max_bytes, env KG_QUERY_MAX_BYTES); shorten it, e.g. move long VALUES lists into the store"
        )


@lru_cache(maxsize=_CACHE_SIZE)
def _verdict(text: str, max_depth: int) -> PreparedQuery | tuple[type[QueryError], str]:
    # Errors are returned, not raised, so that refusals are cached too.
    if _has_surrogates(text):
        return QueryError, "the query text is not valid Unicode (it holds a lone surrogate); fix its encoding"
    depth = _nesting_depth(text)
    if depth > max_depth:
        return QueryRefusedError, (
            f"the query nests brackets {depth} deep, over the limit of {max_depth} "
            "(setting query_max_depth, env KG_QUERY_MAX_DEPTH); flatten the nested groups or sub-queries"
        )
    if not _TOKENS.sub(lambda m: "" if m.group().startswith("#") else m.group(), text).strip():
        return (
            QueryError,
            "the query is empty (only white space or comments); write a SELECT, ASK, CONSTRUCT or DESCRIBE query",
        )
    source = text.encode("utf-8")
    tree = _parser().parse(source)
    judged = _judge_tree(tree.root_node, source)
    if judged is not None and not isinstance(judged, PreparedQuery):
        return judged  # a refusal stands even when the rest of the text does not parse
    if tree.root_node.has_error or judged is None:
        second = _rdflib_verdict(text)
        if isinstance(second, PreparedQuery) or second[0] is QueryRefusedError:
            return second
        return QueryError, _syntax_message(tree.root_node, text, fallback=second[1])
    return judged


def _parser() -> tree_sitter.Parser:
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = tree_sitter.Parser(_LANGUAGE)
    return parser


def _nodes(root: tree_sitter.Node):
    """Every node of the tree, depth first (a cursor walk: no recursion, no per-level lists)."""
    cursor = root.walk()
    while True:
        yield cursor.node
        if cursor.goto_first_child():
            continue
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                return


def _judge_tree(root: tree_sitter.Node, source: bytes) -> PreparedQuery | tuple[type[QueryError], str] | None:
    """The verdict on a tree-sitter tree: a refusal, the prepared query, or None when it holds no query form."""
    declared: dict[str, str] = {}
    forms: list[str] = []
    datasets: list[tuple[str, tree_sitter.Node]] = []
    operations: list[str] = []
    for node in _nodes(root):
        kind = node.type
        if kind == "service_graph_pattern":
            return QueryRefusedError, _service_refused(_service_target(node, source))
        if kind in _UPDATES:
            operations.append(_UPDATES[kind])
        elif kind in _FORMS:
            forms.append(_FORMS[kind])
        elif kind == "prefix_declaration":
            prefix, iri = _prefix_declaration(node, source)
            if iri is not None:
                declared[prefix] = iri
        elif kind in ("default_graph_clause", "named_graph_clause", "using_clause"):
            datasets.append(("FROM NAMED" if kind == "named_graph_clause" else "FROM", node))
    if operations:
        return QueryRefusedError, _updates_refused(operations)
    prefixes = {**PREFIXES, **declared}
    for which, clause in datasets:
        last_child = clause.named_children[-1] if clause.named_children else None
        selector = clause.child_by_field_name("source_selector") or last_child
        graph = _resolve(selector, source, prefixes)
        if graph is None or not graph.startswith(STORE_GRAPH_NAMESPACE):
            shown = f"<{graph}>" if graph is not None else _text(selector, source)
            return QueryRefusedError, _foreign_dataset(which, shown)
    if len(forms) != 1:
        return None
    return _prepared(forms[0], text=source.decode("utf-8"), declared=declared, has_dataset=bool(datasets))


def _prepared(kind: str, text: str, declared: dict[str, str] | set[str], has_dataset: bool) -> PreparedQuery:
    missing = "".join(f"PREFIX {p}: <{iri}> " for p, iri in PREFIXES.items() if p not in declared)
    return PreparedQuery(kind=kind, text=f"{missing}\n{text}" if missing else text, has_dataset=has_dataset)


def _service_refused(shown: str) -> str:
    return (
        f"SERVICE {shown} refused: this endpoint does not call other SPARQL services "
        "(a federated query can reach any server and cannot be bounded); load the data into the store instead"
    )


def _updates_refused(operations: list[str]) -> str:
    return (
        f"{', '.join(dict.fromkeys(operations))} refused: user queries are read-only (updates and LOAD "
        "are not run); change the store with `kg build` / `kg add` instead"
    )


def _foreign_dataset(which: str, shown: str) -> str:
    return (
        f"{which} {shown} refused: FROM and FROM NAMED may only name the store's own graphs "
        f"(absolute IRIs starting with <{STORE_GRAPH_NAMESPACE}>), nothing is loaded from elsewhere; "
        "remove it to query the union of all graphs"
    )


def _text(node: tree_sitter.Node | None, source: bytes) -> str:
    return "" if node is None else source[node.start_byte : node.end_byte].decode("utf-8", "replace")


def _prefix_declaration(node: tree_sitter.Node, source: bytes) -> tuple[str, str | None]:
    prefix, iri = "", None
    for child in node.named_children:
        if child.type == "namespace":
            prefix = _text(child, source).rstrip(":").strip()
        elif child.type == "iri_reference":
            iri = _text(child, source)[1:-1]
    return prefix, iri


def _resolve(node: tree_sitter.Node | None, source: bytes, prefixes: dict[str, str]) -> str | None:
    """The absolute IRI a graph reference names, or None if it is relative or its prefix is unknown."""
    if node is None:
        return None
    text = _text(node, source).strip()
    if node.type == "iri_reference":
        value = text[1:-1]
    elif node.type == "prefixed_name":
        prefix, _, local = text.partition(":")
        if prefix not in prefixes:
            return None
        value = prefixes[prefix] + local
    else:
        return None
    return value if _ABSOLUTE_IRI.match(value) else None


def _service_target(node: tree_sitter.Node, source: bytes) -> str:
    for child in node.named_children:
        if child.type in ("iri_reference", "prefixed_name", "var"):
            return _text(child, source)
    return ""


def _syntax_message(root: tree_sitter.Node, text: str, fallback: str) -> str:
    """A syntax error at the place tree-sitter found a token missing, else where rdflib's parse stopped."""
    for node in _nodes(root):
        if node.is_missing:
            line, column = node.start_point
            prefix = text.encode("utf-8").split(b"\n")[line][:column].decode("utf-8", "replace")
            return _point_at(text, line + 1, len(prefix) + 1, f"expected {node.type.replace('_', ' ')} here")
    return fallback


def _point_at(text: str, line: int, column: int, what: str) -> str:
    """A syntax error message naming the line and column, the line itself and a caret under the place."""
    lines = text.splitlines() or [""]
    shown = lines[min(line, len(lines)) - 1]
    start = max(0, column - 60)
    return (
        f"SPARQL syntax error at line {line}, column {column}: {what}\n"
        f"    {shown[start : start + 120]}\n    {' ' * (column - 1 - start)}^\n"
        "fix the query text"
    )


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _nesting_depth(text: str) -> int:
    depth = deepest = 0
    for m in _TOKENS.finditer(text):
        token = m.group()
        if token in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "})]":
            depth = max(depth - 1, 0)
    return deepest


# --------------------------------------------------------------------------------------------
# the second opinion: rdflib's parser (only for texts tree-sitter's grammar does not accept)
# --------------------------------------------------------------------------------------------
def _rdflib_verdict(text: str) -> PreparedQuery | tuple[type[QueryError], str]:
    """The verdict from rdflib's parse tree (its parser only; rdflib never evaluates the query)."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    if sys.getrecursionlimit() < _PARSER_RECURSION_LIMIT:
        sys.setrecursionlimit(_PARSER_RECURSION_LIMIT)
    try:
        tree = parseQuery(text)
    except ParseException as e:
        try:
            update = parseUpdate(text)
        except (ParseException, RecursionError):
            update = None
        requests = update.request if update is not None else None  # None for a text with no operation at all
        operations = [_RDFLIB_UPDATES.get(r.name, r.name) for r in requests] if requests else []
        if operations:
            return QueryRefusedError, _updates_refused(operations)
        found = re.match(r"\S{1,30}", e.line[e.column - 1 :]) if e.line else None
        what = f"unexpected {found.group()!r}" if found else "unexpected end of the query"
        return QueryError, _point_at(text, e.lineno, e.column, what)
    except RecursionError:
        return QueryRefusedError, (
            "the query nests too deeply to be parsed; flatten the nested groups or sub-queries "
            "(setting query_max_depth bounds the nesting)"
        )
    prologue, body = tree[0], tree[1]
    declared = {(decl.prefix or ""): str(decl.iri) for decl in prologue if decl.name == "PrefixDecl"}
    prefixes = {**PREFIXES, **declared}
    has_dataset = False
    for node in _walk(body):
        if node.name == "ServiceGraphPattern":
            return QueryRefusedError, _service_refused(_show(node.term))
        if node.name == "DatasetClause":
            has_dataset = True
            # CompValue attributes are None when absent (its .get() returns the key instead)
            which, term = ("FROM NAMED", node.named) if node.named is not None else ("FROM", node.default)
            graph = _rdflib_iri(term, prefixes)
            if graph is None or not graph.startswith(STORE_GRAPH_NAMESPACE):
                return QueryRefusedError, _foreign_dataset(which, f"<{graph}>" if graph is not None else _show(term))
    return _prepared(_RDFLIB_FORMS[body.name], text=text, declared=declared, has_dataset=has_dataset)


def _walk(node):
    """Every CompValue (named parse node) under ``node``."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):  # ParseResults is a list-like
            stack.extend(item)
        elif hasattr(item, "asList") and not isinstance(item, str):
            stack.extend(list(item))


def _rdflib_iri(term, prefixes: dict[str, str]) -> str | None:
    from rdflib import URIRef

    if isinstance(term, URIRef):
        value = str(term)
    elif getattr(term, "name", None) == "pname" and (term.prefix or "") in prefixes:
        value = prefixes[term.prefix or ""] + (term.localname or "")
    else:
        return None
    return value if _ABSOLUTE_IRI.match(value) else None


def _show(term) -> str:
    from rdflib import Variable

    if isinstance(term, Variable):
        return f"?{term}"
    if getattr(term, "name", None) == "pname":
        return f"{term.prefix or ''}:{term.localname or ''}"
    return f"<{term}>"
