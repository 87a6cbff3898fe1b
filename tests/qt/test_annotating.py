"""Annotating as a user does: select, press a label's key, undo, save, reopen, read-only sidecars."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from annotator.core.annotations import SidecarWriteError
from annotator.qt.annotations.annotation_highlights import ANNOTATION_LAYER
from annotator.qt.window.main_window import MainWindow
from tests.qt.conftest import HARBOUR, open_and_wait

pytestmark = pytest.mark.gui


@pytest.fixture
def article(tmp_path) -> Path:
    copy = tmp_path / "story.txt"
    shutil.copyfile(HARBOUR, copy)
    return copy


def sidecar_of(article: Path) -> Path:
    return article.with_name(article.name + ".annotations.json")


def select(window: MainWindow, start: int, end: int) -> None:
    """Select code-point offsets through the view's cursor, converted by positions.py."""
    position_map = window.view.position_map
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(position_map.to_document(start))
    cursor.setPosition(position_map.to_document(end), QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)


def point_of_offset_in_view(window: MainWindow, offset: int):
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(window.view.position_map.to_document(offset))
    return window.view.cursorRect(cursor).center()


def saved_annotations(article: Path) -> list[dict]:
    return json.loads(sidecar_of(article).read_text(encoding="utf-8"))["annotations"]


def highlight_and_wait_for_autosave(qtbot, window: MainWindow, article: Path, start: int, end: int, key: str = "1"):
    select(window, start, end)
    qtbot.keyClick(window.view, key)
    qtbot.waitUntil(lambda: sidecar_of(article).exists() and not window.isWindowModified(), timeout=5000)


def test_key_over_selection_highlights_and_autosaves(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    text = window.view.article.text
    start = text.index("🔥")  # an astral character: document positions differ from offsets
    end = start + len("🔥") + 10
    select(window, start, end)
    qtbot.keyClick(window.view, "1")
    assert window.isWindowModified()
    assert [(h.start, h.end) for h in window.view.highlights.layer(ANNOTATION_LAYER)] == [(start, end)]
    qtbot.waitUntil(lambda: sidecar_of(article).exists() and not window.isWindowModified(), timeout=5000)
    (saved,) = saved_annotations(article)
    assert (saved["start"], saved["end"], saved["label"]) == (start, end, "Claim")
    assert saved["selector"]["exact"] == text[start:end]


def test_undo_removes_from_screen_and_disk_and_redo_restores(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    highlight_and_wait_for_autosave(qtbot, window, article, 10, 30, "2")
    assert saved_annotations(article)[0]["label"] == "Evidence"
    window.annotations.undo_action.trigger()
    assert window.view.highlights.layer(ANNOTATION_LAYER) == []
    qtbot.waitUntil(lambda: saved_annotations(article) == [], timeout=5000)
    window.annotations.redo_action.trigger()
    assert len(window.view.highlights.layer(ANNOTATION_LAYER)) == 1
    qtbot.waitUntil(lambda: len(saved_annotations(article)) == 1, timeout=5000)


def test_ctrl_z_and_ctrl_shift_z_undo_and_redo(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(lambda: window.view.hasFocus())
    select(window, 5, 25)
    qtbot.keyClick(window.view, "3")
    assert len(window.annotations.store.annotations) == 1
    assert window.annotations.undo_stack.undoText() == "Highlight as Opinion"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.annotations.store.annotations) == 0
    qtbot.keyClick(
        window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert len(window.annotations.store.annotations) == 1


def test_save_now_and_reopen_restores_overlapping_highlights(qtbot, make_window, article):
    window = make_window()
    open_and_wait(qtbot, window, article)
    select(window, 10, 60)
    qtbot.keyClick(window.view, "1")
    select(window, 21, 30)  # a word's edge: no space to trim
    qtbot.keyClick(window.view, "4")
    select(window, 51, 80)
    qtbot.keyClick(window.view, "5")
    assert window.isWindowModified()
    window.annotations.save_action.trigger()
    assert not window.isWindowModified()
    assert sorted((a["start"], a["end"], a["label"]) for a in saved_annotations(article)) == [
        (10, 60, "Claim"),
        (21, 30, "Question"),
        (51, 80, "Quote"),
    ]
    highlights = window.view.highlights.layer(ANNOTATION_LAYER)
    nested = [h for h in highlights if (h.start, h.end) == (21, 30)][0]
    assert nested.char_format.fontUnderline() or nested.char_format.underlineStyle() != 0
    window.close()

    again = make_window()
    open_and_wait(qtbot, again, article)
    assert sorted((a.start, a.end, a.label) for a in again.annotations.store.annotations) == [
        (10, 60, "Claim"),
        (21, 30, "Question"),
        (51, 80, "Quote"),
    ]
    drawn = again.view.highlights.layer(ANNOTATION_LAYER)
    assert {offset for h in drawn for offset in range(h.start, h.end)} == {
        offset
        for start, end in ((10, 60), (21, 30), (51, 80))
        for offset in range(start, end)
        if again.view.article.text[offset] != "\n"
    }
    assert not again.isWindowModified()


def test_key_without_selection_does_nothing(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    qtbot.keyClick(window.view, "1")
    assert len(window.annotations.store.annotations) == 0
    assert not window.annotations.undo_stack.canUndo()


def test_context_menu_offers_labels_over_a_selection(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    select(window, 40, 52)
    actions = window.view.context_actions_at(window.view.viewport().rect().center())
    names = [action.text().split("\t")[0] for action in actions]
    assert "Highlight as Opinion" in names
    next(a for a in actions if a.text().startswith("Highlight as Opinion")).trigger()
    (annotation,) = list(window.annotations.store.annotations)
    assert (annotation.start, annotation.end, annotation.label) == (40, 52, "Opinion")


def test_corrupt_sidecar_is_read_only_and_left_untouched(qtbot, window, article):
    sidecar_of(article).write_bytes(b"{ not json")
    open_and_wait(qtbot, window, article)
    assert window.annotations.store.read_only
    qtbot.waitUntil(lambda: window.annotations.dialog is not None)
    assert "read" in window.annotations.dialog.text().lower()
    window.annotations.dialog.close()
    select(window, 10, 30)
    qtbot.keyClick(window.view, "1")
    assert len(window.annotations.store.annotations) == 0
    assert "read-only" in window.statusBar().currentMessage()
    assert window.view.context_actions_at(window.view.viewport().rect().center()) == []
    window.annotations.flush()
    assert sidecar_of(article).read_bytes() == b"{ not json"


def test_write_failure_offers_save_as(qtbot, window, article, tmp_path, monkeypatch):
    open_and_wait(qtbot, window, article)
    store = window.annotations.store

    def failing_save(*, overwrite=False):
        raise SidecarWriteError(store.path, "the folder is read-only")

    monkeypatch.setattr(store, "save", failing_save)
    offered: list[str] = []
    monkeypatch.setattr(window.annotations, "_offer_save_as", lambda error: offered.append(str(error)) or False)
    select(window, 10, 30)
    qtbot.keyClick(window.view, "1")
    window.annotations.save_action.trigger()
    assert offered == ["the folder is read-only"]
    assert window.isWindowModified()
    elsewhere = tmp_path / "elsewhere.annotations.json"
    assert window.annotations.save_as(elsewhere)
    assert json.loads(elsewhere.read_text(encoding="utf-8"))["annotations"][0]["start"] == 10
    assert not window.isWindowModified()


def test_closing_with_unwritable_changes_asks(qtbot, window, article, monkeypatch):
    open_and_wait(qtbot, window, article)
    monkeypatch.setattr(window.annotations, "flush", lambda: False)
    asked: list[bool] = []

    def fake_exec(box):
        asked.append(True)
        box.button(box.StandardButton.Cancel).click() if box.button(box.StandardButton.Cancel) else None
        return 0

    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.exec", fake_exec)
    window.close()
    assert asked == [True]
    assert window.isVisible()
    monkeypatch.undo()


def test_highlights_skip_line_breaks_between_paragraphs(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    text = window.view.article.text
    first_break = text.index("\n")
    select(window, first_break - 5, first_break + 8)
    qtbot.keyClick(window.view, "1")
    pieces = [(h.start, h.end) for h in window.view.highlights.layer(ANNOTATION_LAYER)]
    assert pieces and all("\n" not in text[start:end] for start, end in pieces)
    assert pieces[0] == (first_break - 5, first_break)
    assert pieces[-1][1] == first_break + 8


def click_button_when_asked(monkeypatch, button_text: str) -> list[str]:
    """Answer the next modal message boxes by clicking ``button_text``; returns their texts."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        next(button for button in box.buttons() if button.text() == button_text).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return asked


def test_sidecar_changed_by_another_program_asks_and_keeps_theirs(qtbot, window, article, monkeypatch):
    open_and_wait(qtbot, window, article)
    highlight_and_wait_for_autosave(qtbot, window, article, 10, 30, "1")
    theirs = sidecar_of(article).read_text(encoding="utf-8").replace('"note": ""', '"note": "theirs"')
    sidecar_of(article).write_text(theirs, encoding="utf-8")
    select(window, 40, 60)
    qtbot.keyClick(window.view, "2")
    asked = click_button_when_asked(monkeypatch, "Keep Theirs")
    window.annotations.save_action.trigger()
    assert len(asked) == 1 and "changed by another program" in asked[0]
    assert sidecar_of(article).read_text(encoding="utf-8") == theirs
    (kept,) = list(window.annotations.store.annotations)
    assert kept.note == "theirs"
    assert not window.isWindowModified()


def test_sidecar_changed_by_another_program_can_be_overwritten(qtbot, window, article, monkeypatch):
    open_and_wait(qtbot, window, article)
    highlight_and_wait_for_autosave(qtbot, window, article, 10, 30, "1")
    sidecar_of(article).write_text(
        sidecar_of(article).read_text(encoding="utf-8").replace('"note": ""', '"note": "theirs"'), encoding="utf-8"
    )
    select(window, 40, 60)
    qtbot.keyClick(window.view, "2")
    click_button_when_asked(monkeypatch, "Overwrite")
    window.annotations.save_action.trigger()
    assert [(a["start"], a["note"]) for a in saved_annotations(article)] == [(10, ""), (40, "")]


def test_orphans_are_listed_under_needs_review(qtbot, make_window, article):
    window = make_window()
    open_and_wait(qtbot, window, article)
    text = window.view.article.text
    paragraph = text.index("A spokesman")
    highlight_and_wait_for_autosave(qtbot, window, article, paragraph, paragraph + 30, "1")
    window.close()
    article.write_text(text[:paragraph] + text[text.index("\n", paragraph) + 1 :], encoding="utf-8")

    again = make_window()
    open_and_wait(qtbot, again, article)
    (orphan,) = list(again.annotations.store.annotations)
    assert orphan.status == "orphan"
    assert again.view.highlights.layer(ANNOTATION_LAYER) == []
    panel = again.annotations_panel
    panel.review_filter.setChecked(True)
    assert panel.filter_model.rowCount() == 1
    assert panel.filter_model.index(0, 1).data().startswith("A spokesman")
    assert "need review" in again.statusBar().currentMessage()


def test_returning_to_the_window_loads_a_sidecar_changed_elsewhere(qtbot, window, article):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    open_and_wait(qtbot, window, article)
    highlight_and_wait_for_autosave(qtbot, window, article, 10, 30, "1")
    sidecar_of(article).write_text(
        sidecar_of(article).read_text(encoding="utf-8").replace('"note": ""', '"note": "from elsewhere"'),
        encoding="utf-8",
    )
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))
    assert [a.note for a in window.annotations.store.annotations] == ["from elsewhere"]
    assert "changed by another program" in window.statusBar().currentMessage()


def test_closing_right_after_an_edit_saves_it(qtbot, window, article):
    open_and_wait(qtbot, window, article)
    select(window, 10, 30)
    qtbot.keyClick(window.view, "1")
    assert window.annotations.autosave_timer.isActive()
    window.close()
    assert [(a["start"], a["end"]) for a in saved_annotations(article)] == [(10, 30)]


def test_opening_another_article_saves_the_first(qtbot, window, article, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Another short article about tides.\n", encoding="utf-8")
    open_and_wait(qtbot, window, article)
    select(window, 10, 30)
    qtbot.keyClick(window.view, "1")
    open_and_wait(qtbot, window, other)
    assert [(a["start"], a["end"]) for a in saved_annotations(article)] == [(10, 30)]
    assert len(window.annotations.store.annotations) == 0
    assert not window.annotations.undo_stack.canUndo()


def test_needs_review_counts_fuzzy_reattachments_as_well_as_orphans(qtbot, make_window, article):
    window = make_window()
    open_and_wait(qtbot, window, article)
    text = window.view.article.text
    spokesman = text.index("A spokesman")
    storm = text.index("The storm that crossed the bay")
    highlight_and_wait_for_autosave(qtbot, window, article, spokesman, spokesman + 30, "1")
    highlight_and_wait_for_autosave(qtbot, window, article, storm, storm + len("The storm that crossed the bay"), "2")
    window.close()
    # One paragraph goes; one highlighted phrase is reworded a little (attached by similarity).
    edited = text[:spokesman] + text[text.index("\n", spokesman) + 1 :]
    edited = edited.replace("The storm that crossed the bay", "The storm which crossed the bay")
    article.write_text(edited, encoding="utf-8")

    again = make_window()
    open_and_wait(qtbot, again, article)
    statuses = sorted(a.status for a in again.annotations.store.annotations)
    assert statuses == ["fuzzy", "orphan"]
    assert "2 need review (1 not found)" in again.statusBar().currentMessage()
    panel = again.annotations_panel
    assert panel.review_filter.text() == "Needs review (2)" and panel.review_filter.isEnabled()
    qtbot.mouseClick(panel.review_filter, Qt.MouseButton.LeftButton)
    assert panel.review_filter.isChecked() and panel.filter_model.rowCount() == 2
