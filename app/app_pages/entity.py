"""Entity: type, aliases, KB facts, relations by predicate with evidence, events, figures, co-mentions, neighbourhood.

Every list is bounded by a setting and says how many there are in all. Relation groups show their
best rows first, ``entity_relation_rows`` rows dealt among them, and page through the rest of one
group with ``?rel=<group>&page=<n>`` in the URL.
"""

import pandas as pd
import streamlit as st

import app_state
import curation_ui
from kg.explore.claims import claim_markdown
from kg.explore.entity import (
    comentioned,
    count_events,
    count_quantities,
    date_words,
    entity_info,
    events,
    figure_table,
    newest_statements,
    page_count,
    page_number,
    quantities,
    relation_index,
    relation_rows,
    relation_table,
    relation_words,
)
from kg.explore.highlight import file_stem, md
from kg.explore.neighbourhood import GraphFilter, neighbourhood
from kg.explore.network_html import to_html
from kg.explore.timeline import TimelineItem, newest, statement_items, timeline_chart

PAGE = "app_pages/entity.py"
call_labelled = app_state.call_labelled
settings = app_state.settings()
key = st.query_params.get("entity") or ""
if not key:
    st.title("Entity")
    st.info("Search for an entity in the sidebar (a name or an alias, e.g. RedNote) to open its page.")
    st.stop()

# from the per-version fact index: not cached per view (an entity's facts are repeated in each of its documents)
info = entity_info(app_state.reader(), key, index=app_state.entity_facts(), entities=app_state.label_index().entities)
if info is None:
    st.title("Entity")
    st.warning(f"The graph has no entity {md(key)!s}. Search for it in the sidebar.")
    st.stop()

st.title(md(info.label))
csv_stem = file_stem(info.label)  # the name of the relation tables' CSV files
facts = [f"**Type:** {info.type}"]
if info.aliases:
    facts.append("**Also called:** " + ", ".join(md(a) for a in info.aliases))
if info.kb_id:
    facts.append(f"**Knowledge base id:** {md(info.kb_id)}")
st.markdown(" · ".join(facts))
curation_ui.entity_actions(info)  # correction actions and the curated state, with undo
if info.version_of:
    st.page_link(PAGE, label=f"A version of {md(info.version_of.label)}", query_params={"entity": info.version_of.key})
for v in info.versions:
    st.page_link(PAGE, label=f"Version: {md(v.label)}", query_params={"entity": v.key})
st.page_link("app_pages/graph.py", label="Open in the graph view", query_params={"entity": key})

# --- which rows this view shows: the URL's page of one group, the first rows of the others ------
statements = app_state.statements()  # per graph version; not through call, which would hash it
claims = app_state.claims()  # per graph version, like the statement graph
index = relation_index(statements, key)
size = max(settings.entity_relations_per_page, 1)
paged = st.query_params.get("rel")
if paged not in index.groups:
    paged = None
page = page_number(st.query_params.get("page"), len(index.groups[paged]), size) if paged else 1
# the URL names this view (a link from another entity's page left the old one there); a hand-edited one is mended
app_state.to_url(entity=key, rel=paged, page=page if page > 1 else None)
first_rows = index.first_rows(settings.entity_relation_rows, size)
shown_rows = first_rows | ({paged: index.page(paged, page, size)} if paged else {})
kb_shown = index.kb[: settings.entity_kb_fact_limit]
dated_shown = index.dated[: settings.entity_timeline_limit]
# Details of the first rows and KB facts in one call (cached while paging), the paged slice apart; the
# timeline needs no evidence: it is drawn from the statement graph.
rows = {
    r.statement: r
    for r in call_labelled(
        relation_rows, tuple(dict.fromkeys(kb_shown + tuple(n for group in first_rows.values() for n in group)))
    )
}
if paged and not set(shown_rows[paged]) <= rows.keys():
    rows |= {r.statement: r for r in call_labelled(relation_rows, shown_rows[paged])}


def page_link(group: str, to: int, label: str) -> None:
    params = {"entity": key, "rel": group, "page": str(to)} if to > 1 else {"entity": key, "rel": group}
    st.page_link(PAGE, label=label, query_params=params)


if index.kb:
    st.subheader(f"Knowledge-base facts ({len(index.kb)})")
    for r in (rows[n] for n in kb_shown if n in rows):
        st.markdown(f"{md(r.subject.label)} **{md(relation_words(r.predicate))}** {md(r.object.label)} · {md(r.rule)}")
    if len(index.kb) > len(kb_shown):
        st.caption(f"{len(kb_shown)} of {len(index.kb)} shown (setting entity_kb_fact_limit).")


def group_table(entity: str, group: str, members: tuple[str, ...]) -> None:
    """Every relation of one group as a sortable, searchable table with its CSV."""
    table = pd.DataFrame(
        relation_table(call_labelled(relation_rows, members), entity),
        columns=["date", "counterpart", "type", "confidence", "documents", "titles"],
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            "confidence": st.column_config.NumberColumn(format="%.2f"),
            "titles": st.column_config.TextColumn("documents (titles)"),
        },
    )
    st.download_button(
        "Download CSV",
        table.to_csv(index=False).encode(),
        key=f"csv:{group}",
        on_click="ignore",
        file_name=f"{csv_stem} - {relation_words(group)}.csv",
        mime="text/csv",
    )


tables = st.query_params.get_all("table")  # the groups shown as tables (?table=<group>, repeated)
shown_tables: list[str] = []
total = sum(len(g) for g in index.groups.values())
st.subheader(f"Relations ({total:,})")
if not total:
    st.caption("No relation read from the articles.")
else:
    st.caption("Best first in each group: highest confidence, then latest date.")
for group, members in index.groups.items():
    at = page if group == paged else 1
    shown = shown_rows[group]
    with st.expander(f"{md(relation_words(group))} ({len(members):,})", expanded=True):
        as_list, as_table = st.tabs(
            ["Evidence", "Table"],
            key=f"view:{group}",
            on_change="rerun",
            default="Table" if group in tables else "Evidence",
        )
        if as_table.open:  # every row of the group, fetched only when the table is asked for
            shown_tables.append(group)
            with as_table:
                group_table(key, group, members)
        with as_list:
            for r in (rows[n] for n in shown if n in rows):
                other = r.other(key)
                meta = " · ".join(
                    x
                    for x in (
                        md(date_words(r.date, r.year_inferred)),
                        f"confidence {r.confidence:.2f}" if r.confidence is not None else "",
                        f"role {md(r.role)}" if r.role else "",
                    )
                    if x
                )
                st.page_link(PAGE, label=f"{md(other.label)} — {meta}", query_params={"entity": other.key})
                if (claim := claims.of_statement(r.statement)) is not None:  # how many sources report it, conflicts
                    st.markdown(claim_markdown(claim))
                app_state.evidence_list(r.evidence)
                curation_ui.fact_actions(r, key)  # its curations; confirm / reject
        pages = page_count(len(members), size)
        if group != paged and len(shown) < len(members):
            st.caption(f"Showing the best {len(shown)} of {len(members)}.")
            page_link(group, 1 if len(shown) < size else 2, "More →")
        elif pages > 1:
            first = (at - 1) * size + 1
            st.caption(f"Showing {first}–{first + len(shown) - 1} of {len(members)} (page {at} of {pages}).")
            back, forward = st.columns(2)
            with back:
                if at > 1:
                    page_link(group, at - 1, "← Previous")
            with forward:
                if at < pages:
                    page_link(group, at + 1, "Next →")

app_state.to_url(table=shown_tables)

left, right = st.columns(2)
with left:
    st.subheader("Timeline")
    event_index = app_state.events()  # per graph version; the rows shown are not cached per view
    evs = events(
        app_state.reader(),
        key,
        limit=settings.entity_event_limit,
        entities=app_state.label_index().entities,
        index=event_index,
    )
    n_events, n_dated_events = count_events(app_state.reader(), key, index=event_index)
    items = newest(
        statement_items(
            newest_statements(statements, key, index, settings.entity_timeline_limit),
            key,
            dated_shown,
            app_state.label_index().entities,
        )
        + [TimelineItem.of_event(e) for e in evs if e.date],
        settings.entity_timeline_limit,
    )
    if items:
        st.altair_chart(timeline_chart(items, height=min(60 + 22 * len(items), 400)), width="stretch")
        if (dated := len(index.dated) + n_dated_events) > len(items):
            st.caption(f"The {len(items)} most recent of {dated} dated relations and events.")
    else:
        st.caption("No dated relation or event.")
    for e in evs:
        who = ", ".join(f"{md(p.label)} ({md(role)})" if role else md(p.label) for p, role in e.participants)
        st.markdown(f"**{md(e.type)}** {md(date_words(e.date, e.year_inferred))}: {who}")
    if n_events > len(evs):
        st.caption(f"{len(evs)} of {n_events} events shown, newest first.")
with right:
    st.subheader("Figures")
    figures = app_state.quantities()  # per graph version; the table shows the figures as stated, without evidence
    qs = quantities(app_state.reader(), key, limit=settings.entity_quantity_limit, with_evidence=False, index=figures)
    if qs:
        st.dataframe(pd.DataFrame(figure_table(qs)), hide_index=True)
        if (n_figures := count_quantities(app_state.reader(), key, index=figures)) > len(qs):
            st.caption(f"{len(qs)} of {n_figures} figures shown, newest first.")
    else:
        st.caption("No figure stated about it.")
    st.subheader("Named together with")
    cms = comentioned(
        app_state.reader(),
        key,
        limit=settings.entity_comention_limit,
        index=app_state.comentions(),
        entities=app_state.label_index().entities,
    )  # from the per-version index: not cached per view
    if not cms:
        st.caption("No co-mentioned entity.")
    for c in cms:
        st.page_link(
            PAGE,
            label=f"{md(c.entity.label)} · {c.sentences} sentence(s) in {c.documents} article(s)",
            query_params={"entity": c.entity.key},
        )

st.subheader("Neighbourhood")
sub = neighbourhood(
    app_state.reader(),
    key,
    GraphFilter(hops=1),
    settings.replace(
        graph_max_nodes=settings.entity_graph_max_nodes, graph_max_per_relation=settings.entity_graph_max_per_relation
    ),
    statements=statements,
    entities=app_state.label_index().entities,
)  # cut from the per-version structures: not cached
st.iframe(to_html(sub, height="380px"), height=400)
