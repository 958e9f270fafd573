"""kg-explorer for notebooks: open a graph, search it, read an entity and its relations, query it, build it.

>>> import tempfile, kg
>>> store = tempfile.mkdtemp() + "/store"
>>> report = kg.build_text("Kuaishou co-founder and chairman Su Hua said Tencent invested in Kuaishou in 2017.",
...                        title="Example", published="2025-05", store=store)
>>> g = kg.open(store)
>>> [hit.entity.label for hit in g.search("kuaishou")]
['Kuaishou']
>>> sorted((r.subject.label, r.predicate, r.object.label) for r in g.relations("kuaishou") if r.source == "text")
[('Su Hua', 'founded', 'Kuaishou'), ('Su Hua', 'leads', 'Kuaishou'), ('Tencent', 'invested_in', 'Kuaishou')]
>>> g.query("SELECT (COUNT(*) AS ?n) WHERE { ?d a kg:Document }").rows[0][0].value
'1'

Everything here is a thin layer over the library's modules (``kg.store``, ``kg.query``, ``kg.explore``,
``kg.build``); importing ``kg`` loads none of them, nor spaCy or Streamlit, until a function needs it.
No public name is also the name of a submodule: ``import kg.build`` binds the attribute ``kg.build`` to the
module, so a function called ``build`` here would be replaced by it (hence ``build_corpus``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.build import AddResult, BuildReport
    from kg.explore.entity import EntityInfo, RelationRow
    from kg.explore.search import Hit, LabelIndex
    from kg.query import QueryResult
    from kg.settings import Settings

__all__ = ["Graph", "build_corpus", "build_text", "open"]


def _settings(store: str | None, **overrides: Any) -> Settings:
    from kg.settings import Settings

    return Settings.load(store=store, **overrides)


class Graph:
    """A read-only view of one store (an embedded directory or a SPARQL server's URL)."""

    def __init__(self, settings: Settings):
        from kg.store import open_reader

        self.settings = settings
        self.reader = open_reader(settings)
        self._labels: LabelIndex | None = None  # built on the first search, then reused

    def search(self, text: str, limit: int = 20) -> list[Hit]:
        """Entities whose label or alias starts a word with ``text`` (case- and accent-insensitive)."""
        from kg.explore.search import build_label_index

        if self._labels is None:
            self._labels = build_label_index(self.reader)
        return self._labels.search(text, limit)

    def entity(self, key: str) -> EntityInfo | None:
        """The entity ``key`` (its type, aliases, knowledge-base id), or None if the graph has no such entity."""
        from kg.explore.entity import entity_info

        return entity_info(self.reader, key)

    def relations(self, key: str) -> list[RelationRow]:
        """Every typed relation of the entity ``key``, both directions, each with date, confidence and evidence."""
        from kg.explore.entity import relations

        return relations(self.reader, key)

    def query(self, text: str) -> QueryResult:
        """A SPARQL query through the guard (read-only, bounded, in an isolated worker).

        The usual prefixes are declared.
        """
        from kg.query import run_user_query

        return run_user_query(text, self.settings, reader=self.reader)


def open(store: str = "data/store", **settings: Any) -> Graph:
    """The graph in ``store``; other keyword arguments are settings (``query_timeout=5``)."""
    return Graph(_settings(store, **settings))


def build_corpus(corpus: str = "corpus", store: str = "data/store", **settings: Any) -> BuildReport:
    """Bring ``store`` up to date with the articles under ``corpus`` (unchanged articles are skipped)."""
    from kg.build import build as build_store

    return build_store(_settings(store, corpus=corpus, **settings))


def build_text(
    text: str, *, title: str, published: str | None = None, store: str = "data/store", **settings: Any
) -> AddResult:
    """Extract one article given as text and add it to ``store`` atomically."""
    from kg.build import add_document

    return add_document(_settings(store, **settings), "pasted", text=text, title=title, published=published)
