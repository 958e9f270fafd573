"""Build data IRIs. Text never enters an IRI raw: names are normalised and percent-encoded,
composite keys are hashed.

>>> entity_iri("JD.com")
rdflib.term.URIRef('https://w3id.org/kg-explorer/id/entity/jd.com')
>>> str(entity_iri('<img src=x onerror=alert(1)>'))
'https://w3id.org/kg-explorer/id/entity/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E'
"""

from __future__ import annotations

import hashlib
import unicodedata
from urllib.parse import quote, unquote

from rdflib import URIRef

from kg.vocab import ID


def normalise_name(name: str) -> str:
    """The linking key of a name: NFKC, case-folded, single-spaced, curly quotes and possessives gone.

    >>> normalise_name("  Xiaohongshu’s\\n")
    'xiaohongshu'
    """
    text = unicodedata.normalize("NFKC", name).replace("\u2019", "'").replace("\u2018", "'")
    text = " ".join(text.split()).strip(" \"'“”«»「」()[]")
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("s'"):
        text = text[:-1]
    return text.casefold()


def _segment(text: str) -> str:
    return quote(text, safe="")


def digest(*parts: object, length: int = 16) -> str:
    """A short stable hash of the parts (joined unambiguously)."""
    h = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8"))
    return h.hexdigest()[:length]


def entity_iri(key: str) -> URIRef:
    """The IRI of the entity with this linking key (KB id or normalised name)."""
    return ID["entity/" + _segment(normalise_name(key))]


def document_iri(doc_id: str) -> URIRef:
    return ID["doc/" + _segment(doc_id)]


def graph_iri(doc_id: str) -> URIRef:
    return ID["graph/" + _segment(doc_id)]


def document_id(iri: str) -> str:
    """The document id in a document or graph IRI: the inverse of :func:`document_iri` and :func:`graph_iri`.

    >>> document_id(str(graph_iri("a b")))
    'a b'
    """
    return unquote(iri.rsplit("/", 1)[-1])


def node_iri(kind: str, *parts: object) -> URIRef:
    """Statement, evidence, mention, event, quantity and co-mention nodes: ``id/<kind>/<hash>``."""
    return ID[f"{kind}/{digest(*parts)}"]
