"""Documents: the articles with metadata, each readable with its mentions highlighted; add or remove one."""

import html
import tempfile
from pathlib import Path

import streamlit as st

import app_state
from kg.build import add_document, remove_document
from kg.errors import KGError
from kg.explore.documents import cited_span, readable_document
from kg.explore.entity import page_count, page_number
from kg.explore.highlight import md
from kg.explore.overview import document, document_count, documents

PAGE = "app_pages/documents.py"
call = app_state.call
settings = app_state.settings()
st.title("Documents")

# --- which documents the table shows: one page (``?dpage=``) of those whose title holds ``?q=`` ----------
app_state.from_url("q", "", str)


def first_page() -> None:
    """A new title filter starts on page 1."""
    st.query_params.pop("dpage", None)


title_filter = st.text_input("Titles containing", key="q", placeholder="any title", on_change=first_page)
size = max(settings.documents_page_size, 1)
total = call(document_count, title_filter)
page = page_number(st.query_params.get("dpage"), total, size)
app_state.to_url(q=title_filter, dpage=page if page > 1 else None)  # a hand-edited URL is mended to what is shown
docs = call(documents, size, (page - 1) * size, title_filter)
st.dataframe(
    [
        {
            "title": d.title,
            "published": d.published,
            "source": d.source,
            "url": d.url,
            "file": d.source_path,
            "mentions": d.mentions,
            "facts": d.evidence,
        }
        for d in docs
    ],
    hide_index=True,
    width="stretch",
)
if total:
    st.caption(
        f"documents {(page - 1) * size + 1}–{(page - 1) * size + len(docs)} of {total}"
        + (f" with “{md(title_filter)}” in the title" if title_filter else "")
    )
elif title_filter:
    st.caption(f"No document has “{md(title_filter)}” in its title.")

if "pending_doc" in st.session_state:  # just added: show it
    st.session_state["doc"] = st.session_state.pop("pending_doc")
app_state.from_url("doc", docs[0].id if docs else "", str)
shown = {d.id: d for d in docs}
missing = None  # a document named in the URL that the graph does not have (removed, or a mistyped link)
if st.session_state["doc"] and st.session_state["doc"] not in shown:  # named in the URL, on another page
    off_page = call(document, st.session_state["doc"])
    if off_page:
        shown = {off_page.id: off_page} | shown
    else:
        missing = st.session_state.pop("doc")  # said so below, never replaced by another article
if not missing and st.session_state["doc"] not in shown:
    st.session_state["doc"] = docs[0].id if docs else ""


#: Our own script (no text from articles in it): scroll the cited sentence to the middle of the viewport once
#: the article has been drawn.
SCROLL_TO_CITED = """<script>
(function scroll(tries) {
  const cited = document.getElementById("cited");
  if (cited) { cited.scrollIntoView({block: "center"}); }
  else if (tries > 0) { setTimeout(() => scroll(tries - 1), 100); }
})(50);
</script>"""
CITED_STYLE = "<style>.article .cited { background: #ffe066; outline: 2px solid #f08c00; border-radius: 2px; }</style>"


def document_facts(meta) -> str:
    """Published, publisher, URL and file of an article as HTML: every value escaped; the URL a link only
    when it is http(s)."""
    facts = [f"<b>Published</b> {html.escape(meta.published or 'undated')}"]
    if meta.source:
        facts.append(f"<b>Source</b> {html.escape(meta.source)}")
    if meta.url:
        shown = html.escape(meta.url)
        facts.append(
            f'<a href="{shown}" target="_blank" rel="noopener noreferrer">{shown}</a>'
            if meta.url.startswith(("http://", "https://"))
            else shown
        )
    if meta.source_path:
        facts.append(f"<b>File</b> {html.escape(meta.source_path)}")
    return " · ".join(facts)


def page_link(to: int, label: str) -> None:
    params = {"q": title_filter, "dpage": str(to) if to > 1 else "", "doc": st.session_state.get("doc", "")}
    st.page_link(PAGE, label=label, query_params={k: v for k, v in params.items() if v})


back, forward = st.columns(2)
with back:
    if page > 1:
        page_link(page - 1, "← Previous")
with forward:
    if page < page_count(total, size):
        page_link(page + 1, "Next →")
titles = {key: f"{d.title} ({d.published or 'undated'})" for key, d in shown.items()}

read_tab, add_tab = st.tabs(["Read", "Add an article"])
with read_tab:
    if missing:
        st.warning(f"The graph has no document {md(missing)}: it was removed, or the link is mistyped.")
        st.page_link(
            PAGE, label="Read the newest article instead", query_params={"q": title_filter} if title_filter else {}
        )
    elif not shown:
        st.info("No article has that in its title." if title_filter else "No article yet: add one in the next tab.")
    else:
        doc_id = st.selectbox("Article", list(titles), key="doc", format_func=lambda k: titles[k]) or ""
        # the sentence an evidence link cites (document offsets): highlighted, the page scrolled to it
        doc = call(readable_document, doc_id)
        cited = (
            cited_span(doc.text, app_state.int_param("start"), app_state.int_param("end"))
            if doc and doc_id == st.query_params.get("doc")
            else None
        )
        app_state.from_url("mentions", not cited, bool)
        mentions = st.toggle("Mark every entity mention", key="mentions")
        app_state.to_url(
            doc=doc_id,
            start=cited[0] if cited else None,
            end=cited[1] if cited else None,
            mentions=None if mentions == (not cited) else mentions,
        )
        meta = shown[doc_id]
        st.subheader(md(meta.title))
        st.markdown(document_facts(meta), unsafe_allow_html=True)
        text_col, ent_col = st.columns([3, 1])
        with text_col:
            body = doc.drawn(cited, mentions).replace("\n", "<br>") if doc else ""
            st.markdown((CITED_STYLE if cited else "") + f'<div class="article">{body}</div>', unsafe_allow_html=True)
            if cited:
                st.html(SCROLL_TO_CITED, unsafe_allow_javascript=True)
        with ent_col:
            st.markdown("**Entities named**")
            for key, label, n in doc.entities if doc else ():
                st.page_link("app_pages/entity.py", label=f"{md(label)} ({n})", query_params={"entity": key})
        with st.popover("Remove this article"):
            st.write("Removes the article and every fact read from it.")
            if st.button("Remove", type="primary", key="remove"):
                try:
                    removed = remove_document(settings, doc_id)
                except KGError as e:
                    st.error(md(str(e)))
                else:
                    app_state.graph_changed()
                    del st.query_params["doc"]
                    st.session_state.pop("doc", None)
                    st.toast("Removed." if removed else "It was already gone.")
                    st.rerun()

with add_tab:
    st.caption("The article is read, its entities and facts extracted, and all of it added at once.")
    with st.form("add", clear_on_submit=False):
        upload = st.file_uploader("Upload .md, .txt or .html", type=["md", "txt", "html", "htm"])
        title = st.text_input("Title", key="add_title", help="Required for pasted text; overrides the file's own title")
        published = st.text_input("Published (YYYY, YYYY-MM or YYYY-MM-DD)", key="add_published")
        pasted = st.text_area("…or paste the text", height=200, key="add_text")
        submitted = st.form_submit_button("Add article", type="primary", key="add_submit")
    if submitted:
        if not upload and not pasted.strip():
            st.error("Upload a file or paste some text.")
        elif pasted.strip() and not upload and not title.strip():
            st.error("Give pasted text a title.")
        else:
            with st.status("Adding the article…", expanded=True) as status:

                def progress(done: int, total: int, what: str) -> None:
                    status.write(f"{done}/{total}: {md(what)}")

                try:
                    if upload:
                        with tempfile.TemporaryDirectory() as tmp:
                            path = Path(tmp) / Path(upload.name).name
                            path.write_bytes(upload.getvalue())
                            result = add_document(
                                settings,
                                path,
                                title=title.strip() or None,
                                published=published.strip() or None,
                                progress=progress,
                                original_name=f"upload: {path.name}",
                            )
                    else:
                        result = add_document(
                            settings,
                            "pasted",
                            text=pasted,
                            title=title.strip(),
                            published=published.strip() or None,
                            progress=progress,
                        )
                except KGError as e:
                    status.update(label="Not added", state="error")
                    st.error(md(str(e)))
                else:
                    app_state.graph_changed()
                    st.session_state["added"] = (result.document_id, result.added, result.entities, result.relations)
                    st.session_state["pending_doc"] = result.document_id
                    st.rerun()
    if st.session_state.get("added"):
        doc_id, added, n_entities, n_relations = st.session_state["added"]
        if added:
            st.success(f"Added: {n_entities} entities, {n_relations} relations. It is now in every view.")
        else:
            st.info("That text is already in the graph.")
        new_doc = call(readable_document, doc_id)
        if new_doc:
            st.markdown("**Entities found**")
            for key, label, n in new_doc.entities:
                st.page_link("app_pages/entity.py", label=f"{md(label)} ({n})", query_params={"entity": key})
