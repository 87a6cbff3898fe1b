"""Find the spans that touch a range of the text without looking at all of them.

The article view draws only the highlights near what is on screen (see ``highlight_layers``),
so on every scroll it asks "which of these 10,000 spans touch offsets 412,000..436,000?".
Spans are kept sorted by start; a span can only touch the range if it starts before its end
and, being at most ``LONG_SPAN`` long, no earlier than ``LONG_SPAN`` before its start. The few
longer spans (a highlight over several long paragraphs) are kept apart and always checked.
Adding or removing one span keeps the order with a binary search, so an edit costs a
``list.insert`` rather than a re-sort.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable
from typing import Generic, TypeVar

Key = TypeVar("Key")  # one comparable type per index: int positions, str ids…

LONG_SPAN = 4096


class SpanIndex(Generic[Key]):
    """``(start, end, key)`` entries in code-point offsets, end exclusive; keys are unique."""

    def __init__(self, entries: Iterable[tuple[int, int, Key]] = ()) -> None:
        self._short: list[tuple[int, int, Key]] = []
        self._long: list[tuple[int, int, Key]] = []
        for entry in entries:
            (self._long if entry[1] - entry[0] > LONG_SPAN else self._short).append(entry)
        self._short.sort()
        self._long.sort()

    def __len__(self) -> int:
        return len(self._short) + len(self._long)

    def add(self, start: int, end: int, key: Key) -> None:
        insort(self._long if end - start > LONG_SPAN else self._short, (start, end, key))

    def remove(self, start: int, end: int, key: Key) -> None:
        """Forget the entry added as ``(start, end, key)``; ValueError if there is none."""
        entries = self._long if end - start > LONG_SPAN else self._short
        entry = (start, end, key)
        index = bisect_left(entries, entry)
        if index == len(entries) or entries[index] != entry:
            raise ValueError(f"no span {entry!r} in the index")
        del entries[index]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, Key]]:
        """Entries sharing at least one offset with ``start..end``, in (start, end, key) order.

        An empty span (start == end) touches the range when it lies inside it.
        """
        first = bisect_left(self._short, (start - LONG_SPAN,))
        last = bisect_left(self._short, (end,))
        found = [entry for entry in self._short[first:last] if touches(entry, start, end)]
        found.extend(entry for entry in self._long if entry[0] < end and touches(entry, start, end))
        if self._long:
            found.sort()
        return found

    def entries(self) -> list[tuple[int, int, Key]]:
        """Every entry, in (start, end, key) order."""
        return sorted(self._short + self._long)


def touches(entry: tuple[int, int, object], start: int, end: int) -> bool:
    entry_start, entry_end = entry[0], entry[1]
    if entry_start == entry_end:
        return start <= entry_start < end
    return entry_start < end and entry_end > start
