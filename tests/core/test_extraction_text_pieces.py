"""Scanning in pieces finds what one scan of the whole text finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.extraction.text_pieces import pieces

WORDS = re.compile(r"\b[a-z][a-z’'\-]*\b")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab’' -\n\tXY.", max_size=400), st.integers(min_value=1, max_value=40))
def test_pieces_cover_the_text_and_split_no_word(text, size):
    spans = list(pieces(text, size))
    if not text:
        assert spans == []
        return
    assert [start for start, _ in spans] == [0] + [end for _, end in spans[:-1]]
    assert spans[-1][1] == len(text)
    for _, end in spans[:-1]:
        assert text[end - 1].isspace()
    found = [word for start, end in spans for word in WORDS.findall(text, start, end)]
    assert found == WORDS.findall(text)


def test_a_text_without_whitespace_is_one_piece():
    assert list(pieces("x" * 50, 8)) == [(0, 50)]
