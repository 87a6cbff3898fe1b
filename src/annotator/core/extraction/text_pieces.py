"""Scanning a whole text in pieces, so that another thread gets the interpreter in between.

A regular expression scan (``findall``) is one call into C that holds Python's interpreter
lock until it returns: over a 10 MB article, ``findall`` of the ordinary words held it for
0.2 s, and the window (whose thread needs the lock to paint) froze for as long while the
loader extracted (measured by sampling the GUI thread's wake-ups). Scanning pieces of about
``PIECE_CHARS`` characters, cut at whitespace so no word is split, lets the lock change hands
between pieces; the result is the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

PIECE_CHARS = 1 << 17


def pieces(text: str, size: int = PIECE_CHARS) -> Iterator[tuple[int, int]]:
    """``(start, end)`` pieces covering ``text``, each ending just after a whitespace character."""
    start = 0
    length = len(text)
    while start < length:
        end = min(length, start + size)
        if end < length:
            cut = _next_space(text, end)
            end = length if cut < 0 else cut + 1
        yield start, end
        start = end


def _next_space(text: str, index: int) -> int:
    match = _SPACE.search(text, index)
    return match.start() if match else -1


_SPACE = re.compile(r"\s")
