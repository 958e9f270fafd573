"""The SPARQL console's widgets: an editor with syntax highlighting, completion, Ctrl+Enter to run and a history kept
in the browser; and a result table whose cells link to entity and document pages.

Both are Streamlit v2 components (``st.components.v2``, part of Streamlit: no package, no build step, nothing
loaded from the network). streamlit-code-editor 0.1.22 (MIT, Ace, frontend in its wheel) was the
candidate: every one of its themes ``@import``s Google Fonts, so the console would call out to
fonts.googleapis.com, which the app must never do; streamlit-ace's last release predates
Streamlit 1.67. The editor is a plain ``<textarea>`` over a highlighted copy of its text: typing,
selection, undo and the browser's own accessibility stay the textarea's.

Text is data: the highlighted copy and the suggestion list are built from DOM text nodes
(``textContent``), never ``innerHTML``. The history (the last 30 queries run) is the browser's
``localStorage``; the query that ran is also in the URL (``query``).
"""

from __future__ import annotations

from dataclasses import asdict

import streamlit as st

from kg.explore.console import Completion

_HTML = """
<div class="kg-editor">
  <div class="kg-bar">
    <button type="button" class="kg-run" aria-label="Run query">Run</button>
    <span class="kg-hint">Ctrl+Enter runs · Tab or Enter takes a suggestion · names complete to ent:…</span>
    <select class="kg-history" aria-label="History"><option value="">History (this browser)</option></select>
  </div>
  <div class="kg-box">
    <pre class="kg-hl" aria-hidden="true"></pre>
    <textarea class="kg-text" aria-label="SPARQL query" spellcheck="false" autocomplete="off" wrap="off"></textarea>
    <ul class="kg-complete" role="listbox" aria-label="Suggestions"></ul>
  </div>
</div>
"""

_CSS = """
.kg-editor { font-family: sans-serif; }
.kg-bar { display: flex; gap: 8px; align-items: center; margin-bottom: 6px; }
.kg-run { background: #ff4b4b; color: #fff; border: 0; border-radius: 6px; padding: 6px 18px; cursor: pointer;
  font-size: 14px; }
.kg-hint { color: #6b6b6b; font-size: 12px; flex: 1; }
.kg-history { max-width: 40%; font-size: 12px; }
.kg-box { position: relative; height: 280px; border: 1px solid #d0d0d0; border-radius: 6px; background: #fbfbfb; }
.kg-hl, .kg-text { position: absolute; inset: 0; margin: 0; padding: 8px 10px; box-sizing: border-box; overflow: auto;
  font: 13px/19px ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; white-space: pre; tab-size: 2;
  border: 0; }
.kg-hl { color: #1f1f1f; pointer-events: none; }
.kg-text { color: transparent; background: transparent; caret-color: #111; resize: none; outline: none; }
.kg-text::selection { background: rgba(66, 133, 244, 0.3); }
.kg-complete { position: absolute; z-index: 5; display: none; list-style: none; margin: 0; padding: 2px 0;
  min-width: 260px; max-height: 220px; overflow: auto; background: #fff; border: 1px solid #b0b0b0;
  box-shadow: 0 2px 8px rgba(0,0,0,.2);
  font: 12px ui-monospace, "DejaVu Sans Mono", monospace; }
.kg-complete li { padding: 2px 8px; cursor: pointer; display: flex; gap: 10px; justify-content: space-between; }
.kg-complete li[aria-selected="true"] { background: #e8f0fe; }
.kg-complete .kind { color: #888; }
.t-kw { color: #0b4fb3; font-weight: bold; } .t-var { color: #8a2be2; } .t-str { color: #2e7d32; }
.t-iri { color: #00796b; } .t-pfx { color: #0d47a1; } .t-local { color: #6a1b9a; } .t-num { color: #e65100; }
.t-comment { color: #8a8a8a; font-style: italic; } .t-bad { color: #c62828; text-decoration: underline wavy #c62828; }
"""

_JS = r"""
const TOKEN = new RegExp([
  /(#[^\n]*)/.source,  // 1 comment
  /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/.source,  // 2 string
  /(<[^<>"{}|^`\\\s]*>)/.source,  // 3 IRI
  /([?$][A-Za-z_0-9]+)/.source,  // 4 variable
  /([A-Za-z][\w-]*)?:((?:[\w%]|[\w%][\w.%-]*[\w%-])?)/.source,  // 5 prefix, 6 local name
  /(\b\d+(?:\.\d+)?\b)/.source,  // 7 number
  /([A-Za-z_]+)/.source,  // 8 word
].join("|"), "g");
const HISTORY = "kg-explorer.sparql-history";

function span(cls, text) {
  const s = document.createElement("span");
  s.className = cls;
  s.textContent = text;
  return s;
}

export default function (component) {
  const { data, setTriggerValue, parentElement } = component;
  const root = parentElement.querySelector(".kg-editor");
  const area = root.querySelector(".kg-text"), hl = root.querySelector(".kg-hl");
  const list = root.querySelector(".kg-complete"), history = root.querySelector(".kg-history");
  root.kgData = data;
  if (root.kgNonce !== data.nonce) {  // a new query from the app (an example, the URL): replace the text
    root.kgNonce = data.nonce;
    area.value = data.query;
  }
  const keywords = new Set(data.keywords.map((k) => k.toUpperCase()).concat(["A"]));

  function declared() {
    const found = new Set(data.prefixes);
    for (const m of area.value.matchAll(/PREFIX\s+([A-Za-z][\w-]*)?:/gi)) { found.add(m[1] || ""); }
    return found;
  }
  function paint() {
    const text = area.value, known = declared(), out = [];
    let last = 0;
    for (const m of text.matchAll(TOKEN)) {
      if (m.index > last) { out.push(document.createTextNode(text.slice(last, m.index))); }
      if (m[1]) { out.push(span("t-comment", m[0])); }
      else if (m[2]) { out.push(span("t-str", m[0])); }
      else if (m[3]) { out.push(span("t-iri", m[0])); }
      else if (m[4]) { out.push(span("t-var", m[0])); }
      else if (m[0].includes(":") && !m[7] && !m[8]) {
        const prefix = m[5] || "";
        out.push(span(known.has(prefix) ? "t-pfx" : "t-bad", prefix + ":"));
        if (m[6]) { out.push(span("t-local", m[6])); }
      }
      else if (m[7]) { out.push(span("t-num", m[0])); }
      else if (m[8] && keywords.has(m[0].toUpperCase())) { out.push(span("t-kw", m[0])); }
      else { out.push(document.createTextNode(m[0])); }
      last = m.index + m[0].length;
    }
    out.push(document.createTextNode(text.slice(last) + "\n"));
    hl.replaceChildren(...out);
    hl.scrollTop = area.scrollTop; hl.scrollLeft = area.scrollLeft;
  }

  function word() {
    const before = area.value.slice(0, area.selectionStart);
    const m = before.match(/(?:[A-Za-z][\w-]*)?:[\w.%-]*$|[A-Za-z][\w-]*$/);
    return m ? m[0] : "";
  }
  function suggestions(w) {
    if (w.length < 2 && !w.endsWith(":")) { return []; }
    const low = w.toLowerCase(), name = low.startsWith("ent:") ? low.slice(4) : low, out = [];
    for (const c of root.kgData.completions) {
      const hit = c.kind === "entity"
        ? name.length >= 2 && (c.match.toLowerCase().startsWith(name) || c.match.toLowerCase().includes(" " + name))
        : c.text.toLowerCase().startsWith(low) && c.text.toLowerCase() !== low;
      if (hit) { out.push(c); if (out.length >= 12) { break; } }
    }
    return out;
  }
  function close() { list.style.display = "none"; list.replaceChildren(); root.kgChoices = []; }
  function choose(i) {
    const c = root.kgChoices[i], w = word(), at = area.selectionStart;
    area.setRangeText(c.text, at - w.length, at, "end");
    close(); paint(); area.focus();
  }
  function select(i) {
    root.kgSelected = (i + root.kgChoices.length) % root.kgChoices.length;
    [...list.children].forEach((li, k) => li.setAttribute("aria-selected", String(k === root.kgSelected)));
    list.children[root.kgSelected].scrollIntoView({ block: "nearest" });
  }
  function complete() {
    const w = word(), found = w ? suggestions(w) : [];
    if (!found.length) { close(); return; }
    root.kgChoices = found;
    list.replaceChildren(...found.map((c, i) => {
      const li = document.createElement("li");
      li.setAttribute("role", "option");
      li.appendChild(span("text", c.kind === "entity" ? c.match : c.text));
      li.appendChild(span("kind", c.kind === "entity" ? c.hint + " · " + c.text : c.kind));
      li.addEventListener("mousedown", (e) => { e.preventDefault(); choose(i); });
      return li;
    }));
    const lines = area.value.slice(0, area.selectionStart).split("\n");
    list.style.top = Math.min(lines.length * 19 + 10 - area.scrollTop, 250) + "px";
    const column = lines[lines.length - 1].length - w.length;
    list.style.left = Math.max(0, Math.min(column * 7.8 + 10 - area.scrollLeft, 400)) + "px";
    list.style.display = "block";
    select(0);
  }
  function remember(q) {
    let past = [];
    try { past = JSON.parse(localStorage.getItem(HISTORY) || "[]"); } catch (e) { past = []; }
    past = [q].concat(past.filter((p) => p !== q)).slice(0, 30);
    try { localStorage.setItem(HISTORY, JSON.stringify(past)); } catch (e) { /* storage full or off: no history */ }
    fillHistory();
  }
  function fillHistory() {
    let past = [];
    try { past = JSON.parse(localStorage.getItem(HISTORY) || "[]"); } catch (e) { past = []; }
    const first = history.options[0];
    history.replaceChildren(first, ...past.map((q) => {
      const o = document.createElement("option");
      o.value = q; o.textContent = q.replace(/\s+/g, " ").slice(0, 90);
      return o;
    }));
  }
  function run() { close(); remember(area.value); setTriggerValue("run", area.value); }

  if (!root.kgReady) {
    root.kgReady = true;
    area.addEventListener("input", () => { paint(); complete(); });
    area.addEventListener("scroll", () => { hl.scrollTop = area.scrollTop; hl.scrollLeft = area.scrollLeft; });
    area.addEventListener("blur", () => setTimeout(close, 150));
    area.addEventListener("keydown", (e) => {
      const open = list.style.display === "block" && root.kgChoices.length;
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter") { e.preventDefault(); run(); }
      else if (open && e.key === "ArrowDown") { e.preventDefault(); select(root.kgSelected + 1); }
      else if (open && e.key === "ArrowUp") { e.preventDefault(); select(root.kgSelected - 1); }
      else if (open && (e.key === "Enter" || e.key === "Tab")) { e.preventDefault(); choose(root.kgSelected); }
      else if (open && e.key === "Escape") { e.preventDefault(); close(); }
      else if (e.key === "Tab") {
        e.preventDefault();
        area.setRangeText("  ", area.selectionStart, area.selectionEnd, "end");
        paint();
      }
    });
    root.querySelector(".kg-run").addEventListener("click", run);
    history.addEventListener("change", () => {
      if (history.value) { area.value = history.value; paint(); history.value = ""; area.focus(); }
    });
    fillHistory();
  }
  paint();
}
"""

_EDITOR = st.components.v2.component("kg_sparql_editor", html=_HTML, css=_CSS, js=_JS)


def sparql_editor(
    query: str, nonce: int, completions: list[Completion], prefixes: list[str], keywords: list[str]
) -> str | None:
    """Draw the editor holding ``query`` (put in again whenever ``nonce`` changes); the text when Run was pressed."""
    result = _EDITOR(
        key="sparql-editor",
        on_run_change=lambda: None,
        data={
            "query": query,
            "nonce": nonce,
            "completions": [asdict(c) for c in completions],
            "prefixes": prefixes,
            "keywords": keywords,
        },
    )
    return result.run if result is not None else None


_TABLE_CSS = """
.kg-results { max-height: 480px; overflow: auto; border: 1px solid #e0e0e0; border-radius: 6px; }
.kg-results table { border-collapse: collapse; font: 13px sans-serif; width: 100%; }
.kg-results th { position: sticky; top: 0; background: #f3f3f3; text-align: left; padding: 4px 8px; }
.kg-results td { border-top: 1px solid #eeeeee; padding: 3px 8px; vertical-align: top; max-width: 480px; }
.kg-results a { color: #1f5fa8; }
"""

#: Cells that name an entity or a document are links to its page; a plain click stays in the app (history.pushState
#: and a popstate event, on which Streamlit reruns that page with that query: Back returns), a modified click or a
#: middle click opens a new tab as any link does. Text is data: cells are text nodes.
_TABLE_JS = r"""
export default function (component) {
  const { data, parentElement } = component;
  const root = parentElement.querySelector(".kg-results");
  const table = document.createElement("table"), head = table.createTHead().insertRow();
  data.columns.forEach((c) => { const th = document.createElement("th"); th.textContent = c; head.appendChild(th); });
  const body = table.createTBody();
  const param = { entity: "entity", documents: "doc" };
  data.rows.forEach((row) => {
    const tr = body.insertRow();
    row.forEach((cell) => {
      const td = tr.insertCell();
      if (!cell.page) { td.textContent = cell.text; return; }
      const a = document.createElement("a");
      a.textContent = cell.text;
      const target = cell.page + "?" + param[cell.page] + "=" + encodeURIComponent(cell.key);
      a.href = new URL(target, window.location.href).toString();
      a.addEventListener("click", (e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) { return; }
        e.preventDefault();
        window.history.pushState(null, "", a.href);
        window.dispatchEvent(new PopStateEvent("popstate"));
      });
      td.appendChild(a);
    });
  });
  root.replaceChildren(table);
}
"""

_TABLE = st.components.v2.component(
    "kg_result_table", html='<div class="kg-results"></div>', css=_TABLE_CSS, js=_TABLE_JS
)


def result_table(columns: list[str], rows: list[list[dict]]) -> None:
    """A table whose entity and document cells link to their pages (cells from kg.explore.console.linked_rows)."""
    _TABLE(key="sparql-results", data={"columns": columns, "rows": rows})
