"""Sentence spans of an article: the units a diff between two versions aligns first.

The extractor's own paragraph units and sentence boundaries are reused, so the diff and the
quote extractor agree on where a sentence ends (abbreviations, initials, closing marks).
"""

from __future__ import annotations

from annotator.core.article import Article
from annotator.core.extraction.units import sentence_starts, text_units


def sentence_spans(article: Article) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence in text order, trimmed of surrounding spaces."""
    text = article.text
    spans: list[tuple[int, int]] = []
    for unit in text_units(article):
        starts = sentence_starts(text, unit, [])
        for index, start in enumerate(starts):
            end = starts[index + 1] if index + 1 < len(starts) else unit.end
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                spans.append((start, end))
    return spans
