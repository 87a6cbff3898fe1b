"""Review: the pacer notices a layout reset it was not told of, instead of catching up in one stall."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont

from annotator.qt.article.article_view import ArticleView
from tests.qt.test_layout_pacer import long_article, view  # noqa: F401 (the shown view fixture)

pytestmark = pytest.mark.gui


def laid_out(view: ArticleView, block_number: int) -> bool:
    return view.document().findBlockByNumber(block_number).layout().lineCount() > 0


def test_a_font_change_while_pacing_starts_again_from_the_top_in_small_slices(view, qtbot):  # noqa: F811
    view.show_article(long_article(6000))
    last = view.document().blockCount() - 1
    qtbot.waitUntil(lambda: laid_out(view, 2000), timeout=20_000)
    assert view.layout_pacer.active and not laid_out(view, last)
    reached = max(n for n in range(0, last, 50) if laid_out(view, n))

    # QTextEdit copies a new widget font into its document (as on a change of the desktop's
    # font) and lays everything out again from the top, without the pacer being told.
    view.setFont(QFont("DejaVu Sans", 15))
    assert not laid_out(view, reached)
    view.layout_pacer._slice()  # one step, as the pacer's timer would take it
    assert not laid_out(view, reached), "one slice laid out everything up to the old place at once"

    qtbot.waitUntil(lambda: not view.layout_pacer.active, timeout=20_000)
    assert laid_out(view, last)
