"""Every page of the Streamlit app renders on the sample store and its main widgets work (AppTest)."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from explore_sample import HOSTILE_A, build_sample_store
from kg.explore.highlight import md
from kg.settings import Settings
from tests.conftest import APP, open_app_page


@pytest.fixture
def app(sample_store, monkeypatch):
    """A function that opens a page (with URL parameters) of the app over the sample store."""
    monkeypatch.setenv("KG_STORE", sample_store.store)

    return open_app_page


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [t.value for t in at.title] + [p.value for p in at.page_link]
    parts += [c.value for c in at.caption] + [b.label for b in at.button]
    return "\n".join(parts)


def param(at: AppTest, key: str) -> list[str]:
    value = at.query_params[key]
    return value if isinstance(value, list) else [value]


def iframes(at: AppTest) -> list[str]:
    return [node.proto.srcdoc for node in at.get("iframe")]


def test_overview_shows_counts_central_entities_and_documents(app):
    at = app()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Documents"] == "2" and metrics["Relations"] == "8"
    links = [p.value for p in at.page_link]
    assert any(link.startswith("Xiaohongshu") for link in links)
    assert any("Xiaohongshu opens external links" in link for link in links)
    assert "kg-explorer" in at.title[0].value and "First time here?" in at.info[0].value
    at.selectbox(key="export_fmt").set_value("gexf").run()
    assert not at.exception
    [download] = at.get("download_button")  # one click: no "prepare" step
    assert download.proto.label == "Download graph.gexf"


def test_overview_names_relations_in_words(app):
    at = app()
    [_, relations] = [c for c in at.get("arrow_vega_lite_chart")] or [c for c in at.get("vega_lite_chart")]
    assert "partner of" in str(relations.proto) and "partner_of" not in str(relations.proto)


def pick_in_search(at: AppTest, key: str) -> AppTest:
    """What the search box holds after a suggestion was picked (AppTest cannot type into a custom component;
    the suggestions themselves are tested in tests/test_explore_search.py)."""
    at.session_state["search"] = {"result": key, "search": "", "options_js": [], "key_react": "picked"}
    return at.run()


@pytest.mark.parametrize("page", [None, "entity", "documents"])
def test_a_search_pick_opens_the_entity_page_from_any_page(app, page):
    at = pick_in_search(app(page, entity="taotian") if page == "entity" else app(page), "xiaohongshu")
    assert not at.exception
    assert at.title[0].value == "Xiaohongshu" and param(at, "entity") == ["xiaohongshu"]
    assert at.session_state["search"]["result"] is None  # picking the same entity again opens it again


def test_entity_page_shows_relations_with_marked_evidence(app):
    at = app("entity", entity="xiaohongshu")
    page = texts(at)
    assert "RedNote" in page
    assert "<mark>Xiaohongshu</mark> and <mark>Taotian</mark>" in page
    assert any("in Xiaohongshu opens external links" in p.value for p in at.page_link)
    assert [e.label for e in at.expander if e.label.startswith("partner")]  # grouped by predicate with counts
    assert iframes(at) and "vis.Network" in iframes(at)[0]


def test_entity_page_writes_its_entity_to_the_url(app):
    """A link to the same page with another entity (a counterpart) leaves the browser's address unchanged
    unless the page writes it; the page writes every view's parameters, so reload and Back hold."""
    at = app("entity", entity="xiaohongshu")
    assert param(at, "entity") == ["xiaohongshu"]
    taotian = next(p for p in at.page_link if p.value.startswith("Taotian —"))
    assert page_links(at)[taotian.value] == {"entity": ["taotian"]}
    at.query_params["entity"] = "taotian"  # what following the link (or Back to it) does
    at.run()
    assert at.title[0].value == "Taotian" and param(at, "entity") == ["taotian"]


def test_entity_page_evidence_links_open_the_document_at_the_cited_sentence(app, sample_store):
    from kg.explore.documents import readable_document
    from kg.store import open_reader

    at = app("entity", entity="xiaohongshu")
    link = page_links(at)["in Xiaohongshu opens external links"]
    doc = readable_document(open_reader(sample_store), link["doc"][0])
    start, end = int(link["start"][0]), int(link["end"][0])
    assert doc.text[start:end].startswith(("On May 7, 2025", "In June 2018", "In August 2023", "On May 12"))
    opened = app("documents", doc=link["doc"][0], start=link["start"][0], end=link["end"][0])
    [article] = [m.value for m in opened.markdown if 'class="article"' in m.value]
    assert f'<span class="cited" id="cited">{doc.text[start:end]}</span>' in article
    assert "<mark" not in article  # only the cited sentence stands out unless mentions are asked for
    assert opened.toggle(key="mentions").value is False
    opened.toggle(key="mentions").set_value(True).run()
    assert "<mark" in next(m.value for m in opened.markdown if 'class="article"' in m.value)
    assert param(opened, "mentions") == ["1"] and param(opened, "start") == [str(start)]


@pytest.mark.parametrize("start, end", [("5", "2"), ("0", "999999"), ("x", "10"), ("-4", "3")])
def test_documents_page_ignores_offsets_outside_the_text(app, start, end):
    at = app("documents", doc="seed-sample", start=start, end=end)
    [article] = [m.value for m in at.markdown if 'class="article"' in m.value]
    assert 'class="cited"' not in article and "<mark" in article
    assert "start" not in at.query_params and "end" not in at.query_params  # mended to what is shown


def test_documents_page_shows_source_publisher_url_and_date(app):
    at = app("documents", doc="seed-sample")
    facts = [m.value for m in at.markdown if "<b>Published</b>" in m.value]
    assert facts and "2025-05" in facts[0]


@pytest.mark.parametrize("doc", ["removed-article", "<script>alert(1)</script>"])
def test_documents_page_says_a_document_is_missing_and_shows_no_other(app, doc):
    at = app("documents", doc=doc)
    assert any("has no document" in w.value for w in at.warning)
    assert not [m for m in at.markdown if 'class="article"' in m.value]
    assert not re.search(r"(?<!\\)<script", at.warning[0].value)  # markdown-escaped
    assert param(at, "doc") == [doc]  # the URL still says what was asked for


def test_documents_page_follows_the_url_when_it_changes(app):
    """Back, Forward or a link to the same page change the URL, not the widget: the page follows the URL."""
    at = app("documents", doc="seed-sample")
    assert at.selectbox(key="doc").value == "seed-sample"
    at.query_params["doc"] = "hostile"
    at.run()
    assert at.selectbox(key="doc").value == "hostile" and param(at, "doc") == ["hostile"]
    at.selectbox(key="doc").set_value("seed-sample").run()  # and a widget change still wins over the old URL
    assert param(at, "doc") == ["seed-sample"]


def test_entity_page_relation_groups_in_words_and_as_tables(app):
    at = app("entity", entity="xiaohongshu", table="partner_of")
    labels = [e.label for e in at.expander]
    assert any(label.startswith("partner of (") for label in labels) and not any("_" in label for label in labels), (
        labels
    )
    [table] = [d.value for d in at.dataframe if "counterpart" in d.value.columns]
    assert sorted(table["counterpart"]) == ["JD.com", "Taotian"]
    assert set(table.columns) >= {"date", "counterpart", "confidence", "documents", "titles"}
    assert (table["titles"] == "Xiaohongshu opens external links").all()
    assert [b for b in at.get("download_button") if b.proto.label == "Download CSV"]
    assert param(at, "table") == ["partner_of"]


def test_entity_page_marks_a_date_whose_year_was_inferred(tmp_path, monkeypatch):
    """An article published in 2025 says "On May 7": the year is completed from the publication date, and says so."""
    from explore_sample import Sample
    from kg.model import PartialDate, Relation
    from kg.rdf import extraction_quads
    from kg.store import open_writer

    settings = Settings.load(store=str(tmp_path / "store"))
    sample = Sample("inferred", "On May 7, Xiaohongshu and Taotian announced a cooperation.", "A note", "2025-05")
    sentence = sample.doc.text
    sample.extraction.relations.append(
        Relation(
            sample.entity("Xiaohongshu"),
            "partner_of",
            sample.entity("Taotian"),
            [sample.evidence(sentence, "Xiaohongshu", "Taotian")],
            "test.partner_of",
            0.9,
            date=PartialDate(2025, 5, 7, year_inferred=True),
        )
    )
    with open_writer(settings) as writer:
        writer.replace_document(sample.doc.id, extraction_quads(sample.extraction))
    monkeypatch.setenv("KG_STORE", settings.store)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["entity"] = "xiaohongshu"
    at.switch_page("app_pages/entity.py").run()
    assert not at.exception
    [row] = [p.value for p in at.page_link if " — " in p.value]  # the counterpart, its date, its confidence
    assert md("2025-05-07 (year inferred)") in row


def test_entity_page_figures_show_no_none_and_separate_thousands(app):
    at = app("entity", entity="xiaohongshu")
    [figures] = [d.value for d in at.dataframe if "as stated" in d.value.columns]
    [row] = figures.to_dict("records")
    assert (row["value"], row["up to"], row["date"]) == ("300,000,000", "", "2025-05")
    assert not figures.isna().any().any()


def test_entity_page_escapes_names_from_articles(app):
    at = app("entity", entity=HOSTILE_A.casefold())
    page = texts(at)
    assert not re.search(r"(?<!\\)<(img|script)", page)  # no raw tag: escaped for markdown or as HTML entities
    assert "&lt;img src=x onerror=alert(1)&gt;" in page  # evidence HTML is escaped
    assert at.title[0].value.startswith("\\<img")  # markdown escaped


@pytest.mark.parametrize("page", ["entity", "graph"])
def test_unknown_entity_says_so(app, page):
    at = app(page, entity="no such thing")
    assert at.warning and not at.get("iframe")


def test_graph_page_draws_and_filters(app):
    at = app("graph", entity="xiaohongshu")
    [page] = iframes(at)
    assert "vis.Network" in page and "Taotian" in page
    at.sidebar.radio(key="hops").set_value(2).run()
    assert "Alibaba" in iframes(at)[0]
    assert param(at, "hops") == ["2"]
    at.sidebar.multiselect(key="relations").set_value(["suspended"]).run()
    [page] = iframes(at)
    assert "Xiaohongxing" in page and "Taotian" not in page
    assert param(at, "relations") == ["suspended"]
    focus = at.selectbox(key="focus-xiaohongshu")
    assert "xiaohongxing" in focus.options or any("Xiaohongxing" in o for o in focus.options)
    focus.set_value("xiaohongxing").run()
    assert not at.exception
    assert param(at, "entity") == ["xiaohongxing"]


def test_graph_page_date_and_confidence_filters(app):
    at = app("graph", entity="xiaohongshu", year_from="2019", year_to="2024", min_conf="0.5")
    [page] = iframes(at)
    assert "Xiaohongxing" in page and "Alibaba" not in page  # 2023 kept, 2018 dropped


def test_timeline_page_filters_by_entity(app):
    at = app("timeline")
    assert at.dataframe[0].value.shape[0] == 7
    at.selectbox(key="entity").set_value("taotian").run()
    assert at.dataframe[0].value.shape[0] == 2
    assert param(at, "entity") == ["taotian"]


def test_paths_page_links_vipshop_to_alibaba_with_evidence(app):
    at = app("paths", source="vipshop", target="alibaba")
    labels = [e.label for e in at.expander]
    assert any("Vipshop → JD\\.com → Xiaohongshu → Alibaba" in label for label in labels), labels
    assert "<mark>JD.com</mark> competes with <mark>Vipshop</mark>" in texts(at)
    at.multiselect(key="exclude").set_value(["competes_with"]).run()
    assert at.warning


def test_sparql_page_runs_an_example_and_offers_downloads(app):
    at = app("sparql")
    at.selectbox(key="example").set_value("Programs Xiaohongshu suspended").run()
    query = at.session_state["editor_query"]  # what the editor shows (AppTest cannot press its Run: the URL can)
    assert "kg:suspended" in query
    at.query_params["query"] = query
    at.run()
    assert not at.exception
    frame = at.dataframe[0].value
    assert list(frame["program"]) == ["Xiaohongxing"]
    assert at.session_state["editor_query"] == query  # the editor keeps the query that ran
    assert len(at.get("download_button")) == 3


def test_sparql_page_shows_triples_as_a_graph_and_refuses_updates(app):
    at = app("sparql", query="CONSTRUCT { ?s kg:partner_of ?o } WHERE { ?s kg:partner_of ?o }")
    assert iframes(at) and "partner of" in iframes(at)[0]
    at = app("sparql", query="DELETE WHERE { ?s ?p ?o }")
    assert at.error


def test_sparql_page_flags_truncated_results(app, monkeypatch):
    monkeypatch.setenv("KG_QUERY_ROW_LIMIT", "2")
    at = app("sparql", query="SELECT ?s WHERE { ?s a kg:Mention }")
    assert any("Truncated" in w.value for w in at.warning)
    assert at.dataframe[0].value.shape[0] == 2


def test_documents_page_reads_an_article_with_escaped_mentions(app):
    at = app("documents", doc="hostile")
    article = next(m.value for m in at.markdown if 'class="article"' in m.value)
    assert "<mark" in article and "&lt;script&gt;alert(2)&lt;/script&gt;" in article and "<script" not in article
    assert any("\\<script\\>" in p.value for p in at.page_link)


def page_links(at: AppTest) -> dict[str, dict[str, list[str]]]:
    """Label -> the link's query parameters."""
    from urllib.parse import parse_qs

    return {p.value: parse_qs(p.proto.query_string) for p in at.page_link}


def table_titles(at: AppTest) -> list[str]:
    return list(at.dataframe[0].value["title"])


def test_documents_page_shows_one_page_of_documents(app, monkeypatch):
    monkeypatch.setenv("KG_DOCUMENTS_PAGE_SIZE", "1")
    first = app("documents")
    assert table_titles(first) == ["Xiaohongshu opens external links"] and "documents 1–1 of 2" in texts(first)
    assert page_links(first)["Next →"] == {"dpage": ["2"], "doc": ["seed-sample"]} and "← Previous" not in page_links(
        first
    )
    at = app("documents", dpage="2")
    assert table_titles(at) == ['<b>Hostile</b> "title" & more'] and "documents 2–2 of 2" in texts(at)
    assert page_links(at)["← Previous"] == {"doc": ["hostile"]} and "Next →" not in page_links(at)
    assert at.selectbox(key="doc").options == ['<b>Hostile</b> "title" & more (2024)']


@pytest.mark.parametrize("dpage, shown, in_url", [("99", 2, "2"), ("0", 1, None), ("-3", 1, None), ("x", 1, None)])
def test_documents_page_from_a_hand_edited_url_is_clamped(app, monkeypatch, dpage, shown, in_url):
    monkeypatch.setenv("KG_DOCUMENTS_PAGE_SIZE", "1")
    at = app("documents", dpage=dpage)
    assert f"documents {shown}–{shown} of 2" in texts(at)
    assert param(at, "dpage") == [in_url] if in_url else "dpage" not in at.query_params


@pytest.mark.parametrize(
    "text, titles",
    [
        ("HOSTILE", ['<b>Hostile</b> "title" & more']),
        ('"title" & more', ['<b>Hostile</b> "title" & more']),
        ("O", ["Xiaohongshu opens external links", '<b>Hostile</b> "title" & more']),
        ('"} SERVICE <http://evil.example/> { ?s ?p ?o } #', []),
    ],
)
def test_documents_page_filters_titles(app, monkeypatch, text, titles):
    monkeypatch.setenv("KG_DOCUMENTS_PAGE_SIZE", "1")
    at = app("documents", q=text)
    assert at.text_input(key="q").value == text and param(at, "q") == [text]
    if titles:
        assert table_titles(at) == titles[:1] and f"of {len(titles)} with" in texts(at)
        assert page_links(at).get("Next →", {}).get("q") == ([text] if len(titles) > 1 else None)
    else:
        assert not at.dataframe[0].value.shape[0] and at.info[0].value == "No article has that in its title."
        assert "SERVICE" in texts(at)


def test_documents_page_new_filter_starts_on_page_one(app, monkeypatch):
    monkeypatch.setenv("KG_DOCUMENTS_PAGE_SIZE", "1")
    at = app("documents", dpage="2")
    at.text_input(key="q").input("o").run()
    assert "documents 1–1 of 2 with" in texts(at) and "dpage" not in at.query_params and param(at, "q") == ["o"]


def test_documents_page_opens_a_document_named_in_the_url_from_another_page(app, monkeypatch):
    monkeypatch.setenv("KG_DOCUMENTS_PAGE_SIZE", "1")
    at = app("documents", doc="hostile")
    assert table_titles(at) == ["Xiaohongshu opens external links"]
    assert at.session_state["doc"] == "hostile" and at.selectbox(key="doc").value == "hostile"
    assert at.subheader[0].value == md('<b>Hostile</b> "title" & more')
    article = next(m.value for m in at.markdown if 'class="article"' in m.value)
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in article
    assert page_links(at)["Next →"] == {"dpage": ["2"], "doc": ["hostile"]}


def test_documents_page_removes_an_article(tmp_path, monkeypatch):
    settings = Settings.load(store=str(tmp_path / "store"))
    build_sample_store(settings)
    monkeypatch.setenv("KG_STORE", settings.store)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["doc"] = "hostile"
    at.switch_page("app_pages/documents.py").run()
    at.button(key="remove").click().run()
    assert not at.exception
    assert at.dataframe[0].value.shape[0] == 1
    assert "hostile" not in [p.value for p in at.page_link]


def _add_form(at: AppTest, title: str, text: str) -> AppTest:
    at.switch_page("app_pages/documents.py").run()
    at.text_input(key="add_title").input(title)
    at.text_input(key="add_published").input("2025-03")
    at.text_area(key="add_text").input(text)
    return at.button(key="add_submit").click().run()


def test_documents_page_says_when_another_process_holds_the_writer(tmp_path, monkeypatch):
    from kg.store import open_writer

    settings = Settings.load(store=str(tmp_path / "store"))
    build_sample_store(settings)
    monkeypatch.setenv("KG_STORE", settings.store)
    at = AppTest.from_file(str(APP), default_timeout=60)
    with open_writer(settings):
        at = _add_form(at, "A note", "Xiaohongshu reached a cooperation with Taotian in March 2025.")
    assert not at.exception
    assert any("being written by another process" in e.value for e in at.error), [e.value for e in at.error]


@pytest.mark.model
def test_documents_page_adds_pasted_text_and_every_view_sees_it(tmp_path, monkeypatch):
    settings = Settings.load(store=str(tmp_path / "store"))
    build_sample_store(settings)
    monkeypatch.setenv("KG_STORE", settings.store)
    at = AppTest.from_file(str(APP), default_timeout=120)
    at = _add_form(at, "Weimob note", "In March 2025, Xiaohongshu reached a cooperation with Weimob.")
    assert not at.exception
    assert any("It is now in every view" in s.value for s in at.success)
    assert at.dataframe[0].value.shape[0] == 3
    from kg.explore.search import build_label_index, suggestions
    from kg.store import open_reader

    assert suggestions(build_label_index(open_reader(settings)), "weimob")[0][0].startswith("Weimob")


@pytest.mark.parametrize("page", ["timeline", "graph"])
@pytest.mark.parametrize("year_from, year_to", [("1900", "2999"), ("x", "2024"), ("2024", "")])
def test_year_range_from_a_hand_edited_url(app, page, year_from, year_to):
    """Years from the URL that are not numbers or fall outside the graph's range are mended, not a crash."""
    at = app(page, entity="xiaohongshu", year_from=year_from, year_to=year_to)
    lo, hi = at.slider(key="years").value
    assert lo <= hi and lo > 2000 and hi < 2100


def unescaped_markdown_link(text: str) -> bool:
    """Does the text hold a markdown link or image that Streamlit would render?"""
    return bool(re.search(r"(?<!\\)\[[^\]]*(?<!\\)\]\(", text))


def test_sparql_error_from_a_crafted_link_shows_as_text(app):
    at = app(
        "sparql",
        query="SELECT * WHERE { SERVICE <http://e.example/![x](http://evil.example/i.png)[y](http://evil.example/)> "
        "{ ?s ?p ?o } }",
    )
    [error] = at.error
    assert "SERVICE" in error.value and "evil" in error.value
    assert not unescaped_markdown_link(error.value), error.value


@pytest.mark.parametrize("action", ["add", "remove"])
def test_documents_errors_show_as_text(tmp_path, monkeypatch, action):
    from kg.store import open_writer

    settings = Settings.load(store=str(tmp_path / "[x](http:evil.example) store"))
    build_sample_store(settings)
    monkeypatch.setenv("KG_STORE", settings.store)
    at = AppTest.from_file(str(APP), default_timeout=60)
    with open_writer(settings):
        if action == "add":
            at = _add_form(at, "A note", "Xiaohongshu reached a cooperation with Taotian in March 2025.")
        else:
            at.query_params["doc"] = "hostile"
            at.switch_page("app_pages/documents.py").run()
            at = at.button(key="remove").click().run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any("another process" in e and "evil" in e for e in errors), errors
    assert not any(unescaped_markdown_link(e) for e in errors), errors


def test_page_limits_are_settings(app, monkeypatch):
    monkeypatch.setenv("KG_OVERVIEW_DOCUMENTS_LIMIT", "1")
    monkeypatch.setenv("KG_OVERVIEW_CENTRAL_LIMIT", "2")
    at = app()
    assert len([p for p in at.page_link if "PageRank" in p.value]) == 2
    assert len([p for p in at.page_link if p.value.endswith(")") and "PageRank" not in p.value]) == 1
    monkeypatch.setenv("KG_ENTITY_COMENTION_LIMIT", "0")
    monkeypatch.setenv("KG_ENTITY_GRAPH_MAX_NODES", "2")
    at = app("entity", entity="xiaohongshu")
    assert not [p for p in at.page_link if "sentence(s)" in p.value]
    assert "more neighbours not drawn" in iframes(at)[0]


@pytest.mark.parametrize(
    "page, params, expected",
    [
        (
            "graph",
            {"hops": "3", "min_conf": "5", "types": ["Bogus", "Person"], "relations": ["nope", "owns"]},
            {"hops": 1, "min_conf": 1.0, "types": ["Person"], "relations": ["owns"]},
        ),
        ("graph", {"hops": "x", "min_conf": "nan"}, {"hops": 1, "min_conf": 0.0}),
        ("graph", {"min_conf": "-inf"}, {"min_conf": 0.0}),
        (
            "paths",
            {"source": "vipshop", "target": "alibaba", "k": "100", "max_length": "9", "exclude": ["nope"]},
            {"k": 50, "max_length": 4, "exclude": []},
        ),
        ("paths", {"source": "nobody", "k": "0", "max_length": "-2"}, {"source": "", "k": 1, "max_length": 1}),
        ("timeline", {"entity": "nobody", "types": "Bogus"}, {"entity": ""}),
    ],
)
def test_hand_edited_urls_are_mended_to_the_widgets_limits(app, page, params, expected):
    """Values a widget cannot take are clamped or dropped, not a crash (the fixture asserts no exception)."""
    at = app(page, entity="xiaohongshu", **params) if page == "graph" else app(page, **params)
    for key, value in expected.items():
        assert at.session_state[key] == value, key
