"""Articles on disk → :class:`kg.model.Document`: front matter, HTML main text, boilerplate removal.

A document's id is a hash of its normalised text, so the same text added twice is one document.
Paragraphs are separated by a blank line in ``Document.text``; every offset refers to that text.

>>> doc = document_from_text("Meituan launched Keeta.\\n(Source: Meituan Public Account)", title="t")
>>> doc.text
'Meituan launched Keeta.'
"""

from __future__ import annotations

import datetime
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import cast

import yaml

from kg.errors import DocumentError
from kg.model import Document, PartialDate
from kg.settings import Settings

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
#: A line that is only a picture credit: "(Source: … Public Account)", "Image source: …", "Photo: …".
_CAPTION = re.compile(
    r"^\s*[(（]?\s*(?:image |photo |picture )?(?:source|credit|photo|image)\s*[:：].{0,120}[)）]?\s*$", re.I
)
#: A call to action that closes a promotional block: "View details >", "Read more »", "Click to learn more".
_CALL_TO_ACTION = re.compile(
    r"^\s*(?:view|see|read|learn|click|tap|find out)\b[\w\s]{0,20}?(?:details|more|here|now)?\s*[>»›→]+\s*$"
    r"|^\s*click (?:here )?to (?:view|read|learn|see)\b.{0,30}$",
    re.I,
)
_PROMO_LINES_BEFORE_CTA = 3  # a teaser title, its blurb and at most one more line
_TERMINAL = tuple('.!?。！？”"’)…:;')
_FIELDS = {"title", "published", "language", "source", "url"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


class _NoAliasLoader(yaml.SafeLoader):
    """YAML's safe loader, less anchors and aliases: front matter never needs them, and an alias that
    repeats an alias (a "billion laughs") grows a few hundred bytes into gigabytes when expanded."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.events.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.constructor.ConstructorError(None, None, "an alias (*name)", mark)
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise yaml.constructor.ConstructorError(None, None, "an anchor (&name)", event.start_mark)
        return super().compose_node(parent, index)


def content_id(text: str) -> str:
    """The document id: a hash of the NFC text with white space folded.

    >>> content_id("a  b\\n") == content_id("a b")
    True
    """
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def iter_article_paths(paths: Iterable[str | Path], skipped: list[tuple[Path, str]] | None = None) -> Iterator[Path]:
    """Article files under the given files and directories, sorted, each once.

    Links to files are followed; links to directories are not (so a link loop ends). What is left out
    for a reason is added to ``skipped`` as ``(path, reason)`` (without a list: a warning each): a
    dangling link, a link loop (a link to itself, or to a directory it is in), a link to another
    directory, an article's name on something that is not a regular file (a FIFO, a socket, a device:
    reading one could wait for ever), a directory that cannot be listed. Files without an article
    suffix are left out silently; a path named on its own that is not a directory is returned as it is.
    """
    import errno
    import os
    import stat
    import warnings

    def skip(path: Path, reason: str) -> None:
        if skipped is None:
            warnings.warn(f"{path}: skipped: {reason}", stacklevel=3)
        else:
            skipped.append((path, reason))

    def target(link: Path) -> str:
        return os.path.normpath(link.parent / os.readlink(link))

    def unreachable(path: Path, error: OSError) -> str:
        if error.errno == errno.ELOOP:
            return f"link loop: following it never ends ({path} -> {os.readlink(path)})"
        if error.errno == errno.ENOENT and path.is_symlink():
            return f"dangling link: its target {target(path)} does not exist"
        return f"cannot be read ({error.strerror or error})"

    def not_regular(mode: int) -> str:
        kinds = (
            (stat.S_ISFIFO, "a FIFO"),
            (stat.S_ISSOCK, "a socket"),
            (stat.S_ISCHR, "a character device"),
            (stat.S_ISBLK, "a block device"),
        )
        return (
            "not a regular file ("
            + next((name for is_kind, name in kinds if is_kind(mode)), "of an unknown kind")
            + ")"
        )

    def articles_under(root: Path) -> list[Path]:
        found: list[Path] = []
        info = root.stat()
        # to read, with the directories it is in (and itself)
        directories: list[tuple[Path, tuple[tuple[int, int], ...]]] = [(root, ((info.st_dev, info.st_ino),))]
        while directories:
            directory, within = directories.pop()
            try:
                with os.scandir(directory) as listing:
                    entries = sorted(listing, key=lambda e: e.name)
            except OSError as e:
                skip(directory, f"cannot be listed ({e.strerror or e})")
                continue
            below: list[tuple[Path, tuple[tuple[int, int], ...]]] = []
            for entry in entries:
                path = directory / entry.name
                try:
                    info = entry.stat()  # of the link's target, for a link
                except OSError as e:
                    skip(path, unreachable(path, e))
                    continue
                if stat.S_ISDIR(info.st_mode):
                    key = (info.st_dev, info.st_ino)
                    if not entry.is_symlink():
                        below.append((path, (*within, key)))
                    elif key in within:
                        skip(path, f"link loop: it leads to {target(path)}, a directory it is in")
                    else:
                        skip(path, f"link to a directory, not followed (name {target(path)} to read it)")
                elif path.suffix.lower() in ARTICLE_SUFFIXES:
                    if stat.S_ISREG(info.st_mode):
                        found.append(path)
                    else:
                        skip(path, not_regular(info.st_mode))
            directories += reversed(below)  # depth first, in name order
        return sorted(found)

    seen: set[Path] = set()
    for p in map(Path, paths):
        found = articles_under(p) if p.is_dir() else [p]
        for f in found:
            if f not in seen:
                seen.add(f)
                yield f


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_document(path: str | Path, settings: Settings | None = None) -> Document:
    """Read one article file; :class:`DocumentError` says what is wrong with it and how to fix it.

    The file is bounded before it is read (``article_max_bytes``) and its front matter is checked
    (``front_matter_max_chars``, no YAML aliases, no control characters).
    """
    settings = settings or Settings.load()
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if size > settings.article_max_bytes:
            raise DocumentError(
                name,
                f"is {size:,} bytes, over the limit of {settings.article_max_bytes:,}",
                "split it, or raise article_max_bytes (env KG_ARTICLE_MAX_BYTES)",
            )
        with path.open("rb") as f:
            raw = f.read(settings.article_max_bytes + 1)  # a file that grew since stat() is still bounded
    except OSError as e:
        raise DocumentError(name, f"cannot be read ({e.strerror or e})", "check the path and its permissions") from None
    if len(raw) > settings.article_max_bytes:
        raise DocumentError(
            name,
            f"is over the limit of {settings.article_max_bytes:,} bytes",
            "split it, or raise article_max_bytes (env KG_ARTICLE_MAX_BYTES)",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise DocumentError(
            name, f"is not valid UTF-8 (byte {raw[e.start]:#04x} at offset {e.start})", "re-save the file as UTF-8"
        ) from None
    if path.suffix.lower() in (".html", ".htm"):
        doc = document_from_html(text, source_path=name)
    else:
        meta, body = split_front_matter(text, name, max_chars=settings.front_matter_max_chars)
        if settings.headline_as_text:
            body = with_headline(body, meta.get("title"))
        doc = document_from_text(body, source_path=name, **meta)
    doc.content_hash = hashlib.sha256(raw).hexdigest()
    check_length(doc, settings)
    return doc


#: Words a title in title case still writes in lower case: articles, conjunctions and prepositions.
_TITLE_CASE_LOWER = frozenset(
    {"a", "an", "the", "and", "or", "but", "nor", "for", "so", "yet", "of", "to", "in", "on", "at", "by", "with"}
    | {"from", "into", "onto", "over", "as", "vs", "via", "per", "up", "off", "out", "amid", "after", "about"}
    | {"against", "among", "between", "through", "under", "without"}
)


def written_as_sentence(title: str) -> bool:
    """Whether a headline is written as a sentence: a word of it other than an article, a conjunction or a
    preposition is in lower case (a name like 'iFood' or 'Trip.com' is not).

    >>> written_as_sentence("Meituan fined 3.4 billion yuan as food-delivery war drags on")
    True
    >>> written_as_sentence("Meituan’s Keeta Starts Brazil Rollout, Opening Fight With iFood and 99Food")
    False
    >>> written_as_sentence("Trip.com Takes Stake in Dormy Inn Owner")
    False
    """
    return any(w.islower() and w not in _TITLE_CASE_LOWER for w in re.findall(r"[^\W\d_]+(?:[.'’][^\W\d_]+)*", title))


def with_headline(body: str, title: str | None) -> str:
    """The body with its headline as the first paragraph, so that what the headline states is read as text: when
    the headline is written as a sentence and the body does not open with it already.

    >>> with_headline("BEIJING — The regulator fined Meituan.", "Meituan fined by regulator")
    'Meituan fined by regulator\\n\\nBEIJING — The regulator fined Meituan.'
    >>> with_headline("BEIJING — The regulator fined Meituan.", "Regulator Fines Meituan")
    'BEIJING — The regulator fined Meituan.'
    """
    if not title or not body.strip() or not written_as_sentence(title):
        return body  # (a headline alone is no article)
    first = next((line.strip().lstrip("#").strip() for line in body.splitlines() if line.strip()), "")
    if " ".join(first.split()) == " ".join(title.split()):
        return body
    return f"{title}\n\n{body}"


def check_length(doc: Document, settings: Settings) -> None:
    """Refuse an article whose text is over ``article_max_chars``: the parser's memory grows with a text's
    length (spaCy: about 1 GB per 100,000 characters at worst), so one long file must not take the machine."""
    if len(doc.text) > settings.article_max_chars:
        raise DocumentError(
            doc.source_path or doc.title,
            f"has {len(doc.text):,} characters of text, over the limit of {settings.article_max_chars:,}",
            "split it, or raise article_max_chars (env KG_ARTICLE_MAX_CHARS)",
        )


def split_front_matter(text: str, source: str = "<text>", max_chars: int = 2000) -> tuple[dict, str]:
    """Split optional YAML front matter from the body and check its fields.

    >>> split_front_matter("---\\ntitle: &a x\\nsource: *a\\n---\\nBody.")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.DocumentError: <text>: has front matter with an anchor (&name) at line 2, which is not allowed ...
    """
    m = _FRONT_MATTER.match(text)
    if not m:
        if text.lstrip().startswith("---\n") or text.startswith("---\r\n"):
            raise DocumentError(source, "has front matter that is never closed", "end it with a line '---'")
        return {}, text
    try:
        meta = yaml.load(m.group(1), Loader=_NoAliasLoader) or {}
    except yaml.constructor.ConstructorError as e:
        where = e.problem_mark
        line = f" at line {where.line + 2}" if where else ""
        raise DocumentError(
            source,
            f"has front matter with {e.problem}{line}, which is not allowed",
            "write each field's value out in full (no &anchors or *aliases)",
        ) from None
    except yaml.YAMLError as e:
        where = getattr(e, "problem_mark", None)
        line = f" at line {where.line + 2}" if where else ""
        raise DocumentError(
            source, f"has front matter that is not valid YAML{line}", "fix the YAML between the '---' lines"
        ) from None
    except ValueError as e:  # YAML reads YYYY-MM-DD as a date and fails on one that does not exist
        raise DocumentError(
            source, f"has a date in its front matter that does not exist ({e})", "write a real date"
        ) from None
    except RecursionError:
        raise DocumentError(
            source, "has front matter nested too deeply to read", "write each field as plain text"
        ) from None
    except (TypeError, KeyError, IndexError, AttributeError, OverflowError):
        # PyYAML's constructors fail this way on an explicit tag a value does not fit ('!!int ""', '!!bool x')
        raise DocumentError(
            source,
            "has front matter with an explicit !!tag its value does not fit",
            "remove the !!tag and write the value as plain text",
        ) from None
    if not isinstance(meta, dict):
        raise DocumentError(
            source, "has front matter that is not a mapping of fields", "write 'title: …', 'published: …' lines"
        )
    unknown = [k for k in meta if k not in _FIELDS]
    if unknown:
        raise DocumentError(
            source, f"has unknown front-matter field(s) {sorted(map(str, unknown))}", f"use only {sorted(_FIELDS)}"
        )
    out = {k: meta[k] for k in _FIELDS if meta.get(k) is not None}
    if "published" in out:
        out["published"] = parse_published(out["published"], source)
    for key in ("title", "language", "source", "url"):
        if key in out:
            out[key] = _field_text(key, out[key], source, max_chars)
    return out, text[m.end() :]


def _field_text(key: str, value: object, source: str, max_chars: int) -> str:
    """A front-matter field as checked text: a scalar, at most ``max_chars``, valid Unicode, no control characters."""
    if isinstance(value, (dict, list, set, tuple)):
        raise DocumentError(
            source,
            f"has a front-matter field {key!r} that is a {type(value).__name__}, not text",
            f"write '{key}: some text'",
        )
    text = _scalar_text(value, key, source)
    if len(text) > max_chars:
        raise DocumentError(
            source,
            f"has a front-matter field {key!r} of {len(text):,} characters, over {max_chars:,}",
            "shorten it, or raise front_matter_max_chars (env KG_FRONT_MATTER_MAX_CHARS)",
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise DocumentError(
            source,
            f"has a front-matter field {key!r} that is not valid Unicode (a lone surrogate escape)",
            "write the character itself, not a \\uD8xx escape",
        ) from None
    bad = _CONTROL.search(text)
    if bad:
        raise DocumentError(
            source, f"has a control character U+{ord(bad.group()):04X} in its front-matter field {key!r}", "remove it"
        )
    return text


def _scalar_text(value: object, key: str, source: str) -> str:
    """A front-matter scalar as text; an integer too long to write out (Python refuses over 4,300 digits) is refused."""
    try:
        return str(value)
    except ValueError:
        raise DocumentError(
            source, f"has a front-matter field {key!r} holding a number too long to read", "write it as text"
        ) from None


def parse_published(value: object, source: str = "<text>") -> PartialDate:
    """'2025', '2025-05', '2025-05-07' (or a YAML date) → PartialDate."""
    text = value.isoformat() if hasattr(value, "isoformat") else _scalar_text(value, "published", source)
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        raise DocumentError(source, f"has published date {text!r}", "write it as YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        date = PartialDate.parse(text)
        datetime.date(date.year, date.month or 1, date.day or 1)  # ValueError for a month or day that does not exist
    except ValueError:
        raise DocumentError(source, f"has published date {text!r} that does not exist", "write a real date") from None
    return date


def clean_text(body: str) -> str:
    """Drop picture credits and promotional blocks; paragraphs separated by one blank line."""
    lines = [" ".join(line.split()) for line in body.replace("\r\n", "\n").split("\n")]
    drop: set[int] = set()
    for i, line in enumerate(lines):
        if _CAPTION.match(line):
            drop.add(i)
        elif _CALL_TO_ACTION.match(line):
            drop.add(i)
            drop.update(_promo_block_before(lines, i))
    paragraphs = [line for i, line in enumerate(lines) if line and i not in drop]
    return "\n\n".join(paragraphs)


def _promo_block_before(lines: list[str], cta: int) -> list[int]:
    """The lines of the block a call to action closes: back to its teaser title (a line with no
    final punctuation), at most a few lines; just the line before when no title is found."""
    block: list[int] = []
    i = cta - 1
    while i >= 0 and len(block) < _PROMO_LINES_BEFORE_CTA:
        if lines[i]:
            block.append(i)
            if not lines[i].endswith(_TERMINAL):
                return block
        i -= 1
    return block[:1]


def document_from_text(
    body: str,
    *,
    title: str | None = None,
    published: PartialDate | str | None = None,
    source_path: str = "",
    language: str = "en",
    source: str = "",
    url: str = "",
) -> Document:
    text = clean_text(body)
    if not text.strip():
        raise DocumentError(source_path or title or "<text>", "has no article text", "add the article's text")
    if isinstance(published, str):
        published = parse_published(published, source_path or "<text>")
    return Document(
        id=content_id(text),
        text=text,
        title=title or _first_line_title(text, source_path),
        source_path=source_path,
        published=published,
        language=language,
        source=source,
        url=url,
        content_hash=hashlib.sha256(body.encode("utf-8")).hexdigest(),
    )


def document_from_html(html: str, *, source_path: str = "") -> Document:
    """Main text of a web page (trafilatura: boilerplate, scripts and styles are not kept)."""
    import trafilatura
    from trafilatura.settings import Document as Page

    # as_dict=False (the default): a Document, or None for a page with no main text
    extracted = cast(
        Page | None,
        trafilatura.bare_extraction(html, include_comments=False, include_tables=False, with_metadata=True),
    )
    if extracted is None or not extracted.text or not extracted.text.strip():
        raise DocumentError(
            source_path or "<html>", "has no main text that could be extracted", "check it is an article page"
        )
    published = None
    if extracted.date:
        try:
            published = parse_published(extracted.date[:10], source_path)
        except DocumentError:
            published = None
    return document_from_text(
        extracted.text,
        title=extracted.title or None,
        published=published,
        source_path=source_path,
        language=extracted.language or "en",
        source=extracted.sitename or "",
        url=extracted.url or "",
    )


def _first_line_title(text: str, source_path: str) -> str:
    if source_path:
        return Path(source_path).stem.replace("-", " ").replace("_", " ")
    first = text.split("\n", 1)[0]
    return first[:80] + ("…" if len(first) > 80 else "")
