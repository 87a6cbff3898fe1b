"""The one converter between core code-point offsets and QTextDocument positions.

Core offsets count Python code points in the canonical text; Qt counts UTF-16 code
units. The document builder (``document_builder``) inserts the canonical text so that
every code point becomes exactly one document position, except characters outside the
Basic Multilingual Plane (emoji, rare CJK), which take two — the surrogate pair. Line
breaks become block separators, one position each. So the only difference between the
two coordinate systems is one extra unit per astral character before the offset, and
this module is the only place that accounts for it. Nothing else computes positions.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def utf16_length(text: str) -> int:
    """Number of UTF-16 code units ``text`` takes in a QString."""
    return len(text.encode("utf-16-le")) // 2


class PositionMap:
    """Converts offsets of one canonical text to and from document positions.

    Built once per article in linear time; each conversion is a binary search over the
    astral characters only, so a 5 MB text of plain prose converts in constant time.
    """

    __slots__ = ("_astral_offsets", "_astral_positions", "text_length", "document_length")

    def __init__(self, text: str) -> None:
        self.text_length = len(text)
        if utf16_length(text) == len(text):
            offsets: list[int] = []
        else:
            offsets = [match.start() for match in _ASTRAL.finditer(text)]
        self._astral_offsets = offsets
        # The document position where the i-th astral character begins.
        self._astral_positions = [offset + index for index, offset in enumerate(offsets)]
        self.document_length = self.text_length + len(offsets)

    def to_document(self, offset: int) -> int:
        """Document position of the code-point ``offset`` (0..len(text) inclusive)."""
        if not 0 <= offset <= self.text_length:
            raise ValueError(f"offset {offset} outside the text (0..{self.text_length})")
        return offset + bisect_left(self._astral_offsets, offset)

    def to_text(self, position: int, *, round_up: bool = False) -> int:
        """Code-point offset of the document ``position``.

        A position between the two halves of a surrogate pair (Qt allows a cursor there
        only transiently) snaps to the start of the character, or past it with
        ``round_up`` — use that for the end of a selection so it still covers the emoji.
        """
        if not 0 <= position <= self.document_length:
            raise ValueError(f"position {position} outside the document (0..{self.document_length})")
        index = bisect_right(self._astral_positions, position - 1)
        # ``index`` astral characters start strictly before ``position``.
        if index and self._astral_positions[index - 1] == position - 1:
            # Inside the pair of the character that starts at position - 1.
            start = self._astral_offsets[index - 1]
            return start + 1 if round_up else start
        return position - index

    def span_to_document(self, start: int, end: int) -> tuple[int, int]:
        """Document positions of the code-point span ``start..end``."""
        return self.to_document(start), self.to_document(end)

    def span_to_text(self, start: int, end: int) -> tuple[int, int]:
        """Code-point span covering the document positions ``start..end``."""
        low, high = min(start, end), max(start, end)
        return self.to_text(low), self.to_text(high, round_up=True)
