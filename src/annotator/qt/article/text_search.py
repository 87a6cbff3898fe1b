"""Finding a phrase in the canonical text (pure Python): spans in code-point offsets.

Searching the article's own string rather than the QTextDocument keeps find results in
the same coordinates as everything else; the view converts them once, for display.
"""

from __future__ import annotations

import re


def find_all(text: str, query: str, *, case_sensitive: bool = False) -> list[tuple[int, int]]:
    """Every non-overlapping occurrence of ``query`` in ``text`` as ``(start, end)``.

    Case-insensitive search uses Unicode simple case folding (``re.IGNORECASE``), which
    never changes lengths, so the spans stay exact. Any run of whitespace in the query
    matches any run of whitespace in the text (including NBSP and line breaks), since a
    reader types a space for whatever gap they see.
    """
    words = query.split()
    if not words:
        return []
    pattern = r"\s+".join(re.escape(word) for word in words)
    flags = 0 if case_sensitive else re.IGNORECASE
    return [(match.start(), match.end()) for match in re.finditer(pattern, text, flags)]
