"""Highlights of a corrected quote speak with the corrected speaker.

A highlight made with "Highlight This Quote" records the speaker the extractor named at
the time. When the reader later corrects that quote's speaker, exports must not repeat
the old name: this gives the annotations as exports should see them, with the corrected
speaker, without changing what the sidecar records.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from annotator.core.annotations.model import Annotation
from annotator.core.extraction.model import Extraction, Quote


def with_corrected_speakers(annotations: Sequence[Annotation], extraction: Extraction) -> list[Annotation]:
    """``annotations``, each linked to (or inside) a corrected quote carrying that quote's speaker."""
    corrected = [q for q in extraction.quotes if q.corrected]
    if not corrected:
        return list(annotations)
    by_id = {q.id: q for q in corrected}
    out = []
    for annotation in annotations:
        quote = _quote_of(annotation, by_id, corrected)
        if quote is not None and annotation.speaker != quote.speaker:
            annotation = dataclasses.replace(annotation, speaker=quote.speaker)
        out.append(annotation)
    return out


def _quote_of(annotation: Annotation, by_id: dict[str, Quote], corrected: list[Quote]) -> Quote | None:
    quote = by_id.get(annotation.quote_id) if annotation.quote_id else None
    if quote is not None and quote.start < annotation.end and annotation.start < quote.end:
        return quote
    if annotation.speaker is None:
        return None  # the extractor's speaker is found through the extraction itself
    proposed = [q for q in corrected if q.start <= annotation.start and annotation.end <= q.end]
    for quote in proposed:  # a highlight that repeated the extractor's speaker follows the correction
        if quote.proposed is not None and quote.proposed.get("speaker") == annotation.speaker:
            return quote
    return None
