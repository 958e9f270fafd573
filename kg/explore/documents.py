"""One article, readable: its text escaped, each entity mention in ``<mark>`` (titled with the entity).

>>> from kg.explore.highlight import highlight
>>> highlight("Hi <Bob>", [(3, 8, "Bob (Person)")])
'Hi <mark title="Bob (Person)">&lt;Bob&gt;</mark>'
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.explore.highlight import highlight
from kg.explore.terms import PREFIXES, describe_entities, doc_node, entity_key, value

_TEXT = PREFIXES + "SELECT ?d ?text WHERE { ?d kg:text ?text }"
_MENTIONS = PREFIXES + """
SELECT DISTINCT ?d ?start ?end ?e WHERE { ?m kg:document ?d ; kg:start ?start ; kg:end ?end ; kg:refersTo ?e }"""


@dataclass(frozen=True)
class ReadableDocument:
    id: str
    text: str
    html: str  # escaped text with mentions marked
    entities: tuple[tuple[str, str, int], ...]  # (key, label, mentions), most mentioned first


def readable_document(reader, doc_id: str) -> ReadableDocument | None:
    """The article's text with its mentions highlighted; None if there is no such document."""
    node = {"d": doc_node(doc_id)}
    texts = [r["text"].value for r in reader.query(_TEXT, node)]
    if not texts:
        return None
    text = texts[0]
    mentions = [(int(value(r["start"])), int(value(r["end"])), entity_key(r["e"])) for r in reader.query(_MENTIONS, node)]
    refs = describe_entities(reader, (k for _, _, k in mentions))
    counts: dict[str, int] = {}
    for _, _, k in mentions:
        counts[k] = counts.get(k, 0) + 1
    html = highlight(text, [(s, e, f"{refs[k].label} ({refs[k].type})") for s, e, k in mentions])
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], refs[kv[0]].label))
    return ReadableDocument(doc_id, text, html, tuple((k, refs[k].label, n) for k, n in ranked))
