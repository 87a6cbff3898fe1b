"""How much text the attribution looks at per quote stays bounded, whatever the paragraph's length.

A paragraph that never ends a sentence outside its quotes (a one-line text of quoted words, a
transcript run together) is one clause from its first character: the look before each quote must
not reach back to that start, or reading n quotes costs n² characters. The work is counted in
characters handed to the look, not timed.
"""

from __future__ import annotations

import pytest

from annotator.core.extraction.attribution import Attributor
from tests.core.extraction_support import run


def _scanned(monkeypatch: pytest.MonkeyPatch, text: str) -> int:
    total = 0
    original = Attributor._before

    def counting(self, start, end, *rest):
        nonlocal total
        total += max(0, end - start)
        return original(self, start, end, *rest)

    monkeypatch.setattr(Attributor, "_before", counting)
    run(text)
    monkeypatch.setattr(Attributor, "_before", original)
    return total


@pytest.mark.parametrize("piece", ["“He said” ", "“Go,” he said and ‘it’ ", "the “term” "])
def test_the_look_before_a_quote_grows_with_the_quotes_not_their_square(monkeypatch, piece):
    small = _scanned(monkeypatch, piece * 200)
    large = _scanned(monkeypatch, piece * 800)
    assert large <= 6 * small, (small, large)
