"""Text from articles as safe HTML: everything escaped, chosen spans wrapped in ``<mark>``.

>>> highlight("<b>Xiaohongshu</b> & Taotian", [(3, 14), (21, 28)])
'&lt;b&gt;<mark>Xiaohongshu</mark>&lt;/b&gt; &amp; <mark>Taotian</mark>'
>>> highlight("abc", [(1, 9), (0, 2)])  # clipped; overlapping spans keep the first
'<mark>ab</mark>c'
>>> md("[x](javascript:1) **<b>**").replace(chr(92), "/")
'/[x/]/(javascript/:1/) /*/*/<b/>/*/*'
>>> highlight("Vipshop", [(0, 7, "a \\"quoted\\" name")])
'<mark title="a &quot;quoted&quot; name">Vipshop</mark>'
>>> file_stem('../<b>Xiaohongshu</b>: "RedNote"?'), file_stem("...")
('b Xiaohongshu b RedNote', 'export')
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable


def highlight(text: str, spans: Iterable[tuple]) -> str:
    """``text`` escaped, with each ``(start, end[, title])`` span marked; bad or overlapping spans are skipped."""
    out: list[str] = []
    pos = 0
    for span in sorted((s for s in spans if s[0] is not None and s[1] is not None), key=lambda s: (s[0], -s[1])):
        start, end = max(int(span[0]), 0), min(int(span[1]), len(text))
        if start < pos or start >= end:
            continue
        title = f' title="{html.escape(str(span[2]))}"' if len(span) > 2 and span[2] else ""
        out.append(html.escape(text[pos:start]))
        out.append(f"<mark{title}>{html.escape(text[start:end])}</mark>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


_MD_SPECIAL = "\\`*_{}[]()<>#+-.!|~$:"


def md(text: str) -> str:
    """Text for Streamlit markdown (labels, titles, captions): every markdown character backslash-escaped,
    so names from articles show as typed and never become links, emphasis, HTML or maths."""
    return "".join("\\" + c if c in _MD_SPECIAL else c for c in str(text)).replace("\n", " ")


_UNSAFE_IN_FILE_NAMES = re.compile(r"[^\w\-,;()&' ]+")


def file_stem(title: str, limit: int = 80) -> str:
    """A download's file name (without extension) from a title or label: letters, digits and a little
    punctuation kept, anything a file system or a shell could read otherwise dropped, at most ``limit``."""
    return " ".join(_UNSAFE_IN_FILE_NAMES.sub(" ", title).split())[:limit].strip() or "export"
