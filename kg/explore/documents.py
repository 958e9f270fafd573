"""One article, readable: its text escaped, each entity mention in ``<mark>`` (titled with the entity), and
the sentence an evidence link cites set apart (``<span class="cited" id="cited">``) so the page can open there.

>>> from kg.explore.highlight import highlight
>>> highlight("Hi <Bob>", [(3, 8, "Bob (Person)")])
'Hi <mark title="Bob (Person)">&lt;Bob&gt;</mark>'
>>> article_html("A said. B <did>. C.", [(8, 9, "B (Person)")], cited=(8, 16))
'A said. <span class="cited" id="cited"><mark title="B (Person)">B</mark> &lt;did&gt;.</span> C.'
>>> article_html("A said. B did.", [(8, 9, "B")], cited=(8, 14), mentions=False)
'A said. <span class="cited" id="cited">B did.</span>'
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.explore.highlight import highlight
from kg.explore.terms import PREFIXES, describe_entities, doc_node, entity_key

_TEXT = PREFIXES + "SELECT ?d ?text WHERE { ?d kg:text ?text }"
_MENTIONS = (
    PREFIXES
    + """
SELECT DISTINCT ?d ?start ?end ?e WHERE { ?m kg:document ?d ; kg:start ?start ; kg:end ?end ; kg:refersTo ?e }"""
)


@dataclass(frozen=True)
class ReadableDocument:
    id: str
    text: str
    mentions: tuple[tuple[int, int, str], ...]  # (start, end, "label (type)") of every entity mention
    entities: tuple[tuple[str, str, int], ...]  # (key, label, mentions), most mentioned first

    @property
    def html(self) -> str:
        """The text escaped, every mention marked."""
        return self.drawn()

    def drawn(self, cited: tuple[int, int] | None = None, mentions: bool = True) -> str:
        """The text escaped, its mentions marked (when ``mentions``), the ``cited`` span set apart."""
        return article_html(self.text, list(self.mentions), cited, mentions)


def cited_span(text: str, start: int | None, end: int | None) -> tuple[int, int] | None:
    """``(start, end)`` if it is a non-empty span of ``text`` (offsets from a URL may be anything), else None.

    >>> cited_span("abcdef", 1, 4), cited_span("abcdef", 4, 1), cited_span("abcdef", 0, 99), cited_span("ab", None, 1)
    ((1, 4), None, None, None)
    """
    if start is None or end is None or not 0 <= start < end <= len(text):
        return None
    return start, end


def article_html(text: str, spans: list[tuple], cited: tuple[int, int] | None = None, mentions: bool = True) -> str:
    """The text escaped, with each mention span ``(start, end, title)`` marked when ``mentions``, and the
    ``cited`` span wrapped in ``<span class="cited" id="cited">`` (mentions crossing its edges are cut there)."""
    spans = spans if mentions else []
    if cited is None:
        return highlight(text, spans)
    parts = []
    for lo, hi in ((0, cited[0]), cited, (cited[1], len(text))):
        inside = [(max(s, lo) - lo, min(e, hi) - lo, *rest) for s, e, *rest in spans if s < hi and e > lo]
        parts.append(highlight(text[lo:hi], inside))
    return f'{parts[0]}<span class="cited" id="cited">{parts[1]}</span>{parts[2]}'


def readable_document(reader, doc_id: str) -> ReadableDocument | None:
    """The article's text with its mentions (drawn by :meth:`ReadableDocument.html`); None if there is no
    such document."""
    node = {"d": doc_node(doc_id)}
    texts = [r["text"].value for r in reader.query(_TEXT, node)]
    if not texts:
        return None
    text = texts[0]
    found = [(int(r["start"].value), int(r["end"].value), entity_key(r["e"])) for r in reader.query(_MENTIONS, node)]
    refs = describe_entities(reader, (k for _, _, k in found))
    counts: dict[str, int] = {}
    for _, _, k in found:
        counts[k] = counts.get(k, 0) + 1
    spans = tuple((s, e, f"{refs[k].label} ({refs[k].type})") for s, e, k in found)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], refs[kv[0]].label))
    return ReadableDocument(doc_id, text, spans, tuple((k, refs[k].label, n) for k, n in ranked))
