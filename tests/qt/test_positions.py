"""The one UTF-16 converter, and the document built so that it stays exact."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor

from annotator.core.article import Article, Block
from annotator.core.readers import read_article
from annotator.qt.article.document_builder import ArticleFormats, build_document
from annotator.qt.article.fonts import reading_font
from annotator.qt.positions import PositionMap, utf16_length
from annotator.qt.window.theme import theme_named

pytestmark = pytest.mark.gui

TRICKY = (
    "Emoji 🌊 and 👩\u200d👩\u200d👧 family, flag 🇺🇦;\n"
    "combining: Zoe\u0308, n\u0303, e\u0301\u0301;\n"
    "CJK 北港 and astral 𠀀𠀁;\n"
    "NBSP at 6\u00a0pm, thin\u2009space, line\u2028separator\n"
    "\n"
    "tab\tend 🐟"
)


def offsets_of(text: str) -> range:
    return range(len(text) + 1)


def test_plain_bmp_text_maps_one_to_one():
    position_map = PositionMap("Café – naïve “quotes” and NBSP\u00a0here")
    for offset in range(position_map.text_length + 1):
        assert position_map.to_document(offset) == offset
        assert position_map.to_text(offset) == offset


def test_astral_characters_take_two_positions():
    text = "a🌊b𠀀c"
    position_map = PositionMap(text)
    assert [position_map.to_document(i) for i in offsets_of(text)] == [0, 1, 3, 4, 6, 7]
    assert position_map.document_length == utf16_length(text) == 7


def test_position_inside_a_surrogate_pair_snaps_to_the_character():
    position_map = PositionMap("a🌊b")
    assert position_map.to_text(2) == 1  # between the two halves of 🌊
    assert position_map.to_text(2, round_up=True) == 2
    assert position_map.span_to_text(2, 2) == (1, 2)


def test_out_of_range_is_an_error_not_a_silent_clamp():
    position_map = PositionMap("ab")
    with pytest.raises(ValueError):
        position_map.to_document(3)
    with pytest.raises(ValueError):
        position_map.to_text(-1)


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=60))
def test_round_trip_matches_utf16_prefix_lengths(text):
    position_map = PositionMap(text)
    for offset in offsets_of(text):
        position = position_map.to_document(offset)
        assert position == utf16_length(text[:offset])
        assert position_map.to_text(position) == offset


def build(text: str, blocks: list[Block] | None = None):
    article = Article(source=__import__("pathlib").Path("x.txt"), text=text, blocks=blocks or [])
    formats = ArticleFormats(theme_named("light").article, reading_font())
    return build_document(article, formats), PositionMap(text)


def document_text(document) -> str:
    """The document's characters, positions intact: block separators read as "\\n"."""
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    return cursor.selectedText().replace("\u2029", "\n")


def test_document_holds_exactly_the_canonical_text(qapp):
    document, position_map = build(TRICKY)
    assert document.characterCount() == position_map.document_length + 1
    assert document_text(document) == TRICKY


@pytest.mark.parametrize("fragment", ["🌊", "👩\u200d👩\u200d👧", "Zoe\u0308", "北港", "𠀀𠀁", "6\u00a0pm", "line\u2028separator", "🐟"])
def test_every_span_selects_its_own_text(qapp, fragment):
    document, position_map = build(TRICKY)
    start = TRICKY.index(fragment)
    end = start + len(fragment)
    doc_start, doc_end = position_map.span_to_document(start, end)
    cursor = QTextCursor(document)
    cursor.setPosition(doc_start)
    cursor.setPosition(doc_end, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == fragment
    assert position_map.span_to_text(cursor.selectionStart(), cursor.selectionEnd()) == (start, end)


def test_carriage_returns_left_in_the_text_keep_one_position_each(qapp):
    text = "one\r\ntwo\rthree\u2029four"
    document, position_map = build(text)
    assert document.characterCount() == len(text) + 1
    assert document.blockCount() == 5  # \r\n counts as two breaks, as two code points
    cursor = QTextCursor(document)
    cursor.setPosition(position_map.to_document(text.index("three")))
    cursor.setPosition(position_map.to_document(text.index("four") + 4), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "three\u2029four"


def test_crlf_file_read_from_disk_stays_exact(qapp, tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("Headline 🌊 here\r\n\r\nA “quote” with\u00a0NBSP, Zoe\u0308.\r\n".encode())
    article = read_article(path)
    formats = ArticleFormats(theme_named("light").article, reading_font())
    document = build_document(article, formats)
    position_map = PositionMap(article.text)
    assert document_text(document) == article.text
    start = article.text.index("“quote”")
    cursor = QTextCursor(document)
    cursor.setPosition(position_map.to_document(start))
    cursor.setPosition(position_map.to_document(start + len("“quote” with\u00a0NBSP")), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "“quote” with\u00a0NBSP"


def test_blocks_set_each_line_kind(qapp):
    text = "Headline\n\nA caption line\nBody text."
    blocks = [Block("headline", 0, 8), Block("caption", 10, 24), Block("paragraph", 25, 35)]
    document, _ = build(text, blocks)
    states = []
    block = document.begin()
    while block.isValid():
        states.append(block.userState())
        block = block.next()
    from annotator.core.article import BLOCK_KINDS

    assert states == [
        BLOCK_KINDS.index("headline"),
        -1,
        BLOCK_KINDS.index("caption"),
        BLOCK_KINDS.index("paragraph"),
    ]
