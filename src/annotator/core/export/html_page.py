"""A standalone HTML page of the annotated article, for sharing and printing.

One file, no scripts and no external resources (a Content-Security-Policy meta tag says
so to the browser as well). The article keeps its structure: each block (headline,
standfirst, bullets, paragraphs, captions...) becomes one row of a two-column table, the
text on the left and, beside it, the notes of the annotations that start in that block.
A table rather than CSS grid, because Qt's rich-text engine, which renders the same page
to PDF, understands tables but not grid. For print (``notes_beside=False``, what the PDF
uses) the text takes the page's full width and each block's notes follow it, indented.

Highlights: the text is cut into segments at every annotation boundary, and each segment
covered by at least one annotation becomes one ``<mark>`` whose background blends the
colours of every label covering it, more strongly the more annotations overlap (and
overlaps are underlined), so nested and overlapping highlights stay visible and never
need nested tags. Every annotation has a number: a superscript link after the word its
last segment ends in (never inside the word) points to its note entry, which links back. Orphans are listed under "Not found in
the article". Every piece of article or user text is HTML-escaped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from annotator.core.annotations.model import Annotation, Label
from annotator.core.annotations.spans import is_word_char
from annotator.core.article import Article, Block
from annotator.core.export.common import (
    FALLBACK_COLOR,
    article_iri,
    article_title,
    label_colors,
    label_order,
    split_placed,
    speaker_for,
)
from annotator.core.extraction.model import Extraction

BLOCK_TAGS: dict[str, tuple[str, str]] = {
    "headline": ("<h1>", "</h1>"),
    "subheading": ("<h2>", "</h2>"),
}
_BLANK_LINES = re.compile(r"\n[ \t]*\n")

STYLE = """
body { font-family: Georgia, 'DejaVu Serif', serif; color: #1a1a1a; background: #ffffff; margin: 2em; }
header { font-family: sans-serif; margin-bottom: 1.5em; }
header .page-title { font-size: 1.1em; font-weight: bold; }
table.article { border-collapse: collapse; width: 100%; }
td.text { vertical-align: top; padding: 0 1.5em 0.15em 0; line-height: 1.45; width: 65%; }
td.text p, td.text h1, td.text h2 { margin-top: 0.15em; margin-bottom: 0.35em; }
td.text p.bullet { margin-top: 0; margin-bottom: 0.1em; }
td.notes { vertical-align: top; padding: 0.15em 0 0.15em 1em; font-family: sans-serif; font-size: 0.85em;
           border-left: 1px solid #cccccc; width: 35%; }
div.notes-under { font-family: sans-serif; font-size: 0.85em; margin: 0 0 0.5em 1.5em; color: #333333; }
ul.notes { margin: 0; padding-left: 0; list-style-type: none; }
ul.notes li { margin-bottom: 0.6em; }
mark { color: #1a1a1a; padding: 0; }
mark.overlap { text-decoration: underline; }
sup.ref { font-family: sans-serif; font-size: 0.7em; }
.chip { font-family: sans-serif; padding: 0 0.3em; border-radius: 3px; }
.verdict { font-weight: bold; }
.tag { color: #444444; background-color: #eeeeee; border: 1px solid #cccccc; padding: 0 0.25em; }
.standfirst { font-weight: bold; }
.bullet { margin-left: 1.5em; }
.caption, .source_line, .related_link, .byline, .dateline { font-family: sans-serif; font-size: 0.85em; color: #444444; }
section { font-family: sans-serif; margin-top: 2em; }
""".strip()


@dataclass(frozen=True, slots=True)
class _Segment:
    start: int
    end: int
    covering: tuple[Annotation, ...]


def page_blocks(article: Article) -> list[Block]:
    """The article's blocks, plus paragraphs for any non-blank text no block covers
    (articles without structure are split at blank lines)."""
    text = article.text
    blocks = sorted(article.blocks, key=lambda b: (b.start, b.end))
    result: list[Block] = []
    position = 0
    for block in blocks + [Block("paragraph", len(text), len(text))]:
        if block.start > position:
            result += _paragraphs(text, position, block.start)
        if block.end > block.start:
            result.append(block)
        position = max(position, block.end)
    return result


def _paragraphs(text: str, start: int, end: int) -> list[Block]:
    blocks: list[Block] = []
    position = start
    for match in list(_BLANK_LINES.finditer(text, start, end)) + [None]:
        piece_end = match.start() if match else end
        chunk = text[position:piece_end]
        if chunk.strip():
            left = position + len(chunk) - len(chunk.lstrip())
            right = position + len(chunk.rstrip())
            blocks.append(Block("paragraph", left, right))
        if match:
            position = match.end()
    return blocks


def blend(colors: Sequence[str]) -> str:
    """The background for a segment covered by annotations of these colours: their
    average, mixed into white more strongly the more annotations overlap."""
    channels = [[int(c[i : i + 2], 16) for i in (1, 3, 5)] for c in colors]
    average = [sum(ch[i] for ch in channels) / len(channels) for i in range(3)]
    alpha = min(0.45 + 0.15 * (len(colors) - 1), 0.8)
    mixed = [round(255 * (1 - alpha) + value * alpha) for value in average]
    return "#" + "".join(f"{value:02x}" for value in mixed)


def reference_point(text: str, end: int, limit: int) -> int:
    """Where an annotation's number goes: after the word its text ends in, never inside it."""
    while end < limit and is_word_char(text, end) and is_word_char(text, end - 1):
        end += 1
    return end


def _segments(block: Block, placed: Sequence[Annotation], text: str = "") -> list[_Segment]:
    inside = [a for a in placed if a.start < block.end and a.end > block.start]
    cuts = {block.start, block.end}
    for annotation in inside:
        cuts.update(x for x in (annotation.start, annotation.end) if block.start < x < block.end)
        if text and annotation.end < block.end:
            cuts.add(reference_point(text, annotation.end, block.end))
    points = sorted(cuts)
    return [
        _Segment(s, e, tuple(a for a in inside if a.start <= s and a.end >= e))
        for s, e in zip(points, points[1:])
    ]


def _text_html(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _chip(label: str, colors: dict[str, str]) -> str:
    color = colors.get(label, FALLBACK_COLOR)
    return (
        f'<span class="chip" style="background-color: {blend([color])}; border: 1px solid {color}">'
        f"{escape(label)}</span>"
    )


def _note_entry(
    number: int,
    annotation: Annotation,
    colors: dict[str, str],
    extraction: Extraction | None,
    linked: bool = True,
) -> str:
    marker = f'<a href="#ref-{number}">[{number}]</a>' if linked else f"[{number}]"
    parts = [marker, _chip(annotation.label, colors)]
    if annotation.verdict:
        parts.append(f'<span class="verdict">{escape(annotation.verdict)}</span>')
    if annotation.tags:
        # A visible separator too: Qt's renderer (PDF) draws no borders around inline spans.
        parts.append(" · ".join(f'<span class="tag">{escape(tag)}</span>' for tag in annotation.tags))
    speaker = speaker_for(annotation, extraction)
    if speaker:
        parts.append(f'<span class="speaker">(speaker: {escape(speaker)})</span>')
    entry = " ".join(parts)
    if annotation.note:
        entry += f'<br><span class="note">{_text_html(annotation.note)}</span>'
    return f'<li id="note-{number}">{entry}</li>'


def _notes_list(entries: Sequence[str]) -> str:
    # The inline style too: Qt's rich-text engine (PDF) ignores list styles from <style>.
    return f'<ul class="notes" style="list-style-type: none">{"".join(entries)}</ul>'


def _block_html(
    block: Block,
    segments: Sequence[_Segment],
    text: str,
    colors: dict[str, str],
    numbers: dict[str, int],
    last_segment: dict[str, tuple[int, int]],
) -> str:
    out: list[str] = []
    pending: list[tuple[int, int]] = []  # (where, number): marks waiting for the end of their word
    for segment in segments:
        for where, number in [mark for mark in pending if mark[0] <= segment.start]:
            out.append(_reference_mark(number))
            pending.remove((where, number))
        words = _text_html(text[segment.start : segment.end])
        if segment.covering:
            names = [a.label for a in segment.covering]
            background = blend([colors.get(name, FALLBACK_COLOR) for name in names])
            css_class = "hl overlap" if len(segment.covering) > 1 else "hl"
            title = ", ".join(dict.fromkeys(names))
            out.append(
                f'<mark class="{css_class}" style="background-color: {background}" '
                f'title="{escape(title)}">{words}</mark>'
            )
        else:
            out.append(words)
        for annotation in segment.covering:
            if last_segment.get(annotation.id) == (segment.start, segment.end):
                pending.append((reference_point(text, segment.end, block.end), numbers[annotation.id]))
    out.extend(_reference_mark(number) for _, number in pending)
    opening, closing = BLOCK_TAGS.get(block.kind, (f'<p class="{block.kind}">', "</p>"))
    return opening + "".join(out) + closing


def _reference_mark(number: int) -> str:
    return f'<sup class="ref"><a id="ref-{number}" href="#note-{number}">{number}</a></sup>'


def export_html(
    article: Article,
    annotations: Sequence[Annotation],
    labels: Sequence[Label],
    extraction: Extraction | None = None,
    *,
    notes_beside: bool = True,
) -> str:
    """The annotated article as one self-contained HTML document.

    ``notes_beside`` puts each block's notes in a column beside it (for a screen); without
    it the text takes the full width and the notes follow their block (for print).
    """
    text = article.text
    placed, orphans = split_placed(annotations, text)
    colors = label_colors(labels)
    numbers = {a.id: n for n, a in enumerate(placed + orphans, start=1)}
    blocks = page_blocks(article)
    block_segments = [_segments(block, placed, text) for block in blocks]
    last_segment: dict[str, tuple[int, int]] = {}
    first_block: dict[str, int] = {}
    for index, segments in enumerate(block_segments):
        for segment in segments:
            for annotation in segment.covering:
                last_segment[annotation.id] = (segment.start, segment.end)
                first_block.setdefault(annotation.id, index)

    rows: list[str] = []
    for index, (block, segments) in enumerate(zip(blocks, block_segments)):
        notes = [
            _note_entry(numbers[a.id], a, colors, extraction) for a in placed if first_block.get(a.id) == index
        ]
        notes_html = _notes_list(notes) if notes else ""
        block_html = _block_html(block, segments, text, colors, numbers, last_segment)
        if notes_beside:
            rows.append(f'<tr><td class="text">{block_html}</td><td class="notes">{notes_html}</td></tr>')
        else:
            rows.append(block_html + (f'<div class="notes-under">{notes_html}</div>' if notes_html else ""))

    title = escape(article_title(article))
    source = escape(article_iri(article))
    legend = " ".join(_chip(name, colors) for name in label_order(labels, annotations))
    out = [
        "<!DOCTYPE html>",
        "<html>",
        "<head>",
        '<meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="generator" content="Annotator">',
        f"<title>{title}</title>",
        f"<style>\n{STYLE}\n</style>",
        "</head>",
        "<body>",
        "<header>",
        f'<p class="page-title">{title}</p>',
        f'<p class="source">Source: <a href="{source}">{source}</a></p>',
        f'<p class="summary">{len(placed) + len(orphans)} annotations, {len(orphans)} needing review</p>',
        f'<p class="legend">{legend}</p>',
        "</header>",
        *(['<table class="article">', *rows, "</table>"] if notes_beside else ['<div class="article">', *rows, "</div>"]),
    ]
    # Orphans, and (rarely) annotations covering only blank space between blocks.
    unshown = orphans + [a for a in placed if a.id not in first_block]
    if unshown:
        items = []
        for annotation in unshown:
            entry = _note_entry(numbers[annotation.id], annotation, colors, extraction, linked=False)
            quoted = f"<blockquote>{_text_html(annotation.selector.exact)}</blockquote>"
            items.append(entry.replace("</li>", quoted + "</li>"))
        out += [
            '<section class="needs-review">',
            "<h2>Not found in the article</h2>",
            "<p>The text of these annotations is not in the article any more: they need review.</p>",
            _notes_list(items),
            "</section>",
        ]
    if extraction is not None:
        out.append(_extraction_html(extraction))
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _extraction_html(extraction: Extraction) -> str:
    people = "".join(
        f"<tr><td>{escape(p.name)}</td><td>{escape(p.role or '')}</td>"
        f"<td>{len(p.mentions)}</td><td>{p.quote_count}</td></tr>"
        for p in extraction.people
    )
    quotes = "".join(
        f"<li><strong>{escape(q.speaker or 'unattributed')}</strong> ({escape(q.kind)}): {escape(q.display_text)}</li>"
        for q in extraction.quotes
    )
    return (
        '<section class="extracted">\n<h2>People</h2>\n'
        '<table border="1" cellpadding="4"><tr><th>Name</th><th>Role</th><th>Mentions</th><th>Quotes</th></tr>'
        f"{people}</table>\n<h2>Quotes</h2>\n<ul>{quotes}</ul>\n</section>"
    )
