"""Review: the article keeps its reading font and zoom when the desktop's font changes."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from tests.qt.test_layout_pacer import long_article, view  # noqa: F401 (the shown view fixture)

pytestmark = pytest.mark.gui


def test_a_new_application_font_leaves_the_article_font_and_zoom_alone(view, qtbot):  # noqa: F811
    view.show_article(long_article(20))
    view.set_point_size(view.point_size + 4)
    reading = QFont(view.document().defaultFont())
    app = QApplication.instance()
    previous = QFont(app.font())
    try:
        app.setFont(QFont("DejaVu Sans Mono", 9))  # the desktop's font setting changed
        qtbot.wait(1)
        font = view.document().defaultFont()
        assert (font.family(), font.pointSizeF()) == (reading.family(), reading.pointSizeF())
    finally:
        app.setFont(previous)
