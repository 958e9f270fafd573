import pytest

from kg.corpus import clean_text, content_id, document_from_html, document_from_text, iter_article_paths, read_document
from kg.errors import DocumentError
from kg.model import PartialDate
from tests.conftest import SEED_ARTICLE


def test_seed_article_reads_with_front_matter():
    doc = read_document(SEED_ARTICLE)
    assert doc.title.startswith("Xiaohongshu opens external links")
    assert doc.published == PartialDate(2025, 5)
    # the headline, written as a sentence, is the first paragraph: what it states is read as text
    headline, lead = doc.text.split("\n\n", 2)[:2]
    assert headline == doc.title and lead.startswith("Xiaohongshu recently reached cooperation")
    assert "View details" not in doc.text and "product managers" not in doc.text
    assert "Public Account" not in doc.text
    assert "A more pragmatic option" in doc.text  # headings are content


@pytest.mark.parametrize(
    "body, gone, kept",
    [
        ("Meituan grew.\n(Source: Meituan Official Account)\nIt hired.", "Source", "It hired."),
        ("Meituan grew.\nImage source: Visual China\nIt hired.", "Visual China", "It hired."),
        (
            "Pinduoduo grew.\nJoin our course for operators\nOperators who master data are rare. Sign up today.\n"
            "Read more >\nTemu expanded.",
            "operators",
            "Temu expanded.",
        ),
        ("Douyin grew.\nClick here to learn more about the course\nKuaishou fell.", "course", "Kuaishou fell."),
    ],
)
def test_boilerplate_is_removed(body, gone, kept):
    text = clean_text(body)
    assert gone not in text and kept in text


def test_paragraphs_are_separated_by_blank_lines():
    assert clean_text("One.\nTwo.\r\n\r\nThree.") == "One.\n\nTwo.\n\nThree."


def test_id_comes_from_normalised_content():
    a = document_from_text("Meituan launched Keeta.\n", title="a")
    b = document_from_text("Meituan   launched Keeta.", title="b")
    c = document_from_text("Meituan launched Keeta in Hong Kong.", title="a")
    assert a.id == b.id != c.id
    assert a.id == content_id(a.text)


#: Nine levels of anchors, each repeating the one before nine times: 9**9 strings once expanded.
ALIAS_BOMB = (
    b"&a [lol]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    b"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    b"g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]"
)


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"\xff\xfe\x00bad", "not valid UTF-8"),
        (b"---\ntitle: [unclosed\n---\nText.", "not valid YAML"),
        (b"---\ntitle: x\nText without end", "never closed"),
        (b"---\npublished: May 2025\n---\nText.", "published date"),
        (b"---\npublished: 2025-13\n---\nText.", "does not exist"),
        (b"---\npublished: 2025-02-30\n---\nText.", "does not exist"),  # YAML reads it as a date, and fails
        (b"---\npublished: '2025-02-30'\n---\nText.", "does not exist"),
        (b"---\npublished: '2023-02-29'\n---\nText.", "does not exist"),
        (b"---\nauthor: x\n---\nText.", "unknown front-matter"),
        (b"", "no article text"),
        (b"---\ntitle: only\n---\n\n  \n", "no article text"),
        (b"---\ntitle: &a x\nsource: *a\n---\nText.", "anchor (&name)"),
        (b"---\ntitle: *a\n---\nText.", "alias (*name)"),
        (b"---\ntitle: [a, b]\n---\nText.", "not text"),
        (b"---\ntitle: {a: b}\n---\nText.", "not text"),
        (b'---\ntitle: "a\\ud800b"\n---\nText.', "not valid Unicode"),
        (b'---\ntitle: "bell\\x07"\n---\nText.', "control character U+0007"),
        (b"---\ntitle: " + b"x" * 2001 + b"\n---\nText.", "over 2,000"),
        (b"---\ntitle: " + ALIAS_BOMB + b"\n---\nText.", "not allowed"),
    ],
)
def test_bad_files_name_file_and_reason(tmp_path, content, reason):
    path = tmp_path / "bad.md"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as info:
        read_document(path)
    assert str(path) in str(info.value) and reason in str(info.value)


def test_missing_file_is_a_document_error(tmp_path):
    with pytest.raises(DocumentError, match="cannot be read"):
        read_document(tmp_path / "nope.md")


@pytest.mark.parametrize(
    "published, expected",
    [("2024", PartialDate(2024)), ("2024-02", PartialDate(2024, 2)), ("2024-02-29", PartialDate(2024, 2, 29))],
)
def test_published_keeps_precision(tmp_path, published, expected):
    path = tmp_path / "a.md"
    path.write_text(f"---\npublished: {published}\n---\nText.", encoding="utf-8")
    assert read_document(path).published == expected


def test_html_main_text_without_scripts():
    html = """<html><head><title>Meituan expands Keeta</title><script>var secret = 1;</script>
    <style>body{color:red}</style></head><body><nav>Home | About</nav><article><h1>Meituan expands Keeta</h1>
    <p>Meituan launched its food delivery app Keeta in Hong Kong in May 2023, competing with Foodpanda.</p>
    <p>The company said the service would reach more districts within a year, according to a statement.</p>
    <p>Analysts at a Shanghai brokerage said the move could pressure rivals on price and delivery speed.</p>
    </article><footer>Copyright</footer></body></html>"""
    doc = document_from_html(html, source_path="x.html")
    assert "Keeta in Hong Kong" in doc.text
    assert "secret" not in doc.text and "color:red" not in doc.text


def test_article_paths_sorted_and_filtered(tmp_path):
    (tmp_path / "b.md").write_text("B.")
    (tmp_path / "a.txt").write_text("A.")
    (tmp_path / "img.png").write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.html").write_text("<p>C</p>")
    assert [p.name for p in iter_article_paths([tmp_path])] == ["a.txt", "b.md", "c.html"]


def test_alias_bomb_is_refused_at_once_and_bounded(tmp_path):
    import resource
    import time

    path = tmp_path / "bomb.md"
    path.write_bytes(b"---\ntitle: " + ALIAS_BOMB + b"\n---\nText.")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    with pytest.raises(DocumentError, match="not allowed"):
        read_document(path)
    assert time.monotonic() - started < 1.0
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # KiB: nothing was expanded


def test_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    from kg.settings import Settings

    path = tmp_path / "huge.md"
    path.write_bytes(b"Meituan grew. " * 1000)
    with pytest.raises(DocumentError, match="article_max_bytes"):
        read_document(path, Settings.load(article_max_bytes=1000))


@pytest.mark.timeout(60)
def test_links_that_dangle_or_loop_and_names_that_are_no_files_are_reported_and_skipped(tmp_path):
    import os
    import warnings

    corpus, elsewhere = tmp_path / "corpus", tmp_path / "elsewhere"
    (corpus / "sub").mkdir(parents=True)
    elsewhere.mkdir()
    (corpus / "good.md").write_text("Meituan grew.")
    (corpus / "sub" / "b.md").write_text("JD.com grew.")
    (elsewhere / "c.md").write_text("Pinduoduo grew.")
    (corpus / "sub" / "up").symlink_to("..")  # a directory link to its parent: a loop
    (corpus / "dangling.md").symlink_to(tmp_path / "gone.md")
    (corpus / "self.md").symlink_to("self.md")  # a link to itself
    os.mkfifo(corpus / "pipe.md")  # an article's name on a FIFO: reading it would wait for ever
    (corpus / "more").symlink_to(elsewhere)  # a link to another directory: not followed, but said
    (corpus / "alias.md").symlink_to("good.md")  # a link to a file is read
    skipped: list = []
    found = [p.relative_to(corpus).as_posix() for p in iter_article_paths([corpus], skipped=skipped)]
    assert found == ["alias.md", "good.md", "sub/b.md"]
    reasons = {p.relative_to(corpus).as_posix(): reason for p, reason in skipped}
    assert set(reasons) == {"sub/up", "dangling.md", "self.md", "pipe.md", "more"}, reasons
    assert reasons["sub/up"] == f"link loop: it leads to {corpus}, a directory it is in"
    assert reasons["self.md"].startswith("link loop")
    assert reasons["dangling.md"] == f"dangling link: its target {tmp_path / 'gone.md'} does not exist"
    assert reasons["pipe.md"] == "not a regular file (a FIFO)"
    assert reasons["more"] == f"link to a directory, not followed (name {elsewhere} to read it)"
    with warnings.catch_warnings(record=True) as warned:  # without a list: a warning each
        warnings.simplefilter("always")
        assert len(list(iter_article_paths([corpus]))) == 3
    assert sorted(str(w.message) for w in warned) == sorted(f"{corpus / p}: skipped: {r}" for p, r in reasons.items())


def test_text_over_the_length_limit_is_refused(tmp_path):
    from kg.settings import Settings

    path = tmp_path / "long.md"
    path.write_text("Meituan grew. " * 100, encoding="utf-8")
    with pytest.raises(DocumentError, match="article_max_chars"):
        read_document(path, Settings.load(article_max_chars=1000))
    assert read_document(path, Settings.load(article_max_chars=2000)).text


def test_deeply_nested_html_is_refused_in_bounded_time(tmp_path):
    """libxml2 (under trafilatura) stops at its own depth limit: no recursion or memory runs away."""
    import time

    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 20_000 + "<p>Meituan grew.</p>" + "</div>" * 20_000 + "</body></html>")
    started = time.monotonic()
    with pytest.raises(DocumentError):
        read_document(path)
    assert time.monotonic() - started < 10


@pytest.mark.parametrize(
    "title, body, text_opens_with",
    [
        # a headline written as a sentence opens the text
        ("Zepto raises $450 million as rivals cut fees", "Zepto said on Monday …", "Zepto raises $450 million"),
        ("JD.com’s profit slumps as food-delivery fight drags on", "BEIJING — JD.com said …", "JD.com’s profit"),
        # title case stays metadata: its capitals would read as names
        ("Trip.com Takes Stake in Dormy Inn Owner to Lock In Rooms", "Trip.com said …", "Trip.com said"),
        ("Meituan’s Keeta Starts Brazil Rollout With iFood in Sight", "Keeta began …", "Keeta began"),
        # a body that opens with its headline already does not repeat it
        ("Zepto raises $450 million", "# Zepto raises $450 million\n\nZepto said …", "# Zepto raises"),
    ],
)
def test_a_headline_written_as_a_sentence_opens_the_text(tmp_path, title, body, text_opens_with):
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: {title}\n---\n{body}", encoding="utf-8")
    doc = read_document(path)
    assert doc.title == title and doc.text.startswith(text_opens_with)
    assert doc.text.count(title) <= 1


def test_headline_as_text_can_be_turned_off(tmp_path):
    from kg.settings import Settings

    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Zepto raises $450 million\n---\nZepto said on Monday …", encoding="utf-8")
    assert read_document(path, Settings.load(headline_as_text=False)).text == "Zepto said on Monday …"
