"""The article's quotes and people in the scorer's gold format (one JSON object per line).

A corrected article is evaluation data: the reader checked every speaker and person, so
its corrected extraction is written as a gold record the extraction scorer reads::

    {id, text, quotes: [{start, end, text, speaker, speaker_mention, cue, kind[, spans]}],
     people: [names], mentions: [{start, end, text}]}

Offsets are code points into ``text``, end exclusive. ``kind`` follows the gold files'
rule (``direct``: the quote starts with a quotation mark; ``mixed``: it holds one
elsewhere; ``indirect``: none); scare quotes are nobody's words and are left out. A quote
interrupted by its attribution has ``spans``, and its ``text`` is the pieces joined by
`` … `` as in the gold files.
"""

from __future__ import annotations

import json
from typing import Any

from annotator.core.article import Article
from annotator.core.extraction.model import Extraction, Quote, Span

QUOTATION_MARKS = "\"'“”‘’«»„‚‹›「」『』"


def gold_kind(text: str) -> str:
    if text[:1] in QUOTATION_MARKS:
        return "direct"
    return "mixed" if any(mark in text for mark in QUOTATION_MARKS) else "indirect"


def _place(text: str, span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": text[span.start : span.end]}


def gold_quote(text: str, quote: Quote) -> dict[str, Any]:
    record: dict[str, Any] = {
        "start": quote.start,
        "end": quote.end,
        "text": quote.display_text,
        "speaker": quote.speaker,
        "speaker_mention": _place(text, quote.speaker_mention),
        "cue": _place(text, quote.cue),
        "kind": gold_kind(quote.display_text),
    }
    if quote.parts:
        record["spans"] = [[p.start, p.end] for p in quote.parts]
    return record


def gold_record(article: Article, extraction: Extraction) -> dict[str, Any]:
    text = article.text
    mentions = sorted((m for p in extraction.people for m in p.mentions), key=lambda m: (m.start, m.end))
    return {
        "id": article.source.name,
        "text": text,
        "quotes": [gold_quote(text, q) for q in extraction.quotes if q.kind != "scare"],
        "people": [p.name for p in extraction.people],
        "mentions": [_place(text, m) for m in mentions],
    }


def export_gold(article: Article, extraction: Extraction) -> str:
    """One JSON Lines record (with its newline)."""
    return json.dumps(gold_record(article, extraction), ensure_ascii=False) + "\n"
