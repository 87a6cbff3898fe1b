"""Review: a highlight saved when quote ids were numbers (``q1``) is still that quote's highlight.

Quote ids are now made from the quote's words; a sidecar written before holds ``"quote_id": "q1"``
on the Quote highlight of the first quote. "Highlight This Quote" on that same quote must find it
(as it did before the ids changed) instead of laying a second, identical highlight over it.
"""

from __future__ import annotations

import json

import pytest

from tests.qt.conftest import open_and_wait
from tests.qt.test_annotating_panel import save

pytestmark = pytest.mark.gui

TEXT = "“The wall will hold,” said Mayor Ana Ruiz on Monday.\n\n“We have waited long enough,” said Tom Hale, a baker.\n"


def test_a_highlight_saved_with_a_numbered_id_is_not_doubled(qtbot, real_window, tmp_path):
    path = tmp_path / "harbour.txt"
    path.write_text(TEXT, encoding="utf-8")
    open_and_wait(qtbot, real_window, path)
    first = real_window.current.extraction.quotes[0]
    real_window.annotations.highlight_quote(first)
    save(real_window)
    real_window.close_article()

    sidecar = path.with_name(path.name + ".annotations.json")
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    data["annotations"][0]["quote_id"] = "q1"  # as the numbering wrote it
    sidecar.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    open_and_wait(qtbot, real_window, path)
    (old,) = real_window.annotations.store.annotations
    first = real_window.current.extraction.quotes[0]
    assert (old.start, old.end) == (first.start, first.end) and old.quote_id != first.id

    assert real_window.annotations.highlight_quote(first) == old.id
    assert len(real_window.annotations.store.annotations) == 1
