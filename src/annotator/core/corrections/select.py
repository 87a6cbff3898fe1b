"""Turning what a reader names ("the quote that says X", "Okafor") into a correction's anchor.

The command line and the window both name things by text: a quote by some of its
words, a person by name or alias. Ambiguity is refused with a message that says how
to resolve it (``--occurrence N``), never guessed.
"""

from __future__ import annotations

from annotator.core.corrections.model import Anchor, CorrectionError
from annotator.core.extraction.model import Extraction, Person, Quote

MAX_LISTED = 5


def occurrences(text: str, needle: str) -> list[int]:
    starts = []
    position = text.find(needle)
    while position != -1:
        starts.append(position)
        position = text.find(needle, position + 1)
    return starts


def span_of(text: str, needle: str, occurrence: int | None = None) -> tuple[int, int]:
    """Where ``needle`` is in ``text``: its only occurrence, or the ``occurrence``-th (from 1)."""
    if not needle or not needle.strip():
        raise CorrectionError("the text to find is empty")
    starts = occurrences(text, needle)
    if not starts:
        raise CorrectionError(f"the text {needle!r} does not occur in the article")
    if occurrence is None:
        if len(starts) > 1:
            shown = ", ".join(str(s) for s in starts[:MAX_LISTED]) + ("…" if len(starts) > MAX_LISTED else "")
            raise CorrectionError(
                f"the text {needle!r} occurs {len(starts)} times (at offsets {shown}); "
                f"quote more of it, or choose one with --occurrence 1..{len(starts)}"
            )
        occurrence = 1
    if not 1 <= occurrence <= len(starts):
        raise CorrectionError(f"the text {needle!r} occurs {len(starts)} times, so there is no occurrence {occurrence}")
    start = starts[occurrence - 1]
    return start, start + len(needle)


def quote_named(text: str, extraction: Extraction, needle: str, occurrence: int | None = None) -> Quote:
    """The extracted quote whose words include ``needle`` (the innermost, if nested)."""
    start, end = span_of(text, needle, occurrence)
    around = [q for q in extraction.quotes if q.start <= start and end <= q.end]
    if not around:
        raise CorrectionError(
            f"{needle!r} (at offset {start}) is not inside a quote the extractor found; "
            "to add it as a quote, use --add-quote"
        )
    return min(around, key=lambda q: q.end - q.start)


def quote_anchor(text: str, quote: Quote) -> Anchor:
    return Anchor.over(text, quote.start, quote.end)


def person_named(extraction: Extraction, name: str) -> Person:
    """The person called ``name`` (case does not matter), else the one with it as an alias."""
    key = " ".join(name.split()).casefold()
    if not key:
        raise CorrectionError("the person's name is empty")
    exact = [p for p in extraction.people if p.name.casefold() == key]
    found = exact or [p for p in extraction.people if key in (a.casefold() for a in p.aliases)]
    if not found:
        known = ", ".join(p.name for p in extraction.people) or "none"
        raise CorrectionError(f"no person called {name!r} in this article (people: {known})")
    if len(found) > 1:
        raise CorrectionError(
            f"{name!r} names {len(found)} people ({', '.join(p.name for p in found)}); give the full name"
        )
    return found[0]


def person_anchor(text: str, person: Person, form: str | None = None) -> Anchor:
    """An anchor on one mention of ``person``: its first, or its first written ``form``."""
    mentions = person.mentions
    if form is not None:
        mentions = [m for m in mentions if text[m.start : m.end].casefold() == form.casefold()]
        if not mentions:
            raise CorrectionError(f"{person.name} is never mentioned as {form!r}")
    if not mentions:
        raise CorrectionError(f"{person.name} has no mention in the text")
    return Anchor.over(text, mentions[0].start, mentions[0].end)
