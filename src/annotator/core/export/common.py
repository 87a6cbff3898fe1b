"""What every exporter needs: ordering, placement, speakers, label colours, the article's IRI.

Kept in one place so that the formats agree with each other: the same annotation gets the
same speaker in CSV, Markdown and ClaimReview, and orphans are handled the same way.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from annotator.core.annotations.model import Annotation, Label
from annotator.core.article import Article
from annotator.core.extraction.model import Extraction, Quote

FALLBACK_COLOR = "#9e9e9e"
_HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")

# Characters at which a line ends for Python's str.splitlines (and for brat, whose
# reader splits lines the same way): a span or a note must never carry one of these
# into a one-line-per-record format.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAK_RUN = re.compile(f"[{re.escape(LINE_BREAKS)}]+")

ORPHAN = "orphan"

# JSON-LD goes into ``<script type="application/ld+json">``, where the HTML parser ends the
# block at the first ``</script`` whatever JSON thinks of it. Written as JSON escapes these
# characters cannot close the block or open a comment (``<!--``), and parse to themselves.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def is_placed(annotation: Annotation, text: str) -> bool:
    """True when the annotation has a usable span in ``text``.

    Orphans (annotations whose text could not be found again) keep their old offsets in
    the sidecar, but those offsets point at the wrong words; formats that mark positions
    must list orphans separately instead of highlighting something else.
    """
    return annotation.status != ORPHAN and 0 <= annotation.start < annotation.end <= len(text)


def ordered(annotations: Iterable[Annotation]) -> list[Annotation]:
    """Reading order: by start, longer spans first (so containers open before what they
    contain), then label and id, which makes every export deterministic; orphans last."""
    return sorted(annotations, key=lambda a: (a.status == ORPHAN, a.start, -a.end, a.label, a.id))


def split_placed(annotations: Iterable[Annotation], text: str) -> tuple[list[Annotation], list[Annotation]]:
    """The annotations with a span in ``text`` and the orphans, each in reading order."""
    placed: list[Annotation] = []
    orphans: list[Annotation] = []
    for annotation in ordered(annotations):
        (placed if is_placed(annotation, text) else orphans).append(annotation)
    return placed, orphans


def quote_for(annotation: Annotation, extraction: Extraction | None) -> Quote | None:
    """The extracted quote an annotation belongs to: the one it links to (``quote_id``),
    else the attributed quote whose span contains it (a claim highlighted inside a
    quotation was made by whoever is quoted; for a quote interrupted by its attribution,
    one that touches its words, not only the ``he said`` between its parts). A linked quote
    counts only where it overlaps the annotation: quote ids number quotes in text order, so a
    quote added above, or pieces now joined, leave a saved ``quote_id`` naming another quote."""
    if extraction is None:
        return None
    for quote in extraction.quotes:
        if annotation.quote_id and quote.id == annotation.quote_id:
            if quote.start < annotation.end and annotation.start < quote.end:
                return quote
            break
    for quote in extraction.quotes:
        if quote.speaker and quote.start <= annotation.start and annotation.end <= quote.end:
            if not quote.parts or any(p.start < annotation.end and annotation.start < p.end for p in quote.parts):
                return quote
    return None


def speaker_for(annotation: Annotation, extraction: Extraction | None) -> str | None:
    """Who said the annotated words, when known: the annotation's own speaker, else the
    speaker of its extracted quote (see :func:`quote_for`)."""
    if annotation.speaker:
        return annotation.speaker
    quote = quote_for(annotation, extraction)
    return quote.speaker if quote is not None else None


def label_colors(labels: Sequence[Label]) -> dict[str, str]:
    """Label name → a safe ``#rrggbb`` colour (anything else falls back to grey).

    Colours come from a user-editable sidecar and end up inside CSS, so only hex colours
    pass through.
    """
    colors: dict[str, str] = {}
    for label in labels:
        colors[label.name] = normalise_hex(label.color)
    return colors


def normalise_hex(color: str) -> str:
    if not _HEX_COLOR.match(color or ""):
        return FALLBACK_COLOR
    if len(color) == 4:
        color = "#" + "".join(ch * 2 for ch in color[1:])
    return color.lower()


def label_order(labels: Sequence[Label], annotations: Iterable[Annotation]) -> list[str]:
    """Label names in the label set's order, then any label only annotations use (sorted)."""
    names = [label.name for label in labels]
    extra = sorted({a.label for a in annotations} - set(names))
    return names + extra


def article_iri(article: Article) -> str:
    """The IRI that identifies the article in linked-data exports.

    An HTML article read from a saved page keeps its original URL in the metadata; a
    local file is identified by its ``file:`` URI.
    """
    url = article.metadata.get("url", "")
    if url.startswith(("http://", "https://")):
        return url
    path = Path(article.source)
    if not path.is_absolute():
        path = path.resolve()
    return path.as_uri()


def stable_uuid(*parts: str) -> str:
    """A UUID derived from ``parts``, so that re-exporting the same article gives the same ids."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "\x1f".join(parts)))


def one_line(text: str) -> str:
    """``text`` with every run of line breaks turned into a single space."""
    return _LINE_BREAK_RUN.sub(" ", text)


def json_ld(data: Any) -> str:
    """``data`` as JSON-LD text that is safe to paste into an HTML ``<script>`` block.

    Every JSON-LD export writes through here: ``<``, ``>`` and ``&`` appear only inside
    JSON strings, so escaping them as ``\\u003c``, ``\\u003e`` and ``\\u0026`` changes
    nothing a JSON reader sees, while a note holding ``</script>`` can no longer end the block.
    """
    return json.dumps(data, ensure_ascii=False, indent=2).translate(_SCRIPT_SAFE) + "\n"


def article_title(article: Article) -> str:
    if article.title:
        return article.title
    return Path(article.source).name
