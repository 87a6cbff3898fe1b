"""How a selection becomes a highlight's span: whole words, no whitespace at the edges.

A reader who drags across "the harbour wit|h" means "with"; one whose selection runs over a
paragraph break picks up the newline and the next paragraph's indent without meaning to. The
window snaps a mouse selection to words (Alt keeps exact characters) with ``snap_to_words``;
``trim_whitespace`` runs once, here in the core, on every new highlight, so the sidecar, CSV,
Markdown and brat all carry the same offsets whichever way the span arrived.
"""

from __future__ import annotations

import unicodedata

# Marks that join two letters into one word (don’t, Putin’s, well-known) but not otherwise.
_JOINERS = frozenset("'’‐‑-·")


def _is_letter(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char).startswith("M")


def is_word_char(text: str, index: int) -> bool:
    """Whether ``text[index]`` is part of a word (a letter, digit, mark or inner joiner)."""
    if not 0 <= index < len(text):
        return False
    char = text[index]
    if _is_letter(char):
        return True
    return (
        char in _JOINERS
        and index > 0
        and index + 1 < len(text)
        and _is_letter(text[index - 1])
        and _is_letter(text[index + 1])
    )


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``start..end`` so that neither edge cuts a word in two.

    An edge that already sits between a word and a non-word character stays where it is; an
    empty span stays empty. Offsets are code points into ``text``.
    """
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    if start == end:
        return start, end
    while start > 0 and is_word_char(text, start) and is_word_char(text, start - 1):
        start -= 1
    while end < len(text) and is_word_char(text, end - 1) and is_word_char(text, end):
        end += 1
    return start, end


def _is_space(char: str) -> bool:
    return char.isspace() or char in "\u200b\ufeff"


def trim_whitespace(text: str, start: int, end: int) -> tuple[int, int]:
    """``start..end`` without whitespace (newlines, NBSP, paragraph separators) at its edges.

    A span of nothing but whitespace is returned as it was: it is the caller's to refuse.
    """
    trimmed_start, trimmed_end = start, end
    while trimmed_start < trimmed_end and _is_space(text[trimmed_start]):
        trimmed_start += 1
    while trimmed_end > trimmed_start and _is_space(text[trimmed_end - 1]):
        trimmed_end -= 1
    if trimmed_start == trimmed_end:
        return start, end
    return trimmed_start, trimmed_end
