"""How the article view renders block kinds, and the caption marker it paints."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QTextCursor

from annotator.core.readers import read_article
from annotator.qt.article.article_view import ArticleView
from annotator.qt.window.theme import theme_named
from tests.qt.conftest import HARBOUR

pytestmark = pytest.mark.gui


@pytest.fixture
def view(qtbot):
    widget = ArticleView()
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_article(read_article(HARBOUR))
    return widget


def char_format_at(view: ArticleView, fragment: str):
    text = view.article.text
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.position_map.to_document(text.index(fragment) + 1))
    return cursor.charFormat(), cursor.blockFormat()


def test_each_block_kind_looks_like_what_it_is(view):
    body_font = view.document().defaultFont()
    headline, _ = char_format_at(view, "Harbour lights")
    assert headline.font().pointSizeF() >= 1.8 * body_font.pointSizeF()
    assert headline.font().weight() == QFont.Weight.Bold
    standfirst, _ = char_format_at(view, "The storm that crossed")
    assert standfirst.font().pointSizeF() > body_font.pointSizeF()
    caption, caption_block = char_format_at(view, "(pictured) outside")
    assert caption.fontItalic()
    assert caption.font().pointSizeF() < body_font.pointSizeF()
    assert caption.foreground().color() == view.colors.muted
    assert caption_block.leftMargin() > 0
    _, bullet_block = char_format_at(view, "Fourteen cafés")
    assert bullet_block.textIndent() < 0 < bullet_block.leftMargin()  # hanging bullet
    related, _ = char_format_at(view, "READ MORE")
    source, _ = char_format_at(view, "Source: Bay")
    assert related.foreground().color() == source.foreground().color() == view.colors.muted
    paragraph, _ = char_format_at(view, "A spokesman")
    assert paragraph.foreground().color() == view.colors.text


def test_captions_get_a_painted_marker_and_no_extra_text(view):
    text = view.article.text
    assert view.document().characterCount() == view.position_map.document_length + 1
    start = text.index("Renée Lefèvre (pictured)")
    view.scroll_to_offset(start)
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.position_map.to_document(start))
    rect = view.cursorRect(cursor)
    image = view.viewport().grab().toImage()
    background = image.pixelColor(2, rect.top()).name()
    left_of_caption = {
        image.pixelColor(x, y).name()
        for x in range(max(0, rect.left() - 40), rect.left() - 2)
        for y in range(rect.top(), rect.bottom())
    }
    assert left_of_caption - {background}, "no caption marker painted beside the caption"


def test_dark_theme_recolors_the_text(view):
    view.set_colors(theme_named("dark").article)
    paragraph, _ = char_format_at(view, "A spokesman")
    assert paragraph.foreground().color() == theme_named("dark").article.text
    assert view.article.text == HARBOUR.read_text(encoding="utf-8")


def test_documents_replaced_by_new_articles_or_zoom_are_deleted(view, qtbot):
    """Each opened article's document (with its whole layout) used to stay until the window closed."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QTextDocument

    article = read_article(HARBOUR)
    for _ in range(3):
        view.show_article(article)
        view.set_point_size(view.point_size + 1)
    view.clear_article()
    view.show_article(article)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    documents = view.findChildren(QTextDocument)
    assert documents == [view.document()]
