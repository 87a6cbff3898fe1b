"""How a quote is attributed in the sidebar and on the clipboard (pure Python, no Qt).

"Copy with attribution" gives what a journalist pastes into a draft:
``‘We will prevail’ — Volodymyr Zelensky, president of Ukraine``. The quote's own marks
(straight, curly, guillemets) are replaced by British single quotes, and the comma that
ends a quotation followed by "he said" is dropped, since the cue is not copied. A quote
interrupted by its attribution (``“We tried,” she said, “and we failed.”``) is copied as the
words that were said, joined as one sentence: ``‘We tried and we failed’``.
"""

from __future__ import annotations

from annotator.core.extraction.model import Person, Quote

UNATTRIBUTED = "unattributed"
_OPENING_MARKS = "\"'“‘«„‚‹"
_CLOSING_MARKS = "\"'”’»“‛›"
# Words that open a clause: the comma before them belongs to the sentence (``If we wait, the
# bridge will fall``); before any other lower-case word it was only the attribution's.
_CLAUSE_OPENERS = frozenset(
    "i we you he she it they there this that these those the a an our my your his her their its".split()
)


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
    words = _unmarked(text)
    if words.endswith(","):
        words = words[:-1].rstrip()
    return words


def spoken_words(quote: Quote) -> str:
    """The words of the quote without marks; the parts of an interrupted quote joined.

    Between two parts, the first part's comma is kept where it belongs to the sentence,
    becomes a full stop where the attribution ended one (``“A,” said Jo. “B.”``), and is
    dropped where it only set off the attribution (``“The bridge,” he said, “is closed.”``).
    Dashes and ellipses stay as they are.
    """
    texts = quote.part_texts
    if len(texts) == 1:
        return quote_words(quote.text)
    gaps = [quote.text[a.end - quote.start : b.start - quote.start] for a, b in zip(quote.parts, quote.parts[1:])]
    words = _unmarked(texts[0])
    for gap, text in zip(gaps, texts[1:]):
        following = _unmarked(text)
        if words.endswith(",") or gap.lstrip().startswith(","):  # “A,” he said / “A”, he said
            words = words.removesuffix(",")
            if gap.rstrip().endswith("."):
                words += "."
            elif _opens_clause(following):
                words += ","
        words = f"{words} {following}"
    return words[:-1].rstrip() if words.endswith(",") else words


def _unmarked(text: str) -> str:
    """A part's words without its outer marks (its own punctuation kept)."""
    words = text.strip()
    if words[:1] in _OPENING_MARKS:
        words = words[1:]
    if words[-1:] in _CLOSING_MARKS:
        words = words[:-1]
    return words.strip()


def _opens_clause(words: str) -> bool:
    first = words.split(maxsplit=1)[0] if words.split() else ""
    return first[:1].isupper() or first.lower() in _CLAUSE_OPENERS


def with_attribution(quote: Quote, person: Person | None) -> str:
    """``‘…’ — Name, role`` for the clipboard (just ``‘…’`` when nobody is credited)."""
    quoted = f"‘{spoken_words(quote)}’"
    label = speaker_label(quote)
    if label == UNATTRIBUTED:
        return quoted
    name = person.name if person else label
    role = person.role.strip() if person and person.role else ""
    return f"{quoted} — {name}, {role}" if role else f"{quoted} — {name}"
