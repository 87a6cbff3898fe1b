"""Review: "Highlight this quote" recognises its earlier highlight by place, not by a quote number.

Quote ids are numbers in text order (``q1``, ``q2``…): a quote added above in the article, or
two pieces of an interrupted quote now joined into one, renumber every quote after it. An
annotation saved with ``quote_id`` "q1" then names another quote than the one it covers.
"""

from __future__ import annotations

import pytest

from tests.qt.conftest import open_and_wait
from tests.qt.test_annotating_panel import save

pytestmark = pytest.mark.gui

FIRST = "“The wall will hold,” said Mayor Ana Ruiz on Monday.\n\n“We have waited long enough,” said Tom Hale, a baker.\n"
ADDED_ABOVE = "“Nobody asked us,” said Lena Park, a nurse.\n\n"


def test_a_quote_numbered_like_an_earlier_highlight_can_still_be_highlighted(qtbot, real_window, tmp_path):
    path = tmp_path / "harbour.txt"
    path.write_text(FIRST, encoding="utf-8")
    open_and_wait(qtbot, real_window, path)
    first = real_window.current.extraction.quotes[0]
    assert first.text.startswith("“The wall")
    real_window.annotations.highlight_quote(first)
    save(real_window)

    path.write_text(ADDED_ABOVE + FIRST, encoding="utf-8")  # the article gains a quote above
    open_and_wait(qtbot, real_window, path)
    (earlier,) = real_window.annotations.store.annotations
    new_first = real_window.current.extraction.quotes[0]
    assert new_first.text.startswith("“Nobody") and new_first.id == earlier.quote_id

    assert real_window.annotations.highlight_quote(new_first) != earlier.id
    spans = sorted((a.start, a.end) for a in real_window.annotations.store.annotations)
    assert spans == sorted([(earlier.start, earlier.end), (new_first.start, new_first.end)])
