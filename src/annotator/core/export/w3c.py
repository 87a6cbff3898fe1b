"""W3C Web Annotation Data Model (JSON-LD) export.

The output is one ``AnnotationCollection`` whose first (and only) ``AnnotationPage``
embeds every annotation. Each annotation carries what the model requires of it (MUST):
``@context`` with the anno.jsonld context, an IRI ``id`` (``urn:uuid:<annotation id>``),
``type`` ``Annotation`` and a ``target``; every ``TextualBody`` has exactly one ``value``
and the ``TextPositionSelector`` non-negative integer ``start``/``end`` (code points,
end exclusive, exactly as the spec counts characters).

Bodies, one per piece of meaning, each with its ``purpose``: ``classifying`` (the label),
``tagging`` (one per tag), ``commenting`` (the note), ``assessing`` (the verdict). The
speaker, the link to an extracted quote and the orphan status have no term in the
vocabulary; they are kept as extension properties in the ``annotator:`` namespace
declared in the context, so nothing the reader recorded is lost on the way out.

Orphans (text no longer found in the article) are exported with their quote selector
only: an out-of-date position selector would point at the wrong words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from annotator.core.annotations.model import Annotation, Label
from annotator.core.article import Article
from annotator.core.export.common import article_iri, article_title, is_placed, json_ld, ordered, speaker_for, stable_uuid
from annotator.core.extraction.model import Extraction

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
EXTENSION_PREFIX = "annotator"
EXTENSION_NAMESPACE = "urn:annotator:"
ANNOTATION_CONTEXT: list[Any] = [ANNO_CONTEXT, {EXTENSION_PREFIX: EXTENSION_NAMESPACE}]

SPEAKER = f"{EXTENSION_PREFIX}:speaker"
QUOTE_ID = f"{EXTENSION_PREFIX}:quoteId"
ANCHOR_STATUS = f"{EXTENSION_PREFIX}:anchorStatus"

PURPOSE_LABEL = "classifying"
PURPOSE_TAG = "tagging"
PURPOSE_NOTE = "commenting"
PURPOSE_VERDICT = "assessing"


def motivation_for(annotation: Annotation) -> str:
    """Why the annotation was made, in the model's terms: a verdict is an assessment,
    a note a comment, a bare labelled span a highlight."""
    if annotation.verdict:
        return "assessing"
    if annotation.note:
        return "commenting"
    return "highlighting"


def annotation_to_w3c(
    annotation: Annotation,
    article: Article,
    source: str,
    extraction: Extraction | None = None,
) -> dict[str, Any]:
    """One annotation as a W3C ``Annotation`` object (with its own ``@context``)."""
    bodies: list[dict[str, str]] = [_body(PURPOSE_LABEL, annotation.label)]
    bodies += [_body(PURPOSE_TAG, tag) for tag in annotation.tags]
    if annotation.note:
        bodies.append({**_body(PURPOSE_NOTE, annotation.note), "format": "text/plain"})
    if annotation.verdict:
        bodies.append(_body(PURPOSE_VERDICT, annotation.verdict))

    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": annotation.selector.exact}
    if annotation.selector.prefix:
        quote["prefix"] = annotation.selector.prefix
    if annotation.selector.suffix:
        quote["suffix"] = annotation.selector.suffix
    selectors: list[dict[str, Any]] = [quote]
    if is_placed(annotation, article.text):
        selectors.append({"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end})

    record: dict[str, Any] = {
        "@context": ANNOTATION_CONTEXT,
        "id": f"urn:uuid:{annotation.id}",
        "type": "Annotation",
        "motivation": motivation_for(annotation),
        "created": annotation.created,
        "modified": annotation.modified,
    }
    if annotation.author:
        record["creator"] = {"type": "Person", "name": annotation.author}
    record["body"] = bodies
    record["target"] = {"source": source, "selector": selectors}
    speaker = speaker_for(annotation, extraction)
    if speaker:
        record[SPEAKER] = speaker
    if annotation.quote_id:
        record[QUOTE_ID] = annotation.quote_id
    if not is_placed(annotation, article.text):
        record[ANCHOR_STATUS] = "orphan"
    return record


def _body(purpose: str, value: str) -> dict[str, str]:
    return {"type": "TextualBody", "purpose": purpose, "value": value}


def export_w3c(
    article: Article,
    annotations: Sequence[Annotation],
    labels: Sequence[Label],
    extraction: Extraction | None = None,
) -> str:
    """The article's annotations as an ``AnnotationCollection`` (JSON-LD text).

    Collection and page ids are derived from the article's IRI and text hash, so the same
    article exports to the same document every time.
    """
    source = article_iri(article)
    items = [annotation_to_w3c(a, article, source, extraction) for a in ordered(annotations)]
    collection: dict[str, Any] = {
        "@context": ANNOTATION_CONTEXT,
        "id": f"urn:uuid:{stable_uuid(source, article.sha256, 'collection')}",
        "type": "AnnotationCollection",
        "label": f"Annotations on {article_title(article)}",
        "total": len(items),
        "generator": {"type": "Software", "name": "Annotator"},
    }
    if items:
        collection["first"] = {
            "id": f"urn:uuid:{stable_uuid(source, article.sha256, 'page-0')}",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        }
    return json_ld(collection)
