"""Review: "Highlight this quote" keeps its link when the article changes, and recognises its
earlier highlight by place, not by id alone.

Quote ids are made from the quote's words, so a quote added above leaves the others' ids alone.
Sidecars from before numbered quotes in text order (``q1``, ``q2``…), so a saved ``quote_id`` may
still name another quote than the one its annotation covers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.qt.conftest import open_and_wait
from tests.qt.test_annotating_panel import save

pytestmark = pytest.mark.gui

FIRST = "“The wall will hold,” said Mayor Ana Ruiz on Monday.\n\n“We have waited long enough,” said Tom Hale, a baker.\n"
ADDED_ABOVE = "“Nobody asked us,” said Lena Park, a nurse.\n\n"


def highlight_first_quote_and_save(qtbot, window, path: Path):
    """Open ``path`` (holding ``FIRST``), highlight its first quote, save; returns that quote."""
    path.write_text(FIRST, encoding="utf-8")
    open_and_wait(qtbot, window, path)
    first = window.current.extraction.quotes[0]
    assert first.text.startswith("“The wall")
    window.annotations.highlight_quote(first)
    save(window)
    return first


def relink_saved_highlight(qtbot, window, path: Path, quote_id: str) -> None:
    """Give the saved highlight another ``quote_id`` (as an older sidecar would have), reopen."""
    window.close_article()
    sidecar = path.with_name(path.name + ".annotations.json")
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    data["annotations"][0]["quote_id"] = quote_id
    sidecar.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    open_and_wait(qtbot, window, path)


def test_a_quote_added_above_leaves_the_link_and_a_stale_id_refuses_nothing(qtbot, real_window, tmp_path):
    path = tmp_path / "harbour.txt"
    first = highlight_first_quote_and_save(qtbot, real_window, path)

    path.write_text(ADDED_ABOVE + FIRST, encoding="utf-8")  # the article gains a quote above
    open_and_wait(qtbot, real_window, path)
    (earlier,) = real_window.annotations.store.annotations
    quotes = real_window.current.extraction.quotes
    covered = next(quote for quote in quotes if (quote.start, quote.end) == (earlier.start, earlier.end))
    assert covered.id == earlier.quote_id == first.id  # the link survived the edit above it
    new_first = quotes[0]
    assert new_first.text.startswith("“Nobody") and new_first.id != earlier.quote_id

    # A sidecar written when ids were numbers: its quote_id now names the new first quote.
    relink_saved_highlight(qtbot, real_window, path, new_first.id)
    (stale,) = real_window.annotations.store.annotations
    assert stale.quote_id == new_first.id
    assert real_window.annotations.highlight_quote(new_first) != stale.id
    spans = sorted((a.start, a.end) for a in real_window.annotations.store.annotations)
    assert spans == sorted([(stale.start, stale.end), (new_first.start, new_first.end)])


def test_a_highlight_saved_with_a_numbered_id_is_not_doubled(qtbot, real_window, tmp_path):
    """A sidecar from before holds ``"quote_id": "q1"`` on the first quote's Quote highlight:
    "Highlight This Quote" on that quote must find it, not lay a second one over it."""
    path = tmp_path / "harbour.txt"
    highlight_first_quote_and_save(qtbot, real_window, path)
    relink_saved_highlight(qtbot, real_window, path, "q1")  # as the numbering wrote it
    (old,) = real_window.annotations.store.annotations
    first = real_window.current.extraction.quotes[0]
    assert (old.start, old.end) == (first.start, first.end) and old.quote_id != first.id

    assert real_window.annotations.highlight_quote(first) == old.id
    assert len(real_window.annotations.store.annotations) == 1
