"""U+2028 and U+2029 in a plain-text article: blocks recovered, document positions still exact."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from annotator.core.readers import read_article
from annotator.qt.article.document_builder import ArticleFormats, build_document
from annotator.qt.article.fonts import reading_font
from annotator.qt.positions import PositionMap
from annotator.qt.window.theme import theme_named

pytestmark = pytest.mark.gui

TEXT = (
    "Ferry 🌊 timetable cut\u2029"
    "By Ines Varga\u2028TESSEL, May 3\u2029"
    "The ferry 🚢 will run twice a day.\u2028“We have no choice,” Varga said.\u2029"
    "Tickets go on sale on Friday.\n"
)


def selected(document, position_map: PositionMap, start: int, end: int) -> str:
    cursor = QTextCursor(document)
    cursor.setPosition(position_map.to_document(start))
    cursor.setPosition(position_map.to_document(end), QTextCursor.MoveMode.KeepAnchor)
    assert position_map.span_to_text(cursor.selectionStart(), cursor.selectionEnd()) == (start, end)
    return cursor.selectedText()


def test_separators_keep_one_position_each_and_every_block_selects_its_text(qapp, tmp_path):
    path = tmp_path / "separators.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    article = read_article(path)
    assert article.text == TEXT
    document = build_document(article, ArticleFormats(theme_named("light").article, reading_font()))
    position_map = PositionMap(article.text)
    assert document.characterCount() == position_map.document_length + 1
    assert [block.kind for block in article.blocks][:3] == ["headline", "byline", "dateline"]
    for block in article.blocks:
        assert selected(document, position_map, block.start, block.end) == article.text[block.start : block.end]
    # A span across a line separator keeps the separator itself (Qt keeps U+2028 in the block).
    start = TEXT.index("By Ines")
    end = TEXT.index("May 3") + len("May 3")
    assert selected(document, position_map, start, end) == "By Ines Varga\u2028TESSEL, May 3"
    # Each paragraph separator is a block separator, one position like the code point it stands for.
    assert document.blockCount() == TEXT.count("\u2029") + TEXT.count("\n") + 1
