"""The explorer's logic: everything the Streamlit pages in ``app/`` show is computed here.

One topic per module, each a set of pure functions in the networkx style ``f(reader_or_G, …)``:

- :mod:`kg.explore.terms`: prefixes, entity keys and literal values shared by the others
- :mod:`kg.explore.search`: the in-memory label index behind the search box
- :mod:`kg.explore.highlight`: escaped HTML with ``<mark>``ed mentions
- :mod:`kg.explore.entity`: one entity's facts, relations with evidence, events, quantities, co-mentions
- :mod:`kg.explore.neighbourhood`: the bounded, filtered neighbourhood the graph view draws
- :mod:`kg.explore.network_html`: that neighbourhood as self-contained pyvis HTML
- :mod:`kg.explore.timeline`: dated relations and events, and their Altair chart
- :mod:`kg.explore.paths`: the entity projection, k shortest paths and their evidence
- :mod:`kg.explore.overview`: counts, centrality, recent documents, build time
- :mod:`kg.explore.documents`: articles with metadata and highlighted text
- :mod:`kg.explore.console`: example queries and the shapes of SPARQL results
- :mod:`kg.explore.versioned`: what is built once per graph version and shared by every session
- :mod:`kg.explore.app_state`: the only Streamlit-aware module: caches keyed by graph version, URL state
"""
