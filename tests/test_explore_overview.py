"""The overview's bounded queries give what the unbounded ones gave, on the sample store."""

import pytest

from kg.explore import overview, paths
from kg.explore.terms import PREFIXES, entity_key, local_name
from kg.model import Document, Extraction, PartialDate
from kg.rdf import extraction_quads
from kg.settings import Settings
from kg.store import open_reader, open_writer

#: Titles from article text are data: quotes, braces, a backslash and SPARQL keywords must stay in the literal.
HOSTILE_TITLE = 'Who said "x" } SERVICE <http://evil.example/> { ?s ?p ?o } \\ #'


@pytest.fixture(scope="module")
def reader(sample_store):
    return open_reader(sample_store)


def test_documents_limit_keeps_the_order_and_the_counts(reader):
    every = overview.documents(reader)
    assert len(every) == 2
    assert overview.documents(reader, limit=1) == every[:1]
    assert overview.documents(reader, limit=5) == every
    assert every[0].mentions > 0 and every[0].evidence > 0


@pytest.fixture(scope="module")
def many_documents(tmp_path_factory):
    """A reader on a store of documents made to tie: same dates, same titles, undated, untitled, a hostile title."""
    titles_dates = [
        ("Same title", "2024"),
        ("Same title", "2024"),
        ("Same title", "2024"),
        ("Market report", "2024-05"),
        ("market NEWS", "2023-12-01"),
        ("Undated one", None),
        ("Undated two", None),
        ("", None),
        (HOSTILE_TITLE, "2022"),
        ("Supermarket", "2024"),
        ("Old", "1999"),
    ]
    settings = Settings.load(store=str(tmp_path_factory.mktemp("many") / "store"))
    with open_writer(settings) as writer:
        for i, (title, published) in enumerate(titles_dates):
            doc = Document(
                id=f"doc-{i:02d}",
                text=f"Article {i}.",
                title=title,
                source_path=f"corpus/{i}.md",
                published=PartialDate.parse(published) if published else None,
            )
            writer.replace_document(doc.id, extraction_quads(Extraction(document=doc)))
    return open_reader(settings)


def test_document_pages_cover_every_document_once_in_order(many_documents):
    every = overview.documents(many_documents)
    assert len(every) == overview.document_count(many_documents) == 11
    dated = [d.published for d in every if d.published]
    assert dated == sorted(dated, reverse=True) and all(d.published is None for d in every[len(dated) :])
    for size in (1, 2, 3, 4, 11, 20):
        pages = [overview.documents(many_documents, size, offset) for offset in range(0, len(every) + size, size)]
        assert [d for page in pages for d in page] == every, size
        assert all(len(page) <= size for page in pages)
    assert overview.documents(many_documents, 5, 100) == []


@pytest.mark.parametrize(
    "text",
    [
        "market",
        "MARKET",
        "same TITLE",
        "SERVICE <http://evil",
        '"x" }',
        "\\",
        HOSTILE_TITLE,
        "}} nothing",
        '") } SERVICE <http://evil.example/> { ?s ?p ?o } #',
    ],
)
def test_title_filter_is_a_bound_case_insensitive_substring(many_documents, text):
    every = overview.documents(many_documents)
    expected = [d for d in every if text.lower() in d.title.lower()]
    assert overview.documents(many_documents, title_contains=text) == expected
    assert overview.document_count(many_documents, title_contains=text) == len(expected)
    assert overview.documents(many_documents, 1, 1, title_contains=text) == expected[1:2]


def test_one_document_by_id(many_documents, reader):
    for store in (many_documents, reader):
        for row in overview.documents(store):
            assert overview.document(store, row.id) == row
        assert overview.document(store, "no such article") is None


_STATEMENT_TRIPLES = (
    PREFIXES
    + """
SELECT DISTINCT ?s ?p ?o WHERE { ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }"""
)


def test_projection_from_direct_triples_covers_every_statement(reader):
    """The projection reads each relation's direct triple: it must hold exactly the statement nodes' triples."""
    G = paths.entity_projection(reader)
    pairs: dict[tuple[str, str], set[str]] = {}
    for r in reader.query(_STATEMENT_TRIPLES):
        s, o = entity_key(r["s"]), entity_key(r["o"])
        pairs.setdefault((min(s, o), max(s, o)), set()).add(local_name(r["p"]))
    assert {(min(a, b), max(a, b)): set(d["relations"]) for a, b, d in G.edges(data=True)} == pairs
