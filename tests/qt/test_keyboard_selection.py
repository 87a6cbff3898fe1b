"""Making a highlight without a mouse: a caret, keyboard selection, Find's match, words by default."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from tests.qt.conftest import HARBOUR, open_and_wait
from tests.qt.test_annotating import point_of_offset_in_view, saved_annotations, select, sidecar_of

pytestmark = pytest.mark.gui

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def article(tmp_path) -> Path:
    copy = tmp_path / "story.txt"
    shutil.copyfile(HARBOUR, copy)
    return copy


def _put_caret(window, offset: int) -> None:
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(window.view.position_map.to_document(offset))
    window.view.setTextCursor(cursor)


def _focus(qtbot, window) -> None:
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)


def test_the_article_has_a_visible_read_only_caret(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    flags = window.view.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert not flags & Qt.TextInteractionFlag.TextEditable
    assert window.view.isReadOnly() and window.view.cursorWidth() >= 1
    _focus(qtbot, window)
    before = window.view.article.text
    qtbot.keyClicks(window.view, "xyz")  # typing changes nothing
    assert window.view.article.text == before and window.view.document().toPlainText().count("xyz") == 0


def test_shift_arrows_select_and_a_label_key_highlights_the_selection(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    _focus(qtbot, window)
    text = window.view.article.text
    start = text.index("harbour master")
    _put_caret(window, start)
    for _ in range(len("harbour")):
        qtbot.keyClick(window.view, Qt.Key.Key_Right, SHIFT)
    assert window.view.selected_text() == "harbour"
    qtbot.keyClick(window.view, Qt.Key.Key_Right, CTRL_SHIFT)  # by word: to the start of "master"
    qtbot.keyClick(window.view, Qt.Key.Key_Right, CTRL_SHIFT)  # and past it, with the space after
    assert window.view.selected_text().rstrip() == "harbour master"
    qtbot.keyClick(window.view, "1")
    qtbot.waitUntil(lambda: sidecar_of(article).exists() and not window.isWindowModified(), timeout=5000)
    saved = saved_annotations(article)  # the space the caret took along is trimmed by the core
    assert [(a["start"], a["end"], a["label"]) for a in saved] == [(start, start + len("harbour master"), "Claim")]


def test_shift_end_and_shift_home_select_to_the_line_edges(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    _focus(qtbot, window)
    text = window.view.article.text
    start = text.index("harbour master")
    _put_caret(window, start)
    qtbot.keyClick(window.view, Qt.Key.Key_End, SHIFT)
    selected = window.view.selected_text()
    assert selected.startswith("harbour master") and len(selected) > len("harbour master")
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, SHIFT)
    assert len(window.view.selected_text()) > len(selected)


def test_a_found_match_is_the_selection_a_label_key_acts_on_after_escape(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    window.activateWindow()
    window.actions.find.trigger()
    qtbot.waitUntil(window.find_bar.field.hasFocus)
    qtbot.keyClicks(window.find_bar.field, "harbour master")
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    qtbot.waitUntil(window.view.hasFocus)
    assert QApplication.focusWidget() is window.view
    assert window.view.selected_text() == "harbour master"
    qtbot.keyClick(QApplication.focusWidget(), "2")
    qtbot.waitUntil(lambda: sidecar_of(article).exists() and not window.isWindowModified(), timeout=5000)
    assert [a["selector"]["exact"] for a in saved_annotations(article)] == ["harbour master"]


def test_focus_returns_to_the_article_after_the_labels_dialog_closes(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    window.activateWindow()
    window.sidebar.setFocus()
    dialog = window.show_labels_dialog()
    qtbot.waitExposed(dialog)
    dialog.reject()
    qtbot.waitUntil(window.view.hasFocus)


def _release_over(qtbot, window, offset: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.mouseRelease(window.view.viewport(), Qt.MouseButton.LeftButton, modifier, point_of_offset_in_view(window, offset))


def test_a_mouse_selection_snaps_to_whole_words_and_alt_keeps_it_exact(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    text = window.view.article.text
    start = text.index("harbour master")
    select(window, start + 2, start + len("harbour mas"))  # "rbour mas": cuts both words
    _release_over(qtbot, window, start + len("harbour mas"))
    assert window.view.selected_text() == "harbour master"
    cursor = window.view.textCursor()
    assert cursor.position() > cursor.anchor()  # the caret stays at the end the drag went to

    select(window, start + 2, start + len("harbour mas"))
    _release_over(qtbot, window, start + len("harbour mas"), Qt.KeyboardModifier.AltModifier)
    assert window.view.selected_text() == "rbour mas"
