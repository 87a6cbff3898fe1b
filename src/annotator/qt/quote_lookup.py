"""Which quote covers a given offset: what the article view's tooltip asks when hovering."""

from __future__ import annotations

from bisect import bisect_right

from annotator.core.extraction.model import Extraction, Quote

# How many earlier-starting quotes to look back through; quotes nest at most a level or two.
_LOOK_BACK = 8


class QuoteLookup:
    """Finds the quote (or quote part) containing an offset, by binary search on starts."""

    def __init__(self, extraction: Extraction) -> None:
        self._quotes = sorted(extraction.quotes, key=lambda quote: (quote.start, quote.end))
        self._starts = [quote.start for quote in self._quotes]

    def quote_at(self, offset: int) -> Quote | None:
        index = bisect_right(self._starts, offset) - 1
        for candidate in range(index, max(-1, index - _LOOK_BACK), -1):
            quote = self._quotes[candidate]
            if quote.start <= offset < quote.end and _in_parts(quote, offset):
                return quote
        return None


def _in_parts(quote: Quote, offset: int) -> bool:
    """An interrupted quote covers its parts, not the attribution between them."""
    return not quote.parts or any(part.start <= offset < part.end for part in quote.parts)
