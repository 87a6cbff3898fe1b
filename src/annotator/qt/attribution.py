"""How a quote is attributed in the sidebar and on the clipboard (pure Python, no Qt).

"Copy with attribution" gives what a journalist pastes into a draft:
``‘We will prevail’ — Volodymyr Zelensky, president of Ukraine``. The quote's own marks
(straight, curly, guillemets) are replaced by British single quotes, and the comma that
ends a quotation followed by "he said" is dropped, since the cue is not copied.
"""

from __future__ import annotations

from annotator.core.extraction.model import Person, Quote

UNATTRIBUTED = "unattributed"
_OPENING_MARKS = "\"'“‘«„‚‹"
_CLOSING_MARKS = "\"'”’»“‛›"


def speaker_label(quote: Quote) -> str:
    """The speaker as shown: the resolved name, the unnamed source as written, or "unattributed"."""
    return label_of_speaker(quote.speaker)


def label_of_speaker(speaker: str | None) -> str:
    return speaker.strip() if speaker and speaker.strip() else UNATTRIBUTED


def speaker_key(quote: Quote) -> str:
    """What filters by speaker compare: the person id, else the speaker label."""
    return quote.speaker_id or speaker_label(quote)


def quote_words(text: str) -> str:
    """The quotation without its outer marks and without a comma left before "he said"."""
    words = text.strip()
    if words[:1] in _OPENING_MARKS:
        words = words[1:]
    if words[-1:] in _CLOSING_MARKS:
        words = words[:-1]
    words = words.strip()
    if words.endswith(","):
        words = words[:-1].rstrip()
    return words


def with_attribution(quote: Quote, person: Person | None) -> str:
    """``‘…’ — Name, role`` for the clipboard (just ``‘…’`` when nobody is credited)."""
    quoted = f"‘{quote_words(quote.text)}’"
    label = speaker_label(quote)
    if label == UNATTRIBUTED:
        return quoted
    name = person.name if person else label
    role = person.role.strip() if person and person.role else ""
    return f"{quoted} — {name}, {role}" if role else f"{quoted} — {name}"
