"""SpanIndex finds exactly the spans a brute-force scan finds, through any adds and removes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.qt.article.span_index import LONG_SPAN, SpanIndex, touches

# Offsets around LONG_SPAN so that short, long and boundary-length spans all occur.
offsets = st.integers(min_value=0, max_value=3 * LONG_SPAN)
spans = st.tuples(offsets, st.integers(min_value=0, max_value=LONG_SPAN + 50)).map(lambda s: (s[0], s[0] + s[1]))


def brute_force(entries: set[tuple[int, int, int]], start: int, end: int) -> list[tuple[int, int, int]]:
    return sorted(entry for entry in entries if touches(entry, start, end))


@given(
    initial=st.lists(spans, max_size=30),
    edits=st.lists(st.tuples(st.booleans(), spans), max_size=30),
    queries=st.lists(spans, min_size=1, max_size=10),
)
def test_overlapping_matches_a_scan_after_adds_and_removes(initial, edits, queries):
    entries = {(start, end, key) for key, (start, end) in enumerate(initial)}
    index = SpanIndex(entries)
    next_key = len(initial)
    for remove, (start, end) in edits:
        if remove and entries:
            entry = min(entries, key=lambda e: (abs(e[0] - start), e))
            index.remove(*entry)
            entries.discard(entry)
        else:
            index.add(start, end, next_key)
            entries.add((start, end, next_key))
            next_key += 1
    assert len(index) == len(entries)
    assert index.entries() == sorted(entries)
    for start, end in queries:
        assert index.overlapping(start, end) == brute_force(entries, start, end)


def test_touching_means_sharing_an_offset():
    index = SpanIndex([(0, 5, "a"), (5, 9, "b"), (7, 7, "empty"), (2, 2 + LONG_SPAN * 3, "long")])
    assert [key for *_, key in index.overlapping(5, 6)] == ["long", "b"]
    assert [key for *_, key in index.overlapping(4, 5)] == ["a", "long"]
    assert [key for *_, key in index.overlapping(7, 8)] == ["long", "b", "empty"]
    assert [key for *_, key in index.overlapping(0, 2)] == ["a"]
    assert index.overlapping(LONG_SPAN * 4, LONG_SPAN * 5) == []


def test_removing_what_is_not_there_says_so():
    index = SpanIndex([(0, 5, "a")])
    with pytest.raises(ValueError, match="no span"):
        index.remove(0, 6, "a")
