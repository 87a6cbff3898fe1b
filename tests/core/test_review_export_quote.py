"""Review: exports credit an annotation's speaker from the quote it covers, not from a stale quote id.

Quote ids number quotes in text order; a quote added above (or two pieces now joined into one)
renumbers the rest, so a saved ``quote_id`` may name a quote elsewhere in the text.
"""

from __future__ import annotations

from annotator.core.annotations.model import Annotation
from annotator.core.export.common import quote_for, speaker_for
from annotator.core.extraction.model import Extraction, Quote

TEXT = "“Nobody asked us,” said Lena Park. Later: “The wall will hold.”"


def quote(quote_id: str, fragment: str, speaker: str | None) -> Quote:
    start = TEXT.index(fragment)
    return Quote(quote_id, start, start + len(fragment), fragment, "direct", speaker)


def test_a_quote_id_now_naming_a_quote_elsewhere_credits_nobody_wrongly():
    attributed = quote("q1", "“Nobody asked us,”", "Lena Park")
    unattributed = quote("q2", "“The wall will hold.”", None)
    extraction = Extraction(quotes=[attributed, unattributed])
    # Highlighted when the unattributed quote was numbered q1 (before the other was added above).
    stale = Annotation.create(TEXT, unattributed.start, unattributed.end, "Quote", quote_id="q1")
    assert quote_for(stale, extraction) is not attributed
    assert speaker_for(stale, extraction) is None

    linked = Annotation.create(TEXT, attributed.start, attributed.end, "Quote", quote_id="q1")
    assert quote_for(linked, extraction) is attributed
    assert speaker_for(linked, extraction) == "Lena Park"
