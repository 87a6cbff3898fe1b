"""Markdown report: the annotations grouped by label, for sharing in a chat, wiki or email.

Each annotation is a block quote of its text followed by a short list (verdict, tags,
speaker, note, position and author). Every value that reaches the report (title, byline,
source, label names, tags, notes, quoted text, speakers) passes through :func:`escape_markdown`
(or, for tags, a code span; for the source, :func:`markdown_link`), so that a ``*`` or ``_``
in a headline never turns into emphasis, a ``#`` or a line break never into a heading, and
``<img onerror=...>`` in a page's metadata never into live HTML when the report is
rendered: the report shows exactly the words that were annotated. Orphans are listed under "Not found in
the article" with their last known text. With an extraction, a people table and the quotes
with their speakers follow.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import quote, urlsplit

from annotator.core.annotations.model import Annotation, Label
from annotator.core.article import Article
from annotator.core.export.common import (
    LINE_BREAKS,
    article_iri,
    article_title,
    label_order,
    one_line,
    split_placed,
    speaker_for,
)
from annotator.core.extraction.model import Extraction

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>~|!#&])")
_LINE_START_SPECIAL = re.compile(r"^(\s*)([-+=>]|\d+[.)])")
_LINE_SPLIT = re.compile(f"\\r\\n|[{re.escape(LINE_BREAKS)}]")
_LINK_SCHEMES = ("http", "https", "file")
# Characters a URL may keep as they are inside an autolink ``<...>``: RFC 3986 unreserved and
# reserved characters, and ``%`` so that existing percent-escapes stay as they were.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%-._~"


def escape_markdown(text: str) -> str:
    """``text`` as one line of literal Markdown text.

    The one escaping function of the report: the characters Markdown would interpret
    (emphasis, code, links, HTML, entities, tables) are backslash-escaped, a block marker
    at the start (``-``, ``>``, ``1.``) loses its meaning, and line breaks become spaces so
    that a value can never start a heading, a list or an HTML block of its own. Values
    whose line breaks matter (quoted text, notes) are split with :func:`lines_of` first.
    """
    escaped = _INLINE_SPECIAL.sub(r"\\\1", one_line(text))
    return _LINE_START_SPECIAL.sub(lambda m: m.group(1) + _escape_block_marker(m.group(2)), escaped)


def markdown_link(url: str) -> str:
    """``url`` as an autolink when it is an http(s) or file URL, else as escaped text.

    Inside ``<...>`` Markdown honours no backslash escapes, so the URL is percent-encoded
    instead: a quote, space, ``<`` or ``>`` (as in ``https://x/"><img onerror=...>``) can
    neither end the link nor start HTML. Any other scheme (``javascript:``, ``data:``) is
    never made clickable.
    """
    cleaned = one_line(url).strip()
    if urlsplit(cleaned).scheme.lower() not in _LINK_SCHEMES:
        return escape_markdown(cleaned)
    return f"<{quote(cleaned, safe=_URL_SAFE)}>"


def _escape_block_marker(marker: str) -> str:
    if marker[-1] in ".)":
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker


def code_span(text: str) -> str:
    """``text`` as an inline code span: literal, and clearly delimited even when a tag
    contains a comma or a space."""
    text = one_line(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"


def lines_of(text: str) -> list[str]:
    return _LINE_SPLIT.split(text)


def quote_block(text: str) -> str:
    """``text`` as a Markdown block quote, one ``>`` line per line of text."""
    return "\n".join(f"> {escape_markdown(line)}".rstrip() for line in lines_of(text))


def multiline_value(text: str) -> str:
    """A value that keeps its line breaks inside a list item (backslash hard breaks)."""
    lines = [escape_markdown(line) for line in lines_of(text)]
    return "\\\n  ".join(lines)


def annotation_section(annotation: Annotation, extraction: Extraction | None, placed: bool) -> str:
    details: list[str] = []
    if annotation.verdict:
        details.append(f"- **Verdict:** {escape_markdown(annotation.verdict)}")
    if annotation.tags:
        details.append("- **Tags:** " + " ".join(code_span(tag) for tag in annotation.tags))
    speaker = speaker_for(annotation, extraction)
    if speaker:
        details.append(f"- **Speaker:** {escape_markdown(speaker)}")
    if annotation.note:
        details.append(f"- **Note:** {multiline_value(annotation.note)}")
    where = f"characters {annotation.start}–{annotation.end}" if placed else "text not found in the article"
    by = f" · by {escape_markdown(annotation.author)}" if annotation.author else ""
    details.append(f"- *{where}{by} · {annotation.modified}*")
    return quote_block(annotation.selector.exact) + "\n\n" + "\n".join(details)


def extraction_section(extraction: Extraction) -> str:
    parts = ["## People", ""]
    if extraction.people:
        parts += ["| Name | Role | Mentions | Quotes |", "| --- | --- | ---: | ---: |"]
        for person in extraction.people:
            parts.append(
                f"| {escape_markdown(person.name)} | {escape_markdown(person.role or '')} "
                f"| {len(person.mentions)} | {person.quote_count} |"
            )
    else:
        parts.append("No people found.")
    parts += ["", "## Quotes", ""]
    if not extraction.quotes:
        parts.append("No quotes found.")
    for quote in extraction.quotes:
        speaker = escape_markdown(quote.speaker) if quote.speaker else "*unattributed*"
        parts.append(f"- **{speaker}** ({quote.kind}): {escape_markdown(' '.join(lines_of(quote.display_text)))}")
    return "\n".join(parts)


def export_markdown(
    article: Article,
    annotations: Sequence[Annotation],
    labels: Sequence[Label],
    extraction: Extraction | None = None,
) -> str:
    """The report as Markdown text."""
    placed, orphans = split_placed(annotations, article.text)
    title = escape_markdown(article_title(article))
    out = [f"# {title}", ""]
    byline = " · ".join(escape_markdown(article.metadata[key]) for key in ("author", "site", "date") if article.metadata.get(key))
    if byline:
        out.append(f"{byline}  ")
    out.append(f"Source: {markdown_link(article_iri(article))}  ")
    out.append(f"Annotations: {len(placed) + len(orphans)} · needing review: {len(orphans)}")
    for name in label_order(labels, annotations):
        group = [a for a in placed if a.label == name]
        if not group:
            continue
        out += ["", f"## {escape_markdown(name)} ({len(group)})"]
        for annotation in group:
            out += ["", annotation_section(annotation, extraction, placed=True)]
    if orphans:
        out += ["", f"## Not found in the article ({len(orphans)})", "", "The text of these annotations is not in the article any more: they need review."]
        for annotation in orphans:
            out += ["", f"**{escape_markdown(annotation.label)}**", "", annotation_section(annotation, extraction, placed=False)]
    if extraction is not None:
        out += ["", extraction_section(extraction)]
    return "\n".join(out) + "\n"
