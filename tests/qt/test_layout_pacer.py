"""A long article is laid out in slices after it shows, and the scroll bar ends up knowing all of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.article import Article, Block
from annotator.qt.article.article_view import ArticleView

pytestmark = pytest.mark.gui

PARAGRAPH = "The council said the wall “was never finished”, and residents waded home at dusk. " * 4


def long_article(paragraphs: int = 1500) -> Article:
    text = "\n\n".join(f"{n}. {PARAGRAPH}" for n in range(paragraphs))
    blocks, start = [], 0
    for piece in text.split("\n\n"):
        blocks.append(Block("paragraph", start, start + len(piece)))
        start += len(piece) + 2
    return Article(source=Path("long.txt"), text=text, blocks=blocks)


@pytest.fixture
def view(qtbot):
    widget = ArticleView()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_long_article_is_laid_out_in_many_slices_to_the_end(view, qtbot):
    view.show_article(long_article())
    assert view.layout_pacer.active
    qtbot.waitUntil(lambda: not view.layout_pacer.active, timeout=20_000)
    assert view.layout_pacer.slices > 3
    qtbot.wait(20)  # the layout reports its final size on the next turn of the event loop
    scroll_range = view.verticalScrollBar().maximum()
    # Asking for the size lays out whatever is left: nothing may be left.
    view.document().documentLayout().documentSize()
    qtbot.wait(20)
    assert view.verticalScrollBar().maximum() == scroll_range
    assert scroll_range > 100 * view.viewport().height()


def test_a_new_width_starts_the_pacing_again(view, qtbot):
    view.show_article(long_article(300))
    qtbot.waitUntil(lambda: not view.layout_pacer.active, timeout=20_000)
    view.resize(500, 700)
    assert view.layout_pacer.active
    qtbot.waitUntil(lambda: not view.layout_pacer.active, timeout=20_000)
    qtbot.wait(20)
    scroll_range = view.verticalScrollBar().maximum()
    view.document().documentLayout().documentSize()
    qtbot.wait(20)
    assert view.verticalScrollBar().maximum() == scroll_range


def test_reading_starts_before_the_layout_is_complete(view, qtbot):
    """The first page can be painted and scrolled while the rest is still being laid out."""
    view.show_article(long_article())
    qtbot.wait(1)
    assert view.layout_pacer.active
    view.verticalScrollBar().setValue(view.verticalScrollBar().singleStep() * 3)
    assert view.offset_at(view.viewport().rect().center()) > 0


def test_zooming_a_long_article_rebuilds_it_off_the_gui_thread_and_keeps_the_place(view, qtbot):
    from annotator.qt.article.article_view import BACKGROUND_REBUILD_CHARS

    article = long_article(1200)
    assert len(article.text) >= BACKGROUND_REBUILD_CHARS
    view.show_article(article)
    view.scroll_to_offset(article.text.index("600. "), margin_fraction=0.0)
    top = view.offset_at(view.viewport().rect().topLeft())
    old_size = view.document().defaultFont().pointSizeF()
    view.set_point_size(view.point_size + 2)
    view.set_point_size(view.point_size + 2)  # a second step before the first arrives
    assert view.rebuilding
    assert view.document().defaultFont().pointSizeF() == old_size  # the old page stays readable meanwhile
    qtbot.waitUntil(lambda: not view.rebuilding, timeout=20_000)
    assert view.document().defaultFont().pointSizeF() == pytest.approx(old_size + 4)
    assert view.document().toPlainText().replace("\u2029", "\n") == article.text
    assert abs(view.offset_at(view.viewport().rect().topLeft()) - top) < len(PARAGRAPH)


def test_a_rebuild_for_an_article_no_longer_shown_is_dropped(view, qtbot):
    view.show_article(long_article(1200))
    view.set_point_size(view.point_size + 2)
    short = long_article(3)
    view.show_article(short)
    qtbot.wait(300)
    assert view.article is short
    assert view.document().toPlainText().replace("\u2029", "\n") == short.text


def test_a_held_pacer_lays_out_nothing_until_released(view, qtbot):
    """While extraction runs the window holds the pacer; Qt's own big steps stay filtered too."""
    view.show_article(long_article())
    view.layout_pacer.hold()
    slices = view.layout_pacer.slices
    qtbot.wait(100)
    assert view.layout_pacer.slices == slices
    assert view.layout_pacer.active  # layout is still owed
    last = view.document().lastBlock()
    assert last.layout().lineCount() == 0  # neither the pacer nor Qt's timer went on
    view.layout_pacer.release()
    qtbot.waitUntil(lambda: not view.layout_pacer.active, timeout=20_000)
    assert view.document().lastBlock().layout().lineCount() > 0


def test_the_window_holds_the_pacer_while_extracting_and_releases_it_after(qtbot, make_window, tmp_path):
    import threading

    from annotator.core.extraction.model import Extraction
    from annotator.core.readers import read_article

    release = threading.Event()

    def slow_extract(article):
        release.wait(10)
        return Extraction()

    path = tmp_path / "long.txt"
    path.write_text(long_article().text, encoding="utf-8")
    window = make_window(read_article, slow_extract)
    with qtbot.waitSignal(window.loader.text_ready, timeout=10_000):
        window.open_path(path)
    qtbot.wait(50)
    assert window.view.layout_pacer.active
    assert window.view.document().lastBlock().layout().lineCount() == 0
    release.set()
    qtbot.waitUntil(lambda: window.current is not None, timeout=10_000)
    qtbot.waitUntil(lambda: not window.view.layout_pacer.active, timeout=20_000)
